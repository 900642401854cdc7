/* Input device ioctls (type 'E', <linux/input.h>), as strace's evdev decoder shows
 * them: what a read command returned (ids, axes, key codes, the bit sets of
 * EVIOCGBIT and friends, names), what a write command passes (force-feedback effects,
 * key maps, repeat rates), and the values some take as their argument. */
#include <linux/input.h>
#include "ioctl.h"
#include "xlattab.h"

static uint32_t get16(const unsigned char *p)
{
	return (uint32_t)(p[0] | p[1] << 8);
}

/* the bit set's table and highest bit, by the command's number; 0 when none */
static int bitset_of(uint32_t code, unsigned *tab, unsigned *max)
{
	uint32_t nr = SCT_IOC_NR(code);

	switch (nr) {
	case 0x09: *tab = SCT_XLAT_evdev_prop; *max = INPUT_PROP_MAX; return 1;
	case 0x1a: *tab = SCT_XLAT_evdev_snd; *max = SND_MAX; return 1;
	case 0x1b: *tab = SCT_XLAT_evdev_switch; *max = SW_MAX; return 1;
	case 0x18: *tab = SCT_XLAT_evdev_keycode; *max = KEY_MAX; return 1;
	case 0x19: *tab = SCT_XLAT_evdev_leds; *max = LED_MAX; return 1;
	}
	if (nr < 0x20 || nr >= 0x40)
		return 0;
	switch (nr - 0x20) {
	case 0: *tab = SCT_XLAT_evdev_ev; *max = EV_MAX; return 1;
	case EV_KEY: *tab = SCT_XLAT_evdev_keycode; *max = KEY_MAX; return 1;
	case EV_REL: *tab = SCT_XLAT_evdev_relative_axes; *max = REL_MAX; return 1;
	case EV_ABS: *tab = SCT_XLAT_evdev_abs; *max = ABS_MAX; return 1;
	case EV_MSC: *tab = SCT_XLAT_evdev_misc; *max = MSC_MAX; return 1;
	case EV_SW: *tab = SCT_XLAT_evdev_switch; *max = SW_MAX; return 1;
	case EV_LED: *tab = SCT_XLAT_evdev_leds; *max = LED_MAX; return 1;
	case EV_SND: *tab = SCT_XLAT_evdev_snd; *max = SND_MAX; return 1;
	case EV_REP: *tab = SCT_XLAT_evdev_autorepeat; *max = REP_MAX; return 1;
	case EV_FF: *tab = SCT_XLAT_evdev_ff_types; *max = FF_MAX; return 1;
	case EV_FF_STATUS: *tab = SCT_XLAT_evdev_ff_status; *max = FF_STATUS_MAX; return 1;
	}
	return 0;
}

/* The bytes of a bit set strace reads after the call: as many bits as the result
 * says, at most the set's, in whole longs. */
static uint32_t bitset_bytes(int64_t ret, unsigned max)
{
	uint64_t bits = (uint64_t)ret > max / 8 ? max : (uint64_t)ret * 8;

	return (uint32_t)(((bits + 7) / 8 + 7) / 8 * 8);
}

uint32_t sct_ioctl_evdev_size(uint32_t code, int64_t ret)
{
	unsigned tab, max;

	if (SCT_IOC_DIR(code) != SCT_IOC_R || SCT_IOC_TYPE(code) != 'E' ||
	    !bitset_of(code, &tab, &max) || SCT_IOC_NR(code) == 0x20 + EV_PWR)
		return 0;
	return bitset_bytes(ret, max);
}

