/* The ioctls whose argument is one number, as strace decodes them: the argument
 * itself (a value, a descriptor, flags), or the number behind it ([123], [LIRC_MODE_PULSE]),
 * or nothing.  One line per command; commands with structs have decoders of their own
 * (format/ioctl_*.c).  A command the program passes the number to (S_IN_*) shows it
 * always, one the kernel fills (S_OUT_*) when the call succeeded, else its address. */
#include <linux/inotify.h>
#include <linux/lirc.h>
#include <linux/nbd.h>
#include <linux/perf_event.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/watchdog.h>
#include <scsi/sg.h>

#ifndef SG_GET_ACCESS_COUNT		/* not in every <scsi/sg.h> */
# define SG_GET_ACCESS_COUNT 0x2289
#endif
#include "ioctl.h"
#include "xlattab.h"

enum {
	S_NONE = 1,	/* no argument */
	S_VAL_D,	/* the argument, as an int */
	S_VAL_U,	/* the argument, unsigned */
	S_VAL_FD,	/* the argument, a descriptor */
	S_VAL_X,	/* the argument in table `tab` */
	S_VAL_X32,	/* the argument's low 32 bits in hex */
	S_IN_INT, S_OUT_INT,	/* [-1] */
	S_IN_UINT, S_OUT_UINT,	/* [4294967295] */
	S_IN_HEX, S_OUT_HEX,	/* [0xff] */
	S_IN_ULONG, S_OUT_ULONG,	/* [18446744073709551615] */
	S_IN_X, S_OUT_X,	/* [NAME] of table `tab` */
};

#define NOTAB 0xffff

