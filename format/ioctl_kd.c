/* Console ioctls (type 'K', <linux/kd.h>, <linux/keyboard.h>), as strace decodes them:
 * the beeper's tones, LEDs, modes, keymap entries and function-key strings, accent
 * tables; the fonts and maps are format/ioctl_kd_font.c's.  What is more than a struct
 * comes as preload/capture_kd.c captured it: the struct, then a tail
 * { uint32_t n; uint32_t flags; n bytes }. */
#include <string.h>
#include "ioctl.h"
#include "xlattab.h"

#define PIT_TICK_RATE 1193182		/* the kernel's, to show a tone's frequency */
#define TAIL_FAULT 1		/* the tail could not be read (capture_kd.c) */

enum {
	KIOCSOUND = 0x4b2f, KDMKTONE, KDGETLED, KDSETLED, KDGKBTYPE, KDADDIO, KDDELIO,
	KDENABIO, KDDISABIO, KDSETMODE = 0x4b3a, KDGETMODE, KDMAPDISP, KDUNMAPDISP,
	GIO_SCRNMAP = 0x4b40, PIO_SCRNMAP, KDGKBMODE = 0x4b44, KDSKBMODE, KDGKBENT, KDSKBENT,
	KDGKBSENT, KDSKBSENT, KDGKBDIACR, KDSKBDIACR, KDGETKEYCODE, KDSETKEYCODE,
	KDSIGACCEPT, KDKBDREP = 0x4b52, GIO_FONT = 0x4b60, PIO_FONT, KDGKBMETA, KDSKBMETA,
	KDGKBLED, KDSKBLED, GIO_UNIMAP, PIO_UNIMAP, PIO_UNIMAPCLR, GIO_UNISCRNMAP,
	PIO_UNISCRNMAP, GIO_FONTX, PIO_FONTX, PIO_FONTRESET, GIO_CMAP = 0x4b70, PIO_CMAP,
	KDFONTOP, KDGKBDIACRUC = 0x4bfa, KDSKBDIACRUC,
};

/* the LEDs KDSKBLED sets as the default: the flags, then in the high nibble again */
static const struct sct_xlat default_leds[] = {
	{ 0x01, "LED_SCR" }, { 0x02, "LED_NUM" }, { 0x04, "LED_CAP" },
	{ 0x10, "LED_SCR<<4" }, { 0x20, "LED_NUM<<4" }, { 0x40, "LED_CAP<<4" }, { 0, NULL }
};

/* kb_table as modifiers: 1<<KG_SHIFT|1<<KG_CTRL */
static const struct sct_xlat keymap_flags[] = {
	{ 0x01, "1<<KG_SHIFT" }, { 0x02, "1<<KG_ALTGR" }, { 0x04, "1<<KG_CTRL" },
	{ 0x08, "1<<KG_ALT" }, { 0x10, "1<<KG_SHIFTL" }, { 0x20, "1<<KG_SHIFTR" },
	{ 0x40, "1<<KG_CTRLL" }, { 0x80, "1<<KG_CTRLR" }, { 0, NULL }
};

/* the bytes and sizes of commands with no size in their number (capture_ioctl.c) */
int sct_ioctl_kd_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	switch (code) {
	case KDGETLED: case KDGKBLED: case KDGKBTYPE:
		*out = 1;
		return 1;
	case KDGETMODE: case KDGKBMODE: case KDGKBMETA:
		*out = 4;
		return 1;
	case KDGKBENT: case KDSKBENT:
		*in = 4;
		return 1;
	case KDGETKEYCODE: case KDSETKEYCODE: case KDKBDREP:
		*in = 8;
		return 1;
	case PIO_UNIMAPCLR:
		*in = 6;
		return 1;
	}
	return 0;
}

uint32_t sct_ioctl_kd_pre(uint32_t code)
{
	switch (code) {
	case KDGETKEYCODE: case KDKBDREP:
		return 8;
	case GIO_UNIMAP: case GIO_FONTX:
		return 16;
	case KDFONTOP:
		return 32;
	}
	return 0;
}

static void comment(struct sct_out *o, const char *s)
{
	sct_out_puts(o, " /* ");
	sct_out_puts(o, s);
	sct_out_puts(o, " */");
}

