/* -e read=SET / -e write=SET: the data a call read from or wrote to a descriptor of
 * SET, whole (not cut at -s), for the runner's hex dump after the call's line
 * (format/hexdump.c).  The calls and what is dumped are strace's dumpio(): write,
 * pwrite64, sendto: the buffer as passed; writev, pwritev, pwritev2, vmsplice,
 * sendmsg: every buffer of the iovec array as passed; read, pread64, recvfrom, readv,
 * preadv, preadv2, recvmsg: what the call returned, buffer by buffer.  Written data
 * is dumped even when the call failed, read data only when it succeeded.
 *
 * Nothing here runs unless a set was given (sct_cfg.dump).  A record is bounded
 * (SCT_REC_MAX), so one call carries at most SCT_DUMP_MAX bytes of dumped data (less
 * when its other captures are large); the rest is counted in the blob and the runner
 * says how many bytes it could not dump.  Never silent. */
#include <sys/socket.h>
#include <sys/uio.h>
#include "wrap.h"
#include "calls.h"
#include "dump.h"
#include "sink.h"

enum { D_NONE, D_BUF_IN, D_BUF_OUT, D_IOV_IN, D_IOV_OUT, D_MSG_IN, D_MSG_OUT, D_MMSG_IN,
	D_MMSG_OUT };

static uint8_t how[SCT_MAX_CALLS];	/* D_* by call, filled once by sct_dump_init */

/* "[!]HEX": SCT_NUMSET_BITS / 4 hex digits, most significant first (format/session.h) */
static int parse_set(const char *v, struct sct_dump_set *set)
{
	size_t nd;

	memset(set, 0, sizeof(*set));
	if (!v || !*v)
		return 0;
	if (*v == '!') {
		set->not = 1;
		v++;
	}
	nd = strlen(v);			/* the low digits: as many as the highest needs */
	if (!nd || nd > SCT_DUMP_FDS / 4) {
		memset(set, 0, sizeof(*set));
		return 0;
	}
	for (size_t d = 0; d < nd; d++) {
		char c = v[d];
		int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		size_t bit = 4 * (nd - 1 - d);
		if (x < 0) {
			memset(set, 0, sizeof(*set));
			return 0;
		}
		set->bits[bit / 64] |= (uint64_t)x << (bit % 64);
	}
	for (size_t w = 0; w < SCT_DUMP_FDS / 64; w++)
		if (set->bits[w])
			return 1;
	return set->not;
}

void sct_dump_init(const char *read_set, const char *write_set)
{
	int on = parse_set(read_set, &sct_cfg.dump_read);

	on |= parse_set(write_set, &sct_cfg.dump_write);
	sct_cfg.dump = on;
	if (!on)
		return;
	how[SCT_CALL_write] = how[SCT_CALL_pwrite64] = how[SCT_CALL_sendto] = D_BUF_IN;
	how[SCT_CALL_mq_timedsend] = D_BUF_IN;
	how[SCT_CALL_read] = how[SCT_CALL_pread64] = how[SCT_CALL_recvfrom] = D_BUF_OUT;
	how[SCT_CALL_mq_timedreceive] = D_BUF_OUT;
	how[SCT_CALL_writev] = how[SCT_CALL_pwritev] = how[SCT_CALL_pwritev2] = D_IOV_IN;
	how[SCT_CALL_vmsplice] = D_IOV_IN;
	how[SCT_CALL_readv] = how[SCT_CALL_preadv] = how[SCT_CALL_preadv2] = D_IOV_OUT;
	how[SCT_CALL_sendmsg] = D_MSG_IN;
	how[SCT_CALL_recvmsg] = D_MSG_OUT;
	how[SCT_CALL_sendmmsg] = D_MMSG_IN;
	how[SCT_CALL_recvmmsg] = D_MMSG_OUT;
}

int sct_dump_call(unsigned call)
{
	return call < SCT_MAX_CALLS && how[call] != D_NONE;
}

static int in_set(const struct sct_dump_set *set, int64_t fd)
{
	int in = fd < SCT_DUMP_FDS && (set->bits[fd / 64] >> (fd % 64) & 1);

	return in != set->not;
}

/* The bytes a record may still give to dumped data, after `used` bytes of other
 * blobs and the headers of `nseg` segments. */
