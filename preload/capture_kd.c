/* Capture of the console ioctls' arguments (type 'K', <linux/kd.h>) that are more than
 * a fixed struct: strings and tables by address (fonts, screen maps), arrays after a
 * count (accent tables), a struct's pointer to its data (GIO_UNIMAP, GIO_FONTX,
 * KDFONTOP).  A blob is the struct (any fixed part), then its tail:
 * { uint32_t n; uint32_t flags; n bytes }, as format/ioctl_kd.c reads it; flags
 * KD_TAIL_FAULT when the tail could not be read (strace prints its address), and for
 * an array n counts the elements read (format/ioctl.c's sct_ioctl_elems).  Tails are
 * bounded by what strace shows: -s bytes of a string, -s + 1 elements (all, at most
 * 1024, with -v). */
#include <string.h>
#include "wrap.h"
#include "capture.h"
#include "sink.h"
#include "ioctl.h"

#define KD_TAIL_FAULT SCT_SINK_FAULT
#define KD_STR_MAX 512		/* struct kbsentry's kb_string */

/* a string of at most max bytes at src, up to and with its NUL: a fault when memory
 * ends before a NUL or max bytes, as strace's umovestr */
static void tail_cstr(struct sink *s, const char *src, size_t max)
{
	uint32_t hdr[2] = { 0, 0 };
	long len = src ? sct_sink_str_len(s, src, max) : -1;

	if (len < 0)
		hdr[1] = KD_TAIL_FAULT;
	else
		hdr[0] = (uint32_t)((size_t)len < max ? (size_t)len + 1 : max);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	if (hdr[0])
		sct_sink_put(s, src, hdr[0]);
}

/* the struct of n bytes (as given: pre, when copied before the call), its tail after */
static int head(struct sink *s, const unsigned char *p, const unsigned char *pre, size_t n,
		unsigned char *copy)
{
	if (pre)
		memcpy(copy, pre, n);
	else if (sct_sink_peek(s, copy, p, n) != n)
		return 0;
	sct_sink_put_raw(s, copy, n);
	return 1;
}

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static const void *getptr(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return (const void *)(uintptr_t)v;
}

/* console_font_op's data: its bytes for SET (given) and GET (returned), the font's
 * name for SET_DEFAULT */
static void fontop_tail(struct sink *s, const unsigned char *c, int after)
{
	uint32_t op = get32(c), w = get32(c + 8), cnt = get32(c + 16);

	if (op == 2 && !after)
		tail_cstr(s, getptr(c + 24), 32);
	else if (op == (after ? 1u : 0u))
		sct_sink_put_shown_bytes(s, getptr(c + 24), (uint64_t)((w < 32 ? w : 32) + 7) / 8 * 32 *
			   (cnt < 512 ? cnt : 512));
}

int sct_capture_kd(struct sink *s, unsigned i, const unsigned char *p, uint32_t code, int64_t ret,
		   const unsigned char *pre)
{
	int ok = !(ret < 0 && ret >= -4095);
	unsigned char c[32];
	uint32_t cnt;

	if (!sct_ioctl_pre_bytes(code))
		pre = NULL;	/* only the commands that are copied before the call */

	switch (code) {
	case 0x4b40: case 0x4b41:	/* GIO_SCRNMAP, PIO_SCRNMAP: E_TABSZ bytes */
	case 0x4b60: case 0x4b61:	/* GIO_FONT, PIO_FONT: 8192 */
	case 0x4b70: case 0x4b71:	/* GIO_CMAP, PIO_CMAP: 16 colours */
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put_shown_bytes(s, p, code < 0x4b60 ? 256 : code < 0x4b70 ? 8192 : 48);
		sct_sink_blob_end(s, 0);
		return 1;
	case 0x4b69: case 0x4b6a:	/* GIO_UNISCRNMAP, PIO_UNISCRNMAP: E_TABSZ shorts */
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put_shown_elems(s, p, 256, 2);
		sct_sink_blob_end(s, 0);
		return 1;
	case 0x4b48: case 0x4b49:	/* KDGKBSENT, KDSKBSENT: kb_func, kb_string */
		if (!sct_sink_readable(s, p, 1))
			return 1;
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put(s, p, 1);
		tail_cstr(s, (const char *)p + 1, KD_STR_MAX);
		sct_sink_blob_end(s, 0);
		return 1;
	case 0x4b4a: case 0x4b4b:	/* KDGKBDIACR, KDSKBDIACR: kb_cnt, kbdiacr[256] */
	case 0x4bfa: case 0x4bfb:	/* KDGKBDIACRUC, KDSKBDIACRUC */
		if (sct_sink_peek(s, &cnt, p, 4) != 4)
			return 1;
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put_raw(s, &cnt, 4);
		sct_sink_put_shown_elems(s, p + 4, cnt < 256 ? cnt : 256, code < 0x4bfa ? 3 : 12);
		sct_sink_blob_end(s, 0);
		return 1;
	case 0x4b66: case 0x4b67:	/* GIO_UNIMAP, PIO_UNIMAP: entry_ct, entries */
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		if (head(s, p, pre, 16, c))
			sct_sink_put_shown_elems(s, getptr(c + 8), (uint16_t)get32(c), 4);
		sct_sink_blob_end(s, 0);
		if (code == 0x4b66)	/* the count it returned, even when it failed */
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 16, 0);
		return 1;
	case 0x4b6b: case 0x4b6c:	/* GIO_FONTX, PIO_FONTX: charcount, charheight, chardata */
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		if (head(s, p, pre, 16, c) && code == 0x4b6c)
			sct_sink_put_shown_bytes(s, getptr(c + 8), (uint64_t)((uint16_t)get32(c) < 512 ?
								(uint16_t)get32(c) : 512) * 32);
		sct_sink_blob_end(s, 0);
		if (ok && code == 0x4b6b && sct_sink_peek(s, c, p, 16) == 16) {
			sct_sink_blob_begin(s, i, SCT_BLOB_OUT);
			sct_sink_put_raw(s, c, 16);
			cnt = (uint16_t)get32(c);
			sct_sink_put_shown_bytes(s, getptr(c + 8), (uint64_t)(cnt < 512 ? cnt : 512) * 32);
			sct_sink_blob_end(s, 0);
		}
		return 1;
	case 0x4b72:			/* KDFONTOP: struct console_font_op, its data */
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		if (head(s, p, pre, 32, c))
			fontop_tail(s, c, 0);
		sct_sink_blob_end(s, 0);
		if (ok && sct_sink_peek(s, c, p, 32) == 32) {
			sct_sink_blob_begin(s, i, SCT_BLOB_OUT);
			sct_sink_put_raw(s, c, 32);
			fontop_tail(s, c, 1);
			sct_sink_blob_end(s, 0);
		}
		return 1;
	}
	return 0;
}
