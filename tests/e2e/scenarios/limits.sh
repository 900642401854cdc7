# Resource limits and sandboxes (tests/e2e/limits.c): the program's output and exit
# status are the same traced and untraced, nothing of the tracer's raises a signal in
# it, and what cannot be traced is said exactly once, with the pid and the reason.

# limits_run NAME SETUP NOTE [TRACED] -- ARG...: run `limits ARG...` untraced and
# under sctrace -f, both after the shell commands SETUP (a ulimit); compare stdout and
# exit status; NOTE is an extended regex that must match exactly one line of
# sctrace's stderr (empty: no "cannot trace" line at all), and there must be
# $limits_total (default 1) "cannot trace" lines in all; TRACED, when given, a
# regex that must match a line of the trace.
limits_run() {
	local name=$1 setup=$2 note=$3 traced= d why= n
	shift 3
	if [ "$1" != -- ]; then traced=$1; shift; fi
	shift
	wanted "$name" || wanted limits || return 0
	have_tracer "$name" || return
	have_prog "$name" limits || return
	d=$WORK/$name
	mkdir -p "$d"
	(cd "$d" && eval "$setup" && exec timeout "$TIMEOUT" "$BIN/limits" "$@" \
		</dev/null >"$d/plain.out" 2>"$d/plain.err")
	echo $? >"$d/plain.rc"
	(cd "$d" && eval "$setup" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" \
		"$BIN/limits" "$@" </dev/null >"$d/trace.out" 2>"$d/trace.err")
	echo $? >"$d/trace.rc"
	[ -f "$d/trace" ] || : >"$d/trace"
	if [ "$(cat "$d/plain.rc")" != 0 ]; then
		fail "$name" "the program failed untraced, exit $(cat "$d/plain.rc"): $(first_line "$d/plain.err")"
		return
	fi
	[ "$(cat "$d/trace.rc")" = 0 ] ||
		why="exit $(cat "$d/trace.rc") under sctrace: $(first_line "$d/trace.err"); "
	cmp -s "$d/plain.out" "$d/trace.out" || why="${why}stdout differs under sctrace; "
	if [ -n "$note" ]; then
		n=$(grep -cE "^sctrace: pid [0-9]+: $note\$" "$d/trace.err")
		[ "$n" = 1 ] || why="${why}$n lines '$note' on stderr, not 1; "
	fi
	n=$(grep -c 'cannot trace' "$d/trace.err")
	[ -n "$note" ] || [ "$n" = 0 ] || why="${why}$n 'cannot trace' notes where all is traced; "
	[ -n "$note" ] && [ "$n" != "${limits_total:-1}" ] &&
		why="${why}$n 'cannot trace' notes, not ${limits_total:-1}; "
	if [ -n "$traced" ] && ! grep -qE "$traced" "$d/trace"; then
		why="${why}no line '$traced' in the trace; "
	fi
	if [ -z "$why" ]; then pass "$name"; else fail "$name" "${why%; }"; show "$d/trace.err"; fi
}

# RLIMIT_FSIZE below the ring's 1 MiB: the rings shrink to fit and all is traced.
# Under the smallest ring (128 KiB + header) nothing can be: said, never SIGXFSZ.
limits_run limits-fsize 'ulimit -f 500' '' 'write\(1, "thread 1: ppid ok' -- work
limits_run limits-fsize-small 'ulimit -f 100' 'cannot trace this process: File too large' -- work

# A thread that cannot open its ring (RLIMIT_NOFILE = 3 set by the program).
limits_run limits-nofile : 'cannot trace new thread [0-9]+: Too many open files' -- nofile

# A filter killing on openat, then 6 threads: 4 take the spare rings made before the
# filter went in, the other 2 are said once.  Also through syscall(SYS_seccomp) with
# EPERM, a forked child taking a spare first.
limits_run limits-seccomp : \
	"cannot trace new thread [0-9]+: no spare ring left under the program's seccomp filter" \
	'write\(1, "thread 3: ppid ok' -- seccomp-kill
limits_run limits-seccomp-eperm : \
	"cannot trace new thread [0-9]+: no spare ring left under the program's seccomp filter" \
	'write\(1, "child: hello' -- seccomp-eperm

# setuid(nobody) mid-run: the session directory (0700, ours) is out of reach for a
# new thread and for a forked child.
if wanted limits-setuid || wanted limits; then
	if [ "$(id -u)" != 0 ]; then
		skip limits-setuid "needs root to setuid"
	else
		limits_total=2 limits_run limits-setuid : \
			'cannot trace new thread [0-9]+: Permission denied' -- setuid
		d=$WORK/limits-setuid
		n=$(grep -cE '^sctrace: pid [0-9]+: cannot trace this process: Permission denied$' "$d/trace.err")
		if [ "$n" = 1 ]; then
			pass limits-setuid-child
		else
			fail limits-setuid-child "$n notes for the forked child, not 1"
			show "$d/trace.err"
		fi
	fi
fi

# A full tmpfs under the session directory: a new thread's ring finds no room (no
# SIGBUS on its first record).  Root only, for the mount.
if wanted limits-tmpfs || wanted limits; then
	d=$WORK/limits-tmpfs
	mkdir -p "$d/fs"
	if ! mount -t tmpfs -o size=40m sctrace-e2e "$d/fs" 2>"$d/mount.err"; then
		skip limits-tmpfs "cannot mount a tmpfs: $(first_line "$d/mount.err")"
	else
		limits_run limits-tmpfs "export SCTRACE_DIR='$d/fs'" \
			'cannot trace new thread [0-9]+: No space left on device' -- fill "$d/fs"
		umount "$d/fs"
	fi
fi

# Standalone: the note goes to the library's own output.
if wanted limits-standalone || wanted limits; then
	if have_tracer limits-standalone && have_prog limits-standalone limits; then
		d=$WORK/limits-standalone
		mkdir -p "$d"
		(cd "$d" && LD_PRELOAD=$LIB SCTRACE_OUTPUT=$d/trace exec timeout "$TIMEOUT" \
			"$BIN/limits" seccomp-kill </dev/null >"$d/out" 2>"$d/err")
		rc=$?
		n=$(grep -cE "^sctrace: pid [0-9]+: cannot trace new thread [0-9]+: no spare ring left under the program's seccomp filter$" "$d/trace" 2>/dev/null)
		if [ "$rc" = 0 ] && [ "$n" = 1 ] && grep -q '^seccomp-kill: done$' "$d/out" &&
			grep -q 'write(1, "thread 3: ppid ok' "$d/trace"; then
			pass limits-standalone
		else
			fail limits-standalone "exit $rc, $n notes in the output, not 1"
			show "$d/trace"
		fi
	fi
fi
