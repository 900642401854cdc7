/* Block-device ioctls (type 0x12), as strace's block_ioctl decodes them: a number
 * behind the pointer of the size each command says, a value, or nothing. */
#include "ioctl.h"

enum { B_U16 = 1, B_INT, B_UINT, B_LONG, B_U64, B_PAIR, B_VAL, B_NONE };

static const struct { uint32_t code; uint8_t kind, get; } blk[] = {
	{ 0x1262, B_VAL, 0 }, { 0x1264, B_VAL, 0 },		/* BLKRASET, BLKFRASET */
	{ 0x1267, B_U16, 1 }, { 0x127e, B_U16, 1 },		/* BLKSECTGET, BLKROTATIONAL */
	{ 0x125e, B_INT, 1 }, { 0x80081270, B_INT, 1 },	/* BLKROGET, BLKBSZGET */
	{ 0x1268, B_INT, 1 }, { 0x127a, B_INT, 1 },		/* BLKSSZGET, BLKALIGNOFF */
	{ 0x125d, B_INT, 0 }, { 0x40081271, B_INT, 0 },	/* BLKROSET, BLKBSZSET */
	{ 0x127b, B_UINT, 1 }, { 0x1278, B_UINT, 1 }, { 0x1279, B_UINT, 1 },	/* BLKPBSZGET.. */
	{ 0x127c, B_UINT, 1 }, { 0x80041284, B_UINT, 1 }, { 0x80041285, B_UINT, 1 },
	{ 0x1263, B_LONG, 1 }, { 0x1265, B_LONG, 1 },		/* BLKRAGET, BLKFRAGET */
	{ 0x1260, B_U64, 1 },					/* BLKGETSIZE: unsigned long */
	{ 0x80081272, B_U64, 1 }, { 0x80081280, B_U64, 1 },	/* BLKGETSIZE64, BLKGETDISKSEQ */
	{ 0x1277, B_PAIR, 0 }, { 0x127d, B_PAIR, 0 }, { 0x127f, B_PAIR, 0 },	/* BLKDISCARD.. */
	{ 0x125f, B_NONE, 0 }, { 0x1261, B_NONE, 0 }, { 0x1274, B_NONE, 0 },	/* BLKRRPART.. */
	{ 0x1275, B_NONE, 0 }, { 0x1276, B_NONE, 0 },
};

static const struct sct_xlat blkpg_ops[] = {
	{ 1, "BLKPG_ADD_PARTITION" }, { 2, "BLKPG_DEL_PARTITION" },
	{ 3, "BLKPG_RESIZE_PARTITION" }, { 0, NULL }
};

/* struct blkpg_ioctl_arg, and the struct blkpg_partition its data points to (captured
 * after it, preload/capture_ioctl.c) */
static void blkpg(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 24), *q;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_out_puts(o, "{op=");
	sct_print_xval(o, blkpg_ops, sct_get32(p), "BLKPG_???");
	sct_ioc_field_d(o, ", flags=", (int32_t)sct_get32(p + 4));
	sct_ioc_field_d(o, ", datalen=", (int32_t)sct_get32(p + 8));
	sct_out_puts(o, ", data=");
	if (!(q = sct_ioctl_in(d, i, 24 + 152))) {
		sct_print_addr(o, sct_get64(p + 16));
	} else {
		q += 24;
		sct_ioc_field_d(o, "{start=", (int64_t)sct_get64(q));
		sct_ioc_field_d(o, ", length=", (int64_t)sct_get64(q + 8));
		sct_ioc_field_d(o, ", pno=", (int32_t)sct_get32(q + 16));
		sct_out_puts(o, ", devname=");
		sct_ioctl_cstring(o, q + 20, 64);
		sct_out_puts(o, ", volname=");
		sct_ioctl_cstring(o, q + 84, 64);
		sct_out_putc(o, '}');
	}
	sct_out_putc(o, '}');
}

/* struct blk_user_trace_setup: what is asked, and the name the kernel gave */
static void trace_setup(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 72), *q = sct_ioctl_out(d, i, 72);

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_out_puts(o, "{act_mask=");
	sct_out_udec(o, (uint32_t)(p[32] | p[33] << 8));
	sct_out_puts(o, ", buf_size=");
	sct_out_udec(o, sct_get32(p + 36));
	sct_out_puts(o, ", buf_nr=");
	sct_out_udec(o, sct_get32(p + 40));
	sct_out_puts(o, ", start_lba=");
	sct_out_udec(o, sct_get64(p + 48));
	sct_out_puts(o, ", end_lba=");
	sct_out_udec(o, sct_get64(p + 56));
	sct_out_puts(o, ", pid=");
	sct_print_pid(d, (int32_t)sct_get32(p + 64), SCT_PT_TGID);
	if (q) {
		sct_out_puts(o, ", name=");
		sct_ioctl_cstring(o, q, 32);
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_block(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	unsigned k, n = sizeof(blk) / sizeof(blk[0]);
	static const uint8_t size[] = { 0, 2, 4, 4, 8, 8, 16 };

	if (code == 0x1269) {		/* BLKPG */
		blkpg(d, i, arg);
		return SCT_IOCTL_DONE;
	}
	if (code == 0xc0481273) {	/* BLKTRACESETUP */
		trace_setup(d, i, arg);
		return SCT_IOCTL_DONE;
	}
	for (k = 0; k < n && blk[k].code != code; k++)
		;
	if (k == n)
		return SCT_IOCTL_DEFAULT;
	if (blk[k].kind == B_NONE)
		return SCT_IOCTL_OMIT;
	if (blk[k].kind == B_VAL) {
		sct_out_udec(o, arg);
		return SCT_IOCTL_DONE;
	}
	p = blk[k].get ? sct_ioctl_out(d, i, size[blk[k].kind]) : sct_ioctl_in(d, i, size[blk[k].kind]);
	if (!p) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	sct_out_putc(o, '[');
	switch (blk[k].kind) {
	case B_U16: sct_out_udec(o, (uint32_t)(p[0] | p[1] << 8)); break;
	case B_INT: sct_out_dec(o, (int32_t)sct_get32(p)); break;
	case B_UINT: sct_out_udec(o, sct_get32(p)); break;
	case B_LONG: sct_out_dec(o, (int64_t)sct_get64(p)); break;
	case B_U64: sct_out_udec(o, sct_get64(p)); break;
	case B_PAIR:
		sct_out_udec(o, sct_get64(p));
		sct_out_puts(o, ", ");
		sct_out_udec(o, sct_get64(p + 8));
		break;
	}
	sct_out_putc(o, ']');
	return SCT_IOCTL_DONE;
}

/* bytes the legacy block commands read (in) or write (out), for the capture */
int sct_ioctl_block_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	static const uint8_t size[] = { 0, 2, 4, 4, 8, 8, 16 };

	for (unsigned k = 0; k < sizeof(blk) / sizeof(blk[0]); k++)
		if (blk[k].code == code) {
			if (blk[k].kind >= B_VAL)
				return 0;
			*(blk[k].get ? out : in) = size[blk[k].kind];
			return 1;
		}
	return 0;
}
