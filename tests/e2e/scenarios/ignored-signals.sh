# sctrace started with signals ignored (inherited, as `trap '' CHLD` leaves them):
# with SIGCHLD ignored it must still see its command end (an ignored SIGCHLD reaps
# children unseen: the loop waited forever), and the command must find SIGCHLD,
# SIGILL and SIGBUS ignored as they were given (sctrace's own handlers for SIGILL
# and SIGBUS, reset by exec, gave it the default), as sigaction tells it.
if wanted ignored-signals && have_prog ignored-signals ignsig; then
	d=$WORK/ignored-signals
	mkdir -p "$d"
	# (timeout outside: it sets SIGCHLD for itself, which its command would inherit)
	timeout -s KILL "$TIMEOUT" bash -c 'trap "" CHLD ILL BUS; exec "$@"' sh \
		"$SCTRACE" -o "$d/trace" -e trace=none "$BIN/ignsig" 17 4 7 >"$d/out" 2>"$d/err"
	rc=$?
	if [ "$rc" -eq 137 ]; then
		fail ignored-signals "sctrace killed after ${TIMEOUT}s: it hung"
	elif [ "$rc" -ne 0 ]; then
		fail ignored-signals "exit $rc: $(head -c 300 "$d/out" "$d/err")"
	else
		pass ignored-signals
	fi
fi
