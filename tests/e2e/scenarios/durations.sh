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
