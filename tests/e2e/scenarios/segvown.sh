# SIGSEGV/SIGBUS belong to the library (fault-safe reads), invisibly: the program's
# own handlers (alternate stack, stack overflow, SA_RESETHAND) work as untraced and
# sigaction shows its own actions; a real fault with no handler kills as untraced.
if [ -n "$ASAN_RT" ]; then	# a SANITIZE=address build (run.sh): its getsockname(bad)
	wanted segvown && skip segvown "$asan_badptr"
	wanted segvown-transparent && skip segvown-transparent "$asan_badptr"
else
	compare segvown -- segvown handler
	transparent segvown-transparent segvown handler
fi
transparent segvown-die-transparent segvown die
if wanted segvown-die && have_tracer segvown-die && have_prog segvown-die segvown; then
	d=$WORK/segvown-die
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -o "$d/trace" "$BIN/segvown" die \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	if [ "$rc" -ne 139 ]; then
		fail segvown-die "exit $rc, not 139 (killed by SIGSEGV): $(first_line "$d/err")"
	elif [ "$(tail -n 1 "$d/trace")" != "+++ killed by SIGSEGV +++" ]; then
		fail segvown-die "the trace does not end with +++ killed by SIGSEGV +++"
		show "$d/trace"
	else
		pass segvown-die
	fi
fi
