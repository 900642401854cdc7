# decode-fds: -y and -yy print what each descriptor names (tests/e2e/decode_fds.c),
# compared with strace in both modes: windows as `compare` makes them, with the
# inode numbers of pipes and sockets and the ports of sockets (different in every
# run) made equal.
fds_norm() {
	sed -E 's/([A-Za-z0-9-]+):\[[0-9]+(\]|,)/\1:[INODE\2/g; s/:[0-9]+(->|\]>)/:PORT\1/g'
}

compare decode-fds --filter=fds_norm -y -- decode_fds
compare decode-fds-long --filter=fds_norm --decode-fds=path -- decode_fds
# -yy: no UNIX sockets (strace shows a connected one's peer, which sctrace cannot know)
compare decode-fds-yy --filter=fds_norm -yy -- decode_fds nosock
compare decode-fds-yy-inet --filter=fds_norm -yy -- decode_fds inet

# -y and -yy on a 4 KiB signal stack (tests/e2e/signals.c: its handler writes and
# closes): resolving a path takes no stack of the program's to speak of
decode_fds_small_stack() {
	local name=decode-fds-small-stack d rc y
	wanted "$name" || return 0
	if [ -n "$ASAN_RT" ]; then
		skip "$name" "$asan_small_stack"
		return
	fi
	have_prog "$name" signals || return
	d=$WORK/$name
	mkdir -p "$d"
	for y in -y -yy; do
		(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" "$y" -o "$d/trace" "$BIN/signals" \
			</dev/null >"$d/out" 2>"$d/err") 2>/dev/null
		rc=$?
		if [ "$rc" -ne 0 ]; then
			fail "$name" "exit $rc with sctrace $y: $(first_line "$d/err")"
			return
		fi
		if ! grep -q '^write([0-9]*<' "$d/trace"; then
			fail "$name" "no descriptor's path in the trace with $y"
			return
		fi
	done
	pass "$name"
}
decode_fds_small_stack
