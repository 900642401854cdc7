/* sendmmsg/recvmmsg: the struct mmsghdr array (kinds.h's "mmsghdr blobs") as strace
 * prints it, [{msg_hdr={msg_name=NULL, ...}, msg_len=1}, ...]: at most -s elements,
 * msg_len for the ones the call sent or received, and recvmmsg's result with the
 * timeout the kernel left. */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

#define MMSG_SIZE 64

/* The blob after `prev` of the same argument and time (the record's bounds kept) */
static const struct sct_blob *next_blob(const struct sct_rec *r, const struct sct_blob *prev,
					unsigned arg, unsigned when)
{
	const unsigned char *p = (const unsigned char *)prev + sct_blob_span(prev);
	const unsigned char *end = (const unsigned char *)r + r->size;

	while ((size_t)(end - p) >= sizeof(struct sct_blob)) {
		const struct sct_blob *b = (const struct sct_blob *)p;
		uint64_t span = sct_blob_span(b);

		if (span > (uint64_t)(end - p))
			return NULL;
		if (b->arg == arg && b->when == when)
			return b;
		p += span;
	}
	return NULL;
}

int sct_dec_mmsghdr(const struct sct_dec *d, unsigned i)
{
	int recv = d->c->arg[i].kind == SCT_K_MMSG_OUT;
	unsigned when = recv ? SCT_BLOB_OUT : SCT_BLOB_IN;
	const struct sct_blob *h = sct_rec_blob(d->r, i, when), *b = h;
	struct sct_out *o = d->o;
	uint64_t total, k, count, with_len;
	const unsigned char *meta;
	int a = sct_aux(d, i);

	if (!d->r->arg[i] || (recv && sct_failed(d->r)) || !h || h->len < 8) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	meta = sct_blob_data(h);
	count = sct_get32(meta);
	if (count > (h->len - 8) / 8)
		count = (h->len - 8) / 8;
	total = recv ? (uint64_t)d->r->ret : (a >= 0 ? (uint32_t)d->r->arg[a] : count);
	with_len = sct_failed(d->r) ? 0 : (uint64_t)d->r->ret;
	if (total && !count) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(o, '[');
	for (k = 0; k < count && k < total; k++) {
		uint32_t len = sct_get32(meta + 8 + 8 * k), before = sct_get32(meta + 12 + 8 * k);

		b = next_blob(d->r, b, i, when);
		if (!sct_msghdr_ok(b))
			break;
		if (k)
			sct_out_puts(o, ", ");
		sct_out_puts(o, "{msg_hdr=");
		sct_print_msghdr(d, recv ? before : UINT32_MAX, b, recv ? (int64_t)len : -1);
		if (k < with_len) {
			sct_out_puts(o, ", msg_len=");
			sct_out_udec(o, len);
		}
		sct_out_putc(o, '}');
	}
	if (k < total && sct_get32(meta + 4) && k == count) {
		/* the next element could not be read: strace names its address */
		sct_out_puts(o, k ? ", ... /* " : "... /* ");
		sct_out_hex(o, d->r->arg[i] + MMSG_SIZE * k);
		sct_out_puts(o, " */");
	} else if (k < total) {
		sct_out_puts(o, k ? ", ..." : "...");
	}
	sct_out_putc(o, ']');
	return 0;
}

/* "1 (left {tv_sec=0, tv_nsec=99})" with a timeout, "0 (Timeout)" */
void sct_ret_recvmmsg(const struct sct_dec *d)
{
	int a = sct_find_kind(d, SCT_K_TIMESPEC_IO);
	const struct sct_blob *b = a >= 0 && d->r->arg[a] ? sct_arg_out(d, (unsigned)a) : NULL;

	sct_out_dec(d->o, d->r->ret);
	if (d->r->ret == 0) {
		sct_out_puts(d->o, " (Timeout)");
	} else if (b && b->len >= 16 && !sct_not_verbose(d)) {	/* strace: when verbose */
		sct_out_puts(d->o, " (left ");
		sct_print_timespec(d->o, sct_blob_data(b));
		sct_out_putc(d->o, ')');
	}
}
