/* Device-mapper ioctls (type 0xfd, <linux/dm-ioctl.h>), as strace decodes them: the
 * struct dm_ioctl header of every command and, after a successful call, as the call
 * left it; then the payload after it (target specs, dependencies, device names,
 * target versions, messages, strings), "..." unless -v.  The blob is the argument's
 * memory as read after the call: the header, and with -v the rest of its data_size
 * as far as it can be read (preload/capture_ioctl.c); what is past it prints as its
 * address, as strace prints what it cannot read. */
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
		return after ? (sct_get32(p + 28) & DM_DATA_OUT_FLAG) != 0 : start != size;
	case DM_DEV_RENAME: case DM_DEV_SET_GEOMETRY:
		return !after;
	}
	return 0;
}

/* The argument's memory as captured: `have` bytes at `p`, the program's at `addr`. */
struct image {
	const unsigned char *p;
	uint32_t have;
	uint64_t addr;
};

static int readable(const struct image *m, uint64_t off, uint64_t n)
{
	return off + n >= off && off + n <= m->have;
}

/* strace's printstr_ex(QUOTE_0_TERMINATED) of len bytes at off: up to the NUL or -s
 * bytes, "..." when no NUL came first; the address when it cannot be read */
static void cstr(const struct sct_dec *d, const struct image *m, uint64_t off, uint64_t len)
{
	uint64_t size = len < d->f->strsize ? len : d->f->strsize, n = 0;

	while (n < size && readable(m, off + n, 1) && m->p[off + n])
		n++;
	if (n < size && !readable(m, off + n, 1)) {
		sct_print_addr(d->o, m->addr + off);
		return;
	}
	sct_print_quoted(d->o, m->p + off, n, n, n == size && len);
}

static void misplaced(struct sct_out *o, const char *what)
{
	sct_out_puts(o, "??? /* misplaced ");
	sct_out_puts(o, what);
	sct_out_puts(o, " */");
}

/* struct dm_target_spec (40 bytes) and its parameters, target_count of them */
static void target_specs(const struct sct_dec *d, const struct image *m, const unsigned char *h,
			 int after)
{
	struct sct_out *o = d->o;
	uint32_t size = sct_get32(h + 12), start = sct_get32(h + 16), cnt = sct_get32(h + 20);
	uint32_t off = start, end = 0;

	for (uint32_t k = 0; k < cnt; k++) {
		sct_out_puts(o, ", ");
		if ((k && off <= end) || (end = off + 40) <= off || end > size) {
			misplaced(o, "struct dm_target_spec");
			return;
		}
		if (k >= d->f->strsize) {
			sct_out_puts(o, "...");
			return;
		}
		if (!readable(m, off, 40)) {
			sct_print_addr(o, m->addr + off);
			return;
		}
		sct_ioc_field_u(o, "{sector_start=", sct_get64(m->p + off));
		sct_ioc_field_u(o, ", length=", sct_get64(m->p + off + 8));
		if (after)
			sct_ioc_field_d(o, ", status=", (int32_t)sct_get32(m->p + off + 16));
		sct_out_puts(o, ", target_type=");
		sct_ioctl_cstring(o, m->p + off + 24, 16);
		sct_out_puts(o, ", string=");
		cstr(d, m, end, size - end);
		sct_out_putc(o, '}');
		off = after ? start + sct_get32(m->p + off + 20) : off + sct_get32(m->p + off + 20);
	}
}

static void dev_elem(const struct sct_dec *d, const unsigned char *e)
{
	uint64_t v = sct_get64(e);

	sct_out_puts(d->o, "makedev(");
	sct_out_hex(d->o, (uint32_t)(((v >> 32) & 0xfffff000) | ((v >> 8) & 0xfff)));
	sct_out_puts(d->o, ", ");
	sct_out_hex(d->o, (uint32_t)(((v >> 12) & 0xffffff00) | (v & 0xff)));
	sct_out_putc(d->o, ')');
}

/* struct dm_target_deps: count, then count devices */
static void target_deps(const struct sct_dec *d, const struct image *m, const unsigned char *h)
{
	struct sct_out *o = d->o;
	uint32_t size = sct_get32(h + 12), off = sct_get32(h + 16), end = off + 8, cnt;

	sct_out_puts(o, ", ");
	if (end <= off || end > size) {
		misplaced(o, "struct dm_target_deps");
		return;
	}
	if (!readable(m, off, 8)) {
		sct_print_addr(o, m->addr + off);
		return;
	}
	cnt = sct_get32(m->p + off);
	if (cnt > (size - end) / 8) {
		misplaced(o, "struct dm_target_deps");
		return;
	}
	sct_ioc_field_u(o, "{count=", cnt);
	sct_out_puts(o, ", deps=");
	/* struct dm_target_deps is { count, padding, dev[] }: the shape sct_ioctl_elems
	 * reads, with count as the elements fetched (it keeps to those captured) */
	sct_ioctl_elems(d, m->p + off, m->have - off, m->addr + end, cnt, 8, dev_elem);
	sct_out_putc(o, '}');
}

