/* Every x86-64 system call name, so that `-e trace=NAME` accepts what strace accepts
 * even where sctrace never reports that call (it then selects nothing).
 * Source: /usr/include/x86_64-linux-gnu/asm/unistd_64.h (Debian 12, Linux 6.1 uapi). */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "sysnames.h"

static const char *const names[] = {
	"_sysctl", "accept", "accept4", "access",
	"acct", "add_key", "adjtimex", "afs_syscall",
	"alarm", "arch_prctl", "bind", "bpf",
	"brk", "capget", "capset", "chdir",
	"chmod", "chown", "chroot", "clock_adjtime",
	"clock_getres", "clock_gettime", "clock_nanosleep", "clock_settime",
	"clone", "clone3", "close", "close_range",
	"connect", "copy_file_range", "creat", "create_module",
	"delete_module", "dup", "dup2", "dup3",
	"epoll_create", "epoll_create1", "epoll_ctl", "epoll_ctl_old",
	"epoll_pwait", "epoll_pwait2", "epoll_wait", "epoll_wait_old",
	"eventfd", "eventfd2", "execve", "execveat",
	"exit", "exit_group", "faccessat", "faccessat2",
	"fadvise64", "fallocate", "fanotify_init", "fanotify_mark",
	"fchdir", "fchmod", "fchmodat", "fchown",
	"fchownat", "fcntl", "fdatasync", "fgetxattr",
	"finit_module", "flistxattr", "flock", "fork",
	"fremovexattr", "fsconfig", "fsetxattr", "fsmount",
	"fsopen", "fspick", "fstat", "fstatfs",
	"fsync", "ftruncate", "futex", "futex_waitv",
	"futimesat", "get_kernel_syms", "get_mempolicy", "get_robust_list",
	"get_thread_area", "getcpu", "getcwd", "getdents",
	"getdents64", "getegid", "geteuid", "getgid",
	"getgroups", "getitimer", "getpeername", "getpgid",
	"getpgrp", "getpid", "getpmsg", "getppid",
	"getpriority", "getrandom", "getresgid", "getresuid",
	"getrlimit", "getrusage", "getsid", "getsockname",
	"getsockopt", "gettid", "gettimeofday", "getuid",
	"getxattr", "init_module", "inotify_add_watch", "inotify_init",
	"inotify_init1", "inotify_rm_watch", "io_cancel", "io_destroy",
	"io_getevents", "io_pgetevents", "io_setup", "io_submit",
	"io_uring_enter", "io_uring_register", "io_uring_setup", "ioctl",
	"ioperm", "iopl", "ioprio_get", "ioprio_set",
	"kcmp", "kexec_file_load", "kexec_load", "keyctl",
	"kill", "landlock_add_rule", "landlock_create_ruleset", "landlock_restrict_self",
	"lchown", "lgetxattr", "link", "linkat",
	"listen", "listxattr", "llistxattr", "lookup_dcookie",
	"lremovexattr", "lseek", "lsetxattr", "lstat",
	"madvise", "mbind", "membarrier", "memfd_create",
	"memfd_secret", "migrate_pages", "mincore", "mkdir",
	"mkdirat", "mknod", "mknodat", "mlock",
	"mlock2", "mlockall", "mmap", "modify_ldt",
	"mount", "mount_setattr", "move_mount", "move_pages",
	"mprotect", "mq_getsetattr", "mq_notify", "mq_open",
	"mq_timedreceive", "mq_timedsend", "mq_unlink", "mremap",
	"msgctl", "msgget", "msgrcv", "msgsnd",
	"msync", "munlock", "munlockall", "munmap",
	"name_to_handle_at", "nanosleep", "newfstatat", "nfsservctl",
	"open", "open_by_handle_at", "open_tree", "openat",
	"openat2", "pause", "perf_event_open", "personality",
	"pidfd_getfd", "pidfd_open", "pidfd_send_signal", "pipe",
	"pipe2", "pivot_root", "pkey_alloc", "pkey_free",
	"pkey_mprotect", "poll", "ppoll", "prctl",
	"pread64", "preadv", "preadv2", "prlimit64",
	"process_madvise", "process_mrelease", "process_vm_readv", "process_vm_writev",
	"pselect6", "ptrace", "putpmsg", "pwrite64",
	"pwritev", "pwritev2", "query_module", "quotactl",
	"quotactl_fd", "read", "readahead", "readlink",
	"readlinkat", "readv", "reboot", "recvfrom",
	"recvmmsg", "recvmsg", "remap_file_pages", "removexattr",
	"rename", "renameat", "renameat2", "request_key",
	"restart_syscall", "rmdir", "rseq", "rt_sigaction",
	"rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn",
	"rt_sigsuspend", "rt_sigtimedwait", "rt_tgsigqueueinfo", "sched_get_priority_max",
	"sched_get_priority_min", "sched_getaffinity", "sched_getattr", "sched_getparam",
	"sched_getscheduler", "sched_rr_get_interval", "sched_setaffinity", "sched_setattr",
	"sched_setparam", "sched_setscheduler", "sched_yield", "seccomp",
	"security", "select", "semctl", "semget",
	"semop", "semtimedop", "sendfile", "sendmmsg",
	"sendmsg", "sendto", "set_mempolicy", "set_mempolicy_home_node",
	"set_robust_list", "set_thread_area", "set_tid_address", "setdomainname",
	"setfsgid", "setfsuid", "setgid", "setgroups",
	"sethostname", "setitimer", "setns", "setpgid",
	"setpriority", "setregid", "setresgid", "setresuid",
	"setreuid", "setrlimit", "setsid", "setsockopt",
	"settimeofday", "setuid", "setxattr", "shmat",
	"shmctl", "shmdt", "shmget", "shutdown",
	"sigaltstack", "signalfd", "signalfd4", "socket",
	"socketpair", "splice", "stat", "statfs",
	"statx", "swapoff", "swapon", "symlink",
	"symlinkat", "sync", "sync_file_range", "syncfs",
	"sysfs", "sysinfo", "syslog", "tee",
	"tgkill", "time", "timer_create", "timer_delete",
	"timer_getoverrun", "timer_gettime", "timer_settime", "timerfd_create",
	"timerfd_gettime", "timerfd_settime", "times", "tkill",
	"truncate", "tuxcall", "umask", "umount2",
	"uname", "unlink", "unlinkat", "unshare",
	"uselib", "userfaultfd", "ustat", "utime",
	"utimensat", "utimes", "vfork", "vhangup",
	"vmsplice", "vserver", "wait4", "waitid",
	"write", "writev",
};

