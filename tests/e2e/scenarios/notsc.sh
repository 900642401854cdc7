# prctl(PR_SET_TSC, PR_TSC_SIGSEGV): rdtsc faults in that thread, its threads and children:
# the program runs as without sctrace (same output, same exit status), also
# under -c, in both modes (tests/e2e/notsc.c); notsc-raw: the prctl is a raw syscall
# instruction, which --libc-only does not see: our rdtsc faults and is finished for us
# (preload/clock.c, sct_clock_fault).
if [ -n "$ASAN_RT" ]; then
	# ASan's allocator reads the clock through the vDSO, whose rdtscp PR_SET_TSC forbids:
	# the program dies of it with ASan alone, without sctrace
	for t in notsc notsc-raw; do
		wanted $t && skip $t "ASan's runtime reads the TSC (vDSO clock_gettime): the program dies of PR_SET_TSC without sctrace"
	done
else
	transparent notsc notsc
	transparent notsc-raw notsc raw
fi
