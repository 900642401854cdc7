/* Time: struct timeval and timespec, clock ids, timer flags. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

static const struct sct_xlat clocks[] = {
	{ 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" }, { 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" }, { 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" }, { 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" }, { 8, "CLOCK_REALTIME_ALARM" }, { 9, "CLOCK_BOOTTIME_ALARM" },
	{ 10, "CLOCK_SGI_CYCLE" }, { 11, "CLOCK_TAI" }, { 0, NULL }
};

static const struct sct_xlat timer_flags[] = { { 1, "TIMER_ABSTIME" }, { 0, NULL } };

static void print_pair(struct sct_out *o, const unsigned char *p, const char *second)
{
	sct_out_puts(o, "{tv_sec=");
	sct_out_dec(o, (int64_t)sct_get64(p));
	sct_out_puts(o, second);
	/* strace prints the fraction unsigned (PRINT_FIELD_U): a bogus negative one
	 * as its 2's complement */
	sct_out_udec(o, sct_get64(p + 8));
	sct_out_putc(o, '}');
}

void sct_print_timespec(struct sct_out *o, const unsigned char *p)
{
	print_pair(o, p, ", tv_nsec=");
}

void sct_print_timeval(struct sct_out *o, const unsigned char *p)
{
	print_pair(o, p, ", tv_usec=");
}

/* The struct as passed in, or as returned when only that was captured
 * (gettimeofday, clock_gettime); the address when nothing was. */
static int print_struct(const struct sct_dec *d, unsigned i,
			void (*print)(struct sct_out *, const unsigned char *))
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!b)
		b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);
	if (!d->r->arg[i] || !b || b->len < 16)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print(d->o, sct_blob_data(b));
	return 0;
}

/* struct rusage as strace prints it without -v: the two times, then "..."; -v: the
 * fourteen longs after them too */
int sct_dec_rusage(const struct sct_dec *d, unsigned i)
{
	static const char *const names[] = {
		"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
		"ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
		"ru_nsignals", "ru_nvcsw", "ru_nivcsw",
	};
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	/* wait4 that reaped nothing (WNOHANG) filled nothing: strace prints the
	 * address (waitid's, filled either way, prints) */
	if (d->r->ret == 0 && sct_find_kind(d, SCT_K_WSTATUS) >= 0)
		b = NULL;
	if (!d->r->arg[i] || !b || b->len < 32) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(d->o, "{ru_utime=");
	sct_print_timeval(d->o, sct_blob_data(b));
	sct_out_puts(d->o, ", ru_stime=");
	sct_print_timeval(d->o, sct_blob_data(b) + 16);
	if (sct_no_abbrev(d) && b->len >= 32 + 8 * 14) {
		for (unsigned k = 0; k < 14; k++) {
			sct_out_puts(d->o, ", ");
			sct_out_puts(d->o, names[k]);
			sct_out_putc(d->o, '=');
			sct_out_udec(d->o, sct_get64(sct_blob_data(b) + 32 + 8 * k));
		}
		sct_out_putc(d->o, '}');
		return 0;
	}
	sct_out_puts(d->o, ", ...}");
	return 0;
}

int sct_dec_timeval(const struct sct_dec *d, unsigned i)
{
	return print_struct(d, i, sct_print_timeval);
}

int sct_dec_timespec(const struct sct_dec *d, unsigned i)
{
	return print_struct(d, i, sct_print_timespec);
}

static int interrupted(const struct sct_rec *r)
{
	int64_t e = -r->ret;

	/* EINTR, or ERESTARTSYS..ERESTART_RESTARTBLOCK as strace sees them */
	return sct_failed(r) && (e == 4 || (e >= 512 && e <= 516));
}

/* nanosleep/clock_nanosleep's `rem` means something only when the sleep was
 * interrupted (and, for clock_nanosleep, was relative); strace prints its address
 * otherwise.  A call without an input timespec (clock_gettime, clock_getres)
 * prints what it returned. */
int sct_dec_timespec_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	int req = sct_find_kind(d, SCT_K_TIMESPEC);
	int fl = sct_find_kind(d, SCT_K_TIMERFL);
	int show;

	if (req < 0)
		show = !sct_failed(d->r);
	else
		show = interrupted(d->r) && (fl < 0 || d->r->arg[fl] == 0);
	if (!d->r->arg[i] || !b || b->len < 16 || !show)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_timespec(d->o, sct_blob_data(b));
	return 0;
}

int sct_dec_clockid(const struct sct_dec *d, unsigned i)
{
	sct_print_xval(d->o, clocks, (uint32_t)d->r->arg[i], "CLOCK_???");
	return 0;
}

