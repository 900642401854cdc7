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
