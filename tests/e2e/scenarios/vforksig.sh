# vforksig: a vfork child's signal actions are its own (tests/e2e/vforksig.c).
# posix_spawn's child resets actions to SIG_DFL and a raw vfork child installs
# handlers of its own; the child runs on its parent's memory, where the library
# keeps the program's view of SIGSEGV/SIGBUS (owned for the fault-safe reads) and,
# in complete mode, of every handled signal and SIGSYS.  Before the fix the parent's
# SIGSEGV ran the child's handler (exit 42) in both modes.  Same output and exit
# status untraced, under sctrace -f and under sctrace -f -c.
transparent vforksig vforksig
