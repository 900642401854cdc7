# rawcalls: system calls made with syscall() and real pointers (tests/e2e/rawcalls.c),
# which complete mode prints from their spec line alone: structures decoded as
# strace decodes them, compared line for line.  Values that differ from run to run
# (times, dates, the CPU getcpu ran on, the round-robin interval, the child's CPU
# time) are made equal first (rawcalls.sed), keeping their form.
compare_complete rawcalls "$here/scenarios/rawcalls.sed" rawcalls
