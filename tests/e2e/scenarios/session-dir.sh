# The session directory cannot be turned against the user who runs sctrace (root
# above all): its parent must be safe (owned by root or the user; sticky if others
# may write it), and once made it is used only through the descriptor held open,
# so a name swapped for a symlink during the run leads nowhere.  And an -o FIFO
# nobody reads yet, interrupted, leaves no session directory behind.

# session_tmp: a private directory in /tmp for these checks (other users must be
# able to reach into it, which $WORK does not allow); sets $t
session_tmp() {
	t=$(mktemp -d /tmp/sct-e2e-session.XXXXXX) && chmod 0755 "$t"
}

if wanted session-unsafe-parent && have_tracer session-unsafe-parent && session_tmp; then
	d=$WORK/session-unsafe-parent
	mkdir -p "$d" "$t/open"
	chmod 0777 "$t/open"
	SCTRACE_DIR=$t/open "$SCTRACE" -o "$d/trace" true </dev/null >"$d/out" 2>"$d/err"
	rc=$?
	want="sctrace: cannot create a session directory in '$t/open': '$t/open' is writable by others without the sticky bit"
	if [ "$rc" != 1 ]; then
		fail session-unsafe-parent "exit $rc in a parent anyone may write, want 1"
	elif [ "$(cat "$d/err")" != "$want" ]; then
		fail session-unsafe-parent "want the one line \"$want\", have: $(first_line "$d/err")"
	elif [ -n "$(ls -A "$t/open")" ] || [ -e "$d/trace" ]; then
		fail session-unsafe-parent "something was created: $(ls -A "$t/open") $(ls "$d")"
	else
		pass session-unsafe-parent
	fi
	rm -rf "$t"
fi

if wanted session-swap; then
	if [ "$(id -u)" != 0 ] || ! id nobody >/dev/null 2>&1 || ! command -v setpriv >/dev/null; then
		skip session-swap "needs root, the user nobody and setpriv to play a second user"
	elif have_tracer session-swap && have_prog session-swap longrun && session_tmp; then
		d=$WORK/session-swap
		mkdir -p "$d" "$t/theirs" "$t/shared" "$t/victim"
		as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
		for i in 1 2 3; do echo "keep $i" >"$t/victim/file$i"; done
		# a parent another user owns: that user could rename anything in it
		chown nobody "$t/theirs"
		SCTRACE_DIR=$t/theirs "$SCTRACE" true </dev/null >/dev/null 2>"$d/err0"
		rc0=$?
		# a sticky parent anyone may write, like /tmp: allowed
		chmod 1777 "$t/shared"
		SCTRACE_DIR=$t/shared "$SCTRACE" -o "$d/trace" "$BIN/longrun" </dev/null >"$d/out" 2>"$d/err" &
		runner=$!
		s=
		for i in $(seq 100); do
			s=$(ls -d "$t/shared"/sctrace-* 2>/dev/null | sed -n 1p)
			[ -n "$s" ] && break
			sleep 0.05
		done
		# the program's ring first: a ring made after the swap is refused (openat2
		# RESOLVE_NO_SYMLINKS) and the program runs untraced, which is not the point here
		for i in $(seq 100); do
			[ -n "$s" ] && ls "$s"/*.ring >/dev/null 2>&1 && break
			sleep 0.05
		done
		# the second user tries to swap the session for a symlink, and cannot
		as_nobody mv "$s" "$t/shared/stolen" 2>"$d/mv.err"
		rc_mv=$?
		# one who could (here root, standing in for any hole in the parent's
		# checks) swaps it: sctrace must never follow the name again
		[ -n "$s" ] && mv "$s" "$t/moved" && ln -s "$t/victim" "$s"
		wait "$runner"
		rc=$?
		left=$(ls "$t/victim" | tr '\n' ' ')
		if [ "$rc0" != 1 ] || ! grep -q "^sctrace: cannot create a session directory in '$t/theirs': '$t/theirs' is owned by another user (uid 65534)\$" "$d/err0"; then
			fail session-swap "a parent owned by nobody was not refused: exit $rc0: $(first_line "$d/err0")"
		elif [ -z "$s" ]; then
			fail session-swap "no session directory appeared in $t/shared: $(first_line "$d/err")"
		elif [ "$rc_mv" = 0 ]; then
			fail session-swap "nobody could rename root's session in a sticky parent"
		elif [ "$left" != "file1 file2 file3 " ]; then
			fail session-swap "root's sctrace followed the swapped name: the victim directory holds '$left'"
		elif [ "$rc" != 0 ] || [ "$(tail -n 1 "$d/out")" != done ] ||
		     [ "$(grep -c '^write(1, "tick\\n", 5) *= 5$' "$d/trace")" != 50 ]; then
			fail session-swap "the run did not end cleanly with 50 traced ticks: exit $rc: $(first_line "$d/err")"
		elif [ -n "$(ls -A "$t/moved" 2>/dev/null)" ]; then
			fail session-swap "the real session directory was not emptied: $(ls -A "$t/moved")"
		else
			pass session-swap
		fi
		rm -rf "$t"
	fi
fi

# -o FIFO with no reader: sctrace waits in the open; an interrupt then leaves nothing
for sig in INT TERM; do
	wanted output-fifo-$sig && have_tracer output-fifo-$sig || continue
	d=$WORK/output-fifo-$sig
	mkdir -p "$d/base"
	mkfifo "$d/fifo"
	# a background job of a script starts with SIGINT ignored: give sctrace the
	# default a terminal's foreground job has
	SCTRACE_DIR=$d/base env --default-signal=INT "$SCTRACE" -o "$d/fifo" true \
		</dev/null >"$d/out" 2>"$d/err" &
	runner=$!
	for i in $(seq 100); do
		[ "$(cat /proc/$runner/wchan 2>/dev/null)" = wait_for_partner ] && break
		sleep 0.05
	done
	during=$(ls -A "$d/base")
	kill -$sig "$runner"
	wait "$runner"
	rc=$?
	after=$(ls -A "$d/base")
	if [ -n "$during" ]; then
		fail output-fifo-$sig "the session directory exists while the FIFO waits for a reader: $during"
	elif [ -n "$after" ]; then
		fail output-fifo-$sig "left behind after SIG$sig: $after"
	elif [ "$rc" != $((128 + $(kill -l $sig))) ]; then
		fail output-fifo-$sig "exit $rc, want death by SIG$sig"
	else
		pass output-fifo-$sig
	fi
done
