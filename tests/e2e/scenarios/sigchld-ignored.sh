# sctrace started with SIGCHLD ignored (inherited, as `trap '' CHLD` leaves it): it
# must still see its command end (an ignored SIGCHLD reaps children unseen: the loop
# waited forever), and the command must find SIGCHLD ignored as it was given.
if wanted sigchld-ignored; then
	d=$WORK/sigchld-ignored
	mkdir -p "$d"
	# bit 17 of SigIgn: SIGCHLD (0x10000 in its hex mask)
	# (timeout outside: it sets SIGCHLD for itself, which its command would inherit)
	timeout -s KILL "$TIMEOUT" bash -c 'trap "" CHLD; exec "$@"' sh \
		"$SCTRACE" -o "$d/trace" -e trace=none cat /proc/self/status >"$d/out" 2>"$d/err"
	rc=$?
	ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$d/out")
	if [ "$rc" -ne 0 ]; then
		fail sigchld-ignored "sctrace exited $rc (137: killed after ${TIMEOUT}s, it hung); $(head -c 300 "$d/err")"
	elif [ -z "$ign" ] || [ $((0x$ign >> 16 & 1)) -ne 1 ]; then
		fail sigchld-ignored "the command's SigIgn is '$ign': SIGCHLD not ignored as it was given"
	else
		pass sigchld-ignored
	fi
fi
