# structs2: structures and constants of issue 9's second part (tests/e2e/structs2.c):
# fcntl's struct f_owner_ex through the libc wrapper (both modes: strace's own suite
# reaches it only through syscall()), and in complete mode real uses of mknod modes,
# process_vm_readv's iovecs, get_robust_list, the NUMA policy calls, seccomp,
# openat2's struct open_how and AIO, line for line as strace prints them.
compare structs2 -- structs2
