# A program that arms Syscall User Dispatch itself (as Wine does): its SIGSYS handler
# gets its own traps, it behaves as untraced in both modes, and in complete mode sctrace
# says once that its thread goes on at libc's entry points.
transparent ownsud-transparent ownsud
if wanted ownsud && have_tracer ownsud && have_prog ownsud ownsud; then
	d=$WORK/ownsud
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -o "$d/trace" "$BIN/ownsud" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	notes=$(grep -c "the program uses Syscall User Dispatch itself" "$d/err")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "ownsud: 1000 traps" ]; then
		fail ownsud "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif [ "$notes" != "$complete" ]; then
		fail ownsud "$notes notes about the program's own dispatch, want $complete"
	elif ! grep -qE '^close\(-4242\) += -1 EBADF' "$d/trace"; then
		fail ownsud "its close(-4242) through libc's entry point is not in the trace"
	else
		pass ownsud
	fi
fi
