# Threads and processes made without pthread_create or fork (tests/e2e/rawclone.c):
# raw clone and clone3 threads with Go-like thread storage and with a copy of a glibc
# thread's, a clone3 process on its own stack, a raw vfork then execve or _exit,
# posix_spawn, a CLONE_VFORK child on its own stack that execs: no crash, no hang,
# the parent's lines and the traced children's identical to strace's, and in
# complete mode a note for each child whose storage is not glibc's.  Both modes.
transparent rawclone-transparent rawclone
if [ $complete = 1 ]; then
	compare rawclone -- rawclone
	if wanted rawclone-notes && have_tracer rawclone-notes && have_prog rawclone-notes rawclone; then
		stress_run rawclone-notes "$BIN/rawclone"
		pid=$(trace_pid)
		notes=$(grep -cE "^sctrace: pid $pid: child [0-9]+ has thread storage that is not glibc's \(clone with CLONE_SETTLS\): its calls are not traced\$" "$d/err")
		if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "rawclone: ok, the copy thread inherits SIGSYS blocked: 1" ]; then
			fail rawclone-notes "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
		elif [ "$notes" != 2 ]; then
			fail rawclone-notes "want 2 notes for the Go-like threads on stderr, have $notes"
		elif [ "$(count 'close\(-7600\)')" != 0 ]; then
			fail rawclone-notes "a Go-like thread's call was recorded"
		elif grep -q 'corrupt' "$d/err"; then
			fail rawclone-notes "$(grep -m1 corrupt "$d/err")"
		else
			pass rawclone-notes
		fi
	fi
else
	wanted rawclone && skip rawclone "complete mode only: entry points do not see raw clones"
	wanted rawclone-notes && skip rawclone-notes "complete mode only: entry points do not see raw clones"
fi
