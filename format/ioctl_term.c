/* Terminal ioctls (type 'T'), as strace's term_ioctl decodes them: struct termios,
 * termio and winsize, the modem bits, the ints behind a pointer, the commands that
 * take none.  A get command's struct shows when the call succeeded, else its address. */
#include <string.h>
#include "ioctl.h"
#include "xlattab.h"

/* the four flag words, as strace's decode_flags */
static void print_flags(struct sct_out *o, uint32_t ifl, uint32_t ofl, uint32_t cfl, uint32_t lfl)
{
	static const char *const cs[] = { "CS5", "CS6", "CS7", "CS8" };
	static const struct { uint32_t mask, shift; const char *name; int max; } delays[] = {
		{ 0000400, 8, "NL", 1 }, { 0003000, 9, "CR", 3 }, { 0014000, 11, "TAB", 3 },
		{ 0020000, 13, "BS", 1 }, { 0040000, 14, "VT", 1 }, { 0100000, 15, "FF", 1 },
	};
	uint32_t rest;

	sct_out_puts(o, "{c_iflag=");
	sct_print_xlat(o, SCT_XLAT_termios_iflags, ifl);
	sct_out_puts(o, ", c_oflag=");
	for (unsigned k = 0; k < sizeof(delays) / sizeof(delays[0]); k++) {
		uint32_t n = (ofl & delays[k].mask) >> delays[k].shift;

		if (delays[k].max == 3 && n == 3 && delays[k].shift == 11)
			sct_out_puts(o, "XTABS");	/* TAB3 */
		else {
			sct_out_puts(o, delays[k].name);
			sct_out_udec(o, n);
		}
		sct_out_putc(o, '|');
		ofl &= ~delays[k].mask;
	}
	if (ofl)		/* strace leaves "FF0|" when no other bit is set */
		sct_print_xlat(o, SCT_XLAT_termios_oflags, ofl);
	sct_out_puts(o, ", c_cflag=");
	sct_print_xlat(o, SCT_XLAT_termios_bauds, cfl & 010017);
	if ((cfl >> 16) & 010017) {
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_termios_bauds, (cfl >> 16) & 010017);
		sct_out_puts(o, "<<IBSHIFT");
	}
	sct_out_putc(o, '|');
	sct_out_puts(o, cs[(cfl >> 4) & 3]);
	rest = cfl & ~(010017u | (010017u << 16) | 060u);
	if (rest) {
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_termios_cflags, rest);
	}
	sct_out_puts(o, ", c_lflag=");
	sct_print_xlat(o, SCT_XLAT_termios_lflags, lfl);
}

static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART",
	"VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
};

/* the rest, with -v: the line discipline and the control characters ([VINTR]=0x3) */
static void print_rest(const struct sct_dec *d, unsigned line, const unsigned char *cc,
		       unsigned ncc)
{
	struct sct_out *o = d->o;

	if (!sct_no_abbrev(d)) {
		sct_out_puts(o, ", ...");
		return;
	}
	sct_out_puts(o, ", c_line=");
	sct_print_xlat(o, SCT_XLAT_term_line_discs, line);
	sct_out_puts(o, ", c_cc=[");
	for (unsigned k = 0; k < ncc; k++) {
		sct_out_puts(o, k ? ", [" : "[");
		if (k < sizeof(cc_names) / sizeof(cc_names[0]))
			sct_out_puts(o, cc_names[k]);
		else
			sct_out_udec(o, k);
		sct_out_puts(o, "]=");
		sct_out_hex(o, cc[k]);
	}
	sct_out_putc(o, ']');
}

/* struct termios (36 bytes) and struct termios2 (44: the speeds after) */
static void print_termios(const struct sct_dec *d, const unsigned char *p, int two)
{
	struct sct_out *o = d->o;

	print_flags(o, sct_get32(p), sct_get32(p + 4), sct_get32(p + 8), sct_get32(p + 12));
	print_rest(d, p[16], p + 17, 19);
	if (two && sct_no_abbrev(d)) {
		sct_out_puts(o, ", c_ispeed=");
		sct_out_udec(o, sct_get32(p + 36));
		sct_out_puts(o, ", c_ospeed=");
		sct_out_udec(o, sct_get32(p + 40));
	}
	sct_out_putc(o, '}');
}

/* struct termio (18 bytes): 16-bit flags, c_line, c_cc[8] */
static void print_termio(const struct sct_dec *d, const unsigned char *p)
{
	print_flags(d->o, (uint32_t)(p[0] | p[1] << 8), (uint32_t)(p[2] | p[3] << 8),
		    (uint32_t)(p[4] | p[5] << 8), (uint32_t)(p[6] | p[7] << 8));
	print_rest(d, p[8], p + 9, 8);
	sct_out_putc(d->o, '}');
}

