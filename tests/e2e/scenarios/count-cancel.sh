# -c: a call pthread_cancel cuts short is counted once, as an error, as strace -c does
# (the wrappers' own -c path keeps the cleanup that counts a call unwound out of)
if wanted count-cancel && have_tracer count-cancel && have_prog count-cancel cancel; then
	d=$WORK/count-cancel
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -c "$BIN/cancel" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	bad=
	for c in read poll accept recvfrom epoll_wait pselect6 ppoll clock_nanosleep; do
		e=$(awk -v c="$c" '$NF == c && NF == 6 { print $5 }' "$d/err")
		[ "$e" = 1 ] || bad="$bad $c:${e:-none}"
	done
	if [ "$rc" -ne 0 ]; then
		fail count-cancel "exit $rc: $(first_line "$d/err")"
	elif [ -n "$bad" ]; then
		fail count-cancel "errors counted, not 1 each:$bad"
		show "$d/err"
	else
		pass count-cancel
	fi
fi
