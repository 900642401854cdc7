# system() and popen(): the shells they start (inside libc, by posix_spawn) are traced
if wanted system-popen && have_tracer system-popen && have_prog system-popen stress; then
	stress_run system-popen "$BIN/stress" shell
	pid=$(trace_pid)
	sys=$(grep -E '^[0-9]+ +execve\("/bin/sh", \["sh", "-c", "exit 3"\], ' "$d/trace" | awk '{print $1}')
	pop=$(grep -E '^[0-9]+ +execve\("/bin/sh", \["sh", "-c", "echo popen"\], ' "$d/trace" | awk '{print $1}')
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "stress shell: ok" ]; then
		fail system-popen "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif [ -z "$sys" ] || [ "$sys" = "$pid" ] || [ -z "$pop" ] || [ "$pop" = "$pid" ]; then
		fail system-popen "want the execve of both shells under their own pids, have '$sys' and '$pop' (program $pid)"
	elif [ "$(count "^$sys +\\+\\+\\+ exited with 3 \\+\\+\\+\$")" != 1 ]; then
		fail system-popen "no '+++ exited with 3 +++' for system's shell $sys"
	elif [ "$(count "^$pop +write\\(1, \"popen\\\\n\", 6\\) += 6\$")" != 1 ]; then
		fail system-popen "no write(1, \"popen\\n\", 6) from popen's shell $pop"
	else
		pass system-popen
	fi
fi

if wanted pipeline && have_tracer pipeline; then
	stress_run pipeline sh -c 'echo one two three | tr a-z A-Z | wc -w'
	pids=$(grep -E 'execve\(' "$d/trace" | grep -v ' = -1' | awk '{print $1}' | sort -u | wc -l)
	if [ "$rc" != 0 ] || [ "$(tr -d ' ' <"$d/out")" != 3 ]; then
		fail pipeline "exit $rc, output '$(first_line "$d/out")'"
	elif [ "$pids" -lt 3 ]; then
		fail pipeline "want the execve of sh, tr and wc from 3 pids, have $pids"
	elif [ "$(count '\+\+\+ exited with 0 \+\+\+')" -lt 3 ]; then
		fail pipeline "fewer than 3 '+++ exited with 0 +++' lines"
	else
		pass pipeline
	fi
fi


# sctrace inside a traced program: the inner one traces its command (its session
# wins for what it starts), the outer one sees the inner sctrace, and the library is
# listed once in the command's LD_PRELOAD
if wanted nested && have_tracer nested && have_prog nested simple; then
	d=$WORK/nested
	mkdir -p "$d"
	(cd "$d" && exec "$SCTRACE" -f -o "$d/outer" "$SCTRACE" -o "$d/inner" \
		sh -c 'echo "$LD_PRELOAD"; exec "$0"' "$BIN/simple" </dev/null >"$d/out" 2>"$d/err")
	rc=$?
	preload=$(head -n 1 "$d/out")
	if [ "$rc" != 0 ]; then
		fail nested "exit $rc: $(first_line "$d/err")"
	elif ! grep -q '^close(-4321) *= -1 EBADF' "$d/inner"; then
		fail nested "the inner sctrace did not trace its command"
	elif ! grep -qE '^[0-9]+ +execve\("[^"]*/sctrace", ' "$d/outer"; then
		fail nested "the outer sctrace did not trace the inner one"
	elif [ "$(printf '%s\n' "$preload" | tr ': ' '\n\n' | grep -c 'libsctrace\.so$')" != 1 ]; then
		fail nested "the command's LD_PRELOAD lists the library more than once: $preload"
	else
		pass nested
	fi
fi


# a daemon: double fork and setsid; sctrace -f waits for the grandchild and traces it
if wanted daemon && have_tracer daemon && have_prog daemon daemon; then
	d=$WORK/daemon
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" "$BIN/daemon" "$d/result" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	if [ "$rc" != 0 ] || [ "$(cat "$d/result" 2>/dev/null)" != "daemon: ok" ]; then
		fail daemon "exit $rc, result '$(cat "$d/result" 2>/dev/null)': $(first_line "$d/err")"
	elif ! grep -qE '^[0-9]+ +close\(-6161\) += -1 EBADF' "$d/trace"; then
		fail daemon "the grandchild's calls are not in the trace (sctrace ended before it?)"
	elif [ "$(grep -cE '^[0-9]+ +\+\+\+ exited with 0 \+\+\+$' "$d/trace")" != 3 ]; then
		fail daemon "want 3 '+++ exited with 0 +++' lines (process, child, grandchild)"
	else
		pass daemon
	fi
fi

# make -j2 of a small C project: fork and exec heavy, every compiler run traced
if wanted make-j2 && have_tracer make-j2 && command -v make >/dev/null && command -v "${CC:-cc}" >/dev/null; then
	d=$WORK/make-j2
	mkdir -p "$d/src"
	for i in 1 2 3 4; do printf 'int f%d(void) { return %d; }\n' $i $i >"$d/src/f$i.c"; done
	printf 'int f1(void); int f2(void); int f3(void); int f4(void);\nint main(void) { return f1() + f2() + f3() + f4() - 10; }\n' >"$d/src/main.c"
	printf 'prog: main.o f1.o f2.o f3.o f4.o\n\t$(CC) -o $@ $^\n%%.o: %%.c\n\t$(CC) -c -o $@ $<\n' >"$d/src/Makefile"
	(cd "$d/src" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" make -j2 CC="${CC:-cc}" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	cc1=$(grep -cE '^[0-9]+ +execve\("[^"]*/cc1", .* = 0$' "$d/trace")
	if [ "$rc" != 0 ] || ! (cd "$d/src" && ./prog); then
		fail make-j2 "the build failed under sctrace: exit $rc: $(first_line "$d/err")"
	elif [ "$cc1" != 5 ]; then
		fail make-j2 "want 5 compiler (cc1) execs in the trace, have $cc1"
	else
		pass make-j2
	fi
fi
