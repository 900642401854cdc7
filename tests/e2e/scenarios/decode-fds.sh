# decode-fds: -y and -yy print what each descriptor names (tests/e2e/decode_fds.c),
# compared with strace in both modes: windows as `compare` makes them, with the
# inode numbers of pipes and sockets and the ports of sockets (different in every
# run) made equal.
compare_fds() {
	local name=$1 opts=() d src trc f
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" || return
	have_prog "$name" "$1" || return
	d=$WORK/$name
	rm -rf "$d"
	run_both "$d" "${opts[@]}" -- "$@"
	if [ "$src" -ne 0 ] || [ "$trc" -ne 0 ]; then
		fail "$name" "exit $src under strace, $trc under sctrace: $(first_line "$d/sctrace.err")"
		return
	fi
	for f in strace sctrace; do
		[ -f "$d/$f.raw" ] || : >"$d/$f.raw"
		awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$f.raw" |
			sed -E 's/([A-Za-z0-9-]+):\[[0-9]+(\]|,)/\1:[INODE\2/g; s/:[0-9]+(->|\]>)/:PORT\1/g' \
			>"$d/$f.win"
	done
	if ! grep -q '^== window' "$d/strace.win"; then
		fail "$name" "no window in strace's trace"
		return
	fi
	if diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
		pass "$name"
		return
	fi
	fail "$name" "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
	show "$d/diff"
}

compare_fds decode-fds -y -- decode_fds
compare_fds decode-fds-long --decode-fds=path -- decode_fds
# -yy: no UNIX sockets (strace shows a connected one's peer, which sctrace cannot know)
compare_fds decode-fds-yy -yy -- decode_fds nosock
compare_fds decode-fds-yy-inet -yy -- decode_fds inet

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
