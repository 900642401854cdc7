#!/bin/bash
# End-to-end tests of sctrace (see tests/e2e/e2e.h for the programs' side).
#
#   O=build tests/e2e/run.sh [NAME...]
#
# 1. Comparisons with strace (tests/e2e/cases, a table): each program runs under
#    `strace -f -o S` and under `sctrace -f -o T` with the same options; both traces
#    go through window.awk (windows between markers, per process, normalised) and the
#    sctrace windows must equal the strace windows line for line.  When strace cannot
#    trace on this machine (not installed, or ptrace refused) these report SKIP.
# 2. One file per special scenario (tests/e2e/scenarios/NAME.sh): comparisons that
#    need more than a table line, and checks that need no strace (-c exactness,
#    stdout and exit status unchanged by tracing, the library without the runner,
#    option errors, killed programs and runners, hostile sessions...).
# 3. Last, the padding of every trace line sctrace wrote (alignment).
#
# The helpers all of them use are in tests/e2e/lib.sh.  tests/run-all.sh runs this
# once per mode: complete (the default) and with SCTRACE_LIBC_ONLY=1.
# Prints "e2e: NAME: PASS|FAIL|SKIP (reason)" per test, a diff on FAIL, and last
# "e2e: N passed, N failed, N skipped".  Exit status 1 if anything failed.
# Only POSIX tools (awk, sed, grep, diff, timeout); no python.

set -u

# The programs run with descriptors 0, 1 and 2 only, as on a fresh CI machine: a
# descriptor inherited from the caller (here, a terminal's or an agent's) changes which
# numbers open() returns, and once hid a test that failed on CI.
for fd in /proc/$$/fd/*; do
	fd=${fd##*/}
	[ "$fd" -gt 2 ] && [ "$fd" -lt 255 ] && eval "exec $fd>&-"
done

here=$(cd "$(dirname "$0")" && pwd)
only=" $* "
# shellcheck source=lib.sh
. "$here/lib.sh"

# 1. Comparisons with strace
while read -r line; do
	case $line in ''|'#'*) continue ;; esac
	# shellcheck disable=SC2086
	compare $line
done <"$here/cases"

# 2. One file per special scenario, sourced with every helper of lib.sh in scope.
for scenario in "$here"/scenarios/*.sh; do
	[ -f "$scenario" ] || continue
	# shellcheck source=/dev/null
	. "$scenario"
done

# 3. strace pads each call to column 40 before " = " (pid prefix included); the windows
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

if [ "$nfail" -eq 0 ]; then
	rm -rf "$WORK"
else
	echo "e2e: traces, windows and diffs are in $WORK"
fi
# Named again last: a CI log shows its head and its tail.
[ -z "$failed" ] || echo "e2e: failed:$failed"
echo "e2e: $npass passed, $nfail failed, $nskip skipped"
[ "$nfail" -eq 0 ]

