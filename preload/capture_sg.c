/* Capture of SG_IO's struct (preload/capture_ioctl.c): the SCSI generic v3 struct
 * sg_io_hdr ('S') or the bsg v4 struct sg_io_v4 ('Q'), read after the call, then the
 * buffers it points to in the order format/ioctl_sg.c prints them, each a section:
 * bytes { uint32_t n; uint32_t flags; n bytes }, or an iovec array { uint32_t m;
 * uint32_t flags; m times { uint64_t base, len; uint32_t n, flags; n bytes } };
 * flags 1 when what follows could not be read (strace prints its address).  Bounded
 * by what strace shows: -s bytes and one more, -s + 1 elements. */
#include <string.h>
#include <sys/uio.h>
#include "wrap.h"
#include "capture.h"
#include "sink.h"

#define SEC_FAULT SCT_SINK_FAULT

/* count iovecs at iov, `budget` bytes of data in all, as strace's tprint_iov_upto */
static void sec_iov(struct sink *s, const struct iovec *iov, uint64_t count, uint64_t budget)
{
	uint64_t lim = sct_cfg.noabbrev ? 1024 : (uint64_t)sct_cfg.strsize + 1;
	uint32_t hdr[2] = { 0, 0 };

	if (count > lim)
		count = lim;
	if (count > 1024)
		count = 1024;
	while (iov && hdr[0] < count && sct_sink_readable(s, iov + hdr[0], sizeof(*iov)))
		hdr[0]++;
	if (hdr[0] < count)
		hdr[1] = SEC_FAULT;
	sct_sink_put_raw(s, hdr, 8);
	for (uint32_t k = 0; k < hdr[0]; k++) {
		struct iovec v;
		uint64_t e[2], have, n;
		uint32_t m[2] = { 0, 0 };

		sct_sink_peek(s, &v, iov + k, sizeof(v));
		e[0] = (uint64_t)(uintptr_t)v.iov_base;
		e[1] = v.iov_len;
		have = v.iov_len < budget ? v.iov_len : budget;
		budget -= have;
		n = have < (uint64_t)sct_cfg.strsize + 1 ? have : (uint64_t)sct_cfg.strsize + 1;
		if (n && (!v.iov_base || !sct_sink_readable(s, v.iov_base, n)))
			m[1] = SEC_FAULT;
		else
			m[0] = (uint32_t)n;
		sct_sink_put_raw(s, e, 16);
		sct_sink_put_raw(s, m, 8);
		if (m[0])
			sct_sink_put(s, v.iov_base, m[0]);
	}
}

static void sec_buf(struct sink *s, uint64_t addr, uint64_t len, uint32_t iovcnt)
{
	if (iovcnt)
		sec_iov(s, (const struct iovec *)(uintptr_t)addr, iovcnt, len);
	else
		sct_sink_put_shown_bytes(s, (const void *)(uintptr_t)addr, len);
}

static uint32_t g32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static uint64_t g64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

/* what the call read in, less what it says it did not */
static uint64_t din(uint32_t len, int32_t resid)
{
	return resid > 0 && (uint32_t)resid <= len ? len - (uint32_t)resid : len;
}

void sct_capture_sg(struct sink *s, unsigned i, const unsigned char *p)
{
	unsigned char c[160];
	int32_t dir;
	uint64_t n;

	if (sct_sink_peek(s, c, p, 4) != 4)
		return;
	if (c[0] == 'S' && sct_sink_peek(s, c, p, 88) == 88) {
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put_raw(s, c, 88);
		memcpy(&dir, c + 4, 4);
		sct_sink_put_shown_bytes(s, (const void *)(uintptr_t)g64(c + 24), c[8]);	/* cmdp */
		if (dir == -2 || dir == -4)			/* TO_DEV, TO_FROM_DEV */
			sec_buf(s, g64(c + 16), g32(c + 12), (uint32_t)(c[10] | c[11] << 8));
		n = din(g32(c + 12), (int32_t)g32(c + 72));
		if (dir == -3 || (dir == -4 && n))		/* FROM_DEV, TO_FROM_DEV */
			sec_buf(s, g64(c + 16), n, (uint32_t)(c[10] | c[11] << 8));
		sct_sink_put_shown_bytes(s, (const void *)(uintptr_t)g64(c + 32), c[67]);	/* sbp */
		sct_sink_blob_end(s, 0);
	} else if (c[0] == 'Q' && sct_sink_peek(s, c, p, 160) == 160) {
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put_raw(s, c, 160);
		sct_sink_put_shown_bytes(s, (const void *)(uintptr_t)g64(c + 16), g32(c + 12));	/* request */
		sec_buf(s, g64(c + 72), g32(c + 60), g32(c + 56));			/* dout */
		sct_sink_put_shown_bytes(s, (const void *)(uintptr_t)g64(c + 48), g32(c + 132));	/* response */
		sec_buf(s, g64(c + 80), din(g32(c + 68), (int32_t)g32(c + 136)), g32(c + 64));
		sct_sink_blob_end(s, 0);
	} else {
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 4, 0);	/* the id, or less */
	}
}
