/* MTD (flash) ioctls (type 'M', <mtd/mtd-abi.h>), as strace decodes them: erase and
 * lock ranges, out-of-band buffers, write requests, OTP regions, the device's
 * information, ECC layouts and statistics. */
#include <stddef.h>
#include <string.h>
#include <linux/ioctl.h>
#include <mtd/mtd-abi.h>
#include "ioctl.h"
#include "xlattab.h"

static void xval_field(struct sct_out *o, const char *name, unsigned tab, uint64_t v)
{
	sct_out_puts(o, name);
	sct_print_xlat(o, tab, v);
}

/* an array of n 32-bit elements in hex, "..." after -s of them */
static void x_array(const struct sct_dec *d, const char *name, const unsigned char *p, uint32_t n)
{
	sct_out_puts(d->o, name);
	sct_ioctl_array(d, p, n, 4, 1);
}

static void mtd_info(struct sct_out *o, const unsigned char *p)
{
	struct mtd_info_user m;

	memcpy(&m, p, sizeof(m));
	xval_field(o, "{type=", SCT_XLAT_mtd_type_options, m.type);
	xval_field(o, ", flags=", SCT_XLAT_mtd_flags_options, m.flags);
	sct_ioc_field_x(o, ", size=", m.size);
	sct_ioc_field_x(o, ", erasesize=", m.erasesize);
	sct_ioc_field_x(o, ", writesize=", m.writesize);
	sct_ioc_field_x(o, ", oobsize=", m.oobsize);
	sct_ioc_field_x(o, ", padding=", m.padding);
	sct_out_putc(o, '}');
}

static void oobinfo(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	struct nand_oobinfo n;

	memcpy(&n, p, sizeof(n));
	xval_field(o, "{useecc=", SCT_XLAT_mtd_nandecc_options, n.useecc);
	sct_ioc_field_x(o, ", eccbytes=", n.eccbytes);
	sct_out_puts(o, ", oobfree=[");
	for (unsigned k = 0; k < 8; k++) {
		if (k)
			sct_out_puts(o, ", ");
		sct_ioctl_array(d, p + offsetof(struct nand_oobinfo, oobfree) + 8 * k, 2, 4, 1);
	}
	sct_out_putc(o, ']');
	x_array(d, ", eccpos=", p + offsetof(struct nand_oobinfo, eccpos), 32);
	sct_out_putc(o, '}');
}

static void ecclayout(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	struct nand_ecclayout_user l;

	memcpy(&l, p, sizeof(l));
	sct_ioc_field_x(o, "{eccbytes=", l.eccbytes);
	x_array(d, ", eccpos=", p + offsetof(struct nand_ecclayout_user, eccpos), 64);
	sct_ioc_field_x(o, ", oobavail=", l.oobavail);
	sct_out_puts(o, ", oobfree=[");
	for (unsigned k = 0; k < MTD_MAX_OOBFREE_ENTRIES; k++) {
		if (k)
			sct_out_puts(o, ", ");
		sct_ioc_field_x(o, "{offset=", l.oobfree[k].offset);
		sct_ioc_field_x(o, ", length=", l.oobfree[k].length);
		sct_out_putc(o, '}');
	}
	sct_out_puts(o, "]}");
}

