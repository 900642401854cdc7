# sctrace started with signals ignored (inherited, as `trap '' CHLD ILL` leaves them):
# with SIGCHLD ignored it must still see its command end (an ignored SIGCHLD reaps
# children unseen: the loop waited forever), and the command must find SIGCHLD and
# SIGILL ignored as they were given (sctrace's crash handler for SIGILL, reset by
# exec, gave it the default).  The command reads its own SigIgn mask.
if wanted ignored-signals; then
	d=$WORK/ignored-signals
	mkdir -p "$d"
	# (timeout outside: it sets SIGCHLD for itself, which its command would inherit)
	timeout -s KILL "$TIMEOUT" bash -c 'trap "" CHLD ILL; exec "$@"' sh \
		"$SCTRACE" -o "$d/trace" -e trace=none cat /proc/self/status >"$d/out" 2>"$d/err"
	rc=$?
	ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$d/out")
	# SigIgn's bit N-1 is signal N: SIGCHLD 17, SIGILL 4
	if [ "$rc" -ne 0 ]; then
		fail ignored-signals "sctrace exited $rc (137: killed after ${TIMEOUT}s, it hung); $(head -c 300 "$d/err")"
	elif [ -z "$ign" ] || [ $((0x$ign >> 16 & 1)) -ne 1 ] || [ $((0x$ign >> 3 & 1)) -ne 1 ]; then
		fail ignored-signals "the command's SigIgn is '$ign': SIGCHLD or SIGILL not ignored as given"
	else
		pass ignored-signals
	fi
fi
