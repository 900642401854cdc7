# A seccomp filter that answers clone3 with ENOSYS, as Docker's default profile does
# without CAP_SYS_ADMIN: glibc falls back to clone for threads and posix_spawn; all
# traced as strace shows them (windows in the threads, the fork and spawned children,
# and the parent), and the program's output unchanged.  Both modes.
compare noclone3 -- noclone3
transparent noclone3-transparent noclone3
