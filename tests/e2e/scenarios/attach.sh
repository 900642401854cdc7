# sctrace -p PID: $BIN/attach started dormant (LD_PRELOAD + SCTRACE_ATTACH=1) makes one
# step per line the test writes into its stdin (a FIFO), so every step happens when the
# test says, never by timing.  The trace must hold exactly the calls made after the
# attach and before the detach; the program must go on and end as it would untraced.
# In both modes (complete: the raw getppid of each step is seen too).

at_libc=
[ "$complete" = 1 ] || at_libc=--libc-only
at_env=

# at_wait FILE PATTERN: wait until FILE has a line matching PATTERN (grep -E)
at_wait() {
	local i=0
	while ! grep -Eq -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -le $((TIMEOUT * 20)) ] || return 1
		sleep 0.05
	done
}

# at_wait_n FILE PATTERN N: ... N such lines
at_wait_n() {
	local i=0
	while [ "$(grep -Ec -- "$2" "$1" 2>/dev/null)" -lt "$3" ]; do
		i=$((i + 1))
		[ $i -le $((TIMEOUT * 20)) ] || return 1
		sleep 0.05
	done
}

# at_start DIR [ARGS]: the program, dormant, on DIR/in; its pid in $at_pid, fd 7 its stdin
at_start() {
	local d=$1
	shift
	rm -f "$d/in" && mkfifo "$d/in" || return 1
	# shellcheck disable=SC2086  # $at_env: words on purpose
	(env $at_env LD_PRELOAD=$PRELOAD SCTRACE_ATTACH=1 "$BIN/attach" "$@" <"$d/in" >"$d/out"
	 echo "exit $?" >>"$d/out") &
	exec 7>"$d/in"
	echo a >&7
	at_wait "$d/out" '^step 1$' || return 1
	at_pid=$(pgrep -P $! -x attach | head -1)
	[ -n "$at_pid" ]
}

at_stop() {
	exec 7>&-
	wait
}

# the trace's lines with blanks squeezed and getppid's value dropped
at_norm() { sed -e 's/  */ /g' -e 's/^\(getppid() = \)[0-9]*$/\1N/' "$1"; }

at_trace() {
	local name=attach-trace d rc
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -o "$d/trace" -p "$at_pid" 2>"$d/err" &
	local runner=$!
	if ! at_wait "$d/err" "^sctrace: Process $at_pid attached$"; then
		fail $name "no 'attached' line: $(first_line "$d/err")"
		kill $runner; at_stop; return
	fi
	echo b >&7
	at_wait "$d/out" '^step 2$'
	echo c >&7
	at_wait "$d/trace" 'write\(1, "step 3\\n"'
	[ "$complete" = 1 ] && at_wait_n "$d/trace" 'getppid\(\) += [0-9]+$' 2
	kill -INT $runner
	wait $runner
	rc=$?
	echo d >&7
	at_stop
	{
		echo 'write(1, "step 2\n", 7) = 7'
		[ "$complete" = 1 ] && echo 'getppid() = N'
		echo 'read(0, "c\n", 64) = 2'
		echo 'write(1, "step 3\n", 7) = 7'
		[ "$complete" = 1 ] && echo 'getppid() = N'
	} >"$d/expected"
	# the read the program is in when the runner leaves, if it got there: as strace
	at_norm "$d/trace" | grep -vx 'read(0, <detached \.\.\.>' >"$d/got"
	printf 'step %s\n' 1 2 3 4 >"$d/out.expected"
	printf 'done 0\nexit 0\n' >>"$d/out.expected"
	if [ $rc != 130 ]; then
		fail $name "sctrace ended with $rc after SIGINT, not 130 as strace"
	elif ! grep -qx "sctrace: Process $at_pid detached" "$d/err"; then
		fail $name "no 'detached' line: $(first_line "$d/err")"
	elif ! diff -u "$d/expected" "$d/got" >"$d/diff"; then
		fail $name "the trace is not the calls made while attached"
		show "$d/diff"
	elif ! diff -u "$d/out.expected" "$d/out" >"$d/diff"; then
		fail $name "the program's output or exit status changed"
		show "$d/diff"
	else
		pass $name
	fi
}

