# pidns: --pidns-translation against strace, with the program in a pid namespace of
# its own (`unshare -Urpf pidns`: tests/e2e/pidns.c is pid 1 there, its child pid 2),
# and again with the tracer itself in one and /proc an outer namespace's (strace's
# test_pidns runs both).  The windows must be strace's once the numbers in the
# comments, which change from run to run, are made equal; and each comment must be
# right: a getpid line's number in the tracer's namespace is the one the line's pid
# prefix shows.  Where no user and pid namespace can be made, a skip says why.
# (pidns-same, in tests/e2e/cases: in the tracer's own namespace nothing extra.)
# The child's number in clone's result comes from the child's ring: a child reaped
# before the runner had mapped that ring once showed none (1 CI-like run in 3); the
# runner now maps new rings before it gives up on a number.
pidns_compare() {
	local name=$1 outer=() d src trc t bad
	[ "${2-}" = nested ] && outer=(unshare -Urpf)
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" && have_prog "$name" pidns || return
	if ! command -v unshare >/dev/null 2>&1; then
		skip "$name" "no unshare(1)"
		return
	fi
	if ! unshare -Urpf true >/dev/null 2>&1; then
		skip "$name" "unshare -Urpf cannot make a user and pid namespace here: $(unshare -Urpf true 2>&1 | sed -n 1p)"
		return
	fi
	d=$WORK/$name
	rm -rf "$d"
	mkdir -p "$d/run"
	(cd "$d/run" && exec timeout "$TIMEOUT" "${outer[@]}" strace -f --pidns-translation \
		-o "$d/strace.raw" unshare -Urpf "$BIN/pidns" </dev/null >"$d/strace.out" 2>"$d/strace.err")
	src=$?
	(cd "$d/run" && exec timeout "$TIMEOUT" "${outer[@]}" "$SCTRACE" -f --pidns-translation \
		-o "$d/sctrace.raw" unshare -Urpf "$BIN/pidns" </dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
	trc=$?
	if [ "$src" -ne 0 ]; then
		fail "$name" "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		return
	fi
	if [ "$trc" -ne 0 ]; then
		fail "$name" "exit $trc under sctrace: $(first_line "$d/sctrace.err")"
		return
	fi
	for t in strace sctrace; do
		[ -f "$d/$t.raw" ] || : >"$d/$t.raw"
		awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$t.raw" |
			sed -E -e 's|/\* [0-9]+ in strace.s PID NS \*/|/* N in strace'"'"'s PID NS */|g' >"$d/$t.win"
	done
	if ! grep -q '^== window 1 ' "$d/strace.win"; then
		fail "$name" "no windows in strace's trace"
		show "$d/strace.win"
		return
	fi
	if ! diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
		fail "$name" "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
		show "$d/diff"
		return
	fi
	bad=$(awk '/getpid\(\) += [0-9]+ \/\* [0-9]+ in strace.s PID NS \*\// {
			n = $0; sub(/.*\/\* /, "", n); sub(/ .*/, "", n)
			if (n != $1) { print; exit }
		}' "$d/sctrace.raw")
	if [ -n "$bad" ]; then
		fail "$name" "a getpid line whose translation is not its own pid: $bad"
		return
	fi
	if [ "$(grep -c "in strace's PID NS" "$d/sctrace.raw")" -lt 8 ]; then
		fail "$name" "fewer than 8 translated pids in sctrace's trace"
		show "$d/sctrace.raw"
		return
	fi
	pass "$name"
}

pidns_compare pidns
pidns_compare pidns-nested nested
