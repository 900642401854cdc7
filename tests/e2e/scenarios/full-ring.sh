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