static const struct simple {
	uint32_t code;
	uint8_t kind;
	uint16_t tab;
} simple[] = {
	/* inotify */
	{ INOTIFY_IOC_SETNEXTWD, S_VAL_D, NOTAB },
	/* watchdog */
	{ WDIOC_GETSTATUS, S_OUT_INT, NOTAB }, { WDIOC_GETBOOTSTATUS, S_OUT_INT, NOTAB },
	{ WDIOC_GETTEMP, S_OUT_INT, NOTAB }, { WDIOC_GETTIMEOUT, S_OUT_INT, NOTAB },
	{ WDIOC_GETPRETIMEOUT, S_OUT_INT, NOTAB }, { WDIOC_GETTIMELEFT, S_OUT_INT, NOTAB },
	{ WDIOC_SETTIMEOUT, S_IN_INT, NOTAB }, { WDIOC_SETPRETIMEOUT, S_IN_INT, NOTAB },
	{ WDIOC_KEEPALIVE, S_NONE, NOTAB },
	/* random */
	{ RNDGETENTCNT, S_OUT_INT, NOTAB }, { RNDADDTOENTCNT, S_IN_INT, NOTAB },
	{ RNDZAPENTCNT, S_NONE, NOTAB }, { RNDCLEARPOOL, S_NONE, NOTAB },
	{ RNDRESEEDCRNG, S_NONE, NOTAB },
	/* rtc */
	{ RTC_IRQP_SET, S_VAL_U, NOTAB }, { RTC_EPOCH_SET, S_VAL_U, NOTAB },
	{ RTC_IRQP_READ, S_OUT_ULONG, NOTAB }, { RTC_EPOCH_READ, S_OUT_ULONG, NOTAB },
	{ RTC_AIE_ON, S_NONE, NOTAB }, { RTC_AIE_OFF, S_NONE, NOTAB },
	{ RTC_UIE_ON, S_NONE, NOTAB }, { RTC_UIE_OFF, S_NONE, NOTAB },
	{ RTC_PIE_ON, S_NONE, NOTAB }, { RTC_PIE_OFF, S_NONE, NOTAB },
	{ RTC_WIE_ON, S_NONE, NOTAB }, { RTC_WIE_OFF, S_NONE, NOTAB },
	{ RTC_VL_CLR, S_NONE, NOTAB },
	/* perf */
	{ PERF_EVENT_IOC_ENABLE, S_VAL_X, SCT_XLAT_perf_ioctl_flags },
	{ PERF_EVENT_IOC_DISABLE, S_VAL_X, SCT_XLAT_perf_ioctl_flags },
	{ PERF_EVENT_IOC_RESET, S_VAL_X, SCT_XLAT_perf_ioctl_flags },
	{ PERF_EVENT_IOC_REFRESH, S_VAL_D, NOTAB },
	{ PERF_EVENT_IOC_PERIOD, S_IN_ULONG, NOTAB },
	{ PERF_EVENT_IOC_SET_OUTPUT, S_VAL_FD, NOTAB },
	{ PERF_EVENT_IOC_SET_BPF, S_VAL_FD, NOTAB },
	{ PERF_EVENT_IOC_PAUSE_OUTPUT, S_VAL_U, NOTAB },
	{ PERF_EVENT_IOC_ID, S_OUT_ULONG, NOTAB },
	/* scsi generic */
	{ SG_NEXT_CMD_LEN, S_IN_INT, NOTAB }, { SG_SET_COMMAND_Q, S_IN_INT, NOTAB },
	{ SG_SET_DEBUG, S_IN_INT, NOTAB }, { SG_SET_FORCE_LOW_DMA, S_IN_INT, NOTAB },
	{ SG_SET_FORCE_PACK_ID, S_IN_INT, NOTAB }, { SG_SET_KEEP_ORPHAN, S_IN_INT, NOTAB },
	{ SG_SET_RESERVED_SIZE, S_IN_INT, NOTAB }, { SG_SET_TIMEOUT, S_IN_INT, NOTAB },
	{ SG_EMULATED_HOST, S_OUT_INT, NOTAB }, { SG_GET_ACCESS_COUNT, S_OUT_INT, NOTAB },
	{ SG_GET_COMMAND_Q, S_OUT_INT, NOTAB }, { SG_GET_KEEP_ORPHAN, S_OUT_INT, NOTAB },
	{ SG_GET_LOW_DMA, S_OUT_INT, NOTAB }, { SG_GET_NUM_WAITING, S_OUT_INT, NOTAB },
	{ SG_GET_PACK_ID, S_OUT_INT, NOTAB }, { SG_GET_RESERVED_SIZE, S_OUT_INT, NOTAB },
	{ SG_GET_SG_TABLESIZE, S_OUT_INT, NOTAB }, { SG_GET_TRANSFORM, S_OUT_INT, NOTAB },
	{ SG_GET_VERSION_NUM, S_OUT_INT, NOTAB }, { SG_SET_TRANSFORM, S_VAL_X32, NOTAB },
	{ SG_GET_TIMEOUT, S_NONE, NOTAB },
	/* nbd */
	{ NBD_DISCONNECT, S_NONE, NOTAB }, { NBD_CLEAR_SOCK, S_NONE, NOTAB },
	{ NBD_DO_IT, S_NONE, NOTAB }, { NBD_CLEAR_QUE, S_NONE, NOTAB },
	{ NBD_PRINT_DEBUG, S_NONE, NOTAB }, { NBD_SET_SOCK, S_VAL_FD, NOTAB },
	{ NBD_SET_BLKSIZE, S_VAL_U, NOTAB }, { NBD_SET_SIZE, S_VAL_U, NOTAB },
	{ NBD_SET_SIZE_BLOCKS, S_VAL_U, NOTAB }, { NBD_SET_TIMEOUT, S_VAL_U, NOTAB },
	{ NBD_SET_FLAGS, S_VAL_X, SCT_XLAT_nbd_ioctl_flags },
	/* lirc */
	{ LIRC_GET_FEATURES, S_OUT_X, SCT_XLAT_lirc_features },
	{ LIRC_GET_SEND_MODE, S_OUT_X, SCT_XLAT_lirc_modes },
	{ LIRC_GET_REC_MODE, S_OUT_X, SCT_XLAT_lirc_modes },
	{ LIRC_SET_SEND_MODE, S_IN_X, SCT_XLAT_lirc_modes },
	{ LIRC_SET_REC_MODE, S_IN_X, SCT_XLAT_lirc_modes },
	{ LIRC_GET_REC_RESOLUTION, S_OUT_UINT, NOTAB }, { LIRC_GET_MIN_TIMEOUT, S_OUT_UINT, NOTAB },
	{ LIRC_GET_MAX_TIMEOUT, S_OUT_UINT, NOTAB }, { LIRC_GET_LENGTH, S_OUT_UINT, NOTAB },
	{ LIRC_GET_REC_TIMEOUT, S_OUT_UINT, NOTAB },
	{ LIRC_SET_SEND_CARRIER, S_IN_UINT, NOTAB }, { LIRC_SET_REC_CARRIER, S_IN_UINT, NOTAB },
	{ LIRC_SET_SEND_DUTY_CYCLE, S_IN_UINT, NOTAB },
	{ LIRC_SET_TRANSMITTER_MASK, S_IN_HEX, NOTAB },
	{ LIRC_SET_REC_TIMEOUT, S_IN_UINT, NOTAB },
	{ LIRC_SET_REC_TIMEOUT_REPORTS, S_IN_UINT, NOTAB },
	{ LIRC_SET_MEASURE_CARRIER_MODE, S_IN_UINT, NOTAB },
	{ LIRC_SET_REC_CARRIER_RANGE, S_IN_UINT, NOTAB },
	{ LIRC_SET_WIDEBAND_RECEIVER, S_IN_UINT, NOTAB },
};

