# sctrace killed with SIGKILL while the program runs: the program runs on to its end,
# never blocked on a full ring, and the session directory does not stay behind
if wanted runner-killed && have_tracer runner-killed && have_prog runner-killed longrun; then
	d=$WORK/runner-killed
	mkdir -p "$d/base"	# a base of its own: other runs' sessions do not count
	SCTRACE_DIR="$d/base" start_longrun -f
	kill -KILL "$runner"
	wait "$runner" 2>/dev/null
	for i in $(seq 50); do
		[ "$(tail -n 1 "$d/out" 2>/dev/null)" = done ] && break
		sleep 0.1
	done
	sleep 0.2
	left=$(ls -A "$d/base")
	if [ "$(tail -n 1 "$d/out")" != done ] || [ "$(grep -c tick "$d/out")" != 50 ]; then
		fail runner-killed "the program did not run to its end: $(wc -l <"$d/out") lines of output"
	elif [ -n "$left" ]; then
		fail runner-killed "session directory left behind: $left"
	else
		pass runner-killed
	fi
fi

# a program killed by a signal: every call it completed is in the trace, then strace's
# "+++ killed by SIG... +++" line, and sctrace dies of the same signal
for sig in kill segv; do
	wanted killed-$sig && have_tracer killed-$sig && have_prog killed-$sig die || continue
	d=$WORK/killed-$sig
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -o "$d/trace" "$BIN/die" $sig </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	want_rc=$([ $sig = kill ] && echo 137 || echo 139)
	want_last="+++ killed by SIG$(echo $sig | tr a-z A-Z)"
	n=$(grep -cE '^close\(-1[0-9]{2}\) += -1 EBADF' "$d/trace")
	if [ "$rc" != "$want_rc" ]; then
		fail killed-$sig "sctrace exited $rc, want $want_rc"
	elif [ "$n" != 100 ]; then
		fail killed-$sig "$n of the 100 calls made before the signal are in the trace"
	elif ! tail -n 1 "$d/trace" | grep -qF "$want_last"; then
		fail killed-$sig "last line is not '$want_last ...': $(tail -n 1 "$d/trace")"
	else
		pass killed-$sig
	fi
done


# sctrace gets SIGTERM: it passes it on to the command, keeps what it traced, ends
# as the command ended, and removes its session directory
if wanted sigterm-runner && have_tracer sigterm-runner && have_prog sigterm-runner longrun; then
	d=$WORK/sigterm-runner
	mkdir -p "$d/base"
	SCTRACE_DIR="$d/base" start_longrun
	kill -TERM "$runner"
	wait "$runner"
	rc=$?
	ticks=$(grep -c 'tick' "$d/out")
	traced=$(grep -c '^write(1, "tick\\n", 5) *= 5$' "$d/trace")
	if [ "$rc" != 143 ]; then
		fail sigterm-runner "sctrace exited $rc, want 143 (killed by SIGTERM like the command)"
	elif [ "$ticks" -ge 50 ]; then
		fail sigterm-runner "the command was not stopped by the signal"
	elif [ "$traced" != "$ticks" ]; then
		fail sigterm-runner "the command wrote $ticks ticks, the trace shows $traced"
	elif ! tail -n 1 "$d/trace" | grep -q '^+++ killed by SIGTERM +++$'; then
		fail sigterm-runner "last line: $(tail -n 1 "$d/trace")"
	elif [ -n "$(ls -A "$d/base")" ]; then
		fail sigterm-runner "session directory left behind"
	else
		pass sigterm-runner
	fi
fi
