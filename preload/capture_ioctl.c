/* Capture of ioctl's third argument: the struct the command passes, by its number.
 * A command that says its size (_IOC_SIZE) gets that many bytes, whatever its
 * direction (strace reads some _IOR structs before the call and some _IOW ones after
 * it); the older commands that say no size (the terminal's 0x54xx, HDIO_*, BLK*) are
 * listed with theirs.  Read after the call, once: the IN blob is what the command was
 * given and, when it succeeded, what it left (format/ioctl.c); the few commands that
 * need more (a struct behind a pointer, sizes a result says) make their own blobs.
 * At most IOCTL_MAX bytes; fault-safe, as an ioctl's success proves nothing of its
 * argument (which may be a number, not an address). */
#include <string.h>
#include "wrap.h"
#include "capture.h"
#include "sink.h"
#include "ioctl.h"

#define IOCTL_MAX 1280			/* PTP_SYS_OFFSET_EXTENDED: 1216 */
#define FIEMAP_MAX 64			/* extents shown with -v */
#define DM_MAX 16384			/* device mapper's data shown with -v */

/* sizes of the commands with no size in their number: read, written */
static const struct { uint32_t code; uint16_t in, out; } legacy[] = {
	{ 0x5401, 0, 36 }, { 0x5402, 36, 0 }, { 0x5403, 36, 0 }, { 0x5404, 36, 0 },	/* TCGETS.. */
	{ 0x5456, 0, 36 }, { 0x5457, 36, 0 },		/* TIOCGLCKTRMIOS, TIOCSLCKTRMIOS */
	{ 0x5405, 0, 18 }, { 0x5406, 18, 0 }, { 0x5407, 18, 0 }, { 0x5408, 18, 0 },	/* TCGETA.. */
	{ 0x5413, 0, 8 }, { 0x5414, 8, 0 },		/* TIOCGWINSZ, TIOCSWINSZ */
	{ 0x5415, 0, 4 }, { 0x5416, 4, 0 }, { 0x5417, 4, 0 }, { 0x5418, 4, 0 },	/* TIOCM* */
	/* ints written: TIOCGPGRP, TIOCGSID, TIOCGETD, TIOCGSOFTCAR, FIONREAD, TIOCOUTQ */
	{ 0x540f, 0, 4 }, { 0x5429, 0, 4 }, { 0x5424, 0, 4 }, { 0x5419, 0, 4 },
	{ 0x541b, 0, 4 }, { 0x5411, 0, 4 },
	/* ints read: TIOCSPGRP, TIOCSETD, FIONBIO, FIOASYNC, TIOCPKT, TIOCSSOFTCAR */
	{ 0x5410, 4, 0 }, { 0x5423, 4, 0 }, { 0x5421, 4, 0 }, { 0x5452, 4, 0 },
	{ 0x5420, 4, 0 }, { 0x541a, 4, 0 },
	{ 0x5412, 1, 0 },				/* TIOCSTI */
};

/* The n bytes at p, or those up to the end of p's page when the rest cannot be read:
 * a number says a size the kernel does not always read whole (FS_IOC_SETFLAGS says a
 * long, and reads an int), and a decoder asks only for what it prints. */
static size_t readable(struct sink *s, const void *p, size_t n)
{
	size_t head = 4096 - ((uintptr_t)p & 4095);

	if (sct_sink_readable(s, p, n))
		return n;
	return head < n && sct_sink_readable(s, p, head) ? head : 0;
}

/* struct perf_event_attr as format/perf.c reads it (preload/capture_ext.c makes the
 * same blob for perf_event_open): its size field, then the bytes strace reads, the
 * size it says (64 for 0, at most 128) or the 48 it shows without -v */
static void perf_attr(struct sink *s, unsigned i, const unsigned char *p)
{
	uint32_t hdr[4] = { 0, 0, 0, 0 }, size;
	size_t n;

	if (sct_sink_peek(s, &hdr[0], p + 4, 4) != 4)
		return;
	size = hdr[0] > 128 ? 128 : hdr[0] ? hdr[0] : 64;
	n = size >= 64 && sct_sink_readable(s, p, size) ? size : sct_sink_readable(s, p, 48) ? 48 : 0;
	sct_sink_blob_begin(s, i, SCT_BLOB_IN);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	sct_sink_put(s, p, n);
	sct_sink_blob_end(s, 0);
}

