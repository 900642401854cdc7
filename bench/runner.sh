#!/bin/bash
# The runner's own speed and memory: records formatted per second of the runner's CPU,
# and its peak RSS, for getppid() loops in 1 and 8 threads under the full trace
# (`sctrace -f -o /dev/null`), complete mode and --libc-only.
#   runner CPU = (user + system of the whole run, GNU time) - the program's own CPU in
#   its loop (getrusage in the program: bench/micro.c "ns"), which leaves the program's
#   start-up, thread creation and exit on the runner's side; and, where perf can count,
#   the runner process alone (perf stat --no-inherit task-clock), in separate runs.
#   records/s = records / runner CPU.
# Peak RSS is the runner's VmHWM (the kernel's high-water mark), read from /proc every
# 20 ms while it runs (the final few ms can be missed).
# Then the reading side alone, without a program: bench/drain_bench.c (1 and 8 rings of
# getppid records, drained, merged and formatted in one process).
# Sourced by bench/run.sh (appends a section to $OUT, sets RUNNER/RUNNER_RSS), or alone:
# `O=build bench/runner.sh` prints the section on stdout.
# Knobs: REPS (default 5), RUNNER_MODES (default: "complete --libc-only").
# Never a pass/fail test.
set -u
O=${O:-build}
REPS=${REPS:-5}
RUNNER_MODES=${RUNNER_MODES:-complete --libc-only}
S=${S:-$PWD/$O/sctrace}

