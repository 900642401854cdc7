/* Scatter/gather: iovec arrays (readv, writev, preadv, pwritev) and struct msghdr
 * (sendmsg, recvmsg) with their names and control messages.  Blob layouts are
 * kinds.h's "iovec blob" and "msghdr blob".
 *
 * As strace prints them: each element's data is cut at -s on its own; arrays stop
 * after -s elements with "..."; data read by the call shows only as far as the
 * return value reaches, so later elements print "". */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "netlink.h"

#define IOV_HDR 24u		/* base, len, captured, flags */

/* struct msghdr on x86-64 */
enum {
	MH_NAME = 0, MH_NAMELEN = 8, MH_IOV = 16, MH_IOVLEN = 24, MH_CONTROL = 32,
	MH_CONTROLLEN = 40, MH_FLAGS = 48, MH_SIZE = 56
};


/* Elements of an iovec blob at p (avail bytes), `count` in the caller's array at
 * `addr`.  `limit` < 0: print all captured data; else only that many bytes in total
 * (the return value of a read).  `addrs`: print the buffers' addresses only.
 * `cut`: the capture stopped at an element it could not read, which strace shows as
 * "... / * 0xADDR * /" (or the array's address when it is the first). */
static void print_iov(const struct sct_dec *d, uint64_t addr, const unsigned char *p,
		      size_t avail, uint64_t count, int64_t limit, int addrs, int cut)
{
	struct sct_out *o = d->o;
	uint64_t k;

	if (cut && count && avail < IOV_HDR) {
		sct_print_addr(o, addr);
		return;
	}
	sct_out_putc(o, '[');
	for (k = 0; k < count && avail >= IOV_HDR; k++) {
		uint64_t base = sct_get64(p), len = sct_get64(p + 8);
		uint32_t cap = sct_get32(p + 16), flags = sct_get32(p + 20);
		/* in 64 bits: a `cap` near 4 GiB must not round up to a small step */
		uint64_t step = IOV_HDR + (((uint64_t)cap + 7) & ~7ull);
		uint64_t want = len;

		if (k >= d->f->strsize) {
			sct_out_puts(o, ", ...");
			break;
		}
		if (k)
			sct_out_puts(o, ", ");
		if (step > avail)
			cap = (uint32_t)(avail - IOV_HDR), step = avail;
		sct_out_puts(o, "{iov_base=");
		if (limit >= 0) {
			if ((uint64_t)limit < want)
				want = (uint64_t)limit;
			limit -= (int64_t)want;
		}
		if (addrs || !base || (flags & SCT_BF_FAULT) || (cap == 0 && want > 0)) {
			sct_print_addr(o, base);
		} else if (sct_print_netlink_seg(d, k, base, want)) {
			/* sendmsg/recvmsg to or from a netlink address: messages */
		} else {
			size_t n = cap < want ? cap : (size_t)want;

			/* the element's SCT_BF_TRUNC says "less than iov_len", which
			 * is no truncation for a read that returned less */
			sct_print_quoted(o, p + IOV_HDR, n, d->f->strsize, n < want);
		}
		sct_out_puts(o, ", iov_len=");
		sct_out_udec(o, len);
		sct_out_putc(o, '}');
		p += step;
		avail -= step;
	}
	/* strace reads an element before it looks at -s: an unreadable one at index -s
	 * still shows its address */
	if (k < count && avail < IOV_HDR && (cut || k < d->f->strsize)) {
		sct_out_puts(o, k ? ", ..." : "...");
		if (cut) {
			sct_out_puts(o, " /* ");
			sct_out_hex(o, addr + k * 16);
			sct_out_puts(o, " */");
		}
	}
	sct_out_putc(o, ']');
}

static uint64_t count_arg(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);

	return a >= 0 ? d->r->arg[a] : 0;
}

int sct_dec_iov_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	uint64_t n = count_arg(d, i);

	if (!d->r->arg[i] || (!b && n)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_iov(d, d->r->arg[i], b ? sct_blob_data(b) : NULL, b ? b->len : 0, n, -1, 0,
		  b && (b->flags & SCT_BF_FAULT));
	return 0;
}

int sct_dec_iov_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	uint64_t n = count_arg(d, i);
	int failed = sct_failed(d->r);

	if (!b)
		b = sct_arg_in(d, i);	/* the array as passed, if that was captured */
	if (!d->r->arg[i] || (!b && n)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_iov(d, d->r->arg[i], b ? sct_blob_data(b) : NULL, b ? b->len : 0, n,
		  failed ? 0 : d->r->ret, failed, b && (b->flags & SCT_BF_FAULT));
	return 0;
}

/* --- struct msghdr ------------------------------------------------------------------- */

/* `in`: the msghdr as passed (may be the same as `out`).  `limit`: bytes of iov data
 * the call returned, or -1 to show what was sent. */