static uint64_t room(uint32_t used, size_t nseg)
{
	uint64_t fixed = sizeof(struct sct_rec) + used + sizeof(struct sct_blob) + 16 +
			 nseg * (16 + 7);

	if (fixed >= SCT_REC_MAX)
		return 0;
	return SCT_REC_MAX - fixed < SCT_DUMP_MAX ? SCT_REC_MAX - fixed : SCT_DUMP_MAX;
}

/* One segment: { uint64_t len; uint32_t captured; uint32_t flags; bytes padded }.
 * A buffer strace could not read shows nothing (SCT_BF_FAULT). */
static void put_seg(struct sink *s, const void *base, uint64_t len, uint64_t *budget)
{
	uint64_t hdr = len;
	uint32_t meta[2];

	meta[0] = (uint32_t)(len < *budget ? len : *budget);
	meta[1] = 0;
	if (meta[0] && (!base || !sct_sink_readable(s, base, meta[0]))) {
		meta[0] = 0;
		meta[1] = SCT_BF_FAULT;
	}
	sct_sink_put_raw(s, &hdr, sizeof(hdr));
	sct_sink_put_raw(s, meta, sizeof(meta));
	sct_sink_put(s, base, meta[0]);
	sct_sink_pad8(s);
	*budget -= meta[0];
}

/* strace's dumpiov_upto: the buffers it prints, in order while data is left,
 * stopping at the first empty one; 0 when the array cannot be read whole.  *cut:
 * buffers past MAX_ELEMS were left out. */
static uint64_t iov_segs(struct sink *s, const struct iovec *iov, uint64_t cnt, uint64_t data,
			 uint32_t *cut)
{
	uint64_t n = cnt < MAX_ELEMS ? cnt : MAX_ELEMS, k, left = data;

	if (!iov || !n || !sct_sink_readable(s, iov, n * sizeof(*iov)))
		return 0;
	for (k = 0; k < n && left; k++) {
		struct iovec v;
		sct_sink_peek(s, &v, &iov[k], sizeof(v));
		if (!v.iov_len)
			break;
		left -= v.iov_len < left ? v.iov_len : left;
	}
	*cut |= cnt > MAX_ELEMS && left && k == n;
	return k;
}

static void put_segs(struct sink *s, const struct iovec *iov, uint64_t k, uint64_t data,
		     uint64_t *budget)
{
	uint64_t left = data;

	for (uint64_t i = 0; i < k; i++) {
		struct iovec v;
		sct_sink_peek(s, &v, &iov[i], sizeof(v));
		uint64_t len = v.iov_len < left ? v.iov_len : left;
		put_seg(s, v.iov_base, len, budget);
		left -= len;
	}
}

static void put_iov(struct sink *s, unsigned when, const struct iovec *iov, uint64_t cnt,
		    uint64_t data)
{
	uint32_t head[4] = { 0, 1, 0, 0 };
	uint64_t k = iov_segs(s, iov, cnt, data, &head[2]), budget;

	if (!k)
		return;
	head[0] = (uint32_t)k;
	budget = room(s->n, k);
	sct_sink_blob_begin(s, SCT_BLOB_ARG_DUMP, when);
	sct_sink_put_raw(s, head, sizeof(head));
	put_segs(s, iov, k, data, &budget);
	sct_sink_blob_end(s, 0);
}

/* sendmmsg, recvmmsg: strace's dumpiov_in_mmsghdr, the vectors of the `n` messages
 * the call handled, each { u64 msg_iovlen; u32 segments; u32 0 } and its segments
 * (head[1] = 2 says so; format/hexdump.c) */
