# rawcalls: system calls made with syscall() and real pointers (tests/e2e/rawcalls.c),
# which complete mode prints from their spec line alone: structures decoded as
# strace decodes them, compared line for line.  Complete mode only (with --libc-only
# raw calls are not seen).  Values that differ from run to run (times, dates, the
# CPU getcpu ran on, the round-robin interval, the child's CPU time) are made equal
# first (rawcalls.sed), keeping their form.
if wanted rawcalls; then
	if [ $complete = 0 ]; then
		skip rawcalls "entry points only: raw calls are not seen"
	elif [ -n "$nostrace" ]; then
		skip rawcalls "$nostrace"
	elif have_tracer rawcalls && have_prog rawcalls rawcalls; then
		d=$WORK/rawcalls
		mkdir -p "$d/run"
		(cd "$d/run" && exec timeout "$TIMEOUT" strace -f -o "$d/strace.raw" "$BIN/rawcalls" \
			</dev/null >"$d/strace.out" 2>"$d/strace.err")
		src=$?
		(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/sctrace.raw" "$BIN/rawcalls" \
			</dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
		trc=$?
		for t in strace sctrace; do
			awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$t.raw" |
				sed -E -f "$here/scenarios/rawcalls.sed" \
				>"$d/$t.win"
		done
		if [ "$src" -ne 0 ]; then
			fail rawcalls "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		elif [ "$trc" -ne 0 ]; then
			fail rawcalls "exit $trc under sctrace: $(first_line "$d/sctrace.err")"
		elif ! diff -u --label "strace rawcalls" --label "sctrace rawcalls" \
			"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
			fail rawcalls "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
			show "$d/diff"
		else
			pass rawcalls
		fi
	fi
fi
