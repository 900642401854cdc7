/* File-family decoders one argument at a time; expected text from strace 6.1. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_open = { "openat", 0, 4, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(OFLAGS, NOAUX), A(MODE_CREAT, 2) } };
static const struct sct_call c_at = { "unlinkat", 0, 3, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(ATFLAGS, NOAUX) } };
static const struct sct_call c_faccessat2 = { "faccessat2", 0, 4, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(ACCMODE, NOAUX), A(ATFLAGS, NOAUX) } };
static const struct sct_call c_statx = { "statx", 0, 5, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(ATFLAGS, NOAUX), A(STATX_MASK, NOAUX), A(STATX, NOAUX) } };
static const struct sct_call c_rename = { "renameat2", 0, 5, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(DIRFD, NOAUX), A(PATH, NOAUX), A(RENAMEFL, NOAUX) } };
static const struct sct_call c_pipe2 = { "pipe2", 0, 2, SCT_R_INT,
	{ A(PIPEFD, NOAUX), A(OFLAGS_NA, NOAUX) } };
static const struct sct_call c_str = { "sethostname", 0, 2, SCT_R_INT,
	{ A(STR, NOAUX), A(ULONG, NOAUX) } };
static const struct sct_call c_readlink = { "readlink", 0, 3, SCT_R_INT,
	{ A(PATH, NOAUX), A(BUF_OUT, 2), A(ULONG, NOAUX) } };
static const struct sct_call c_getcwd = { "getcwd", 0, 2, SCT_R_INT,
	{ A(BUF_OUT, 1), A(ULONG, NOAUX) } };

static const char *oflags(uint64_t v)
{
	trec_init(&t, 0, 0, 0, v, 0, 0, 0);
	return trec_arg(&t, &c_open, 2);
}

Test(format_file, open_flags)
{
	cr_assert_str_eq(oflags(0), "O_RDONLY");
	cr_assert_str_eq(oflags(3), "O_ACCMODE");
	cr_assert_str_eq(oflags(02 | 0100 | 0200 | 02000 | 04000 | 04010000),
			 "O_RDWR|O_CREAT|O_EXCL|O_APPEND|O_NONBLOCK|O_SYNC");
	cr_assert_str_eq(oflags(0400000 | 010000000 | 0200000 | 0x40000000),
			 "O_RDONLY|O_NOFOLLOW|O_PATH|O_DIRECTORY|0x40000000");
	cr_assert_str_eq(oflags(2 | 020200000), "O_RDWR|O_TMPFILE");
	cr_assert_str_eq(oflags(1 | 0400 | 010000 | 040000 | 01000000 | 020000),
			 "O_WRONLY|O_NOCTTY|O_DSYNC|O_DIRECT|O_NOATIME|FASYNC");
	/* every bit but the access mode */
	cr_assert_str_eq(oflags(0xfffffffc),
			 "O_RDONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|"
			 "O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0xff80003c");
	/* the kernel takes an int: high bits are not shown */
	cr_assert_str_eq(oflags(0x100000040), "O_RDONLY|O_CREAT");
}

Test(format_file, mode_only_with_creat_or_tmpfile)
{
	trec_init(&t, 0, 0, 0, 0, 0644, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 3), "<omitted>");
	trec_init(&t, 0, 0, 0, 0100, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 3), "000");
	trec_init(&t, 0, 0, 0, 0100, 07777, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 3), "07777");
	trec_init(&t, 0, 0, 0, 020200002, 0600, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 3), "0600");
}

Test(format_file, dirfd)
{
	trec_init(&t, 0, 0xffffff9c, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 0), "AT_FDCWD");
	trec_init(&t, 0, (uint64_t)-1, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 0), "-1");
}

Test(format_file, at_flags_by_call)
{
	trec_init(&t, 0, 0, 0, 0x200, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_at, 2), "AT_REMOVEDIR");
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_at, 2), "0");
	trec_init(&t, 0, 0, 0, 0x9f00, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_at, 2),
			 "AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE");
	trec_init(&t, 0, 0, 0, 0x40000, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_at, 2), "0x40000 /* AT_??? */");

	trec_init(&t, 0, 0, 0, 2, 0x200, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_faccessat2, 3), "AT_EACCESS");
	cr_assert_str_eq(trec_arg(&t, &c_faccessat2, 2), "W_OK");

	trec_init(&t, 0, 0, 0, 0x900, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 2),
			 "AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT");
	trec_init(&t, 0, 0, 0, 0x6000 | 0x8000, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 2),
			 "AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC|AT_RECURSIVE");
	trec_init(&t, 0, 0, 0, 0x4000, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 2), "AT_STATX_DONT_SYNC");
}

Test(format_file, access_rename_statx_masks)
{
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_faccessat2, 2), "F_OK");
	trec_init(&t, 0, 0, 0, 7, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_faccessat2, 2), "R_OK|W_OK|X_OK");
	trec_init(&t, 0, 0, 0, 0x10, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_faccessat2, 2), "0x10 /* ?_OK */");

	trec_init(&t, 0, 0, 0, 0, 0, 1, 0);
	cr_assert_str_eq(trec_arg(&t, &c_rename, 4), "RENAME_NOREPLACE");
	trec_init(&t, 0, 0, 0, 0, 0, 0xe, 0);
	cr_assert_str_eq(trec_arg(&t, &c_rename, 4), "RENAME_EXCHANGE|RENAME_WHITEOUT|0x8");

	trec_init(&t, 0, 0, 0, 0, 0x7ff, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 3), "STATX_BASIC_STATS");
	trec_init(&t, 0, 0, 0, 0, 0x3fff | 0x80000000, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 3), "STATX_ALL|STATX_MNT_ID|STATX_DIOALIGN|0x80000000");
	trec_init(&t, 0, 0, 0, 0, 0x80000000, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 3), "0x80000000 /* STATX_??? */");
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_statx, 3), "0");
}

