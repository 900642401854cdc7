# signals: blocked, ignored, handled on a small alternate stack; nothing changes and
# every call the handler made is in the trace
if [ -n "$ASAN_RT" ]; then
	wanted signals && skip signals "$asan_small_stack"
elif wanted signals && have_tracer signals && have_prog signals signals; then
	d=$WORK/signals
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -o "$d/trace" "$BIN/signals" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	n=$(grep -c '^close(-4343) *= -1 EBADF' "$d/trace")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "signals: ok" ]; then
		fail signals "exit $rc: $(first_line "$d/err")"
	elif [ "$n" != 1000 ]; then
		fail signals "$n of the handler's 1000 close(-4343) calls are in the trace"
	elif ! grep -q '^write([0-9]*, "x", 1) *= -1 EPIPE (Broken pipe)$' "$d/trace"; then
		fail signals "no write(...) = -1 EPIPE line"
	else
		pass signals
	fi
fi
