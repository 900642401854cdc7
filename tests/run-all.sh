#!/bin/bash
# Runs the unit test binaries given as arguments (Criterion; one verdict per binary,
# from its exit status, its output shown when it fails), then tests/e2e/run.sh in
# complete mode and again with --libc-only (SCTRACE_LIBC_ONLY=1), and
# ends with one line "check: N passed, N failed, N skipped".  Exit status 1 if
# anything failed.
#
#   O=build tests/run-all.sh build/tests/test_format build/tests/test_spec ...

set -u

here=$(cd "$(dirname "$0")" && pwd)
O=${O:-build}
export O

npass=0 nfail=0 nskip=0 failed=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sctrace-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for t in "$@"; do
	name=${t##*/}
	if [ ! -x "$t" ]; then
		echo "unit: $name: FAIL (not built)"
		nfail=$((nfail + 1))
		continue
	fi
	"$t" </dev/null >"$tmp/out" 2>&1
	rc=$?
	synth=$(grep -m1 'Synthesis:' "$tmp/out" | sed 's/.*Synthesis: *//; s/\x1b\[[0-9;]*m//g')
	if [ "$rc" -eq 0 ]; then
		echo "unit: $name: PASS${synth:+ ($synth)}"
		npass=$((npass + 1))
	else
		echo "unit: $name: FAIL (exit $rc)"
		failed="$failed $name"
		sed 's/^/    /' "$tmp/out"
		nfail=$((nfail + 1))
	fi
done

# The end-to-end suite once per mode: complete (the default) and entry points only.
for mode in complete libc-only; do
	echo "e2e: --- $mode mode ---"
	if [ $mode = libc-only ]; then
		SCTRACE_LIBC_ONLY=1 bash "$here/e2e/run.sh" | tee "$tmp/e2e"
	else
		env -u SCTRACE_LIBC_ONLY bash "$here/e2e/run.sh" | tee "$tmp/e2e"
	fi
	rc=${PIPESTATUS[0]}
	summary=$(sed -n 's/^e2e: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed, \([0-9][0-9]*\) skipped$/\1 \2 \3/p' "$tmp/e2e" | tail -n 1)
	if [ -z "$summary" ]; then
		echo "e2e: FAIL ($mode: tests/e2e/run.sh ended without its summary, exit $rc)"
		nfail=$((nfail + 1))
		failed="$failed e2e-$mode"
		continue
	fi
	set -- $summary
	for n in $(sed -n 's/^e2e: failed://p' "$tmp/e2e"); do failed="$failed $mode:$n"; done
	npass=$((npass + $1))
	nfail=$((nfail + $2))
	nskip=$((nskip + $3))
	if [ "$rc" -ne 0 ] && [ "$2" -eq 0 ]; then
		echo "e2e: FAIL ($mode: tests/e2e/run.sh exit $rc with no failure counted)"
		nfail=$((nfail + 1))
	fi
done

# The failures named again last: a CI log shows only its head and its tail.
[ -z "$failed" ] || echo "check: failed:$failed"
echo "check: $npass passed, $nfail failed, $nskip skipped"
[ "$nfail" -eq 0 ]
