/* Decoders of the calls real programs make inside glibc (reached in complete mode),
 * as whole lines from in-memory records.  Every expected line was printed by strace
 * 6.1 on this machine (tests/golden/README: the probe, a program making each call). */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call *call(const char *name)
{
	int i = sct_call_lookup(name);

	cr_assert_geq(i, 0, "%s", name);
	return &sct_calls[i];
}

#define LINE(name) trec_line(&t, call(name))

Test(format_syscalls, futex)
{
	int64_t ts[2] = { 1, 500 };

	trec_init(&t, 0, 0x562acf684034, 129, 1, 0, 0, 0);
	cr_assert_str_eq(LINE("futex"), "futex(0x562acf684034, FUTEX_WAKE_PRIVATE, 1) = 0\n");
	trec_init(&t, -EAGAIN, 0x562acf684034, 128, 1, 0x7ffc0, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, ts, 16, 0);
	cr_assert_str_eq(LINE("futex"), "futex(0x562acf684034, FUTEX_WAIT_PRIVATE, 1, {tv_sec=1, tv_nsec=500}) = -1 EAGAIN (Resource temporarily unavailable)\n");
	trec_init(&t, -ETIMEDOUT, 0x562acf684034, 393, 0, 0x7ffc0, 0, 0xffffffff);
	trec_blob(&t, 3, SCT_BLOB_IN, ts, 16, 0);
	cr_assert_str_eq(LINE("futex"), "futex(0x562acf684034, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=500}, FUTEX_BITSET_MATCH_ANY) = -1 ETIMEDOUT (Connection timed out)\n");
	trec_init(&t, 0, 0x7f3b8bdd1990, 265, 28926, 0, 0, 0xffffffff);
	cr_assert_str_eq(LINE("futex"), "futex(0x7f3b8bdd1990, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 28926, NULL, FUTEX_BITSET_MATCH_ANY) = 0\n");
	/* the probe: each command shows the arguments it uses */
	trec_init(&t, -ENOSYS, 0x1000, 4, 3, 0x4000, 0x5000, 0xffffffff);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_CMP_REQUEUE, 3, 16384, 0x5000, 4294967295) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 5, 3, 0, 0x5000, 6);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_WAKE_OP, 3, 0, 0x5000, FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_EQ<<24|0x6) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 5, 3, 0x4000, 0x5000, 0xffffffff);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_WAKE_OP, 3, 16384, 0x5000, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */|0xfff<<12|0xf<<24 /* FUTEX_OP_CMP_??? */|0xfff) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 6, 3, 0, 0x5000, 6);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_LOCK_PI, NULL)      = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 7, 3, 0, 0x5000, 6);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_UNLOCK_PI)          = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 10, 3, 0x4000, 0x5000, 6);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_WAKE_BITSET, 3, 0x6) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 11, 3, 0x4000, 0x5000, 6);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, FUTEX_WAIT_REQUEUE_PI, 3, 0x4000, 0x5000) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x1000, 14, 3, 0, 0x5000, 6);
	cr_assert_str_eq(LINE("futex"), "futex(0x1000, 0xe /* FUTEX_??? */, 3, NULL, 0x5000, 0x6) = -1 ENOSYS (Function not implemented)\n");
}

