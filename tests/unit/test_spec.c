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
	bad("cal close int desc fd\n", "t.spec:1: expected 'call', 'wrap', 'hand' or 'hook', not 'cal close int desc f'");
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
