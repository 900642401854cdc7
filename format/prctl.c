/* prctl(2) and arch_prctl(2): what follows the option depends on the option, and
 * strace shows only the arguments an option reads (prctl(PR_GET_DUMPABLE)).  Each
 * argument's decoder leaves itself out when the option does not use it. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum {
	SET_PDEATHSIG = 1, GET_PDEATHSIG = 2, GET_DUMPABLE = 3, SET_DUMPABLE = 4,
	GET_UNALIGN = 5, SET_UNALIGN = 6, GET_FPEMU = 9, GET_FPEXC = 11, GET_ENDIAN = 19, GET_KEEPCAPS = 7, SET_KEEPCAPS = 8, GET_TIMING = 13,
	SET_NAME = 15, GET_NAME = 16,
	GET_SECCOMP = 21, SET_SECCOMP = 22, CAPBSET_READ = 23, CAPBSET_DROP = 24,
	GET_TSC = 25, SET_TSC = 26, GET_SECUREBITS = 27, SET_SECUREBITS = 28, SET_TIMERSLACK = 29, GET_TIMERSLACK = 30,
	TASK_PERF_EVENTS_DISABLE = 31, TASK_PERF_EVENTS_ENABLE = 32, MCE_KILL = 33,
	MCE_KILL_GET = 34,
	SET_CHILD_SUBREAPER = 36, GET_CHILD_SUBREAPER = 37, SET_NO_NEW_PRIVS = 38,
	GET_NO_NEW_PRIVS = 39, GET_TID_ADDRESS = 40, CAP_AMBIENT = 47, SVE_SET_VL = 50, SVE_GET_VL = 51, PAC_RESET_KEYS = 54, SET_TAGGED_ADDR_CTRL = 55, GET_TAGGED_ADDR_CTRL = 56,
	SET_FP_MODE = 45, GET_FP_MODE = 46, GET_SPECULATION_CTRL = 52, SET_SPECULATION_CTRL = 53,
	SET_SYSCALL_USER_DISPATCH = 59, PAC_SET_ENABLED_KEYS = 60,
	PAC_GET_ENABLED_KEYS = 61, SCHED_CORE = 62, SME_SET_VL = 63, SME_GET_VL = 64,
	SET_VMA = 0x53564d41, SET_PTRACER = 0x59616d61,
};

enum how { OMIT, HEX, UDEC, ADDR, STR, SIG, XLAT, VL, TAGGED, PIDARG, PIDTYPE, OUT, OUT64, TSC_OUT,
	PTRACER };

/* PR_SET_TAGGED_ADDR_CTRL's word as strace shows it: the enable bit (or its '!'), the
 * MTE check mode (2 bits from bit 1), the tag mask (16 bits from bit 3) when not 0,
 * then any bit above in hex: "!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0xcafe<<PR_MTE_TAG_SHIFT" */
static void print_tagged(struct sct_out *o, uint64_t v)
{
	static const char *const tcf[] = { "NONE", "SYNC", "ASYNC", "MASK" };
	uint64_t tags = v >> 3 & 0xffff, rest = v & ~(uint64_t)0x7ffff;

	if (o->cstyle == SCT_CONST_RAW) {
		sct_out_hex(o, v);
		return;
	}
	if (o->cstyle == SCT_CONST_VERBOSE) {	/* "0x5 / * PR_TAGGED_ADDR_ENABLE|... * /" */
		o->cstyle = SCT_CONST_ABBREV;
		sct_out_hex(o, v);
		sct_out_puts(o, " /* ");
		print_tagged(o, v);
		sct_out_puts(o, " */");
		o->cstyle = SCT_CONST_VERBOSE;
		return;
	}
	sct_out_puts(o, v & 1 ? "PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_" : "!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_");
	sct_out_puts(o, tcf[v >> 1 & 3]);
	if (tags) {
		sct_out_putc(o, '|');
		sct_out_hex(o, tags);
		sct_out_puts(o, "<<PR_MTE_TAG_SHIFT");
	}
	if (rest) {
		sct_out_putc(o, '|');
		sct_out_hex(o, rest);
	}
}

