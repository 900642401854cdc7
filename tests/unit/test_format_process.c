/* Process calls as whole lines: execve's argv/envp, wait4's status, clone's named
 * arguments; expected text from strace 6.1 on this machine. */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_execve = { "execve", 0, 3, SCT_R_INT,
	{ A(PATH, NOAUX), A(ARGV, NOAUX), A(ENVP, NOAUX) } };
static const struct sct_call c_wait4 = { "wait4", 0, 4, SCT_R_INT,
	{ A(PID, NOAUX), A(WSTATUS, NOAUX), A(WOPTIONS, NOAUX), A(PTR, NOAUX) } };
static const struct sct_call c_clone = { "clone", 0, 5, SCT_R_INT,
	{ A(CLONEFL, NOAUX), A(PTR, NOAUX), A(PTR, NOAUX), A(PTR, NOAUX), A(PTR, NOAUX) } };

#define S(x) x, sizeof(x) - 1

/* argv blob: count, then { captured, flags, bytes padded to 8 } */
static void argv_blob(struct trec *r, unsigned arg, const char *const *v, uint64_t count, unsigned strsize)
{
	unsigned char b[4096];
	size_t n = 8;

	memcpy(b, &count, 8);
	for (uint64_t i = 0; i < count && i < strsize + 1; i++) {
		uint32_t len = (uint32_t)strlen(v[i]), flags = 0;

		if (len > strsize + 1) {
			len = strsize + 1;
			flags = SCT_BF_TRUNC;
		}
		memcpy(b + n, &len, 4);
		memcpy(b + n + 4, &flags, 4);
		memset(b + n + 8, 0, sct_align8(len));
		memcpy(b + n + 8, v[i], len);
		n += 8 + sct_align8(len);
	}
	trec_blob(r, arg, SCT_BLOB_IN, b, (uint32_t)n, 0);
}

Test(format_process, execve)
{
	static const char *const av[] = { "/bin/true", "-l", "a\nb",
		"0123456789012345678901234567890123456789" };
	static const char *many[40];
	uint64_t nenv = 2;

	trec_init(&t, -13, 0x1000, 0x2000, 0x7ffc3ca03150, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("/nonexist\0"), 0);
	argv_blob(&t, 1, av, 4, 32);
	trec_blob(&t, 2, SCT_BLOB_IN, &nenv, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_execve),
			 "execve(\"/nonexist\", [\"/bin/true\", \"-l\", \"a\\nb\", \"01234567890123456789012345678901\"...], 0x7ffc3ca03150 /* 2 vars */) = -1 EACCES (Permission denied)\n");

	trec_init(&t, -13, 0x1000, 0, 0x7ffc3ca03150, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("/nonexist\0"), 0);
	nenv = 1;
	trec_blob(&t, 2, SCT_BLOB_IN, &nenv, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_execve),
			 "execve(\"/nonexist\", NULL, 0x7ffc3ca03150 /* 1 var */) = -1 EACCES (Permission denied)\n");

	for (int i = 0; i < 40; i++)
		many[i] = "x";
	trec_init(&t, -13, 0x1000, 0x2000, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("/nonexist\0"), 0);
	argv_blob(&t, 1, many, 39, 32);
	trec_line(&t, &c_execve);
	cr_assert(strstr(t.text, "\"x\", \"x\", ...], NULL) = -1 EACCES") != NULL, "%s", t.text);
	cr_assert_eq(strstr(t.text, "...]") - strchr(t.text, '['), 32 * 5 + 1);

	trec_init(&t, -13, 0x1000, 0x2000, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("/nonexist\0"), 0);
	argv_blob(&t, 1, many, 32, 32);
	trec_line(&t, &c_execve);
	cr_assert(strstr(t.text, "\"x\"], NULL)") != NULL, "%s", t.text);

	trec_init(&t, -13, 0x1000, 0x2000, 0x7ffe54f9d148, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("/nonexist\0"), 0);
	argv_blob(&t, 1, many, 0, 32);
	nenv = 0;
	trec_blob(&t, 2, SCT_BLOB_IN, &nenv, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_execve),
			 "execve(\"/nonexist\", [], 0x7ffe54f9d148 /* 0 vars */) = -1 EACCES (Permission denied)\n");
}

Test(format_process, wait4_and_clone)
{
	uint32_t s = 3 << 8;

	trec_init(&t, 4305, 4305, 0x7ffc0000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &s, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(4305, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 4305\n");
	s = 9;
	trec_init(&t, 4306, 4306, 0x7ffc0000, 0x40000003, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &s, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(4306, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], WNOHANG|WSTOPPED|__WALL, NULL) = 4306\n");
	s = 0x137f;
	trec_init(&t, 4308, 4308, 0x7ffc0000, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &s, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(4308, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 4308\n");
	s = 0xffff;
	trec_init(&t, 4308, 4308, 0x7ffc0000, 8, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &s, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(4308, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = 4308\n");
	s = 0x8b;
	trec_init(&t, 77, 77, 0x7ffc0000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &s, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(77, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = 77\n");
	trec_init(&t, -10, 4306, 0x7ffc3ca0319c, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(4306, 0x7ffc3ca0319c, 0, NULL)    = -1 ECHILD (No child processes)\n");
	trec_init(&t, -22, (uint64_t)-1, 0, 0xffffffff, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_wait4),
			 "wait4(-1, NULL, WNOHANG|WEXITED|WSTOPPED|WCONTINUED|WNOWAIT|__WCLONE|__WALL|__WNOTHREAD|0x1efffff0, NULL) = -1 EINVAL (Invalid argument)\n");

	trec_init(&t, 4305, 0x01200011, 0, 0, 0x7f1919890a10, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clone),
			 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f1919890a10) = 4305\n");
	trec_init(&t, 4552, 17, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clone),
			 "clone(child_stack=NULL, flags=SIGCHLD)  = 4552\n");
	trec_init(&t, 4553, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clone),
			 "clone(child_stack=NULL, flags=0)        = 4553\n");
	trec_init(&t, -22, 0x80010080, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clone),
			 "clone(child_stack=NULL, flags=CLONE_THREAD|CLONE_IO|128) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 4392, 0x1003d0f00, 0x1234, 0x5678, 0x9abc, 0xdef0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clone),
			 "clone(child_stack=0x1234, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|0x100000000, parent_tid=0x5678, tls=0xdef0, child_tidptr=0x9abc) = 4392\n");
}

/* personality: the domain by name, the flags after it, the query as a number; the
 * result in hex and decoded (strace's personality test) */
Test(format_process, personality)
{
	static const struct sct_call c_pers = { "personality", 0, 1, SCT_R_PERSONA,
		{ A(PERSONA, NOAUX) } };

	trec_init(&t, 0x7000000, 0x10006, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_pers),
			 "personality(PER_BSD|0x10000)            = 0x7000000 (PER_LINUX|SHORT_INODE|WHOLE_SECONDS|STICKY_TIMEOUTS)\n");
	trec_init(&t, 0x1f, 0xffffffff, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_pers),
			 "personality(0xffffffff)                 = 0x1f (0x1f /* PER_??? */)\n");
}
