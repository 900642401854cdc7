#!/bin/bash
# End-to-end tests of sctrace (see tests/e2e/e2e.h for the programs' side).
#
#   O=build tests/e2e/run.sh [NAME...]
#
# 1. Comparisons with strace: each scenario program runs under `strace -f -o S` and
#    under `sctrace -f -o T` with the same options; both traces go through
#    window.awk (windows between markers, per process, normalised) and the sctrace
#    windows must equal the strace windows line for line.  When strace cannot trace
#    on this machine (not installed, or ptrace refused) these report SKIP.
# 2. Checks that need no strace: -c exactness with threads and with a signal handler
#    that writes, stdout and exit status unchanged by tracing, children exec'd with
#    an empty environment, the library without the runner, option errors.
#
# Prints "e2e: NAME: PASS|FAIL|SKIP (reason)" per test, a diff on FAIL, and last
# "e2e: N passed, N failed, N skipped".  Exit status 1 if anything failed.
# Only POSIX tools (awk, sed, grep, diff, timeout); no python.

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$root/$O ;; esac
SCTRACE=$O/sctrace
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
only=" $* "

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
	if [ ! -x "$SCTRACE" ]; then
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

# ---------------------------------------------------------------------------
# 1. Comparisons with strace
# ---------------------------------------------------------------------------

sctrace_raws=

# compare NAME [OPTION...] -- PROGRAM [ARG...]
compare() {
	local name=$1 opts=() d src trc why
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" || return
	have_prog "$name" "$1" || return
	d=$WORK/$name
	mkdir -p "$d/run"
	(cd "$d/run" && exec timeout "$TIMEOUT" strace -f "${opts[@]}" -o "$d/strace.raw" \
		"$BIN/$@" <"/dev/null" >"$d/strace.out" 2>"$d/strace.err")
	src=$?
	(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f "${opts[@]}" -o "$d/sctrace.raw" \
		"$BIN/$@" <"/dev/null" >"$d/sctrace.out" 2>"$d/sctrace.err")
	trc=$?
	if [ "$src" -ne 0 ]; then
		fail "$name" "the program failed under strace, exit $src: $(first_line "$d/strace.err")"
		return
	fi
	awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/strace.raw" >"$d/strace.win"
	if ! grep -q '^== window' "$d/strace.win"; then
		fail "$name" "no window in strace's trace"
		return
	fi
	if grep -q '^(' "$d/strace.win"; then
		fail "$name" "strace's windows are malformed: $(grep -m1 '^(' "$d/strace.win")"
		return
	fi
	[ -f "$d/sctrace.raw" ] || : >"$d/sctrace.raw"
	sctrace_raws="$sctrace_raws $d/sctrace.raw"
	awk -f "$here/traceline.awk" -f "$here/window.awk" "$d/sctrace.raw" >"$d/sctrace.win"
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

compare files -- files
compare files-s8 -s 8 -- files
compare pipes -- pipes
compare sockets -- sockets
compare memory -- memory
compare process -- process
compare threads -- threads
compare errors -- errors
compare stdio -- stdio
compare copy -- copy
compare empty-env-exec -- envchild
# glibc's cancellation handler makes calls after the SIGRTMIN delivery: window.awk
# ends a window at the "--- SIGRTMIN" line (complete mode prints it too)
compare cancel -- cancel
compare clone -- clones

# ---------------------------------------------------------------------------
# 2. Checks without strace
# ---------------------------------------------------------------------------

# calls_of TABLE NAME: the calls column of NAME's row in a -c table (strace layout:
# % time, seconds, usecs/call, calls, [errors], syscall)
calls_of() { awk -v n="$2" '$NF == n && NF >= 5 { print $4; exit }' "$1"; }
errors_of() { awk -v n="$2" '$NF == n && NF >= 5 { print (NF == 6) ? $5 : 0; exit }' "$1"; }

# -c with 8 threads x 100,000 writes
if wanted count-threads && have_tracer count-threads && have_prog count-threads count_threads; then
	d=$WORK/count-threads
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -c "$BIN/count_threads" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	n=$(calls_of "$d/err" write)
	if [ "$rc" -ne 0 ]; then
		fail count-threads "exit $rc: $(first_line "$d/err")"
	elif [ "$(cat "$d/out")" != "writes=800000" ]; then
		fail count-threads "program says: $(first_line "$d/out")"
	elif [ -n "$(calls_of "$d/err" exit_group)" ]; then
		fail count-threads "the -c table counts exit_group, which never returns (strace does not count it)"
	elif [ "$n" != $((800000 + complete)) ]; then
		# complete mode also sees printf's write of the result
		fail count-threads "write row says ${n:-nothing} calls, not $((800000 + complete))"
		show "$d/err"
	else
		pass count-threads
	fi
fi

# a SIGALRM handler that writes while the main loop writes
if wanted signal-writes && have_tracer signal-writes && have_prog signal-writes sigwrite; then
	d=$WORK/signal-writes
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -c "$BIN/sigwrite" \
		</dev/null >"$d/c.out" 2>"$d/c.err")
	rc1=$?
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -o "$d/trace" "$BIN/sigwrite" \
		</dev/null >"$d/t.out" 2>"$d/t.err")
	rc2=$?
	[ -f "$d/trace" ] || : >"$d/trace"
	# the program's own count of writes, its last write (of this line) included
	total=$(sed -n 's/^main=\([0-9]*\) handler=\([0-9]*\)$/\1 \2/p' "$d/c.out")
	[ -z "$total" ] || total=$(( ${total% *} + ${total#* } + 1 ))
	n=$(calls_of "$d/c.err" write)
	m=$(sed -n 's/^main=\([0-9]*\) handler=[0-9]*$/\1/p' "$d/t.out")
	h=$(sed -n 's/^main=[0-9]* handler=\([0-9]*\)$/\1/p' "$d/t.out")
	tm=$(grep -cE '^write\([0-9]+, "m", 1\) += 1$' "$d/trace")
	th=$(grep -cE '^write\([0-9]+, "h", 1\) += 1$' "$d/trace")
	tw=$(grep -c '^write(' "$d/trace")
	garbled=$(grep -vE '^[a-z_][a-z0-9_]*\(.*\) += (-?[0-9]+|0x[0-9a-f]+|\?)( .*)?$|^\+\+\+ .* \+\+\+$|^--- SIG[A-Z0-9]+ .* ---$' "$d/trace" | sed -n 1p)
	if [ "$rc1" -ne 0 ] || [ -z "$total" ]; then
		fail signal-writes "sctrace -c: exit $rc1: $(first_line "$d/c.err")"
	elif [ "$n" != "$total" ]; then
		fail signal-writes "sctrace -c counts ${n:-no} writes, the program made $total"
	elif [ "$rc2" -ne 0 ] || [ -z "$m" ] || [ -z "$h" ]; then
		fail signal-writes "sctrace -o: exit $rc2: $(first_line "$d/t.err")"
	elif [ -n "$garbled" ]; then
		fail signal-writes "a line of the trace is not a whole line: $garbled"
	elif [ "$tm" != "$m" ] || [ "$th" != "$h" ] || [ "$tw" != $((m + h + 1)) ]; then
		fail signal-writes "trace has $tm main, $th handler, $tw write lines; the program made $m, $h and 1"
	else
		pass signal-writes
	fi
fi

# stdout and exit status are the same with and without sctrace, and with sctrace -c
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

for p in files pipes sockets memory process threads errors stdio copy fds signals envchild simple; do
	if [ $p = signals ] && [ -n "$ASAN_RT" ]; then
		wanted transparent-$p && skip transparent-$p "$asan_small_stack"
		continue
	fi
	transparent "transparent-$p" "$p"
done
transparent transparent-status-3 status 3
transparent transparent-status-0 status 0
transparent transparent-status-term status term
transparent transparent-status-segv status segv

# children exec'd with an empty environment are still traced under -f
if wanted empty-env && have_tracer empty-env && have_prog empty-env envchild; then
	d=$WORK/empty-env
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" "$BIN/envchild" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	[ -f "$d/trace" ] || : >"$d/trace"
	why=
	for n in 1 2 3 4; do
		grep -qE "^([0-9]+ +)?close\\(-424$n\\) += -1 EBADF \\(Bad file descriptor\\)\$" "$d/trace" && continue
		case $n in
		1) why="$why; fork+execve(path, argv, NULL)" ;;
		2) why="$why; fork+execve of 'env -i'" ;;
		3) why="$why; vfork+execve(path, argv, NULL)" ;;
		4) why="$why; vfork+execve of 'env -i'" ;;
		esac
	done
	if [ "$rc" -ne 0 ]; then
		fail empty-env "exit $rc: $(first_line "$d/err")"
	elif [ -n "$why" ]; then
		fail empty-env "a child is not traced (no close(-424N) line): ${why#; }"
	else
		pass empty-env
	fi
