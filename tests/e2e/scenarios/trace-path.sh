# trace-path: -P PATH and --trace-path=PATH (tests/e2e/trace_path.c) show the calls
# strace shows, in both modes; the whole traces are compared (addresses made equal),
# and the note on stderr about the symbolic link that -P resolved.
trace_path() {
	local name=$1 d src trc f
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" || return
	have_prog "$name" trace_path || return
	d=$WORK/$name
	rm -rf "$d"
	mkdir -p "$d/run"
	echo data >"$d/run/tp-real"
	ln -s tp-real "$d/run/tp-link"
	(cd "$d/run" && exec timeout "$TIMEOUT" strace "$@" "$d/run/tp-link" -o "$d/strace.raw" \
		"$BIN/trace_path" <"/dev/null" >"$d/strace.out" 2>"$d/strace.err")
	src=$?
	(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" "$@" "$d/run/tp-link" -o "$d/sctrace.raw" \
		"$BIN/trace_path" <"/dev/null" >"$d/sctrace.out" 2>"$d/sctrace.err")
	trc=$?
	if [ "$src" -ne 0 ] || [ "$trc" -ne 0 ]; then
		fail "$name" "exit $src under strace, $trc under sctrace: $(first_line "$d/sctrace.err")"
		return
	fi
	for f in strace sctrace; do
		sed -E 's/0x[0-9a-f]{6,}/0xADDR/g; s/ +=/ =/' "$d/$f.raw" >"$d/$f.norm"
		sed "s/^$f: //" "$d/$f.err" >>"$d/$f.norm"
	done
	if ! grep -q 'tp-real' "$d/strace.norm"; then
		fail "$name" "strace's trace does not show the program's calls"
		return
	fi
	if diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.norm" "$d/sctrace.norm" >"$d/diff"; then
		pass "$name"
		return
	fi
	fail "$name" "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
	show "$d/diff"
}

trace_path trace-path -P /dev/null -P tp-file -P
trace_path trace-path-long --trace-path=/dev/null -P tp-file -y --trace-path