int sct_dec_timerflags(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, timer_flags, (uint32_t)d->r->arg[i], "TIMER_???");
	return 0;
}

/* --- utimensat ------------------------------------------------------------------ */

#define UTIME_NOW_  ((1l << 30) - 1l)
#define UTIME_OMIT_ ((1l << 30) - 2l)

/* 2023-11-14T22:13:20.000000123+0000: the calendar date of a time, in UTC (strace
 * prints local time; a traced process cannot read the time-zone database here), with
 * the fraction `frac` in `digits` digits when it is not 0 (9: ns, 6: us) */
static void print_date(struct sct_out *o, int64_t sec, int64_t frac, unsigned digits)
{
	int64_t days = sec / 86400, rem = sec % 86400, y, era, doe, yoe, doy, mp, dd, mm;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	/* days since 1970-01-01 to a civil date (proleptic Gregorian) */
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	mm = mp < 10 ? mp + 3 : mp - 9;
	if (mm <= 2)
		y++;
	sct_out_dec(o, y);
	sct_out_putc(o, '-');
	sct_out_udec_pad(o, (uint64_t)mm, 2, '0');
	sct_out_putc(o, '-');
	sct_out_udec_pad(o, (uint64_t)dd, 2, '0');
	sct_out_putc(o, 'T');
	sct_out_udec_pad(o, (uint64_t)rem / 3600, 2, '0');
	sct_out_putc(o, ':');
	sct_out_udec_pad(o, (uint64_t)rem / 60 % 60, 2, '0');
	sct_out_putc(o, ':');
	sct_out_udec_pad(o, (uint64_t)rem % 60, 2, '0');
	if (frac) {
		sct_out_putc(o, '.');
		sct_out_udec_pad(o, (uint64_t)frac, digits, '0');
	}
	sct_out_puts(o, "+0000");
}

/* The seconds whose year fits struct tm's int tm_year (years INT_MIN + 1900 to
 * INT_MAX + 1900): strace shows no date for the others (localtime fails) */
#define TM_SEC_MIN (-67768040609827200ll)
#define TM_SEC_MAX 67768036191676799ll

/* " / * DATE * /" after a time whose fraction is in range; none for 0 (the epoch
 * itself, strace's choice) nor for a year struct tm cannot hold */
static void date_comment(struct sct_out *o, int64_t sec, int64_t frac, unsigned digits)
{
	if (frac < 0 || frac >= (digits == 9 ? 1000000000 : 1000000) || (sec == 0 && frac == 0) ||
	    sec < TM_SEC_MIN || sec > TM_SEC_MAX)
		return;
	sct_out_puts(o, " /* ");
	print_date(o, sec, frac, digits);
	sct_out_puts(o, " */");
}

void sct_print_date_comment(struct sct_out *o, int64_t sec, int64_t nsec)
{
	date_comment(o, sec, nsec, 9);
}

void sct_print_date(struct sct_out *o, int64_t sec, int64_t nsec)
{
	print_date(o, sec, nsec, 9);
}

static void print_utime(struct sct_out *o, const unsigned char *p)
{
	int64_t sec = (int64_t)sct_get64(p), nsec = (int64_t)sct_get64(p + 8);

	/* the special values by name; -X raw the struct, -X verbose both */
	if (nsec == UTIME_NOW_ || nsec == UTIME_OMIT_) {
		const char *name = nsec == UTIME_NOW_ ? "UTIME_NOW" : "UTIME_OMIT";

		if (o->cstyle == SCT_CONST_ABBREV) {
			sct_out_puts(o, name);
			return;
		}
		sct_print_timespec(o, p);
		if (o->cstyle == SCT_CONST_VERBOSE) {
			sct_out_puts(o, " /* ");
			sct_out_puts(o, name);
			sct_out_puts(o, " */");
		}
		return;
	}
	sct_print_timespec(o, p);
	date_comment(o, sec, nsec, 9);
}

/* utimensat's times: NULL, or [UTIME_NOW, {tv_sec=5, tv_nsec=0} / * 1970-... * /] */
int sct_dec_utimens(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!d->r->arg[i] || !b || b->len < 32) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	print_utime(d->o, sct_blob_data(b));
	sct_out_puts(d->o, ", ");
	print_utime(d->o, sct_blob_data(b) + 16);
	sct_out_putc(d->o, ']');
	return 0;
}

/* --- the older time calls ------------------------------------------------------ */

/* A struct the call filled in, or NULL (then the address is printed). */
static const unsigned char *filled(const struct sct_dec *d, unsigned i, uint32_t size)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	return d->r->arg[i] && b && b->len >= size ? sct_blob_data(b) : NULL;
}

