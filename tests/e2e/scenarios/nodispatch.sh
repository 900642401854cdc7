# Where the kernel or a sandbox refuses Syscall User Dispatch, complete mode says so
# once for the session (not once per process) and traces at libc's entry points: the
# commands' own calls through entry points are there, and the output is unchanged.
if wanted nodispatch && have_tracer nodispatch && have_prog nodispatch nodispatch; then
	d=$WORK/nodispatch
	mkdir -p "$d"
	"$BIN/nodispatch" "$SCTRACE" -f -o "$d/trace" sh -c 'ls -d / ; ls -d /' \
		</dev/null >"$d/out" 2>"$d/err"
	rc=$?
	# -c has no records to carry notes: the note must still be said
	"$BIN/nodispatch" "$SCTRACE" -f -c -o "$d/count" sh -c 'ls -d /' </dev/null >/dev/null 2>"$d/err-c"
	line="complete mode is off (Syscall User Dispatch is refused here): only calls through libc's entry points are traced"
	notes=$(grep -c "$line" "$d/err")
	notes_c=$(grep -c "^sctrace: pid [0-9]*: $line$" "$d/err-c")
	want=$complete
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "$(printf '/\n/')" ]; then
		fail nodispatch "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif [ "$notes" != "$want" ]; then
		fail nodispatch "$notes 'complete mode is off' notes on stderr, want $want"
		show "$d/err"
	elif [ "$notes_c" != "$want" ]; then
		fail nodispatch "with -c: $notes_c 'complete mode is off' notes on stderr, want $want"
		show "$d/err-c"
	elif [ "$(grep -cE '^[0-9]+ +execve\("/(usr/)?bin/ls", \["ls", "-d", "/"\]' "$d/trace")" != 2 ]; then
		fail nodispatch "want both ls execs in the trace"
	else
		pass nodispatch
	fi
fi
