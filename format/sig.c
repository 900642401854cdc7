/* Signals: numbers, sigprocmask's how, signal sets, the kernel's struct sigaction
 * (x86-64: handler, flags, restorer, then an 8-byte mask). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"

#define SA_RESTORER_ 0x04000000u

static const struct sct_xlat hows[] = {
	{ 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" }, { 0, NULL }
};

/* strace 6.1's order; it knows neither SA_UNSUPPORTED nor SA_EXPOSE_TAGBITS */
static const struct sct_xlat sa_flags[] = {
	{ 0x04000000, "SA_RESTORER" }, { 0x08000000, "SA_ONSTACK" },
	{ 0x10000000, "SA_RESTART" }, { 0x40000000, "SA_NODEFER" },
	{ 0x80000000, "SA_RESETHAND" }, { 0x4, "SA_SIGINFO" }, { 0x1, "SA_NOCLDSTOP" },
	{ 0x2, "SA_NOCLDWAIT" }, { 0, NULL }
};

int sct_dec_signum(const struct sct_dec *d, unsigned i)
{
	sct_print_signal(d->o, (int32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_sighow(const struct sct_dec *d, unsigned i)
{
	sct_print_xval(d->o, hows, (uint32_t)d->r->arg[i], "SIG_???");
	return 0;
}

/* A set of `min` to 8 bytes (NSIG_BYTES) as its size argument says, the address
 * otherwise: strace's print_sigset_addr_len_limit */
static int print_set(const struct sct_dec *d, unsigned i, const struct sct_blob *b, unsigned min)
{
	uint64_t m = 0;
	int a = sct_aux(d, i);
	uint64_t len = a >= 0 ? d->r->arg[a] : 8;

	if (!d->r->arg[i] || !b || len < min || len > 8 || b->len < len) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	memcpy(&m, sct_blob_data(b), (size_t)len);
	sct_print_sigset(d->o, &m);
	return 0;
}

int sct_dec_sigset(const struct sct_dec *d, unsigned i)
{
	return print_set(d, i, sct_arg_in(d, i), 8);
}

int sct_dec_sigset_out(const struct sct_dec *d, unsigned i)
{
	/* rt_sigpending's may be shorter (the old sigpending's 4 bytes) */
	return print_set(d, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i), 1);
}

/* stack_t: {ss_sp=0x55..., ss_flags=SS_ONSTACK, ss_size=65536} (strace 6.1) */
static const struct sct_xlat ss_flags[] = {
	{ 1, "SS_ONSTACK" }, { 2, "SS_DISABLE" }, { 0x80000000u, "SS_AUTODISARM" }, { 0, NULL }
};

static int print_stack(const struct sct_dec *d, unsigned i, const struct sct_blob *b)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	uint32_t fl;

	if (!d->r->arg[i] || !b || b->len < 24) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	memcpy(&fl, p + 8, sizeof(fl));
	sct_out_puts(o, "{ss_sp=");
	sct_print_addr(o, sct_get64(p));
	sct_out_puts(o, ", ss_flags=");
	sct_print_flags(o, ss_flags, fl, "SS_???");
	sct_out_puts(o, ", ss_size=");
	sct_out_udec(o, sct_get64(p + 16));
	sct_out_putc(o, '}');
	return 0;
}

int sct_dec_stack_t(const struct sct_dec *d, unsigned i)
{
	return print_stack(d, i, sct_arg_in(d, i));
}

int sct_dec_stack_t_out(const struct sct_dec *d, unsigned i)
{
	return print_stack(d, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i));
}

static int print_act(const struct sct_dec *d, unsigned i, const struct sct_blob *b)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	uint64_t h, fl, m;

	if (!d->r->arg[i] || !b || b->len < 32) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	h = sct_get64(p);
	fl = sct_get64(p + 8);
	m = sct_get64(p + 24);
	sct_out_puts(o, "{sa_handler=");
	if (h == 0)
		sct_print_named(o, 0, 0, "SIG_DFL");
	else if (h == 1)
		sct_print_named(o, 1, 0, "SIG_IGN");
	else if (h == UINT64_MAX)
		sct_print_named(o, -1, 0, "SIG_ERR");
	else
		sct_out_hex(o, h);
	sct_out_puts(o, ", sa_mask=");
	sct_print_sigset(o, &m);
	sct_out_puts(o, ", sa_flags=");
	sct_print_flags(o, sa_flags, fl, "SA_???");
	if (fl & SA_RESTORER_) {
		sct_out_puts(o, ", sa_restorer=");
		sct_print_addr(o, sct_get64(p + 16));
	}
	sct_out_putc(o, '}');
	return 0;
}

int sct_dec_sigaction(const struct sct_dec *d, unsigned i)
{
	return print_act(d, i, sct_arg_in(d, i));
}

int sct_dec_sigaction_out(const struct sct_dec *d, unsigned i)
{
	return print_act(d, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i));
}

/* rt_sigreturn's line shows the mask its signal frame puts back, which strace reads
 * from the stack; the library records it as the call's argument. */
int sct_dec_sigreturn_mask(const struct sct_dec *d, unsigned i)
{
	uint64_t m = d->r->arg[i];

	sct_out_puts(d->o, "{mask=");
	sct_print_sigset(d->o, &m);
	sct_out_putc(d->o, '}');
	return 0;
}