Test(format_syscalls, brk_getrandom)
{
	static const unsigned char rnd[8] = { 0x5f, 0xdc, 0x4f, 0xf3, 0x80, 0x52, 0x74, 0x69 };

	trec_init(&t, 0x562ad1de5000, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(LINE("brk"), "brk(NULL)                               = 0x562ad1de5000\n");
	trec_init(&t, 8, 0x7ffc0, 8, 1, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, rnd, 8, 0);
	cr_assert_str_eq(LINE("getrandom"), "getrandom(\"\\x5f\\xdc\\x4f\\xf3\\x80\\x52\\x74\\x69\", 8, GRND_NONBLOCK) = 8\n");
}

Test(format_syscalls, rt_sigprocmask)
{
	uint64_t intterm = (1u << 1) | (1u << 14), none = 0;

	trec_init(&t, 0, 0, 0x7ffc1, 0x7ffc2, 8, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, &intterm, 8, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, &none, 8, 0);
	cr_assert_str_eq(LINE("rt_sigprocmask"), "rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8) = 0\n");
	trec_init(&t, 0, 2, 0x7ffc1, 0, 8, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, &none, 8, 0);
	cr_assert_str_eq(LINE("rt_sigprocmask"), "rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0\n");
}

Test(format_syscalls, prlimit64)
{
	uint64_t in[2] = { 1024, UINT64_MAX }, out[2] = { 8192 * 1024, UINT64_MAX };

	trec_init(&t, -EPERM, 0, 7, 0x7ffc1, 0x7ffc5dd468a0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, in, 16, 0);
	cr_assert_str_eq(LINE("prlimit64"), "prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=RLIM64_INFINITY}, 0x7ffc5dd468a0) = -1 EPERM (Operation not permitted)\n");
	trec_init(&t, 0, 0, 3, 0, 0x7ffc2, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, out, 16, 0);
	cr_assert_str_eq(LINE("prlimit64"), "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0\n");
}

Test(format_syscalls, fadvise_madvise_lseek_fchownat)
{
	trec_init(&t, 0, 3, 0, 0, 2, 0, 0);
	cr_assert_str_eq(LINE("fadvise64"), "fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0\n");
	trec_init(&t, -EINVAL, 0x7ffc5dd468c0, 4096, 4, 0, 0, 0);
	cr_assert_str_eq(LINE("madvise"), "madvise(0x7ffc5dd468c0, 4096, MADV_DONTNEED) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 10, 3, 10, 1, 0, 0, 0);
	cr_assert_str_eq(LINE("lseek"), "lseek(3, 10, SEEK_CUR)                  = 10\n");
	trec_init(&t, -ENOENT, (uint64_t)-100, 0x1000, 1000, 1000, 0x100, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "/nonexistent", 13, 0);
	cr_assert_str_eq(LINE("fchownat"), "fchownat(AT_FDCWD, \"/nonexistent\", 1000, 1000, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)\n");
	trec_init(&t, 0, 0x7ffc5dd468c0, 24, 0, 0, 0, 0);
	cr_assert_str_eq(LINE("set_robust_list"), "set_robust_list(0x7ffc5dd468c0, 24)     = 0\n");
	trec_init(&t, 0, 0x7fedc479c060, 0x20, 0, 0x53053053, 0, 0);
	cr_assert_str_eq(LINE("rseq"), "rseq(0x7fedc479c060, 0x20, 0, 0x53053053) = 0\n");
}

Test(format_syscalls, utimensat)
{
	int64_t now_omit[4] = { 0, (1l << 30) - 1, 5, (1l << 30) - 2 };
	int64_t times[4] = { 5, 0, 1700000000, 123 };

	trec_init(&t, -ENOENT, (uint64_t)-100, 0x1000, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "/nonexistent", 13, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, now_omit, 32, 0);
	cr_assert_str_eq(LINE("utimensat"), "utimensat(AT_FDCWD, \"/nonexistent\", [UTIME_NOW, UTIME_OMIT], 0) = -1 ENOENT (No such file or directory)\n");
	trec_init(&t, -ENOENT, (uint64_t)-100, 0x1000, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "/nonexistent", 13, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, times, 32, 0);
	cr_assert_str_eq(LINE("utimensat"), "utimensat(AT_FDCWD, \"/nonexistent\", [{tv_sec=5, tv_nsec=0} /* 1970-01-01T00:00:05+0000 */, {tv_sec=1700000000, tv_nsec=123} /* 2023-11-14T22:13:20.000000123+0000 */], 0) = -1 ENOENT (No such file or directory)\n");
	trec_init(&t, -ENOENT, (uint64_t)-100, 0x1000, 0, 0x100, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "/nonexistent", 13, 0);
	cr_assert_str_eq(LINE("utimensat"), "utimensat(AT_FDCWD, \"/nonexistent\", NULL, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)\n");
}

Test(format_syscalls, xattr)
{
	trec_init(&t, -ENODATA, 0x1000, 0x2000, 0x7ffc5dd468c0, 64, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, "/etc/passwd", 12, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "security.selinux", 17, 0);
	cr_assert_str_eq(LINE("getxattr"), "getxattr(\"/etc/passwd\", \"security.selinux\", 0x7ffc5dd468c0, 64) = -1 ENODATA (No data available)\n");
	trec_init(&t, -ENODATA, 0x1000, 0x2000, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, "/etc", 5, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "system.posix_acl_access", 24, 0);
	cr_assert_str_eq(LINE("lgetxattr"), "lgetxattr(\"/etc\", \"system.posix_acl_access\", NULL, 0) = -1 ENODATA (No data available)\n");
	trec_init(&t, -ENODATA, 3, 0x2000, 0x7ffc5dd468c0, 64, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "user.x", 7, 0);
	cr_assert_str_eq(LINE("fgetxattr"), "fgetxattr(3, \"user.x\", 0x7ffc5dd468c0, 64) = -1 ENODATA (No data available)\n");
}

Test(format_syscalls, statfs_sysinfo_uname)
{
	uint64_t sfs[15] = { 0xef53, 4096, 66053021, 61707555, 20738831, 16777216, 16344087,
			     0x5edd005322ab1509ull, 255, 4096, 0x1020, 0, 0, 0, 0 };
	uint64_t si[14] = { 1085, 239904, 178720, 86624, 25276510208ull, 22346174464ull,
			    9068544, 71311360, 0, 0, 114, 0, 0, 1 };
	char u[390] = { 0 };

	trec_init(&t, 0, 0x1000, 0x7ffc1, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, "/", 2, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, sfs, 120, 0);
	cr_assert_str_eq(LINE("statfs"), "statfs(\"/\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=61707555, f_bavail=20738831, f_files=16777216, f_ffree=16344087, f_fsid={val=[0x22ab1509, 0x5edd0053]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0\n");
	trec_init(&t, -ENOENT, 0x1000, 0x7fff250f4870, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, "/sys/fs/selinux", 16, 0);
	cr_assert_str_eq(LINE("statfs"), "statfs(\"/sys/fs/selinux\", 0x7fff250f4870) = -1 ENOENT (No such file or directory)\n");
	trec_init(&t, 0, 3, 0x7ffc1, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, sfs, 120, 0);
	cr_assert_str_eq(LINE("fstatfs"), "fstatfs(3, {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=61707555, f_bavail=20738831, f_files=16777216, f_ffree=16344087, f_fsid={val=[0x22ab1509, 0x5edd0053]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0\n");
	trec_init(&t, 0, 0x7ffc1, 0, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, si, 112, 0);
	cr_assert_str_eq(LINE("sysinfo"), "sysinfo({uptime=1085, loads=[239904, 178720, 86624], totalram=25276510208, freeram=22346174464, sharedram=9068544, bufferram=71311360, totalswap=0, freeswap=0, procs=114, totalhigh=0, freehigh=0, mem_unit=1}) = 0\n");
	memcpy(u, "Linux", 5);
	memcpy(u + 65, "vm", 2);
	memcpy(u + 130, "6.18.44", 7);
	trec_init(&t, 0, 0x7ffc1, 0, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, u, sizeof(u), 0);
	cr_assert_str_eq(LINE("uname"), "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0\n");
}

Test(format_syscalls, sched_getaffinity)
{
	unsigned char cpus[32] = { 3 };

	trec_init(&t, 32, 0, 128, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, cpus, 32, 0);
	cr_assert_str_eq(LINE("sched_getaffinity"), "sched_getaffinity(0, 128, [0 1])        = 32\n");
}

Test(format_syscalls, prctl_arch_prctl)
{
	uint64_t fs = 0x7f45bbc53740;

	trec_init(&t, 0, 15, 0x1000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "probe", 6, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_SET_NAME, \"probe\")             = 0\n");
	trec_init(&t, 1, 3, 0, 0, 0, 0, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)\n");
	trec_init(&t, -EINVAL, 38, 0, 0, 0, 0, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0)  = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -ENOSYS, 4, 2, 3, 4, 5, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_SET_DUMPABLE, SUID_DUMP_ROOT)  = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 59, 1, 0x1000, 0x1000, 0x2000, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0x1000, 0x1000, 0x2000) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 0x53564d41, 0, 0x1000, 4096, 0x2000, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x1000, 4096, 0x2000) = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 24, 3, 3, 3, 3, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_CAPBSET_DROP, CAP_FOWNER)      = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, -ENOSYS, 2, 2, 3, 4, 5, 0);
	cr_assert_str_eq(LINE("prctl"), "prctl(PR_GET_PDEATHSIG, 0x2)            = -1 ENOSYS (Function not implemented)\n");
	trec_init(&t, 0, 0x1003, 0x7ffc1, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &fs, 8, 0);
	cr_assert_str_eq(LINE("arch_prctl"), "arch_prctl(ARCH_GET_FS, [0x7f45bbc53740]) = 0\n");
	trec_init(&t, 0, 0x1002, 0x7fedc479b740, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &fs, 8, 0);
	cr_assert_str_eq(LINE("arch_prctl"), "arch_prctl(ARCH_SET_FS, 0x7fedc479b740) = 0\n");
}