static int cmp(const void *key, const void *elt)
{
	return strcmp(key, *(const char *const *)elt);
}

int sct_kernel_syscall(const char *name)
{
	return bsearch(name, names, sizeof(names) / sizeof(names[0]), sizeof(names[0]), cmp) != NULL;
}

/* The i386 personality's names that x86-64 lacks: strace matches -e trace=/REGEX
 * against every personality's calls, so a regex matching only these is valid there.
 * Source: /usr/include/x86_64-linux-gnu/asm/unistd_32.h (Debian 12). */
static const char *const names_i386[] = {
	"_llseek", "_newselect", "bdflush", "break",
	"chown32", "clock_adjtime64", "clock_getres_time64", "clock_gettime64",
	"clock_nanosleep_time64", "clock_settime64", "fadvise64_64", "fchown32",
	"fcntl64", "fstat64", "fstatat64", "fstatfs64",
	"ftime", "ftruncate64", "futex_time64", "getegid32",
	"geteuid32", "getgid32", "getgroups32", "getresgid32",
	"getresuid32", "getuid32", "gtty", "idle",
	"io_pgetevents_time64", "ipc", "lchown32", "lock",
	"lstat64", "mmap2", "mpx", "mq_timedreceive_time64",
	"mq_timedsend_time64", "nice", "oldfstat", "oldlstat",
	"oldolduname", "oldstat", "olduname", "ppoll_time64",
	"prof", "profil", "pselect6_time64", "readdir",
	"recvmmsg_time64", "rt_sigtimedwait_time64", "sched_rr_get_interval_time64", "semtimedop_time64",
	"sendfile64", "setfsgid32", "setfsuid32", "setgid32",
	"setgroups32", "setregid32", "setresgid32", "setresuid32",
	"setreuid32", "setuid32", "sgetmask", "sigaction",
	"signal", "sigpending", "sigprocmask", "sigreturn",
	"sigsuspend", "socketcall", "ssetmask", "stat64",
	"statfs64", "stime", "stty", "timer_gettime64",
	"timer_settime64", "timerfd_gettime64", "timerfd_settime64", "truncate64",
	"ugetrlimit", "ulimit", "umount", "utimensat_time64",
	"vm86", "vm86old", "waitpid",
};

int sct_kernel_syscall_match(const regex_t *rx)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (regexec(rx, names[i], 0, NULL, 0) == 0)
			return 1;
	for (size_t i = 0; i < sizeof(names_i386) / sizeof(names_i386[0]); i++)
		if (regexec(rx, names_i386[i], 0, NULL, 0) == 0)
			return 1;
	return 0;
}
