# Signal delivery lines: "--- SIGUSR1 {si_signo=...} ---", the handler's calls and
# "rt_sigreturn({mask=[]}) = N", compared with strace line for line (tests/e2e/
# siglines.c).  Only complete mode sees them (the trampoline every handler runs
# through, and the trapped rt_sigreturn), so with --libc-only the comparison is
# skipped.  Tick counts of the child (si_utime, si_stime) are made equal first: they
# depend on where the timer interrupt fell, not on the tracer (siglines.sed).
# siglines-filter: -e signal= keeps only the signals named, also "+++ killed by".
compare_complete siglines "$here/scenarios/siglines.sed" siglines

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
