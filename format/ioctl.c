/* ioctl: the command and, by the command's type, its argument.
 *
 * A command prints as strace prints it: every name the kernel's headers give its
 * number (gen/xlat/ioctl_cmds.in, "A or B"), the numbers some types compose
 * (EVIOCGBIT(EV_KEY, 8), HIDIOCGPHYS(8), MIXER_READ(13)) before them, and
 * _IOC(dir, type, nr, size) for a number nothing names; -X raw the number alone,
 * -X verbose the number and the text in a comment.  The argument goes to the decoder
 * of the command's type (format/ioctl_*.c); one that does not decode it leaves the
 * number, in hex. */
#include <string.h>
#include "ioctl.h"
#include "xlattab.h"

/* The table sorted by value (the data file's order), and its length, found once. */
static const struct sct_xlat *cmds_lookup(uint32_t code)
{
	static unsigned n;
	const struct sct_xlat *t = sct_xlat_ioctl_cmds;
	unsigned lo = 0, hi;

	if (!n)
		while (t[n].name)
			n++;
	hi = n;
	while (lo < hi) {		/* the first entry >= code */
		unsigned mid = lo + (hi - lo) / 2;

		if (t[mid].val < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && t[lo].val == code ? &t[lo] : NULL;
}

static const struct sct_xlat dirs[] = {
	{ 2, "_IOC_READ" }, { 1, "_IOC_WRITE" }, { 0, "_IOC_NONE" }, { 0, NULL }
};

static void print_ioc(struct sct_out *o, uint32_t code)
{
	int saved = o->cstyle;

	o->cstyle = SCT_CONST_ABBREV;
	sct_out_puts(o, "_IOC(");
	sct_print_flags(o, dirs, SCT_IOC_DIR(code), "_IOC_???");
	o->cstyle = saved;
	sct_out_puts(o, ", ");
	sct_out_hex(o, SCT_IOC_TYPE(code));
	sct_out_puts(o, ", ");
	sct_out_hex(o, SCT_IOC_NR(code));
	sct_out_puts(o, ", ");
	sct_out_hex(o, SCT_IOC_SIZE(code));
	sct_out_putc(o, ')');
}

/* NAME(size) */
static int sized(struct sct_out *o, const char *name, uint32_t v)
{
	sct_out_puts(o, name);
	sct_out_putc(o, '(');
	sct_out_udec(o, v);
	sct_out_putc(o, ')');
	return 1;
}

/* NAME(ABS_X) and friends: the sub-value named, in its abbreviated form */
static int named(struct sct_out *o, const char *name, unsigned tab, uint32_t v)
{
	int saved = o->cstyle;

	sct_out_puts(o, name);
	sct_out_putc(o, '(');
	o->cstyle = SCT_CONST_ABBREV;
	if (saved == SCT_CONST_VERBOSE && !sct_xlat_find(sct_xlat_tabs[tab].x, v))
		sct_out_hex(o, v);	/* no "/ * ABS_??? * /" inside a comment */
	else
		sct_print_xlat(o, tab, v);
	o->cstyle = saved;
	return 1;
}

static int evdev_number(struct sct_out *o, uint32_t code)
{
	uint32_t nr = SCT_IOC_NR(code), size = SCT_IOC_SIZE(code);
	static const char *const sizes[0x1c] = {
		[0x06] = "EVIOCGNAME", [0x07] = "EVIOCGPHYS", [0x08] = "EVIOCGUNIQ",
		[0x09] = "EVIOCGPROP", [0x0a] = "EVIOCGMTSLOTS", [0x18] = "EVIOCGKEY",
		[0x19] = "EVIOCGLED", [0x1a] = "EVIOCGSND", [0x1b] = "EVIOCGSW",
	};

	if (SCT_IOC_DIR(code) == SCT_IOC_W && nr >= 0xc0) {
		named(o, "EVIOCSABS", SCT_XLAT_evdev_abs, nr - 0xc0);
		sct_out_putc(o, ')');
		return 1;
	}
	if (SCT_IOC_DIR(code) != SCT_IOC_R)
		return 0;
	if (nr >= 0x20 && nr < 0x40) {
		if (nr == 0x20)
			sct_out_puts(o, "EVIOCGBIT(0");
		else
			named(o, "EVIOCGBIT", SCT_XLAT_evdev_ev, nr - 0x20);
		sct_out_puts(o, ", ");
		sct_out_udec(o, size);
		sct_out_putc(o, ')');
		return 1;
	}
	if (nr >= 0x40 && nr < 0x80) {
		named(o, "EVIOCGABS", SCT_XLAT_evdev_abs, nr - 0x40);
		sct_out_putc(o, ')');
		return 1;
	}
	return nr < 0x1c && sizes[nr] ? sized(o, sizes[nr], size) : 0;
}

static int hiddev_number(struct sct_out *o, uint32_t code)
{
	uint32_t nr = SCT_IOC_NR(code), size = SCT_IOC_SIZE(code);

	if (SCT_IOC_DIR(code) == SCT_IOC_R)
		switch (nr) {
		case 0x04: return sized(o, "HIDIOCGRAWNAME", size);
		case 0x05: return sized(o, "HIDIOCGRAWPHYS", size);
		case 0x06: return sized(o, "HIDIOCSFEATURE", size);
		case 0x08: return sized(o, "HIDIOCGRAWUNIQ", size);
		case 0x12: return sized(o, "HIDIOCGPHYS", size);
		}
	if (SCT_IOC_DIR(code) == (SCT_IOC_R | SCT_IOC_W))
		switch (nr) {
		case 0x06: return sized(o, "HIDIOCSFEATURE", size);
		case 0x07: return sized(o, "HIDIOCGFEATURE", size);
		}
	return 0;
}

/* The names some types compose from the number: 1 when one was printed. */
static int composed(struct sct_out *o, uint32_t code)
{
	uint32_t dir = SCT_IOC_DIR(code), nr = SCT_IOC_NR(code);

	switch (SCT_IOC_TYPE(code)) {
	case '!':
		if (code == 0x80082102) {	/* _IOR('!', 2, __u64): the old, wrong one */
			sct_out_puts(o, "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR");
			return 1;
		}
		return 0;
	case 'E':
		return evdev_number(o, code);
	case 'H':
		return hiddev_number(o, code);
	case 'M':
		if (dir == SCT_IOC_W)
			return sized(o, "MIXER_WRITE", nr);
		if (dir == SCT_IOC_R)
			return sized(o, "MIXER_READ", nr);
		return 0;
	case 'U':
		return dir == SCT_IOC_R && nr == 0x2c ? sized(o, "UI_GET_SYSNAME", SCT_IOC_SIZE(code)) : 0;
	case 'j':
		return dir == SCT_IOC_R && nr == 0x13 ? sized(o, "JSIOCGNAME", SCT_IOC_SIZE(code)) : 0;
	case 'k':
		return dir == SCT_IOC_W && nr == 0 ? sized(o, "SPI_IOC_MESSAGE", SCT_IOC_SIZE(code)) : 0;
	}
	return 0;
}

int sct_dec_ioctl_req(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t code = (uint32_t)d->r->arg[i];
	const struct sct_xlat *e;
	int done;

	if (o->cstyle != SCT_CONST_ABBREV)
		sct_out_hex(o, code);
	if (o->cstyle == SCT_CONST_RAW)
		return 0;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	done = composed(o, code);
	e = cmds_lookup(code);
	for (; e && e->name && e->val == code; e++) {
		if (done++)
			sct_out_puts(o, " or ");
		sct_out_puts(o, e->name);
	}
	if (!done)
		print_ioc(o, code);
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
	return 0;
}

/* --- the argument ------------------------------------------------------------- */

static const unsigned char *blob_need(const struct sct_blob *b, uint32_t need)
{
	return b && b->len >= need ? sct_blob_data(b) : NULL;
}

const unsigned char *sct_ioctl_in(const struct sct_dec *d, unsigned i, uint32_t need)
{
	return d->r->arg[i] ? blob_need(sct_arg_in(d, i), need) : NULL;
}

const struct sct_blob *sct_ioctl_out_blob(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b;

	if (!d->r->arg[i] || sct_failed(d->r))
		return NULL;
	b = sct_arg_out(d, i);
	return b ? b : sct_arg_in(d, i);	/* one copy after the call serves both */
}

const unsigned char *sct_ioctl_out(const struct sct_dec *d, unsigned i, uint32_t need)
{
	return blob_need(sct_ioctl_out_blob(d, i), need);
}

void sct_ioctl_int(const struct sct_dec *d, unsigned i, int out, int sign)
{
	const unsigned char *p = out ? sct_ioctl_out(d, i, 4) : sct_ioctl_in(d, i, 4);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	sct_out_putc(d->o, '[');
	if (sign)
		sct_out_dec(d->o, (int32_t)sct_get32(p));
	else
		sct_out_udec(d->o, sct_get32(p));
	sct_out_putc(d->o, ']');
}

void sct_ioctl_cstring(struct sct_out *o, const unsigned char *p, size_t size)
{
	size_t n = 0;

	if (!size) {
		sct_out_puts(o, "\"\"...");
		return;
	}
	size--;
	while (n < size && p[n])
		n++;
	sct_print_quoted(o, p, n, n, 0);
	if (n == size && p[size])	/* a NUL right after still ends it */
		sct_out_puts(o, "...");
}

void sct_ioctl_array(const struct sct_dec *d, const unsigned char *p, uint32_t n, unsigned es,
		     int hex)
{
	struct sct_out *o = d->o;
	int abbrev = !sct_no_abbrev(d);

	sct_out_putc(o, '[');
	for (uint32_t k = 0; k < n; k++) {
		uint64_t v = es == 1 ? p[k] : es == 2 ? (uint64_t)(p[2 * k] | p[2 * k + 1] << 8) :
			     es == 4 ? sct_get32(p + 4 * k) : sct_get64(p + 8 * k);

		if (k)
			sct_out_puts(o, ", ");
		if (abbrev && k >= d->f->strsize) {
			sct_out_puts(o, "...");
			break;
		}
		if (hex)
			sct_out_hex(o, v);
		else
			sct_out_udec(o, v);
	}
	sct_out_putc(o, ']');
}

int sct_ioctl_elems(const struct sct_dec *d, const unsigned char *p, uint32_t avail, uint64_t start,
		    uint64_t n, size_t es, sct_ioctl_elem_printer *fn)
{
	struct sct_out *o = d->o;
	uint32_t fetched = avail >= 8 ? sct_get32(p) : 0;
	int abbrev = !sct_no_abbrev(d);

	if (fetched > (avail >= 8 ? (avail - 8) / es : 0))
		fetched = avail >= 8 ? (uint32_t)((avail - 8) / es) : 0;

	if (!start) {
		sct_out_puts(o, "NULL");
		return 0;
	}
	if (!n) {
		sct_out_puts(o, "[]");
		return 0;
	}
	for (uint64_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= fetched) {
			if (!k) {
				sct_print_addr(o, start);
				return 0;
			}
			sct_out_puts(o, "... /* ");
			sct_out_hex(o, start + k * es);
			sct_out_puts(o, " */]");
			return 0;	/* strace's print_array: false when a fetch failed */
		}
		if (!k)
			sct_out_putc(o, '[');
		if (abbrev && k >= d->f->strsize) {
			sct_out_puts(o, "...");
			break;
		}
		fn(d, p + 8 + k * es);
	}
	sct_out_putc(o, ']');
	return 1;
}

static sct_ioctl_decoder *type_decoder(uint32_t type)
{
	switch (type) {
	case 'f':
	case 'X':
	case 0x94:
		return sct_ioctl_fs;
	case 0x03:
		return sct_ioctl_hdio;
	case 0x12:
		return sct_ioctl_block;
	case '!':
		return sct_ioctl_seccomp;
	case '"':
		return sct_ioctl_scsi;
	case '$':
		return sct_ioctl_perf;
	case '=':
		return sct_ioctl_ptp;
	case '>':
		return sct_ioctl_counter;
	case 'K':
		return sct_ioctl_kd;
	case 'L':
		return sct_ioctl_loop;
	case 'M':
		return sct_ioctl_mtd;
	case 'O':
	case 'o':
		return sct_ioctl_ubi;
	case 'R':
		return sct_ioctl_random;
	case 'p':
		return sct_ioctl_rtc;
	case 'E':
		return sct_ioctl_evdev;
	case 'T':
		return sct_ioctl_term;
	case 'V':
		return sct_ioctl_v4l2;
	case 0x89:
		return sct_ioctl_sock;
	case 0xa4:
		return sct_ioctl_tee;
	case 0xaa:
		return sct_ioctl_uffd;
	case 0xb4:
		return sct_ioctl_gpio;
	case 0xb7:
		return sct_ioctl_nsfs;
	case 0xfd:
		return sct_ioctl_dm;
	}
	return NULL;
}

int sct_dec_ioctl_arg(const struct sct_dec *d, unsigned i)
{
	unsigned a = d->c->arg[i].aux < SCT_MAX_ARGS ? d->c->arg[i].aux : 1;
	uint32_t code = (uint32_t)d->r->arg[a];
	sct_ioctl_decoder *fn = type_decoder(SCT_IOC_TYPE(code));
	int rc = sct_ioctl_simple(d, i, code, d->r->arg[i]);

	if (rc == SCT_IOCTL_DEFAULT && fn)
		rc = fn(d, i, code, d->r->arg[i]);

	if (rc == SCT_IOCTL_DEFAULT) {
		sct_out_hex(d->o, d->r->arg[i]);
		rc = SCT_IOCTL_DONE;
	}
	return rc;
}

int sct_ioctl_legacy_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	*in = *out = 0;
	if (sct_ioctl_simple_size(code, in, out))
		return 1;
	switch (SCT_IOC_TYPE(code)) {
	case 0x03:
		return sct_ioctl_hdio_size(code, in, out);
	case 0x12:
		return sct_ioctl_block_size(code, in, out);
	case '"':
		return sct_ioctl_scsi_size(code, in, out);
	case 'K':
		return sct_ioctl_kd_size(code, in, out);
	case 'L':
		return sct_ioctl_loop_size(code, in, out);
	case 0x89:
		return sct_ioctl_sock_size(code, in, out);
	case 0xb7:
		return sct_ioctl_nsfs_size(code, in, out);
	}
	return 0;
}

