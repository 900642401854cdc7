# prctl(PR_SET_TSC, PR_TSC_SIGSEGV): rdtsc faults in that thread, its threads and children:
# the program runs as without sctrace (same output, same exit status), also
# under -c, in both modes (tests/e2e/notsc.c); notsc-raw: the prctl is a raw syscall
# instruction, which --libc-only does not see: our rdtsc faults and is finished for us
# (preload/clock.c, sct_clock_fault).
transparent notsc notsc
transparent notsc-raw notsc raw
