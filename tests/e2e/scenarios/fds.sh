# descriptors: the program closes everything and dup2s onto every number, and
# tracing goes on; the tracer owns none of the program's descriptors
if wanted fds && have_tracer fds && have_prog fds fds; then
	d=$WORK/fds
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -o "$d/trace" "$BIN/fds" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	dups=$(grep -cE '^dup2\([0-9]+, [0-9]+\) += [0-9]+$' "$d/trace")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "fds: ok" ]; then
		fail fds "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif ! grep -q '^close(-4242) *= -1 EBADF' "$d/trace"; then
		fail fds "tracing stopped: no close(-4242) line after the descriptors were reshuffled"
	elif [ "$dups" != 1020 ] || ! grep -q '^close_range(1000, 4294967295, 0) *= 0$' "$d/trace"; then
		fail fds "want 1020 dup2 lines and the close_range line, have $dups dup2 lines"
	else
		pass fds
	fi
fi
