/* Console ioctls' fonts and maps (type 'K', <linux/kd.h>), as strace decodes them:
 * the screen maps (bytes and unicode), the unicode-to-font map, the fonts of
 * [GP]IO_FONT, [GP]IO_FONTX and KDFONTOP, the colour map.  Captured by
 * preload/capture_kd.c: a struct, then a tail { uint32_t n; uint32_t flags; n bytes }
 * (n elements for an array). */
#include "ioctl.h"
#include "xlattab.h"

#define TAIL_FAULT 1		/* the tail could not be read */

enum {
	GIO_SCRNMAP = 0x4b40, PIO_SCRNMAP, GIO_FONT = 0x4b60, PIO_FONT,
	GIO_UNIMAP = 0x4b66, PIO_UNIMAP, PIO_UNIMAPCLR, GIO_UNISCRNMAP, PIO_UNISCRNMAP,
	GIO_FONTX, PIO_FONTX, GIO_CMAP = 0x4b70, PIO_CMAP, KDFONTOP,
};

/* a tail: its bytes in hex ("..." when the data is longer than shown), or the address */
static void hex_tail(struct sct_out *o, uint32_t strsize, const unsigned char *t, uint32_t avail,
		     uint64_t addr, uint64_t len)
{
	uint32_t n = avail >= 8 ? sct_get32(t) : 0, shown;

	if (!addr || avail < 8 || sct_get32(t + 4) & TAIL_FAULT || avail - 8 < n) {
		sct_print_addr(o, addr);
		return;
	}
	shown = n < strsize ? n : strsize;
	sct_out_putc(o, '"');
	for (uint32_t k = 0; k < shown; k++) {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, "0123456789abcdef"[t[8 + k] >> 4]);
		sct_out_putc(o, "0123456789abcdef"[t[8 + k] & 15]);
	}
	sct_out_putc(o, '"');
	if (len > shown)
		sct_out_puts(o, "...");
}

static const unsigned char *tail(const struct sct_blob *b, uint32_t off, uint32_t *avail)
{
	if (!b || b->len < off) {
		*avail = 0;
		return NULL;
	}
	*avail = b->len - off;
	return sct_blob_data(b) + off;
}



static void uni_char(const struct sct_dec *e, const unsigned char *p)
{
	struct sct_out *o = e->o;
	unsigned v = (unsigned)(p[0] | p[1] << 8);
	int direct = (v & ~0x1ffu) == 0xf000;

	if (o->cstyle != SCT_CONST_ABBREV || !direct)
		sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_RAW || !direct)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* UNI_DIRECT_BASE+" : "UNI_DIRECT_BASE+");
	sct_out_hex(o, v & 0x1ff);
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

static void unipair(const struct sct_dec *e, const unsigned char *p)
{
	sct_ioc_field_x(e->o, "{unicode=", (unsigned)(p[0] | p[1] << 8));
	sct_ioc_field_x(e->o, ", fontpos=", (unsigned)(p[2] | p[3] << 8));
	sct_out_putc(e->o, '}');
}

static void unimap(const struct sct_dec *d, unsigned i, uint32_t code)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i), *a = sct_arg_out(d, i);
	const unsigned char *p = d->r->arg[i] && b && b->len >= 16 ? sct_blob_data(b) : NULL;
	int get = code == GIO_UNIMAP;
	int64_t err = sct_failed(d->r) ? -d->r->ret : 0;

	if (!p || (get && (!a || a->len < 16))) {
		sct_print_addr(o, d->r->arg[i]);
		return;
	}
	sct_ioc_field_u(o, "{entry_ct=", (unsigned)(p[0] | p[1] << 8));
	if (get) {
		sct_out_puts(o, " => ");
		sct_out_udec(o, (unsigned)(sct_blob_data(a)[0] | sct_blob_data(a)[1] << 8));
	}
	sct_out_puts(o, ", entries=");
	if (get && err && err != 12) {		/* ENOMEM says the count it needs */
		sct_print_addr(o, sct_get64(p + 8));
	} else {
		sct_ioctl_elems(d, p + 16, b->len - 16, sct_get64(p + 8),
				(unsigned)(p[0] | p[1] << 8), 4, unipair);
	}
	sct_out_putc(o, '}');
}

static void fontdesc(const struct sct_dec *d, const struct sct_blob *b, int ptr)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_blob_data(b);
	uint32_t avail, cnt = (unsigned)(p[0] | p[1] << 8);
	const unsigned char *t = tail(b, 16, &avail);

	sct_ioc_field_u(o, "{charcount=", cnt);
	sct_ioc_field_u(o, ", charheight=", (unsigned)(p[2] | p[3] << 8));
	sct_out_puts(o, ", chardata=");
	if (ptr)
		sct_print_addr(o, sct_get64(p + 8));
	else
		hex_tail(o, (uint32_t)d->f->strsize, t, avail, sct_get64(p + 8),
			 (uint64_t)(cnt < 512 ? cnt : 512) * 32);
	sct_out_putc(o, '}');
}

