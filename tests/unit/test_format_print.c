/* The decoding vocabulary: quoting, flags, named values, modes, signals, errnos.
 * Expected strings are strace 6.1's output for the same bytes and values. */
#include <criterion/criterion.h>
#include <unistd.h>
#include "format_rec.h"

static char text[4096];
static struct sct_out o;

static void reset(void)
{
	sct_out_init(&o, text, sizeof(text) - 1, -1);
}

static const char *got(void)
{
	text[o.len] = 0;
	return text;
}

static const char *quoted(const char *s, size_t n, size_t max, int more)
{
	reset();
	sct_print_quoted(&o, (const unsigned char *)s, n, max, more);
	return got();
}

Test(format_print, escapes_like_strace)
{
	/* write(1, "a\nb\t\"c\\\0\001\177\377xyz...", 60) under strace -s 32 */
	static const char in[] = "a\nb\t\"c\\\0\001\177\377xyz0123456789abcdefghijklmnopqrstuvwxyz";
	cr_assert_str_eq(quoted(in, 60, 32, 0),
			 "\"a\\nb\\t\\\"c\\\\\\0\\1\\177\\377xyz0123456789abcdefgh\"...");
}

Test(format_print, octal_escape_before_digit_is_three_digits)
{
	/* "\v\f\r\0" "1\0a\1" "8\1" "9\1x\33[0m\200~" */
	static const char in[] = "\v\f\r\0" "1\0a\001" "8\001" "9\001x\033[0m\200~";
	cr_assert_str_eq(quoted(in, 19, 32, 0), "\"\\v\\f\\r\\0001\\0a\\18\\19\\1x\\33[0m\\200~\"");
}

Test(format_print, truncation_at_strsize)
{
	cr_assert_str_eq(quoted("0123456789012345678901234567890", 31, 32, 0),
			 "\"0123456789012345678901234567890\"");
	cr_assert_str_eq(quoted("01234567890123456789012345678901", 32, 32, 0),
			 "\"01234567890123456789012345678901\"");
	cr_assert_str_eq(quoted("012345678901234567890123456789012", 33, 32, 0),
			 "\"01234567890123456789012345678901\"...");
	cr_assert_str_eq(quoted("abc", 3, 32, 1), "\"abc\"...");
	cr_assert_str_eq(quoted("", 0, 32, 0), "\"\"");
	cr_assert_str_eq(quoted("abcdef", 6, 0, 0), "\"\"...");
}

static const struct sct_xlat prot[] = {
	{ 0, "PROT_NONE" }, { 1, "PROT_READ" }, { 2, "PROT_WRITE" }, { 4, "PROT_EXEC" },
	{ 0, NULL }
};

static const struct sct_xlat renames[] = {
	{ 1, "RENAME_NOREPLACE" }, { 2, "RENAME_EXCHANGE" }, { 4, "RENAME_WHITEOUT" },
	{ 0, NULL }
};

Test(format_print, flags)
{
	reset(); sct_print_flags(&o, prot, 3, "PROT_???");
	cr_assert_str_eq(got(), "PROT_READ|PROT_WRITE");
	reset(); sct_print_flags(&o, prot, 0, "PROT_???");
	cr_assert_str_eq(got(), "PROT_NONE");
	reset(); sct_print_flags(&o, prot, 0x14, "PROT_???");	/* mmap(PROT_EXEC|0x10) */
	cr_assert_str_eq(got(), "PROT_EXEC|0x10");
	reset(); sct_print_flags(&o, prot, 0x80, "PROT_???");	/* mprotect(..., 0x80) */
	cr_assert_str_eq(got(), "0x80 /* PROT_??? */");
	reset(); sct_print_flags(&o, renames, 0, "RENAME_???");
	cr_assert_str_eq(got(), "0");
	reset(); sct_print_flags(&o, renames, 0xe, "RENAME_???");
	cr_assert_str_eq(got(), "RENAME_EXCHANGE|RENAME_WHITEOUT|0x8");
	reset(); sct_print_flags(&o, renames, 0x10, NULL);
	cr_assert_str_eq(got(), "0x10");
}

static const struct sct_xlat whence[] = {
	{ 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 0, NULL }
};

Test(format_print, xval)
{
	reset(); sct_print_xval(&o, whence, 2, "SEEK_???");
	cr_assert_str_eq(got(), "SEEK_END");
	reset(); sct_print_xval(&o, whence, 7, "SEEK_???");	/* lseek(3, 0, 7) */
	cr_assert_str_eq(got(), "0x7 /* SEEK_??? */");
	cr_assert_str_eq(sct_xlat_find(whence, 1), "SEEK_CUR");
	cr_assert_null(sct_xlat_find(whence, 3));
}

