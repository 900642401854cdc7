# Strict seccomp mode: the library makes no call of its own after it (no clock read,
# no bell to the runner, no wait for room in a full ring, nothing at exit), and the
# program ends as without sctrace, also under -c (tests/e2e/strict.c).
transparent strict strict

# -y resolves descriptors with readlink and fstat: not in a strict thread (the line
# shows the bare descriptor), which must not die of it either
if wanted strict-y; then
	d=$WORK/strict-y
	mkdir -p "$d"
	out=$(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -y -o "$d/trace" "$BIN/strict" 3 </dev/null 2>"$d/err")
	rc=$?
	if [ "$rc" != 0 ] || [ "$out" != done ]; then
		fail strict-y "exit $rc, stdout '$out': $(first_line "$d/err")"
	elif [ "$(grep -c 'write(3[<>/a-z]*, "x", 1) *= 1$' "$d/trace")" != 3 ]; then
		fail strict-y "not the 3 write lines"
		show "$d/trace"
	else
		pass strict-y
	fi
fi