/* Does any named flag of t match v (strace's sprintflags_ex finds one)? */
static int any_flag(const struct sct_xlat *t, uint64_t v)
{
	for (; t->name; t++)
		if (t->val && (v & t->val) == t->val)
			return 1;
	return 0;
}

static void print_str(const struct sct_dec *d, unsigned i)
{
	/* PR_GET_NAME's name is what the call wrote, on success */
	unsigned when = (uint32_t)d->r->arg[0] == GET_NAME ? SCT_BLOB_OUT : SCT_BLOB_IN;

	if (!d->r->arg[i] || (when == SCT_BLOB_IN ? !sct_arg_in(d, i) : !sct_arg_out(d, i)) ||
	    (when == SCT_BLOB_OUT && sct_failed(d->r)))
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_strarg(d, i, when, 0);
}

/* How argument i (1..4) of option op prints; *t is the table for XLAT. */
static enum how how_of(const struct sct_dec *d, unsigned i, unsigned *t)
{
	uint32_t op = (uint32_t)d->r->arg[0];
	uint64_t sub = d->r->arg[1];

	switch (op) {
	case GET_DUMPABLE: case GET_KEEPCAPS: case GET_SECCOMP: case GET_SECUREBITS:
	case GET_TIMERSLACK: case GET_TIMING: case TASK_PERF_EVENTS_DISABLE:
	case TASK_PERF_EVENTS_ENABLE: case SVE_GET_VL: case SME_GET_VL: case GET_FP_MODE:
		return OMIT;
	case SET_FP_MODE:
		*t = SCT_XLAT_pr_fp_mode;
		return i == 1 ? XLAT : OMIT;
	case GET_SPECULATION_CTRL:
		*t = SCT_XLAT_pr_spec_cmds;
		return i == 1 ? XLAT : OMIT;
	case SET_SPECULATION_CTRL:
		/* the control of a misfeature strace knows; else a number */
		*t = i == 1 ? SCT_XLAT_pr_spec_cmds : SCT_XLAT_pr_spec_set_flags;
		return i == 1 || (i == 2 && sub <= 2) ? XLAT : i == 2 ? HEX : OMIT;
	case SET_UNALIGN:
		*t = SCT_XLAT_pr_unalign_flags;
		return i == 1 ? XLAT : OMIT;
	case SET_SECUREBITS:
		*t = SCT_XLAT_secbits;
		return i == 1 ? XLAT : OMIT;
	case MCE_KILL:
		/* PR_MCE_KILL_SET names its policy; the rest are numbers */
		*t = i == 1 ? SCT_XLAT_pr_mce_kill : SCT_XLAT_pr_mce_kill_policy;
		return i == 1 || (i == 2 && sub == 1) ? XLAT : HEX;
	case CAP_AMBIENT:
		/* IS_SET, RAISE and LOWER name a capability */
		*t = i == 1 ? SCT_XLAT_pr_cap_ambient : SCT_XLAT_capabilities;
		return i == 1 || (i == 2 && sub >= 1 && sub <= 3) ? XLAT : HEX;
	case SVE_SET_VL: case SME_SET_VL:
		*t = op == SVE_SET_VL ? SCT_XLAT_pr_sve_vl_flags : SCT_XLAT_pr_sme_vl_flags;
		return i == 1 ? VL : OMIT;
	case PAC_SET_ENABLED_KEYS:
		*t = SCT_XLAT_pr_pac_enabled_keys;
		return i <= 2 ? XLAT : HEX;
	case SET_TAGGED_ADDR_CTRL:
		return i == 1 ? TAGGED : HEX;
	case SCHED_CORE:
		/* operation, pid, its type, and the cookie's address (PR_SCHED_CORE_GET: the
		 * cookie it wrote there, after success) */
		*t = SCT_XLAT_pr_sched_core;
		return i == 1 ? XLAT : i == 2 ? PIDARG : i == 3 ? PIDTYPE : (uint32_t)sub == 0 ? OUT64 : ADDR;
	case PAC_RESET_KEYS:
		*t = SCT_XLAT_pr_pac_keys;
		return i == 1 ? XLAT : HEX;
	case GET_PDEATHSIG: case GET_UNALIGN: case GET_CHILD_SUBREAPER: case GET_FPEMU:
	case GET_FPEXC: case GET_ENDIAN: case GET_TID_ADDRESS:
		*t = SCT_XLAT_pr_unalign_flags;
		return i == 1 ? OUT : OMIT;
	case SET_PDEATHSIG:
		return i == 1 ? SIG : OMIT;
	case SET_KEEPCAPS: case SET_TIMERSLACK: case SET_CHILD_SUBREAPER:
		return i == 1 ? UDEC : OMIT;
	case SET_PTRACER:
		return i == 1 ? PTRACER : OMIT;
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
		return i == 2 ? ADDR : i == 3 ? UDEC : STR;
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
		/* a signal by its name, anything else as the kernel's unsigned long */
		if (v >= 1 && v <= 64)
			sct_print_signame(d->o, (int)v);
		else
			sct_out_udec(d->o, v);
		break;
	case OUT: {
		/* what the option wrote through its argument, after success */
		const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);
		uint32_t op = (uint32_t)d->r->arg[0];

		if (!b || b->len < (op == GET_TID_ADDRESS ? 8u : 4u)) {
			sct_print_addr(d->o, v);
			break;
		}
		sct_out_putc(d->o, '[');
		if (op == GET_TID_ADDRESS) {
			sct_print_addr(d->o, sct_get64(sct_blob_data(b)));
		} else {
			uint32_t w;

			memcpy(&w, sct_blob_data(b), 4);
			if (op == GET_PDEATHSIG)
				sct_print_signame(d->o, (int)w);
			else if (op == GET_UNALIGN)
				sct_print_xlat(d->o, t, w);
			else
				sct_out_udec(d->o, w);
		}
		sct_out_putc(d->o, ']');
		break;
	}
	case OUT64: {		/* strace's printnum_int64 "%#llx": [0xdeadc0debadc0ded] */
		const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

		if (!b || b->len < 8) {
			sct_print_addr(d->o, v);
			break;
		}
		sct_out_putc(d->o, '[');
		sct_out_hex(d->o, sct_get64(sct_blob_data(b)));
		sct_out_putc(d->o, ']');
		break;
	}
	case XLAT:
		sct_print_xlat(d->o, t, t == SCT_XLAT_pr_tsc ? (uint32_t)v : v);
		break;
	case PIDARG: {
		/* PR_SCHED_CORE's pid, of the type its next argument names (PIDTYPE_PID is
		 * a thread's); another type: the number alone */
		static const int types[] = { SCT_PT_TID, SCT_PT_TGID, SCT_PT_PGID, SCT_PT_SID };
		uint32_t pt = (uint32_t)d->r->arg[3];

		if (pt < 4)
			sct_print_pid(d, (int32_t)v, types[pt]);
		else
			sct_out_dec(d->o, (int32_t)v);
		break;
	}
	case PTRACER:		/* strace: a pid (an int), or -1 as PR_SET_PTRACER_ANY */
		if ((int32_t)v != -1)
			sct_print_pid(d, (int32_t)v, SCT_PT_TGID);
		else if (d->o->cstyle == SCT_CONST_RAW)
			sct_out_puts(d->o, "-1");
		else
			sct_out_puts(d->o, d->o->cstyle == SCT_CONST_VERBOSE ?
				     "-1 /* PR_SET_PTRACER_ANY */" : "PR_SET_PTRACER_ANY");
		break;
	case PIDTYPE: {
		/* strace shows the number, the name in a comment: "0x1 / * PIDTYPE_TGID * /" */
		const char *name = sct_xlat_find(sct_xlat_tabs[SCT_XLAT_pidtypes].x, (uint32_t)v);

		sct_out_hex(d->o, (uint32_t)v);
		if (d->o->cstyle != SCT_CONST_RAW) {
			sct_out_puts(d->o, " /* ");
			sct_out_puts(d->o, name ? name : "PIDTYPE_???");
			sct_out_puts(d->o, " */");
		}
		break;
	}
	case TAGGED:
		print_tagged(d->o, v);
		break;
	case VL: {
		/* the flags above the vector length (PR_SVE_VL_LEN_MASK), then the length;
		 * -X raw: the word; -X verbose: the word, that in a comment (strace's
		 * sprint_sve_val) */
		int style = d->o->cstyle, flags = (v & ~(uint64_t)0xffff) != 0;

		if (style == SCT_CONST_RAW) {
			sct_out_hex(d->o, v);
			break;
		}
		if (style == SCT_CONST_VERBOSE && flags) {
			sct_out_hex(d->o, v);
			sct_out_puts(d->o, " /* ");
		}
		d->o->cstyle = SCT_CONST_ABBREV;
		if (flags) {
			sct_print_flags(d->o, sct_xlat_tabs[t].x, v & ~(uint64_t)0xffff, NULL);
			sct_out_putc(d->o, '|');
		}
		sct_out_hex(d->o, v & 0xffff);
		d->o->cstyle = style;
		if (style == SCT_CONST_VERBOSE && flags)
			sct_out_puts(d->o, " */");
		break;
	}
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

/* arch_prctl's second argument: the value read back by ARCH_GET_FS/GS ([NULL],
 * [0x7f...]) and the XSAVE feature masks of ARCH_GET_XCOMP_* ([0x602e7 / * XFEATURE_MASK_FPSSE|
 * ... * /]), the feature ARCH_REQ_XCOMP_*PERM asks for ("0x12 / * XFEATURE_XTILE_DATA * /"),
 * nothing for ARCH_GET_CPUID, else a number */
int sct_dec_arch_prctl_arg(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t code = (uint32_t)d->r->arg[0];
	uint64_t arg = d->r->arg[i];
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);
	int get_fsgs = code == 0x1003 || code == 0x1004;
	int get_xcomp = code == 0x1021 || code == 0x1022 || code == 0x1024;