/* V4L2: a struct as given (pre, n bytes) or read now, then what its pointer holds:
 * a v4l2_window's clips (at `win`), a v4l2_ext_controls' controls and their strings */
static void v4l2_blob(struct sink *s, unsigned i, const unsigned char *p, const unsigned char *pre,
		      size_t n, long win, int ext)
{
	uint64_t ptr = 0;
	uint32_t cnt = 0, type = 0;
	unsigned char copy[256];	/* the struct, from pre or read now (fault-safe) */

	if (n > sizeof(copy))
		return;
	if (pre)
		memcpy(copy, pre, n);
	else if (sct_sink_peek(s, copy, p, n) != n)
		return;		/* the decoder prints the address */
	sct_sink_blob_begin(s, i, SCT_BLOB_IN);
	sct_sink_put_raw(s, copy, n);
	if (win >= 0) {
		memcpy(&type, copy + win - 8, 4);
		if (type == 3 || type == 8) {	/* V4L2_BUF_TYPE_VIDEO(_OUTPUT)_OVERLAY */
			memcpy(&ptr, copy + win + 24, 8);
			memcpy(&cnt, copy + win + 32, 4);
			sct_sink_put_shown_elems(s, (const unsigned char *)(uintptr_t)ptr, cnt, 24);
		}
	}
	if (ext) {
		uint32_t hdr[2];
		const unsigned char *c;

		memcpy(&cnt, copy + 4, 4);
		memcpy(&ptr, copy + 24, 8);
		c = (const unsigned char *)(uintptr_t)ptr;
		sct_sink_put_shown_elems(s, c, cnt, 20);
		/* the strings of the controls that have a size, in order */
		for (uint32_t k = 0; c && k < cnt && k < 64; k++) {
			uint32_t size;
			uint64_t str;
			size_t m;

			if (sct_sink_peek(s, &size, c + 20 * k + 4, 4) != 4 ||
			    sct_sink_peek(s, &str, c + 20 * k + 12, 8) != 8)
				break;
			if (!size)
				continue;
			m = size < sct_cfg.strsize + 1 ? size : sct_cfg.strsize + 1;
			hdr[0] = (uint32_t)m;
			hdr[1] = !str || !sct_sink_readable(s, (const void *)(uintptr_t)str, m);
			if (hdr[1])
				hdr[0] = 0;
			sct_sink_put_raw(s, hdr, sizeof(hdr));
			if (hdr[0])
				sct_sink_put(s, (const void *)(uintptr_t)str, hdr[0]);
			sct_sink_pad8(s);
		}
	}
	sct_sink_blob_end(s, 0);
}

/* The commands whose capture depends on more than their number: 1 when done. */
/* The n bytes copied before the call (capture_pre.c) as the IN blob: our own memory */
static void blob_pre(struct sink *s, unsigned i, const unsigned char *pre, size_t n)
{
	int safe = s->safe;

	s->safe = 1;
	sct_sink_blob_mem(s, i, SCT_BLOB_IN, pre, n, 0);
	s->safe = safe;
}

