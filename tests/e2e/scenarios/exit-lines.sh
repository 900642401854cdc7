# Every traced process ends with strace's exit line, also when it could not write
# one itself: killed by a signal that is not sctrace's own child's (sort of
# `seq | sort | head -1` dies of SIGPIPE, reaped by the shell), or left by a raw
# exit_group, or an orphan the runner reaps.  Compared with strace: the same
# "+++ ... +++" lines, each the last line of its process, once.

# exit_lines_of TRACE: its "+++ ... +++" lines without the pid, sorted
exit_lines_of() { sed -n 's/^[0-9][0-9]* *\(+++ .* +++\)$/\1/p' "$1" | sort; }

# exit_line_misplaced TRACE: a pid with two exit lines, or with a line after its own
exit_line_misplaced() {
	awk '{ if (seen[$1]) { print "pid " $1 ": " $0 " after its exit line"; exit }
	       if ($2 == "+++") seen[$1] = 1 }' "$1"
}

# exit_lines NAME COMMAND...: compare the exit lines of COMMAND under both tracers
exit_lines() {
	local name=$1 bad
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" || return
	d=$WORK/$name
	mkdir -p "$d"
	(cd "$d" && timeout "$TIMEOUT" strace -f -o "$d/strace.raw" "$@" </dev/null >"$d/strace.out" 2>"$d/strace.err")
	(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/sctrace.raw" "$@" </dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
	rc=$?
	exit_lines_of "$d/strace.raw" >"$d/strace.exits"
	exit_lines_of "$d/sctrace.raw" >"$d/sctrace.exits"
	bad=$(exit_line_misplaced "$d/sctrace.raw")
	if [ "$rc" != 0 ]; then
		fail "$name" "exit $rc under sctrace: $(first_line "$d/sctrace.err")"
	elif ! diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.exits" "$d/sctrace.exits" >"$d/diff"; then
		fail "$name" "the exit lines differ from strace's"
		show "$d/diff"
	elif [ -n "$bad" ]; then
		fail "$name" "$bad"
	else
		pass "$name"
	fi
}

exit_lines exit-lines-pipeline sh -c 'seq 100000 | sort | head -1'
have_prog exit-lines-raw exitlines && exit_lines exit-lines-raw "$BIN/exitlines"
