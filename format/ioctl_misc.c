/* The structs of the smaller ioctl families, as strace decodes them: real-time
 * clocks (type 'p': times, alarms, PLL, voltage, parameters), counters ('>': watch
 * requests), the random device ('R': entropy added), namespaces (0xb7: the owner's
 * uid, and what the others return), SCSI generic ('"': resets, ids, request tables;
 * SG_IO's own structs not yet). */
#include <linux/ioctl.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <scsi/sg.h>

#ifndef SG_SCSI_RESET_NO_ESCALATE		/* not in every <scsi/sg.h> */
# define SG_SCSI_RESET_NO_ESCALATE 0x100
#endif
#include "ioctl.h"
#include "xlattab.h"

#define COUNTER_ADD_WATCH 0x40063e00u
#define COUNTER_ENABLE_EVENTS 0x3e01u
#define COUNTER_DISABLE_EVENTS 0x3e02u
#define RTC_PARAM_GET_ 0x40187013u
#define RTC_PARAM_SET_ 0x40187014u

static void x_field(struct sct_out *o, const char *name, const struct sct_xlat *t, uint64_t v,
		    const char *dflt)
{
	sct_out_puts(o, name);
	sct_print_xval(o, t, v, dflt);
}

/* --- counter ---------------------------------------------------------------- */

static const struct sct_xlat component_types[] = {
	{ 0, "COUNTER_COMPONENT_NONE" }, { 1, "COUNTER_COMPONENT_SIGNAL" },
	{ 2, "COUNTER_COMPONENT_COUNT" }, { 3, "COUNTER_COMPONENT_FUNCTION" },
	{ 4, "COUNTER_COMPONENT_SYNAPSE_ACTION" }, { 5, "COUNTER_COMPONENT_EXTENSION" },
	{ 0, NULL }
};
static const struct sct_xlat scopes[] = {
	{ 0, "COUNTER_SCOPE_DEVICE" }, { 1, "COUNTER_SCOPE_SIGNAL" },
	{ 2, "COUNTER_SCOPE_COUNT" }, { 0, NULL }
};
static const struct sct_xlat event_types[] = {
	{ 0, "COUNTER_EVENT_OVERFLOW" }, { 1, "COUNTER_EVENT_UNDERFLOW" },
	{ 2, "COUNTER_EVENT_OVERFLOW_UNDERFLOW" }, { 3, "COUNTER_EVENT_THRESHOLD" },
	{ 4, "COUNTER_EVENT_INDEX" }, { 5, "COUNTER_EVENT_CHANGE_OF_STATE" },
	{ 6, "COUNTER_EVENT_CAPTURE" }, { 0, NULL }
};

int sct_ioctl_counter(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	if (code == COUNTER_ENABLE_EVENTS || code == COUNTER_DISABLE_EVENTS)
		return SCT_IOCTL_OMIT;
	if (code != COUNTER_ADD_WATCH)
		return SCT_IOCTL_DEFAULT;
	if (!(p = sct_ioctl_in(d, i, 6))) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	x_field(o, "{component={type=", component_types, p[0], "COUNTER_COMPONENT_???");
	x_field(o, ", scope=", scopes, p[1], "COUNTER_SCOPE_???");
	sct_ioc_field_u(o, ", parent=", p[2]);
	sct_ioc_field_u(o, ", id=", p[3]);
	x_field(o, "}, event=", event_types, p[4], "COUNTER_EVENT_???");
	sct_ioc_field_u(o, ", channel=", p[5]);
	sct_out_putc(o, '}');
	return SCT_IOCTL_DONE;
}

/* --- rtc -------------------------------------------------------------------- */

static const struct sct_xlat rtc_params[] = {
	{ 0, "RTC_PARAM_FEATURES" }, { 1, "RTC_PARAM_CORRECTION" },
	{ 2, "RTC_PARAM_BACKUP_SWITCH_MODE" }, { 0, NULL }
};
static const struct sct_xlat rtc_features[] = {
	{ 1u << 0, "1<<RTC_FEATURE_ALARM" }, { 1u << 1, "1<<RTC_FEATURE_ALARM_RES_MINUTE" },
	{ 1u << 2, "1<<RTC_FEATURE_NEED_WEEK_DAY" }, { 1u << 3, "1<<RTC_FEATURE_ALARM_RES_2S" },
	{ 1u << 4, "1<<RTC_FEATURE_UPDATE_INTERRUPT" }, { 1u << 5, "1<<RTC_FEATURE_CORRECTION" },
	{ 1u << 6, "1<<RTC_FEATURE_BACKUP_SWITCH_MODE" },
	{ 1u << 7, "1<<RTC_FEATURE_ALARM_WAKEUP_ONLY" }, { 0, NULL }
};
static const struct sct_xlat bsm_modes[] = {
	{ 0, "RTC_BSM_DISABLED" }, { 1, "RTC_BSM_DIRECT" }, { 2, "RTC_BSM_LEVEL" },
	{ 3, "RTC_BSM_STANDBY" }, { 0, NULL }
};
static const struct sct_xlat vl_flags[] = {
	{ 1u << 0, "RTC_VL_DATA_INVALID" }, { 1u << 1, "RTC_VL_BACKUP_LOW" },
	{ 1u << 2, "RTC_VL_BACKUP_EMPTY" }, { 1u << 3, "RTC_VL_ACCURACY_LOW" },
	{ 1u << 4, "RTC_VL_BACKUP_SWITCH" }, { 0, NULL }
};

