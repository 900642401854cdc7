# The e2e suite's set-up and helpers, sourced by tests/e2e/run.sh before the cases
# (tests/e2e/cases) and the scenarios (tests/e2e/scenarios/*.sh), which use them:
# pass/fail/skip, wanted, show, first_line, have_tracer, have_prog, compare,
# compare_complete, calls_of/errors_of, run_mode/transparent, start_longrun,
# stress_run/count/trace_pid; $SCTRACE, $LIB, $PRELOAD, $BIN, $WORK, $TIMEOUT,
# $complete, $nostrace, $ASAN_RT.
# shellcheck shell=bash

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$root/$O ;; esac
# sctrace runs by its name, found in $PATH: its messages start with the name it was
# run by (argv[0]), as strace's do, and the checks expect "sctrace: "
mkdir -p "$O/e2e-path" && ln -sfn ../sctrace "$O/e2e-path/sctrace"
PATH=$O/e2e-path:$PATH
SCTRACE=sctrace
LIB=$O/libsctrace.so
BIN=$O/e2e
TIMEOUT=${E2E_TIMEOUT:-60}
# A SANITIZE=address build: the library is preloaded after the sanitizer's runtime,
# and the runner (linked with it) accepts a user's LD_PRELOAD ahead of it (README)
PRELOAD=$LIB
ASAN_RT=$(ldd "$LIB" 2>/dev/null | awk '/libasan/ { print $3 }')
if [ -n "$ASAN_RT" ]; then
	PRELOAD=$ASAN_RT:$LIB
	# the programs' own leaks are not ours (asan-runner-leak checks the runner's),
	# and SIGSEGV/SIGBUS are the program's and the library's, as in a normal build
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=0:handle_segv=0:handle_sigbus=0:allow_user_segv_handler=1
	# a 4 KiB alternate signal stack has no room for instrumented frames
	asan_small_stack="a 4 KiB alternate stack is too small for ASan-instrumented frames"
	# ASan's own interceptors (getsockname...) dereference the program's bad pointers
	asan_badptr="ASan's interceptors in the program dereference its bad pointers themselves"
fi

npass=0 nfail=0 nskip=0

# Complete mode under ASan is not supported yet: ASan's runtime makes system calls of
# its own (they trap and print), and its stack bookkeeping does not follow the SIGSYS
# handler onto a posix_spawn child's stack.  The entry-point pass runs in full.
if [ -n "$ASAN_RT" ] && [ "${SCTRACE_LIBC_ONLY:-}" != 1 ]; then
	echo "e2e: complete-mode: SKIP (a SANITIZE=address build: complete mode under ASan is not supported yet)"
	echo "e2e: 0 passed, 0 failed, 1 skipped"
	exit 0
fi

umask 022
ulimit -c 0 2>/dev/null
# A directory of its own per run: several runs may share one build folder.  Kept
# when something failed, for its traces and diffs.
mkdir -p "$O/e2e-work" && WORK=$(mktemp -d "$O/e2e-work/run.XXXXXX") || exit 1

# The suite runs once per mode (tests/run-all.sh): complete mode, sctrace's default,
# and entry points only (SCTRACE_LIBC_ONLY=1 in the environment, which the library
# reads like --libc-only).  $complete is 1 in complete mode.
complete=1
[ "${SCTRACE_LIBC_ONLY:-}" = 1 ] && complete=0

pass() { npass=$((npass + 1)); echo "e2e: $1: PASS"; }
skip() { nskip=$((nskip + 1)); echo "e2e: $1: SKIP ($2)"; }
failed=
fail() { nfail=$((nfail + 1)); failed="$failed $1"; echo "e2e: $1: FAIL ($2)"; }

