/* File-system ioctls (types 'f', 'X', 0x94), as strace decodes them: the inode flags
 * of FS_IOC_GETFLAGS/SETFLAGS, FICLONE and FICLONERANGE, FS_IOC_FIEMAP's request and
 * result, FITRIM's range, the struct fsxattr, FIFREEZE and FITHAW without an argument. */
#include "ioctl.h"
#include "xlattab.h"

static void field_u(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_udec(o, v);
}

/* the extents captured after the header (preload/capture_ioctl.c), as strace's
 * print_array shows them: the address when not even the first can be read */
static void extents(const struct sct_dec *d, unsigned i, const unsigned char *q, uint32_t n,
		    uint64_t at)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_out(d, i);
	uint32_t have = (b->len - 32) / 56, k;

	if (!n) {
		sct_out_puts(o, "[]");
		return;
	}
	if (!have) {
		sct_print_addr(o, at);
		return;
	}
	for (k = 0; k < have && k < n; k++) {
		const unsigned char *e = q + 32 + 56 * k;

		sct_out_puts(o, k ? ", " : "[");
		field_u(o, "{fe_logical=", sct_get64(e));
		field_u(o, ", fe_physical=", sct_get64(e + 8));
		field_u(o, ", fe_length=", sct_get64(e + 16));
		sct_out_puts(o, ", fe_flags=");
		sct_print_xlat(o, SCT_XLAT_fiemap_extent_flags, sct_get32(e + 40));
		sct_out_putc(o, '}');
	}
	if (k < n) {
		sct_out_puts(o, ", ... /* ");
		sct_out_hex(o, at + 56ull * k);
		sct_out_puts(o, " */");
	}
	sct_out_putc(o, ']');
}

static void fiemap(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 32), *q = sct_ioctl_out(d, i, 32);

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	field_u(o, "{fm_start=", sct_get64(p));
	field_u(o, ", fm_length=", sct_get64(p + 8));
	sct_out_puts(o, ", fm_flags=");
	sct_print_xlat(o, SCT_XLAT_fiemap_flags, sct_get32(p + 16));
	field_u(o, ", fm_extent_count=", sct_get32(p + 24));
	sct_out_putc(o, '}');
	if (!q)
		return;
	sct_out_puts(o, " => {fm_flags=");
	sct_print_xlat(o, SCT_XLAT_fiemap_flags, sct_get32(q + 16));
	field_u(o, ", fm_mapped_extents=", sct_get32(q + 20));
	if (!sct_no_abbrev(d)) {
		sct_out_puts(o, ", ...}");
		return;
	}
	sct_out_puts(o, ", fm_extents=");
	extents(d, i, q, sct_get32(q + 20), arg + 32);
	sct_out_putc(o, '}');
}

static void fsxattr(struct sct_out *o, const unsigned char *p, int get)
{
	sct_out_puts(o, "{fsx_xflags=");
	sct_print_xlat(o, SCT_XLAT_fs_xflags, sct_get32(p));
	field_u(o, ", fsx_extsize=", sct_get32(p + 4));
	if (get)
		field_u(o, ", fsx_nextents=", sct_get32(p + 8));
	sct_out_puts(o, ", fsx_projid=");
	sct_out_hex(o, sct_get32(p + 12));
	field_u(o, ", fsx_cowextsize=", sct_get32(p + 16));
	sct_out_putc(o, '}');
}

int sct_ioctl_fs(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case 0xc020660b:	/* FS_IOC_FIEMAP */
		fiemap(d, i, arg);
		break;
	case 0x80086601:	/* FS_IOC_GETFLAGS */
	case 0x80046601:	/* FS_IOC32_GETFLAGS */
	case 0x40086602:	/* FS_IOC_SETFLAGS */
	case 0x40046602:	/* FS_IOC32_SETFLAGS */
		p = code >> 30 == SCT_IOC_R ? sct_ioctl_out(d, i, 4) : sct_ioctl_in(d, i, 4);
		if (!p) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_putc(o, '[');
		sct_print_xlat(o, SCT_XLAT_fs_ioc_flags, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case 0xc0185879:	/* FITRIM */
		if (!(p = sct_ioctl_in(d, i, 24))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_puts(o, "{start=");
		sct_out_hex(o, sct_get64(p));
		field_u(o, ", len=", sct_get64(p + 8));
		field_u(o, ", minlen=", sct_get64(p + 16));
		sct_out_putc(o, '}');
		break;
	case 0x801c581f:	/* FS_IOC_FSGETXATTR */
	case 0x401c5820:	/* FS_IOC_FSSETXATTR */
		p = code == 0x801c581f ? sct_ioctl_out(d, i, 28) : sct_ioctl_in(d, i, 28);
		if (p)
			fsxattr(o, p, code == 0x801c581f);
		else
			sct_print_addr(o, arg);
		break;
	case 0x40049409:	/* FICLONE: the source descriptor */
		sct_out_dec(o, (int32_t)arg);
		break;
	case 0x4020940d:	/* FICLONERANGE */
		if (!(p = sct_ioctl_in(d, i, 32))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_puts(o, "{src_fd=");
		sct_print_fd(d, i, (int32_t)sct_get64(p));
		field_u(o, ", src_offset=", sct_get64(p + 8));
		field_u(o, ", src_length=", sct_get64(p + 16));
		field_u(o, ", dest_offset=", sct_get64(p + 24));
		sct_out_putc(o, '}');
		break;
	case 0xc0045877:	/* FIFREEZE */
	case 0xc0045878:	/* FITHAW */
		return SCT_IOCTL_OMIT;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}