static void fontx(const struct sct_dec *d, unsigned i, uint32_t code)
{
	const struct sct_blob *b = sct_arg_in(d, i), *a;

	if (!d->r->arg[i] || !b || b->len < 16) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	fontdesc(d, b, code == GIO_FONTX);
	if (code == GIO_FONTX && !sct_failed(d->r) && (a = sct_arg_out(d, i)) && a->len >= 16) {
		sct_out_puts(d->o, " => ");
		fontdesc(d, a, 0);
	}
}

/* struct console_font_op before the call (the whole of it) or after (what it returns) */
static void fontop(const struct sct_dec *d, const struct sct_blob *b, int after)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_blob_data(b), *t;
	uint32_t op = sct_get32(p), w = sct_get32(p + 8), cnt = sct_get32(p + 16), avail;
	uint64_t data = sct_get64(p + 24);

	t = tail(b, 32, &avail);
	sct_out_putc(o, '{');
	if (!after) {
		sct_out_puts(o, "op=");
		sct_print_xlat(o, SCT_XLAT_kd_font_ops, op);
		if (op != 2 && op != 3) {
			sct_out_puts(o, ", flags=");
			sct_print_xlat(o, SCT_XLAT_kd_font_flags, sct_get32(p + 4));
		}
		sct_out_puts(o, ", ");
	}
	if (op != 3)
		sct_ioc_field_u(o, "width=", w);
	sct_ioc_field_u(o, op != 3 ? ", height=" : "height=", sct_get32(p + 12));
	if (op != 2 && op != 3)
		sct_ioc_field_u(o, ", charcount=", cnt);
	if ((op == 1 && after) || op == 0) {
		sct_out_puts(o, ", data=");
		hex_tail(o, (uint32_t)d->f->strsize, t, avail, data,
			 (uint64_t)((w < 32 ? w : 32) + 7) / 8 * 32 * (cnt < 512 ? cnt : 512));
	} else if (op == 2 && !after) {
		uint32_t n = t && avail >= 8 ? sct_get32(t) : 0;

		sct_out_puts(o, ", data=");
		if (!data || !t || avail < 8 || sct_get32(t + 4) & TAIL_FAULT || avail - 8 < n)
			sct_print_addr(o, data);
		else if (n && !t[8 + n - 1])	/* its last byte is for the NUL */
			sct_print_quoted(o, t + 8, n - 1, n - 1, 0);
		else
			sct_print_quoted(o, t + 8, n ? n - 1 : 0, n ? n - 1 : 0, 1);
	} else if (op != 2 && op != 3) {
		sct_out_puts(o, ", data=");
		sct_print_addr(o, data);
	}
	sct_out_putc(o, '}');
}

static void font_op(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i), *a;
	uint32_t op;

	if (!d->r->arg[i] || !b || b->len < 32) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	fontop(d, b, 0);
	op = sct_get32(sct_blob_data(b));
	if (op != 0 && op != 3 && !sct_failed(d->r) && (a = sct_arg_out(d, i)) && a->len >= 32) {
		sct_out_puts(d->o, " => ");
		fontop(d, a, 1);
	}
}

int sct_ioctl_kd_font(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b;
	const unsigned char *p;
	uint32_t avail;

	switch (code) {
	case GIO_SCRNMAP: case PIO_SCRNMAP: case GIO_FONT: case PIO_FONT: case GIO_CMAP: case PIO_CMAP:
		b = (code & 1) ? sct_arg_in(d, i) : sct_ioctl_out_blob(d, i);
		p = tail(b, 0, &avail);
		hex_tail(o, (uint32_t)d->f->strsize, p, avail, arg,
			 code < GIO_FONT ? 256 : code < GIO_CMAP ? 8192 : 48);
		return SCT_IOCTL_DONE;
	case GIO_UNISCRNMAP: case PIO_UNISCRNMAP:
		b = code == PIO_UNISCRNMAP ? sct_arg_in(d, i) : sct_ioctl_out_blob(d, i);
		if (!b)
			sct_print_addr(o, arg);
		else
			sct_ioctl_elems(d, sct_blob_data(b), b->len, arg, 256, 2, uni_char);
		return SCT_IOCTL_DONE;
	case PIO_UNIMAPCLR:
		if (!(p = sct_ioctl_in(d, i, 6))) {
			sct_print_addr(o, arg);
			return SCT_IOCTL_DONE;
		}
		sct_ioc_field_u(o, "{advised_hashsize=", (unsigned)(p[0] | p[1] << 8));
		sct_ioc_field_u(o, ", advised_hashstep=", (unsigned)(p[2] | p[3] << 8));
		sct_ioc_field_u(o, ", advised_hashlevel=", (unsigned)(p[4] | p[5] << 8));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case GIO_UNIMAP: case PIO_UNIMAP:
		unimap(d, i, code);
		return SCT_IOCTL_DONE;
	case GIO_FONTX: case PIO_FONTX:
		fontx(d, i, code);
		return SCT_IOCTL_DONE;
	case KDFONTOP:
		font_op(d, i);
		return SCT_IOCTL_DONE;
	}
	return SCT_IOCTL_DEFAULT;
}