static void print_msghdr(const struct sct_dec *d, const struct sct_blob *in,
			 const struct sct_blob *out, int64_t limit)
{
	sct_print_msghdr(d, in && in != out && in->len >= MH_SIZE ?
			 sct_get32(sct_blob_data(in) + MH_NAMELEN) : UINT32_MAX, out, limit);
}

void sct_print_msghdr(const struct sct_dec *d, uint32_t before, const struct sct_blob *out,
		      int64_t limit)
{
	struct sct_out *o = d->o;
	const unsigned char *m = sct_blob_data(out), *p;
	size_t avail = out->len;
	uint64_t name = sct_get64(m + MH_NAME), iov = sct_get64(m + MH_IOV);
	uint64_t iovlen = sct_get64(m + MH_IOVLEN), ctl = sct_get64(m + MH_CONTROL);
	uint64_t ctllen = sct_get64(m + MH_CONTROLLEN);
	uint32_t namelen = sct_get32(m + MH_NAMELEN), inlen = namelen;
	uint32_t name_cap = sct_get32(m + MH_SIZE), ctl_cap = sct_get32(m + MH_SIZE + 4);
	size_t name_sz, ctl_sz, ctl_off, iov_off, n;

	if (before != UINT32_MAX)
		inlen = before;
	/* name bytes, control bytes, then the iovec blob, each padded to 8 */
	p = m + MH_SIZE + 8;
	avail -= MH_SIZE + 8;
	name_sz = name_cap < avail ? name_cap : avail;
	ctl_off = sct_align8((uint32_t)name_sz);
	if (ctl_off > avail)
		ctl_off = avail;
	ctl_sz = ctl_cap < avail - ctl_off ? ctl_cap : avail - ctl_off;
	iov_off = ctl_off + sct_align8((uint32_t)ctl_sz);
	if (iov_off > avail)
		iov_off = avail;

	sct_out_puts(o, "{msg_name=");
	n = name_sz < namelen ? name_sz : namelen;
	if (n > inlen)
		n = inlen;
	if (!name || n < 2)
		sct_print_addr(o, name);
	else
		sct_print_sockaddr(o, p, n);
	sct_out_puts(o, ", msg_namelen=");
	sct_out_udec(o, inlen);
	if (inlen != namelen) {
		sct_out_puts(o, " => ");
		sct_out_udec(o, namelen);
	}
	sct_out_puts(o, ", msg_iov=");
	if (!iov)
		sct_out_puts(o, "NULL");
	else
		print_iov(d, iov, p + iov_off, avail - iov_off, iovlen, limit, 0,
			  (out->flags & SCT_BF_FAULT) != 0);
	sct_out_puts(o, ", msg_iovlen=");
	sct_out_udec(o, iovlen);
	if (ctllen) {
		sct_out_puts(o, ", msg_control=");
		sct_print_msg_control(d, ctl, ctllen, p + ctl_off, ctl_sz);
	}
	sct_out_puts(o, ", msg_controllen=");
	sct_out_udec(o, ctllen);
	sct_out_puts(o, ", msg_flags=");
	sct_print_msgflags(o, sct_get32(m + MH_FLAGS));
	sct_out_putc(o, '}');
}

int sct_msghdr_ok(const struct sct_blob *b)
{
	return b && b->len >= MH_SIZE + 8;
}

int sct_dec_msghdr_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!d->r->arg[i] || !sct_msghdr_ok(b))
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_msghdr(d, b, b, -1);
	return 0;
}

/* recvmsg: on failure strace shows only what was passed in: {msg_namelen=128}. */
int sct_dec_msghdr_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *in = sct_arg_in(d, i);
	const struct sct_blob *out = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!sct_msghdr_ok(in))
		in = NULL;
	if (!d->r->arg[i]) {
		sct_print_addr(d->o, d->r->arg[i]);
	} else if (sct_msghdr_ok(out)) {
		print_msghdr(d, in, out, d->r->ret);
	} else if (sct_failed(d->r) && in) {
		sct_out_puts(d->o, "{msg_namelen=");
		sct_out_udec(d->o, sct_get32(sct_blob_data(in) + MH_NAMELEN));
		sct_out_putc(d->o, '}');
	} else {
		sct_print_addr(d->o, d->r->arg[i]);
	}
	return 0;
}

/* Another process's iovec array (process_vm_readv's remote one), or one whose data
 * the call does not use (process_madvise): addresses and lengths only */
int sct_dec_iov_addr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	uint64_t n = count_arg(d, i);

	if (!d->r->arg[i] || (!b && n)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_iov(d, d->r->arg[i], b ? sct_blob_data(b) : NULL, b ? b->len : 0, n, -1, 1,
		  b && (b->flags & SCT_BF_FAULT));
	return 0;
}

/* `count` elements of an iovec blob at p inside another blob (io_submit's iocbs) */
void sct_print_iov_elems(const struct sct_dec *d, uint64_t addr, const unsigned char *p,
			 size_t avail, uint64_t count, int addrs, int cut)
{
	print_iov(d, addr, p, avail, count, -1, addrs, cut);
}
