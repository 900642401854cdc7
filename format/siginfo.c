/* siginfo_t as strace 6.1 prints it (printsiginfo): the delivery lines
 *   --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, ...} ---
 * and the siginfo arguments of rt_sigqueueinfo, waitid, rt_sigtimedwait.
 *
 * Which fields follow si_code depends on who sent the signal: si_code <= 0 is a
 * process (kill, sigqueue, tgkill, a POSIX timer, ...), si_code > 0 the kernel, whose
 * fields depend on the signal.  Offsets are x86-64's 128-byte siginfo_t: signo,
 * errno, code, then the union at 16. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "calls.h"
#include "decode.h"
#include "xlattab.h"

/* offsets in the union at 16 (<asm-generic/siginfo.h>) */
enum {
	SI_PID = 16, SI_UID = 20,			/* kill, rt, sigchld */
	SI_VALUE = 24,					/* rt, timer: si_int / si_ptr */
	SI_TIMERID = 16, SI_OVERRUN = 20,		/* timer */
	SI_STATUS = 24, SI_UTIME = 32, SI_STIME = 40,	/* sigchld */
	SI_ADDR = 16, SI_ADDR_LSB = 24,			/* sigfault */
	SI_LOWER = 32, SI_UPPER = 40, SI_PKEY = 32,
	SI_BAND = 16, SI_FD = 24,			/* sigpoll */
	SI_CALL_ADDR = 16, SI_SYSCALL = 24, SI_ARCH = 28,	/* sigsys */
};

/* si_code values the field choice below depends on (x86-64) */
#define SI_USER_    0
#define SI_TIMER_   (-2)
#define SI_SIGIO_   (-5)
#define SI_TKILL_   (-6)
#define CLD_EXITED_ 1
#define SEGV_BNDERR_ 3
#define SEGV_PKUERR_ 4
#define BUS_MCEERR_AR_ 4
#define BUS_MCEERR_AO_ 5
#define POLL_IN_  1
#define POLL_MSG_ 3
#define AUDIT_ARCH_X86_64_ 0xc000003eu

/* The kernel's clock_t unit as user space sees it (USER_HZ, 100 on every Linux
 * architecture strace prints siginfo for): strace adds the time in seconds. */
#define USER_HZ 100

static int32_t s32(const unsigned char *si, size_t off)
{
	int32_t v;

	memcpy(&v, si + off, sizeof(v));
	return v;
}

static uint64_t u64(const unsigned char *si, size_t off)
{
	uint64_t v;

	memcpy(&v, si + off, sizeof(v));
	return v;
}

static void field(struct sct_out *o, const char *name)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
}

/* strace's si_code: the generic names first, then the signal's own */
static void print_code(struct sct_out *o, int sig, int32_t code)
{
	const struct sct_xlat *own = NULL;
	const char *name = sct_xlat_find(sct_xlat_siginfo_codes, (uint32_t)code);

	switch (sig) {
	case 5:  own = sct_xlat_sigtrap_codes; break;	/* SIGTRAP */
	case 17: own = sct_xlat_sigchld_codes; break;	/* SIGCHLD */
	case 29: own = sct_xlat_sigpoll_codes; break;	/* SIGIO */
	case 4:  own = sct_xlat_sigill_codes; break;	/* SIGILL */
	case 8:  own = sct_xlat_sigfpe_codes; break;	/* SIGFPE */
	case 11: own = sct_xlat_sigsegv_codes; break;	/* SIGSEGV */
	case 7:  own = sct_xlat_sigbus_codes; break;	/* SIGBUS */
	case 31: own = sct_xlat_sigsys_codes; break;	/* SIGSYS */
	}
	if (!name && own)
		name = sct_xlat_find(own, (uint32_t)code);
	if (name)
		sct_print_named(o, (uint32_t)code, 0, name);
	else
		sct_out_hex(o, (uint32_t)code);	/* strace: the 32 bits, no comment */
}

/* uid_t: -1 stays -1 (strace's PRINT_VAL_ID) */
static void print_id(struct sct_out *o, uint32_t id)
{
	if (id == UINT32_MAX)
		sct_out_puts(o, "-1");
	else
		sct_out_udec(o, id);
}