fi

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

# option errors: one line (and strace's "Try" line), non-zero exit, no output file
# usage_error NAME ARGS...: run sctrace -o FILE ARGS...
usage_error() {
	local name=$1 d err n
	shift
	wanted "$name" || wanted usage || return 0
	have_tracer "$name" || return
	d=$WORK/$name
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -o "$d/out" "$@" </dev/null >"$d/stdout" 2>"$d/stderr")
	rc=$?
	err=$(first_line "$d/stderr")
	n=$(wc -l <"$d/stderr")
	if [ "$rc" -eq 0 ]; then
		fail "$name" "exit 0"
	elif [ "$rc" -ge 124 ]; then
		fail "$name" "exit $rc (timeout or signal)"
	elif [ -e "$d/out" ]; then
		fail "$name" "output file created"
	elif [ -s "$d/stdout" ]; then
		fail "$name" "printed on stdout: $(first_line "$d/stdout")"
	else
		case $err in
		"sctrace: "?*) ;;
		*) fail "$name" "first line of stderr is not 'sctrace: ...': '$err'"; return ;;
		esac
		if [ "$n" -gt 2 ] || { [ "$n" -eq 2 ] &&
			[ "$(sed -n 2p "$d/stderr")" != "Try 'sctrace --help' for more information." ]; }; then
			fail "$name" "more than the one-line error: $(sed -n 2p "$d/stderr")"
		elif [ $# -eq 1 ] && [ "$1" = /nonexistent-e2e ] &&
		     ! grep -q "No such file or directory" "$d/stderr"; then
			fail "$name" "the error does not say why: '$err'"
		else
			pass "$name"
		fi
	fi
}
usage_error usage-bad-option -z
usage_error usage-no-command
usage_error usage-nonexistent /nonexistent-e2e
if wanted usage-bare && have_tracer usage-bare; then
	"$SCTRACE" </dev/null >"$WORK/bare.out" 2>"$WORK/bare.err"
	rc=$?
	if [ "$rc" -ne 0 ] && [ "$(wc -l <"$WORK/bare.err")" -ge 1 ] &&
	   [ "$(wc -l <"$WORK/bare.err")" -le 2 ] && grep -q '^sctrace: ' "$WORK/bare.err"; then
		pass usage-bare
	else
		fail usage-bare "exit $rc: $(first_line "$WORK/bare.err")"
	fi
