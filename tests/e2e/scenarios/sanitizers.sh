# SANITIZE=address builds only (make O=build-asan SANITIZE=address,undefined check):
# the runner frees what it allocates (LeakSanitizer made it exit 1 over 77 bytes),
# and ASan's own log_path option does not crash the traced program (ASan's start-up
# calls mkdir, a wrapper, before the sanitizer's shadow memory exists).
if wanted asan-runner-leak || wanted asan-log-path; then
	if [ -z "$ASAN_RT" ]; then
		wanted asan-runner-leak && skip asan-runner-leak "the library is not built with SANITIZE=address"
		wanted asan-log-path && skip asan-log-path "the library is not built with SANITIZE=address"
	elif have_tracer asan-runner-leak && have_prog asan-runner-leak simple; then
		d=$WORK/asan
		mkdir -p "$d"
		ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=1 "$SCTRACE" -o "$d/trace1" "$BIN/simple" \
			</dev/null >"$d/out1" 2>"$d/err1"
		rc=$?
		if wanted asan-runner-leak; then
			if [ "$rc" = 0 ] && ! grep -q LeakSanitizer "$d/err1"; then
				pass asan-runner-leak
			else
				fail asan-runner-leak "exit $rc: $(grep -m1 -E 'LeakSanitizer|leak of' "$d/err1")"
			fi
		fi
		ASAN_OPTIONS=$ASAN_OPTIONS:log_path=$d/logs/asan "$SCTRACE" -o "$d/trace2" "$BIN/simple" \
			</dev/null >"$d/out2" 2>"$d/err2"
		rc=$?
		if ! wanted asan-log-path; then
			:
		elif [ "$rc" != 0 ] || [ "$(cat "$d/out2")" != simple ]; then
			fail asan-log-path "exit $rc, output '$(first_line "$d/out2")' with ASAN_OPTIONS=log_path: $(cat "$d"/logs/asan* 2>/dev/null | grep -m1 ERROR)"
		elif ! grep -q '^write(1, "simple\\n", 7) *= 7$' "$d/trace2"; then
			fail asan-log-path "the program's write is not in the trace"
		else
			pass asan-log-path
		fi
	fi
fi
