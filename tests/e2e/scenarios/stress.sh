if wanted fork-threads && have_tracer fork-threads && have_prog fork-threads stress; then
	stress_run fork-threads "$BIN/stress" forkthreads
	n=$(count 'close\(-5353\) += -1 EBADF')
	pids=$(grep -E 'close\(-5353\)' "$d/trace" | awk '{print $1}' | sort -u | wc -l)
	if [ "$rc" != 0 ]; then
		fail fork-threads "exit $rc (a deadlocked child ends in the timeout): $(first_line "$d/err")"
	elif [ "$n" != 20 ] || [ "$pids" != 20 ]; then
		fail fork-threads "want 20 child calls from 20 pids, have $n from $pids"
	else
		pass fork-threads
	fi
fi

if wanted thread-churn && have_tracer thread-churn && have_prog thread-churn stress; then
	# a session base of its own: other sessions running on the machine meanwhile
	# have ring files in /dev/shm too
	shm=$(mktemp -d "${SCTRACE_DIR:-/dev/shm}/e2e-churn.XXXXXX")
	SCTRACE_DIR=$shm stress_run thread-churn "$BIN/stress" churn
	n=$(count 'close\(-5252\) += -1 EBADF')
	ex=$(count ' exit\(0\) += \?$')
	if [ "$rc" != 0 ]; then
		fail thread-churn "exit $rc: $(first_line "$d/err")"
	elif [ "$n" != 1000 ] || [ "$ex" != 1000 ]; then
		fail thread-churn "want 1000 calls and 1000 thread exits, have $n and $ex"
	elif [ -n "$(find "$shm" -name '*.ring' 2>/dev/null)" ]; then
		fail thread-churn "ring files left behind in $shm"
	else
		pass thread-churn
	fi
	rm -rf "$shm"
fi

if wanted huge-inputs && have_tracer huge-inputs && have_prog huge-inputs stress; then
	stress_run huge-inputs "$BIN/stress" huge
	if [ "$rc" != 0 ]; then
		fail huge-inputs "exit $rc: $(first_line "$d/err")"
	elif [ "$(count '^[0-9]+ +write\([0-9]+, "\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"\.\.\., 16777216\) += 16777216$')" != 1 ]; then
		fail huge-inputs "the 16 MiB write is not shown cut at 32 bytes"
	elif [ "$(count 'openat\(AT_FDCWD, "/a{4094}", O_RDONLY\) += -1 ENAMETOOLONG')" != 1 ]; then
		fail huge-inputs "the 4095-byte path is not shown whole"
	elif [ "$(count 'execve\("[^"]*/stress", \["[^"]*"(\.\.\.)?, "child"(, "x"){30}, \.\.\.\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/\) += 0$')" != 1 ]; then
		fail huge-inputs "the 100,000-element argv is not shown cut after 32 elements"
	else
		pass huge-inputs
	fi
fi