static const struct simple *find(uint32_t code)
{
	for (unsigned k = 0; k < sizeof(simple) / sizeof(simple[0]); k++)
		if (simple[k].code == code)
			return &simple[k];
	return NULL;
}

int sct_ioctl_simple(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	const struct simple *e = find(code);
	struct sct_out *o = d->o;
	const unsigned char *p;
	unsigned kind;
	int out;

	if (!e)
		return SCT_IOCTL_DEFAULT;
	switch (e->kind) {
	case S_NONE:
		return SCT_IOCTL_OMIT;
	case S_VAL_D:
		sct_out_dec(o, (int32_t)arg);
		return SCT_IOCTL_DONE;
	case S_VAL_U:
		sct_out_udec(o, arg);
		return SCT_IOCTL_DONE;
	case S_VAL_FD:
		sct_print_fd(d, i, (int32_t)arg);
		return SCT_IOCTL_DONE;
	case S_VAL_X:
		sct_print_xlat(o, e->tab, arg);
		return SCT_IOCTL_DONE;
	case S_VAL_X32:
		sct_out_hex(o, (uint32_t)arg);
		return SCT_IOCTL_DONE;
	}
	/* S_IN_x and S_OUT_x alternate: the kind, and which capture */
	out = (e->kind - S_IN_INT) & 1;
	kind = e->kind - (unsigned)out;
	p = out ? sct_ioctl_out(d, i, kind == S_IN_ULONG ? 8 : 4) :
		  sct_ioctl_in(d, i, kind == S_IN_ULONG ? 8 : 4);
	if (!p) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	sct_out_putc(o, '[');
	switch (kind) {
	case S_IN_INT: sct_out_dec(o, (int32_t)sct_get32(p)); break;
	case S_IN_UINT: sct_out_udec(o, sct_get32(p)); break;
	case S_IN_HEX: sct_out_hex(o, sct_get32(p)); break;
	case S_IN_ULONG: sct_out_udec(o, sct_get64(p)); break;
	case S_IN_X: sct_print_xlat(o, e->tab, sct_get32(p)); break;
	}
	sct_out_putc(o, ']');
	return SCT_IOCTL_DONE;
}

int sct_ioctl_simple_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	const struct simple *e = find(code);
	unsigned n;

	if (!e || e->kind < S_IN_INT)
		return 0;
	n = e->kind == S_IN_ULONG || e->kind == S_OUT_ULONG ? 8 : 4;
	*((e->kind - S_IN_INT) & 1 ? out : in) = (uint16_t)n;
	return 1;
}
