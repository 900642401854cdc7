# Bad pointers and lengths (issue 7, item 1): the lines are strace's, the program runs
# as untraced; with process_vm_readv denied by seccomp nothing changes (the library's
# reads need no system call).
compare badptr -- badptr
compare badptr-seccomp -- badptr seccomp
transparent badptr-transparent badptr
transparent badptr-transparent-seccomp badptr seccomp
