# little shared memory: a 16 MiB tmpfs as the session's home is refused with a note,
# and tracing works from the fall-back
if wanted small-shm && have_tracer small-shm && have_prog small-shm simple; then
	d=$WORK/small-shm
	mkdir -p "$d/tmpfs"
	if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=16m tmpfs "$d/tmpfs" 2>"$d/mount.err"; then
		skip small-shm "cannot mount a small tmpfs here (needs root and mount rights)"
	else
		(cd "$d" && SCTRACE_DIR="$d/tmpfs" exec "$SCTRACE" -o "$d/trace" "$BIN/simple" \
			</dev/null >"$d/out" 2>"$d/err")
		rc=$?
		umount "$d/tmpfs"
		if [ "$rc" != 0 ]; then
			fail small-shm "exit $rc: $(first_line "$d/err")"
		elif ! grep -q "^sctrace: $d/tmpfs has less than 32 MiB free: session in " "$d/err"; then
			fail small-shm "no note about the small tmpfs on stderr"
		elif ! grep -q '^close(-4321) *= -1 EBADF' "$d/trace"; then
			fail small-shm "nothing traced from the fall-back location"
		else
			pass small-shm
		fi
	fi
fi

# security: the session directory is private (0700, the user's).  (Ring files are
# created 0600 with O_EXCL|O_NOFOLLOW inside it, and unlinked by the runner as soon
# as it maps them, so there is seldom one to look at.)
if wanted private-session && have_tracer private-session && have_prog private-session longrun; then
	d=$WORK/private-session
	mkdir -p "$d/base"
	SCTRACE_DIR="$d/base" start_longrun -f
	sess=$(ls -d "$d/base"/sctrace-* 2>/dev/null | head -n 1)
	mode=$([ -n "$sess" ] && stat -c '%a %u' "$sess")
	wait "$runner"
	if [ -z "$sess" ]; then
		fail private-session "no session directory under SCTRACE_DIR while the program ran"
	elif [ "$mode" != "700 $(id -u)" ]; then
		fail private-session "session directory is '$mode' (mode, owner), want '700 $(id -u)'"
	elif [ -n "$(ls -A "$d/base")" ]; then
		fail private-session "left in SCTRACE_DIR: $(ls -A "$d/base")"
	else
		pass private-session
	fi
fi

# symlinks planted in the session directory, at the ring names of threads still to
# come and at names the runner scans: no writer or reader follows one
if wanted planted-links && have_tracer planted-links && have_prog planted-links stress; then
	d=$WORK/planted-links
	mkdir -p "$d/base" "$d/run" "$d/targets"
	# In a PID namespace of its own where one can be made, so that the thread ids
	# come next after the program's: on a busy machine 300 others may be taken first
	# (then nothing is tested, and the test says so).
	pidns=
	if unshare -pf --mount-proc true 2>/dev/null; then pidns="unshare -pf --mount-proc"
	elif unshare -Urpf --mount-proc true 2>/dev/null; then pidns="unshare -Urpf --mount-proc"
	fi
	# shellcheck disable=SC2086
	(cd "$d/run" && SCTRACE_DIR="$d/base" exec timeout "$TIMEOUT" $pidns "$SCTRACE" -f -o "$d/trace" \
		"$BIN/stress" late </dev/null >"$d/out" 2>"$d/err") &
	runner=$!
	# the program's pid from its first trace line (the runner unlinks mapped rings)
	pid= sess=
	for _ in $(seq 200); do
		pid=$(trace_pid)
		sess=$(ls -d "$d/base"/sctrace-* 2>/dev/null | head -n 1)
		[ -n "$pid" ] && [ -n "$sess" ] && break
		sleep 0.05
	done
	if [ -n "$pid" ] && [ -n "$sess" ]; then
		# targets made by the shell itself and linked by one ln: the next thread ids
		# are not used up by the planting
		t=$((pid + 1))
		while [ "$t" -le $((pid + 300)) ]; do
			echo 'do not touch' >"$d/targets/$pid.$t.ring"
			t=$((t + 1))
		done
		echo 'do not touch' >"$d/targets/1.1.ring"
		ln -s -t "$sess" "$d/targets"/*.ring
	fi
	sleep 0.01
	: >"$d/ref"	# newer than the targets: a write to one makes it newer still
	: >"$d/run/go"
	wait "$runner"
	rc=$?
	# a call another thread's line cut in two counts by its first half
	n=$(grep -cE 'close\(-5252(\) += -1 EBADF| <unfinished \.\.\.>$)' "$d/trace")
	hit=$(grep -E 'close\(-5252' "$d/trace" | awk -v p="$pid" '$1 > p && $1 <= p + 300' | wc -l)
	if [ -z "$pid" ] || [ -z "$sess" ]; then
		fail planted-links "no session directory in $d/base or no trace line while the program ran"
	elif [ "$rc" != 0 ]; then
		fail planted-links "exit $rc: $(first_line "$d/err")"
	elif [ "$n" != 20 ]; then
		fail planted-links "want the 20 threads' calls, have $n"
	elif [ "$hit" = 0 ]; then
		fail planted-links "no thread id fell among the planted names: nothing was tested"
	elif [ "$(cat "$d/targets"/* | sort -u)" != 'do not touch' ] ||
	     [ -n "$(find "$d/targets" -type f -newer "$d/ref")" ]; then
		fail planted-links "a file a planted link points at was changed"
	elif [ -n "$(ls -A "$d/base")" ]; then
		fail planted-links "left in SCTRACE_DIR: $(ls -A "$d/base")"
	else
		pass planted-links
	fi
fi
