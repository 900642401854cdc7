/* Device-mapper ioctls (type 0xfd, <linux/dm-ioctl.h>), as strace decodes them: the
 * struct dm_ioctl header of every command, as given and, after a successful call, as
 * left; the payload after it (target specs, dependencies, names, messages) shows as
 * "..." (strace's abbreviated form; the payloads strace prints with -v are not
 * decoded yet). */
#include <string.h>
#include "ioctl.h"
#include "xlattab.h"

enum {
	DM_VERSION = 0, DM_REMOVE_ALL, DM_LIST_DEVICES, DM_DEV_CREATE, DM_DEV_REMOVE,
	DM_DEV_RENAME, DM_DEV_SUSPEND, DM_DEV_STATUS, DM_DEV_WAIT, DM_TABLE_LOAD,
	DM_TABLE_CLEAR, DM_TABLE_DEPS, DM_TABLE_STATUS, DM_LIST_VERSIONS, DM_TARGET_MSG,
	DM_DEV_SET_GEOMETRY, DM_DEV_ARM_POLL, DM_GET_TARGET_VERSION,
};

#define DM_HDR 305			/* offsetof(struct dm_ioctl, data) */
#define DM_SUSPEND_FLAG 0x2
#define DM_DATA_OUT_FLAG 0x10000

/* strace's PRINT_FIELD_DEV: glibc's major() and minor() */
static void dev(struct sct_out *o, uint64_t v)
{
	sct_out_puts(o, ", dev=makedev(");
	sct_out_hex(o, (uint32_t)(((v >> 32) & 0xfffff000) | ((v >> 8) & 0xfff)));
	sct_out_puts(o, ", ");
	sct_out_hex(o, (uint32_t)(((v >> 12) & 0xffffff00) | (v & 0xff)));
	sct_out_putc(o, ')');
}

/* 1 when the header was whole and the payload may follow */
static int header(const struct sct_dec *d, uint32_t nr, const unsigned char *p, int after)
{
	struct sct_out *o = d->o;
	uint32_t size = sct_get32(p + 12), flags = sct_get32(p + 28);

	sct_out_puts(o, "{version=");
	sct_ioctl_array(d, p, 3, 4, 0);
	if (sct_get32(p) != 4) {
		sct_out_puts(o, " /* unsupported device mapper ABI version */}");
		return 0;
	}
	sct_ioc_field_u(o, ", data_size=", size);
	if (size < DM_HDR) {
		sct_out_puts(o, " /* data_size too small */}");
		return 0;
	}
	switch (nr) {
	case DM_VERSION: case DM_REMOVE_ALL: case DM_DEV_CREATE: case DM_DEV_REMOVE:
	case DM_DEV_SUSPEND: case DM_DEV_STATUS: case DM_TABLE_CLEAR: case DM_DEV_ARM_POLL:
		break;
	default:
		sct_ioc_field_u(o, ", data_start=", sct_get32(p + 16));
	}
	if (nr != DM_REMOVE_ALL && nr != DM_LIST_DEVICES && nr != DM_LIST_VERSIONS) {
		if (sct_get64(p + 40))
			dev(o, sct_get64(p + 40));
		if (p[48]) {
			sct_out_puts(o, ", name=");
			sct_ioctl_cstring(o, p + 48, 128);
		}
		if (p[176]) {
			sct_out_puts(o, ", uuid=");
			sct_ioctl_cstring(o, p + 176, 129);
		}
	}
	if (!after) {
		if (nr == DM_TABLE_LOAD)
			sct_ioc_field_u(o, ", target_count=", sct_get32(p + 20));
		else if (nr == DM_DEV_RENAME || nr == DM_DEV_REMOVE || nr == DM_DEV_WAIT ||
			 (nr == DM_DEV_SUSPEND && !(flags & DM_SUSPEND_FLAG)))
			sct_ioc_field_u(o, ", event_nr=", sct_get32(p + 32));
	} else {
		switch (nr) {
		case DM_DEV_CREATE: case DM_DEV_RENAME: case DM_DEV_SUSPEND: case DM_DEV_STATUS:
		case DM_DEV_WAIT: case DM_TABLE_LOAD: case DM_TABLE_CLEAR: case DM_TABLE_DEPS:
		case DM_TABLE_STATUS: case DM_TARGET_MSG:
			sct_ioc_field_u(o, ", target_count=", sct_get32(p + 20));
			sct_ioc_field_u(o, ", open_count=", sct_get32(p + 24));
			sct_ioc_field_u(o, ", event_nr=", sct_get32(p + 32));
		}
	}
	sct_out_puts(o, ", flags=");
	sct_print_xlat(o, SCT_XLAT_dm_flags, flags);
	sct_out_putc(o, '}');
	return 1;
}

/* whether the payload is there to show, as strace decides it, before the call or
 * after a successful one */
static int payload(uint32_t nr, const unsigned char *p, int after)
{
	uint32_t size = sct_get32(p + 12), start = sct_get32(p + 16);

	switch (nr) {
	case DM_TABLE_LOAD:
		return !after && sct_get32(p + 20);
	case DM_DEV_WAIT: case DM_TABLE_STATUS:
		return after && sct_get32(p + 20);
	case DM_TABLE_DEPS: case DM_LIST_DEVICES: case DM_LIST_VERSIONS:
		return after && start != size;
	case DM_TARGET_MSG:
		return !after || sct_get32(p + 28) & DM_DATA_OUT_FLAG;
	case DM_DEV_RENAME: case DM_DEV_SET_GEOMETRY:
		return !after;
	}
	return 0;
}

int sct_ioctl_dm(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t nr = SCT_IOC_NR(code);
	const unsigned char *p, *q;

	if (SCT_IOC_DIR(code) != (SCT_IOC_R | SCT_IOC_W) || SCT_IOC_SIZE(code) != 312 ||
	    nr > DM_DEV_ARM_POLL)
		return SCT_IOCTL_DEFAULT;
	if (!(p = sct_ioctl_in(d, i, DM_HDR)) || sct_get32(p + 12) < 12)
		return SCT_IOCTL_DEFAULT;	/* strace leaves it to the default: its address */
	(void)arg;
	for (int after = 0; after < 2; after++) {
		if (after) {
			if (sct_failed(d->r) || !(q = sct_ioctl_out(d, i, DM_HDR)))
				break;
			sct_out_puts(o, " => ");
			p = q;
		}
		sct_out_putc(o, '[');
		if (header(d, nr, p, after) && payload(nr, p, after))
			sct_out_puts(o, ", ...");
		sct_out_putc(o, ']');
	}
	return SCT_IOCTL_DONE;
}
