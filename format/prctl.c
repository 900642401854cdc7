/* prctl(2) and arch_prctl(2): what follows the option depends on the option, and
 * strace shows only the arguments an option reads (prctl(PR_GET_DUMPABLE)).  Each
 * argument's decoder leaves itself out when the option does not use it. */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum {
	SET_PDEATHSIG = 1, GET_PDEATHSIG = 2, GET_DUMPABLE = 3, SET_DUMPABLE = 4,
	GET_UNALIGN = 5, GET_KEEPCAPS = 7, SET_KEEPCAPS = 8, SET_NAME = 15, GET_NAME = 16,
	GET_SECCOMP = 21, SET_SECCOMP = 22, CAPBSET_READ = 23, CAPBSET_DROP = 24,
	GET_TSC = 25, SET_TSC = 26, GET_SECUREBITS = 27, SET_TIMERSLACK = 29, GET_TIMERSLACK = 30,
	SET_CHILD_SUBREAPER = 36, GET_CHILD_SUBREAPER = 37, SET_NO_NEW_PRIVS = 38,
	GET_NO_NEW_PRIVS = 39, SET_SYSCALL_USER_DISPATCH = 59,
	SET_VMA = 0x53564d41, SET_PTRACER = 0x59616d61,
};

enum how { OMIT, HEX, UDEC, ADDR, STR, SIG, XLAT, TSC_OUT };

static void print_str(const struct sct_dec *d, unsigned i)
{
	if (!d->r->arg[i] || !sct_arg_in(d, i))
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_strarg(d, i, SCT_BLOB_IN, 0);
}

/* How argument i (1..4) of option op prints; *t is the table for XLAT. */
static enum how how_of(const struct sct_dec *d, unsigned i, unsigned *t)
{
	uint32_t op = (uint32_t)d->r->arg[0];
	uint64_t sub = d->r->arg[1];

	switch (op) {
	case GET_DUMPABLE: case GET_KEEPCAPS: case GET_SECCOMP: case GET_SECUREBITS:
	case GET_TIMERSLACK:
		return OMIT;
	case GET_PDEATHSIG: case GET_UNALIGN: case GET_CHILD_SUBREAPER:
		return i == 1 ? ADDR : OMIT;
	case SET_PDEATHSIG:
		return i == 1 ? SIG : OMIT;
	case SET_KEEPCAPS: case SET_TIMERSLACK: case SET_CHILD_SUBREAPER: case SET_PTRACER:
		return i == 1 ? UDEC : OMIT;
	case SET_DUMPABLE:
		*t = SCT_XLAT_suid_dump;
		return i == 1 ? XLAT : OMIT;
	case SET_NAME: case GET_NAME:
		return i == 1 ? STR : OMIT;
	case CAPBSET_READ: case CAPBSET_DROP:
		*t = SCT_XLAT_capabilities;
		return i == 1 ? XLAT : OMIT;
	case SET_SECCOMP:
		*t = SCT_XLAT_seccomp_modes;
		if (i == 1)
			return XLAT;
		if (sub == 2)		/* SECCOMP_MODE_FILTER: the program */
			return i == 2 ? ADDR : OMIT;
		return sub == 1 ? OMIT : HEX;	/* SECCOMP_MODE_STRICT reads nothing more */
	case SET_TSC:		/* the kernel reads an unsigned int */
		*t = SCT_XLAT_pr_tsc;
		return i == 1 ? XLAT : OMIT;
	case GET_TSC:
		*t = SCT_XLAT_pr_tsc;
		return i == 1 ? TSC_OUT : OMIT;
	case SET_NO_NEW_PRIVS:
		return i == 1 ? UDEC : HEX;
	case GET_NO_NEW_PRIVS:
		return HEX;
	case SET_SYSCALL_USER_DISPATCH:
		*t = SCT_XLAT_sys_dispatch;
		if (i == 1)
			return XLAT;
		if (sub > 1)
			return HEX;
		return i == 4 ? ADDR : HEX;
	case SET_VMA:
		*t = SCT_XLAT_set_vma;
		if (i == 1)
			return XLAT;
		if (sub != 0)
			return HEX;
		return i == 2 ? HEX : i == 3 ? UDEC : STR;
	default:
		return HEX;
	}
}

int sct_dec_prctl_arg(const struct sct_dec *d, unsigned i)
{
	unsigned t = 0;
	uint64_t v = d->r->arg[i];

	switch (how_of(d, i, &t)) {
	case OMIT:
		return 1;
	case UDEC:
		sct_out_udec(d->o, v);
		break;
	case ADDR:
		sct_print_addr(d->o, v);
		break;
	case STR:
		print_str(d, i);
		break;
	case SIG:
		sct_print_signame(d->o, (int)v);
		break;
	case XLAT:
		sct_print_xlat(d->o, t, t == SCT_XLAT_pr_tsc ? (uint32_t)v : v);
		break;
	case TSC_OUT: {
		const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

		if (!b || b->len < 4) {
			sct_print_addr(d->o, v);
			break;
		}
		sct_out_putc(d->o, '[');
		sct_print_xlat(d->o, t, sct_get32(sct_blob_data(b)));
		sct_out_putc(d->o, ']');
		break;
	}
	default:
		sct_out_hex(d->o, v);
		break;
	}
	return 0;
}

/* arch_prctl's second argument: the value read back by ARCH_GET_FS/GS, else a number */
int sct_dec_arch_prctl_arg(const struct sct_dec *d, unsigned i)
{
	uint32_t code = (uint32_t)d->r->arg[0];
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if ((code == 0x1003 || code == 0x1004) && b && b->len >= 8) {
		sct_out_putc(d->o, '[');
		sct_out_hex(d->o, sct_get64(sct_blob_data(b)));
		sct_out_putc(d->o, ']');
		return 0;
	}
	sct_out_hex(d->o, d->r->arg[i]);
	return 0;
}