static void print_source(const struct sct_dec *d, const unsigned char *si)
{
	struct sct_out *o = d->o;

	field(o, "si_pid");
	sct_print_pid(d, s32(si, SI_PID), SCT_PT_TGID);
	field(o, "si_uid");
	print_id(o, (uint32_t)s32(si, SI_UID));
}

static void print_value(struct sct_out *o, const unsigned char *si)
{
	field(o, "si_int");
	sct_out_dec(o, s32(si, SI_VALUE));
	field(o, "si_ptr");
	sct_print_addr(o, u64(si, SI_VALUE));
}

/* clock_t ticks, and when not 0 the seconds as strace's comment: 145 / * 1.45 s * / */
static void print_clock(struct sct_out *o, uint64_t ticks)
{
	sct_out_udec(o, ticks);
	if (!ticks)
		return;
	sct_out_puts(o, " /* ");
	sct_out_udec(o, ticks / USER_HZ);
	sct_out_putc(o, '.');
	sct_out_udec_pad(o, ticks % USER_HZ, 2, '0');
	sct_out_puts(o, " s */");
}

/* si_syscall: __NR_name for an x86-64 call strace knows, the number otherwise */
static void print_syscall(struct sct_out *o, const unsigned char *si)
{
	uint32_t nr = (uint32_t)s32(si, SI_SYSCALL);
	unsigned c = nr < SCT_NR_MAX ? sct_call_of_nr[nr] : SCT_CALL_NONE;

	if ((uint32_t)s32(si, SI_ARCH) == AUDIT_ARCH_X86_64_ && c != SCT_CALL_NONE && c < sct_ncalls) {
		sct_out_puts(o, "__NR_");
		sct_out_puts(o, sct_calls[c].name);
	} else {
		sct_out_udec(o, nr);
	}
}

/* Sent by a process (si_code <= 0): who, and what came with it. */
static void print_from_user(const struct sct_dec *d, const unsigned char *si, int32_t code)
{
	struct sct_out *o = d->o;

	switch (code) {
	case SI_USER_:
	case SI_TKILL_:
		print_source(d, si);
		break;
	case SI_TIMER_:
		field(o, "si_timerid");
		sct_out_hex(o, (uint32_t)s32(si, SI_TIMERID));
		field(o, "si_overrun");
		sct_out_dec(o, s32(si, SI_OVERRUN));
		print_value(o, si);
		break;
	case SI_SIGIO_:
		field(o, "si_band");
		sct_out_dec(o, (int64_t)u64(si, SI_BAND));
		field(o, "si_fd");
		sct_out_dec(o, s32(si, SI_FD));
		break;
	default:
		print_source(d, si);
		if (u64(si, SI_VALUE))
			print_value(o, si);
		break;
	}
}

