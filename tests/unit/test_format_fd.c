/* -y, -yy, -P and -v in whole lines: descriptors printed from their SCT_BLOB_FDPATH
 * entries, calls kept or left out by -P, execve's argv and envp with unreadable
 * elements and unabbreviated, struct stat with -v; expected text from strace 6.1 on
 * this machine (tests/e2e/scenarios/decode-fds.sh compares the same with strace). */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_read = { "read", SCT_C(DESC), 3, SCT_R_INT,
	{ A(FD, NOAUX), A(PTR, NOAUX), A(ULONG, NOAUX) } };
static const struct sct_call c_close = { "close", SCT_C(DESC), 1, SCT_R_INT,
	{ A(FD_PRE, NOAUX) } };
static const struct sct_call c_openat = { "openat", SCT_C(FILE) | SCT_C(DESC), 3, SCT_R_FD,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(OFLAGS, NOAUX) } };
static const struct sct_call c_pipe2 = { "pipe2", SCT_C(DESC), 2, SCT_R_INT,
	{ A(PIPEFD, NOAUX), A(OFLAGS_NA, NOAUX) } };
static const struct sct_call c_rename = { "rename", SCT_C(FILE), 2, SCT_R_INT,
	{ A(PATH, NOAUX), A(PATH, NOAUX) } };
static const struct sct_call c_getpid = { "getpid", 0, 0, SCT_R_INT, { A(INT, NOAUX) } };
static const struct sct_call c_execve = { "execve", 0, 3, SCT_R_INT,
	{ A(PATH, NOAUX), A(ARGV, NOAUX), A(ENVP, NOAUX) } };
static const struct sct_call c_stat = { "newfstatat", 0, 4, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(STAT, NOAUX), A(ATFLAGS, NOAUX) } };

#define S(x) x, sizeof(x) - 1

/* An FDPATH blob of up to two entries: { fd, len, dev_type, major, minor, flags } + path */
static void fdpath(unsigned arg, int fd, const char *path, uint32_t dev_type, uint32_t flags,
		   int fd2, const char *path2)
{
	unsigned char b[1024];
	size_t n = 0;

	for (int k = 0; k < 2; k++) {
		struct sct_fdpath_ent e = { k ? fd2 : fd, 0, dev_type, 1, 3, flags };
		const char *p = k ? path2 : path;
		if (!p)
			break;
		e.len = (uint32_t)strlen(p);
		memcpy(b + n, &e, sizeof(e));
		memset(b + n + sizeof(e), 0, sct_align8(e.len));
		memcpy(b + n + sizeof(e), p, e.len);
		n += sizeof(e) + sct_align8(e.len);
	}
	trec_blob(&t, arg, SCT_BLOB_FDPATH, b, (uint32_t)n, 0);
}

Test(format_fd, plain_without_y)
{
	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	fdpath(0, 3, "/dev/null", 0, 0, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_read), "read(3, 0x1000, 1)                      = 0\n");
}

Test(format_fd, paths_with_y)
{
	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_PATH;
	fdpath(0, 3, "/dev/null", 'c', 0, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_read), "read(3</dev/null>, 0x1000, 1)           = 0\n");

	/* '<' and '>' in octal, the rest as strace quotes without the quotes */
	trec_init(&t, 0, 4, 0, 0, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_PATH;
	fdpath(0, 4, "/tmp/a<b>\n\"q\" \\", 0, 1, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_close),
			 "close(4</tmp/a\\74b\\76\\n\\\"q\\\" \\\\>(deleted)) = 0\n");

	/* an entry for another descriptor is not this one's */
	trec_init(&t, -9, 5, 0, 0, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_PATH;
	fdpath(0, 6, "/etc", 0, 0, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_close), "close(5)                                = -1 EBADF (Bad file descriptor)\n");
}