Test(format_print, addresses_and_modes)
{
	reset(); sct_print_addr(&o, 0);
	cr_assert_str_eq(got(), "NULL");
	reset(); sct_print_addr(&o, 0x7ffd3b188d80);
	cr_assert_str_eq(got(), "0x7ffd3b188d80");
	reset(); sct_print_umode(&o, 0);		/* umask(000) */
	cr_assert_str_eq(got(), "000");
	reset(); sct_print_umode(&o, 022);
	cr_assert_str_eq(got(), "022");
	reset(); sct_print_umode(&o, 04755);
	cr_assert_str_eq(got(), "04755");
}

Test(format_print, numbers)
{
	reset(); sct_out_dec(&o, INT64_MIN);
	cr_assert_str_eq(got(), "-9223372036854775808");
	reset(); sct_out_udec(&o, UINT64_MAX);
	cr_assert_str_eq(got(), "18446744073709551615");
	reset(); sct_out_hex(&o, 0);
	cr_assert_str_eq(got(), "0");
	reset(); sct_out_oct(&o, 0755);
	cr_assert_str_eq(got(), "0755");
	reset(); sct_out_udec_pad(&o, 42, 6, '0');
	cr_assert_str_eq(got(), "000042");
}

Test(format_print, out_overflow_and_flush)
{
	char small[8];
	struct sct_out t;
	int p[2];
	char back[64];

	sct_out_init(&t, small, sizeof(small), -1);
	sct_out_puts(&t, "0123456789");
	cr_assert_eq(t.len, 8);
	cr_assert(t.overflow);

	cr_assert_eq(pipe(p), 0);
	sct_out_init(&t, small, sizeof(small), p[1]);
	sct_out_puts(&t, "hello, world");
	sct_out_flush(&t);
	cr_assert_eq(read(p[0], back, sizeof(back)), 12);
	cr_assert_eq(memcmp(back, "hello, world", 12), 0);
	cr_assert_eq(t.error, 0);
	close(p[0]);
	close(p[1]);
}

Test(format_print, signals)
{
	uint64_t m;

	cr_assert_str_eq(sct_signal_name(9), "SIGKILL");
	cr_assert_str_eq(sct_signal_name(32), "SIGRTMIN");
	cr_assert_str_eq(sct_signal_name(64), "SIGRT_32");
	cr_assert_null(sct_signal_name(65));
	reset(); sct_print_signame(&o, 33);
	cr_assert_str_eq(got(), "SIGRT_1");
	reset(); sct_print_signame(&o, -3);
	cr_assert_str_eq(got(), "-3");

	/* rt_sigprocmask(SIG_BLOCK, [INT TERM RT_2 RT_32], NULL, 8) */
	m = 1ull << 1 | 1ull << 14 | 1ull << 33 | 1ull << 63;
	reset(); sct_print_sigset(&o, &m);
	cr_assert_str_eq(got(), "[INT TERM RT_2 RT_32]");
	m = 0;
	reset(); sct_print_sigset(&o, &m);
	cr_assert_str_eq(got(), "[]");
	m = ~0ull;
	reset(); sct_print_sigset(&o, &m);
	cr_assert_str_eq(got(), "~[]");
	/* glibc's sigfillset without SIGKILL: 61 bits */
	m = ~0ull & ~(1ull << 8) & ~(3ull << 31);
	reset(); sct_print_sigset(&o, &m);
	cr_assert_str_eq(got(), "~[KILL RTMIN RT_1]");
	/* 42 bits set is two thirds: inverted; 41 is not */
	m = 0x3ffffffffffull;
	reset(); sct_print_sigset(&o, &m);
	cr_assert_str_eq(got(), "~[RT_11 RT_12 RT_13 RT_14 RT_15 RT_16 RT_17 RT_18 RT_19 RT_20 "
			 "RT_21 RT_22 RT_23 RT_24 RT_25 RT_26 RT_27 RT_28 RT_29 RT_30 RT_31 RT_32]");
	m = 0x1ffffffffffull;
	reset(); sct_print_sigset(&o, &m);
	cr_assert(got()[0] == '[');
	cr_assert(strstr(got(), " RT_9]") != NULL);
}

Test(format_print, errnos)
{
	cr_assert_str_eq(sct_errno_name(2), "ENOENT");
	cr_assert_str_eq(sct_errno_text(2), "No such file or directory");
	cr_assert_str_eq(sct_errno_name(11), "EAGAIN");
	cr_assert_str_eq(sct_errno_text(11), "Resource temporarily unavailable");
	cr_assert_str_eq(sct_errno_name(95), "EOPNOTSUPP");
	cr_assert_str_eq(sct_errno_text(133), "Memory page has hardware error");
	cr_assert_str_eq(sct_errno_name(515), "ENOIOCTLCMD");
	cr_assert_str_eq(sct_errno_text(515), "Unknown error 515");
	cr_assert_null(sct_errno_name(41));
	cr_assert_null(sct_errno_name(0));
	cr_assert_null(sct_errno_name(4095));
}