runner_main() {
	local tmp own=0 out=${OUT:-/dev/stdout} m=${M:-}

	if [ ! -x /usr/bin/time ]; then
		echo "bench: runner: /usr/bin/time is missing: no runner figures" >&2
		return 0
	fi
	tmp=$(mktemp -d)
	if [ -z "$m" ]; then
		cc -O2 -o "$tmp/micro" bench/micro.c -lpthread || return 1
		m=$tmp/micro
		own=1
	fi
	{
		echo
		echo "## The runner: records per second and peak RSS"
		echo
		echo "\`sctrace -f -o /dev/null\` of getppid() loops (bench/runner.sh); runner CPU = (user +"
		echo "system of the whole run, GNU time) - the program's own (getrusage in the program);"
		echo "records/s = records / runner CPU, median of $REPS runs.  Peak RSS is the runner's"
		echo "VmHWM (the kernel's high-water mark), read from /proc every 20 ms while it runs."
		echo
		echo "| run | mode | runner CPU ns/record (median) | records/s on one core | runner process alone, ns/record (perf stat) | records/s | runner peak RSS KiB |"
		echo "|---|---|---|---|---|---|---|"
	} >>"$out"
	local have_perf=0
	perf stat --no-inherit -x, -e task-clock -o "$tmp/ps" true >/dev/null 2>&1 && have_perf=1
	# own_run MODE-FLAG THREADS N: the runner process's CPU per record (ns), perf stat
	own_run() {
		perf stat --no-inherit -x, -e task-clock -o "$tmp/ps" "$S" -f $1 -o /dev/null "$m" \
			getppid "$3" "$2" ns >/dev/null 2>&1
		awk -F, -v n="$(($2 * $3))" '$3 == "task-clock" {printf "%.0f\n", $1 * 1e6 / n}' "$tmp/ps"
	}
	# one_run MODE-FLAG THREADS N: "runner-ns-per-record runner-VmHWM-KiB"
	one_run() {
		local flag=$1 t=$2 n=$3 pid hwm=0 v tot prog c
		/usr/bin/time -f '%U %S' -o "$tmp/rt" "$S" -f $flag -o /dev/null "$m" getppid "$n" "$t" ns \
			2>"$tmp/prog" &
		pid=$!
		# the runner is time's child
		while kill -0 $pid 2>/dev/null; do
			for c in $(cat /proc/$pid/task/*/children 2>/dev/null); do
				[ "$(cat /proc/$c/comm 2>/dev/null)" = sctrace ] || continue
				v=$(awk '/^VmHWM/ {print $2}' /proc/$c/status 2>/dev/null)
				[ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
			done
			sleep 0.02
		done
		wait $pid
		tot=$(awk '{printf "%.0f", ($1 + $2) * 1e9}' "$tmp/rt")
		prog=$(tail -n 1 "$tmp/prog" | awk -v n="$n" -v t="$t" '{printf "%.0f", $2 * n * t}')
		echo "$(((tot - prog) / (n * t))) $hwm"
	}
	# med: the median of the numbers on stdin, one a line
	med() {
		sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
	}
	declare -gA RUNNER RUNNER_RSS DRAIN_ALONE DRAIN_IR
	local run t n mode flag i ns hwm rps
	for run in "1 1000000" "8 125000"; do
		read -r t n <<<"$run"
		for mode in $RUNNER_MODES; do
			flag=$mode
			[ "$mode" = complete ] && flag=
			for ((i = 0; i < REPS; i++)); do one_run "$flag" "$t" "$n"; done >"$tmp/rr"
			ns=$(cut -d' ' -f1 "$tmp/rr" | med)
			hwm=$(cut -d' ' -f2 "$tmp/rr" | sort -n | tail -n 1)
			rps=$(awk -v ns="$ns" 'BEGIN {printf "%.1fM", (ns > 0) ? 1e3 / ns : 0}')
			own=- orps=-
			if [ $have_perf = 1 ]; then
				own=$(for ((i = 0; i < REPS; i++)); do own_run "$flag" "$t" "$n"; done | med)
				orps=$(awk -v ns="$own" 'BEGIN {printf "%.1fM", (ns > 0) ? 1e3 / ns : 0}')
			fi
			echo "| $((t * n)) getppid, $t thread(s) | $mode | $ns | $rps | $own | $orps | $hwm |" >>"$out"
			echo "bench: runner: $t threads $mode: $ns ns/record, $rps/s; alone $own ns/record;" \
				"$hwm KiB (runs: $(cut -d' ' -f1 "$tmp/rr" | tr '\n' ' '))" >&2
			RUNNER["$t$mode"]="$ns ns/record ($rps records/s); the runner process alone $own ns/record ($orps records/s)"
			RUNNER_RSS["$t$mode"]=$hwm
		done
	done
	# the reading side alone (drain.c, merge.c, format/): bench/drain_bench.c
	[ -f "$O/libsct_test.a" ] || make --no-print-directory O="$O" "$O/libsct_test.a" >/dev/null
	if cc -std=gnu11 -O2 -D_GNU_SOURCE -I. -Iformat -I"$O/gen" -o "$tmp/drain_bench" \
		bench/drain_bench.c "$O/libsct_test.a" -lpthread; then
		{
			echo
			echo "The reading side alone (bench/drain_bench.c: rings filled in the same process with"
			echo "getppid() records, 16 a thread in turn, then drained, merged by time and formatted"
			echo "as \`sctrace -f -o /dev/null\` does; CPU time of that part only, median of $REPS."
			echo "\"overlapping\": each call lasts 200 ns, past the next thread's first call, so that"
			echo "one call in 16 prints as an \"<unfinished ...>\" / \"<... resumed>\" pair.  Instructions:"
			echo "callgrind, (2 x N records - N records) / N, the filling included (about 100 of them);"
			echo "the same on any load):"
			echo
			echo "| rings | calls | ns/record | records/s | instructions/record |"
			echo "|---|---|---|---|---|"
		} >>"$out"
		for kd in 1:120 8:120 8:200; do
			k=${kd%:*} dur=${kd#*:}
			ns=$(for ((i = 0; i < REPS; i++)); do DRAIN_BENCH_DUR=$dur "$tmp/drain_bench" $k 2000000; done | med)
			irr=-
			if command -v valgrind >/dev/null 2>&1; then
				ir1=$(DRAIN_BENCH_DUR=$dur valgrind --tool=callgrind --callgrind-out-file=/dev/null \
					"$tmp/drain_bench" $k 200000 2>&1 | awk '/I +refs/ {gsub(",", "", $4); print $4}')
				ir2=$(DRAIN_BENCH_DUR=$dur valgrind --tool=callgrind --callgrind-out-file=/dev/null \
					"$tmp/drain_bench" $k 400000 2>&1 | awk '/I +refs/ {gsub(",", "", $4); print $4}')
				[ -n "$ir1" ] && [ -n "$ir2" ] && irr=$(((ir2 - ir1) / 200000))
			fi
			what=$([ "$dur" = 120 ] && echo "one at a time" || echo "overlapping")
			echo "| $k | $what | $ns | $(awk -v ns="$ns" 'BEGIN {printf "%.1fM", (ns > 0) ? 1e3 / ns : 0}') | $irr |" >>"$out"
			echo "bench: runner: reading side alone, $k rings, $what: $ns ns/record, $irr instructions" >&2
			DRAIN_ALONE[$k$dur]=$ns
			DRAIN_IR[$k$dur]=$irr
		done
	fi
	# where the runner's time goes (8 threads, complete mode): its process alone
	if [ $have_perf = 1 ] && perf record -q --no-inherit -o "$tmp/perf.data" -- "$S" -f -o /dev/null \
		"$m" getppid 125000 8 ns >/dev/null 2>&1; then
		{
			echo
			echo "Where the runner's time goes: \`perf record --no-inherit\` of the runner alone,"
			echo "\`sctrace -f -o /dev/null\` of getppid() x 125,000 in 8 threads, top symbols:"
			echo
			echo '```'
			perf report -i "$tmp/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null |
				grep '%' | head -n 16 | sed 's/ *- *- *$//'
			echo '```'
		} >>"$out"
	fi
	rm -rf "$tmp"
}

runner_main
