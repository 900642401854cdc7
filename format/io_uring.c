/* io_uring_setup's struct io_uring_params, as strace prints it: what the program set,
 * then, when the call succeeded, what the kernel wrote back:
 *   io_uring_setup(2, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=2,
 *                  cq_entries=4, features=IORING_FEAT_SINGLE_MMAP|..., sq_off={head=0,
 *                  ...}, cq_off={head=8, ...}}) = 4
 * Layout: sq_entries 0, cq_entries 4, flags 8, sq_thread_cpu 12, sq_thread_idle 16,
 * features 20, wq_fd 24, resv[3] 28, sq_off 40, cq_off 80 (120 bytes). */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define ATTACH_WQ 0x20

static void field_u(struct sct_out *o, const char *name, uint32_t v)
{
	sct_out_puts(o, name);
	sct_out_udec(o, v);
}

/* struct io_sqring_offsets / io_cqring_offsets: seven u32s, then resv1 (u32) and
 * resv2 (u64) when they are not zero */
static void print_offsets(struct sct_out *o, const unsigned char *p, const char *const *names)
{
	uint32_t r1 = sct_get32(p + 28);
	uint64_t r2 = sct_get64(p + 32);

	for (unsigned k = 0; k < 7; k++)
		field_u(o, names[k], sct_get32(p + 4 * k));
	if (r1) {
		sct_out_puts(o, ", resv1=");
		sct_out_hex(o, r1);
	}
	if (r2) {
		sct_out_puts(o, ", resv2=");
		sct_out_hex(o, r2);
	}
	sct_out_putc(o, '}');
}

int sct_dec_io_uring_params(const struct sct_dec *d, unsigned i)
{
	static const char *const sq[] = { "{head=", ", tail=", ", ring_mask=", ", ring_entries=",
					  ", flags=", ", dropped=", ", array=" };
	static const char *const cq[] = { "{head=", ", tail=", ", ring_mask=", ", ring_entries=",
					  ", overflow=", ", cqes=", ", flags=" };
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;
	uint32_t flags;

	if (!b || b->len < 120) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	flags = sct_get32(p + 8);
	sct_out_puts(o, "{flags=");
	sct_print_xlat(o, SCT_XLAT_uring_setup_flags, flags);
	sct_out_puts(o, ", sq_thread_cpu=");
	sct_out_hex(o, sct_get32(p + 12));
	field_u(o, ", sq_thread_idle=", sct_get32(p + 16));
	if (flags & ATTACH_WQ) {
		sct_out_puts(o, ", wq_fd=");
		sct_print_fd(d, i, (int32_t)sct_get32(p + 24));
	}
	if (sct_get32(p + 28) || sct_get32(p + 32) || sct_get32(p + 36)) {
		sct_out_puts(o, ", resv=[");
		for (unsigned k = 0; k < 3; k++) {
			if (k)
				sct_out_puts(o, ", ");
			sct_out_hex(o, sct_get32(p + 28 + 4 * k));
		}
		sct_out_putc(o, ']');
	}
	if (!sct_failed(d->r)) {
		field_u(o, ", sq_entries=", sct_get32(p));
		field_u(o, ", cq_entries=", sct_get32(p + 4));
		sct_out_puts(o, ", features=");
		sct_print_xlat(o, SCT_XLAT_uring_setup_features, sct_get32(p + 20));
		sct_out_puts(o, ", sq_off=");
		print_offsets(o, p + 40, sq);
		sct_out_puts(o, ", cq_off=");
		print_offsets(o, p + 80, cq);
	}
	sct_out_putc(o, '}');
	return 0;
}
