# verbose: -v and --no-abbrev print struct stat, statx and utsname whole
# (tests/e2e/verbose.c), compared with strace -v in both modes, in UTC (sctrace
# prints dates in UTC).  Access times are made equal: other programs may read "/"
# or /dev/zero between the two runs.
compare_verbose() {
	local name=$1 opt=$2 d f
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" || return
	have_prog "$name" verbose || return
	d=$WORK/$name
	mkdir -p "$d/run"
	(cd "$d/run" && TZ=UTC exec timeout "$TIMEOUT" strace -f "$opt" -o "$d/strace.raw" \
		"$BIN/verbose" </dev/null >"$d/strace.out" 2>"$d/strace.err") ||
		{ fail "$name" "the program failed under strace: $(first_line "$d/strace.err")"; return; }
	(cd "$d/run" && TZ=UTC exec timeout "$TIMEOUT" "$SCTRACE" -f "$opt" -o "$d/sctrace.raw" \
		"$BIN/verbose" </dev/null >"$d/sctrace.out" 2>"$d/sctrace.err") ||
		{ fail "$name" "exit $? under sctrace: $(first_line "$d/sctrace.err")"; return; }
	for f in strace sctrace; do
		awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$f.raw" |
			sed -E 's/((st_atime|stx_atime)=[^,]*, (st_atime_nsec=[0-9]+|tv_nsec=[0-9]+\}[^,]*))/ATIME/g' \
			>"$d/$f.win"
	done
	if ! grep -q 'st_dev=' "$d/strace.win"; then
		fail "$name" "strace printed no whole struct stat"
	elif diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
		pass "$name"
	else
		fail "$name" "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
		show "$d/diff"
	fi
}

compare_verbose verbose -v
compare_verbose verbose-long --no-abbrev
