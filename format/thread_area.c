/* struct user_desc of set_thread_area and get_thread_area (x86), as strace prints it:
 *   set_thread_area({entry_number=-1, base_addr=0x7f..., limit=0xfffff, seg_32bit=1,
 *                    contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0,
 *                    useable=1, lm=0})
 *   get_thread_area({entry_number=12, ...})   (the rest only with -v, which we lack) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

/* strace's PRINT_VAL_ID: -1 for all ones, else unsigned */
static void print_id(struct sct_out *o, uint32_t v)
{
	if (v == UINT32_MAX)
		sct_out_puts(o, "-1");
	else
		sct_out_udec(o, v);
}

int sct_dec_user_desc(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;
	static const char *const bits[] = {
		"seg_32bit", "contents", "read_exec_only", "limit_in_pages", "seg_not_present",
		"useable", "lm"
	};
	static const uint8_t width[] = { 1, 2, 1, 1, 1, 1, 1 };
	uint32_t v;
	unsigned shift = 0;

	if (!b || b->len < 4) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(o, "{entry_number=");
	print_id(o, sct_get32(p));
	if (d->c->arg[i].kind == SCT_K_USER_DESC_GET || b->len < 16) {
		sct_out_puts(o, ", ...}");
		return 0;
	}
	sct_out_puts(o, ", base_addr=");
	sct_out_0x(o, sct_get32(p + 4), 8);
	sct_out_puts(o, ", limit=");
	sct_out_0x(o, sct_get32(p + 8), 8);
	v = sct_get32(p + 12);
	for (unsigned k = 0; k < sizeof(width); k++) {
		sct_out_puts(o, ", ");
		sct_out_puts(o, bits[k]);
		sct_out_putc(o, '=');
		sct_out_udec(o, (v >> shift) & ((1u << width[k]) - 1));
		shift += width[k];
	}
	sct_out_putc(o, '}');
	return 0;
}

/* modify_ldt returns an int that x86-64 zero-extends: strace reads an error in
 * 0xfffff000.. and shows the number with it, "4294967258 ENOSYS (Function not
 * implemented)" */
void sct_ret_ldt(const struct sct_dec *d)
{
	uint64_t v = (uint64_t)d->r->ret;
	const char *name = v >= 0xfffff000u && v <= 0xffffffffu ? sct_errno_name((int)-(int32_t)v) : NULL;

	sct_out_udec(d->o, v);
	if (!name)
		return;
	sct_out_putc(d->o, ' ');
	sct_out_puts(d->o, name);
	sct_out_puts(d->o, " (");
	sct_out_puts(d->o, sct_errno_text((int)-(int32_t)v));
	sct_out_putc(d->o, ')');
}