static void hz_comment(struct sct_out *o, uint64_t freq, int64_t ms)
{
	sct_out_puts(o, " /* ");
	sct_out_udec(o, freq);
	sct_out_puts(o, " Hz");
	if (ms >= 0) {
		sct_out_puts(o, ", ");
		sct_out_udec(o, (uint64_t)ms);
		sct_out_puts(o, " ms");
	}
	sct_out_puts(o, " */");
}

/* a char as strace's print_char with quotes, whitespace escaped: 'a', '\n', '\x00' */
static void kchar(struct sct_out *o, unsigned char c)
{
	static const char ws[] = "tnvfr", hex[] = "0123456789abcdef";

	sct_out_putc(o, '\'');
	if (c == '\'' || c == '\\') {
		sct_out_putc(o, '\\');
		sct_out_putc(o, (char)c);
	} else if (c >= '\t' && c <= '\r') {
		sct_out_putc(o, '\\');
		sct_out_putc(o, ws[c - '\t']);
	} else if (c >= ' ' && c < 0x7f) {
		sct_out_putc(o, (char)c);
	} else {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, hex[c >> 4]);
		sct_out_putc(o, hex[c & 15]);
	}
	sct_out_putc(o, '\'');
}

/* how indirect() prints its value: from the table, the table's with an unnamed value
 * as a signed int (strace's printxval_d), as KDGKBLED's default LEDs */
enum { IND_XLAT, IND_DEC, IND_DEFAULT_LEDS };

/* a value read behind the argument: [NAME], or the address */
static void indirect(const struct sct_dec *d, unsigned i, unsigned size, unsigned tab, int how)
{
	const unsigned char *p = sct_ioctl_out(d, i, size);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	sct_out_putc(d->o, '[');
	if (how == IND_DEFAULT_LEDS)
		sct_print_flags(d->o, default_leds, p[0], "LED_???");
	else if (how == IND_DEC)
		sct_print_xval_style(d->o, sct_xlat_tabs[tab].x, sct_get32(p),
				     sct_xlat_tabs[tab].unknown, 2);
	else
		sct_print_xlat(d->o, tab, size == 1 ? p[0] : sct_get32(p));
	sct_out_putc(d->o, ']');
}

static void tone(struct sct_out *o, uint32_t arg)
{
	uint32_t ticks = arg >> 16, count = arg & 0xffff;

	if (ticks) {
		sct_out_udec(o, ticks);
		sct_out_puts(o, "<<16|");
	}
	sct_out_udec(o, count);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (ticks && count)
		hz_comment(o, PIT_TICK_RATE / count, ticks);
	else
		comment(o, "off");
}

static void entry(const struct sct_dec *d, unsigned i, uint32_t code)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 2), *q;
	const char *s;
	unsigned v, type;

	if (!p) {
		sct_print_addr(o, d->r->arg[i]);
		return;
	}
	sct_out_puts(o, "{kb_table=");
	if ((s = sct_xlat_find(sct_xlat_kd_key_tables, p[0])))
		sct_print_named(o, p[0], 0, s);
	else
		sct_print_flags(o, keymap_flags, p[0], "K_???");
	sct_ioc_field_u(o, ", kb_index=", p[1]);
	if (code == KDGKBENT && sct_failed(d->r)) {
		sct_out_putc(o, '}');
		return;
	}
	q = code == KDGKBENT ? sct_ioctl_out(d, i, 4) : sct_ioctl_in(d, i, 4);
	if (!q) {
		sct_out_puts(o, ", kb_value=???}");
		return;
	}
	v = (unsigned)(q[2] | q[3] << 8);
	sct_ioc_field_x(o, ", kb_value=", v);
	if (o->cstyle != SCT_CONST_RAW) {
		type = v >> 8;
		s = type && type != 5 && type != 8 && type != 11 && type != 13 ?
		    sct_xlat_find(sct_xlat_kd_keys, v) : NULL;
		if (s) {
			comment(o, s);
		} else {
			int saved = o->cstyle;

			sct_out_puts(o, " /* K(");
			o->cstyle = SCT_CONST_ABBREV;
			if ((s = sct_xlat_find(sct_xlat_kd_key_types, type)))
				sct_out_puts(o, s);
			else
				sct_out_hex(o, type);
			o->cstyle = saved;
			sct_out_puts(o, ", ");
			if (type == 0 || type == 8 || type == 11 || type == 13)
				kchar(o, v & 0xff);
			else
				sct_out_hex(o, v & 0xff);
			sct_out_puts(o, ") */");
		}
	}
	sct_out_putc(o, '}');
}