	if (code == 0x1011)		/* ARCH_GET_CPUID */
		return 1;
	if ((get_fsgs || get_xcomp) && b && b->len >= 8) {
		uint64_t v = sct_get64(sct_blob_data(b));

		sct_out_putc(o, '[');
		if (get_fsgs) {
			sct_print_addr(o, v);
		} else if (!v) {
			sct_out_putc(o, '0');
		} else {
			sct_out_hex(o, v);
			if (o->cstyle != SCT_CONST_RAW) {
				int saved = o->cstyle;

				const struct sct_xlat *x = sct_xlat_tabs[SCT_XLAT_x86_xfeature_masks].x;

				sct_out_puts(o, " /* ");
				o->cstyle = SCT_CONST_ABBREV;
				if (any_flag(x, v))
					sct_print_flags(o, x, v, NULL);
				else
					sct_out_puts(o, "XFEATURE_MASK_???");
				o->cstyle = saved;
				sct_out_puts(o, " */");
			}
		}
		sct_out_putc(o, ']');
		return 0;
	}
	if (get_fsgs || get_xcomp) {
		sct_print_addr(o, arg);
		return 0;
	}
	if (code == 0x1023 || code == 0x1025) {
		const char *name = sct_xlat_find(sct_xlat_tabs[SCT_XLAT_x86_xfeatures].x, (uint32_t)arg);

		sct_out_hex(o, (uint32_t)arg);
		if (o->cstyle != SCT_CONST_RAW) {
			sct_out_puts(o, " /* ");
			sct_out_puts(o, name ? name : "XFEATURE_???");
			sct_out_puts(o, " */");
		}
		return 0;
	}
	sct_out_hex(o, arg);
	return 0;
}
/* prctl's result: the options that return a constant show it after the number, as
 * strace does ("= 1 (SUID_DUMP_USER)", "= 0xff (SECBIT_NOROOT|...)"); others decimal */
