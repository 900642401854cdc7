# -e read=SET / -e write=SET (issue 9): the hex dumps after each call on a descriptor
# of the sets are strace's, line for line, whatever -s says, and so are the iovec
# arrays that run into unreadable memory (tests/e2e/hexdump.c);
# and a call with more data than one record carries says how much it did not dump.

# The calls on descriptors 7..11 and the dump lines after them, addresses normalised
# (the loader's reads of fd 3 are the tracer's to see or not).
hexdump_lines() {
	awk '/^[a-z0-9_]+\(/ { keep = ($0 ~ /^[a-z0-9_]+\((7|8|9|10|11),/) }
	     keep' "$1" | sed -E 's/0x[0-9a-f]{6,}/0xADDR/g'
}

if wanted hexdump; then
	if [ -n "$nostrace" ]; then
		skip hexdump "$nostrace"
	elif have_tracer hexdump && have_prog hexdump hexdump; then
		d=$WORK/hexdump
		mkdir -p "$d/run"
		hd_opts=(-s 8 -e trace=read,write,pread64,pwrite64,readv,writev,preadv,pwritev,sendto,recvfrom,sendmsg,recvmsg
			-e read=7,8,9,11 -e write=7,8,9,10)
		(cd "$d/run" && exec timeout "$TIMEOUT" strace "${hd_opts[@]}" -o "$d/strace.raw" \
			"$BIN/hexdump" </dev/null >"$d/strace.out" 2>"$d/strace.err")
		src=$?
		(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" "${hd_opts[@]}" -o "$d/sctrace.raw" \
			"$BIN/hexdump" </dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
		trc=$?
		[ -f "$d/sctrace.raw" ] || : >"$d/sctrace.raw"
		hexdump_lines "$d/strace.raw" >"$d/strace.lines"
		hexdump_lines "$d/sctrace.raw" >"$d/sctrace.lines"
		if [ "$src" -ne 0 ]; then
			fail hexdump "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		elif [ "$trc" -ne 0 ]; then
			fail hexdump "exit $trc under sctrace: $(first_line "$d/sctrace.err")"
		elif ! grep -q '^ | 00bb0 ' "$d/strace.lines"; then
			fail hexdump "strace printed no dump of the 3000-byte write"
		elif ! diff -u --label strace --label sctrace "$d/strace.lines" "$d/sctrace.lines" >"$d/diff"; then
			fail hexdump "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing"
			show "$d/diff"
		else
			pass hexdump
		fi
	fi
fi

# 40,000 bytes written and read: the first 32 KiB dumped (2048 lines), then the count
# of the rest, once per call
if wanted hexdump-bound && have_tracer hexdump-bound && have_prog hexdump-bound hexdump; then
	d=$WORK/hexdump-bound
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -e trace=read,write -e read=7 -e write=8 \
		-o "$d/trace" "$BIN/hexdump" big </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	[ -f "$d/trace" ] || : >"$d/trace"
	lines=$(grep -c '^ | 0[0-9a-f]*  ' "$d/trace")
	notes=$(grep -c '^ | <sctrace: 7232 bytes not dumped: ' "$d/trace")
	last=$(grep -c '^ | 07ff0  ' "$d/trace")
	if [ "$rc" -ne 0 ]; then
		fail hexdump-bound "exit $rc: $(first_line "$d/err")"
	elif [ "$lines" != 4096 ] || [ "$notes" != 2 ] || [ "$last" != 2 ]; then
		fail hexdump-bound "$lines dump lines (4096 expected), $notes notes of 7232 bytes not dumped (2), $last lines at 0x7ff0 (2)"
		show "$d/trace"
	else
		pass hexdump-bound
	fi
fi
