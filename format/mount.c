/* mount(2) as strace prints it: the old magic MS_MGC_VAL apart from the flags, and the
 * file system type and data as strings, or as addresses when the flags say the kernel
 * does not use them (the type for MS_REMOUNT, both for MS_BIND, MS_MOVE and the
 * propagation changes):
 *   mount("/dev/sda1", "/mnt", "ext4", MS_MGC_VAL|MS_RDONLY, "errors=remount-ro") */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define MS_MGC_VAL_ 0xc0ed0000u
#define MS_MGC_MSK_ 0xffff0000u
#define MS_REMOUNT_ 0x20u
/* MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE */
#define MS_NODATA_ (0x1000u | 0x2000u | 0x100000u | 0x40000u | 0x80000u | 0x20000u)

static uint64_t flags_of(uint64_t v)
{
	return (v & MS_MGC_MSK_) == MS_MGC_VAL_ ? v & ~(uint64_t)MS_MGC_MSK_ : v;
}

int sct_dec_mount_flags(const struct sct_dec *d, unsigned i)
{
	uint64_t v = d->r->arg[i], f = flags_of(v);

	if (f != v) {
		sct_print_named(d->o, MS_MGC_VAL_, 0, "MS_MGC_VAL");
		if (!f)
			return 0;
		sct_out_putc(d->o, '|');
	}
	sct_print_xlat(d->o, SCT_XLAT_mount_flags, f);
	return 0;
}

/* the type (argument 2) or the data (argument 4), the flags being argument aux */
int sct_dec_mount_str(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);
	uint64_t f = flags_of(a >= 0 ? d->r->arg[a] : 0);
	int unused = i == 2 ? (f & (MS_REMOUNT_ | MS_NODATA_)) != 0
			    : !(f & MS_REMOUNT_) && (f & MS_NODATA_);

	if (unused)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_strarg(d, i, SCT_BLOB_IN, 0);
	return 0;
}

/* mount_setattr's struct mount_attr of the size given (arg 4, at least 32 bytes):
 * {attr_set=MOUNT_ATTR_RDONLY, attr_clr=0, propagation=MS_SLAVE, userns_fd=3}, the
 * descriptor one (with -y its path) only when MOUNT_ATTR_IDMAP is set or cleared and it
 * fits an int, then the bytes past ours as strace's print_nonzero_bytes */
int sct_dec_mount_attr(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t base;
	const unsigned char *p = sct_ext_struct(d, i, &base);
	uint64_t set, clr, fd;

	if (!p || base < 32 || d->r->arg[4] < 32) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	set = sct_get64(p);
	clr = sct_get64(p + 8);
	fd = sct_get64(p + 24);
	sct_out_puts(o, "{attr_set=");
	sct_print_xlat(o, SCT_XLAT_mount_attr_attr, set);
	sct_out_puts(o, ", attr_clr=");
	sct_print_xlat(o, SCT_XLAT_mount_attr_attr, clr);
	sct_out_puts(o, ", propagation=");
	sct_print_xlat(o, SCT_XLAT_mount_attr_propagation, sct_get64(p + 16));
	sct_out_puts(o, ", userns_fd=");
	if (fd > 0x7fffffff || !((set | clr) & 0x100000))	/* MOUNT_ATTR_IDMAP */
		sct_out_udec(o, fd);
	else
		sct_print_fd(d, i, (int32_t)fd);
	sct_ext_rest(d, i);
	sct_out_putc(o, '}');
	return 0;
}