/* Sent by the kernel (si_code > 0): the fields of the signal's own kind. */
static void print_from_kernel(const struct sct_dec *d, const unsigned char *si, int sig,
			      int32_t code)
{
	struct sct_out *o = d->o;

	switch (sig) {
	case 17:	/* SIGCHLD */
		print_source(d, si);
		field(o, "si_status");
		if (code == CLD_EXITED_)
			sct_out_dec(o, s32(si, SI_STATUS));
		else
			sct_print_signame(o, s32(si, SI_STATUS));
		field(o, "si_utime");
		print_clock(o, u64(si, SI_UTIME));
		field(o, "si_stime");
		print_clock(o, u64(si, SI_STIME));
		break;
	case 4:		/* SIGILL */
	case 8:		/* SIGFPE */
	case 5:		/* SIGTRAP */
		field(o, "si_addr");
		sct_print_addr(o, u64(si, SI_ADDR));
		break;
	case 7:		/* SIGBUS */
		field(o, "si_addr");
		sct_print_addr(o, u64(si, SI_ADDR));
		if (code == BUS_MCEERR_AR_ || code == BUS_MCEERR_AO_) {
			uint16_t lsb;

			memcpy(&lsb, si + SI_ADDR_LSB, sizeof(lsb));
			field(o, "si_addr_lsb");
			sct_out_hex(o, lsb);
		}
		break;
	case 11:	/* SIGSEGV */
		field(o, "si_addr");
		sct_print_addr(o, u64(si, SI_ADDR));
		if (code == SEGV_BNDERR_) {
			field(o, "si_lower");
			sct_print_addr(o, u64(si, SI_LOWER));
			field(o, "si_upper");
			sct_print_addr(o, u64(si, SI_UPPER));
		} else if (code == SEGV_PKUERR_) {
			field(o, "si_pkey");
			sct_out_udec(o, (uint32_t)s32(si, SI_PKEY));
		}
		break;
	case 29:	/* SIGIO */
		if (code >= POLL_IN_ && code <= POLL_MSG_) {
			field(o, "si_band");
			sct_out_dec(o, (int64_t)u64(si, SI_BAND));
			field(o, "si_fd");
			sct_out_dec(o, s32(si, SI_FD));
		}
		break;
	case 31:	/* SIGSYS */
		field(o, "si_call_addr");
		sct_print_addr(o, u64(si, SI_CALL_ADDR));
		field(o, "si_syscall");
		print_syscall(o, si);
		field(o, "si_arch");
		sct_print_xlat(o, SCT_XLAT_audit_arch, (uint32_t)s32(si, SI_ARCH));
		break;
	default:
		if (s32(si, SI_PID) || s32(si, SI_UID))
			print_source(d, si);
		if (u64(si, SI_VALUE))
			print_value(o, si);
		break;
	}
}

void sct_print_siginfo(const struct sct_dec *d, const unsigned char *si)
{
	struct sct_out *o = d->o;
	int sig = s32(si, 0);
	int32_t err = s32(si, 4), code = s32(si, 8);
	const char *ename;

	sct_out_putc(o, '{');
	if (!sig) {
		sct_out_putc(o, '}');
		return;
	}
	sct_out_puts(o, "si_signo=");
	sct_print_signal(o, sig);
	sct_out_puts(o, ", si_code=");
	print_code(o, sig, code);
	if (err) {
		field(o, "si_errno");
		if ((ename = sct_errno_name(err)))
			sct_out_puts(o, ename);
		else
			sct_out_udec(o, (uint32_t)err);
	}
	if (code <= 0)
		print_from_user(d, si, code);
	else
		print_from_kernel(d, si, sig, code);
	sct_out_putc(o, '}');
}

/* A siginfo argument: the struct when it was captured whole, else the address. */
static int print_arg(const struct sct_dec *d, unsigned i, const struct sct_blob *b)
{
	if (!d->r->arg[i] || !b || b->len < SCT_SIGINFO_SIZE) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_print_siginfo(d, sct_blob_data(b));
	return 0;
}

int sct_dec_siginfo(const struct sct_dec *d, unsigned i)
{
	return print_arg(d, i, sct_arg_in(d, i));
}

int sct_dec_siginfo_out(const struct sct_dec *d, unsigned i)
{
	struct sct_dec at_exit = *d;

	at_exit.out = 1;
	return print_arg(&at_exit, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i));
}

/* "--- SIGUSR1 {si_signo=SIGUSR1, ...} ---" of an SCT_REC_SIGINFO record: the name
 * is the signal delivered (arg[0]), as strace names the stop.  A record without a
 * whole siginfo (a scribbled ring) still says which signal came. */
void sct_print_delivery(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f)
{
	const struct sct_blob *b = sct_rec_blob(r, 0, SCT_BLOB_IN);
	const struct sct_dec d = { o, r, NULL, f, 0 };

	sct_out_puts(o, "--- ");
	sct_print_signame(o, (int)r->arg[0]);
	sct_out_putc(o, ' ');
	if (b && b->len >= SCT_SIGINFO_SIZE) {
		sct_print_siginfo(&d, sct_blob_data(b));
		sct_out_putc(o, ' ');
	}
	sct_out_puts(o, "---");
}
