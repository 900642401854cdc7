#!/bin/bash
# make check-strace: strace 6.1's own test suite as the oracle of sctrace's lines.
#
#   O=build tests/strace/run.sh [NAME...]
#   O=build tests/strace/run.sh --all
#
# Fetches and builds the suite under $O/strace-src (fetch.sh; cached), then runs each
# test of tests/strace/suite (or the NAMEs given, which may be any test of strace's
# suite; or, with --all, every test of strace's suite) the way strace's harness runs it
# (`cd tests && env STRACE_ARCH=... ./run.sh ./NAME.gen.test`) with $STRACE pointing
# at sctrace through $O/strace-wrapper/strace (wrapper.c).  Prints "check-strace: NAME: PASS|FAIL|SKIP
# (reason)" per test and last "check-strace: N passed, N failed, N skipped".  Each
# test's output is kept in $O/strace-logs/NAME.log, the command lines it ran sctrace
# with in NAME.argv ($STRACE_LOGS instead of $O/strace-logs when set).
#
# Exit status 1 only when a test listed in tests/strace/expected-pass fails (or the
# suite cannot be fetched or built): the others are the work still to do.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$root/$O ;; esac
export O
SRC=$O/strace-src
LOGS=${STRACE_LOGS:-$O/strace-logs}
# STRACE_TRACER=/usr/bin/strace runs the suite against strace itself: what fails there
# fails for the machine, not for sctrace
SCTRACE=${STRACE_TRACER:-$O/sctrace}
export SCTRACE

[ -x "$SCTRACE" ] || { echo "check-strace: $SCTRACE not built"; exit 1; }
# $STRACE: tests/strace/wrapper.c, built here (a test tool, not part of `make`)
WRAP=$O/strace-wrapper/strace
if [ ! -x "$WRAP" ] || [ "$here/wrapper.c" -nt "$WRAP" ]; then
	mkdir -p "$O/strace-wrapper" &&
		${CC:-cc} -O2 -Wall -Wextra -Werror -o "$WRAP" "$here/wrapper.c" ||
		{ echo "check-strace: cannot build $WRAP"; exit 1; }
fi

# name<TAB>script<TAB>programs, from the suite file (or only the names asked for)
suite_list() {
	sed 's/#.*//' "$here/suite" | awk -v only=" $* " 'NF {
		name = $1; script = name ".gen.test"; prog = name
		if (name ~ /\.test$/) { script = name; sub(/\.test$/, "", name); prog = name }
		if (NF > 1) { prog = $2; for (i = 3; i <= NF; i++) prog = prog " " $i }
		if (only == "  " || index(only, " " name " ") || index(only, " " $1 " "))
			printf "%s\t%s\t%s\n", name, script, prog
	}'
}
# A test of strace's suite that is not in ours: NAME.gen.test, or the script NAME.test;
# its programs are not known, so every program of strace's suite is built ("@all").
other_list() {
	local t name
	for t in "$@"; do
		name=${t%.test}
		name=${name%.gen}
		printf '%s\n' "$(suite_list "$name")" | grep -q . && continue
		if [ -f "$SRC/tests/$name.gen.test" ]; then
			printf '%s\t%s\t@all\n' "$name" "$name.gen.test"
		else
			printf '%s\t%s\t@all\n' "$name" "$name.test"
		fi
	done
}
all=
if [ "${1-}" = --all ]; then
	# every test of strace's suite (its tests/Makefile's TESTS), for surveys
	shift
	all=1
	"$here/fetch.sh" --all || exit 1
	# shellcheck disable=SC2016,SC2046  # make's $(...), split into words on purpose
	set -- $(printf 'include Makefile\nsct-print-tests:\n\t@echo $(TESTS)\n' |
		make -s -C "$SRC/tests" -f - sct-print-tests | sed 's/\.gen\.test\>//g')
