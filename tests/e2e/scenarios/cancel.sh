# A call pthread_cancel cuts short is shown once, "= ? ERESTARTSYS" or the code that
# call gets (tests/e2e/cases compares the windows with strace; they end at the
# SIGRTMIN line).  In complete mode the signal's trampoline writes that line, and the
# wrapper's cleanup, run as the cancellation unwinds, once wrote a second one after
# it, with no start time: about 1 run in 15 that copy sorted before the cancel itself.
if wanted cancel-once && have_tracer cancel-once && have_prog cancel-once cancel; then
	d=$WORK/cancel-once
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" "$BIN/cancel" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	[ -f "$d/trace" ] || : >"$d/trace"
	# pids with more than one "= ?" line, and how many threads had one
	twice=$(awk '/ = \? / { n[$1]++ } END { for (p in n) if (n[p] > 1) printf " %s", p }' "$d/trace")
	once=$(awk '/ = \? / { n[$1]++ } END { print length(n) }' "$d/trace")
	if [ "$rc" -ne 0 ]; then
		fail cancel-once "exit $rc: $(first_line "$d/err")"
	elif [ -n "$twice" ]; then
		fail cancel-once "threads with a cut call shown more than once:$twice"
		show "$d/trace"
	elif [ "$once" -lt 7 ]; then
		fail cancel-once "$once threads show a cut call, 7 expected (read, poll, nanosleep, select, accept, recv, ppoll)"
		show "$d/trace"
	else
		pass cancel-once
	fi
fi
