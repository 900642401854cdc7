/* Every x86-64 system call, formatted from its number alone, against what strace 6.1
 * printed for the same call made with the same arguments (tests/golden/README): the
 * arity, the order of arguments, numbers vs addresses, signedness and the constant
 * tables of gen/xlat/.  A call whose line still differs is listed below with the
 * reason; a listed call that stops differing fails too, so the list stays true. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "format_rec.h"

/* Lines that differ from strace's on purpose or for want of a decoder; "name/set"
 * when only one argument set differs. */
static const char *const known[] = {
	"rt_sigreturn",		/* strace reads the signal frame from the stack */
	"restart_syscall",	/* strace names the call being restarted */
	/* arguments whose meaning depends on another (a command or a type): no decoder yet */
	"membarrier", "ptrace",
	NULL
};

static int is_known(const char *name, const char *set)
{
	char both[128];

	snprintf(both, sizeof(both), "%s/%s", name, set);
	for (const char *const *k = known; *k; k++)
		if (!strcmp(*k, name) || !strcmp(*k, both))
			return 1;
	return 0;
}

static struct trec t;

/* Compare the golden file's lines with ours; the count of differing lines. */
static int compare(const char *set, const uint64_t a[6])
{
	char path[128], want[4096];
	FILE *f;
	int bad = 0, n = 0;

	snprintf(path, sizeof(path), "tests/golden/%s.txt", set);
	f = fopen(path, "r");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	for (long nr = 0; nr <= 450; nr++) {
		struct sct_rec *r;
		const char *got;
		char name[64];

		if (nr == 231 || (nr > 334 && nr < 424))
			continue;
		cr_assert_not_null(fgets(want, sizeof(want), f), "%s: ends before call %ld", path, nr);
		n++;
		r = trec_init(&t, -ENOSYS, a[0], a[1], a[2], a[3], a[4], a[5]);
		r->call = (uint16_t)sct_call_for_nr((unsigned long)nr);
		got = trec_line(&t, NULL);
		snprintf(name, sizeof(name), "%.*s", (int)strcspn(want, "("), want);
		if (!strcmp(got, want)) {
			cr_expect_not(is_known(name, set), "%s: %s matches strace now: take it off the list",
				      set, name);
			continue;
		}
		if (is_known(name, set))
			continue;
		bad++;
		cr_log_error("%s nr %ld:\n  strace:  %s  sctrace: %s", set, nr, want, got);
	}
	cr_assert_null(fgets(want, sizeof(want), f), "%s: more lines than calls", path);
	fclose(f);
	return bad;
}

#define SAME(v) { v, v, v, v, v, v }

Test(format_golden, args_1)
{
	static const uint64_t a[6] = { 1, 2, 3, 4, 5, 6 };
	int bad = compare("args_1", a);
	cr_assert_eq(bad, 0, "args_1: %d lines differ from strace's", bad);
}

Test(format_golden, args_0)
{
	static const uint64_t a[6] = SAME(0);
	int bad = compare("args_0", a);
	cr_assert_eq(bad, 0, "args_0: %d lines differ from strace's", bad);
}

Test(format_golden, args_m1)
{
	static const uint64_t a[6] = SAME(UINT64_MAX);
	int bad = compare("args_m1", a);
	cr_assert_eq(bad, 0, "args_m1: %d lines differ from strace's", bad);
}

Test(format_golden, args_big)
{
	static const uint64_t a[6] = SAME(0x100000005ull);
	int bad = compare("args_big", a);
	cr_assert_eq(bad, 0, "args_big: %d lines differ from strace's", bad);
}

/* Numbers the headers do not know print as strace prints them: syscall_0x1c3(0x1, ...) */
Test(format_golden, unknown_numbers)
{
	char want[4096];
	FILE *f = fopen("tests/golden/unknown.txt", "r");

	cr_assert_not_null(f);
	for (long nr = 451; nr <= 470; nr++) {
		struct sct_rec *r = trec_init(&t, -ENOSYS, 1, 2, 3, 4, 5, 6);

		cr_assert_not_null(fgets(want, sizeof(want), f));
		cr_assert_eq(sct_call_of_nr[nr], SCT_CALL_NONE);
		r->call = (uint16_t)sct_call_for_nr((unsigned long)nr);
		cr_assert_str_eq(trec_line(&t, NULL), want);
	}
	fclose(f);
}