fi
list=$(suite_list "$@"; [ $# -eq 0 ] || other_list "$@")
list=$(printf '%s\n' "$list" | grep .)
[ -n "$list" ] || { echo "check-strace: no such test in $here/suite:$*"; exit 1; }

if [ -z "$all" ]; then
	progs=$(printf '%s\n' "$list" | cut -f3 | tr ' ' '\n' | sort -u)
	progs=$(printf '%s\n' "$progs" | grep -vxF -e - -e @attach)
	if printf '%s\n' "$progs" | grep -qxF '@all'; then
		"$here/fetch.sh" --all || exit 1
	else
		# shellcheck disable=SC2086
		"$here/fetch.sh" $progs || exit 1
	fi
fi

expected=$(sed 's/#.*//' "$here/expected-pass" | awk 'NF { print $1 }')
is_expected() { printf '%s\n' "$expected" | grep -qxF "$1"; }

rm -rf "$LOGS"
mkdir -p "$LOGS"
npass=0 nfail=0 nskip=0 nbad=0 badnames=
while IFS=$'\t' read -r name script progs; do
	log=$LOGS/$name.log
	missing=
	for p in $progs; do
		[ "$p" = @all ] || [ "$p" = - ] || [ "$p" = @attach ] || [ -x "$SRC/tests/$p" ] ||
			missing="$missing $p"
	done
	# "@attach": the test attaches with -p to a process it starts: every program it
	# runs is started dormant under the library (SCTRACE_ATTACH=1), sctrace is not
	attach=
	case " $progs " in *" @attach "*)
		attach="LD_PRELOAD=$O/libsctrace.so SCTRACE_ATTACH=1 SCT_TEST_ATTACH=1" ;;
	esac
	if [ ! -f "$SRC/tests/$script" ]; then
		verdict=FAIL reason="no $script in strace's suite"
	elif [ -n "$missing" ]; then
		verdict=FAIL reason="not built:$missing; see $SRC/sct-make.log"
	else
		# The variables strace's tests/Makefile passes (AM_TEST_LOG_FLAGS), for x86_64.
		# shellcheck disable=SC2086  # $attach: words on purpose
		(cd "$SRC/tests" && env $attach STRACE="$WRAP" SCT_ARGV_LOG="$LOGS/$name.argv" STRACE_ARCH=x86_64 \
			STRACE_NATIVE_ARCH=x86_64 SIZEOF_KERNEL_LONG_T=8 SIZEOF_LONG=8 MIPS_ABI= \
			TIMEOUT_DURATION="${STRACE_TEST_TIMEOUT:-120}" ./run.sh "./$script") >"$log" 2>&1
		rc=$?
		case $rc in
		0) verdict=PASS reason= ;;
		77) verdict=SKIP reason=$(grep -m1 'skipped test' "$log" | sed 's/.*skipped test: //') ;;
		*)
			verdict=FAIL
			# the tracer's own complaint if it made one, else the harness's verdict
			reason=$(grep -m1 -e '^sctrace: ' -e "^$WRAP: " "$log")
			[ -n "$reason" ] || reason=$(grep -m1 'failed test: ' "$log" | sed 's/.*failed test: //')
			[ -n "$reason" ] || reason="exit $rc"
			reason=$(printf '%s' "$reason" | sed "s|$SCTRACE|sctrace|g; s|$WRAP|sctrace|g" | cut -c1-150)
			# sctrace dies of its command's signal: say so, the program runs clean under strace
			case $reason in *"failed with code 139"*)
				reason="the program died of SIGSEGV under sctrace" ;;
			esac
			;;
		esac
	fi
	case $verdict in
	PASS) npass=$((npass + 1)) ;;
	SKIP) nskip=$((nskip + 1)) ;;
	FAIL)
		nfail=$((nfail + 1))
		if is_expected "$name"; then
			nbad=$((nbad + 1))
			badnames="$badnames $name"
			reason="$reason; listed in expected-pass; log: $log"
		fi
		;;
	esac
	echo "check-strace: $name: $verdict${reason:+ ($reason)}"
done <<<"$list"

echo "check-strace: $npass passed, $nfail failed, $nskip skipped"
[ "$nbad" -eq 0 ] || { echo "check-strace: $nbad of the tests in tests/strace/expected-pass failed:$badnames"; exit 1; }
exit 0
