# A traced program that scribbles on its own ring (head behind tail, a blob that
# claims 4 GiB, random bytes; tests/e2e/hostile_ring.c) and then fills the ring many
# times over: the program runs to its end (or, in one case, dies of SIGKILL right
# after the scribble), sctrace says "ring corrupt" exactly once with the program's
# pid and ends with its exit status; nothing else of the ring's
# reaches stderr.  And a program with SCTRACE_SESSION in its environment whose
# runner never comes (SCTRACE_RUNNER names a live process that is no runner) does
# not hang when its ring fills: it runs to its end and counts what it dropped.
for mode in backwards backwards-exit blob random; do
	wanted hostile-ring-$mode && have_prog hostile-ring-$mode hostile_ring || continue
	d=$WORK/hostile-ring-$mode
	mkdir -p "$d"
	(cd "$d" && exec timeout -k 5 "$TIMEOUT" "$SCTRACE" --ring-size=262144 -o "$d/trace" \
		"$BIN/hostile_ring" $mode 2000000 </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	want_out=done want_rc=0
	[ $mode = backwards-exit ] && want_out= want_rc=137
	case $mode in
	backwards*) what='head 0 behind tail [0-9]+' ;;
	blob) what='blob length 4294967295 at [0-9]+' ;;
	random) what='.+' ;;
	esac
	pid=$(sed -n 's/^sctrace: pid \([0-9]*\): ring corrupt: .*/\1/p' "$d/err" | head -n 1)
	# stderr: the report and the drops it caused, nothing else
	other=$(grep -vE '^sctrace: pid [0-9]+: (ring corrupt: .*|[0-9]+ records? lost: a ring was full)$' "$d/err")
	if [ "$rc" != $want_rc ]; then
		fail hostile-ring-$mode "sctrace exited $rc, want $want_rc (124: it did not end): $(first_line "$d/err")"
	elif [ "$(cat "$d/out")" != "$want_out" ]; then
		fail hostile-ring-$mode "the program did not run to its end: $(first_line "$d/out")"
	elif [ "$(grep -c 'ring corrupt' "$d/err")" != 1 ]; then
		fail hostile-ring-$mode "want one 'ring corrupt' report, have $(grep -c 'ring corrupt' "$d/err")"
	elif ! grep -qE "^sctrace: pid [0-9]+: ring corrupt: $what\$" "$d/err"; then
		fail hostile-ring-$mode "the report is not '$what': $(grep 'ring corrupt' "$d/err")"
	elif [ $mode != backwards-exit ] && ! grep -qE "^sctrace: pid $pid: [0-9]+ records? lost: a ring was full\$" "$d/err"; then
		fail hostile-ring-$mode "the records dropped after the report are not counted"
	elif [ -z "$pid" ] || ! grep -qE "^execve\(\"$BIN/hostile_ring\"" "$d/trace"; then
		fail hostile-ring-$mode "the report names no pid, or the trace has no execve: $(first_line "$d/err")"
	elif [ -n "$other" ]; then
		fail hostile-ring-$mode "unexpected on stderr: $(echo "$other" | head -n 1)"
	else
		pass hostile-ring-$mode
	fi
done

if wanted runner-absent && have_prog runner-absent hostile_ring; then
	d=$WORK/runner-absent
	rm -rf "$d"
	mkdir -p "$d/session"
	chmod 700 "$d/session"
	sleep 1000 </dev/null >/dev/null 2>&1 &
	stranger=$!
	(cd "$d" && exec env LD_PRELOAD="$LIB" SCTRACE_SESSION="$d/session" SCTRACE_MODE=trace \
		SCTRACE_RUNNER=$stranger SCTRACE_ROOT=0 SCTRACE_FOLLOW=1 SCTRACE_RING_SIZE=262144 \
		timeout -k 5 "$TIMEOUT" "$BIN/hostile_ring" orphan 400000 </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	kill "$stranger" 2>/dev/null
	wait "$stranger" 2>/dev/null
	lost=$(sed -n 's/^lost \([0-9]*\)$/\1/p' "$d/out")
	if [ "$rc" != 0 ]; then
		fail runner-absent "the program exited $rc, want 0 (124: it hung): $(first_line "$d/err")"
	elif [ "$(tail -n 1 "$d/out")" != done ]; then
		fail runner-absent "the program did not run to its end: $(first_line "$d/out")"
	elif [ -z "$lost" ] || [ "$lost" -eq 0 ]; then
		fail runner-absent "no drops counted in the ring: '$lost'"
	else
		pass runner-absent
	fi
fi

# The runner's pid taken by another process after it mapped the ring: a writer whose
# reader makes no pass for a while looks at /proc, sees a process that did not start
# when the runner did, and stops waiting.  (A runner that is only stopped keeps its
# start time, and the writer waits for it: full-ring-lossless.)  The program makes
# the start time in its header wrong and stops the runner itself, then continues it.
if wanted reader-replaced && have_prog reader-replaced hostile_ring; then
	d=$WORK/reader-replaced
	mkdir -p "$d"
	(cd "$d" && exec timeout -k 5 "$TIMEOUT" "$SCTRACE" --ring-size=262144 -o "$d/trace" \
		"$BIN/hostile_ring" reader-replaced 400000 </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	if [ "$rc" != 0 ]; then
		fail reader-replaced "sctrace exited $rc, want 0 (124: the program waited): $(first_line "$d/err")"
	elif [ "$(cat "$d/out")" != done ]; then
		fail reader-replaced "the program did not run to its end: $(first_line "$d/out")"
	elif ! grep -qE '^sctrace: pid [0-9]+: [0-9]+ records? lost: a ring was full$' "$d/err"; then
		fail reader-replaced "no drops counted: $(first_line "$d/err")"
	else
		pass reader-replaced
	fi
fi

# The runner obeys SIGTERM whatever the rings hold: the command has exited, its child
# (-f) ignores SIGTERM and has scribbled on its ring; a SIGTERM to sctrace ends it
# with the command's status, as strace detaches and ends, and leaves the child be.
if wanted runner-term && have_prog runner-term hostile_ring; then
	d=$WORK/runner-term
	mkdir -p "$d"
	"$SCTRACE" -f -o "$d/trace" "$BIN/hostile_ring" term 0 </dev/null >"$d/out" 2>"$d/err" &
	runner=$!
	for i in $(seq $((TIMEOUT * 10))); do
		[ -s "$d/out" ] && break
		sleep 0.1
	done
	child=$(head -n 1 "$d/out")
	kill -TERM "$runner"
	for i in $(seq $((TIMEOUT * 10))); do
		kill -0 "$runner" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$runner" 2>/dev/null; then
		kill -KILL "$runner"
		wait "$runner" 2>/dev/null
		fail runner-term "sctrace did not end on SIGTERM"
	else
		wait "$runner"
		rc=$?
		if [ -z "$child" ] || ! kill -0 "$child" 2>/dev/null; then
			fail runner-term "the child is not alive after sctrace ended: '$child'"
		elif [ "$rc" != 0 ]; then
			fail runner-term "sctrace exited $rc, want the command's 0"
		else
			pass runner-term
		fi
	fi
	[ -n "$child" ] && kill -KILL "$child" 2>/dev/null
fi