fi

# strace pads each call to column 40 before " = " (pid prefix included); the windows
# collapse that padding (strace's own depends on pid widths and resumptions), so
# check sctrace's padding here, on every complete line of every trace it wrote.
for f in "$WORK/empty-env/trace" "$WORK/signal-writes/trace" "$WORK/standalone/1.err" \
	 "$WORK/standalone/trace"; do
	[ -f "$f" ] && sctrace_raws="$sctrace_raws $f"
done
if wanted alignment; then
	if [ -z "$sctrace_raws" ]; then
		skip alignment "no sctrace trace was made"
	else
		# shellcheck disable=SC2086
		bad=$(awk '
			/<unfinished \.\.\.>$|<\.\.\. [a-z0-9_]+ resumed>/ { next }
			match($0, /\) += [-0-9?]/) {
				pre = RSTART; sp = RLENGTH - 4
				want = (pre <= 39) ? 40 - pre : 1
				if (sp != want) { print FILENAME ": " $0; exit }
			}' $sctrace_raws)
		if [ -z "$bad" ]; then
			pass alignment
		else
			fail alignment "return not at column 41 as strace pads it: $bad"
		fi
	fi
fi

# an exec of an image that runs without the library is said in the trace, not silent
if wanted untraced && have_tracer untraced; then
	d=$WORK/untraced
	mkdir -p "$d"
	printf 'int main(void) { return 0; }\n' >"$d/s.c"
	if ! ${CC:-cc} -static -o "$d/static_true" "$d/s.c" 2>"$d/cc.err"; then
		skip untraced-static "no static libc to link with: $(first_line "$d/cc.err")"
	else
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" sh -c "$d/static_true; exit 0" \
			</dev/null >"$d/out" 2>"$d/err")
		# sctrace's own messages go to stderr, as strace's do, even with -o
		# and when it is sctrace's own command
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -o "$d/trace1" "$d/static_true" \
			</dev/null >"$d/out1" 2>"$d/err1")
		# -c records no path: the note says what, without it
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -c -o "$d/count" sh -c "$d/static_true; exit 0" \
			</dev/null >"$d/outc" 2>"$d/errc")
		if ! grep -qE "^sctrace: pid [0-9]+ says: '$d/static_true' is statically linked: not traced\$" "$d/err"; then
			fail untraced-static "no 'is statically linked: not traced' line in $d/err"
		elif ! grep -qE "^sctrace: pid [0-9]+: '$d/static_true' is statically linked: not traced\$" "$d/err1"; then
			fail untraced-static "no 'is statically linked: not traced' line for the command itself in $d/err1"
		elif ! grep -qE "^sctrace: pid [0-9]+: the image it execs is statically linked: not traced\$" "$d/errc"; then
			fail untraced-static "with -c: no 'the image it execs is statically linked' line in $d/errc"
		else
			pass untraced-static
		fi
	fi
	# Go's linker marks its binaries with this section; a dynamically linked Go
	# program loads the library but its runtime calls the kernel directly
	printf '%s\n' '__attribute__((section(".note.go.buildid"), used))' \
		'static const char id[] = "Go";' 'int main(void) { return 0; }' >"$d/g.c"
	if ! ${CC:-cc} -o "$d/go_true" "$d/g.c" 2>"$d/cc.err"; then
		fail untraced-go "cannot compile: $(first_line "$d/cc.err")"
	else
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace3" sh -c "$d/go_true; exit 0" \
			</dev/null >"$d/out3" 2>"$d/err3")
		if grep -qE "^sctrace: pid [0-9]+ says: '$d/go_true' is a Go program, whose system calls bypass libc: not traced\$" "$d/err3"; then
			pass untraced-go
		else
			fail untraced-go "no 'is a Go program ...: not traced' line in $d/err3"
		fi
	fi
	if [ "$(id -u)" != 0 ] || ! id nobody >/dev/null 2>&1; then
		skip untraced-setuid "needs root to make a setuid file of another user"
	else
		cp "$(type -P true)" "$d/suid_true" && chown nobody "$d/suid_true" && chmod u+s "$d/suid_true"
		(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace2" sh -c "$d/suid_true; exit 0" \
			</dev/null >"$d/out2" 2>"$d/err2")
		if grep -qE "^sctrace: pid [0-9]+ says: '$d/suid_true' is setuid: not traced\$" "$d/err2"; then
			pass untraced-setuid
		else
			fail untraced-setuid "no 'is setuid: not traced' line in $d/err2"
		fi
	fi
fi

# start_longrun SCTRACE-OPTION...: sctrace running longrun in the background, with
# output in $d; sets $runner and returns once the program is under way
start_longrun() {
	"$SCTRACE" "$@" -o "$d/trace" "$BIN/longrun" </dev/null >"$d/out" 2>"$d/err" &
	runner=$!
	sleep 0.15
}

# durations: -T and -c time a 0.2 s sleep (the plain trace skips the exit time)
if wanted durations && have_tracer durations; then
	d=$WORK/durations
	mkdir -p "$d"
	"$SCTRACE" -T -o "$d/T" sleep 0.2 </dev/null >/dev/null 2>&1
	"$SCTRACE" -c -o "$d/C" sleep 0.2 </dev/null >/dev/null 2>&1
	"$SCTRACE" -C -o "$d/CC" sleep 0.2 </dev/null >/dev/null 2>&1
	nap='clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=0, tv_nsec=200000000\}, 0x[0-9a-f]+\) += 0'
	if ! grep -qE "^$nap <0\.(19|[2-9][0-9])[0-9]{4}>\$" "$d/T"; then
		fail durations "-T: no 0.2 s duration on the sleep: $(grep -m1 nanosleep "$d/T")"
	elif ! grep -qE '^ *[0-9.]+ +0\.(19|[2-9][0-9])[0-9]{4} +[0-9]+ +1 +clock_nanosleep$' "$d/C"; then
		fail durations "-c: the sleep's row does not show 0.2 s: $(grep -m1 nanosleep "$d/C")"
	elif ! grep -qE "^$nap\$" "$d/CC" ||
	     ! grep -qE '^ *[0-9.]+ +0\.(19|[2-9][0-9])[0-9]{4} +[0-9]+ +1 +clock_nanosleep$' "$d/CC"; then
		fail durations "-C: the trace line or the 0.2 s row is missing"
	else
		pass durations
	fi
fi

# sctrace killed with SIGKILL while the program runs: the program runs on to its end,
# never blocked on a full ring, and the session directory does not stay behind
if wanted runner-killed && have_tracer runner-killed && have_prog runner-killed longrun; then
	d=$WORK/runner-killed
	mkdir -p "$d/base"	# a base of its own: other runs' sessions do not count
	SCTRACE_DIR="$d/base" start_longrun -f
	kill -KILL "$runner"
	wait "$runner" 2>/dev/null
	for i in $(seq 50); do
		[ "$(tail -n 1 "$d/out" 2>/dev/null)" = done ] && break
		sleep 0.1
	done
	sleep 0.2
	left=$(ls -A "$d/base")
	if [ "$(tail -n 1 "$d/out")" != done ] || [ "$(grep -c tick "$d/out")" != 50 ]; then
		fail runner-killed "the program did not run to its end: $(wc -l <"$d/out") lines of output"
	elif [ -n "$left" ]; then
		fail runner-killed "session directory left behind: $left"
	else
		pass runner-killed
	fi
fi

# a program killed by a signal: every call it completed is in the trace, then strace's
# "+++ killed by SIG... +++" line, and sctrace dies of the same signal
for sig in kill segv; do
	wanted killed-$sig && have_tracer killed-$sig && have_prog killed-$sig die || continue
	d=$WORK/killed-$sig
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -o "$d/trace" "$BIN/die" $sig </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	want_rc=$([ $sig = kill ] && echo 137 || echo 139)
	want_last="+++ killed by SIG$(echo $sig | tr a-z A-Z)"
	n=$(grep -cE '^close\(-1[0-9]{2}\) += -1 EBADF' "$d/trace")
	if [ "$rc" != "$want_rc" ]; then
		fail killed-$sig "sctrace exited $rc, want $want_rc"
	elif [ "$n" != 100 ]; then
		fail killed-$sig "$n of the 100 calls made before the signal are in the trace"
	elif ! tail -n 1 "$d/trace" | grep -qF "$want_last"; then
		fail killed-$sig "last line is not '$want_last ...': $(tail -n 1 "$d/trace")"
	else
		pass killed-$sig
	fi
done

# a full ring: with the runner stopped for a second the program waits and nothing is
# lost; with --lossy it never waits, and every record it dropped is counted and said
for mode in lossless lossy; do
	wanted full-ring-$mode && have_tracer full-ring-$mode && have_prog full-ring-$mode burst || continue
	d=$WORK/full-ring-$mode
	mkdir -p "$d"
	extra=
	[ $mode = lossy ] && extra=--lossy
	"$SCTRACE" $extra --ring-size=262144 -o "$d/trace" "$BIN/burst" 200000 </dev/null >"$d/out" 2>"$d/err" &
	runner=$!
	# stopped once the program runs (on a loaded machine 0.1 s may pass before the
	# runner has even started it: then nothing fills), long before its 200,000 writes end
	for _ in $(seq 500); do
		[ -n "$(pgrep -P "$runner")" ] && break
		sleep 0.01
	done
	kill -STOP "$runner"
	sleep 1
	kill -CONT "$runner"
	wait "$runner"
	rc=$?
	writes=$(grep -c '^write(3, "x", 1) *= 1$' "$d/trace")
	lost=$(sed -n 's/^sctrace: pid [0-9]*: \([0-9]*\) records\{0,1\} lost: a ring was full$/\1/p' "$d/err")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "burst: 200000" ]; then
		fail full-ring-$mode "the program did not finish: exit $rc, $(first_line "$d/err")"
	elif [ $mode = lossless ] && { [ "$writes" != 200000 ] || [ -n "$lost" ]; }; then
		fail full-ring-$mode "$writes of 200000 writes in the trace${lost:+, $lost lost}"
	elif [ $mode = lossy ] && [ -z "$lost" ]; then
		fail full-ring-$mode "nothing lost with the runner stopped for a second ($writes writes)"
	elif [ $mode = lossy ] && { [ $((writes + lost)) -lt 200000 ] || [ $((writes + lost)) -gt 200020 ]; }; then
		# beyond the writes only exit_group, the exit line and, in complete mode,
		# the calls of libc around the loop (printf's fstat and write) can be dropped
		fail full-ring-$mode "$writes writes shown + $lost lost does not account for 200000"
	else
		pass full-ring-$mode
	fi
