/* PTP hardware clock ioctls (type '=', <linux/ptp_clock.h>), as strace decodes them:
 * the clock's capabilities, timestamp and periodic-output requests, pin functions,
 * and the clock offsets sampled (added to the request's fields when the call
 * succeeded).  The numbers are x86-64's for the structs' sizes strace 6.1 knows (the
 * size is part of the number). */
#include "ioctl.h"
#include "xlattab.h"

enum {
	GETCAPS = 0x80503d01, GETCAPS2 = 0x80503d0a,
	EXTTS = 0x40103d02, EXTTS2 = 0x40103d0b,
	PEROUT = 0x40383d03, PEROUT2 = 0x40383d0c,
	PPS = 0x40043d04, PPS2 = 0x40043d0d,
	SYSOFF = 0x43403d05, SYSOFF2 = 0x43403d0e,
	PIN_GET = 0xc0603d06, PIN_GET2 = 0xc0603d0f,
	PIN_SET = 0x40603d07, PIN_SET2 = 0x40603d10,
	PRECISE = 0xc0403d08, PRECISE2 = 0xc0403d11,
	EXTENDED = 0xc4c03d09, EXTENDED2 = 0xc4c03d12,
};
#define PEROUT_DUTY_CYCLE 2
#define PEROUT_PHASE 4
#define MAX_SAMPLES 25

/* struct ptp_clock_time (16 bytes); `date`: a time of day, with its date */
static void clock_time(struct sct_out *o, const unsigned char *p, int date)
{
	int64_t sec = (int64_t)sct_get64(p);
	uint32_t nsec = sct_get32(p + 8), rsv = sct_get32(p + 12);

	sct_ioc_field_d(o, "{sec=", sec);
	sct_ioc_field_u(o, ", nsec=", nsec);
	if (rsv) {
		sct_out_puts(o, ", reserved=");
		sct_out_hex(o, rsv);
	}
	sct_out_putc(o, '}');
	if (date && o->cstyle != SCT_CONST_RAW)
		sct_print_date_comment(o, sec, nsec);
}

/* ", rsv=[0x1, 0]" when not all zero */
static void rsv(struct sct_out *o, const unsigned char *p, unsigned n)
{
	unsigned k;

	for (k = 0; k < n && !sct_get32(p + 4 * k); k++)
		;
	if (k == n)
		return;
	for (k = 0; k < n; k++) {
		sct_out_puts(o, k ? ", " : ", rsv=[");
		sct_out_hex(o, sct_get32(p + 4 * k));
	}
	sct_out_putc(o, ']');
}

static void caps(struct sct_out *o, const unsigned char *p)
{
	static const char *const names[] = {
		"{max_adj=", ", n_alarm=", ", n_ext_ts=", ", n_per_out=", ", pps=",
		", n_pins=", ", cross_timestamping=", ", adjust_phase=",
	};

	for (unsigned k = 0; k < 8; k++)
		sct_ioc_field_d(o, names[k], (int32_t)sct_get32(p + 4 * k));
	rsv(o, p + 32, 12);
	sct_out_putc(o, '}');
}

static void perout(struct sct_out *o, const unsigned char *p, uint32_t code)
{
	uint32_t flags = sct_get32(p + 36);

	sct_out_puts(o, flags & PEROUT_PHASE ? "{phase=" : "{start=");
	clock_time(o, p, !(flags & PEROUT_PHASE));
	sct_out_puts(o, ", period=");
	clock_time(o, p + 16, 0);
	sct_ioc_field_u(o, ", index=", sct_get32(p + 32));
	sct_out_puts(o, ", flags=");
	sct_print_xlat(o, SCT_XLAT_ptp_perout_flags, flags);
	if (flags & PEROUT_DUTY_CYCLE) {
		sct_out_puts(o, ", on=");
		clock_time(o, p + 40, 0);
	} else if (code == PEROUT2) {
		rsv(o, p + 40, 4);
	}
	sct_out_putc(o, '}');
}

