# sigcut: calls a signal cuts short (tests/e2e/sigcut.c) print as strace prints them:
# "= ? ERESTARTSYS ..." before the signal's line, "rt_sigreturn(...) = 0" and the
# restarted call after it, or "= -1 EINTR" on rt_sigreturn; nanosleep's remainder;
# raw calls the library performs and calls libc makes for a wrapper alike.  What
# differs from run to run is made equal first (sigcut.sed).
compare_complete sigcut "$here/scenarios/sigcut.sed" sigcut