# wanted NAME: run this test? (all when no names were given)
wanted() { [ "$only" = "  " ] || case $only in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# Show at most 60 lines of a file, indented, and where the rest is.
show() {
	sed -n '1,60s/^/    /p' "$1"
	n=$(wc -l <"$1")
	[ "$n" -le 60 ] || echo "    ... ($n lines in all: $1)"
}

# first_line FILE: its first line, for a reason in parentheses
first_line() { sed -n '1{s/[[:space:]]*$//;p;q}' "$1" 2>/dev/null; }

# Can we run the tracer at all?  A missing build is a failure, not a skip.
have_tracer() {
	if [ ! -x "$O/sctrace" ]; then
		fail "$1" "$SCTRACE not built"
		return 1
	fi
	if [ ! -f "$LIB" ]; then
		fail "$1" "$LIB not built"
		return 1
	fi
	return 0
}
have_prog() {
	[ -x "$BIN/$2" ] && return 0
	fail "$1" "$BIN/$2 not built"
	return 1
}

# Can strace trace here?  It needs ptrace, which containers and YAMA may refuse.
nostrace=
if ! command -v strace >/dev/null 2>&1; then
	nostrace="strace is not installed"
elif ! strace -o /dev/null true >/dev/null 2>&1; then
	nostrace="strace cannot trace here: $(strace -o /dev/null true 2>&1 | sed -n 1p)"
else
	sv=$(strace -V 2>/dev/null | sed -n '1s/.*version //p')
	[ "$sv" = 6.1 ] || echo "e2e: note: strace $sv, the expected output is strace 6.1's"
fi

sctrace_raws=

# run_both DIR [OPTION...] -- PROGRAM [ARG...]: $BIN/PROGRAM under `strace -f OPTION...`
# and under `sctrace -f OPTION...`, in DIR/run: traces in DIR/strace.raw and
# DIR/sctrace.raw, the output beside them (.out, .err); exit statuses in $src, $trc
run_both() {
	local d=$1 opts=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	mkdir -p "$d/run"
	(cd "$d/run" && exec timeout "$TIMEOUT" strace -f "${opts[@]}" -o "$d/strace.raw" \
		"$BIN/$@" <"/dev/null" >"$d/strace.out" 2>"$d/strace.err")
	src=$?
	(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f "${opts[@]}" -o "$d/sctrace.raw" \
		"$BIN/$@" <"/dev/null" >"$d/sctrace.out" 2>"$d/sctrace.err")
	trc=$?
}

# compare NAME [--filter=FN] [OPTION...] -- PROGRAM [ARG...]: the windows of both
# traces must be equal; FN, a function of this file or of a scenario, reads a window
# file on stdin and writes it made comparable (numbers that change from run to run)
compare() {
	local name=$1 opts=() filter=cat d src trc why t
	shift
	case ${1-} in --filter=*) filter=${1#--filter=}; shift ;; esac
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" || return
	have_prog "$name" "$1" || return
	d=$WORK/$name
	run_both "$d" "${opts[@]}" -- "$@"
	if [ "$src" -ne 0 ]; then
		fail "$name" "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		return
	fi
	[ -f "$d/sctrace.raw" ] || : >"$d/sctrace.raw"
	for t in strace sctrace; do
		awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$t.raw" | "$filter" >"$d/$t.win"
	done
	if ! grep -q '^== window' "$d/strace.win"; then
		fail "$name" "no window in strace's trace"
		return
	fi
	if grep -q '^(' "$d/strace.win"; then
		fail "$name" "strace's windows are malformed: $(grep -m1 '^(' "$d/strace.win")"
		return
	fi
	sctrace_raws="$sctrace_raws $d/sctrace.raw"
	why=
	[ "$trc" -eq 0 ] || why="exit $trc under sctrace: $(first_line "$d/sctrace.err"); "
	if diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
		if [ -z "$why" ]; then pass "$name"; else fail "$name" "${why%; }"; fi
		return
	fi
	fail "$name" "${why}$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
	show "$d/diff"
}

# compare_complete NAME SEDFILE PROGRAM: compare's check for a program whose lines only
# complete mode sees (raw calls, signal lines; skipped with --libc-only), after the
# sed -E script SEDFILE made what differs from run to run (times, pids) equal
compare_complete() {
	local name=$1 sedf=$2 prog=$3 d src trc t
	wanted "$name" || return 0
	if [ $complete = 0 ]; then
		skip "$name" "entry points only: raw calls and signal lines are not seen"
		return
	fi
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" && have_prog "$name" "$prog" || return
	d=$WORK/$name
	mkdir -p "$d/run"
	(cd "$d/run" && exec timeout "$TIMEOUT" strace -f -o "$d/strace.raw" "$BIN/$prog" \
		</dev/null >"$d/strace.out" 2>"$d/strace.err")
	src=$?
	(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/sctrace.raw" "$BIN/$prog" \
		</dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
	trc=$?
	for t in strace sctrace; do
		awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/$t.raw" | sed -E -f "$sedf" >"$d/$t.win"
	done
	if [ "$src" -ne 0 ]; then
		fail "$name" "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
	elif [ "$trc" -ne 0 ]; then
		fail "$name" "exit $trc under sctrace: $(first_line "$d/sctrace.err")"
	elif ! grep -q '^== window' "$d/strace.win" || grep -q '^(' "$d/strace.win"; then
		fail "$name" "no window, or malformed ones, in strace's trace"
		show "$d/strace.win"
	elif ! diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.win" "$d/sctrace.win" >"$d/diff"; then
		fail "$name" "$(($(grep -c '^-' "$d/diff") - 1)) strace lines differ or are missing, $(($(grep -c '^+' "$d/diff") - 1)) extra or different sctrace lines"
		show "$d/diff"
	else
		pass "$name"
	fi
}



# calls_of TABLE NAME: the calls column of NAME's row in a -c table (strace layout:
# % time, seconds, usecs/call, calls, [errors], syscall)
calls_of() { awk -v n="$2" '$NF == n && NF >= 5 { print $4; exit }' "$1"; }
errors_of() { awk -v n="$2" '$NF == n && NF >= 5 { print (NF == 6) ? $5 : 0; exit }' "$1"; }


# run_mode MODE DIR PROG ARGS...: runs PROG in DIR plain / traced / counted;
# writes DIR/MODE.out, DIR/MODE.err, DIR/MODE.rc
run_mode() {
	local mode=$1 d=$2
	shift 2
	set -- timeout "$TIMEOUT" "$@"
	case $mode in
	trace) set -- "${@:1:2}" "$SCTRACE" -f -o "$d/trace" "${@:3}" ;;
	count) set -- "${@:1:2}" "$SCTRACE" -f -c "${@:3}" ;;
	esac
	# the subshell's stderr takes bash's "Segmentation fault" notes
	(
		cd "$d/run" || exit
		"$@" </dev/null >"$d/$mode.out" 2>"$d/$mode.err"
		echo "$?" >"$d/$mode.rc"
	) 2>/dev/null
}