/* the samples of PTP_SYS_OFFSET (n clock times) or _EXTENDED (n triples) */
static void samples(const struct sct_dec *d, const unsigned char *p, uint32_t n, int triples)
{
	struct sct_out *o = d->o;

	sct_out_puts(o, ", ts=[");
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (!sct_no_abbrev(d) && k >= d->f->strsize) {
			sct_out_puts(o, "...");
			break;
		}
		if (!triples) {
			clock_time(o, p + 16 * k, 1);
			continue;
		}
		for (int j = 0; j < 3; j++) {
			sct_out_puts(o, j ? ", " : "[");
			clock_time(o, p + 48 * k + 16 * j, 1);
		}
		sct_out_putc(o, ']');
	}
	sct_out_putc(o, ']');
}

static void pin(struct sct_out *o, const unsigned char *p, uint32_t code, int get)
{
	if (get) {
		sct_out_puts(o, ", name=");
		sct_ioctl_cstring(o, p, 64);
	}
	sct_out_puts(o, ", func=");
	sct_print_xlat(o, SCT_XLAT_ptp_pin_funcs, sct_get32(p + 68));
	sct_ioc_field_u(o, ", chan=", sct_get32(p + 72));
	if (code == PIN_SET2)
		rsv(o, p + 76, 5);
	sct_out_putc(o, '}');
}

int sct_ioctl_ptp(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t size = SCT_IOC_SIZE(code), n;
	const unsigned char *p, *q;

	switch (code) {
	case PPS:
	case PPS2:
		sct_out_hex(o, arg);
		return SCT_IOCTL_DONE;
	case GETCAPS: case GETCAPS2: case PRECISE: case PRECISE2:
		p = sct_ioctl_out(d, i, size);
		break;
	case EXTTS: case EXTTS2: case PEROUT: case PEROUT2: case SYSOFF: case SYSOFF2:
	case PIN_GET: case PIN_GET2: case PIN_SET: case PIN_SET2: case EXTENDED: case EXTENDED2:
		p = sct_ioctl_in(d, i, size);
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	if (!p) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	q = sct_ioctl_out(d, i, size);
	switch (code) {
	case GETCAPS:
	case GETCAPS2:
		caps(o, p);
		break;
	case EXTTS:
	case EXTTS2:
		sct_ioc_field_u(o, "{index=", sct_get32(p));
		sct_out_puts(o, ", flags=");
		sct_print_xlat(o, SCT_XLAT_ptp_extts_flags, sct_get32(p + 4));
		if (code == EXTTS2)
			rsv(o, p + 8, 2);
		sct_out_putc(o, '}');
		break;
	case PEROUT:
	case PEROUT2:
		perout(o, p, code);
		break;
	case SYSOFF: case SYSOFF2: case EXTENDED: case EXTENDED2:
		sct_ioc_field_u(o, "{n_samples=", sct_get32(p));
		rsv(o, p + 4, 3);
		if (q) {
			n = sct_get32(q) < MAX_SAMPLES ? sct_get32(q) : MAX_SAMPLES;
			if (code == SYSOFF || code == SYSOFF2)
				samples(d, q + 16, 2 * n + 1, 0);
			else
				samples(d, q + 16, n, 1);
		}
		sct_out_putc(o, '}');
		break;
	case PIN_GET:
	case PIN_GET2:
		sct_ioc_field_u(o, "{index=", sct_get32(p + 64));
		if (code == PIN_GET2)
			rsv(o, p + 76, 5);
		if (!sct_failed(d->r) && q)
			pin(o, q, code, 1);
		else
			sct_out_putc(o, '}');
		break;
	case PIN_SET:
	case PIN_SET2:
		sct_ioc_field_u(o, "{index=", sct_get32(p + 64));
		pin(o, p, code, 0);
		break;
	case PRECISE:
	case PRECISE2:
		sct_out_puts(o, "{device=");
		clock_time(o, p, 1);
		sct_out_puts(o, ", sys_realtime=");
		clock_time(o, p + 16, 1);
		sct_out_puts(o, ", sys_monoraw=");
		clock_time(o, p + 32, 0);
		rsv(o, p + 48, 4);
		sct_out_putc(o, '}');
		break;
	}
	return SCT_IOCTL_DONE;
}