done

# descriptors: the program closes everything and dup2s onto every number, and
# tracing goes on; the tracer owns none of the program's descriptors
if wanted fds && have_tracer fds && have_prog fds fds; then
	d=$WORK/fds
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -o "$d/trace" "$BIN/fds" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	dups=$(grep -cE '^dup2\([0-9]+, [0-9]+\) += [0-9]+$' "$d/trace")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "fds: ok" ]; then
		fail fds "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif ! grep -q '^close(-4242) *= -1 EBADF' "$d/trace"; then
		fail fds "tracing stopped: no close(-4242) line after the descriptors were reshuffled"
	elif [ "$dups" != 1020 ] || ! grep -q '^close_range(1000, 4294967295, 0) *= 0$' "$d/trace"; then
		fail fds "want 1020 dup2 lines and the close_range line, have $dups dup2 lines"
	else
		pass fds
	fi
fi

# signals: blocked, ignored, handled on a small alternate stack; nothing changes and
# every call the handler made is in the trace
if [ -n "$ASAN_RT" ]; then
	wanted signals && skip signals "$asan_small_stack"
elif wanted signals && have_tracer signals && have_prog signals signals; then
	d=$WORK/signals
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -o "$d/trace" "$BIN/signals" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	n=$(grep -c '^close(-4343) *= -1 EBADF' "$d/trace")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "signals: ok" ]; then
		fail signals "exit $rc: $(first_line "$d/err")"
	elif [ "$n" != 1000 ]; then
		fail signals "$n of the handler's 1000 close(-4343) calls are in the trace"
	elif ! grep -q '^write([0-9]*, "x", 1) *= -1 EPIPE (Broken pipe)$' "$d/trace"; then
		fail signals "no write(...) = -1 EPIPE line"
	else
		pass signals
	fi