# -f: every thread joins at its next call; only the steps made while attached show
at_threads() {
	local name=attach-threads d
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" 2 || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -f -o "$d/trace" -p "$at_pid" 2>"$d/err" &
	local runner=$!
	at_wait "$d/err" "^sctrace: Process $at_pid attached with 3 threads$" ||
		{ fail $name "no 'attached with 3 threads': $(first_line "$d/err")"; kill $runner; at_stop; return; }
	echo b >&7
	at_wait "$d/out" '^step 2$'
	echo c >&7
	at_wait "$d/out" '^step 3$'
	for s in '2 t1' '2 t2' '2' '3 t1' '3 t2' '3'; do
		at_wait "$d/trace" "write\\(1, \"step $s\\\\n\""
	done
	kill -INT $runner
	wait $runner
	echo d >&7
	at_stop
	sed -n 's/^[0-9]* *write(1, "\(step [^"]*\)\\n".*/\1/p' "$d/trace" | sort >"$d/got"
	printf 'step %s\n' 2 '2 t1' '2 t2' 3 '3 t1' '3 t2' >"$d/expected"
	if ! diff -u "$d/expected" "$d/got" >"$d/diff"; then
		fail $name "the threads' writes in the trace are not those made while attached"
		show "$d/diff"
	elif [ "$(grep -c '^exit 0$' "$d/out")" != 1 ] || [ "$(grep -c '^step 4' "$d/out")" != 3 ]; then
		fail $name "the program did not go on as before: $(tail -1 "$d/out")"
	else
		pass $name
	fi
}

# -f follows a child forked after the attach; detached, the process can be attached
# again, and without -f its next child is not traced
at_fork() {
	local name=attach-fork d r1 r2
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -f -o "$d/trace" -p "$at_pid" 2>"$d/err" &
	r1=$!
	at_wait "$d/err" attached
	echo f >&7
	at_wait "$d/trace" 'wait4\('
	kill -INT $r1
	wait $r1
	"$SCTRACE" $at_libc -o "$d/trace2" -p "$at_pid" 2>"$d/err2" &
	r2=$!
	at_wait "$d/err2" attached
	echo f >&7
	at_wait "$d/trace2" 'wait4\('
	kill -INT $r2
	wait $r2
	at_stop
	if ! grep -Eq '^[0-9]+ +write\(1, "child 2\\n", 8\) += 8$' "$d/trace" ||
	   [ "$(grep -c '+++ exited with 0 +++' "$d/trace")" != 1 ]; then
		fail $name "-f did not follow the child forked after the attach"
		show "$d/trace"
	elif ! grep -q 'write(1, "step 3\\n"' "$d/trace2" || grep -q 'write(1, "child' "$d/trace2" ||
	     grep -q 'step 2' "$d/trace2"; then
		fail $name "attached again: not exactly step 3 of the parent"
		show "$d/trace2"
	elif ! grep -qx 'child 3' "$d/out" || ! grep -qx 'exit 0' "$d/out"; then
		fail $name "the program did not go on as before"
	else
		pass $name
	fi
}

# a runner killed by SIGKILL cannot detach: the next one takes over (and its end is
# the process's, with its exit line, when the process ends first)
at_takeover() {
	local name=attach-takeover d r1 r2 rc
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -o "$d/trace" -p "$at_pid" 2>"$d/err" 7>&- &
	r1=$!
	at_wait "$d/err" attached
	echo b >&7
	at_wait "$d/trace" 'step 2'
	kill -KILL $r1
	wait $r1 2>/dev/null
	"$SCTRACE" $at_libc -o "$d/trace2" -p "$at_pid" 2>"$d/err2" 7>&- &
	r2=$!
	at_wait "$d/err2" attached
	echo c >&7
	exec 7>&-
	wait $r2
	rc=$?
	at_stop
	if [ $rc != 0 ]; then
		fail $name "the second runner ended with $rc: $(first_line "$d/err2")"
	elif ! grep -q 'write(1, "step 3\\n"' "$d/trace2" || grep -q 'step 2' "$d/trace2" ||
	     [ "$(tail -1 "$d/trace2")" != '+++ exited with 0 +++' ]; then
		fail $name "the second trace is not step 3 to the exit"
		show "$d/trace2"
	else
		pass $name
	fi
}

# -c: the counts of the calls made while attached, printed after the detach
at_count() {
	local name=attach-count d r rc want
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -c -p "$at_pid" 2>"$d/err" &
	r=$!
	at_wait "$d/err" attached
	echo b >&7
	at_wait "$d/out" '^step 2$'
	echo c >&7
	at_wait "$d/out" '^step 3$'
	# its counters are written before it reads again: wait until it sleeps there
	while [ "$(sed 's/.*) //; s/ .*//' /proc/$at_pid/stat)" != S ]; do sleep 0.05; done
	kill -INT $r
	wait $r
	echo d >&7
	at_stop
	want="write:2 read:1"
	[ "$complete" = 1 ] && want="$want getppid:2"
	got=$(awk '$NF ~ /^(write|read|getppid)$/ { printf "%s%s:%s", sep, $NF, $4; sep = " " }' "$d/err" |
		tr ' ' '\n' | sort | tr '\n' ' ')
	want=$(echo "$want" | tr ' ' '\n' | sort | tr '\n' ' ')
	if [ "$got" != "$want" ]; then
		fail $name "counted '$got', not '$want'"
		show "$d/err"
	else
		pass $name
	fi
}