Test(format_syscalls, clone3)
{
	uint64_t thr[11] = { 0x3d0f00, 0, 0x7f3b8bdd1990, 0x7f3b8bdd1990, 0, 0x7f3b8b5d1000,
			     0x7fff80, 0x7f3b8bdd16c0, 0, 0, 0 };
	uint64_t spawn[11] = { 0x4100, 0, 0, 0, 17, 0x7f3b8bfb9000, 0x9000, 0, 0, 0, 0 };

	trec_init(&t, 28927, 0x7ffc1, 88, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, spawn, 88, 0);
	cr_assert_str_eq(LINE("clone3"), "clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f3b8bfb9000, stack_size=0x9000}, 88) = 28927\n");
	/* strace adds " => {parent_tid=[28926]}", the word written after the call (the
	 * size argument's OUT blob: readable mask, pidfd, parent_tid) */
	int32_t words[3] = { 2, 0, 28926 };
	trec_init(&t, 28926, 0x7ffc1, 88, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, thr, 88, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, words, sizeof(words), 0);
	cr_assert_str_eq(LINE("clone3"), "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f3b8bdd1990, parent_tid=0x7f3b8bdd1990, exit_signal=0, stack=0x7f3b8b5d1000, stack_size=0x7fff80, tls=0x7f3b8bdd16c0} => {parent_tid=[28926]}, 88) = 28926\n");
	/* what is there, not the result: -e inject= fakes a success the kernel never
	 * wrote; unreadable, the address */
	words[2] = -17973521;
	trec_init(&t, 42, 0x7ffc1, 88, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, thr, 88, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, words, sizeof(words), 0);
	cr_assert(strstr(LINE("clone3"), " => {parent_tid=[-17973521]}, 88) = 42\n"));
	trec_init(&t, 42, 0x7ffc1, 88, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, thr, 88, 0);
	cr_assert(strstr(LINE("clone3"), " => {parent_tid=0x7f3b8bdd1990}, 88) = 42\n"));
	/* CLONE_PIDFD: the descriptor written, first */
	uint64_t pfd[11] = { 0x101000, 0x7ffc10, 0, 0x7ffc20, 17, 0, 0, 0, 0, 0, 0 };
	int32_t both[3] = { 3, 5, 29000 };
	trec_init(&t, 29000, 0x7ffc1, 88, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, pfd, 88, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, both, sizeof(both), 0);
	cr_assert(strstr(LINE("clone3"), "} => {pidfd=[5], parent_tid=[29000]}, 88) = 29000\n"));
	/* nothing written when it failed (Docker's profile: ENOSYS) */
	trec_init(&t, -38, 0x7ffc1, 88, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, thr, 88, 0);
	cr_assert_str_eq(LINE("clone3"), "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f3b8bdd1990, parent_tid=0x7f3b8bdd1990, exit_signal=0, stack=0x7f3b8b5d1000, stack_size=0x7fff80, tls=0x7f3b8bdd16c0}, 88) = -1 ENOSYS (Function not implemented)\n");
}

