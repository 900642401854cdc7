# Signal delivery lines: "--- SIGUSR1 {si_signo=...} ---", the handler's calls and
# "rt_sigreturn({mask=[]}) = N", compared with strace line for line (tests/e2e/
# siglines.c).  Only complete mode sees them (the trampoline every handler runs
# through, and the trapped rt_sigreturn), so with --libc-only the comparison is
# skipped.  Tick counts of the child (si_utime, si_stime) are made equal first: they
# depend on where the timer interrupt fell, not on the tracer.
# siglines-filter: -e signal= keeps only the signals named, also "+++ killed by".
if wanted siglines; then
	if [ $complete = 0 ]; then
		skip siglines "entry points only: no trampoline, no signal delivery lines"
	elif [ -n "$nostrace" ]; then
		skip siglines "$nostrace"
	elif have_tracer siglines && have_prog siglines siglines; then
		d=$WORK/siglines
		mkdir -p "$d/run"
		(cd "$d/run" && exec timeout "$TIMEOUT" strace -f -o "$d/strace.raw" "$BIN/siglines" \
			</dev/null >"$d/strace.out" 2>"$d/strace.err")
		src=$?
		(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/sctrace.raw" "$BIN/siglines" \
			</dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
		trc=$?
		# rt_sigqueueinfo takes a pid first; window.awk maps those of kill-like calls
		for t in strace sctrace; do
			awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$t.raw" |
				sed -E 's/si_utime=[0-9]+( \/\* [0-9.]+ s \*\/)?, si_stime=[0-9]+( \/\* [0-9.]+ s \*\/)?/si_utime=T, si_stime=T/; s/^rt_sigqueueinfo\(P?[0-9]+,/rt_sigqueueinfo(PID,/' \
				>"$d/$t.win"
		done
		if [ "$src" -ne 0 ]; then
			fail siglines "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		elif [ "$trc" -ne 0 ]; then
			fail siglines "exit $trc under sctrace: $(first_line "$d/sctrace.err")"
		elif [ "$(grep -c '^== window' "$d/strace.win")" != 8 ] || grep -q '^(' "$d/strace.win"; then
			fail siglines "strace's windows are not the program's 8"
			show "$d/strace.win"
		elif ! diff -u --label "strace siglines" --label "sctrace siglines" \
			"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
			fail siglines "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
			show "$d/diff"
		else
			pass siglines
		fi
	fi
fi

if wanted siglines-filter && have_tracer siglines-filter && have_prog siglines-filter siglines &&
   have_prog siglines-filter segvown; then
	d=$WORK/siglines-filter
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -e signal='!SIGUSR1,chld' -o "$d/trace" \
		"$BIN/siglines" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -e signal=none -o "$d/killed" \
		"$BIN/segvown" die </dev/null >"$d/out2" 2>"$d/err2")
	rc2=$?
	got=$(sed -n 's/^--- \(SIG[A-Z0-9_]*\) .*/\1/p' "$d/trace" | sort -u | tr '\n' ' ')
	if [ $complete = 1 ]; then want="SIGALRM SIGPIPE SIGRT_2 SIGSEGV SIGUSR2 "; else want="SIGSEGV "; fi
	if [ "$rc" -ne 0 ]; then
		fail siglines-filter "exit $rc: $(first_line "$d/err")"
	elif [ "$got" != "$want" ]; then
		fail siglines-filter "-e signal='!SIGUSR1,chld' printed lines of: $got; expected $want"
	elif [ "$rc2" -ne 139 ] || grep -q '^+++ killed\|^---' "$d/killed"; then
		fail siglines-filter "-e signal=none: exit $rc2, or a signal line: $(grep -m1 '^+++ killed\|^---' "$d/killed")"
	else
		pass siglines-filter
	fi
fi