static int extra(struct sink *s, unsigned i, const unsigned char *p, uint32_t code, int64_t ret,
		 const unsigned char *pre)
{
	size_t lim = sct_cfg.strsize + 1, n;
	int ok = !(ret < 0 && ret >= -4095);
	unsigned char hdr[4];
	uint32_t n32;
	uint64_t data;

	if (((code >> 8) & 0xff) == 'K' && !(code >> 16) && sct_capture_kd(s, i, p, code, ret, pre))
		return 1;
	if (((code >> 8) & 0xff) == 0xa4 && sct_capture_tee(s, i, p, code, ret))
		return 1;
	if (ok && (n = sct_ioctl_evdev_size(code, ret))) {	/* a bit set: by the result */
		sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, n, 0);
		return 1;
	}
	if (((code >> 8) & 0xff) == 0xfd && ((code >> 16) & 0x3fff) == 312 && sct_cfg.noabbrev &&
	    sct_sink_peek(s, &n32, p + 12, 4) == 4 && n32 > 312) {
		/* device mapper with -v: the data after the header too (format/ioctl_dm.c) */
		n = sct_sink_readable_prefix(s, p, n32 < DM_MAX ? n32 : DM_MAX);
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, n, 0);
		return 1;
	}
	switch (code) {
	case 0x2285:		/* SG_IO: its struct, v3 or v4, and its buffers */
		sct_capture_sg(s, i, p);
		return 1;
	case 0xc0d05604:	/* VIDIOC_G_FMT, _S_FMT, _TRY_FMT: the clips of a window */
	case 0xc0d05605:
	case 0xc0d05640:
		v4l2_blob(s, i, p, pre, 208, 8, 0);
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, readable(s, p, 208), 0);
		return 1;
	case 0xc100565c:	/* VIDIOC_CREATE_BUFS: its format's */
		v4l2_blob(s, i, p, pre, 256, 24, 0);
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, readable(s, p, 256), 0);
		return 1;
	case 0xc0205647:	/* VIDIOC_S_EXT_CTRLS, _G_, _TRY_: the controls */
	case 0xc0205648:
	case 0xc0205649:
		v4l2_blob(s, i, p, pre, 32, -1, 1);
		sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, readable(s, p, 32), 0);
		return 1;
	case 0x89a0:		/* SIOCBRADDBR, SIOCBRDELBR: a name of IFNAMSIZ bytes */
	case 0x89a1:
		sct_sink_blob_str(s, i, (const char *)p, 16);
		return 1;
	case 0x8912:		/* SIOCGIFCONF: struct ifconf as given, then as returned
				 * with the ifreqs it got */
		if (pre)
			blob_pre(s, i, pre, 16);
		if (!ok || sct_sink_peek(s, &n32, p, 4) != 4 || sct_sink_peek(s, &data, p + 8, 8) != 8)
			return 1;
		sct_sink_blob_begin(s, i, SCT_BLOB_OUT);
		sct_sink_put(s, p, 16);
		for (n = 0; data && (int32_t)n32 > 0 && n < n32 / 40 && n < lim && n < 64 &&
		     sct_sink_readable(s, (const char *)(uintptr_t)data + 40 * n, 40); n++)
			sct_sink_put(s, (const char *)(uintptr_t)data + 40 * n, 40);
		sct_sink_blob_end(s, 0);
		return 1;
	case 0x40082406:	/* PERF_EVENT_IOC_SET_FILTER: a string */
		sct_sink_blob_str(s, i, (const char *)p, lim);
		return 1;
	case 0xc008240a:	/* PERF_EVENT_IOC_QUERY_BPF: ids_len, prog_cnt, ids[] */
		if (sct_sink_peek(s, &n32, p + 4, 4) != 4) {
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 4, 0);
			return 1;
		}
		for (n = 0; n < n32 && n < lim && n < 1024 && sct_sink_readable(s, p + 8 + 4 * n, 4); n++)
			;
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 8 + 4 * n, 0);
		return 1;
	case 0x4008240b:	/* PERF_EVENT_IOC_MODIFY_ATTRIBUTES: format/perf.c's blob */
		perf_attr(s, i, p);
		return 1;
	case 0x80044f05:	/* UBI_IOCEBISMAP: _IOR, but it reads the int */
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 4, 0);
		return 1;
	case 0x40044f02:	/* UBI_IOCEBCH: its number says 4 bytes, the struct has 16 */
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 16, 0);
		return 1;
	case 0x51106f03:	/* UBI_IOCRNVOL: 4368 bytes, more than IOCTL_MAX */
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 4368, 0);
		return 1;
	case 0x40986f00:	/* UBI_IOCMKVOL, UBI_IOCATT: _IOW, and a number written back */
	case 0x40186f40:
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, (code >> 16) & 0x3fff, 0);
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 4, 0);
		return 1;
	case 0x1269:		/* BLKPG: the struct, and the partition its data points to */
		if (sct_sink_peek(s, &data, p + 16, 8) != 8 || !sct_sink_readable(s, p, 24))
			return 1;
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put(s, p, 24);
		if (data && sct_sink_readable(s, (const void *)(uintptr_t)data, 152))
			sct_sink_put(s, (const void *)(uintptr_t)data, 152);
		sct_sink_blob_end(s, 0);
		return 1;
	case 0x40187013:	/* RTC_PARAM_GET: _IOW, and the value read back */
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 24, 0);
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 24, 0);
		return 1;
	case 0x40085203:	/* RNDADDENTROPY: a header, then buf_size bytes */
		if (sct_sink_peek(s, &n32, p + 4, 4) != 4 || !sct_sink_readable(s, p, 8))
			return 1;
		n = n32 < lim ? n32 : lim;
		if (sct_sink_readable(s, p, 8 + n))
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 8 + n, 0);
		else
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 8, SCT_BF_FAULT);
		return 1;
	case 0x43403d05:	/* PTP_SYS_OFFSET(2): _IOW, and the samples written back */
	case 0x43403d0e:
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 832, 0);
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 832, 0);
		return 1;
	case 0x80082102:	/* SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR: read before */
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 8, 0);
		return 1;
	case 0xc020660b:	/* FS_IOC_FIEMAP: with -v, the extents after the header */
		if (!ok || !sct_cfg.noabbrev)
			return 0;
		if (pre)
			blob_pre(s, i, pre, 32);
		else
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 32, 0);
		if (sct_sink_peek(s, &n32, p + 20, 4) != 4)
			return 1;
		for (n = 0; n < n32 && n < FIEMAP_MAX && sct_sink_readable(s, p + 32 + 56 * n, 56); n++)
			;
		sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 32 + 56 * n, 0);
		return 1;
	case 0x030d:		/* HDIO_GET_IDENTITY: 512 bytes, shown as a string */
	case 0x0307:		/* HDIO_OBSOLETE_IDENTITY: 142 */
		n = code == 0x030d ? 512 : 142;
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, n < lim ? n : lim, 0);
		return 1;
	case 0x031f:		/* HDIO_DRIVE_CMD: a header, then sector_count sectors */
		if (sct_sink_peek(s, hdr, p, 4) != 4)
			return 1;
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, 4, 0);
		if (!ok && ret != -EIO)
			return 1;
		n = (size_t)hdr[3] * 512 < lim ? (size_t)hdr[3] * 512 : lim;
		sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, sct_sink_readable(s, p, 4 + n) ? 4 + n : 4, 0);
		return 1;
	}
	return 0;
}

