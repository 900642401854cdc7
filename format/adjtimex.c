/* adjtimex and clock_adjtime: the kernel's struct timex (208 bytes on x86-64), shown
 * as the call left it, and the clock state the call returns, "5 (TIME_ERROR)". */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define TIMEX_SIZE 208

/* the fields after `time`, each a long long but shift's and tai's (ints) */
static const struct { const char *name; uint8_t off, is_int; } tail[] = {
	{ "tick", 88, 0 }, { "ppsfreq", 96, 0 }, { "jitter", 104, 0 }, { "shift", 112, 1 },
	{ "stabil", 120, 0 }, { "jitcnt", 128, 0 }, { "calcnt", 136, 0 }, { "errcnt", 144, 0 },
	{ "stbcnt", 152, 0 }, { "tai", 160, 1 },
};

static void field(struct sct_out *o, const char *name, int64_t v)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
	sct_out_dec(o, v);
}

static void print_timex(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{modes=");
	sct_print_xlat(o, SCT_XLAT_adjtimex_modes, sct_get32(p));
	field(o, "offset", (int64_t)sct_get64(p + 8));
	field(o, "freq", (int64_t)sct_get64(p + 16));
	field(o, "maxerror", (int64_t)sct_get64(p + 24));
	field(o, "esterror", (int64_t)sct_get64(p + 32));
	sct_out_puts(o, ", status=");
	sct_print_xlat(o, SCT_XLAT_adjtimex_status, sct_get32(p + 40));
	field(o, "constant", (int64_t)sct_get64(p + 48));
	field(o, "precision", (int64_t)sct_get64(p + 56));
	field(o, "tolerance", (int64_t)sct_get64(p + 64));
	sct_out_puts(o, ", time=");
	sct_print_timeval(o, p + 72);
	for (unsigned k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		field(o, tail[k].name, tail[k].is_int ? (int32_t)sct_get32(p + tail[k].off)
					      : (int64_t)sct_get64(p + tail[k].off));
	sct_out_putc(o, '}');
}

static const unsigned char *filled(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	return d->r->arg[i] && b && b->len >= TIMEX_SIZE ? sct_blob_data(b) : NULL;
}

int sct_dec_timex(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = filled(d, i);

	if (p)
		print_timex(d->o, p);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* the state's name when strace could read the struct (it says nothing otherwise) */
void sct_ret_adjtimex(const struct sct_dec *d)
{
	int a = sct_find_kind(d, SCT_K_TIMEX);
	const char *name = sct_xlat_find(sct_xlat_tabs[SCT_XLAT_adjtimex_state].x,
					 (uint64_t)d->r->ret);

	sct_out_dec(d->o, d->r->ret);
	if (a >= 0 && filled(d, (unsigned)a) && name) {
		sct_out_puts(d->o, " (");
		sct_out_puts(d->o, name);
		sct_out_putc(d->o, ')');
	}
}