void sct_ret_prctl(const struct sct_dec *d)
{
	struct sct_out *o = d->o;
	uint64_t v = (uint64_t)d->r->ret;
	const struct sct_xlat *x = NULL;

	switch ((uint32_t)d->r->arg[0]) {
	case GET_DUMPABLE:
		x = sct_xlat_tabs[SCT_XLAT_suid_dump].x;
		break;
	case MCE_KILL_GET:
		x = sct_xlat_tabs[SCT_XLAT_pr_mce_kill_policy].x;
		break;
	case GET_SECUREBITS:
	case PAC_GET_ENABLED_KEYS: {
		/* strace's auxstr: the names found and the rest in hex, nothing when no
		 * name is found or with -X raw */
		unsigned t = (uint32_t)d->r->arg[0] == GET_SECUREBITS ? SCT_XLAT_secbits
									: SCT_XLAT_pr_pac_enabled_keys;
		sct_out_hex(o, v);
		if (v && o->cstyle != SCT_CONST_RAW && any_flag(sct_xlat_tabs[t].x, v)) {
			int saved = o->cstyle;

			o->cstyle = SCT_CONST_ABBREV;
			sct_out_puts(o, " (");
			sct_print_flags(o, sct_xlat_tabs[t].x, v, NULL);
			sct_out_putc(o, ')');
			o->cstyle = saved;
		}
		return;
	}
	case GET_FP_MODE:
	case GET_SPECULATION_CTRL: {
		/* strace's auxstr of flags: hex, then the names found (a zero value's name,
		 * PR_SPEC_NOT_AFFECTED), nothing with -X raw; PR_GET_FP_MODE's 0 as is, a
		 * misfeature strace does not know in decimal */
		int fp = (uint32_t)d->r->arg[0] == GET_FP_MODE;
		const struct sct_xlat *t = sct_xlat_tabs[fp ? SCT_XLAT_pr_fp_mode
							  : SCT_XLAT_pr_spec_get_flags].x;
		if ((fp && !v) || (!fp && d->r->arg[1] > 2))
			break;
		sct_out_hex(o, v);
		if (o->cstyle != SCT_CONST_RAW && (v ? any_flag(t, v) : t->val == 0)) {
			int saved = o->cstyle;

			o->cstyle = SCT_CONST_ABBREV;
			sct_out_puts(o, " (");
			sct_print_flags(o, t, v, NULL);
			sct_out_putc(o, ')');
			o->cstyle = saved;
		}
		return;
	}
	case SVE_SET_VL: case SVE_GET_VL: case SME_SET_VL: case SME_GET_VL: {
		/* strace: 0 as is; else hex, and the flags above the length when any */
		unsigned op = (uint32_t)d->r->arg[0];
		unsigned t = op == SVE_SET_VL || op == SVE_GET_VL ? SCT_XLAT_pr_sve_vl_flags
								  : SCT_XLAT_pr_sme_vl_flags;
		sct_out_hex(o, v);
		if (v & ~(uint64_t)0xffff && o->cstyle != SCT_CONST_RAW) {
			int saved = o->cstyle;

			o->cstyle = SCT_CONST_ABBREV;
			sct_out_puts(o, " (");
			sct_print_flags(o, sct_xlat_tabs[t].x, v & ~(uint64_t)0xffff, NULL);
			sct_out_putc(o, '|');
			sct_out_hex(o, v & 0xffff);
			sct_out_putc(o, ')');
			o->cstyle = saved;
		}
		return;
	}
	case 0x1023: case 0x1025:	/* arch_prctl ARCH_REQ_XCOMP_PERM, _GUEST_PERM */
		if (d->r->ret <= 0 || !d->c || d->c->name[0] != 'a')
			break;
		sct_out_hex(o, v);
		if (o->cstyle != SCT_CONST_RAW &&
		    any_flag(sct_xlat_tabs[SCT_XLAT_x86_xfeature_masks].x, v)) {
			int saved = o->cstyle;

			o->cstyle = SCT_CONST_ABBREV;
			sct_out_puts(o, " (");
			sct_print_flags(o, sct_xlat_tabs[SCT_XLAT_x86_xfeature_masks].x, v, NULL);
			sct_out_putc(o, ')');
			o->cstyle = saved;
		}
		return;
	case GET_TAGGED_ADDR_CTRL:
		sct_out_hex(o, v);
		if (o->cstyle != SCT_CONST_RAW) {
			int saved = o->cstyle;

			o->cstyle = SCT_CONST_ABBREV;
			sct_out_puts(o, " (");
			print_tagged(o, v);
			sct_out_putc(o, ')');
			o->cstyle = saved;
		}
		return;
	}
	sct_out_dec(o, d->r->ret);
	if (x && sct_xlat_find(x, v)) {
		sct_out_puts(o, " (");
		sct_out_puts(o, sct_xlat_find(x, v));
		sct_out_putc(o, ')');
	}
}
