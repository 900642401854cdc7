/* ioctl lines (format/ioctl*.c): commands named from the table, the numbers strace
 * composes, _IOC(...) with -X, and a few argument decoders, each against the line
 * strace 6.1 prints for the same call. */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_ioctl = { "ioctl", 0, 3, SCT_R_IOCTL,
	{ A(FD, NOAUX), A(IOCTL_REQ, NOAUX), A(IOCTL_ARG, 1) } };

#define EBADF_ (-9)

static const char *line(int64_t ret, uint64_t cmd, uint64_t arg, int style)
{
	trec_init(&t, ret, (uint64_t)-1, cmd, arg, 0, 0, 0);
	t.f.cstyle = style;
	t.f.acolumn = 0;
	return trec_line(&t, &c_ioctl);
}

Test(format_ioctl, names_all_of_a_number)
{
	/* two names for 0x5402, in strace's order (by name) */
	cr_assert_str_eq(line(EBADF_, 0x5402, 0, SCT_CONST_ABBREV),
			 "ioctl(-1, SNDCTL_TMR_START or TCSETS, NULL) = -1 EBADF (Bad file descriptor)\n");
	/* the first and the last entries of the table */
	cr_assert(strstr(line(EBADF_, 0x0301, 0, SCT_CONST_ABBREV), "HDIO_GETGEO") != NULL);
	cr_assert(strstr(line(EBADF_, 0xc4c03d12, 0, SCT_CONST_ABBREV), "PTP_SYS_OFFSET_EXTENDED2") != NULL);
}

Test(format_ioctl, unknown_number_and_styles)
{
	cr_assert_str_eq(line(EBADF_, 0x8004dead, 0x10, SCT_CONST_ABBREV),
			 "ioctl(-1, _IOC(_IOC_READ, 0xde, 0xad, 0x4), 0x10) = -1 EBADF (Bad file descriptor)\n");
	cr_assert_str_eq(line(EBADF_, 0x8004dead, 0x10, SCT_CONST_RAW),
			 "ioctl(-1, 0x8004dead, 0x10) = -1 EBADF (Bad file descriptor)\n");
	cr_assert_str_eq(line(EBADF_, 0x8004dead, 0x10, SCT_CONST_VERBOSE),
			 "ioctl(-1, 0x8004dead /* _IOC(_IOC_READ, 0xde, 0xad, 0x4) */, 0x10) = -1 EBADF (Bad file descriptor)\n");
	cr_assert_str_eq(line(EBADF_, 0x305, 0, SCT_CONST_VERBOSE),
			 "ioctl(-1, 0x305 /* HDIO_GET_QDMA */, 0) = -1 EBADF (Bad file descriptor)\n");
}

Test(format_ioctl, composed_numbers)
{
	/* EVIOCGBIT(EV_KEY, 8), MIXER_READ(13) before the table's name */
	cr_assert_str_eq(line(EBADF_, 0x80084521, 0, SCT_CONST_ABBREV),
			 "ioctl(-1, EVIOCGBIT(EV_KEY, 8), NULL) = -1 EBADF (Bad file descriptor)\n");
	cr_assert(strstr(line(EBADF_, 0x80044d0d, 0, SCT_CONST_ABBREV),
			 "MIXER_READ(13) or OTPSELECT") != NULL);
	cr_assert(strstr(line(EBADF_, 0x80084521, 0, SCT_CONST_VERBOSE),
			 "0x80084521 /* EVIOCGBIT(EV_KEY, 8) */") != NULL);
}

Test(format_ioctl, arguments)
{
	int32_t v = 123;
	unsigned char ws[8] = { 24, 0, 80, 0, 0, 0, 0, 0 };

	/* an int behind the pointer, a decoded struct, none at all */
	trec_init(&t, EBADF_, (uint64_t)-1, 0xc0045706, 0x1000, 0, 0, 0);	/* WDIOC_SETTIMEOUT */
	t.f.acolumn = 0;
	trec_blob(&t, 2, SCT_BLOB_IN, &v, sizeof(v), 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(-1, WDIOC_SETTIMEOUT, [123]) = -1 EBADF (Bad file descriptor)\n");
	trec_init(&t, 0, 1, 0x5414, 0x1000, 0, 0, 0);			/* TIOCSWINSZ */
	t.f.acolumn = 0;
	trec_blob(&t, 2, SCT_BLOB_IN, ws, sizeof(ws), 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(1, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0\n");
	cr_assert_str_eq(line(EBADF_, 0xc0045877, 0, SCT_CONST_ABBREV),
			 "ioctl(-1, FIFREEZE) = -1 EBADF (Bad file descriptor)\n");
	/* a getter that failed: its address, not what it would have got */
	trec_init(&t, EBADF_, (uint64_t)-1, 0x80045701, 0x1000, 0, 0, 0);	/* WDIOC_GETSTATUS */
	t.f.acolumn = 0;
	trec_blob(&t, 2, SCT_BLOB_IN, &v, sizeof(v), 0);
	cr_assert_str_eq(trec_line(&t, &c_ioctl),
			 "ioctl(-1, WDIOC_GETSTATUS, 0x1000) = -1 EBADF (Bad file descriptor)\n");
}

Test(format_ioctl, what_a_struct_became)
{
	/* an _IOWR struct as given and as left: SECCOMP_IOCTL_NOTIF_RECV shows both
	 * only when the program filled it */
	unsigned char zero[80], got[80];

	memset(zero, 0, sizeof(zero));
	memset(got, 0, sizeof(got));
	got[0] = 7;
	trec_init(&t, 0, 3, 0xc0502100, 0x1000, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, zero, sizeof(zero), 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, got, sizeof(got), 0);
	cr_assert(strstr(trec_line(&t, &c_ioctl),
			 "ioctl(3, SECCOMP_IOCTL_NOTIF_RECV, {id=0x7, pid=0, flags=0, data={nr=") != NULL);
}

Test(format_ioctl, namespace_results)
{
	cr_assert_str_eq(line(268435456, 0xb703, 0, SCT_CONST_ABBREV),
			 "ioctl(-1, NS_GET_NSTYPE) = 268435456 (CLONE_NEWUSER)\n");
}