fi

# process and input shapes: fork from busy threads, thread churn, huge inputs, a shell
# pipeline, the user's own LD_PRELOAD; each must end cleanly with its calls traced
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

if wanted fork-threads && have_tracer fork-threads && have_prog fork-threads stress; then
	stress_run fork-threads "$BIN/stress" forkthreads
	n=$(count 'close\(-5353\) += -1 EBADF')
	pids=$(grep -E 'close\(-5353\)' "$d/trace" | awk '{print $1}' | sort -u | wc -l)
	if [ "$rc" != 0 ]; then
		fail fork-threads "exit $rc (a deadlocked child ends in the timeout): $(first_line "$d/err")"
	elif [ "$n" != 20 ] || [ "$pids" != 20 ]; then
		fail fork-threads "want 20 child calls from 20 pids, have $n from $pids"
	else
		pass fork-threads
	fi
fi

if wanted thread-churn && have_tracer thread-churn && have_prog thread-churn stress; then
	# a session base of its own: other sessions running on the machine meanwhile
	# have ring files in /dev/shm too
	shm=$(mktemp -d "${SCTRACE_DIR:-/dev/shm}/e2e-churn.XXXXXX")
	SCTRACE_DIR=$shm stress_run thread-churn "$BIN/stress" churn
	n=$(count 'close\(-5252\) += -1 EBADF')
	ex=$(count ' exit\(0\) += \?$')
	if [ "$rc" != 0 ]; then
		fail thread-churn "exit $rc: $(first_line "$d/err")"
	elif [ "$n" != 1000 ] || [ "$ex" != 1000 ]; then
		fail thread-churn "want 1000 calls and 1000 thread exits, have $n and $ex"
	elif [ -n "$(find "$shm" -name '*.ring' 2>/dev/null)" ]; then
		fail thread-churn "ring files left behind in $shm"
	else
		pass thread-churn
	fi
	rm -rf "$shm"
fi

if wanted huge-inputs && have_tracer huge-inputs && have_prog huge-inputs stress; then
	stress_run huge-inputs "$BIN/stress" huge
	if [ "$rc" != 0 ]; then
		fail huge-inputs "exit $rc: $(first_line "$d/err")"
	elif [ "$(count '^[0-9]+ +write\([0-9]+, "\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"\.\.\., 16777216\) += 16777216$')" != 1 ]; then
		fail huge-inputs "the 16 MiB write is not shown cut at 32 bytes"
	elif [ "$(count 'openat\(AT_FDCWD, "/a{4094}", O_RDONLY\) += -1 ENAMETOOLONG')" != 1 ]; then
		fail huge-inputs "the 4095-byte path is not shown whole"
	elif [ "$(count 'execve\("[^"]*/stress", \["[^"]*"(\.\.\.)?, "child"(, "x"){30}, \.\.\.\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/\) += 0$')" != 1 ]; then
		fail huge-inputs "the 100,000-element argv is not shown cut after 32 elements"
	else
		pass huge-inputs
	fi
fi

# clone(CLONE_VM) children that run beside their parent on its thread storage: said,
# not traced, and the parent's own calls meanwhile stay the parent's (the windows of
# the same program are compared with strace as "clone")
if wanted clone-shared && have_tracer clone-shared && have_prog clone-shared clones; then
	stress_run clone-shared "$BIN/clones"
	pid=$(trace_pid)
	notes=$(grep -cE "^sctrace: pid $pid: child [0-9]+ shares this process's memory and thread state \(clone with CLONE_VM\): its calls are not traced\$" "$d/err")
	mine=$(grep -cE "^$pid +close\(-6363\) += -1 EBADF" "$d/trace")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "clones: ok" ]; then
		fail clone-shared "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif [ "$notes" != 2 ]; then
		fail clone-shared "want 2 notes for the CLONE_VM children on stderr, have $notes"
	elif [ "$mine" != 100 ] || [ "$(count 'close\(-6363\)')" != 100 ]; then
		fail clone-shared "want the parent's 100 calls under pid $pid, have $mine"
	elif [ "$(count 'close\(-6464\)')" != 0 ]; then
		fail clone-shared "a CLONE_VM child's call was recorded"
	elif [ "$(count '^[0-9]+ +exit\(4\) += \?$')" != 1 ] || [ "$(count '^[0-9]+ +exit\(3\) += \?$')" != 1 ] ||
	     [ "$(count '^[0-9]+ +\+\+\+ exited with [34] \+\+\+$')" != 2 ]; then
		fail clone-shared "the copy and vfork children's exit(4)/exit(3) and +++ lines are not all there"
	elif grep -q 'corrupt' "$d/err"; then
		fail clone-shared "$(grep -m1 corrupt "$d/err")"
	else
		pass clone-shared
	fi