# transparent NAME PROG ARGS...: stdout and exit status are the same with and without
# sctrace, and with sctrace -c
transparent() {
	local name=$1 d why mode
	shift
	wanted "$name" || wanted transparent || return 0
	have_tracer "$name" || return
	have_prog "$name" "$1" || return
	d=$WORK/$name
	mkdir -p "$d/run"
	for mode in plain trace count; do run_mode "$mode" "$d" "$BIN/$@"; done
	why=
	for mode in trace count; do
		if [ "$(cat "$d/$mode.rc")" != "$(cat "$d/plain.rc")" ]; then
			why="${why}exit $(cat "$d/$mode.rc") with sctrace$([ $mode = count ] && echo ' -c'), $(cat "$d/plain.rc") without: $(first_line "$d/$mode.err"); "
		elif ! cmp -s "$d/$mode.out" "$d/plain.out"; then
			why="${why}stdout differs with sctrace$([ $mode = count ] && echo ' -c'); "
		fi
	done
	if [ -z "$(cat "$d/plain.out")" ]; then
		why="${why}the program printed nothing untraced; "
	fi
	if [ -z "$why" ]; then pass "$name"; else fail "$name" "${why%; }"; fi
}


# start_longrun SCTRACE-OPTION...: sctrace running longrun in the background, with
# output in $d; sets $runner and returns once the program is under way
start_longrun() {
	"$SCTRACE" "$@" -o "$d/trace" "$BIN/longrun" </dev/null >"$d/out" 2>"$d/err" &
	runner=$!
	sleep 0.15
}


# stress_run NAME ARGS...: run under sctrace -f into $WORK/NAME; sets d and rc
stress_run() {
	local name=$1; shift
	d=$WORK/$name
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace.raw" "$@" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	# calls split by another task's lines ("<unfinished ...>") counted whole
	awk -f "$here/rejoin.awk" "$d/trace.raw" >"$d/trace" 2>/dev/null
}
# count PATTERN: lines of the trace matching the ERE
count() { grep -cE "$1" "$d/trace"; }
# trace_pid: the pid on the first line of the trace (the traced command's)
trace_pid() { sed -n '1s/^\([0-9][0-9]*\) .*/\1/p' "$d/trace" 2>/dev/null; }