int sct_ioctl_mtd(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	uint32_t size = SCT_IOC_SIZE(code);

	switch (code) {
	case MTDFILEMODE:
		sct_print_xlat(o, SCT_XLAT_mtd_file_mode_options, arg);
		return SCT_IOCTL_DONE;
	case MEMERASE: case MEMLOCK: case MEMUNLOCK: case MEMISLOCKED: case MEMERASE64:
	case MEMWRITEOOB: case MEMREADOOB: case MEMWRITEOOB64: case MEMREADOOB64: case MEMWRITE:
	case OTPLOCK: case OTPSELECT: case MEMGETBADBLOCK: case MEMSETBADBLOCK:
	case MEMGETREGIONINFO:
		p = sct_ioctl_in(d, i, size);
		break;
	case OTPGETREGIONINFO: case MEMGETINFO: case MEMGETOOBSEL: case ECCGETLAYOUT:
	case ECCGETSTATS: case OTPGETREGIONCOUNT: case MEMGETREGIONCOUNT:
		p = sct_ioctl_out(d, i, size);
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	if (!p) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	switch (code) {
	case MEMERASE: case MEMLOCK: case MEMUNLOCK: case MEMISLOCKED:
		sct_ioc_field_x(o, "{start=", sct_get32(p));
		sct_ioc_field_x(o, ", length=", sct_get32(p + 4));
		sct_out_putc(o, '}');
		break;
	case MEMERASE64:
		sct_ioc_field_x(o, "{start=", sct_get64(p));
		sct_ioc_field_x(o, ", length=", sct_get64(p + 8));
		sct_out_putc(o, '}');
		break;
	case MEMWRITEOOB: case MEMREADOOB:
		sct_ioc_field_x(o, "{start=", sct_get32(p));
		sct_ioc_field_x(o, ", length=", sct_get32(p + 4));
		sct_out_puts(o, ", ptr=");
		sct_print_addr(o, sct_get64(p + 8));
		sct_out_putc(o, '}');
		break;
	case MEMWRITEOOB64: case MEMREADOOB64:
		sct_ioc_field_x(o, "{start=", sct_get64(p));
		sct_ioc_field_x(o, ", length=", sct_get32(p + 12));
		sct_out_puts(o, ", usr_ptr=");
		sct_print_addr(o, sct_get64(p + 16));
		sct_out_putc(o, '}');
		break;
	case MEMWRITE:
		sct_ioc_field_x(o, "{start=", sct_get64(p));
		sct_ioc_field_x(o, ", len=", sct_get64(p + 8));
		sct_ioc_field_x(o, ", ooblen=", sct_get64(p + 16));
		sct_out_puts(o, ", usr_data=");
		sct_print_addr(o, sct_get64(p + 24));
		sct_out_puts(o, ", usr_oob=");
		sct_print_addr(o, sct_get64(p + 32));
		xval_field(o, ", mode=", SCT_XLAT_mtd_mode_options, p[40]);
		sct_out_putc(o, '}');
		break;
	case OTPGETREGIONINFO: case OTPLOCK:
		sct_ioc_field_x(o, "{start=", sct_get32(p));
		sct_ioc_field_x(o, ", length=", sct_get32(p + 4));
		sct_out_puts(o, ", locked=");
		sct_out_udec(o, sct_get32(p + 8));
		sct_out_putc(o, '}');
		break;
	case OTPSELECT:
		xval_field(o, "[", SCT_XLAT_mtd_otp_options, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case MEMGETBADBLOCK: case MEMSETBADBLOCK:
		sct_out_putc(o, '[');
		sct_out_udec(o, sct_get64(p));
		sct_out_putc(o, ']');
		break;
	case MEMGETINFO:
		mtd_info(o, p);
		break;
	case MEMGETOOBSEL:
		oobinfo(d, p);
		break;
	case ECCGETLAYOUT:
		ecclayout(d, p);
		break;
	case ECCGETSTATS:
		sct_ioc_field_x(o, "{corrected=", sct_get32(p));
		sct_ioc_field_x(o, ", failed=", sct_get32(p + 4));
		sct_ioc_field_x(o, ", badblocks=", sct_get32(p + 8));
		sct_ioc_field_x(o, ", bbtblocks=", sct_get32(p + 12));
		sct_out_putc(o, '}');
		break;
	case OTPGETREGIONCOUNT:
		sct_out_putc(o, '[');
		sct_out_udec(o, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case MEMGETREGIONCOUNT:
		sct_out_putc(o, '[');
		sct_out_dec(o, (int32_t)sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case MEMGETREGIONINFO:
		sct_ioc_field_x(o, "{regionindex=", sct_get32(p + 12));
		if ((p = sct_ioctl_out(d, i, size))) {
			sct_ioc_field_x(o, ", offset=", sct_get32(p));
			sct_ioc_field_x(o, ", erasesize=", sct_get32(p + 4));
			sct_ioc_field_x(o, ", numblocks=", sct_get32(p + 8));
		}
		sct_out_putc(o, '}');
		break;
	}
	return SCT_IOCTL_DONE;
}
