# Timestamps are the kernel's clock: the -ttt time of a call lies between the program's
# own CLOCK_REALTIME reads around it, at start-up (before the runner has fixed the
# TSC's rate: runner/calibrate.c), and after 20 ms and 300 ms (past the interval the
# rate was measured over); -T's duration of a 10 ms nanosleep lies between 10 ms and
# the wall time the program saw around it.  Bounds, not timings: a loaded machine only
# widens them.

timestamps() {
	local name=timestamps d bad
	wanted "$name" || return 0
	have_prog "$name" timestamps || return 0
	d=$WORK/$name
	mkdir -p "$d"
	(cd "$d" && timeout "$TIMEOUT" "$SCTRACE" -ttt -T -o "$d/trace" "$BIN/timestamps" \
		</dev/null >"$d/out" 2>"$d/err")
	if [ $? != 0 ]; then
		fail "$name" "exit $? under sctrace: $(first_line "$d/err")"
		return
	fi
	# trace lines: 1700000000.123456 write(-1, "ts0", 3) = -1 EBADF (...) <0.000004>
	bad=$(awk 'FNR == NR {
			if ($1 ~ /^ts/) { lo[$1] = $2; hi[$1] = $3 }
			if ($1 == "sleep") wall = $2
			next
		}
		/write\(-1, "ts[0-9]"/ {
			match($0, /"ts[0-9]"/); n = substr($0, RSTART + 1, 3)
			split($1, t, "."); v = t[1] * 1000000 + t[2]
			seen[n] = 1
			if (v < lo[n] || v > hi[n] + 1)
				{ print n " at " $1 ", not within " lo[n] "-" hi[n] " us"; exit }
		}
		/nanosleep\(.*\{tv_sec=0, tv_nsec=10000000\}/ {
			match($0, /<[0-9.]+>$/); dur = substr($0, RSTART + 1, RLENGTH - 2) * 1000000
			slept = 1
			if (dur < 10000 || dur > wall + 2)
				{ print "nanosleep of 10 ms lasted " dur " us, the program saw " wall; exit }
		}
		END { if (!seen["ts0"] || !seen["ts1"] || !seen["ts2"] || !slept) print "marks missing" }' \
		"$d/out" "$d/trace")
	if [ -n "$bad" ]; then
		fail "$name" "$bad"
		show "$d/trace"
	else
		pass "$name"
	fi
}
timestamps
