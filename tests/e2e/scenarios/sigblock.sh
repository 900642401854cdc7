# A program that blocks every signal (SIGSYS too) and waits with sigsuspend,
# sigwaitinfo and signalfd, in threads as well: never killed, its calls still traced
# (windows compared with strace), and every mask it reads back (sigprocmask,
# pthread_sigmask, sigaction's sa_mask, raw calls, in handlers) holds SIGSYS exactly
# as untraced.  Both modes.
compare sigblock -- sigblock
transparent sigblock-transparent sigblock
# started with SIGSYS blocked, through two execs: never killed, and it stays blocked
transparent sigblock-exec sigblock exec
