# -e inject= / -e fault= (issue 9): the lines of the tampered calls and what the
# program sees of them (its stdout: results, errno, a handler run by signal=) are
# strace's, with when= counting per call as strace counts; -c counts the faked
# errors as strace does; a thread counts its own calls.  Complete mode injects into raw syscall(2) calls too;
# with --libc-only only the wrapped calls can be tampered with (the program makes
# no raw call then).

inject_opts=(-f -e trace=getppid,unlink,lseek,chdir,getuid -e inject=getppid:error=EPERM:when=2+2
	--fault=unlink:when=2 -e inject=lseek:retval=77 -e inject=chdir:retval=42:signal=SIGUSR1
	-e inject=getuid:retval=4242:when=2)

# the traced calls' lines without the pid (-f), the parent's pid and the uid
# normalised, and (--libc-only, which does not print deliveries) no signal line
inject_lines() {
	sed -E -e 's/^[0-9]+ +//' -e 's/^(getppid|getuid)\(\) += [0-9]+$/\1() = N/' \
		-e "$([ $complete = 1 ] && echo '/^$/d' || echo '/^--- SIG/d')" "$1" |
		grep -E '^(getppid|unlink|lseek|chdir|getuid)\(|^--- SIG'
}

if wanted inject; then
	if [ -n "$nostrace" ]; then
		skip inject "$nostrace"
	elif have_tracer inject && have_prog inject inject; then
		d=$WORK/inject
		mkdir -p "$d/run"
		arg=$([ $complete = 1 ] && echo raw || echo libc)
		for t in strace "$SCTRACE"; do
			n=$(basename "$t")
			(cd "$d/run" && exec timeout "$TIMEOUT" "$t" "${inject_opts[@]}" -o "$d/$n.raw" \
				"$BIN/inject" "$arg" </dev/null >"$d/$n.out" 2>"$d/$n.err")
			echo $? >"$d/$n.rc"
			[ -f "$d/$n.raw" ] || : >"$d/$n.raw"
			inject_lines "$d/$n.raw" >"$d/$n.lines"
			# -c: the calls and errors columns of the four calls
			(cd "$d/run" && exec timeout "$TIMEOUT" "$t" -c "${inject_opts[@]}" \
				"$BIN/inject" "$arg" </dev/null >/dev/null 2>"$d/$n.count")
			awk '$NF ~ /^(getppid|unlink|lseek|chdir|getuid)$/ { print $NF, $(NF-2), $(NF-1) }' \
				"$d/$n.count" | sort >"$d/$n.counts"
		done
		if [ "$(cat "$d/strace.rc")" != 0 ]; then
			fail inject "the program failed under strace: $(first_line "$d/strace.err")"
		elif [ "$(cat "$d/sctrace.rc")" != 0 ]; then
			fail inject "exit $(cat "$d/sctrace.rc") under sctrace: $(first_line "$d/sctrace.err")"
		elif ! grep -Eq '^getppid\(\) += -1 EPERM .* \(INJECTED\)$' "$d/strace.lines"; then
			fail inject "strace injected nothing: $(first_line "$d/strace.err")"
		elif ! diff -u --label strace --label sctrace "$d/strace.out" "$d/sctrace.out" >"$d/diff.out"; then
			fail inject "the program saw other results than under strace"
			show "$d/diff.out"
		elif ! diff -u --label strace --label sctrace "$d/strace.lines" "$d/sctrace.lines" >"$d/diff"; then
			fail inject "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing"
			show "$d/diff"
		elif ! diff -u --label "strace -c" --label "sctrace -c" "$d/strace.counts" "$d/sctrace.counts" >"$d/diff.c"; then
			fail inject "-c counts other calls or errors than strace -c"
			show "$d/diff.c"
		else
			pass inject
		fi
	fi
fi
