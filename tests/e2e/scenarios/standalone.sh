# the library without the runner
if wanted standalone && have_tracer standalone && have_prog standalone simple; then
	d=$WORK/standalone
	mkdir -p "$d"
	re_close='close\(-4321\) += -1 EBADF \(Bad file descriptor\)'
	re_write='write\(1, "simple\\n", 7\) += 7'
	re_open='openat\(AT_FDCWD, "/nonexistent-e2e", O_RDONLY\) += -1 ENOENT \(No such file or directory\)'
	# has_lines FILE: all three lines, whole
	has_lines() {
		grep -qxE "$re_close" "$1" && grep -qxE "$re_write" "$1" && grep -qxE "$re_open" "$1"
	}
	(cd "$d" && env LD_PRELOAD="$PRELOAD" "$BIN/simple" </dev/null >"$d/1.out" 2>"$d/1.err")
	rc1=$?
	rm -f "$d/trace"
	(cd "$d" && env SCTRACE_OUTPUT="$d/trace" LD_PRELOAD="$PRELOAD" "$BIN/simple" \
		</dev/null >"$d/2.out" 2>"$d/2.err")
	rc2=$?
	(cd "$d" && env SCTRACE_COUNT=1 LD_PRELOAD="$PRELOAD" "$BIN/simple" \
		</dev/null >"$d/3.out" 2>"$d/3.err")
	rc3=$?
	if [ "$rc1" -ne 0 ] || [ "$(cat "$d/1.out")" != simple ]; then
		fail standalone-stderr "exit $rc1, stdout '$(first_line "$d/1.out")': $(first_line "$d/1.err")"
	elif ! has_lines "$d/1.err"; then
		fail standalone-stderr "stderr lacks the strace lines of close/write/openat"
		show "$d/1.err"
	else
		pass standalone-stderr
	fi
	if [ "$rc2" -ne 0 ] || [ "$(cat "$d/2.out")" != simple ]; then
		fail standalone-output "exit $rc2, stdout '$(first_line "$d/2.out")': $(first_line "$d/2.err")"
	elif [ ! -f "$d/trace" ]; then
		fail standalone-output "SCTRACE_OUTPUT file not written"
	elif ! has_lines "$d/trace"; then
		fail standalone-output "SCTRACE_OUTPUT file lacks the strace lines of close/write/openat"
		show "$d/trace"
	elif grep -q 'close(-4321)' "$d/2.err"; then
		fail standalone-output "the trace went to stderr as well"
	else
		pass standalone-output
	fi
	if [ "$rc3" -ne 0 ] || [ "$(cat "$d/3.out")" != simple ]; then
		fail standalone-count "exit $rc3, stdout '$(first_line "$d/3.out")': $(first_line "$d/3.err")"
	elif ! grep -qx '% time     seconds  usecs/call     calls    errors syscall' "$d/3.err"; then
		fail standalone-count "no -c table header on stderr"
		show "$d/3.err"
	elif [ "$(calls_of "$d/3.err" close)/$(errors_of "$d/3.err" close)" != 1/1 ] ||
	     [ "$(calls_of "$d/3.err" openat)/$(errors_of "$d/3.err" openat)" != 1/1 ] ||
	     [ "$(calls_of "$d/3.err" write)/$(errors_of "$d/3.err" write)" != 1/0 ]; then
		fail standalone-count "want close 1/1, openat 1/1, write 1/0 calls/errors"
		show "$d/3.err"
	elif grep -q 'close(-4321)' "$d/3.err"; then
		fail standalone-count "trace lines printed as well as the table"
	else
		pass standalone-count
	fi
fi