/* the lists of struct dm_name_list (dev, next, name) and dm_target_versions (next,
 * version[3], name), each linked by next */
static void name_list(const struct sct_dec *d, const struct image *m, const unsigned char *h,
		      int versions)
{
	struct sct_out *o = d->o;
	uint32_t size = sct_get32(h + 12), off = sct_get32(h + 16), end = 0, next;
	uint32_t hdr = versions ? 16 : 12;

	for (uint32_t k = 0;; k++) {
		sct_out_puts(o, ", ");
		if ((k && off <= end) || (end = off + hdr) <= off || end > size) {
			misplaced(o, versions ? "struct dm_target_versions" : "struct dm_name_list");
			return;
		}
		if (k >= d->f->strsize) {
			sct_out_puts(o, "...");
			return;
		}
		if (!readable(m, off, 16)) {	/* either struct, padded */
			sct_print_addr(o, m->addr + off);
			return;
		}
		if (versions) {
			sct_out_puts(o, "{name=");
			cstr(d, m, end, size - end);
			sct_out_puts(o, ", version=");
			sct_ioctl_array(d, m->p + off + 4, 3, 4, 0);
			next = sct_get32(m->p + off);
		} else {
			sct_out_puts(o, "{dev=");
			dev_elem(d, m->p + off);
			sct_out_puts(o, ", name=");
			cstr(d, m, end, size - end);
			next = sct_get32(m->p + off + 8);
		}
		sct_out_putc(o, '}');
		if (!next)
			return;
		off += next;
	}
}

static void data(const struct sct_dec *d, uint32_t nr, const struct image *m,
		 const unsigned char *h, int after)
{
	struct sct_out *o = d->o;
	uint32_t size = sct_get32(h + 12), off = sct_get32(h + 16);

	if (!sct_no_abbrev(d)) {
		sct_out_puts(o, ", ...");
		return;
	}
	switch (nr) {
	case DM_TABLE_LOAD: case DM_DEV_WAIT: case DM_TABLE_STATUS:
		target_specs(d, m, h, after);
		return;
	case DM_TABLE_DEPS:
		target_deps(d, m, h);
		return;
	case DM_LIST_DEVICES: case DM_LIST_VERSIONS:
		name_list(d, m, h, nr == DM_LIST_VERSIONS);
		return;
	case DM_TARGET_MSG:
		if (!after) {
			sct_out_puts(o, ", ");
			if (off + 8 <= off || off + 8 > size) {
				misplaced(o, "struct dm_target_msg");
			} else if (!readable(m, off, 8)) {
				sct_print_addr(o, m->addr + off);
			} else {
				sct_ioc_field_u(o, "{sector=", sct_get64(m->p + off));
				sct_out_puts(o, ", message=");
				cstr(d, m, off + 8, size - off - 8);
				sct_out_putc(o, '}');
			}
			return;
		}
		break;
	}
	sct_out_puts(o, ", ");		/* a string: DM_DEV_RENAME's new name, and others */
	if (off > size) {
		misplaced(o, "string");
		return;
	}
	sct_out_puts(o, "{string=");
	cstr(d, m, off, size - off);
	sct_out_putc(o, '}');
}

int sct_ioctl_dm(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t nr = SCT_IOC_NR(code);
	const unsigned char *p, *q;
	const struct sct_blob *b;
	struct image m;

	if (SCT_IOC_DIR(code) != (SCT_IOC_R | SCT_IOC_W) || SCT_IOC_SIZE(code) != 312 ||
	    nr > DM_DEV_ARM_POLL)
		return SCT_IOCTL_DEFAULT;
	if (!(p = sct_ioctl_in(d, i, DM_HDR)) || sct_get32(p + 12) < 12)
		return SCT_IOCTL_DEFAULT;	/* strace leaves it to the default: its address */
	b = sct_arg_in(d, i);
	m.p = sct_blob_data(b);
	m.have = b->len;
	m.addr = arg;
	for (int after = 0; after < 2; after++) {
		if (after) {
			if (sct_failed(d->r) || !(q = sct_ioctl_out(d, i, DM_HDR)))
				break;
			sct_out_puts(o, " => ");
			p = q;
		}
		sct_out_putc(o, '[');
		if (header(d, nr, p, after) && payload(nr, p, after))
			data(d, nr, &m, p, after);
		sct_out_putc(o, ']');
	}
	return SCT_IOCTL_DONE;
}
