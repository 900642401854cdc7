/* UBI ioctls (types 'o' and 'O', <mtd/ubi-user.h>), as strace decodes them: volume
 * creation, resizing, renaming, attaching (with the number the kernel gave, after
 * " => "), eraseblock requests, and the numbers the others take. */
#include <stddef.h>
#include <string.h>
#include <linux/ioctl.h>
#include <mtd/ubi-user.h>
#include "ioctl.h"

static const struct sct_xlat volume_types[] = {
	{ UBI_DYNAMIC_VOLUME, "UBI_DYNAMIC_VOLUME" }, { UBI_STATIC_VOLUME, "UBI_STATIC_VOLUME" },
	{ 0, NULL }
};
static const struct sct_xlat volume_flags[] = {
	{ UBI_VOL_SKIP_CRC_CHECK_FLG, "UBI_VOL_SKIP_CRC_CHECK_FLG" }, { 0, NULL }
};
static const struct sct_xlat data_types[] = {
	{ 1, "UBI_LONGTERM" }, { 2, "UBI_SHORTTERM" }, { 3, "UBI_UNKNOWN" }, { 0, NULL }
};
static const struct sct_xlat volume_props[] = {
	{ UBI_VOL_PROP_DIRECT_WRITE, "UBI_VOL_PROP_DIRECT_WRITE" }, { 0, NULL }
};

/* a name of name_len bytes (clamped to the array), as strace's CSTRING_SZ */
static void name_field(struct sct_out *o, const char *name, int len, size_t size)
{
	if (len < 0)
		len = 0;
	if ((size_t)len > size - 1)
		len = (int)size - 1;
	sct_out_puts(o, ", name=");
	sct_ioctl_cstring(o, (const unsigned char *)name, (size_t)len + 1);
}

/* " => [N]": the volume or device number written back */
static void number_back(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!b || b->len < 4)
		return;
	sct_out_puts(d->o, " => [");
	sct_out_dec(d->o, (int32_t)sct_get32(sct_blob_data(b)));
	sct_out_putc(d->o, ']');
}

