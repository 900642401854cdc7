/* userfaultfd ioctls (type 0xaa, <linux/userfaultfd.h>), as strace decodes them: the
 * API handshake (features asked, and what the kernel answered), registering ranges,
 * copying and zeroing pages.  What a call returns shows after the request's fields,
 * from the struct as the call left it (preload/capture_pre.c copied it before). */
#include <linux/ioctl.h>
#include <linux/types.h>
#include <linux/userfaultfd.h>
#include "ioctl.h"
#include "xlattab.h"

static const struct sct_xlat api_ioctls[] = {
	{ 1ull << _UFFDIO_REGISTER, "1<<_UFFDIO_REGISTER" },
	{ 1ull << _UFFDIO_UNREGISTER, "1<<_UFFDIO_UNREGISTER" },
	{ 1ull << _UFFDIO_API, "1<<_UFFDIO_API" }, { 0, NULL }
};
static const struct sct_xlat register_ioctls[] = {
	{ 1ull << _UFFDIO_WAKE, "1<<_UFFDIO_WAKE" }, { 1ull << _UFFDIO_COPY, "1<<_UFFDIO_COPY" },
	{ 1ull << _UFFDIO_ZEROPAGE, "1<<_UFFDIO_ZEROPAGE" },
	{ 1ull << _UFFDIO_WRITEPROTECT, "1<<_UFFDIO_WRITEPROTECT" },
	{ 1ull << _UFFDIO_CONTINUE, "1<<_UFFDIO_CONTINUE" }, { 0, NULL }
};
static const struct sct_xlat copy_modes[] = {
	{ UFFDIO_COPY_MODE_DONTWAKE, "UFFDIO_COPY_MODE_DONTWAKE" },
	{ UFFDIO_COPY_MODE_WP, "UFFDIO_COPY_MODE_WP" }, { 0, NULL }
};
static const struct sct_xlat register_modes[] = {
	{ UFFDIO_REGISTER_MODE_MISSING, "UFFDIO_REGISTER_MODE_MISSING" },
	{ UFFDIO_REGISTER_MODE_WP, "UFFDIO_REGISTER_MODE_WP" },
	{ UFFDIO_REGISTER_MODE_MINOR, "UFFDIO_REGISTER_MODE_MINOR" }, { 0, NULL }
};
static const struct sct_xlat zeropage_modes[] = {
	{ UFFDIO_ZEROPAGE_MODE_DONTWAKE, "UFFDIO_ZEROPAGE_MODE_DONTWAKE" }, { 0, NULL }
};

static void flags_field(struct sct_out *o, const char *name, const struct sct_xlat *t,
			uint64_t v, const char *dflt)
{
	sct_out_puts(o, name);
	sct_print_flags(o, t, v, dflt);
}

static void range(struct sct_out *o, const unsigned char *p)
{
	sct_ioc_field_x(o, "{start=", sct_get64(p));
	sct_ioc_field_x(o, ", len=", sct_get64(p + 8));
	sct_out_putc(o, '}');
}

int sct_ioctl_uffd(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p, *q;

	switch (code) {
	case UFFDIO_API: case UFFDIO_COPY: case UFFDIO_REGISTER: case UFFDIO_UNREGISTER:
	case UFFDIO_WAKE: case UFFDIO_ZEROPAGE:
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	if (!(p = sct_ioctl_in(d, i, SCT_IOC_SIZE(code)))) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	q = sct_ioctl_out(d, i, SCT_IOC_SIZE(code));
	switch (code) {
	case UFFDIO_API:
		sct_ioc_field_x(o, "{api=", sct_get64(p));
		sct_out_puts(o, ", features=");
		sct_print_xlat(o, SCT_XLAT_uffd_api_features, sct_get64(p + 8));
		if (q) {
			if (sct_get64(q + 8) != sct_get64(p + 8)) {
				sct_out_puts(o, " => features=");
				sct_print_xlat(o, SCT_XLAT_uffd_api_features, sct_get64(q + 8));
			}
			flags_field(o, ", ioctls=", api_ioctls, sct_get64(q + 16), "_UFFDIO_???");
		}
		sct_out_putc(o, '}');
		break;
	case UFFDIO_COPY:
		sct_ioc_field_x(o, "{dst=", sct_get64(p));
		sct_ioc_field_x(o, ", src=", sct_get64(p + 8));
		sct_ioc_field_x(o, ", len=", sct_get64(p + 16));
		flags_field(o, ", mode=", copy_modes, sct_get64(p + 24), "UFFDIO_COPY_???");
		if (q)
			sct_ioc_field_x(o, ", copy=", sct_get64(q + 32));
		sct_out_putc(o, '}');
		break;
	case UFFDIO_REGISTER:
		sct_out_puts(o, "{range=");
		range(o, p);
		flags_field(o, ", mode=", register_modes, sct_get64(p + 16),
			    "UFFDIO_REGISTER_MODE_???");
		if (q)
			flags_field(o, ", ioctls=", register_ioctls, sct_get64(q + 24), "UFFDIO_???");
		sct_out_putc(o, '}');
		break;
	case UFFDIO_UNREGISTER:
	case UFFDIO_WAKE:
		range(o, p);
		break;
	case UFFDIO_ZEROPAGE:
		sct_out_puts(o, "{range=");
		range(o, p);
		flags_field(o, ", mode=", zeropage_modes, sct_get64(p + 16),
			    "UFFDIO_ZEROPAGE_???");
		if (q)
			sct_ioc_field_x(o, ", zeropage=", sct_get64(q + 24));
		sct_out_putc(o, '}');
		break;
	}
	return SCT_IOCTL_DONE;
}
