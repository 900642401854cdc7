# prctl(PR_SET_TSC, PR_TSC_SIGSEGV): rdtsc faults in that thread, its threads and children:
# the program runs as without sctrace (same output, same exit status), also
# under -c, in both modes (tests/e2e/notsc.c).
transparent notsc notsc
