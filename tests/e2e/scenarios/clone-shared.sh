# clone(CLONE_VM) children that run beside their parent on its thread storage: said,
# not traced, and the parent's own calls meanwhile stay the parent's (the windows of
# the same program are compared with strace as "clone")
if wanted clone-shared && have_tracer clone-shared && have_prog clone-shared clones; then
	stress_run clone-shared "$BIN/clones"
	pid=$(trace_pid)
	notes=$(grep -cE "^sctrace: pid $pid: child [0-9]+ shares this process's memory and thread state \(clone with CLONE_VM\): its calls are not traced\$" "$d/err")
	mine=$(grep -cE "^$pid +close\(-6363\) += -1 EBADF" "$d/trace")
	if [ "$rc" != 0 ] || [ "$(cat "$d/out")" != "clones: ok" ]; then
		fail clone-shared "exit $rc, output '$(first_line "$d/out")': $(first_line "$d/err")"
	elif [ "$notes" != 2 ]; then
		fail clone-shared "want 2 notes for the CLONE_VM children on stderr, have $notes"
	elif [ "$mine" != 100 ] || [ "$(count 'close\(-6363\)')" != 100 ]; then
		fail clone-shared "want the parent's 100 calls under pid $pid, have $mine"
	elif [ "$(count 'close\(-6464\)')" != 0 ]; then
		fail clone-shared "a CLONE_VM child's call was recorded"
	elif [ "$(count '^[0-9]+ +exit\(4\) += \?$')" != 1 ] || [ "$(count '^[0-9]+ +exit\(3\) += \?$')" != 1 ] ||
	     [ "$(count '^[0-9]+ +\+\+\+ exited with [34] \+\+\+$')" != 2 ]; then
		fail clone-shared "the copy and vfork children's exit(4)/exit(3) and +++ lines are not all there"
	elif grep -q 'corrupt' "$d/err"; then
		fail clone-shared "$(grep -m1 corrupt "$d/err")"
	else
		pass clone-shared
	fi
fi
