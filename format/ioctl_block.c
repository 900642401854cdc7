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

int sct_ioctl_block(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	unsigned k, n = sizeof(blk) / sizeof(blk[0]);
	static const uint8_t size[] = { 0, 2, 4, 4, 8, 8, 16 };

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
