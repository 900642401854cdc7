/* openat2's struct open_how, whose size is the next argument, as strace prints it:
 *   {flags=O_WRONLY|O_CREAT, mode=0644, resolve=RESOLVE_NO_XDEV}
 *   {flags=O_RDONLY, resolve=0, / * bytes 24..31 * / "\x80\x81..."}   (a longer one)
 * The mode only with O_CREAT or O_TMPFILE, or when not zero. */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define O_CREAT_ 0100
#define O_TMPFILE_ 020000000

int sct_dec_open_how(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t base;
	const unsigned char *p = sct_ext_struct(d, i, &base);
	uint64_t flags, mode;

	if (!p || base < 24) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	flags = sct_get64(p);
	mode = sct_get64(p + 8);
	sct_out_puts(o, "{flags=");
	sct_print_open_flags64(o, flags);
	if ((flags & (O_CREAT_ | O_TMPFILE_)) || mode) {
		sct_out_puts(o, ", mode=");
		sct_print_umode(o, mode);
	}
	sct_out_puts(o, ", resolve=");
	sct_print_xlat(o, SCT_XLAT_open_resolve_flags, sct_get64(p + 16));
	sct_ext_rest(d, i);
	sct_out_putc(o, '}');
	return 0;
}