static void print_winsize(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{ws_row=");
	sct_out_udec(o, (unsigned)(p[0] | p[1] << 8));
	sct_out_puts(o, ", ws_col=");
	sct_out_udec(o, (unsigned)(p[2] | p[3] << 8));
	sct_out_puts(o, ", ws_xpixel=");
	sct_out_udec(o, (unsigned)(p[4] | p[5] << 8));
	sct_out_puts(o, ", ws_ypixel=");
	sct_out_udec(o, (unsigned)(p[6] | p[7] << 8));
	sct_out_putc(o, '}');
}

static const struct sct_xlat flush_args[] = {
	{ 0, "TCIFLUSH" }, { 1, "TCOFLUSH" }, { 2, "TCIOFLUSH" }, { 0, NULL }
};

static const struct sct_xlat flow_args[] = {
	{ 0, "TCOOFF" }, { 1, "TCOON" }, { 2, "TCIOFF" }, { 3, "TCION" }, { 0, NULL }
};

static const struct sct_xlat modem_bits[] = {
	{ 0x001, "TIOCM_LE" }, { 0x002, "TIOCM_DTR" }, { 0x004, "TIOCM_RTS" },
	{ 0x008, "TIOCM_ST" }, { 0x010, "TIOCM_SR" }, { 0x020, "TIOCM_CTS" },
	{ 0x040, "TIOCM_CAR" }, { 0x080, "TIOCM_RNG" }, { 0x100, "TIOCM_DSR" },
	{ 0x2000, "TIOCM_OUT1" }, { 0x4000, "TIOCM_OUT2" }, { 0x8000, "TIOCM_LOOP" },
	{ 0, NULL }
};

/* a struct of `size` bytes behind the argument: what the call left (get) or was
 * given (set); its address when there is none */
static const unsigned char *get_struct(const struct sct_dec *d, unsigned i, int get, uint32_t size)
{
	const unsigned char *p = get ? sct_ioctl_out(d, i, size) : sct_ioctl_in(d, i, size);

	if (!p)
		sct_print_addr(d->o, d->r->arg[i]);
	return p;
}

int sct_ioctl_term(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case 0x5401:		/* TCGETS */
	case 0x5456:		/* TIOCGLCKTRMIOS */
	case 0x5402: case 0x5403: case 0x5404:	/* TCSETS, TCSETSW, TCSETSF */
	case 0x5457:		/* TIOCSLCKTRMIOS */
		if ((p = get_struct(d, i, code == 0x5401 || code == 0x5456, 36)))
			print_termios(d, p, 0);
		break;
	case 0x802c542a:	/* TCGETS2 */
	case 0x402c542b: case 0x402c542c: case 0x402c542d:	/* TCSETS2, TCSETSW2, TCSETSF2 */
		if ((p = get_struct(d, i, code == 0x802c542a, 44)))
			print_termios(d, p, 1);
		break;
	case 0x5405:		/* TCGETA */
	case 0x5406: case 0x5407: case 0x5408:	/* TCSETA, TCSETAW, TCSETAF */
		if ((p = get_struct(d, i, code == 0x5405, 18)))
			print_termio(d, p);
		break;
	case 0x5413:		/* TIOCGWINSZ */
	case 0x5414:		/* TIOCSWINSZ */
		if ((p = get_struct(d, i, code == 0x5413, 8)))
			print_winsize(o, p);
		break;
	case 0x540a:		/* TCXONC */
		sct_print_xval(o, flow_args, arg, "TC???");
		break;
	case 0x540b:		/* TCFLSH */
		sct_print_xval(o, flush_args, arg, "TC???");
		break;
	case 0x5409: case 0x5425: case 0x540e:	/* TCSBRK, TCSBRKP, TIOCSCTTY */
		sct_out_dec(o, (int32_t)arg);
		break;
	case 0x5415:		/* TIOCMGET */
	case 0x5416: case 0x5417: case 0x5418:	/* TIOCMBIS, TIOCMBIC, TIOCMSET */
		p = code == 0x5415 ? sct_ioctl_out(d, i, 4) : sct_ioctl_in(d, i, 4);
		if (!p) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_putc(o, '[');
		sct_print_flags(o, modem_bits, sct_get32(p), "TIOCM_???");
		sct_out_putc(o, ']');
		break;
	/* an int the call writes: TIOCGPGRP, TIOCGSID, TIOCGETD, TIOCGSOFTCAR, TIOCGPTN,
	 * FIONREAD, TIOCOUTQ, TIOCGEXCL, TIOCGDEV */
	case 0x540f: case 0x5429: case 0x5424: case 0x5419: case 0x80045430:
	case 0x541b: case 0x5411: case 0x80045440: case 0x80045432:
		sct_ioctl_int(d, i, 1, 1);
		break;
	/* an int it reads: TIOCSPGRP, TIOCSETD, FIONBIO, FIOASYNC, TIOCPKT, TIOCSSOFTCAR,
	 * TIOCSPTLCK */
	case 0x5410: case 0x5423: case 0x5421: case 0x5452: case 0x5420: case 0x541a:
	case 0x40045431:
		sct_ioctl_int(d, i, 0, 1);
		break;
	case 0x5412:		/* TIOCSTI: one char */
		if ((p = sct_ioctl_in(d, i, 1)))
			sct_print_quoted(o, p, 1, 1, 0);
		else
			sct_print_addr(o, arg);
		break;
	/* none: TIOCSBRK, TIOCCBRK, TIOCCONS, TIOCNOTTY, TIOCEXCL, TIOCNXCL, FIOCLEX,
	 * FIONCLEX, TIOCVHANGUP, TIOCSSERIAL */
	case 0x5427: case 0x5428: case 0x541d: case 0x5422: case 0x540c: case 0x540d:
	case 0x5451: case 0x5450: case 0x5437: case 0x541f:
		return SCT_IOCTL_OMIT;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}