Test(format_fd, dirfd_cwd_and_returned_fd)
{
	trec_init(&t, 3, (uint64_t)-100, 0x1000, 0, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_PATH;
	fdpath(0, -100, "/home/me", 0, 0, 0, NULL);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/dev/null"), 0);
	fdpath(SCT_BLOB_ARG_RET, 3, "/dev/null", 'c', 0, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(AT_FDCWD</home/me>, \"/dev/null\", O_RDONLY) = 3</dev/null>\n");
	/* -yy: the device's numbers */
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(AT_FDCWD</home/me>, \"/dev/null\", O_RDONLY) = 3</dev/null<char 1:3>>\n");
}

/* --decode-fds=SET: each part of the set shows its own kind of descriptor only, in
 * strace's order (socket, dev, pidfd, path); AT_FDCWD's directory with "path" only */
Test(format_fd, decode_fds_parts)
{
	trec_init(&t, 3, (uint64_t)-100, 0x1000, 0, 0, 0, 0);
	fdpath(0, -100, "/home/me", 0, 0, 0, NULL);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/dev/null"), 0);
	fdpath(SCT_BLOB_ARG_RET, 3, "/dev/null", 'c', 0, 0, NULL);
	t.f.decode_fds = SCT_DECODE_FD_DEV;
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 3</dev/null<char 1:3>>\n");
	t.f.decode_fds = SCT_DECODE_FD_SOCKET | SCT_DECODE_FD_PIDFD;
	cr_assert_str_eq(trec_line(&t, &c_openat),
			 "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 3\n");

	/* a pidfd: its process with "pidfd" (the pid in the entry's dev_major), the
	 * path with "path" alone */
	trec_init(&t, 0, 3, 0, 0, 0, 0, 0);
	fdpath(0, 3, "anon_inode:[pidfd]", 'p', 0, 0, NULL);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	cr_assert_str_eq(trec_line(&t, &c_close), "close(3<pid:1>)                         = 0\n");
	t.f.decode_fds = SCT_DECODE_FD_PATH;
	cr_assert_str_eq(trec_line(&t, &c_close), "close(3<anon_inode:[pidfd]>)            = 0\n");
	t.f.decode_fds = SCT_DECODE_FD_SOCKET;
	cr_assert_str_eq(trec_line(&t, &c_close), "close(3)                                = 0\n");
}

Test(format_fd, pipe_pair)
{
	int fds[2] = { 3, 4 };

	trec_init(&t, 0, 0x1000, 0, 0, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	trec_blob(&t, 0, SCT_BLOB_OUT, fds, 8, 0);
	fdpath(0, 3, "pipe:[77]", 0, 0, 4, "socket:[78]");
	cr_assert_str_eq(trec_line(&t, &c_pipe2),
			 "pipe2([3<pipe:[77]>, 4<socket:[78]>], 0) = 0\n");
}

Test(format_fd, trace_path)
{
	static const char *const paths[] = { "/dev/null", "tp" };

	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.paths = paths;
	t.f.npaths = 2;
	fdpath(0, 3, "/dev/null", 0, 0, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_read), "read(3, 0x1000, 1)                      = 0\n",
			 "-P without -y prints no path");

	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.paths = paths;
	t.f.npaths = 2;
	fdpath(0, 3, "/dev/zero", 0, 0, 0, NULL);
	cr_assert_str_eq(trec_line(&t, &c_read), "");

	/* AT_FDCWD names no path for -P, even the working directory */
	trec_init(&t, 3, (uint64_t)-100, 0x1000, 0, 0, 0, 0);
	t.f.paths = (const char *const[]){ "/home/me" };
	t.f.npaths = 1;
	fdpath(0, -100, "/home/me", 0, 0, 0, NULL);
	trec_blob(&t, 1, SCT_BLOB_IN, S("x"), 0);
	cr_assert_str_eq(trec_line(&t, &c_openat), "");

	/* rename: its first path only */
	trec_init(&t, 0, 0x1000, 0x2000, 0, 0, 0, 0);
	t.f.paths = paths;
	t.f.npaths = 2;
	trec_blob(&t, 0, SCT_BLOB_IN, S("a"), 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("tp"), 0);
	cr_assert_str_eq(trec_line(&t, &c_rename), "");
	trec_init(&t, 0, 0x1000, 0x2000, 0, 0, 0, 0);
	t.f.paths = paths;
	t.f.npaths = 2;
	trec_blob(&t, 0, SCT_BLOB_IN, S("tp"), 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("a"), 0);
	cr_assert_str_eq(trec_line(&t, &c_rename), "rename(\"tp\", \"a\")                       = 0\n");

	/* calls outside the file, desc and network classes never match */
	trec_init(&t, 42, 0, 0, 0, 0, 0, 0);
	t.f.paths = paths;
	t.f.npaths = 2;
	cr_assert_str_eq(trec_line(&t, &c_getpid), "");
}

/* argv blob element: { len, flags } + bytes */
static size_t elem(unsigned char *b, const void *p, uint32_t len, uint32_t flags)
{
	memcpy(b, &len, 4);
	memcpy(b + 4, &flags, 4);
	memset(b + 8, 0, sct_align8(len));
	memcpy(b + 8, p, len);
	return 8 + sct_align8(len);
}

Test(format_fd, execve_unreadable_elements_and_v)
{
	unsigned char av[256], ev[256];
	uint64_t count = 3, bad = 0xffffffffffffffffull;
	size_t n = 8, m = 8;
	static uint64_t all[SCT_MAX_CALLS / 64] = { 1 };	/* the record's call, 0 */

	memcpy(av, &count, 8);
	n += elem(av + n, "x", 1, 0);
	n += elem(av + n, &bad, 8, SCT_BF_ADDR);
	n += elem(av + n, "y", 1, 0);
	count = 2;
	memcpy(ev, &count, 8);
	m += elem(ev + m, "A=1", 3, 0);
	m += elem(ev + m, "B=2", 3, 0);

	trec_init(&t, -13, 0x1000, 0x2000, 0x3000, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("f"), 0);
	trec_blob(&t, 1, SCT_BLOB_IN, av, (uint32_t)n, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, ev, (uint32_t)m, 0);
	cr_assert_str_eq(trec_line(&t, &c_execve),
			 "execve(\"f\", [\"x\", 0xffffffffffffffff, \"y\"], 0x3000 /* 2 vars */) = -1 EACCES (Permission denied)\n");
	t.f.no_abbrev = all;
	cr_assert_str_eq(trec_line(&t, &c_execve),
			 "execve(\"f\", [\"x\", 0xffffffffffffffff, \"y\"], [\"A=1\", \"B=2\"]) = -1 EACCES (Permission denied)\n");

	/* an envp whose first pointer cannot be read has no blob: the address alone */
	trec_init(&t, -2, 0x1000, 0, 0x3000, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("f"), 0);
	cr_assert_str_eq(trec_line(&t, &c_execve),
			 "execve(\"f\", NULL, 0x3000)               = -1 ENOENT (No such file or directory)\n");
}

Test(format_fd, stat_verbose)
{
	unsigned char st[144] = { 0 };
	uint64_t dev = 0xfe00, ino = 861, nlink = 1, size = 1221, blksize = 4096, blocks = 8;
	uint32_t mode = 0100644;
	int64_t at = 1796005343, atn = 373568475, mt = 1779294449;
	static uint64_t all[SCT_MAX_CALLS / 64] = { 1 };

	memcpy(st, &dev, 8); memcpy(st + 8, &ino, 8); memcpy(st + 16, &nlink, 8);
	memcpy(st + 24, &mode, 4); memcpy(st + 48, &size, 8); memcpy(st + 56, &blksize, 8);
	memcpy(st + 64, &blocks, 8); memcpy(st + 72, &at, 8); memcpy(st + 80, &atn, 8);
	memcpy(st + 88, &mt, 8); memcpy(st + 104, &mt, 8);
	trec_init(&t, 0, (uint64_t)-100, 0x1000, 0x2000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, S("/etc/passwd"), 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, st, sizeof(st), 0);
	cr_assert_str_eq(trec_line(&t, &c_stat),
			 "newfstatat(AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, ...}, 0) = 0\n");
	t.f.no_abbrev = all;
	cr_assert_str_eq(trec_line(&t, &c_stat),
			 "newfstatat(AT_FDCWD, \"/etc/passwd\", {st_dev=makedev(0xfe, 0), st_ino=861, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=1221, st_atime=1796005343 /* 2026-11-30T02:22:23.373568475+0000 */, st_atime_nsec=373568475, st_mtime=1779294449 /* 2026-05-20T16:27:29+0000 */, st_mtime_nsec=0, st_ctime=1779294449 /* 2026-05-20T16:27:29+0000 */, st_ctime_nsec=0}, 0) = 0\n");
	/* -e verbose= leaving the call out: the structure's address, the path still */
	t.f.no_abbrev = NULL;
	t.f.not_verbose = all;
	cr_assert_str_eq(trec_line(&t, &c_stat),
			 "newfstatat(AT_FDCWD, \"/etc/passwd\", 0x2000, 0) = 0\n");
}

/* An FDPATH entry "socket:[N]" with -yy's details */
static void sock_ent(unsigned arg, int fd, const char *path, const struct sct_fdpath_sock *k)
{
	unsigned char b[256];
	struct sct_fdpath_ent e = { fd, (uint32_t)strlen(path), 0, 0, 0, k ? SCT_FDP_SOCK : 0 };
	size_t n = sizeof(e);

	memcpy(b, &e, sizeof(e));
	memset(b + n, 0, sct_align8(e.len));
	memcpy(b + n, path, e.len);
	n += sct_align8(e.len);
	if (k) {
		memcpy(b + n, k, sizeof(*k));
		n += sizeof(*k);
	}
	trec_blob(&t, arg, SCT_BLOB_FDPATH, b, (uint32_t)n, 0);
}

Test(format_fd, sockets_yy)
{
	static struct sct_sock_cache cache[SCT_SOCK_CACHE];
	struct sct_fdpath_sock tcp = { .proto = "TCP", .family = 2, .has_dst = 1, .sport = 80,
		.dport = 4242, .src = { 127, 0, 0, 1 }, .dst = { 127, 0, 0, 1 } };
	struct sct_fdpath_sock v6 = { .proto = "UDPv6", .family = 10, .sport = 53, .src = { [15] = 1 } };
	struct sct_fdpath_sock bare = { .proto = "UNIX-STREAM" };

	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	sock_ent(0, 3, "socket:[77]", &tcp);
	cr_assert_str_eq(trec_line(&t, &c_read),
			 "read(3<TCP:[127.0.0.1:80->127.0.0.1:4242]>, 0x1000, 1) = 0\n");
	t.f.decode_fds = SCT_DECODE_FD_PATH;
	cr_assert_str_eq(trec_line(&t, &c_read), "read(3<socket:[77]>, 0x1000, 1)         = 0\n");

	trec_init(&t, 0, 4, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	sock_ent(0, 4, "socket:[78]", &v6);
	cr_assert_str_eq(trec_line(&t, &c_read), "read(4<UDPv6:[[::1]:53]>, 0x1000, 1)    = 0\n");

	trec_init(&t, 0, 5, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	sock_ent(0, 5, "socket:[79]", &bare);
	cr_assert_str_eq(trec_line(&t, &c_read), "read(5<UNIX-STREAM:[79]>, 0x1000, 1)    = 0\n");

	/* a bound UNIX socket's name; an abstract one after '@' */
	bare.unix_len = 6;
	memcpy(bare.unix_path, "\0ab\"c\0", 6);
	trec_init(&t, 0, 5, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	sock_ent(0, 5, "socket:[79]", &bare);
	cr_assert_str_eq(trec_line(&t, &c_read), "read(5<UNIX-STREAM:[79,@\"ab\\\"c\"]>, 0x1000, 1) = 0\n");

	/* the runner's cache: a socket shows what was first seen of it, as strace */
	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	t.f.sock_cache = cache;
	sock_ent(0, 3, "socket:[77]", &tcp);
	trec_line(&t, &c_read);
	tcp.has_dst = 0;
	tcp.sport = 9;
	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	t.f.sock_cache = cache;
	sock_ent(0, 3, "socket:[77]", &tcp);
	cr_assert_str_eq(trec_line(&t, &c_read),
			 "read(3<TCP:[127.0.0.1:80->127.0.0.1:4242]>, 0x1000, 1) = 0\n");
	trec_init(&t, 0, 3, 0x1000, 1, 0, 0, 0);
	t.f.decode_fds = SCT_DECODE_FD_ALL;
	t.f.sock_cache = cache;
	sock_ent(0, 3, "socket:[77]", NULL);
	cr_assert_str_eq(trec_line(&t, &c_read),
			 "read(3<TCP:[127.0.0.1:80->127.0.0.1:4242]>, 0x1000, 1) = 0\n");
}
