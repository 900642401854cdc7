#!/bin/bash
# The recall table of issue 8: each real program of tests/e2e/recall.sh (the ones
# make check compares, then more) traced by
# strace (twice) and by sctrace, compared over every line after the loader phase.
# Prints, per program: recall (share of strace's lines that sctrace printed),
# precision (share of sctrace's lines identical to a strace line), the -c comparison
# (system calls whose calls column equals strace's after the loader phase / differs /
# varies between two strace runs), then the lines behind every gap.  Never a
# pass/fail test; tests/e2e/scenarios/realprogs.sh asserts what holds reliably.
#
#   bench/recall.sh [NAME...]          O=build; SCTRACE_LIBC_ONLY=1 for entry points only
#   KEEP=1 bench/recall.sh              keep the traces (the directory is printed)
#   GAPS=0 bench/recall.sh              the table only
set -u
O=${O:-build}
case $O in /*) ;; *) O=$PWD/$O ;; esac
SCTRACE=$O/sctrace
TIMEOUT=${TIMEOUT:-120}
. "$(dirname "$0")/../tests/e2e/recall.sh"

strace -o /dev/null true 2>/dev/null || { echo "recall: strace cannot trace here" >&2; exit 1; }
D=$(mktemp -d "${TMPDIR:-/tmp}/sctrace-recall.XXXXXX") || exit 1
[ "${KEEP:-}" = 1 ] && echo "recall: traces in $D" >&2 || trap 'rm -rf "$D"' EXIT
recall_setup "$D" || { echo "recall: cannot set up $D" >&2; exit 1; }

mode="complete mode (the default)"
[ "${SCTRACE_LIBC_ONLY:-}" = 1 ] && mode="entry points only (--libc-only)"
printf '### sctrace -f, %s, against strace -f (strace %s)\n\n' "$mode" "$(strace -V | sed -n '1s/.*version //p')"
printf '| program | command | strace lines | recall | precision | -c equal | -c differ | -c varies |\n'
printf '|---|---|---|---|---|---|---|---|\n'
# short CMD: at most 48 characters of it
short() { if [ ${#1} -le 48 ]; then echo "$1"; else echo "${1:0:45}..."; fi | sed 's/|/\\|/g'; }

gaps=
while IFS='	' read -r name cmd; do
	[ $# -eq 0 ] || case " $* " in *" $name "*) ;; *) continue ;; esac
	if ! recall_one "$D" "$name" "$cmd"; then
		printf '| %s | %s | %s |  |  |  |  |  |\n' "$name" "$(short "$cmd")" "$(cat "$D/out/$name/why")"
		continue
	fi
	read -r rc pr ceq cdf cvol <<<"$(recall_summary "$D/out/$name")"
	printf '| %s | `%s` | %s | %s%% | %s%% | %s | %s | %s |\n' "$name" "$(short "$cmd")" \
		"$(awk 'NR == 1 { print $3 }' "$D/out/$name/result")" "$rc" "$pr" "$ceq" "$cdf" "$cvol"
	gaps="$gaps $name"
done < <(recall_programs; recall_more_programs)

[ "${GAPS:-1}" = 0 ] && gaps=
for name in $gaps; do
	echo
	echo "### $name: $(sed -n 1p "$D/out/$name/result")"
	sed -n '2,$p' "$D/out/$name/result" | cut -c1-200
	awk '$NF == "differ" { print "  -c differs: " $1 ": strace " $2 ", sctrace " $3 }
	     $NF == "selfdiffer" { print "  -C table differs from its own trace: " $1 ": " $4 " against " $5 }' "$D/out/$name/count"
done