Test(format_file, pipe_flags)
{
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_pipe2, 1), "0");
	trec_init(&t, 0, 0, 02000000, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_pipe2, 1), "O_CLOEXEC");
	trec_init(&t, -24, 0x7ffc0000, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_pipe2, 0), "0x7ffc0000");
}

Test(format_file, strings_and_paths)
{
	static const char longpath[] = "/a/very/long/path/that/is/longer/than/thirty/two/bytes";

	/* a path is never cut at -s */
	trec_init(&t, 0, 0, 0x1000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, longpath, sizeof(longpath), 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 1), "\"/a/very/long/path/that/is/longer/than/thirty/two/bytes\"");
	/* a NULL path */
	trec_init(&t, -14, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 1), "NULL");
	/* a path that could not be read */
	trec_init(&t, -14, 0, 0x10, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_open, 1), "0x10");

	/* a string is: 33 bytes captured of a longer one */
	trec_init(&t, 0, 0x1000, 40, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, longpath, 33, SCT_BF_TRUNC);
	cr_assert_str_eq(trec_arg(&t, &c_str, 0), "\"/a/very/long/path/that/is/longer\"...");
	trec_init(&t, 0, 0x1000, 40, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, "host\0", 5, 0);
	t.f.strsize = 3;
	cr_assert_str_eq(trec_arg(&t, &c_str, 0), "\"hos\"...");
}

Test(format_file, in_buffers)
{
	static const struct sct_call c_noaux = { "write", 0, 3, SCT_R_INT,
		{ A(FD, NOAUX), A(BUF_IN, NOAUX), A(ULONG, NOAUX) } };
	static const struct sct_call c_write = { "write", 0, 3, SCT_R_INT,
		{ A(FD, NOAUX), A(BUF_IN, 2), A(ULONG, NOAUX) } };

	trec_init(&t, 4, 1, 0x1000, 4, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "ab\0c", 4, 0);
	cr_assert_str_eq(trec_arg(&t, &c_write, 1), "\"ab\\0c\"");
	trec_init(&t, 5, 1, 0x1000, 5, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "ab\0\0c", 5, 0);
	cr_assert_str_eq(trec_arg(&t, &c_write, 1), "\"ab\\0\\0c\"");
	/* fewer bytes captured than the length says: still cut */
	trec_init(&t, 100, 1, 0x1000, 100, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "abc", 3, SCT_BF_TRUNC);
	cr_assert_str_eq(trec_arg(&t, &c_write, 1), "\"abc\"...");
	trec_init(&t, 100, 1, 0x1000, 100, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "abc", 3, SCT_BF_TRUNC);
	cr_assert_str_eq(trec_arg(&t, &c_noaux, 1), "\"abc\"...");
	trec_init(&t, 0, 1, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_noaux, 1), "NULL");
}

Test(format_file, out_buffers)
{
	trec_init(&t, 8, 0x1000, 0x2000, 100, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, "/tmp/o/b", 8, 0);
	cr_assert_str_eq(trec_arg(&t, &c_readlink, 1), "\"/tmp/o/b\"");
	trec_init(&t, -2, 0x1000, 0x7ffc3ca031a0, 100, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_readlink, 1), "0x7ffc3ca031a0");
	/* getcwd("/tmp/o", 100) = 7: the length counts the NUL */
	trec_init(&t, 7, 0x2000, 100, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, "/tmp/o\0", 7, 0);
	cr_assert_str_eq(trec_arg(&t, &c_getcwd, 0), "\"/tmp/o\"");
}

/* strace's printpath shows at most PATH_MAX - 1 bytes of a path: one of 4096 bytes
 * without its NUL prints 4095 and "..." (check-strace printpath-umovestr). */
Test(format_file, path_cut_at_path_max)
{
	static const struct sct_call c_chdir = { "chdir", 0, 1, SCT_R_INT, { A(PATH, NOAUX) } };
	static char path[4096], want[4096 + 64];

	memset(path, '/', sizeof(path));
	trec_init(&t, -36, 0x1000, 0, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, path, sizeof(path), SCT_BF_TRUNC);
	snprintf(want, sizeof(want), "chdir(\"%.4095s\"...) = -1 ENAMETOOLONG (File name too long)\n", path);
	cr_assert_str_eq(trec_line(&t, &c_chdir), want);
	/* 4095 bytes and the NUL: the whole path */
	path[4095] = 0;
	trec_init(&t, -2, 0x1000, 0, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, path, sizeof(path), 0);
	snprintf(want, sizeof(want), "chdir(\"%s\") = -1 ENOENT (No such file or directory)\n", path);
	cr_assert_str_eq(trec_line(&t, &c_chdir), want);
}
