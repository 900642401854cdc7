/* -e read=SET / -e write=SET: the hex dump strace prints after a call's line, from
 * the SCT_BLOB_ARG_DUMP blob the library captured (preload/dump.c; layout in
 * record.h).  strace's dumpstr():
 *
 *  | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a                 hello world.     |
 *
 * 16 bytes a line in two groups of 8, the offset in at least 5 hex digits (more for a
 * buffer past 1 MiB), printable ASCII as is and anything else as '.'.  Buffers of an
 * iovec array each follow " * N bytes in buffer K", those of sendmmsg's and recvmmsg's
 * messages " = N buffers in vector M" too.  Data the record could not carry
 * is counted on a line of its own, in the same " | <...>" form as strace's "Cannot
 * fetch" line, so that a dump is never cut without a word. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

#define SEG_HDR 16u

static void hex_line(struct sct_out *o, const unsigned char *p, size_t n, uint64_t off,
		     unsigned width)
{
	static const char hex[] = "0123456789abcdef";
	char buf[16 * 3 + 2 + 16];
	size_t k = 0;

	for (size_t i = 0; i < 16; i++) {
		buf[k++] = i < n ? hex[p[i] >> 4] : ' ';
		buf[k++] = i < n ? hex[p[i] & 15] : ' ';
		buf[k++] = ' ';
		if (i == 7 || i == 15)
			buf[k++] = ' ';
	}
	for (size_t i = 0; i < 16; i++)
		buf[k++] = i >= n ? ' ' : p[i] >= ' ' && p[i] < 0x7f ? (char)p[i] : '.';
	sct_out_puts(o, " | ");
	for (unsigned w = width; w-- > 0;)
		sct_out_putc(o, hex[(off >> (4 * w)) & 15]);
	sct_out_puts(o, "  ");
	sct_out_write(o, buf, k);
	sct_out_puts(o, " |\n");
}

/* strace's offs_chars: 5, or enough hex digits for len - 1 past 1 MiB */
static unsigned offset_width(uint64_t len)
{
	unsigned w = 1;

	if (len <= (1u << 20))
		return 5;
	for (uint64_t v = (len - 1) >> 4; v; v >>= 4)
		w++;
	return w;
}

static void not_dumped(struct sct_out *o, uint64_t n)
{
	sct_out_puts(o, " | <sctrace: ");
	sct_out_udec(o, n);
	sct_out_puts(o, n == 1 ? " byte" : " bytes");
	sct_out_puts(o, " not dumped: a record carries at most 32 KiB of a call's data>\n");
}

/* nseg segments from *pp (avail bytes left in *availp); 0 when the blob is spoilt */
static int print_segs(struct sct_out *o, const unsigned char **pp, size_t *availp, uint32_t nseg,
		      int iov)
{
	const unsigned char *p = *pp;
	size_t avail = *availp;

	for (uint32_t k = 0; k < nseg && avail >= SEG_HDR; k++) {
		uint64_t len = sct_get64(p);
		uint32_t cap = sct_get32(p + 8), flags = sct_get32(p + 12);
		uint64_t step = SEG_HDR + (((uint64_t)cap + 7) & ~7ull);
		unsigned width = offset_width(len);

		if (cap > len || step > avail)	/* a ring the program spoilt */
			return 0;
		if (iov) {
			sct_out_puts(o, " * ");
			sct_out_udec(o, len);
			sct_out_puts(o, " bytes in buffer ");
			sct_out_udec(o, k);
			sct_out_putc(o, '\n');
		}
		if (!(flags & SCT_BF_FAULT)) {
			for (uint64_t off = 0; off < cap; off += 16)
				hex_line(o, p + SEG_HDR + off, cap - off < 16 ? (size_t)(cap - off) : 16,
					 off, width);
			if (cap < len)
				not_dumped(o, len - cap);
		}
		p += step;
		avail -= step;
	}
	*pp = p;
	*availp = avail;
	return 1;
}

static void print_dump(struct sct_out *o, const struct sct_blob *b)
{
	const unsigned char *p = sct_blob_data(b);
	size_t avail = b->len;
	uint32_t n, iov, more;

	if (avail < 16)
		return;
	n = sct_get32(p);
	iov = sct_get32(p + 4);
	more = sct_get32(p + 8);
	p += 16;
	avail -= 16;
	if (iov != 2) {
		if (!print_segs(o, &p, &avail, n, iov))
			return;
	} else {
		/* sendmmsg, recvmmsg: " = 2 buffers in vector 0", then its buffers */
		for (uint32_t v = 0; v < n && avail >= 16; v++) {
			uint32_t k = sct_get32(p + 8);	/* its segments follow */

			sct_out_puts(o, " = ");
			sct_out_udec(o, sct_get64(p));
			sct_out_puts(o, " buffers in vector ");
			sct_out_udec(o, v);
			sct_out_putc(o, '\n');
			p += 16;
			avail -= 16;
			if (!print_segs(o, &p, &avail, k, 1))
				return;
		}
	}
	if (more)
		sct_out_puts(o, " | <sctrace: buffers past the 1024th not dumped>\n");
}

void sct_print_dumps(struct sct_out *o, const struct sct_rec *r)
{
	const struct sct_blob *b;

	if ((b = sct_rec_blob(r, SCT_BLOB_ARG_DUMP, SCT_BLOB_IN)))
		print_dump(o, b);
	if ((b = sct_rec_blob(r, SCT_BLOB_ARG_DUMP, SCT_BLOB_OUT)))
		print_dump(o, b);
}