# an exec after the attach: the new image goes on in the same session (strace follows
# an exec without -f too)
at_exec() {
	local name=attach-exec d r
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -o "$d/trace" -p "$at_pid" 2>"$d/err" &
	r=$!
	at_wait "$d/err" attached
	echo e >&7
	at_wait "$d/trace" '^execve\('	# (one line a read)
	echo b >&7
	at_wait "$d/trace" 'write\(1, "step 1\\n", 7\)'
	kill -INT $r
	wait $r
	echo c >&7
	at_stop
	sed -n 's/^\(write(1, "step [0-9]\\n"\|execve([^,]*, \[[^]]*\]\).*/\1/p' "$d/trace" >"$d/got"
	printf '%s\n' 'write(1, "step 2\n"' 'execve("/proc/self/exe", ["attach"]' \
		'write(1, "step 1\n"' >"$d/expected"
	if ! diff -u "$d/expected" "$d/got" >"$d/diff"; then
		fail $name "the new image's calls are not in the trace"
		show "$d/diff"
	elif [ "$(tr '\n' ' ' <"$d/out")" != "step 1 step 2 step 1 step 2 done 0 exit 0 " ]; then
		fail $name "the program did not go on as before: $(tr '\n' ' ' <"$d/out")"
	else
		pass $name
	fi
}

# a second runner is refused while the first is attached; the first goes on
at_twice() {
	local name=attach-twice d rc
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -o "$d/trace" -p "$at_pid" 2>"$d/err" &
	local runner=$!
	at_wait "$d/err" "attached"
	"$SCTRACE" $at_libc -o "$d/trace2" -p "$at_pid" 2>"$d/err2"
	rc=$?
	echo b >&7
	at_wait "$d/trace" 'step 2'
	kill -INT $runner
	wait $runner
	at_stop
	if [ $rc != 1 ]; then
		fail $name "the second sctrace -p exited $rc, not 1"
	elif ! grep -qx "sctrace: attach: pid $at_pid is already traced by sctrace (pid $runner)" "$d/err2"; then
		fail $name "not refused clearly: $(first_line "$d/err2")"
	elif ! grep -q 'write(1, "step 2' "$d/trace"; then
		fail $name "the first runner lost its trace"
	else
		pass $name
	fi
}

# -p with a command, as strace allows: both traced, the end when both ended
at_command() {
	local name=attach-command d rc
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -f -o "$d/trace" -p "$at_pid" sh -c 'echo hi' >"$d/cmd.out" 2>"$d/err" 7>&- &
	local runner=$!
	at_wait "$d/trace" 'write\(1, "hi\\n", 3\)'
	echo b >&7
	at_wait "$d/trace" 'write\(1, "step 2\\n", 7\)'
	exec 7>&-		# the program reads the end of its input and exits
	wait $runner
	rc=$?
	at_stop
	if [ $rc != 0 ]; then
		fail $name "exit $rc, not the command's 0: $(first_line "$d/err")"
	elif [ "$(grep -c '+++ exited with 0 +++' "$d/trace")" != 2 ] ||
	     ! grep -q 'write(1, "done 0\\n", 7)' "$d/trace"; then
		fail $name "not both processes traced to their end"
		show "$d/trace"
	else
		pass $name
	fi
}

# the program's control file where its $SCTRACE_DIR says: found through its maps
at_dir() {
	local name=attach-dir d r
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d/ctl"
	at_env="SCTRACE_DIR=$d/ctl"
	at_start "$d" || { fail $name "the program did not start"; at_stop; at_env=; return; }
	at_env=
	env -u SCTRACE_DIR "$SCTRACE" $at_libc -o "$d/trace" -p "$at_pid" 2>"$d/err" &
	r=$!
	at_wait "$d/err" 'attached|sctrace: attach'
	echo b >&7
	grep -q attached "$d/err" && at_wait "$d/trace" 'step 2'
	kill -INT $r
	wait $r
	at_stop
	if ! grep -q 'write(1, "step 2' "$d/trace"; then
		fail $name "not attached: $(first_line "$d/err")"
	else
		pass $name
	fi
}