int sct_ioctl_fd_offset(uint32_t code, int ok)
{
	switch (code) {
	case 0xab00:		/* NBD_SET_SOCK */
	case 0x4c00:		/* LOOP_SET_FD */
	case 0x4c06:		/* LOOP_CHANGE_FD */
	case 0x2405:		/* PERF_EVENT_IOC_SET_OUTPUT: the argument itself */
	case 0x40042408:	/* PERF_EVENT_IOC_SET_BPF */
		return SCT_IOCTL_FD_ARG;
	case 0x4c0a:		/* LOOP_CONFIGURE: fd */
		return 0;
	case 0x40182103:	/* SECCOMP_IOCTL_NOTIF_ADDFD: srcfd */
		return 12;
	case 0x4020940d:	/* FICLONERANGE: src_fd */
		return 0;
	case 0xc16cb403:	/* GPIO_GET_LINEHANDLE_IOCTL: fd, filled in */
		return ok ? 360 : -1;
	case 0xc030b404:	/* GPIO_GET_LINEEVENT_IOCTL */
		return ok ? 44 : -1;
	case 0xc250b407:	/* GPIO_V2_GET_LINE_IOCTL */
		return ok ? 588 : -1;
	}
	return -1;
}

/* What the commands return: a descriptor (NS_GET_USERNS, NS_GET_PARENT), a namespace
 * type (NS_GET_NSTYPE, "268435456 (CLONE_NEWUSER)"), the buffers VIDIOC_CREATE_BUFS
 * made ("0 ({index=1, count=2})"); the others a number. */
