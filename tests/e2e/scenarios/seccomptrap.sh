# A program with its own seccomp SECCOMP_RET_TRAP filter and SIGSYS handler: it gets
# every trap of its filter as the kernel makes it (si_code, si_syscall, si_errno,
# si_call_addr, its registers, the result it sets), sigaction shows its handler, and a
# trap with SIGSYS at SIG_DFL, SIG_IGN, blocked or reset by SA_RESETHAND kills the
# process with SIGSYS and a core, as untraced.  Both modes.
compare seccomptrap -- seccomptrap handler
transparent seccomptrap-transparent seccomptrap handler
transparent seccomptrap-dying seccomptrap dying
