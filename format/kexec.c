/* kexec_load(2) as strace prints it: its segments (KEXEC_SEGMENT_MAX of them at most,
 * the address when more) and its flags, the architecture in the top 16 bits first:
 *   kexec_load(0x1000, 1, [{buf=0x7f..., bufsz=4096, mem=0x100000, memsz=4096}],
 *              KEXEC_ARCH_X86_64|KEXEC_ON_CRASH) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define KEXEC_ARCH_MASK_ 0xffff0000ull

static void print_seg(const struct sct_dec *d, const unsigned char *e)
{
	struct sct_out *o = d->o;

	sct_out_puts(o, "{buf=");
	sct_print_addr(o, sct_get64(e));
	sct_out_puts(o, ", bufsz=");
	sct_out_udec(o, sct_get64(e + 8));
	sct_out_puts(o, ", mem=");
	sct_print_addr(o, sct_get64(e + 16));
	sct_out_puts(o, ", memsz=");
	sct_out_udec(o, sct_get64(e + 24));
	sct_out_putc(o, '}');
}

int sct_dec_kexec_segments(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);
	uint64_t n = a >= 0 ? d->r->arg[a] : 0;

	if (n > 16)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_array(d, i, SCT_BLOB_IN, n, 32, print_seg);
	return 0;
}

int sct_dec_kexec_flags(const struct sct_dec *d, unsigned i)
{
	uint64_t v = d->r->arg[i];

	sct_print_xlat(d->o, SCT_XLAT_kexec_arch, v & KEXEC_ARCH_MASK_);
	if (v & ~KEXEC_ARCH_MASK_) {
		sct_out_putc(d->o, '|');
		sct_print_xlat(d->o, SCT_XLAT_kexec_load_flags, v & ~KEXEC_ARCH_MASK_);
	}
	return 0;
}
