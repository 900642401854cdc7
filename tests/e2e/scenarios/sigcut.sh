# sigcut: calls a signal cuts short (tests/e2e/sigcut.c) print as strace prints them:
# "= ? ERESTARTSYS ..." before the signal's line, "rt_sigreturn(...) = 0" and the
# restarted call after it, or "= -1 EINTR" on rt_sigreturn; nanosleep's remainder.
# Complete mode only: the calls are raw syscall()s (with --libc-only they are not
# seen, and no signal line is printed).  What nanosleep had left to sleep and the
# sender's pid differ from run to run and are made equal first.
if wanted sigcut; then
	if [ $complete = 0 ]; then
		skip sigcut "entry points only: raw calls and signal lines are not seen"
	elif [ -n "$nostrace" ]; then
		skip sigcut "$nostrace"
	elif have_tracer sigcut && have_prog sigcut sigcut; then
		d=$WORK/sigcut
		mkdir -p "$d/run"
		(cd "$d/run" && exec timeout "$TIMEOUT" strace -f -o "$d/strace.raw" "$BIN/sigcut" \
			</dev/null >"$d/strace.out" 2>"$d/strace.err")
		src=$?
		(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/sctrace.raw" "$BIN/sigcut" \
			</dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
		trc=$?
		for t in strace sctrace; do
			awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$t.raw" |
				sed -E 's/si_pid=[0-9]+/si_pid=P/; s/^((clock_)?nanosleep\((CLOCK_REALTIME, 0, )?\{tv_sec=20, tv_nsec=0\}, )\{tv_sec=[0-9]+, tv_nsec=[0-9]+\}/\1{REM}/' \
				>"$d/$t.win"
		done
		if [ "$src" -ne 0 ]; then
			fail sigcut "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		elif [ "$trc" -ne 0 ]; then
			fail sigcut "exit $trc under sctrace: $(first_line "$d/sctrace.err")"
		elif [ "$(grep -c '^== window' "$d/strace.win")" != 6 ] || grep -q '^(' "$d/strace.win"; then
			fail sigcut "strace's windows are not the program's 6"
			show "$d/strace.win"
		elif ! diff -u --label "strace sigcut" --label "sctrace sigcut" \
			"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
			fail sigcut "$(($(grep -c '^-' "$d/diff") - 1)) strace lines differ or are missing, $(($(grep -c '^+' "$d/diff") - 1)) extra or different sctrace lines"
			show "$d/diff"
		else
			pass sigcut
		fi
	fi
fi