/* struct rtc_time: nine ints, the last three only with -v */
static void rtc_time(const struct sct_dec *d, const unsigned char *p)
{
	static const char *const names[] = {
		"{tm_sec=", ", tm_min=", ", tm_hour=", ", tm_mday=", ", tm_mon=", ", tm_year=",
		", tm_wday=", ", tm_yday=", ", tm_isdst=",
	};
	unsigned n = sct_no_abbrev(d) ? 9 : 6;

	for (unsigned k = 0; k < n; k++)
		sct_ioc_field_d(d->o, names[k], (int32_t)sct_get32(p + 4 * k));
	sct_out_puts(d->o, n == 9 ? "}" : ", ...}");
}

/* struct rtc_param: what is asked (param, index), what is set or got (the value) */
static void rtc_param(struct sct_out *o, const unsigned char *p, int entry, int value)
{
	uint64_t param = sct_get64(p), v = sct_get64(p + 8);
	uint32_t pad = sct_get32(p + 20);

	sct_out_putc(o, '{');
	if (entry)
		x_field(o, "param=", rtc_params, param, "RTC_PARAM_???");
	if (value) {
		if (entry)
			sct_out_puts(o, ", ");
		if (param == 0) {
			sct_out_puts(o, "uvalue=");
			sct_print_flags(o, rtc_features, v, "1<<RTC_FEATURE_???");
		} else if (param == 1) {
			sct_ioc_field_d(o, "svalue=", (int64_t)v);
		} else if (param == 2) {
			x_field(o, "uvalue=", bsm_modes, v, "RTC_BSM_???");
		} else {
			sct_out_puts(o, "uvalue=");
			sct_out_hex(o, v);
		}
	}
	if (entry)
		sct_ioc_field_u(o, ", index=", sct_get32(p + 16));
	if (pad) {
		sct_out_puts(o, entry || value ? ", __pad=" : "__pad=");
		sct_out_hex(o, pad);
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_rtc(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case RTC_ALM_READ: case RTC_RD_TIME: case RTC_WKALM_RD: case RTC_PLL_GET: case RTC_VL_READ:
		p = sct_ioctl_out(d, i, SCT_IOC_SIZE(code));
		break;
	case RTC_ALM_SET: case RTC_SET_TIME: case RTC_WKALM_SET: case RTC_PLL_SET:
	case RTC_PARAM_GET_: case RTC_PARAM_SET_:
		p = sct_ioctl_in(d, i, SCT_IOC_SIZE(code));
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	if (!p) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	switch (code) {
	case RTC_ALM_READ: case RTC_RD_TIME: case RTC_ALM_SET: case RTC_SET_TIME:
		rtc_time(d, p);
		break;
	case RTC_WKALM_RD: case RTC_WKALM_SET:
		sct_ioc_field_u(o, "{enabled=", p[0]);
		sct_ioc_field_u(o, ", pending=", p[1]);
		sct_out_puts(o, ", time=");
		rtc_time(d, p + 4);
		sct_out_putc(o, '}');
		break;
	case RTC_PLL_GET: case RTC_PLL_SET: {
		static const char *const names[] = {
			"{pll_ctrl=", ", pll_value=", ", pll_max=", ", pll_min=", ", pll_posmult=",
			", pll_negmult=",
		};
		for (unsigned k = 0; k < 6; k++)
			sct_ioc_field_d(o, names[k], (int32_t)sct_get32(p + 4 * k));
		sct_ioc_field_d(o, ", pll_clock=", (int64_t)sct_get64(p + 24));
		sct_out_putc(o, '}');
		break;
	}
	case RTC_VL_READ:
		sct_out_putc(o, '[');
		sct_print_flags(o, vl_flags, sct_get32(p), "RTC_VL_???");
		sct_out_putc(o, ']');
		break;
	case RTC_PARAM_SET_:
		rtc_param(o, p, 1, 1);
		break;
	case RTC_PARAM_GET_:	/* what it asked, then what it got */
		rtc_param(o, p, 1, 0);
		sct_out_puts(o, " => ");
		if ((p = sct_ioctl_out(d, i, 24)))
			rtc_param(o, p, 0, 1);
		else
			sct_print_addr(o, arg);
		break;
	}
	return SCT_IOCTL_DONE;
}

/* --- random ----------------------------------------------------------------- */

int sct_ioctl_random(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b;
	const unsigned char *p;
	uint32_t size;

	if (code != RNDADDENTROPY)
		return SCT_IOCTL_DEFAULT;
	if (!(p = sct_ioctl_in(d, i, 8))) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	b = sct_arg_in(d, i);
	size = sct_get32(p + 4);
	sct_ioc_field_d(o, "{entropy_count=", (int32_t)sct_get32(p));
	sct_ioc_field_d(o, ", buf_size=", (int32_t)size);
	sct_out_puts(o, ", buf=");
	/* the bytes after the header (preload/capture_ioctl.c), address when unreadable */
	if (b->flags & SCT_BF_FAULT)
		sct_print_addr(o, arg + 8);
	else
		sct_print_quoted(o, p + 8, b->len - 8, d->f->strsize, size > d->f->strsize);
	sct_out_putc(o, '}');
	return SCT_IOCTL_DONE;
}

/* --- namespaces ------------------------------------------------------------- */

int sct_ioctl_nsfs(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	const unsigned char *p;

	switch (code) {
	case NS_GET_USERNS:
	case NS_GET_PARENT:
	case NS_GET_NSTYPE:
		return SCT_IOCTL_OMIT;
	case NS_GET_OWNER_UID:
		if (!(p = sct_ioctl_out(d, i, 4))) {
			sct_print_addr(d->o, arg);
			return SCT_IOCTL_DONE;
		}
		sct_out_putc(d->o, '[');
		sct_print_ugid(d->o, sct_get32(p));
		sct_out_putc(d->o, ']');
		return SCT_IOCTL_DONE;
	}
	return SCT_IOCTL_DEFAULT;
}

int sct_ioctl_nsfs_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	(void)in;
	if (code != NS_GET_OWNER_UID)
		return 0;
	*out = 4;
	return 1;
}

/* --- scsi generic ----------------------------------------------------------- */

static const struct sct_xlat sg_resets[] = {
	{ 0, "SG_SCSI_RESET_NOTHING" }, { 1, "SG_SCSI_RESET_DEVICE" }, { 2, "SG_SCSI_RESET_BUS" },
	{ 3, "SG_SCSI_RESET_HOST" }, { 4, "SG_SCSI_RESET_TARGET" },
	{ 0x100, "SG_SCSI_RESET_NO_ESCALATE" }, { 0, NULL }
};

int sct_ioctl_scsi(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	uint32_t v;

	switch (code) {
	case SG_SCSI_RESET:
		if (!(p = sct_ioctl_in(d, i, 4)))
			break;
		v = sct_get32(p);
		sct_out_putc(o, '[');
		if (v & SG_SCSI_RESET_NO_ESCALATE) {
			sct_print_xval(o, sg_resets, SG_SCSI_RESET_NO_ESCALATE, NULL);
			sct_out_putc(o, '|');
		}
		sct_print_xval(o, sg_resets, v & ~(uint32_t)SG_SCSI_RESET_NO_ESCALATE,
			       "SG_SCSI_RESET_???");
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	case SG_GET_SCSI_ID:
		if (!(p = sct_ioctl_out(d, i, sizeof(struct sg_scsi_id))))
			break;
		sct_ioc_field_d(o, "{host_no=", (int32_t)sct_get32(p));
		sct_ioc_field_d(o, ", channel=", (int32_t)sct_get32(p + 4));
		sct_out_puts(o, ", scsi_id=");
		sct_out_hex(o, sct_get32(p + 8));
		sct_ioc_field_d(o, ", lun=", (int32_t)sct_get32(p + 12));
		sct_out_puts(o, ", scsi_type=");
		sct_out_hex(o, sct_get32(p + 16));
		sct_ioc_field_d(o, ", h_cmd_per_lun=", (int16_t)(p[20] | p[21] << 8));
		sct_ioc_field_d(o, ", d_queue_depth=", (int16_t)(p[22] | p[23] << 8));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case SG_GET_REQUEST_TABLE:
		if (!(p = sct_ioctl_out(d, i, sizeof(struct sg_req_info))))
			break;
		sct_ioc_field_d(o, "{req_state=", (int8_t)p[0]);
		sct_ioc_field_d(o, ", orphan=", (int8_t)p[1]);
		sct_ioc_field_d(o, ", sg_io_owned=", (int8_t)p[2]);
		sct_ioc_field_d(o, ", problem=", (int8_t)p[3]);
		sct_ioc_field_d(o, ", pack_id=", (int32_t)sct_get32(p + 4));
		sct_out_puts(o, ", usr_ptr=");
		sct_print_addr(o, sct_get64(p + 8));
		sct_ioc_field_u(o, ", duration=", sct_get32(p + 16));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case SG_IO:		/* the v3 or v4 struct (format/ioctl_sg.c), or the id */
		if (!(p = sct_ioctl_in(d, i, 4)))
			break;
		if (p[0] == 'S' || p[0] == 'Q') {
			sct_ioctl_sg_io(d, i, arg);
			return SCT_IOCTL_DONE;
		}
		sct_ioc_field_u(o, "[", sct_get32(p));
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	sct_print_addr(o, arg);
	return SCT_IOCTL_DONE;
}

int sct_ioctl_scsi_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	switch (code) {
	case SG_SCSI_RESET: case SG_IO: *in = 4; return 1;
	case SG_GET_SCSI_ID: *out = sizeof(struct sg_scsi_id); return 1;
	case SG_GET_REQUEST_TABLE: *out = sizeof(struct sg_req_info); return 1;
	}
	return 0;
}