int sct_ioctl_ubi(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case UBI_IOCVOLUP:
		if ((p = sct_ioctl_in(d, i, 8)))
			sct_ioc_field_d(o, "[", (int64_t)sct_get64(p));
		break;
	case UBI_IOCDET: case UBI_IOCEBER: case UBI_IOCEBISMAP: case UBI_IOCEBUNMAP:
	case UBI_IOCRMVOL: case UBI_IOCRPEB: case UBI_IOCSPEB:
		if ((p = sct_ioctl_in(d, i, 4)))
			sct_ioc_field_d(o, "[", (int32_t)sct_get32(p));
		break;
	case UBI_IOCVOLCRBLK:
	case UBI_IOCVOLRMBLK:
		return SCT_IOCTL_OMIT;
	case UBI_IOCEBCH:	/* its number says 4 bytes: the struct has 16 */
		p = sct_ioctl_in(d, i, sizeof(struct ubi_leb_change_req));
		break;
	case UBI_IOCATT: case UBI_IOCEBMAP: case UBI_IOCMKVOL:
	case UBI_IOCRNVOL: case UBI_IOCRSVOL: case UBI_IOCSETVOLPROP:
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
	case UBI_IOCVOLUP: case UBI_IOCDET: case UBI_IOCEBER: case UBI_IOCEBISMAP:
	case UBI_IOCEBUNMAP: case UBI_IOCRMVOL: case UBI_IOCRPEB: case UBI_IOCSPEB:
		sct_out_putc(o, ']');
		break;
	case UBI_IOCMKVOL: {
		struct ubi_mkvol_req r;

		memcpy(&r, p, sizeof(r));
		sct_ioc_field_d(o, "{vol_id=", r.vol_id);
		sct_ioc_field_d(o, ", alignment=", r.alignment);
		sct_ioc_field_d(o, ", bytes=", r.bytes);
		sct_out_puts(o, ", vol_type=");
		sct_print_xval_style(o, volume_types, (uint64_t)(int64_t)r.vol_type,
				     "UBI_???_VOLUME", 0);
		sct_out_puts(o, ", flags=");
		sct_print_flags(o, volume_flags, r.flags, "UBI_VOL_???");
		sct_ioc_field_d(o, ", name_len=", r.name_len);
		name_field(o, r.name, r.name_len, sizeof(r.name));
		sct_out_putc(o, '}');
		number_back(d, i);
		break;
	}
	case UBI_IOCRSVOL: {
		struct ubi_rsvol_req r;

		memcpy(&r, p, sizeof(r));
		sct_ioc_field_d(o, "{bytes=", r.bytes);
		sct_ioc_field_d(o, ", vol_id=", r.vol_id);
		sct_out_putc(o, '}');
		break;
	}
	case UBI_IOCRNVOL: {
		struct ubi_rnvol_req r;
		int32_t n;

		memcpy(&r, p, sizeof(r));
		n = r.count < 0 ? 0 : r.count > UBI_MAX_RNVOL ? UBI_MAX_RNVOL : r.count;
		sct_ioc_field_d(o, "{count=", r.count);
		sct_out_puts(o, ", ents=[");
		for (int32_t k = 0; k < n; k++) {
			if (k)
				sct_out_puts(o, ", ");
			if (!sct_no_abbrev(d) && (uint32_t)k >= d->f->strsize) {
				sct_out_puts(o, "...");
				break;
			}
			sct_ioc_field_d(o, "{vol_id=", r.ents[k].vol_id);
			sct_ioc_field_d(o, ", name_len=", r.ents[k].name_len);
			name_field(o, r.ents[k].name, r.ents[k].name_len, sizeof(r.ents[k].name));
			sct_out_putc(o, '}');
		}
		sct_out_puts(o, "]}");
		break;
	}
	case UBI_IOCEBCH: {
		struct ubi_leb_change_req r;

		memcpy(&r, p, sizeof(r));
		sct_ioc_field_d(o, "{lnum=", r.lnum);
		sct_ioc_field_d(o, ", bytes=", r.bytes);
		sct_out_puts(o, ", dtype=");
		sct_print_xval_style(o, data_types, (uint64_t)(int64_t)r.dtype, "UBI_???", 0);
		sct_out_putc(o, '}');
		break;
	}
	case UBI_IOCATT: {
		struct ubi_attach_req r;

		memcpy(&r, p, sizeof(r));
		sct_ioc_field_d(o, "{ubi_num=", r.ubi_num);
		sct_ioc_field_d(o, ", mtd_num=", r.mtd_num);
		sct_ioc_field_d(o, ", vid_hdr_offset=", r.vid_hdr_offset);
		sct_ioc_field_d(o, ", max_beb_per1024=", r.max_beb_per1024);
		sct_out_putc(o, '}');
		number_back(d, i);
		break;
	}
	case UBI_IOCEBMAP: {
		struct ubi_map_req r;

		memcpy(&r, p, sizeof(r));
		sct_ioc_field_d(o, "{lnum=", r.lnum);
		sct_out_puts(o, ", dtype=");
		sct_print_xval_style(o, data_types, (uint64_t)(int64_t)r.dtype, "UBI_???", 0);
		sct_out_putc(o, '}');
		break;
	}
	case UBI_IOCSETVOLPROP: {
		struct ubi_set_vol_prop_req r;

		memcpy(&r, p, sizeof(r));
		sct_out_puts(o, "{property=");
		sct_print_xval(o, volume_props, r.property, "UBI_VOL_PROP_???");
		sct_out_puts(o, ", value=");
		sct_out_hex(o, r.value);
		sct_out_putc(o, '}');
		break;
	}
	}
	return SCT_IOCTL_DONE;
}