/* A struct the call was given, or NULL. */
static const unsigned char *given(const struct sct_dec *d, unsigned i, uint32_t size)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	return d->r->arg[i] && b && b->len >= size ? sct_blob_data(b) : NULL;
}

static void print_itimerval(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{it_interval=");
	sct_print_timeval(o, p);
	sct_out_puts(o, ", it_value=");
	sct_print_timeval(o, p + 16);
	sct_out_putc(o, '}');
}

/* setitimer's new value */
int sct_dec_itimerval(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = given(d, i, 32);

	if (p)
		print_itimerval(d->o, p);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* getitimer's value, setitimer's old one */
int sct_dec_itimerval_out(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = filled(d, i, 32);

	if (p)
		print_itimerval(d->o, p);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* gettimeofday's time */
int sct_dec_timeval_out(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = filled(d, i, 16);

	if (p)
		sct_print_timeval(d->o, p);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

static void print_timezone(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{tz_minuteswest=");
	sct_out_dec(o, (int32_t)sct_get32(p));
	sct_out_puts(o, ", tz_dsttime=");
	sct_out_dec(o, (int32_t)sct_get32(p + 4));
	sct_out_putc(o, '}');
}

/* settimeofday's time zone */
int sct_dec_timezone(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = given(d, i, 8);

	if (p)
		print_timezone(d->o, p);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* gettimeofday's time zone */
int sct_dec_timezone_out(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = filled(d, i, 8);

	if (p)
		print_timezone(d->o, p);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* times: {tms_utime=39 / * 0.39 s * /, tms_stime=0, tms_cutime=0, tms_cstime=0} */
int sct_dec_tms_out(const struct sct_dec *d, unsigned i)
{
	static const char *const names[] = { "{tms_utime=", ", tms_stime=", ", tms_cutime=",
					     ", tms_cstime=" };
	const unsigned char *p = filled(d, i, 32);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	for (unsigned k = 0; k < 4; k++) {
		uint64_t v = sct_get64(p + 8 * k);

		sct_out_puts(d->o, names[k]);
		sct_out_udec(d->o, v);
		/* strace's seconds, in clock ticks of USER_HZ: 100 on x86-64 whatever
		 * the kernel's HZ (sysconf(_SC_CLK_TCK)) */
		if (v && d->o->cstyle != SCT_CONST_RAW) {
			sct_out_puts(d->o, " /* ");
			sct_out_udec(d->o, v / 100);
			sct_out_putc(d->o, '.');
			sct_out_udec_pad(d->o, v % 100, 2, '0');
			sct_out_puts(d->o, " s */");
		}
	}
	sct_out_putc(d->o, '}');
	return 0;
}

/* time's [1796015681 / * 2026-11-30T05:14:41+0000 * /] */
int sct_dec_time_out(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = filled(d, i, 8);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	sct_out_dec(d->o, (int64_t)sct_get64(p));
	date_comment(d->o, (int64_t)sct_get64(p), 0, 9);
	sct_out_putc(d->o, ']');
	return 0;
}

/* time's result: "1796015681 (2026-11-30T05:14:41+0000)" */
void sct_ret_time(const struct sct_dec *d)
{
	sct_out_dec(d->o, d->r->ret);
	sct_out_puts(d->o, " (");
	print_date(d->o, d->r->ret, 0, 9);
	sct_out_putc(d->o, ')');
}

/* utime: {actime=5 / * 1970-01-01T00:00:05+0000 * /, modtime=6 / * ... * /} */
int sct_dec_utimbuf(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = given(d, i, 16);
	int64_t a, m;

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	a = (int64_t)sct_get64(p);
	m = (int64_t)sct_get64(p + 8);
	sct_out_puts(d->o, "{actime=");
	sct_out_dec(d->o, a);
	date_comment(d->o, a, 0, 9);
	sct_out_puts(d->o, ", modtime=");
	sct_out_dec(d->o, m);
	date_comment(d->o, m, 0, 9);
	sct_out_putc(d->o, '}');
	return 0;
}

/* utimes, futimesat: [{tv_sec=1, tv_usec=2} / * 1970-01-01T00:00:01.000002+0000 * /, ...] */
int sct_dec_timeval_pair(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = given(d, i, 32);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	for (unsigned k = 0; k < 2; k++, p += 16) {
		sct_out_puts(d->o, k ? ", " : "[");
		sct_print_timeval(d->o, p);
		date_comment(d->o, (int64_t)sct_get64(p), (int64_t)sct_get64(p + 8), 6);
	}
	sct_out_putc(d->o, ']');
	return 0;
}

/* A clock id inside a structure (perf_event_attr's clockid) */
void sct_print_clockid(struct sct_out *o, uint32_t v)
{
	sct_print_xval(o, clocks, v, "CLOCK_???");
}
