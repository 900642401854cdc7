/* What is done to descriptors: lseek whence, fcntl commands and their argument and
 * return, ioctl requests, pipe2's pair (descriptors themselves: fdname.c). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

int sct_dec_whence(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, SCT_XLAT_lseek_whence, d->r->arg[i]);
	return 0;
}

/* --- fcntl ---------------------------------------------------------------------- */

enum {
	F_DUPFD_ = 0, F_GETFD_ = 1, F_SETFD_ = 2, F_GETFL_ = 3, F_SETFL_ = 4,
	F_GETLK_ = 5, F_SETLK_ = 6, F_SETLKW_ = 7, F_SETOWN_ = 8, F_GETOWN_ = 9,
	F_SETSIG_ = 10, F_GETSIG_ = 11, F_OFD_GETLK_ = 36, F_OFD_SETLK_ = 37,
	F_OFD_SETLKW_ = 38, F_SETLEASE_ = 1024, F_GETLEASE_ = 1025, F_NOTIFY_ = 1026,
	F_DUPFD_CLOEXEC_ = 1030, F_SETPIPE_SZ_ = 1031, F_GETPIPE_SZ_ = 1032,
	F_ADD_SEALS_ = 1033, F_GET_SEALS_ = 1034,
};

static const struct sct_xlat fcntl_cmds[] = {
	{ 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" },
	{ 4, "F_SETFL" }, { 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" },
	{ 8, "F_SETOWN" }, { 9, "F_GETOWN" }, { 10, "F_SETSIG" }, { 11, "F_GETSIG" },
	{ 15, "F_SETOWN_EX" }, { 16, "F_GETOWN_EX" }, { 17, "F_GETOWNER_UIDS" },
	{ 36, "F_OFD_GETLK" }, { 37, "F_OFD_SETLK" }, { 38, "F_OFD_SETLKW" },
	{ 1024, "F_SETLEASE" }, { 1025, "F_GETLEASE" }, { 1026, "F_NOTIFY" },
	{ 1029, "F_CANCELLK" }, { 1030, "F_DUPFD_CLOEXEC" }, { 1031, "F_SETPIPE_SZ" },
	{ 1032, "F_GETPIPE_SZ" }, { 1033, "F_ADD_SEALS" }, { 1034, "F_GET_SEALS" },
	{ 1035, "F_GET_RW_HINT" }, { 1036, "F_SET_RW_HINT" },
	{ 1037, "F_GET_FILE_RW_HINT" }, { 1038, "F_SET_FILE_RW_HINT" },
	{ 0, NULL }
};

static const struct sct_xlat fd_flags[] = { { 1, "FD_CLOEXEC" }, { 0, NULL } };

static const struct sct_xlat lock_types[] = {
	{ 0, "F_RDLCK" }, { 1, "F_WRLCK" }, { 2, "F_UNLCK" }, { 0, NULL }
};

static const struct sct_xlat notify_flags[] = {
	{ 0x1, "DN_ACCESS" }, { 0x2, "DN_MODIFY" }, { 0x4, "DN_CREATE" },
	{ 0x8, "DN_DELETE" }, { 0x10, "DN_RENAME" }, { 0x20, "DN_ATTRIB" },
	{ 0x80000000, "DN_MULTISHOT" }, { 0, NULL }
};

static const struct sct_xlat seals[] = {
	{ 0x1, "F_SEAL_SEAL" }, { 0x2, "F_SEAL_SHRINK" }, { 0x4, "F_SEAL_GROW" },
	{ 0x8, "F_SEAL_WRITE" }, { 0x10, "F_SEAL_FUTURE_WRITE" }, { 0, NULL }
};

int sct_dec_fcntl_cmd(const struct sct_dec *d, unsigned i)
{
	sct_print_xval(d->o, fcntl_cmds, (uint32_t)d->r->arg[i], "F_???");
	return 0;
}

/* struct flock on x86-64: short l_type, l_whence; off_t l_start, l_len; pid_t l_pid */
struct flock64_ {
	int16_t l_type, l_whence;
	int32_t pad;
	int64_t l_start, l_len;
	int32_t l_pid;
	int32_t pad2;
};

static void print_flock(const struct sct_dec *d, unsigned i, int getlk)
{
	const struct sct_blob *b = getlk ? sct_arg_out(d, i) : 0;
	struct flock64_ fl;

	if (!b)
		b = sct_arg_in(d, i);
	if (!b || b->len < 24 || (getlk && sct_failed(d->r))) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	memset(&fl, 0, sizeof(fl));
	memcpy(&fl, sct_blob_data(b), b->len < sizeof(fl) ? b->len : sizeof(fl));
	sct_out_puts(d->o, "{l_type=");
	sct_print_xval(d->o, lock_types, (uint16_t)fl.l_type, "F_???");
	sct_out_puts(d->o, ", l_whence=");
	sct_print_xlat(d->o, SCT_XLAT_lseek_whence, (uint16_t)fl.l_whence);
	sct_out_puts(d->o, ", l_start=");
	sct_out_dec(d->o, fl.l_start);
	sct_out_puts(d->o, ", l_len=");
	sct_out_dec(d->o, fl.l_len);
	if (getlk) {
		sct_out_puts(d->o, ", l_pid=");
		sct_out_dec(d->o, fl.l_pid);
	}
	sct_out_putc(d->o, '}');
}

/* struct f_owner_ex: {type=F_OWNER_TID, pid=1234}, F_GETOWN_EX's when it succeeded */
static void print_owner_ex(const struct sct_dec *d, unsigned i, int get)
{
	static const struct sct_xlat owner_types[] = {
		{ 0, "F_OWNER_TID" }, { 1, "F_OWNER_PID" }, { 2, "F_OWNER_PGRP" }, { 0, NULL }
	};
	const struct sct_blob *b = get ? sct_arg_out(d, i) : sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;
	static const int pid_types[] = { SCT_PT_TID, SCT_PT_TGID, SCT_PT_PGID };
	struct sct_dec at = *d;
	int32_t v[2];

	if (!b || b->len < 8 || (get && sct_failed(d->r))) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	memcpy(v, p, sizeof(v));
	sct_out_puts(d->o, "{type=");
	sct_print_xval(d->o, owner_types, (uint32_t)v[0], "F_OWNER_???");
	sct_out_puts(d->o, ", pid=");
	at.out = get;		/* F_GETOWN_EX's is the call's result */
	if ((uint32_t)v[0] < 3)	/* the pid of the type it names (format/pid.c) */
		sct_print_pid(&at, v[1], pid_types[v[0]]);
	else
		sct_out_dec(d->o, v[1]);
	sct_out_putc(d->o, '}');
}

static uint32_t fcntl_cmd_of(const struct sct_dec *d, unsigned i)
{
	unsigned a = d->c->arg[i].aux;

	if (a >= SCT_MAX_ARGS) {
		for (a = 0; a < d->c->nargs; a++)
			if (d->c->arg[a].kind == SCT_K_FCNTL_CMD)
				break;
		if (a >= SCT_MAX_ARGS)
			a = 1;
	}
	return (uint32_t)d->r->arg[a];
}

int sct_dec_fcntl_arg(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint64_t v = d->r->arg[i];

	switch (fcntl_cmd_of(d, i)) {
	case F_GETFD_: case F_GETFL_: case F_GETOWN_: case F_GETSIG_:
	case F_GETLEASE_: case F_GETPIPE_SZ_: case F_GET_SEALS_:
		return 1;
	case F_SETFD_:
		sct_print_flags(o, fd_flags, v, "FD_???");
		break;
	case F_SETFL_:
		sct_print_open_flags(o, v);
		break;
	case F_DUPFD_: case F_DUPFD_CLOEXEC_: case F_SETPIPE_SZ_:
		sct_out_dec(o, (int32_t)v);
		break;
	case F_SETOWN_:
		sct_print_pid_pgid(d, (int32_t)v);
		break;
	case F_SETSIG_:
		sct_print_signame(o, (int32_t)v);
		break;
	case F_SETLEASE_:
		sct_print_xval(o, lock_types, (uint32_t)v, "F_???");
		break;
	case F_NOTIFY_:
		sct_print_flags(o, notify_flags, (uint32_t)v, "DN_???");
		break;
	case F_ADD_SEALS_:
		sct_print_flags(o, seals, (uint32_t)v, "F_SEAL_???");
		break;
	case F_GETLK_: case F_OFD_GETLK_:
		print_flock(d, i, 1);
		break;
	case F_SETLK_: case F_SETLKW_: case F_OFD_SETLK_: case F_OFD_SETLKW_:
		print_flock(d, i, 0);
		break;
	case 15: case 16:		/* F_SETOWN_EX, F_GETOWN_EX */
		print_owner_ex(d, i, fcntl_cmd_of(d, i) == 16);
		break;
	case 17: case 1035: case 1036: case 1037: case 1038:
		sct_print_addr(o, v);	/* pointers to structs we do not capture */
		break;
	default:
		sct_out_hex(o, v);
		break;
	}
	return 0;
}

void sct_print_fcntl_ret(const struct sct_dec *d)
{
	struct sct_out *o = d->o;
	int64_t ret = d->r->ret;
	uint32_t cmd = 0;

	for (unsigned a = 0; a < d->c->nargs && a < SCT_MAX_ARGS; a++)
		if (d->c->arg[a].kind == SCT_K_FCNTL_CMD)
			cmd = (uint32_t)d->r->arg[a];
	switch (cmd) {
	case F_GETOWN_: {	/* a group's is negative */
		struct sct_dec at_exit = *d;

		at_exit.out = 1;
		sct_print_pid(&at_exit, ret, ret < 0 ? SCT_PT_PGID : SCT_PT_TGID);
		return;
	}
	case F_GETFL_:
		sct_out_hex(o, (uint64_t)ret);
		sct_out_puts(o, " (flags ");
		sct_print_open_flags(o, (uint64_t)ret);
		sct_out_putc(o, ')');
		return;
	case F_GETFD_:
	case F_GET_SEALS_:
		sct_out_hex(o, (uint64_t)ret);
		if (ret == 0)
			return;
		if (cmd == F_GETFD_) {
			sct_out_puts(o, " (flags ");
			sct_print_flags(o, fd_flags, (uint64_t)ret, "FD_???");
		} else {
			sct_out_puts(o, " (seals ");
			sct_print_flags(o, seals, (uint64_t)ret, "F_SEAL_???");
		}
		sct_out_putc(o, ')');
		return;
	case F_GETLEASE_:
		sct_out_hex(o, (uint64_t)ret);
		sct_out_puts(o, " (");
		sct_print_xval(o, lock_types, (uint64_t)ret, "F_???");
		sct_out_putc(o, ')');
		return;
	case F_GETSIG_:
		sct_out_dec(o, ret);
		if (ret == 0)
			return;
		sct_out_puts(o, " (");
		sct_print_signame(o, (int)ret);
		sct_out_putc(o, ')');
		return;
	case F_DUPFD_:
	case F_DUPFD_CLOEXEC_:
		sct_print_fd(d, SCT_BLOB_ARG_RET, ret);
		return;
	}
	sct_out_dec(o, ret);
}

/* --- ioctl ---------------------------------------------------------------------- */

/* How the third argument of a known request prints. */
enum { A_PTR = 0, A_NONE, A_INT, A_HEX, A_FLUSH, A_FLOW, A_TERMIOS, A_WINSIZE };

struct ioctl_ent {
	uint32_t req;
	uint8_t arg;
	const char *name;
};

/* x86-64 values; names as strace 6.1 prints them (some numbers have two names) */
static const struct ioctl_ent ioctls[] = {
	{ 0x5401, A_TERMIOS, "TCGETS" },
	{ 0x5402, A_TERMIOS, "SNDCTL_TMR_START or TCSETS" },
	{ 0x5403, A_TERMIOS, "SNDCTL_TMR_STOP or TCSETSW" },
	{ 0x5404, A_TERMIOS, "SNDCTL_TMR_CONTINUE or TCSETSF" },
	{ 0x5405, A_PTR, "TCGETA" },
	{ 0x5406, A_PTR, "TCSETA" },
	{ 0x5407, A_PTR, "TCSETAW" },
	{ 0x5408, A_PTR, "TCSETAF" },
	{ 0x5409, A_INT, "TCSBRK" },
	{ 0x540a, A_FLOW, "TCXONC" },
	{ 0x540b, A_FLUSH, "TCFLSH" },
	{ 0x540c, A_NONE, "TIOCEXCL" },
	{ 0x540d, A_NONE, "TIOCNXCL" },
	{ 0x540e, A_INT, "TIOCSCTTY" },
	{ 0x540f, A_PTR, "TIOCGPGRP" },
	{ 0x5410, A_PTR, "TIOCSPGRP" },
	{ 0x5411, A_PTR, "TIOCOUTQ" },
	{ 0x5412, A_PTR, "TIOCSTI" },
	{ 0x5413, A_WINSIZE, "TIOCGWINSZ" },
	{ 0x5414, A_WINSIZE, "TIOCSWINSZ" },
	{ 0x5415, A_PTR, "TIOCMGET" },
	{ 0x5416, A_PTR, "TIOCMBIS" },
	{ 0x5417, A_PTR, "TIOCMBIC" },
	{ 0x5418, A_PTR, "TIOCMSET" },
	{ 0x5419, A_PTR, "TIOCGSOFTCAR" },
	{ 0x541a, A_PTR, "TIOCSSOFTCAR" },
	{ 0x541b, A_PTR, "FIONREAD" },
	{ 0x541c, A_PTR, "TIOCLINUX" },
	{ 0x541d, A_NONE, "TIOCCONS" },
	{ 0x541e, A_PTR, "TIOCGSERIAL" },
	{ 0x541f, A_PTR, "TIOCSSERIAL" },
	{ 0x5420, A_PTR, "TIOCPKT" },
	{ 0x5421, A_PTR, "FIONBIO" },
	{ 0x5422, A_NONE, "TIOCNOTTY" },
	{ 0x5423, A_PTR, "TIOCSETD" },
	{ 0x5424, A_PTR, "TIOCGETD" },
	{ 0x5425, A_INT, "TCSBRKP" },
	{ 0x5427, A_NONE, "TIOCSBRK" },
	{ 0x5428, A_NONE, "TIOCCBRK" },
	{ 0x5429, A_PTR, "TIOCGSID" },
	{ 0x80045430, A_PTR, "TIOCGPTN" },
	{ 0x40045431, A_PTR, "TIOCSPTLCK" },
	{ 0x80045432, A_PTR, "TIOCGDEV" },
	{ 0x80045438, A_PTR, "TIOCGPKT" },
	{ 0x80045439, A_PTR, "TIOCGPTLCK" },
	{ 0x80045440, A_PTR, "TIOCGEXCL" },
	{ 0x5441, A_HEX, "TIOCGPTPEER" },
	{ 0x5450, A_NONE, "FIONCLEX" },
	{ 0x5451, A_NONE, "FIOCLEX" },
	{ 0x5452, A_PTR, "FIOASYNC" },
	{ 0x5460, A_PTR, "FIOQSIZE" },
	{ 0x1, A_PTR, "FIBMAP" },
	{ 0x2, A_PTR, "FIGETBSZ" },
	{ 0x1260, A_PTR, "BLKGETSIZE" },
	{ 0x1268, A_PTR, "BLKSSZGET" },
	{ 0x80081272, A_PTR, "BLKGETSIZE64" },
	{ 0x80086601, A_PTR, "FS_IOC_GETFLAGS" },
	{ 0x40086602, A_PTR, "FS_IOC_SETFLAGS" },
	{ 0x80087601, A_PTR, "FS_IOC_GETVERSION" },
	{ 0xc020660b, A_PTR, "FS_IOC_FIEMAP" },
	{ 0x40049409, A_INT, "BTRFS_IOC_CLONE or FICLONE" },
	{ 0xc0045877, A_PTR, "FIFREEZE" },
	{ 0xc0045878, A_PTR, "FITHAW" },
	{ 0x8910, A_PTR, "SIOCGIFNAME" },
	{ 0x8912, A_PTR, "SIOCGIFCONF" },
	{ 0x8913, A_PTR, "SIOCGIFFLAGS" },
	{ 0x8914, A_PTR, "SIOCSIFFLAGS" },
	{ 0x8915, A_PTR, "SIOCGIFADDR" },
	{ 0x8921, A_PTR, "SIOCGIFMTU" },
	{ 0x8927, A_PTR, "SIOCGIFHWADDR" },
	{ 0x8933, A_PTR, "SIOCGIFINDEX" },
	{ 0, 0, NULL }
};

static const struct sct_xlat flush_args[] = {
	{ 0, "TCIFLUSH" }, { 1, "TCOFLUSH" }, { 2, "TCIOFLUSH" }, { 0, NULL }
};

static const struct sct_xlat flow_args[] = {
	{ 0, "TCOOFF" }, { 1, "TCOON" }, { 2, "TCIOFF" }, { 3, "TCION" }, { 0, NULL }
};

static const struct ioctl_ent *ioctl_find(uint32_t req)
{
	for (const struct ioctl_ent *e = ioctls; e->name; e++)
		if (e->req == req)
			return e;
	return 0;
}

int sct_dec_ioctl_req(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t req = (uint32_t)d->r->arg[i];
	const struct ioctl_ent *e = ioctl_find(req);
	uint32_t dir = req >> 30;

	if (e) {
		sct_out_puts(o, e->name);
		return 0;
	}
	/* _IOC(dir, type, nr, size), as strace spells an unknown request */
	sct_out_puts(o, "_IOC(");
	if (dir == 0)
		sct_out_puts(o, "_IOC_NONE");
	else if (dir == 1)
		sct_out_puts(o, "_IOC_WRITE");
	else if (dir == 2)
		sct_out_puts(o, "_IOC_READ");
	else
		sct_out_puts(o, "_IOC_READ|_IOC_WRITE");
	sct_out_puts(o, ", ");
	sct_out_hex(o, (req >> 8) & 0xff);
	sct_out_puts(o, ", ");
	sct_out_hex(o, req & 0xff);
	sct_out_puts(o, ", ");
	sct_out_hex(o, (req >> 16) & 0x3fff);
	sct_out_putc(o, ')');
	return 0;
}

/* The kernel's struct termios (x86-64: four flag words, c_line, c_cc[19]), in strace's
 * form: {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR,
 * c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|..., ...} */
static void print_termios(struct sct_out *o, const unsigned char *p)
{
	static const char *const cs[] = { "CS5", "CS6", "CS7", "CS8" };
	static const struct { uint32_t mask, shift; const char *name; int max; } delays[] = {
		{ 0000400, 8, "NL", 1 }, { 0003000, 9, "CR", 3 }, { 0014000, 11, "TAB", 3 },
		{ 0020000, 13, "BS", 1 }, { 0040000, 14, "VT", 1 }, { 0100000, 15, "FF", 1 },
	};
	uint32_t ifl = sct_get32(p), ofl = sct_get32(p + 4), cfl = sct_get32(p + 8);
	uint32_t lfl = sct_get32(p + 12), rest;

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
	sct_out_puts(o, ", ...}");
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

int sct_dec_ioctl_arg(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	unsigned a = d->c->arg[i].aux < SCT_MAX_ARGS ? d->c->arg[i].aux : 1;
	const struct ioctl_ent *e = ioctl_find((uint32_t)d->r->arg[a]);
	uint64_t v = d->r->arg[i];

	if (!e) {
		sct_out_hex(o, v);
		return 0;
	}
	switch (e->arg) {
	case A_NONE:
		return 1;
	case A_INT:
		sct_out_dec(o, (int32_t)v);
		break;
	case A_HEX:
		sct_out_hex(o, v);
		break;
	case A_FLUSH:
		sct_print_xval(o, flush_args, v, "TC???");
		break;
	case A_FLOW:
		sct_print_xval(o, flow_args, v, "TC???");
		break;
	case A_TERMIOS:
	case A_WINSIZE: {
		/* TCGETS/TIOCGWINSZ fill the struct (shown when they succeed); the
		 * setters pass it in */
		const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);
		uint32_t want = e->arg == A_TERMIOS ? 36 : 8;

		if (!b)
			b = sct_arg_in(d, i);
		if (!v || !b || b->len < want)
			sct_print_addr(o, v);
		else if (e->arg == A_TERMIOS)
			print_termios(o, sct_blob_data(b));
		else
			print_winsize(o, sct_blob_data(b));
		break;
	}
	default: {
		/* an int behind the pointer, if the capture layer provided one */
		const struct sct_blob *b = sct_failed(d->r) ? 0 : sct_arg_out(d, i);
		int32_t n;

		if (!b && !sct_failed(d->r))
			b = sct_arg_in(d, i);
		if (b && b->len == sizeof(n)) {
			memcpy(&n, sct_blob_data(b), sizeof(n));
			sct_out_putc(o, '[');
			sct_out_dec(o, n);
			sct_out_putc(o, ']');
		} else {
			sct_print_addr(o, v);
		}
		break;
	}
	}
	return 0;
}

int sct_dec_pipefd(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	int32_t fds[2];

	if (sct_failed(d->r) || !b || b->len < sizeof(fds)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	memcpy(fds, sct_blob_data(b), sizeof(fds));
	sct_out_putc(d->o, '[');
	sct_print_fd(d, i, fds[0]);
	sct_out_puts(d->o, ", ");
	sct_print_fd(d, i, fds[1]);
	sct_out_putc(d->o, ']');
	return 0;
}

static const struct sct_xlat close_range_flags[] = {
	{ 2, "CLOSE_RANGE_UNSHARE" },
	{ 4, "CLOSE_RANGE_CLOEXEC" },
	{ 0, NULL },
};

int sct_dec_closerange_flags(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, close_range_flags, (uint32_t)d->r->arg[i], "CLOSE_RANGE_???");
	return 0;
}
