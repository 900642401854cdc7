/* gen/spec.c: good lines parse into what the generator needs; every bad line stops
 * with "file:line: what is wrong". */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "gen/spec.h"
#include "kinds.h"

static struct spec s;
static char err[512];

static int parse(const char *text)
{
	err[0] = 0;
	return spec_parse(&s, "t.spec", text, err, sizeof(err));
}

Test(spec, call_line)
{
	cr_assert_eq(parse("# comment\n\ncall openat int file,desc dirfd path oflags mode_creat:2\n"), 0, "%s", err);
	cr_assert_eq(s.ncalls, 1);
	cr_assert_str_eq(s.calls[0].name, "openat");
	cr_assert_eq(s.calls[0].ret, SCT_R_INT);
	cr_assert_eq(s.calls[0].classes, SCT_C(FILE) | SCT_C(DESC));
	cr_assert_eq(s.calls[0].nargs, 4);
	cr_assert_eq(s.calls[0].kind[3], SCT_K_MODE_CREAT);
	cr_assert_eq(s.calls[0].aux[3], 2);
	cr_assert_eq(s.calls[0].aux[0], -1);
	cr_assert_eq(s.calls[0].line, 3);
}

Test(spec, hook_line_exports_without_a_call)
{
	cr_assert_eq(parse("hook prctl\nhook syscall syscall2\n"), 0, "%s", err);
	cr_assert_eq(s.nwraps, 2);
	cr_assert_eq(s.ncalls, 0);
	cr_assert_str_eq(s.wraps[0].name, "prctl");
	cr_assert(s.wraps[0].hand);
	cr_assert_eq(s.wraps[0].call, -1);
	cr_assert_eq(s.wraps[1].nalias, 1);
	cr_assert_str_eq(s.wraps[1].alias[0], "syscall2");
}

Test(spec, wrap_line_with_alias_variadic_and_options)
{
	const char *t =
		"call openat int file dirfd path oflags mode_creat:2\n"
		"wrap int open(const char *path, int flags, ... mode_t mode) open64 => openat(AT_FDCWD, path, flags, mode)\n"
		"call clock_nanosleep int clock clockid timerflags timespec timespec_out\n"
		"wrap int clock_nanosleep(clockid_t c, int f, const struct timespec *q, struct timespec *r2) => clock_nanosleep(c, f, q, r2) fail=(r != 0) err=r cancel=1\n";
	struct spec_wrap *w;

	cr_assert_eq(parse(t), 0, "%s", err);
	cr_assert_eq(s.nwraps, 2);
	w = &s.wraps[0];
	cr_assert_str_eq(w->name, "open");
	cr_assert_str_eq(w->rettype, "int");
	cr_assert_eq(w->nparams, 3);
	cr_assert_str_eq(w->param[0].type, "const char *");
	cr_assert_str_eq(w->param[0].name, "path");
	cr_assert(w->variadic);
	cr_assert(w->param[2].variadic);
	cr_assert_str_eq(w->param[2].type, "mode_t");
	cr_assert_eq(w->nalias, 1);
	cr_assert_str_eq(w->alias[0], "open64");
	cr_assert_str_eq(w->expr[0], "AT_FDCWD");
	cr_assert_str_eq(w->expr[3], "mode");
	cr_assert_null(w->fail);
	cr_assert_null(w->cancel);
	w = &s.wraps[1];
	cr_assert_eq(w->call, 1);
	cr_assert_str_eq(w->fail, "(r != 0)");
	cr_assert_str_eq(w->errexpr, "r");
	cr_assert_str_eq(w->cancel, "1");
}

Test(spec, expressions_keep_nested_commas_and_strings)
{
	cr_assert_eq(parse("call newfstatat int file dirfd path stat atflags\n"
			   "wrap int fstat(int fd, struct stat *st) => newfstatat(fd, \",\", f(st, 1), AT_EMPTY_PATH)\n"), 0, "%s", err);
	cr_assert_str_eq(s.wraps[0].expr[1], "\",\"");
	cr_assert_str_eq(s.wraps[0].expr[2], "f(st, 1)");
}

Test(spec, hand_line)
{
	cr_assert_eq(parse("call exit_group none process int\nhand _exit _Exit => exit_group\n"), 0, "%s", err);
	cr_assert(s.wraps[0].hand);
	cr_assert_str_eq(s.wraps[0].name, "_exit");
	cr_assert_str_eq(s.wraps[0].alias[0], "_Exit");
}

static void bad(const char *text, const char *want)
{
	cr_assert_eq(parse(text), -1, "accepted: %s", text);
	cr_assert_str_eq(err, want);
}

Test(spec, bad_lines_name_file_and_line)
{
	bad("call read int desc fd bogus ulong\n", "t.spec:1: read: unknown argument kind 'bogus'");
	bad("call read int desc fd buf_out ulong\nwrap ssize_t read(int fd, void *b, size_t n) => read(fd, b)\n",
	    "t.spec:2: read: read takes 3 arguments but 2 are given");
	bad("wrap int close(int fd) => close(fd)\n",
	    "t.spec:1: close: unknown call 'close' (define it with a call line first)");
	bad("call close int files fd\n", "t.spec:1: close: unknown class 'files'");
	bad("call close wide desc fd\n", "t.spec:1: close: unknown return kind 'wide'");
	bad("call write int desc fd buf_in:7 ulong\n", "t.spec:1: write: bad argument reference '7'");
	bad("call write int desc fd buf_in:5 ulong\n", "t.spec:1: write: argument 1 refers to argument 5 of 3");
	bad("call close int desc fd\ncall close int desc fd\n", "t.spec:2: close: call defined twice");
	bad("call exit_group none process int\nwrap void _exit(int c) => exit_group(c)\n",
	    "t.spec:2: _exit: void functions must be written by hand");
	bad("call close int desc fd\nwrap int close(int fd) close(fd)\n", "t.spec:2: wrap: missing '=> CALL'");
	bad("call close int desc fd\nwrap int close(int fd) => close(fd) when=1\n",
	    "t.spec:2: close: unexpected 'when=1'");
	bad("cal close int desc fd\n", "t.spec:1: expected 'call', 'wrap', 'hand', 'hook' or 'include', not 'cal close int desc f'");
	bad("call close int desc fd\nwrap int close(int) => close(fd)\n",
	    "t.spec:2: close: parameter 'int' needs a type and a name");
}

