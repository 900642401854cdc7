# an exec of an image that runs without the library is said in the trace, not silent
if wanted untraced && have_tracer untraced; then
	d=$WORK/untraced
	mkdir -p "$d"
	printf 'int main(void) { return 0; }\n' >"$d/s.c"
	if ! ${CC:-cc} -static -o "$d/static_true" "$d/s.c" 2>"$d/cc.err"; then
		skip untraced-static "no static libc to link with: $(first_line "$d/cc.err")"
	else
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" sh -c "$d/static_true; exit 0" \
			</dev/null >"$d/out" 2>"$d/err")
		# sctrace's own messages go to stderr, as strace's do, even with -o
		# and when it is sctrace's own command
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -o "$d/trace1" "$d/static_true" \
			</dev/null >"$d/out1" 2>"$d/err1")
		# -c records no path: the note says what, without it
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -c -o "$d/count" sh -c "$d/static_true; exit 0" \
			</dev/null >"$d/outc" 2>"$d/errc")
		if ! grep -qE "^sctrace: pid [0-9]+ says: '$d/static_true' is statically linked: not traced\$" "$d/err"; then
			fail untraced-static "no 'is statically linked: not traced' line in $d/err"
		elif ! grep -qE "^sctrace: pid [0-9]+: '$d/static_true' is statically linked: not traced\$" "$d/err1"; then
			fail untraced-static "no 'is statically linked: not traced' line for the command itself in $d/err1"
		elif ! grep -qE "^sctrace: pid [0-9]+: the image it execs is statically linked: not traced\$" "$d/errc"; then
			fail untraced-static "with -c: no 'the image it execs is statically linked' line in $d/errc"
		else
			pass untraced-static
		fi
	fi
	# Go's linker marks its binaries with this section; a dynamically linked Go
	# program loads the library but its runtime calls the kernel directly
	printf '%s\n' '__attribute__((section(".note.go.buildid"), used))' \
		'static const char id[] = "Go";' 'int main(void) { return 0; }' >"$d/g.c"
	if ! ${CC:-cc} -o "$d/go_true" "$d/g.c" 2>"$d/cc.err"; then
		fail untraced-go "cannot compile: $(first_line "$d/cc.err")"
	else
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace3" sh -c "$d/go_true; exit 0" \
			</dev/null >"$d/out3" 2>"$d/err3")
		if grep -qE "^sctrace: pid [0-9]+ says: '$d/go_true' is a Go program, whose system calls bypass libc: not traced\$" "$d/err3"; then
			pass untraced-go
		else
			fail untraced-go "no 'is a Go program ...: not traced' line in $d/err3"
		fi
	fi
	if [ "$(id -u)" != 0 ] || ! id nobody >/dev/null 2>&1; then
		skip untraced-setuid "needs root to make a setuid file of another user"
	else
		cp "$(type -P true)" "$d/suid_true" && chown nobody "$d/suid_true" && chmod u+s "$d/suid_true"
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace2" sh -c "$d/suid_true; exit 0" \
			</dev/null >"$d/out2" 2>"$d/err2")
		if grep -qE "^sctrace: pid [0-9]+ says: '$d/suid_true' is setuid: not traced\$" "$d/err2"; then
			pass untraced-setuid
		else
			fail untraced-setuid "no 'is setuid: not traced' line in $d/err2"
		fi
	fi
fi
