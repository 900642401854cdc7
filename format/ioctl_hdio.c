/* ATA disk ioctls (type 0x03, HDIO_*), as strace decodes them: the geometry, the
 * drive command and what it returned, the identity strings, and the settings each
 * command gets (an unsigned long behind the pointer) or sets (the argument itself). */
#include <linux/hdreg.h>
#include "ioctl.h"
#include "xlattab.h"

#define HDIO_GET_ADDRESS_ 0x0310	/* not in every <linux/hdreg.h> */

static const struct sct_xlat ide_nice[] = {
	{ 1u << IDE_NICE_DSC_OVERLAP, "1 << IDE_NICE_DSC_OVERLAP" },
	{ 1u << IDE_NICE_ATAPI_OVERLAP, "1 << IDE_NICE_ATAPI_OVERLAP" },
	{ 1u << IDE_NICE_1, "1 << IDE_NICE_1" },
	{ 1u << IDE_NICE_0, "1 << IDE_NICE_0" },
	{ 1u << IDE_NICE_2, "1 << IDE_NICE_2" },
	{ 0, NULL }
};

static const struct sct_xlat busstates[] = {
	{ BUSSTATE_OFF, "BUSSTATE_OFF" }, { BUSSTATE_ON, "BUSSTATE_ON" },
	{ BUSSTATE_TRISTATE, "BUSSTATE_TRISTATE" }, { 0, NULL }
};

enum { H_ULONG = 1, H_NICE, H_BUS };

/* the settings: got through an unsigned long (OUT), set as the argument */
static int setting(uint32_t code)
{
	switch (code) {
	case HDIO_GET_32BIT: case HDIO_GET_ACOUSTIC: case HDIO_GET_ADDRESS_: case HDIO_GET_DMA:
	case HDIO_GET_KEEPSETTINGS: case HDIO_GET_MULTCOUNT: case HDIO_GET_NOWERR:
	case HDIO_GET_UNMASKINTR: case HDIO_GET_WCACHE:
	case HDIO_SET_32BIT: case HDIO_SET_ACOUSTIC: case HDIO_SET_ADDRESS: case HDIO_SET_DMA:
	case HDIO_SET_KEEPSETTINGS: case HDIO_SET_MULTCOUNT: case HDIO_SET_NOWERR:
	case HDIO_SET_PIO_MODE: case HDIO_SET_UNMASKINTR: case HDIO_SET_WCACHE:
	case HDIO_UNREGISTER_HWIF:
		return H_ULONG;
	case HDIO_GET_NICE: case HDIO_SET_NICE:
		return H_NICE;
	case HDIO_GET_BUSSTATE: case HDIO_SET_BUSSTATE:
		return H_BUS;
	}
	return 0;
}

static void print_setting(struct sct_out *o, int kind, uint64_t v)
{
	if (kind == H_NICE)
		sct_print_flags(o, ide_nice, v, "IDE_NICE_???");
	else if (kind == H_BUS)
		sct_print_xval(o, busstates, v, "BUSSTATE_???");
	else
		sct_out_udec(o, v);
}

/* HDIO_DRIVE_CMD: the request, and what the drive said (also on EIO) with the
 * sectors it read after the 4-byte header (OUT: header, then the bytes shown) */
static void drive_cmd(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 4);
	const struct sct_blob *b = sct_arg_out(d, i);
	uint64_t want;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_out_puts(o, "{command=");
	sct_print_xlat(o, SCT_XLAT_hdio_drive_cmds, p[0]);
	sct_out_puts(o, ", sector_number=");
	sct_out_udec(o, p[1]);
	sct_out_puts(o, ", feature=");
	sct_out_udec(o, p[2]);
	sct_out_puts(o, ", sector_count=");
	sct_out_udec(o, p[3]);
	if (!b || b->len < 4 || (sct_failed(d->r) && d->r->ret != -5)) {	/* EIO */
		sct_out_putc(o, '}');
		return;
	}
	p = sct_blob_data(b);
	sct_out_puts(o, "} => {status=");
	sct_out_hex(o, p[0]);
	sct_out_puts(o, ", error=");
	sct_out_udec(o, p[1]);
	sct_out_puts(o, ", nsector=");
	sct_out_udec(o, p[2]);
	if (p[3]) {
		want = (uint64_t)p[3] * 512;
		sct_out_puts(o, ", buf=");
		if (b->len - 4 < (want < d->f->strsize + 1 ? want : d->f->strsize + 1)) {
			sct_print_addr(o, arg + 4);
		} else {
			int saved = o->xstyle;

			o->xstyle = SCT_XSTR_ALL;
			sct_print_quoted(o, p + 4, b->len - 4, d->f->strsize, want > d->f->strsize);
			o->xstyle = saved;
		}
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_hdio(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	int kind = setting(code);

	if (kind) {
		if ((code & 0xff) >= 0x20 || code == HDIO_UNREGISTER_HWIF) {	/* the setters */
			print_setting(o, kind, arg);
			return SCT_IOCTL_DONE;
		}
		if (!(p = sct_ioctl_out(d, i, 8))) {
			sct_print_addr(o, arg);
			return SCT_IOCTL_DONE;
		}
		sct_out_putc(o, '[');
		print_setting(o, kind, sct_get64(p));
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	}
	switch (code) {
	case HDIO_GETGEO:
		if (!(p = sct_ioctl_out(d, i, 16))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_puts(o, "{heads=");
		sct_out_udec(o, p[0]);
		sct_out_puts(o, ", sectors=");
		sct_out_udec(o, p[1]);
		sct_out_puts(o, ", cylinders=");
		sct_out_udec(o, (uint32_t)(p[2] | p[3] << 8));
		sct_out_puts(o, ", start=");
		sct_out_udec(o, sct_get64(p + 8));
		sct_out_putc(o, '}');
		break;
	case HDIO_DRIVE_CMD:
		drive_cmd(d, i, arg);
		break;
	case HDIO_DRIVE_RESET:
	case HDIO_SCAN_HWIF:
		if (!(p = sct_ioctl_in(d, i, 12))) {
			sct_print_addr(o, arg);
			break;
		}
		for (int k = 0; k < 3; k++) {
			sct_out_puts(o, k ? ", " : "[");
			sct_out_hex(o, sct_get32(p + 4 * k));
		}
		sct_out_putc(o, ']');
		break;
	case HDIO_GET_IDENTITY:
	case HDIO_OBSOLETE_IDENTITY: {
		const struct sct_blob *b = sct_failed(d->r) || !arg ? NULL : sct_arg_out(d, i);

		if (!b)
			sct_print_addr(o, arg);
		else
			sct_print_quoted(o, sct_blob_data(b), b->len, d->f->strsize,
					 code == HDIO_GET_IDENTITY ? 512 > d->f->strsize :
					 142 > d->f->strsize);
		break;
	}
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}

int sct_ioctl_hdio_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	int kind = setting(code);

	if (kind && (code & 0xff) < 0x20 && code != HDIO_UNREGISTER_HWIF)
		*out = 8;
	else if (code == HDIO_GETGEO)
		*out = 16;
	else if (code == HDIO_DRIVE_RESET || code == HDIO_SCAN_HWIF)
		*in = 12;
	else if (code == HDIO_DRIVE_CMD)
		*in = 4;	/* the rest: preload/capture_ioctl.c */
	else
		return 0;
	return 1;
}