static void str_entry(const struct sct_dec *d, unsigned i, uint32_t code)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = d->r->arg[i] && b && b->len >= 1 ? sct_blob_data(b) : NULL, *t;
	const char *s;
	uint32_t avail, n, shown;

	if (!p) {
		sct_print_addr(o, d->r->arg[i]);
		return;
	}
	sct_out_puts(o, "{kb_func=");
	if ((s = sct_xlat_find(sct_xlat_kd_keys, 0x100 | p[0]))) {
		char name[64] = "KVAL(";

		strncat(name, s, sizeof(name) - 7);
		strcat(name, ")");
		sct_print_named(o, p[0], 0, name);
	} else {
		sct_out_hex(o, p[0]);
		if (o->cstyle != SCT_CONST_RAW)
			comment(o, "KVAL(K_???" ")");
	}
	if (code == KDGKBSENT && sct_failed(d->r)) {
		sct_out_putc(o, '}');
		return;
	}
	sct_out_puts(o, ", kb_string=");
	t = p + 1;		/* b->len >= 1 */
	avail = b->len - 1;
	if (avail < 8 || sct_get32(t + 4) & TAIL_FAULT || avail - 8 < sct_get32(t)) {
		sct_out_puts(o, "???}");
		return;
	}
	n = sct_get32(t);
	shown = n < d->f->strsize ? n : (uint32_t)d->f->strsize;
	if (shown && !t[8 + shown - 1])
		sct_print_quoted(o, t + 8, shown - 1, shown - 1, 0);
	else
		sct_print_quoted(o, t + 8, shown, shown, 1);
	sct_out_putc(o, '}');
}

static void diacr(const struct sct_dec *e, const unsigned char *p)
{
	struct sct_out *o = e->o;

	sct_out_puts(o, "{diacr=");
	kchar(o, p[0]);
	sct_out_puts(o, ", base=");
	kchar(o, p[1]);
	sct_out_puts(o, ", result=");
	kchar(o, p[2]);
	sct_out_putc(o, '}');
}

static void diacruc(const struct sct_dec *e, const unsigned char *p)
{
	sct_ioc_field_x(e->o, "{diacr=", sct_get32(p));
	sct_ioc_field_x(e->o, ", base=", sct_get32(p + 4));
	sct_ioc_field_x(e->o, ", result=", sct_get32(p + 8));
	sct_out_putc(e->o, '}');
}

static void accents(const struct sct_dec *d, unsigned i, uint32_t code)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = code == KDGKBDIACR || code == KDGKBDIACRUC ?
				   sct_ioctl_out_blob(d, i) : sct_arg_in(d, i);
	const unsigned char *p = d->r->arg[i] && b && b->len >= 4 ? sct_blob_data(b) : NULL;
	int uc = code >= KDGKBDIACRUC;
	uint32_t cnt;

	if (!p) {
		sct_print_addr(o, d->r->arg[i]);
		return;
	}
	cnt = sct_get32(p);
	sct_ioc_field_u(o, "{kb_cnt=", cnt);
	sct_out_puts(o, uc ? ", kbdiacruc=" : ", kbdiacr=");
	if (sct_ioctl_elems(d, p + 4, b->len - 4, d->r->arg[i] + 4, cnt < 256 ? cnt : 256,
			    uc ? 12 : 3, uc ? diacruc : diacr) && cnt > 256 &&
	    !(o->len >= 4 && !memcmp(o->buf + o->len - 4, "...]", 4))) {
		o->len--;	/* the array was cut: ", ...]" */
		sct_out_puts(o, ", ...]");
	}
	sct_out_putc(o, '}');
}
static void keycode(const struct sct_dec *d, unsigned i, uint32_t code)
{
	const unsigned char *p = sct_ioctl_in(d, i, 8), *q;

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	sct_ioc_field_x(d->o, "{scancode=", sct_get32(p));
	sct_ioc_field_x(d->o, ", keycode=", sct_get32(p + 4));
	if (code == KDGETKEYCODE && (q = sct_ioctl_out(d, i, 8)))
		sct_ioc_field_x(d->o, " => ", sct_get32(q + 4));
	sct_out_putc(d->o, '}');
}