Test(spec, the_real_spec_parses)
{
	FILE *f = fopen("gen/syscalls.spec", "r");
	static char text[1 << 17];
	size_t n;

	cr_assert_not_null(f, "run from the source tree");
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = 0;
	cr_assert_eq(spec_parse(&s, "gen/syscalls.spec", text, err, sizeof(err)), 0, "%s", err);
	cr_assert_gt(s.ncalls, 90);
	cr_assert_gt(s.nwraps, 120);
}

/* --- the generated number table ------------------------------------------------- */
#include "calls.h"

/* Every number of the kernel headers on this machine has its call, under the same
 * name, both ways; read from the header's text, not through the macros the table
 * itself was built from. */
Test(spec, every_x86_64_number_maps_to_a_call)
{
	static const char *const paths[] = { "/usr/include/x86_64-linux-gnu/asm/unistd_64.h",
					      "/usr/include/asm/unistd_64.h" };
	FILE *f = NULL;
	char line[256], name[128];
	long nr;
	int n = 0;

	for (unsigned i = 0; i < 2 && !f; i++)
		f = fopen(paths[i], "r");
	cr_assert_not_null(f, "no <asm/unistd_64.h>");
	while (fgets(line, sizeof(line), f)) {
		unsigned c;

		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		n++;
		cr_assert_lt(nr, SCT_NR_MAX, "%s: number %ld", name, nr);
		c = sct_call_of_nr[nr];
		cr_assert_neq(c, SCT_CALL_NONE, "__NR_%s (%ld) has no call line", name, nr);
		cr_assert_str_eq(sct_calls[c].name, name, "number %ld", nr);
		cr_assert_eq(sct_nr_of_call[c], nr, "%s", name);
		cr_assert_eq(sct_call_for_nr((unsigned long)nr), c);
	}
	fclose(f);
	cr_assert_geq(n, 362, "only %d numbers read", n);
	cr_assert_eq(sct_call_for_nr(SCT_NR_MAX + 5), SCT_CALL_BY_NR | (SCT_NR_MAX + 5));
	cr_assert_eq(sct_call_for_nr(400), SCT_CALL_BY_NR | 400, "335..423 are not x86-64 calls");
}

/* --- constant data files -------------------------------------------------------- */

Test(spec, xlat_file)
{
	struct spec_xlat x;

	cr_assert_eq(xlat_parse(&x, "msync_flags", "m.in",
				"# comment\n@flags\n@unknown MS_???\nMS_SYNC 4\nMS_ASYNC 0x1\n", err,
				sizeof(err)), 0, "%s", err);
	cr_assert(x.flags);
	cr_assert_eq(x.bits, 32);
	cr_assert_str_eq(x.unknown, "MS_???");
	cr_assert_eq(x.n, 2);
	cr_assert_str_eq(x.ent[1].name, "MS_ASYNC");
	cr_assert_eq(x.ent[0].val, 4);
	cr_assert_eq(xlat_parse(&x, "t", "t.in", "A 1\n@bogus\n", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "t.in:2: unknown directive '@bogus'");
	cr_assert_eq(xlat_parse(&x, "t", "t.in", "A 0x100000000\n", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "t.in:1: bad value '0x100000000' (wider than 32 bits: say @bits 64)");
	cr_assert_eq(xlat_parse(&x, "t", "t.in", "@bits 64\nA 0x100000000\n", err, sizeof(err)), 0);
	cr_assert_eq(xlat_parse(&x, "t", "t.in", "1A 2\n", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "t.in:1: expected 'NAME VALUE'");
}

Test(spec, flags_argument_names_its_table)
{
	cr_assert_eq(parse("call msync int memory ptr ulong flags:msync_flags\n"), 0, "%s", err);
	cr_assert_str_eq(s.calls[0].xname[2], "msync_flags");
	cr_assert_eq(xlat_parse(&s.xlats[0], "other", "o.in", "A 1\n", err, sizeof(err)), 0);
	cr_assert_eq(xlat_parse(&s.xlats[1], "msync_flags", "m.in", "MS_SYNC 4\n", err, sizeof(err)), 0);
	s.nxlats = 2;
	cr_assert_eq(spec_resolve(&s, "t.spec", err, sizeof(err)), 0, "%s", err);
	/* the tables the spec names come first: an argument's uint8_t reaches them */
	cr_assert_eq(s.calls[0].aux[2], 0);
	cr_assert_str_eq(s.xlats[0].name, "msync_flags");
	cr_assert_str_eq(s.xlats[1].name, "other");
	cr_assert_eq(parse("call msync int memory ptr ulong flags:nosuch\n"), 0, "%s", err);
	cr_assert_eq(spec_resolve(&s, "t.spec", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "t.spec:1: msync: no table gen/xlat/nosuch.in");
	cr_assert_eq(parse("call msync int memory ptr ulong flags\n"), -1);
	cr_assert_str_eq(err, "t.spec:1: msync: 'flags' needs a table: flags:NAME for gen/xlat/NAME.in");
}
