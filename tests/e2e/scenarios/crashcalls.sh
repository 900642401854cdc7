# Calls that killed the program when traced (strace's clone3, futex and ppoll tests,
# tests/e2e/crashcalls.c): clone3 with a stack that is no address, a clone_args
# shorter than ours at a page's end or longer with bytes that are not zero, FUTEX_WAKE
# with a wild val2, ppoll with high bits above nfds.  The program runs to its end
# with its own exit status and output under sctrace -f -o and -c, both modes.
transparent crashcalls crashcalls