static void kbdrep(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = sct_ioctl_in(d, i, 8), *q;

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	for (int k = 0; k < 2; k++) {
		if (k) {
			if (!(q = sct_ioctl_out(d, i, 8)))
				break;
			sct_out_puts(d->o, " => ");
			p = q;
		}
		sct_ioc_field_d(d->o, "{delay=", (int32_t)sct_get32(p));
		sct_ioc_field_d(d->o, ", period=", (int32_t)sct_get32(p + 4));
		sct_out_putc(d->o, '}');
	}
}

int sct_ioctl_kd(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;

	switch (code) {
	case KIOCSOUND:
		sct_out_udec(o, arg);
		if (o->cstyle != SCT_CONST_RAW) {
			if (arg && PIT_TICK_RATE / arg)
				hz_comment(o, PIT_TICK_RATE / arg, -1);
			else
				comment(o, "off");
		}
		return SCT_IOCTL_DONE;
	case KDMKTONE:
		tone(o, (uint32_t)arg);
		return SCT_IOCTL_DONE;
	case KDSETLED:
		sct_print_xlat(o, SCT_XLAT_kd_led_flags, arg & 0xff);
		return SCT_IOCTL_DONE;
	case KDSKBLED:
		sct_print_flags(o, default_leds, arg & 0xff, "LED_???");
		return SCT_IOCTL_DONE;
	case KDGETLED:
		indirect(d, i, 1, SCT_XLAT_kd_led_flags, IND_XLAT);
		return SCT_IOCTL_DONE;
	case KDGKBLED:
		indirect(d, i, 1, SCT_XLAT_kd_led_flags, IND_DEFAULT_LEDS);
		return SCT_IOCTL_DONE;
	case KDGKBTYPE:
		indirect(d, i, 1, SCT_XLAT_kd_kbd_types, IND_XLAT);
		return SCT_IOCTL_DONE;
	case KDADDIO:
	case KDDELIO:
		sct_out_hex(o, arg);
		if (arg >= 0x3b4 && arg <= 0x3df && o->cstyle != SCT_CONST_RAW) {
			sct_out_puts(o, " /* GPFIRST + ");
			sct_out_udec(o, arg - 0x3b4);
			sct_out_puts(o, " */");
		}
		return SCT_IOCTL_DONE;
	case KDSETMODE:
		sct_print_xlat(o, SCT_XLAT_kd_modes, arg);
		return SCT_IOCTL_DONE;
	case KDGETMODE:
		indirect(d, i, 4, SCT_XLAT_kd_modes, IND_XLAT);
		return SCT_IOCTL_DONE;
	case KDSKBMODE:
		sct_print_xval_style(o, sct_xlat_kd_kbd_modes, (uint32_t)arg, "K_???", 2);
		return SCT_IOCTL_DONE;
	case KDGKBMODE:
		indirect(d, i, 4, SCT_XLAT_kd_kbd_modes, IND_DEC);
		return SCT_IOCTL_DONE;
	case KDSKBMETA:
		sct_print_xlat(o, SCT_XLAT_kd_meta_vals, arg);
		return SCT_IOCTL_DONE;
	case KDGKBMETA:
		indirect(d, i, 4, SCT_XLAT_kd_meta_vals, IND_XLAT);
		return SCT_IOCTL_DONE;
	case KDSIGACCEPT:
		if (arg < 0x7fffffff)
			sct_print_signal(o, (int)arg);
		else
			sct_out_udec(o, arg);
		return SCT_IOCTL_DONE;
	case KDGKBENT: case KDSKBENT:
		entry(d, i, code);
		return SCT_IOCTL_DONE;
	case KDGKBSENT: case KDSKBSENT:
		str_entry(d, i, code);
		return SCT_IOCTL_DONE;
	case KDGKBDIACR: case KDSKBDIACR: case KDGKBDIACRUC: case KDSKBDIACRUC:
		accents(d, i, code);
		return SCT_IOCTL_DONE;
	case KDGETKEYCODE: case KDSETKEYCODE:
		keycode(d, i, code);
		return SCT_IOCTL_DONE;
	case KDKBDREP:
		kbdrep(d, i);
		return SCT_IOCTL_DONE;
	case KDENABIO: case KDDISABIO: case KDMAPDISP: case KDUNMAPDISP: case PIO_FONTRESET:
		return SCT_IOCTL_OMIT;
	}
	return sct_ioctl_kd_font(d, i, code, arg);
}
