/* What is done to descriptors: lseek whence, fcntl commands and their argument and
 * return, pipe2's pair (descriptors themselves: fdname.c). */
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