void sct_ret_ioctl(const struct sct_dec *d)
{
	struct sct_out *o = d->o;
	uint32_t code = (uint32_t)d->r->arg[1];
	int64_t ret = d->r->ret;
	const char *s;

	if (code == 0xb701 || code == 0xb702) {		/* NS_GET_USERNS, NS_GET_PARENT */
		sct_print_fd(d, SCT_BLOB_ARG_RET, ret);
		return;
	}
	sct_out_udec(o, (uint64_t)ret);
	if (code == 0xc100565c && !sct_failed(d->r)) {	/* VIDIOC_CREATE_BUFS: what it made */
		const struct sct_blob *b = sct_arg_out(d, 2);

		if (b && b->len >= 256) {	/* strace reads the struct whole */
			sct_out_puts(o, " ({index=");
			sct_out_udec(o, sct_get32(sct_blob_data(b)));
			sct_out_puts(o, ", count=");
			sct_out_udec(o, sct_get32(sct_blob_data(b) + 4));
			sct_out_puts(o, "})");
		}
		return;
	}
	if (code == 0xb703 && (s = sct_xlat_find(sct_xlat_setns_types, (uint64_t)ret))) {
		sct_out_puts(o, " (");
		sct_out_puts(o, s);
		sct_out_putc(o, ')');
	}
}

uint32_t sct_ioctl_pre_bytes(uint32_t code)
{
	uint32_t size = SCT_IOC_SIZE(code);

	if (code == 0x8912)		/* SIOCGIFCONF: struct ifconf */
		return 16;
	if (SCT_IOC_TYPE(code) == 'K' && SCT_IOC_DIR(code) == SCT_IOC_NONE)
		return sct_ioctl_kd_pre(code);
	return SCT_IOC_DIR(code) == (SCT_IOC_R | SCT_IOC_W) && size <= SCT_IOCTL_PRE ? size : 0;
}