static void bitset(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	unsigned tab, max, shown = 0;
	uint32_t size;
	const unsigned char *p;

	bitset_of(code, &tab, &max);
	size = bitset_bytes(d->r->ret, max);
	if (sct_failed(d->r) || !size || !(p = sct_ioctl_out(d, i, size))) {
		sct_print_addr(o, arg);
		return;
	}
	if (o->cstyle != SCT_CONST_RAW) {
		uint64_t bits = (uint64_t)d->r->ret > max / 8 ? max : (uint64_t)d->r->ret * 8;

		sct_out_putc(o, '[');
		for (uint64_t b = 0; b < bits; b++) {
			if (!(p[b / 8] >> (b % 8) & 1))
				continue;
			if (shown && !sct_no_abbrev(d) && shown >= 4) {
				sct_out_puts(o, " ...");
				break;
			}
			if (shown++)
				sct_out_putc(o, ' ');
			sct_print_xlat(o, tab, b);
		}
		sct_out_putc(o, ']');
	}
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	if (o->cstyle != SCT_CONST_ABBREV) {
		for (uint32_t k = 0; k < size / 8; k++) {
			sct_out_puts(o, k ? ", " : "[");
			sct_out_hex(o, sct_get64(p + 8 * k));
		}
		sct_out_putc(o, ']');
	}
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

static void absinfo(const struct sct_dec *d, const unsigned char *p, uint32_t sz)
{
	struct sct_out *o = d->o;

	sct_ioc_field_u(o, "{value=", sct_get32(p));
	sct_ioc_field_u(o, ", minimum=", sct_get32(p + 4));
	if (sct_no_abbrev(d)) {
		sct_ioc_field_u(o, ", maximum=", sct_get32(p + 8));
		sct_ioc_field_u(o, ", fuzz=", sct_get32(p + 12));
		sct_ioc_field_u(o, ", flat=", sct_get32(p + 16));
		if (sz > 20) {
			if (sz >= 24)
				sct_ioc_field_u(o, ", resolution=", sct_get32(p + 20));
			if (sz != 24)
				sct_out_puts(o, ", ...");
		}
	} else {
		sct_out_puts(o, ", ...");
	}
	sct_out_putc(o, '}');
}

static void keymap_entry(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;

	sct_ioc_field_u(o, "{flags=", p[0]);
	sct_ioc_field_u(o, ", len=", p[1]);
	if (sct_no_abbrev(d)) {
		sct_ioc_field_u(o, ", index=", get16(p + 2));
		sct_out_puts(o, ", keycode=");
		sct_print_xlat(o, SCT_XLAT_evdev_keycode, sct_get32(p + 4));
		for (int k = 0; k < 32; k++) {
			sct_out_puts(o, k ? ", " : ", scancode=[");
			sct_out_hex(o, p[8 + k]);
		}
		sct_out_putc(o, ']');
	} else {
		sct_out_puts(o, ", ...");
	}
	sct_out_putc(o, '}');
}

static void envelope(struct sct_out *o, const unsigned char *p)
{
	sct_ioc_field_u(o, ", envelope={attack_length=", get16(p));
	sct_ioc_field_u(o, ", attack_level=", get16(p + 2));
	sct_ioc_field_u(o, ", fade_length=", get16(p + 4));
	sct_out_puts(o, ", fade_level=");
	sct_out_hex(o, get16(p + 6));
	sct_out_putc(o, '}');
}

/* struct ff_effect (48 bytes): type, id, direction, trigger, replay, then the union
 * at 16 */
static void ff_effect(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	uint32_t type = get16(p);
	const unsigned char *u = p + 16;

	sct_out_puts(o, "{type=");
	sct_print_xlat(o, SCT_XLAT_evdev_ff_types, type);
	sct_ioc_field_d(o, ", id=", (int16_t)get16(p + 2));
	sct_ioc_field_u(o, ", direction=", get16(p + 4));
	if (!sct_no_abbrev(d)) {
		sct_out_puts(o, ", ...}");
		return;
	}
	sct_ioc_field_u(o, ", trigger={button=", get16(p + 6));
	sct_ioc_field_u(o, ", interval=", get16(p + 8));
	sct_ioc_field_u(o, "}, replay={length=", get16(p + 10));
	sct_ioc_field_u(o, ", delay=", get16(p + 12));
	sct_out_putc(o, '}');
	switch (type) {
	case FF_CONSTANT:
		sct_ioc_field_d(o, ", constant={level=", (int16_t)get16(u));
		envelope(o, u + 2);
		sct_out_putc(o, '}');
		break;
	case FF_RAMP:
		sct_ioc_field_d(o, ", ramp={start_level=", (int16_t)get16(u));
		sct_ioc_field_d(o, ", end_level=", (int16_t)get16(u + 2));
		envelope(o, u + 4);
		sct_out_putc(o, '}');
		break;
	case FF_PERIODIC:
		sct_ioc_field_u(o, ", periodic={waveform=", get16(u));
		sct_ioc_field_u(o, ", period=", get16(u + 2));
		sct_ioc_field_d(o, ", magnitude=", (int16_t)get16(u + 4));
		sct_ioc_field_d(o, ", offset=", (int16_t)get16(u + 6));
		sct_ioc_field_u(o, ", phase=", get16(u + 8));
		envelope(o, u + 10);
		sct_ioc_field_u(o, ", custom_len=", sct_get32(u + 20));
		sct_out_puts(o, ", custom_data=");
		sct_print_addr(o, sct_get64(u + 24));
		sct_out_putc(o, '}');
		break;
	case FF_RUMBLE:
		sct_ioc_field_u(o, ", rumble={strong_magnitude=", get16(u));
		sct_ioc_field_u(o, ", weak_magnitude=", get16(u + 2));
		sct_out_putc(o, '}');
		break;
	}
	sct_out_putc(o, '}');
}

static void pair(struct sct_out *o, const unsigned char *p, int keycode)
{
	sct_out_putc(o, '[');
	sct_out_udec(o, sct_get32(p));
	sct_out_puts(o, ", ");
	if (keycode)
		sct_print_xlat(o, SCT_XLAT_evdev_keycode, sct_get32(p + 4));
	else
		sct_out_udec(o, sct_get32(p + 4));
	sct_out_putc(o, ']');
}

static void mtslots(const struct sct_dec *d, const unsigned char *p, uint32_t n)
{
	struct sct_out *o = d->o;
	uint32_t max = sct_no_abbrev(d) ? n - 1 : d->f->strsize;

	sct_out_puts(o, "{code=");
	sct_print_xlat(o, SCT_XLAT_evdev_mtslots, sct_get32(p));
	sct_out_puts(o, ", values=[");
	for (uint32_t k = 1; k < n; k++) {
		if (k > 1)
			sct_out_puts(o, ", ");
		if (k - 1 >= max) {
			sct_out_puts(o, "...");
			break;
		}
		sct_out_dec(o, (int32_t)sct_get32(p + 4 * k));
	}
	sct_out_puts(o, "]}");
}

static int read_cmd(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t nr = SCT_IOC_NR(code), size = SCT_IOC_SIZE(code);
	const unsigned char *p = NULL;
	const struct sct_blob *b;
	unsigned tab, max;

	switch (code) {
	case EVIOCGVERSION:
	case EVIOCGEFFECTS:
		if (!(p = sct_ioctl_out(d, i, 4)))
			break;
		sct_out_putc(o, '[');
		if (code == EVIOCGVERSION)
			sct_out_hex(o, sct_get32(p));
		else
			sct_out_udec(o, sct_get32(p));
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	case EVIOCGID:
		if (!(p = sct_ioctl_out(d, i, 8)))
			break;
		sct_ioc_field_u(o, "{bustype=", get16(p));
		sct_ioc_field_u(o, ", vendor=", get16(p + 2));
		sct_ioc_field_u(o, ", product=", get16(p + 4));
		sct_ioc_field_u(o, ", version=", get16(p + 6));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case EVIOCGREP:
	case EVIOCGKEYCODE:
		if ((p = sct_ioctl_out(d, i, 8)))
			pair(o, p, code == EVIOCGKEYCODE);
		break;
	case EVIOCGKEYCODE_V2:
		if ((p = sct_ioctl_out(d, i, 40)))
			keymap_entry(d, p);
		break;
	default:
		if (nr == 0x0a) {		/* EVIOCGMTSLOTS(len) */
			if (size / 4 && (p = sct_ioctl_out(d, i, 4))) {
				b = sct_ioctl_out_blob(d, i);
				mtslots(d, p, b->len / 4 < size / 4 ? b->len / 4 : size / 4);
			}
			break;
		}
		if (nr >= 0x06 && nr <= 0x08) {	/* EVIOCGNAME, EVIOCGPHYS, EVIOCGUNIQ */
			if (!sct_failed(d->r) && arg && (b = sct_ioctl_out_blob(d, i))) {
				uint64_t n = (uint64_t)d->r->ret;

				sct_print_quoted(o, sct_blob_data(b), n < b->len ? (size_t)n : b->len,
						 d->f->strsize, n > d->f->strsize);
				return SCT_IOCTL_DONE;
			}
			break;
		}
		if ((nr & ~(uint32_t)ABS_MAX) == 0x40) {	/* EVIOCGABS(abs) */
			if (size < 20) {
				sct_print_addr(o, arg);
				return SCT_IOCTL_DONE;
			}
			if ((p = sct_ioctl_out(d, i, size < 24 ? size : 24)))
				absinfo(d, p, size);
			break;
		}
		if (nr == 0x20 + EV_PWR) {
			if ((p = sct_ioctl_out(d, i, 4))) {
				sct_out_putc(o, '[');
				sct_out_dec(o, (int32_t)sct_get32(p));
				sct_out_putc(o, ']');
			}
			break;
		}
		if (bitset_of(code, &tab, &max)) {
			bitset(d, i, code, arg);
			return SCT_IOCTL_DONE;
		}
		break;
	}
	if (!p)
		sct_print_addr(o, arg);
	return SCT_IOCTL_DONE;
}

static int write_cmd(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = NULL;
	uint32_t size = SCT_IOC_SIZE(code);

	switch (code) {
	case EVIOCSREP:
	case EVIOCSKEYCODE:
		if ((p = sct_ioctl_in(d, i, 8)))
			pair(o, p, code == EVIOCSKEYCODE);
		break;
	case EVIOCSKEYCODE_V2:
		if ((p = sct_ioctl_in(d, i, 40)))
			keymap_entry(d, p);
		break;
	case EVIOCRMFF:
		sct_out_dec(o, (int32_t)arg);
		return SCT_IOCTL_DONE;
	case EVIOCGRAB:
	case EVIOCREVOKE:
		sct_out_udec(o, arg);
		return SCT_IOCTL_DONE;
	case EVIOCSCLOCKID:
		if ((p = sct_ioctl_in(d, i, 4))) {
			sct_out_putc(o, '[');
			sct_out_udec(o, sct_get32(p));
			sct_out_putc(o, ']');
		}
		break;
	case EVIOCSFF:
		if ((p = sct_ioctl_in(d, i, 48)))
			ff_effect(d, p);
		break;
	default:
		if ((SCT_IOC_NR(code) & ~(uint32_t)ABS_MAX) == 0xc0) {	/* EVIOCSABS(abs) */
			if (size < 20) {
				sct_print_addr(o, arg);
				return SCT_IOCTL_DONE;
			}
			if ((p = sct_ioctl_in(d, i, size < 24 ? size : 24)))
				absinfo(d, p, size);
		}
		break;
	}
	if (!p)
		sct_print_addr(o, arg);
	return SCT_IOCTL_DONE;
}

int sct_ioctl_evdev(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	switch (SCT_IOC_DIR(code)) {
	case SCT_IOC_R:
		return read_cmd(d, i, code, arg);
	case SCT_IOC_W:
		return write_cmd(d, i, code, arg);
	}
	return SCT_IOCTL_DEFAULT;
}