#define MMSG_MAX 64
static void put_mmsg(struct sink *s, unsigned when, const struct mmsghdr *v, uint64_t n)
{
	uint32_t head[4] = { 0, 2, 0, 0 };
	uint64_t segs = 0, budget, m;
	struct mmsghdr h;

	if (!v)
		return;
	for (m = 0; m < n && m < MMSG_MAX && sct_sink_readable(s, &v[m], sizeof(h)); m++) {
		sct_sink_peek(s, &h, &v[m], sizeof(h));
		segs += iov_segs(s, h.msg_hdr.msg_iov, h.msg_hdr.msg_iovlen, h.msg_len, &head[2]);
	}
	if (!m)
		return;
	head[0] = (uint32_t)m;
	budget = room(s->n, segs + m);
	sct_sink_blob_begin(s, SCT_BLOB_ARG_DUMP, when);
	sct_sink_put_raw(s, head, sizeof(head));
	for (uint64_t i = 0; i < m; i++) {
		uint32_t cut = 0, vh[4];
		uint64_t k;

		sct_sink_peek(s, &h, &v[i], sizeof(h));
		k = iov_segs(s, h.msg_hdr.msg_iov, h.msg_hdr.msg_iovlen, h.msg_len, &cut);
		memcpy(vh, &h.msg_hdr.msg_iovlen, 8);
		vh[2] = (uint32_t)k;
		vh[3] = 0;
		sct_sink_put_raw(s, vh, sizeof(vh));
		put_segs(s, h.msg_hdr.msg_iov, k, h.msg_len, &budget);
	}
	sct_sink_blob_end(s, 0);
}

static void put_buf(struct sink *s, unsigned when, const void *p, uint64_t len)
{
	uint32_t head[4] = { 1, 0, 0, 0 };
	uint64_t budget = room(s->n, 1);

	if (!len)
		return;
	sct_sink_blob_begin(s, SCT_BLOB_ARG_DUMP, when);
	sct_sink_put_raw(s, head, sizeof(head));
	put_seg(s, p, len, &budget);
	sct_sink_blob_end(s, 0);
}

static void put_msg(struct sink *s, unsigned when, const struct msghdr *m, uint64_t data)
{
	struct msghdr h;

	if (!m || !sct_sink_readable(s, m, sizeof(*m)))
		return;
	sct_sink_peek(s, &h, m, sizeof(h));
	put_iov(s, when, h.msg_iov, h.msg_iovlen, data);
}

void sct_capture_dump(struct sink *s, unsigned call, const uint64_t *a, int64_t ret)
{
	int ok = !(ret < 0 && ret >= -4095);
	int64_t fd = (int)a[0];
	int safe = s->safe;
	void *p = (void *)(uintptr_t)a[1];

	if (fd < 0 || call >= SCT_MAX_CALLS)
		return;
	switch (how[call]) {
	case D_BUF_IN:
		if (!in_set(&sct_cfg.dump_write, fd))
			return;
		/* a write proves readable only the `ret` bytes it took */
		s->safe = safe && ok && (uint64_t)ret >= a[2];	/* safe: not faked */
		put_buf(s, SCT_BLOB_IN, p, a[2]);
		break;
	case D_IOV_IN:
		if (!in_set(&sct_cfg.dump_write, fd))
			return;
		s->safe = 0;
		put_iov(s, SCT_BLOB_IN, p, a[2], UINT64_MAX);
		break;
	case D_MSG_IN:
		if (!in_set(&sct_cfg.dump_write, fd))
			return;
		s->safe = 0;
		put_msg(s, SCT_BLOB_IN, p, UINT64_MAX);
		break;
	/* what a successful read wrote, the kernel has just proven writable */
	case D_BUF_OUT:
		if (!ok || !in_set(&sct_cfg.dump_read, fd))
			return;
		/* recvfrom(MSG_TRUNC) returns the datagram's length: at most the buffer */
		put_buf(s, SCT_BLOB_OUT, p, (uint64_t)ret < a[2] ? (uint64_t)ret : a[2]);
		break;
	case D_IOV_OUT:
		if (!ok || !in_set(&sct_cfg.dump_read, fd))
			return;
		put_iov(s, SCT_BLOB_OUT, p, a[2], (uint64_t)ret);
		break;
	case D_MSG_OUT:
		if (!ok || !in_set(&sct_cfg.dump_read, fd))
			return;
		put_msg(s, SCT_BLOB_OUT, p, (uint64_t)ret);
		break;
	case D_MMSG_IN:		/* the messages sent, as they were passed */
	case D_MMSG_OUT:
		if (!ok || ret <= 0 ||
		    !in_set(how[call] == D_MMSG_IN ? &sct_cfg.dump_write : &sct_cfg.dump_read, fd))
			return;
		s->safe = 0;
		put_mmsg(s, how[call] == D_MMSG_IN ? SCT_BLOB_IN : SCT_BLOB_OUT, p, (uint64_t)ret);
		break;
	}
	s->safe = safe;
}
