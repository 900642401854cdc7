/* Whole lines: records built by hand, formatted, compared with the line strace 6.1
 * printed for the same call on this machine (Debian 12, x86-64). */
#include <criterion/criterion.h>
#include <unistd.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_openat = { "openat", 0, 4, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(OFLAGS, NOAUX), A(MODE_CREAT, 2) } };
static const struct sct_call c_read = { "read", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(BUF_OUT, 2), A(ULONG, NOAUX) } };
static const struct sct_call c_write = { "write", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(BUF_IN, 2), A(ULONG, NOAUX) } };
static const struct sct_call c_close = { "close", 0, 1, SCT_R_INT, { A(FD, NOAUX) } };
static const struct sct_call c_getppid = { "getppid", 0, 0, SCT_R_INT, { { 0, 0 } } };
static const struct sct_call c_exit_group = { "exit_group", 0, 1, SCT_R_NONE, { A(INT, NOAUX) } };
static const struct sct_call c_lseek = { "lseek", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(LONG, NOAUX), A(WHENCE, NOAUX) } };
static const struct sct_call c_fcntl = { "fcntl", 0, 3, SCT_R_FCNTL,
	{ A(FD, NOAUX), A(FCNTL_CMD, NOAUX), A(FCNTL_ARG, 1) } };
static const struct sct_call c_mmap = { "mmap", 0, 6, SCT_R_HEX,
	{ A(PTR, NOAUX), A(ULONG, NOAUX), A(PROT, NOAUX), A(MAPFLAGS, NOAUX), A(FD, NOAUX), A(HEX, NOAUX) } };
static const struct sct_call c_newfstatat = { "newfstatat", 0, 4, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(STAT, NOAUX), A(ATFLAGS, NOAUX) } };
static const struct sct_call c_umask = { "umask", 0, 1, SCT_R_OCTAL, { A(OCTAL, NOAUX) } };
static const struct sct_call c_pipe2 = { "pipe2", 0, 2, SCT_R_INT,
	{ A(PIPEFD, NOAUX), A(OFLAGS_NA, NOAUX) } };
static const struct sct_call c_ioctl = { "ioctl", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(IOCTL_REQ, NOAUX), A(IOCTL_ARG, 1) } };
static const struct sct_call c_statx = { "statx", 0, 5, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(ATFLAGS, NOAUX), A(STATX_MASK, NOAUX), A(STATX, NOAUX) } };
static const struct sct_call c_getdents64 = { "getdents64", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(DIRENTS, NOAUX), A(ULONG, NOAUX) } };

#define S(x) x, sizeof(x) - 1

Test(format_line, every_kind_has_a_decoder)
{
	for (unsigned k = 0; k < SCT_NKINDS; k++)
		cr_assert_not_null(sct_decoders[k], "kind %u has no decoder", k);
}

Test(format_line, openat)
{
	trec_init(&t, 3, (uint64_t)-100, 0x5555, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/etc/passwd\0"), 0);
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n");

	trec_init(&t, 4, (uint64_t)-100, 0x5555, 01000|0100|01|02000000, 0644, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/nonexist\0"), 0);
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(AT_FDCWD, \"/nonexist\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 4\n");

	trec_init(&t, -20, 5, 0x5555, 3, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("rel\0"), 0);
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(5, \"rel\", O_ACCMODE)             = -1 ENOTDIR (Not a directory)\n");
}

Test(format_line, read_and_write)
{
	static const char in[] = "a\nb\t\"c\\\0\001\177\377xyz0123456789abcdefghijklmnopqrstuvwxyz";

	trec_init(&t, 100, 3, 0x7ffd3b188d80, 100, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, S("root:x:0:0:root:/root:/bin/bash\nd"), 0);
	cr_assert_str_eq(trec_line(&t, &c_read),
			 "read(3, \"root:x:0:0:root:/root:/bin/bash\\n\"..., 100) = 100\n");

	trec_init(&t, -9, (uint64_t)-1, 0x7ffd3b188d80, 10, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_read),
			 "read(-1, 0x7ffd3b188d80, 10)            = -1 EBADF (Bad file descriptor)\n");

	trec_init(&t, 60, 1, 0x1000, 60, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, in, 33, SCT_BF_TRUNC);
	cr_assert_str_eq(trec_line(&t, &c_write),
			 "write(1, \"a\\nb\\t\\\"c\\\\\\0\\1\\177\\377xyz0123456789abcdefgh\"..., 60) = 60\n");

	trec_init(&t, 0, 1, 0x1000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "", 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_write),
			 "write(1, \"\", 0)                         = 0\n");

	trec_init(&t, 3, 1, 0x1000, 3, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "abc", 3, 0);
	cr_assert_str_eq(trec_line(&t, &c_write),
			 "write(1, \"abc\", 3)                      = 3\n");
}