Test(format_syscalls, wait4_readlink)
{
	uint32_t st = 0;

	trec_init(&t, 28927, 28927, 0x7ffc1, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &st, 4, 0);
	cr_assert_str_eq(LINE("wait4"), "wait4(28927, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 28927\n");
	trec_init(&t, 16, 0x1000, 0x2000, 64, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, "/proc/self/exe", 15, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, "/tmp/fprobe/real", 16, 0);
	cr_assert_str_eq(LINE("readlink"), "readlink(\"/proc/self/exe\", \"/tmp/fprobe/real\", 64) = 16\n");
}

Test(format_syscalls, ioctl_terminal)
{
	uint32_t tio[9] = { 0x500, 0x5, 0xbf, 0x8a3b, 0, 0, 0, 0, 0 };
	uint16_t ws[4] = { 24, 80, 0, 0 };

	trec_init(&t, 0, 0, 0x5401, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, tio, 36, 0);
	cr_assert_str_eq(LINE("ioctl"), "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0\n");
	/* every bit set, through TCSETS (strace on a pty) */
	tio[0] = 0xffff; tio[1] = 0xffffff; tio[2] = 0xffffffff; tio[3] = 0x1ffff;
	trec_init(&t, 0, 0, 0x5402, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, tio, 36, 0);
	cr_assert_str_eq(LINE("ioctl"), "ioctl(0, SNDCTL_TMR_START or TCSETS, {c_iflag=IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|IGNCR|ICRNL|IUCLC|IXON|IXANY|IXOFF|IMAXBEL|IUTF8|0x8000, c_oflag=NL1|CR3|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR|OCRNL|ONOCR|ONLRET|OFILL|OFDEL|0xff0000, c_cflag=B4000000|B4000000<<IBSHIFT|CS8|CSTOPB|CREAD|PARENB|PARODD|HUPCL|CLOCAL|CMSPAR|CRTSCTS|0x2ff0e000, c_lflag=ISIG|ICANON|XCASE|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|IEXTEN|ECHOCTL|ECHOPRT|ECHOKE|FLUSHO|PENDIN|TOSTOP|EXTPROC|0x2000, ...}) = 0\n");
	tio[1] = 0x4000 | 0x1000 | 0x2000 | 0x100; tio[2] = 0xbf | 017 << 16;
	trec_init(&t, 0, 0, 0x5402, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, tio, 36, 0);
	cr_assert_str_eq(LINE("ioctl"), "ioctl(0, SNDCTL_TMR_START or TCSETS, {c_iflag=IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|IGNCR|ICRNL|IUCLC|IXON|IXANY|IXOFF|IMAXBEL|IUTF8|0x8000, c_oflag=NL1|CR0|TAB2|BS1|VT1|FF0|, c_cflag=B38400|B38400<<IBSHIFT|CS8|CREAD, c_lflag=ISIG|ICANON|XCASE|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|IEXTEN|ECHOCTL|ECHOPRT|ECHOKE|FLUSHO|PENDIN|TOSTOP|EXTPROC|0x2000, ...}) = 0\n");
	trec_init(&t, -ENOTTY, 0, 0x5401, 0x7ffc5dd46460, 0, 0, 0);
	cr_assert_str_eq(LINE("ioctl"), "ioctl(0, TCGETS, 0x7ffc5dd46460)        = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, 0, 0, 0x5413, 0x7ffc1, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, ws, 8, 0);
	cr_assert_str_eq(LINE("ioctl"), "ioctl(0, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0\n");
	trec_init(&t, -ENOTTY, 1, 0x5413, 0x7ffc5dd46458, 0, 0, 0);
	cr_assert_str_eq(LINE("ioctl"), "ioctl(1, TIOCGWINSZ, 0x7ffc5dd46458)    = -1 ENOTTY (Inappropriate ioctl for device)\n");
}

Test(format_syscalls, unknown_number)
{
	trec_init(&t, -ENOSYS, 0, 0, 0, 0, 0, 0);
	trec_rec(&t)->call = (uint16_t)sct_call_for_nr(500);
	cr_assert_str_eq(trec_line(&t, NULL), "syscall_0x1f4(0, 0, 0, 0, 0, 0)         = -1 ENOSYS (Function not implemented)\n");
}

Test(format_syscalls, mincore)
{
	unsigned char vec[40];

	memset(vec, 1, sizeof(vec));
	trec_init(&t, 0, 0x7f29be8e0000, 4097, 0x7f29be8daffe, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, vec, 2, 0);
	cr_assert_str_eq(LINE("mincore"), "mincore(0x7f29be8e0000, 4097, [1, 1])   = 0\n");
	/* 33 pages: the first 32 (-s), then "..." (strace's lines in check-strace mincore) */
	trec_init(&t, 0, 0x7f29be889000, 131073, 0x7f29be883fdf, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, vec, 33, SCT_BF_TRUNC);
	cr_assert_str_eq(LINE("mincore"), "mincore(0x7f29be889000, 131073, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...]) = 0\n");
	trec_init(&t, -EFAULT, 0x7f29be8e0000, 8192, 0, 0, 0, 0);
	cr_assert_str_eq(LINE("mincore"), "mincore(0x7f29be8e0000, 8192, NULL)     = -1 EFAULT (Bad address)\n");
}

Test(format_syscalls, xattr_set_and_list)
{
	static const char val[8] = "foo\0bar";

	/* lines of strace 6.1 in check-strace xattr (column 40) */
	trec_init(&t, -EBADF, (uint64_t)-1, 0x55d11634d2d8, 0x7f1e954b1ff8, 8, 2, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "strace.test", 12, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, val, 8, 0);
	cr_assert_str_eq(LINE("fsetxattr"), "fsetxattr(-1, \"strace.test\", \"foo\\0bar\", 8, XATTR_REPLACE) = -1 EBADF (Bad file descriptor)\n");
	trec_init(&t, 0, 0x55d1163400a0, 0x7f1e95182fff, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, ".", 2, 0);
	cr_assert_str_eq(LINE("listxattr"), "listxattr(\".\", 0x7f1e95182fff, 0)       = 0\n");
	trec_init(&t, 0, 0x55d1163400a0, 0x7f1e95182fff, 65537, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, ".", 2, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, "", 0, 0);
	cr_assert_str_eq(LINE("listxattr"), "listxattr(\".\", \"\", 65537)               = 0\n");
}
