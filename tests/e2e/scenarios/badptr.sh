# Bad pointers and lengths (issue 7, item 1): the lines are strace's, the program runs
# as untraced; with process_vm_readv denied by seccomp nothing changes (the library's
# reads need no system call).
if [ -n "$ASAN_RT" ]; then	# a SANITIZE=address build (run.sh)
	for n in badptr badptr-seccomp badptr-transparent badptr-transparent-seccomp; do
		wanted $n && skip $n "$asan_badptr"
	done
else
	compare badptr -- badptr
	compare badptr-seccomp -- badptr seccomp
	transparent badptr-transparent badptr
	transparent badptr-transparent-seccomp badptr seccomp
fi