fi

# system() and popen(): the shells they start (inside libc, by posix_spawn) are traced
if wanted system-popen && have_tracer system-popen && have_prog system-popen stress; then
	stress_run system-popen "$BIN/stress" shell
	pid=$(trace_pid)
	sys=$(grep -E '^[0-9]+ +execve\("/bin/sh", \["sh", "-c", "exit 3"\], ' "$d/trace" | awk '{print $1}')
	pop=$(grep -E '^[0-9]+ +execve\("/bin/sh", \["sh", "-c", "echo popen"\], ' "$d/trace" | awk '{print $1}')
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "stress shell: ok" ]; then
		fail system-popen "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif [ -z "$sys" ] || [ "$sys" = "$pid" ] || [ -z "$pop" ] || [ "$pop" = "$pid" ]; then
		fail system-popen "want the execve of both shells under their own pids, have '$sys' and '$pop' (program $pid)"
	elif [ "$(count "^$sys +\\+\\+\\+ exited with 3 \\+\\+\\+\$")" != 1 ]; then
		fail system-popen "no '+++ exited with 3 +++' for system's shell $sys"
	elif [ "$(count "^$pop +write\\(1, \"popen\\\\n\", 6\\) += 6\$")" != 1 ]; then
		fail system-popen "no write(1, \"popen\\n\", 6) from popen's shell $pop"
	else
		pass system-popen
	fi
fi

if wanted pipeline && have_tracer pipeline; then
	stress_run pipeline sh -c 'echo one two three | tr a-z A-Z | wc -w'
	pids=$(grep -E 'execve\(' "$d/trace" | grep -v ' = -1' | awk '{print $1}' | sort -u | wc -l)
	if [ "$rc" != 0 ] || [ "$(tr -d ' ' <"$d/out")" != 3 ]; then
		fail pipeline "exit $rc, output '$(first_line "$d/out")'"
	elif [ "$pids" -lt 3 ]; then
		fail pipeline "want the execve of sh, tr and wc from 3 pids, have $pids"
	elif [ "$(count '\+\+\+ exited with 0 \+\+\+')" -lt 3 ]; then
		fail pipeline "fewer than 3 '+++ exited with 0 +++' lines"
	else
		pass pipeline
	fi
fi

if wanted user-preload && have_tracer user-preload && have_prog user-preload simple; then
	d=$WORK/user-preload
	mkdir -p "$d"
	printf '#include <unistd.h>\n__attribute__((constructor)) static void hi(void) { write(2, "user-lib\\n", 9); }\n' >"$d/u.c"
	if ! ${CC:-cc} -shared -fPIC -o "$d/libu.so" "$d/u.c" 2>"$d/cc.err"; then
		skip user-preload "cannot build a shared library: $(first_line "$d/cc.err")"
	else
		(cd "$d" && LD_PRELOAD="$d/libu.so" exec "$SCTRACE" -f -o "$d/trace" sh -c "$BIN/simple" \
			</dev/null >"$d/out" 2>"$d/err")
		rc=$?
		users=$(grep -c '^user-lib$' "$d/err")
		if [ "$rc" != 0 ]; then
			fail user-preload "exit $rc: $(first_line "$d/err")"
		elif [ "$users" != 3 ]; then
			# sctrace itself inherits the user's LD_PRELOAD too: sctrace, sh, simple
			fail user-preload "the user's preload ran in $users of the 3 images (sctrace, sh, simple)"
		elif [ "$(count 'close\(-4321\) += -1 EBADF')" != 1 ]; then
			fail user-preload "the program's calls are not traced next to the user's library"
		elif grep -qE 'LD_PRELOAD=[^"]*libsctrace[^"]*libsctrace' "$d/trace"; then
			fail user-preload "libsctrace.so is in LD_PRELOAD twice"
		else
			pass user-preload
		fi
	fi
fi

# little shared memory: a 16 MiB tmpfs as the session's home is refused with a note,
# and tracing works from the fall-back
if wanted small-shm && have_tracer small-shm && have_prog small-shm simple; then
	d=$WORK/small-shm
	mkdir -p "$d/tmpfs"
	if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=16m tmpfs "$d/tmpfs" 2>"$d/mount.err"; then
		skip small-shm "cannot mount a small tmpfs here (needs root and mount rights)"
	else
		(cd "$d" && SCTRACE_DIR="$d/tmpfs" exec "$SCTRACE" -o "$d/trace" "$BIN/simple" \
			</dev/null >"$d/out" 2>"$d/err")
		rc=$?
		umount "$d/tmpfs"
		if [ "$rc" != 0 ]; then
			fail small-shm "exit $rc: $(first_line "$d/err")"
		elif ! grep -q "^sctrace: $d/tmpfs has less than 32 MiB free: session in " "$d/err"; then
			fail small-shm "no note about the small tmpfs on stderr"
		elif ! grep -q '^close(-4321) *= -1 EBADF' "$d/trace"; then
			fail small-shm "nothing traced from the fall-back location"
		else
			pass small-shm
		fi
	fi
fi

# security: the session directory is private (0700, the user's).  (Ring files are
# created 0600 with O_EXCL|O_NOFOLLOW inside it, and unlinked by the runner as soon
# as it maps them, so there is seldom one to look at.)
if wanted private-session && have_tracer private-session && have_prog private-session longrun; then
	d=$WORK/private-session
	mkdir -p "$d/base"
	SCTRACE_DIR="$d/base" start_longrun -f
	sess=$(ls -d "$d/base"/sctrace-* 2>/dev/null | head -n 1)
	mode=$([ -n "$sess" ] && stat -c '%a %u' "$sess")
	wait "$runner"
	if [ -z "$sess" ]; then
		fail private-session "no session directory under SCTRACE_DIR while the program ran"
	elif [ "$mode" != "700 $(id -u)" ]; then
		fail private-session "session directory is '$mode' (mode, owner), want '700 $(id -u)'"
	elif [ -n "$(ls -A "$d/base")" ]; then
		fail private-session "left in SCTRACE_DIR: $(ls -A "$d/base")"
	else
		pass private-session
	fi
fi

# symlinks planted in the session directory, at the ring names of threads still to
# come and at names the runner scans: no writer or reader follows one
if wanted planted-links && have_tracer planted-links && have_prog planted-links stress; then
	d=$WORK/planted-links
	mkdir -p "$d/base" "$d/run" "$d/targets"
	(cd "$d/run" && SCTRACE_DIR="$d/base" exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" \
		"$BIN/stress" late </dev/null >"$d/out" 2>"$d/err") &
	runner=$!
	# the program's pid from its first trace line (the runner unlinks mapped rings)
	pid= sess=
	for _ in $(seq 200); do
		pid=$(trace_pid)
		sess=$(ls -d "$d/base"/sctrace-* 2>/dev/null | head -n 1)
		[ -n "$pid" ] && [ -n "$sess" ] && break
		sleep 0.05
	done
	if [ -n "$pid" ] && [ -n "$sess" ]; then
		# targets made by the shell itself and linked by one ln: the next thread ids
		# are not used up by the planting
		t=$((pid + 1))
		while [ "$t" -le $((pid + 300)) ]; do
			echo 'do not touch' >"$d/targets/$pid.$t.ring"
			t=$((t + 1))
		done
		echo 'do not touch' >"$d/targets/1.1.ring"
		ln -s -t "$sess" "$d/targets"/*.ring
	fi
	sleep 0.01
	: >"$d/ref"	# newer than the targets: a write to one makes it newer still
	: >"$d/run/go"
	wait "$runner"
	rc=$?
	# a call another thread's line cut in two counts by its first half
	n=$(grep -cE 'close\(-5252(\) += -1 EBADF| <unfinished \.\.\.>$)' "$d/trace")
	hit=$(grep -E 'close\(-5252' "$d/trace" | awk -v p="$pid" '$1 > p && $1 <= p + 300' | wc -l)
	if [ -z "$pid" ] || [ -z "$sess" ]; then
		fail planted-links "no session directory in $d/base or no trace line while the program ran"
	elif [ "$rc" != 0 ]; then
		fail planted-links "exit $rc: $(first_line "$d/err")"
	elif [ "$n" != 20 ]; then
		fail planted-links "want the 20 threads' calls, have $n"
	elif [ "$hit" = 0 ]; then
		fail planted-links "no thread id fell among the planted names: nothing was tested"
	elif [ "$(cat "$d/targets"/* | sort -u)" != 'do not touch' ] ||
	     [ -n "$(find "$d/targets" -type f -newer "$d/ref")" ]; then
		fail planted-links "a file a planted link points at was changed"
	elif [ -n "$(ls -A "$d/base")" ]; then
		fail planted-links "left in SCTRACE_DIR: $(ls -A "$d/base")"
	else
		pass planted-links
	fi
fi

# sctrace gets SIGTERM: it passes it on to the command, keeps what it traced, ends
# as the command ended, and removes its session directory
if wanted sigterm-runner && have_tracer sigterm-runner && have_prog sigterm-runner longrun; then
	d=$WORK/sigterm-runner
	mkdir -p "$d/base"
	SCTRACE_DIR="$d/base" start_longrun
	kill -TERM "$runner"
	wait "$runner"
	rc=$?
	ticks=$(grep -c 'tick' "$d/out")
	traced=$(grep -c '^write(1, "tick\\n", 5) *= 5$' "$d/trace")
	if [ "$rc" != 143 ]; then
		fail sigterm-runner "sctrace exited $rc, want 143 (killed by SIGTERM like the command)"
	elif [ "$ticks" -ge 50 ]; then
		fail sigterm-runner "the command was not stopped by the signal"
	elif [ "$traced" != "$ticks" ]; then
		fail sigterm-runner "the command wrote $ticks ticks, the trace shows $traced"
	elif ! tail -n 1 "$d/trace" | grep -q '^+++ killed by SIGTERM +++$'; then
		fail sigterm-runner "last line: $(tail -n 1 "$d/trace")"
	elif [ -n "$(ls -A "$d/base")" ]; then
		fail sigterm-runner "session directory left behind"
	else
		pass sigterm-runner
	fi
fi

# sctrace inside a traced program: the inner one traces its command (its session
# wins for what it starts), the outer one sees the inner sctrace, and the library is
# listed once in the command's LD_PRELOAD
if wanted nested && have_tracer nested && have_prog nested simple; then
	d=$WORK/nested
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -f -o "$d/outer" "$SCTRACE" -o "$d/inner" \
		sh -c 'echo "$LD_PRELOAD"; exec "$0"' "$BIN/simple" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	preload=$(head -n 1 "$d/out")
	if [ "$rc" != 0 ]; then
		fail nested "exit $rc: $(first_line "$d/err")"
	elif ! grep -q '^close(-4321) *= -1 EBADF' "$d/inner"; then
		fail nested "the inner sctrace did not trace its command"
	elif ! grep -qE '^[0-9]+ +execve\("[^"]*/sctrace", ' "$d/outer"; then
		fail nested "the outer sctrace did not trace the inner one"
	elif [ "$(printf '%s\n' "$preload" | tr ': ' '\n\n' | grep -c 'libsctrace\.so$')" != 1 ]; then
		fail nested "the command's LD_PRELOAD lists the library more than once: $preload"
	else
		pass nested
	fi
fi

# a timer every 100 us whose handler writes, against a main loop of at least a million
# writes: the -c count is exactly the program's own count, and nothing crashes
if wanted signal-storm && have_tracer signal-storm && have_prog signal-storm sigwrite; then
	d=$WORK/signal-storm
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -c "$BIN/sigwrite" storm \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	m=$(sed -n 's/^main=\([0-9]*\) handler=[0-9]*$/\1/p' "$d/out")
	h=$(sed -n 's/^main=[0-9]* handler=\([0-9]*\)$/\1/p' "$d/out")
	n=$(calls_of "$d/err" write)
	if [ "$rc" != 0 ] || [ -z "$m" ]; then
		fail signal-storm "exit $rc: $(first_line "$d/err")"
	elif [ "$m" -lt 1000000 ]; then
		fail signal-storm "only $m main-loop writes"
	elif [ "$n" != $((m + h + 1)) ]; then
		fail signal-storm "sctrace -c counted $n writes, the program made $((m + h + 1)) ($m + $h handler + 1)"
	else
		pass signal-storm
	fi
fi

# a daemon: double fork and setsid; sctrace -f waits for the grandchild and traces it
if wanted daemon && have_tracer daemon && have_prog daemon daemon; then
	d=$WORK/daemon
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" "$BIN/daemon" "$d/result" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	if [ "$rc" != 0 ] || [ "$(cat "$d/result" 2>/dev/null)" != "daemon: ok" ]; then
		fail daemon "exit $rc, result '$(cat "$d/result" 2>/dev/null)': $(first_line "$d/err")"
	elif ! grep -qE '^[0-9]+ +close\(-6161\) += -1 EBADF' "$d/trace"; then
		fail daemon "the grandchild's calls are not in the trace (sctrace ended before it?)"
	elif [ "$(grep -cE '^[0-9]+ +\+\+\+ exited with 0 \+\+\+$' "$d/trace")" != 3 ]; then
		fail daemon "want 3 '+++ exited with 0 +++' lines (process, child, grandchild)"
	else
		pass daemon
	fi
fi

# make -j2 of a small C project: fork and exec heavy, every compiler run traced
if wanted make-j2 && have_tracer make-j2 && command -v make >/dev/null && command -v "${CC:-cc}" >/dev/null; then
	d=$WORK/make-j2
	mkdir -p "$d/src"
	for i in 1 2 3 4; do printf 'int f%d(void) { return %d; }\n' $i $i >"$d/src/f$i.c"; done
	printf 'int f1(void); int f2(void); int f3(void); int f4(void);\nint main(void) { return f1() + f2() + f3() + f4() - 10; }\n' >"$d/src/main.c"
	printf 'prog: main.o f1.o f2.o f3.o f4.o\n\t$(CC) -o $@ $^\n%%.o: %%.c\n\t$(CC) -c -o $@ $<\n' >"$d/src/Makefile"
	(cd "$d/src" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" make -j2 CC="${CC:-cc}" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	cc1=$(grep -cE '^[0-9]+ +execve\("[^"]*/cc1", .* = 0$' "$d/trace")
	if [ "$rc" != 0 ] || ! (cd "$d/src" && ./prog); then
		fail make-j2 "the build failed under sctrace: exit $rc: $(first_line "$d/err")"
	elif [ "$cc1" != 5 ]; then
		fail make-j2 "want 5 compiler (cc1) execs in the trace, have $cc1"
	else
		pass make-j2
	fi
fi

# ---------------------------------------------------------------------------
# 3. One file per special scenario: tests/e2e/scenarios/NAME.sh, sourced here with
#    every helper above (compare, transparent, run_mode, pass/fail/skip, wanted...).
# ---------------------------------------------------------------------------
for scenario in "$here"/scenarios/*.sh; do
	[ -f "$scenario" ] || continue
	# shellcheck source=/dev/null
	. "$scenario"
done

if [ "$nfail" -eq 0 ]; then
	rm -rf "$WORK"
else
	echo "e2e: traces, windows and diffs are in $WORK"
fi
# Named again last: a CI log shows its head and its tail.
[ -z "$failed" ] || echo "e2e: failed:$failed"
echo "e2e: $npass passed, $nfail failed, $nskip skipped"
[ "$nfail" -eq 0 ]
