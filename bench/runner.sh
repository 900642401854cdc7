#!/bin/bash
# The runner's own speed and memory: records formatted per second of the runner's CPU,
# and its peak RSS, for getppid() loops in 1 and 8 threads under the full trace
# (`sctrace -f -o /dev/null`), complete mode and --libc-only.
#   runner CPU = (user + system of the whole run, GNU time) - the program's own CPU
#   (getrusage in the program: bench/micro.c "ns"); records/s = records / runner CPU.
# Peak RSS is the runner's VmHWM, read from /proc/PID/status at its exit (the runner is
# stopped there by nothing: the reading is taken by polling every 20 ms, and the kernel
# keeps VmHWM as a high-water mark, so the last reading is the peak up to that moment).
# Called by bench/run.sh (appends a section to $OUT and sets RUNNER/RUNNER_RSS when
# sourced), or alone: `O=build bench/runner.sh` prints the table on stdout.
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
		echo "| run | mode | runner CPU ns/record (median) | records/s on one core | runner peak RSS KiB |"
		echo "|---|---|---|---|---|"
	} >>"$out"
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
	declare -gA RUNNER RUNNER_RSS
	local run t n mode flag i ns hwm rps
	for run in "1 1000000" "8 125000"; do
		read -r t n <<<"$run"
		for mode in $RUNNER_MODES; do
			flag=$mode
			[ "$mode" = complete ] && flag=
			for ((i = 0; i < REPS; i++)); do one_run "$flag" "$t" "$n"; done >"$tmp/rr"
			ns=$(cut -d' ' -f1 "$tmp/rr" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
			hwm=$(cut -d' ' -f2 "$tmp/rr" | sort -n | tail -n 1)
			rps=$(awk -v ns="$ns" 'BEGIN {printf "%.1fM", (ns > 0) ? 1e3 / ns : 0}')
			echo "| $((t * n)) getppid, $t thread(s) | $mode | $ns | $rps | $hwm |" >>"$out"
			echo "bench: runner: $t threads $mode: $ns ns/record, $rps/s, $hwm KiB" \
				"(runs: $(cut -d' ' -f1 "$tmp/rr" | tr '\n' ' '))" >&2
			RUNNER["$t$mode"]="$ns ns/record ($rps records/s)"
			RUNNER_RSS["$t$mode"]=$hwm
		done
	done
	rm -rf "$tmp"
}

runner_main
