# bpfuring: bpf(2)'s attributes by command and io_uring_register(2)'s arguments by
# opcode (tests/e2e/bpfuring.c), compared with strace line for line in complete mode
# (the program calls syscall(), which --libc-only does not see).
compare_complete bpfuring /dev/null bpfuring