Test(format_line, errors)
{
	trec_init(&t, -41, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "getppid()                               = -1 (errno 41)\n");
	trec_init(&t, -515, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "getppid()                               = -1 ENOIOCTLCMD (Unknown error 515)\n");
	trec_init(&t, -512, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "getppid()                               = ? ERESTARTSYS (To be restarted if SA_RESTART is set)\n");
	trec_init(&t, -4095, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "getppid()                               = -1 (errno 4095)\n");
}

Test(format_line, noreturn)
{
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_exit_group),
			 "exit_group(0)                           = ?\n");
	/* a successful execve never returns to the caller */
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	trec_rec(&t)->flags = SCT_RF_NORETURN;
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "getppid()                               = ?\n");
}

Test(format_line, lseek_and_fcntl)
{
	trec_init(&t, -22, 3, 0, 7, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_lseek),
			 "lseek(3, 0, 0x7 /* SEEK_??? */)         = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 1220, 3, (uint64_t)-1, 2, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_lseek),
			 "lseek(3, -1, SEEK_END)                  = 1220\n");

	trec_init(&t, 0x8000, 3, 3, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_GETFL)                       = 0x8000 (flags O_RDONLY|O_LARGEFILE)\n");
	trec_init(&t, 0x8002, 9, 3, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(9, F_GETFL)                       = 0x8002 (flags O_RDWR|O_LARGEFILE)\n");
	trec_init(&t, 0x18000, 3, 3, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_GETFL)                       = 0x18000 (flags O_RDONLY|O_LARGEFILE|O_DIRECTORY)\n");
	trec_init(&t, 1, 7, 1, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(7, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)\n");
	trec_init(&t, 0, 3, 1, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_GETFD)                       = 0\n");
	trec_init(&t, 0, 3, 2, 1, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_SETFD, FD_CLOEXEC)           = 0\n");
	trec_init(&t, 0, 0, 2, 3, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(0, F_SETFD, FD_CLOEXEC|0x2)       = 0\n");
	trec_init(&t, 0, 3, 4, 04002, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK)    = 0\n");
	trec_init(&t, 11, 3, 0, 10, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_DUPFD, 10)                   = 11\n");
	trec_init(&t, -22, 3, 1234, 5, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, 0x4d2 /* F_??? */, 0x5)        = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 10, 0, 11, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(0, F_GETSIG)                      = 10 (SIGUSR1)\n");
	trec_init(&t, 2, 0, 1025, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(0, F_GETLEASE)                    = 0x2 (F_UNLCK)\n");
	trec_init(&t, -1, 3, 1033, 9, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_ADD_SEALS, F_SEAL_SEAL|F_SEAL_WRITE) = -1 EPERM (Operation not permitted)\n");
}

Test(format_line, fcntl_locks)
{
	struct { int16_t type, whence; int32_t pad; int64_t start, len; int32_t pid, pad2; } fl =
		{ 0, 0, 0, 0, 100, 0, 0 };

	trec_init(&t, 0, 3, 6, 0x7ffc0000, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, &fl, sizeof(fl), 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_SETLK, {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0\n");
	fl.type = 2;
	trec_init(&t, 0, 3, 5, 0x7ffc0000, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, &fl, sizeof(fl), 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}) = 0\n");
	fl.type = 9; fl.whence = 9; fl.start = -5; fl.len = 0;
	trec_init(&t, -22, 7, 6, 0x7ffc0000, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, &fl, sizeof(fl), 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(7, F_SETLK, {l_type=0x9 /* F_??? */, l_whence=0x9 /* SEEK_??? */, l_start=-5, l_len=0}) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -22, 7, 5, 0x7ffcd275d490, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(7, F_GETLK, 0x7ffcd275d490)       = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -14, 0, 6, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_fcntl),
			 "fcntl(0, F_SETLK, NULL)                 = -1 EFAULT (Bad address)\n");
}

Test(format_line, mmap)
{
	trec_init(&t, 0x7f71ba6d2000, 0, 4096, 3, 0x22, (uint64_t)-1, 0);
	cr_assert_str_eq(trec_line(&t, &c_mmap),
			 "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f71ba6d2000\n");
	trec_init(&t, 0, 0, 4096, 0, 0x8000000 | 0x100000 | 0x8000 | 0x4000 | 0x21, (uint64_t)-1, 0);
	cr_assert_str_eq(trec_line(&t, &c_mmap),
			 "mmap(NULL, 4096, PROT_NONE, MAP_SHARED|MAP_ANONYMOUS|MAP_NORESERVE|MAP_POPULATE|MAP_FIXED_NOREPLACE|2<<MAP_HUGE_SHIFT, -1, 0) = 0\n");
	trec_init(&t, -22, 0, 4096, 0, 0x24, (uint64_t)-1, 0);
	cr_assert_str_eq(trec_line(&t, &c_mmap),
			 "mmap(NULL, 4096, PROT_NONE, 0x4 /* MAP_??? */|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -22, 0, 4096, 0x8 | 0x1000000 | 0x2000000 | 0x20, 0, (uint64_t)-1, 0);
	cr_assert_str_eq(trec_line(&t, &c_mmap),
			 "mmap(NULL, 4096, PROT_SEM|PROT_GROWSDOWN|PROT_GROWSUP|0x20, MAP_FILE, -1, 0) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 0x7ff121497000, 0x7ff121497000, 1400832, 5, 0x812, 4, 0x26000);
	cr_assert_str_eq(trec_line(&t, &c_mmap),
			 "mmap(0x7ff121497000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 4, 0x26000) = 0x7ff121497000\n");
}

Test(format_line, newfstatat)
{
	unsigned char st[144] = { 0 };
	uint32_t mode = 020666;
	uint64_t rdev = 0x103, size = 1221;

	memcpy(st + 24, &mode, 4);
	memcpy(st + 40, &rdev, 8);
	trec_init(&t, 0, (uint64_t)-100, 0x1000, 0x7ffc0000, 0x100, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/dev/null\0"), 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, st, sizeof(st), 0);
	cr_assert_str_eq(trec_line(&t, &c_newfstatat),
			 "newfstatat(AT_FDCWD, \"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_SYMLINK_NOFOLLOW) = 0\n");

	mode = 0100644;
	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	trec_init(&t, 0, (uint64_t)-100, 0x1000, 0x7ffc0000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/etc/passwd\0"), 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, st, sizeof(st), 0);
	cr_assert_str_eq(trec_line(&t, &c_newfstatat),
			 "newfstatat(AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, ...}, 0) = 0\n");

	mode = 041777;
	size = 4096;
	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	trec_init(&t, 0, (uint64_t)-100, 0x1000, 0x7ffc0000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/tmp\0"), 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, st, sizeof(st), 0);
	cr_assert_str_eq(trec_line(&t, &c_newfstatat),
			 "newfstatat(AT_FDCWD, \"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}, 0) = 0\n");

	trec_init(&t, 0, 3, 0x1000, 0x7ffc0000, 0x1000, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("\0"), 0);
	mode = 040755;
	memcpy(st + 24, &mode, 4);
	trec_blob(&t, 2, SCT_BLOB_OUT, st, sizeof(st), 0);
	cr_assert_str_eq(trec_line(&t, &c_newfstatat),
			 "newfstatat(3, \"\", {st_mode=S_IFDIR|0755, st_size=4096, ...}, AT_EMPTY_PATH) = 0\n");

	trec_init(&t, -2, (uint64_t)-100, 0x1000, 0x7ffc3ca042a0, 0x100, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/dev/sda\0"), 0);
	cr_assert_str_eq(trec_line(&t, &c_newfstatat),
			 "newfstatat(AT_FDCWD, \"/dev/sda\", 0x7ffc3ca042a0, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)\n");
}

Test(format_line, statx_and_getdents)
{
	unsigned char sx[256] = { 0 };
	uint32_t mask = 0x1fff;
	uint16_t mode = 0100644;
	uint64_t size = 1221, n = 128;

	memcpy(sx, &mask, 4);
	memcpy(sx + 28, &mode, 2);
	memcpy(sx + 40, &size, 8);
	trec_init(&t, 0, (uint64_t)-100, 0x1000, 0, 0xfff, 0x7ffc0000, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/etc/passwd\0"), 0);
	trec_blob(&t, 4, SCT_BLOB_OUT, sx, sizeof(sx), 0);
	cr_assert_str_eq(trec_line(&t, &c_statx),
			 "statx(AT_FDCWD, \"/etc/passwd\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=1221, ...}) = 0\n");

	trec_init(&t, -22, (uint64_t)-100, 0x1000, 0x10001000, 0x10000003, 0x7ffc3ca041a0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/x\0"), 0);
	cr_assert_str_eq(trec_line(&t, &c_statx),
			 "statx(AT_FDCWD, \"/x\", AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH|0x10000000, STATX_TYPE|STATX_MODE|0x10000000, 0x7ffc3ca041a0) = -1 EINVAL (Invalid argument)\n");

	trec_init(&t, 4088, 3, 0x7ffc3ca031a0, 4096, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &n, sizeof(n), 0);
	cr_assert_str_eq(trec_line(&t, &c_getdents64),
			 "getdents64(3, 0x7ffc3ca031a0 /* 128 entries */, 4096) = 4088\n");
	trec_init(&t, -9, 99, 0x7ffc3ca031a0, 4096, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getdents64),
			 "getdents64(99, 0x7ffc3ca031a0, 4096)    = -1 EBADF (Bad file descriptor)\n");
}

Test(format_line, umask_pipe_ioctl)
{
	trec_init(&t, 022, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_umask), "umask(000)                              = 022\n");

	int32_t fds[2] = { 14, 15 };
	trec_init(&t, 0, 0x7ffc0000, 04000 | 02000000, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, fds, sizeof(fds), 0);
	cr_assert_str_eq(trec_line(&t, &c_pipe2), "pipe2([14, 15], O_NONBLOCK|O_CLOEXEC)   = 0\n");

	trec_init(&t, 0, 3, 0x5451, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl), "ioctl(3, FIOCLEX)                       = 0\n");
	trec_init(&t, -25, 0, 0x5401, 0x7ffd3b188d80, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(0, TCGETS, 0x7ffd3b188d80)        = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -25, 3, 0x80047805, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(3, _IOC(_IOC_READ, 0x78, 0x5, 0x4), 0) = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -25, 3, 0xc0640000, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0, 0, 0x64), 0) = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -25, 3, 0x1234, 0x55, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x55) = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -25, 3, 0x540b, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(3, TCFLSH, TCIFLUSH)              = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -25, 7, 0x540b, 9, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(7, TCFLSH, 0x9 /* TC??? */)       = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -25, 3, 0x5402, 0x7ffc0000, 0, 0, 0);
	cr_assert(strncmp(trec_line(&t, &c_ioctl), "ioctl(3, SNDCTL_TMR_START or TCSETS, 0x7ffc0000)", 48) == 0);
	trec_init(&t, -25, 3, 0x540f, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(3, TIOCGPGRP, NULL)               = -1 ENOTTY (Inappropriate ioctl for device)\n");
	trec_init(&t, -95, 7, 0x40049409, 3, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(7, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)\n");
}

Test(format_line, prefixes_and_timestamps)
{
	/* 13:41:27.525367 on some day */
	const int64_t day = 20779LL * 86400 * 1000000000LL;
	const int64_t tod = (13 * 3600 + 41 * 60 + 27) * 1000000000LL + 525367000LL;

	trec_init(&t, -9, 98, 0, 0, 0, 0, 0);
	trec_rec(&t)->tid = 4627;
	trec_rec(&t)->t0 = 1000000000;
	trec_rec(&t)->t1 = 1000017999;
	t.f.prefix = 1;
	t.f.tstamp = SCT_TS_TIME;
	t.f.tstamp_prec = 6;
	t.f.realtime_offset_ns = day + tod - 1000000000;
	cr_assert_str_eq(trec_line(&t, &c_close),
			 "[pid  4627] 13:41:27.525367 close(98)   = -1 EBADF (Bad file descriptor)\n");

	trec_init(&t, 4593, 0, 0, 0, 0, 0, 0);
	trec_rec(&t)->tid = 4596;
	t.f.prefix = 2;
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "4596  getppid()                         = 4593\n");

	trec_init(&t, 4605, 0, 0, 0, 0, 0, 0);
	trec_rec(&t)->t0 = 5000000000;
	trec_rec(&t)->t1 = 5000017999;
	t.f.tstamp = SCT_TS_TIME;
	t.f.tstamp_prec = 6;
	t.f.show_time = 1;
	t.f.realtime_offset_ns = day + (13 * 3600 + 41 * 60 + 27) * 1000000000LL + 232422000LL - 5000000000;
	cr_assert_str_eq(trec_line(&t, &c_getppid),
			 "13:41:27.232422 getppid()               = 4605 <0.000017>\n");

	trec_init(&t, 0, 3, 0, 0, 0, 0, 0);
	t.f.tstamp = SCT_TS_TIME;
	t.f.show_time = 1;
	t.f.realtime_offset_ns = day + tod;
	cr_assert_str_eq(trec_line(&t, &c_exit_group),
			 "13:41:27 exit_group(3)                  = ?\n");
	t.f.tstamp = SCT_TS_UNIX;
	t.f.tstamp_prec = 6;
	t.f.realtime_offset_ns = 1795354887505759000LL;
	cr_assert_str_eq(trec_line(&t, &c_exit_group),
			 "1795354887.505759 exit_group(3)         = ?\n");

	trec_init(&t, -9, (uint64_t)-1, 0, 0, 0, 0, 0);
	trec_rec(&t)->t1 = 2500000;
	t.f.show_time = 1;
	cr_assert_str_eq(trec_line(&t, &c_close),
			 "close(-1)                               = -1 EBADF (Bad file descriptor) <0.002500>\n");
}

/* --syscall-times=, --absolute-timestamps= precisions and -r (the time since the
 * previous line's stamp, "%6ld.%0*ld ", inside "(+...)" after an absolute one) */
Test(format_line, timestamp_precisions_and_relative)
{
	struct trec t;
	uint64_t prev = 0;

	trec_init(&t, -9, (uint64_t)-1, 0, 0, 0, 0, 0);
	trec_rec(&t)->t0 = 1000000000;
	trec_rec(&t)->t1 = 1002500123;
	t.f.show_time = 1;
	t.f.time_prec = 9;
	t.f.acolumn = 0;
	cr_assert_str_eq(trec_line(&t, &c_close),
			 "close(-1) = -1 EBADF (Bad file descriptor) <0.002500123>\n");
	t.f.time_prec = 0;
	t.f.tstamp = SCT_TS_UNIX;
	t.f.tstamp_prec = 3;
	t.f.realtime_offset_ns = 1795354887505759000LL;
	cr_assert_str_eq(trec_line(&t, &c_close),
			 "1795354888.505 close(-1) = -1 EBADF (Bad file descriptor) <0>\n");

	trec_init(&t, 0, 3, 0, 0, 0, 0, 0);
	t.f.acolumn = 0;
	t.f.rtstamp = 1;
	t.f.rtstamp_prev = &prev;
	trec_rec(&t)->t0 = 7000000000;
	cr_assert_str_eq(trec_line(&t, &c_exit_group), "     0.000000 exit_group(3) = ?\n");
	trec_rec(&t)->t0 = 8234567891;
	cr_assert_str_eq(trec_line(&t, &c_exit_group), "     1.234567 exit_group(3) = ?\n");
	t.f.rtstamp_prec = 0;
	t.f.tstamp = SCT_TS_TIME;
	trec_rec(&t)->t0 = 8300000000;
	cr_assert_str_eq(trec_line(&t, &c_exit_group), "00:00:08 (+     0) exit_group(3) = ?\n");
}

Test(format_line, exit_signal_note)
{
	trec_init(&t, 0, 3, 0, 0, 0, 0, 0);
	trec_rec(&t)->kind = SCT_REC_EXIT;
	cr_assert_str_eq(trec_line(&t, NULL), "+++ exited with 3 +++\n");
	trec_rec(&t)->tid = 4596;
	t.f.prefix = 2;
	cr_assert_str_eq(trec_line(&t, NULL), "4596  +++ exited with 3 +++\n");

	trec_init(&t, 0, 11, 0, 0, 0, 0, 0);
	trec_rec(&t)->kind = SCT_REC_SIGNAL;
	cr_assert_str_eq(trec_line(&t, NULL), "+++ killed by SIGSEGV +++\n");
	trec_rec(&t)->arg[1] = 1;
	cr_assert_str_eq(trec_line(&t, NULL), "+++ killed by SIGSEGV (core dumped) +++\n");

	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	trec_rec(&t)->kind = SCT_REC_NOTE;
	trec_rec(&t)->pid = 77;
	trec_blob(&t, SCT_BLOB_ARG_TEXT, SCT_BLOB_IN, S("static binary, not traced"), 0);
	cr_assert_str_eq(trec_line(&t, NULL), "sctrace: pid 77 says: static binary, not traced\n");

	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	trec_rec(&t)->kind = SCT_REC_PAD;
	cr_assert_str_eq(trec_line(&t, NULL), "");
}

Test(format_line, column_survives_a_flush)
{
	char small[64];
	int p[2];
	char back[256];
	ssize_t n;

	cr_assert_eq(pipe(p), 0);
	sct_out_init(&t.o, small, sizeof(small), p[1]);
	trec_init(&t, 0, 3, 0, 0, 0, 0, 0);
	for (int i = 0; i < 3; i++)
		sct_format_record_call(&t.o, trec_rec(&t), &c_close, &t.f);
	sct_out_flush(&t.o);
	n = read(p[0], back, sizeof(back) - 1);
	back[n < 0 ? 0 : n] = 0;
	cr_assert_str_eq(back,
			 "close(3)                                = 0\n"
			 "close(3)                                = 0\n"
			 "close(3)                                = 0\n");
	close(p[0]);
	close(p[1]);
}