# -p "PID1 PID2": both attached, every line with its pid as strace prints them
at_two() {
	local name=attach-two d r p1 p2
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d/b"
	at_start "$d/b" || { fail $name "the program did not start"; at_stop; return; }
	p2=$at_pid
	exec 8>&7
	at_start "$d" || { fail $name "the program did not start"; exec 8>&-; at_stop; return; }
	p1=$at_pid
	"$SCTRACE" $at_libc -o "$d/trace" -p "$p1 $p2" 2>"$d/err" 8>&- &
	r=$!
	at_wait "$d/err" "Process $p2 attached"
	echo b >&7
	at_wait "$d/trace" "^$p1 +write\\(1, \"step 2"
	echo b >&8
	at_wait "$d/trace" "^$p2 +write\\(1, \"step 2"
	kill -INT $r
	wait $r
	exec 8>&-
	at_stop
	if [ "$(grep -Ec "^($p1|$p2) " "$d/trace")" != "$(grep -c . "$d/trace")" ]; then
		fail $name "a line without its pid"
		show "$d/trace"
	elif [ "$(grep -c ' detached$' "$d/err")" != 2 ]; then
		fail $name "not both detached: $(first_line "$d/err")"
	else
		pass $name
	fi
}

# -f to stderr: the threads there at the attach are said once ("with 3 threads"), a
# child forked after it has its own "attached" line; every line has its "[pid N]"
at_announce() {
	local name=attach-announce d r
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	mkdir -p "$d"
	at_start "$d" 2 || { fail $name "the program did not start"; at_stop; return; }
	"$SCTRACE" $at_libc -f -e trace=write -p "$at_pid" 2>"$d/err" &
	r=$!
	at_wait "$d/err" "attached with 3 threads"
	echo f >&7
	at_wait "$d/err" 'write\(1, "child 2'
	kill -INT $r
	wait $r
	at_stop
	grep '^sctrace: Process [0-9]* attached$' "$d/err" >"$d/more"
	if [ "$(wc -l <"$d/more")" != 1 ] || grep -q "Process $at_pid " "$d/more"; then
		fail $name "not one 'attached' line for the child only"
		show "$d/err"
	elif grep -v '^sctrace: ' "$d/err" | grep -Eqv '^\[pid +[0-9]+\] '; then
		fail $name "a line without its [pid N]"
		show "$d/err"
	else
		pass $name
	fi
}

# the control file goes with its process; one left by a process killed is removed by
# the next dormant process that starts
at_sweep() {
	local name=attach-sweep d ctl
	wanted $name || return 0
	have_prog $name attach || return
	d=$WORK/$name
	ctl=$d/ctl/sctrace-$(id -u)
	mkdir -p "$ctl" && chmod 700 "$ctl"
	: >"$ctl/$gone.attach"
	at_env="SCTRACE_DIR=$d/ctl"
	at_start "$d" || { fail $name "the program did not start"; at_stop; at_env=; return; }
	at_env=
	local own=no
	[ -f "$ctl/$at_pid.attach" ] && own=yes
	at_stop
	if [ -e "$ctl/$gone.attach" ]; then
		fail $name "the file of a process gone is still there"
	elif [ $own != yes ]; then
		fail $name "no control file while the program ran"
	elif [ -e "$ctl/$at_pid.attach" ]; then
		fail $name "the program's control file outlived it"
	else
		pass $name
	fi
}

# at_error NAME WANT_STDERR_LINE SCTRACE_ARGS...: exits 1 with that message
at_error() {
	local name=$1 want=$2 d rc
	shift 2
	wanted $name || return 0
	d=$WORK/$name
	mkdir -p "$d"
	"$SCTRACE" "$@" >"$d/out" 2>"$d/err"
	rc=$?
	if [ $rc != 1 ]; then
		fail $name "exit $rc, not 1"
	elif ! grep -qxF -- "$want" "$d/err"; then
		fail $name "'$want' not said: $(first_line "$d/err")"
	else
		pass $name
	fi
}

# a pid that no process has: one that ended and was reaped
true &
gone=$!
wait $gone
at_error attach-missing "sctrace: attach: pid $gone: No such process" -p "$gone"
at_error attach-invalid "sctrace: Invalid process id: 'x'" -p 1,x
if wanted attach-nolib; then
	d=$WORK/attach-nolib
	mkdir -p "$d"
	rm -f "$d/in" && mkfifo "$d/in"
	"$BIN/attach" <"$d/in" >/dev/null &
	nolib=$!
	exec 7>"$d/in"
	at_error attach-nolib "sctrace: attach: pid $nolib was not started with libsctrace.so and SCTRACE_ATTACH=1 (start it as: LD_PRELOAD=libsctrace.so SCTRACE_ATTACH=1 PROGRAM)" -p "$nolib"
	at_stop
fi
at_trace
at_threads
at_twice
at_command
at_fork
at_takeover
at_count
at_exec
at_dir
at_two
at_announce
at_sweep