void sct_capture_ioctl(struct sink *s, unsigned i, const uint64_t *a, int64_t ret,
		       const unsigned char *pre)
{
	const unsigned char *p = (const unsigned char *)(uintptr_t)a[i];
	uint32_t code = (uint32_t)a[1], dir = code >> 30, size = (code >> 16) & 0x3fff;
	uint32_t in = 0, out = 0, n;
	uint16_t l_in, l_out;

	if (!p)
		return;
	if (dir && size) {
		if (size > IOCTL_MAX)
			size = IOCTL_MAX;
		in = dir & 1 ? size : 0;
		out = dir & 2 ? size : 0;
	} else if (!sct_ioctl_legacy_size(code, &l_in, &l_out)) {
		for (unsigned k = 0; k < sizeof(legacy) / sizeof(legacy[0]); k++)
			if (legacy[k].code == code) {
				in = legacy[k].in;
				out = legacy[k].out;
				break;
			}
	} else {
		in = l_in;
		out = l_out;
	}
	s->safe = 0;
	if (extra(s, i, p, code, ret, pre))
		return;
	/* a struct the command rewrites: as given (copied before the call), and as the
	 * call left it */
	if (pre && (n = sct_ioctl_pre_bytes(code))) {
		blob_pre(s, i, pre, n);
		if (!(ret < 0 && ret >= -4095))
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, readable(s, p, n), 0);
		return;
	}
	/* else read after the call, so one copy serves both: what the command was given
	 * (and, for a failed call, all there is) and what a successful one left */
	n = in > out ? in : out;
	if (n)
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, readable(s, p, n), 0);
}
