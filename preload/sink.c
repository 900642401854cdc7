/* The blob writer of record capture (sink.h). */
#include <string.h>
#include "wrap.h"
#include "safemem.h"
#include "sink.h"


/* May n more bytes be written?  The program's memory can change between the two
 * passes (another thread); the second pass never writes past what was reserved. */
int sct_sink_room(struct sink *s, size_t n)
{
	if (!s->p)
		return 0;
	if (s->n + n > s->lim) {
		s->over = 1;
		return 0;
	}
	return 1;
}

void sct_sink_guard(struct sink *s)
{
	if (!s->guarded) {
		s->saved = sct_safe_begin();
		s->guarded = 1;
	}
}

/* Copy from the traced program's memory; bytes that could not be read are zero. */
size_t sct_sink_peek(struct sink *s, void *dst, const void *src, size_t n)
{
	size_t got;

	if (s->safe) {
		memcpy(dst, src, n);
		return n;
	}
	sct_sink_guard(s);
	got = sct_safe_copy(dst, src, n);
	memset((char *)dst + got, 0, n - got);
	return got;
}

/* Length of the string at src, at most max; -1 if unreadable before its NUL (strace
 * then prints the address). */
long sct_sink_str_len(struct sink *s, const char *src, size_t max)
{
	if (s->safe)
		return (long)strnlen(src, max);
	sct_sink_guard(s);
	return sct_safe_str(NULL, src, max);
}

/* Are all n bytes at src readable?  strace prints a struct or buffer it cannot read
 * whole as its address. */
int sct_sink_readable(struct sink *s, const void *src, size_t n)
{
	if (s->safe)
		return 1;
	sct_sink_guard(s);
	return sct_safe_readable(src, n);
}

/* The longest readable start of the n bytes at p: memory is readable or not a page
 * at a time, so the first page that is not ends it (two faults at most). */
size_t sct_sink_readable_prefix(struct sink *s, const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	size_t off = 0;

	if (!p)
		return 0;
	if (sct_sink_readable(s, p, n))
		return n;
	while (off < n) {
		size_t chunk = 4096 - ((a + off) & 4095);
		if (chunk > n - off)
			chunk = n - off;
		if (!sct_sink_readable(s, (const char *)p + off, chunk))
			break;
		off += chunk;
	}
	return off;
}

/* At most n bytes at src, as strace shows them (-s of them and one more, to know there
 * are more): { u32 bytes, u32 SCT_SINK_FAULT when they cannot all be read } then them */
void sct_sink_put_shown_bytes(struct sink *s, const void *src, uint64_t n)
{
	uint32_t hdr[2] = { 0, 0 };

	if (n > (uint64_t)sct_cfg.strsize + 1)
		n = sct_cfg.strsize + 1;
	if (!src || !sct_sink_readable(s, src, n))
		hdr[1] = SCT_SINK_FAULT;
	else
		hdr[0] = (uint32_t)n;
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	if (hdr[0])
		sct_sink_put(s, src, hdr[0]);
}

/* n elements of es bytes at base, as many as strace fetches (-s and one more, or all
 * with -v, at most 1024) and can be read: { u32 fetched, u32 0 } then them */
void sct_sink_put_shown_elems(struct sink *s, const void *base, uint64_t n, size_t es)
{
	uint64_t lim = sct_cfg.noabbrev ? 1024 : (uint64_t)sct_cfg.strsize + 1;
	uint32_t hdr[2] = { 0, 0 };

	if (n > lim)
		n = lim;
	if (n > 1024)
		n = 1024;
	while (base && hdr[0] < n && sct_sink_readable(s, (const char *)base + es * hdr[0], es))
		hdr[0]++;
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	if (hdr[0])
		sct_sink_put(s, base, es * hdr[0]);
}

void sct_sink_blob_begin(struct sink *s, unsigned arg, unsigned when)
{
	s->hdr = s->n;
	if (sct_sink_room(s, sizeof(struct sct_blob))) {
		struct sct_blob *b = (struct sct_blob *)(s->p + s->n);
		b->arg = (uint8_t)arg;
		b->when = (uint8_t)when;
		b->flags = 0;
		b->pad = 0;
	}
	s->n += sizeof(struct sct_blob);
}

void sct_sink_put(struct sink *s, const void *src, size_t n)
{
	if (n && sct_sink_room(s, n))
		sct_sink_peek(s, s->p + s->n, src, n);
	s->n += (uint32_t)n;
}

void sct_sink_put_raw(struct sink *s, const void *src, size_t n)
{
	int safe = s->safe;

	s->safe = 1;
	sct_sink_put(s, src, n);
	s->safe = safe;
}

void sct_sink_pad8(struct sink *s)
{
	uint32_t to = sct_align8(s->n);

	if (to > s->n && sct_sink_room(s, to - s->n))
		memset(s->p + s->n, 0, to - s->n);
	s->n = to;
}

void sct_sink_blob_end(struct sink *s, unsigned flags)
{
	if (s->p && !s->over) {
		struct sct_blob *b = (struct sct_blob *)(s->p + s->hdr);
		b->len = s->n - s->hdr - (uint32_t)sizeof(*b);
		b->flags = (uint8_t)flags;
	}
	sct_sink_pad8(s);
}

void sct_sink_blob_mem(struct sink *s, unsigned arg, unsigned when, const void *src, size_t n,
		     unsigned flags)
{
	if (!src || (n && !sct_sink_readable(s, src, n)))
		return;
	sct_sink_blob_begin(s, arg, when);
	sct_sink_put(s, src, n);
	sct_sink_blob_end(s, flags);
}

void sct_sink_blob_str(struct sink *s, unsigned arg, const char *src, size_t max)
{
	long n;

	if (!src || (n = sct_sink_str_len(s, src, max)) < 0)
		return;
	sct_sink_blob_mem(s, arg, SCT_BLOB_IN, src, (size_t)n, (size_t)n == max ? SCT_BF_TRUNC : 0);
}

/* Elements of iov[0..n) that can be read, from the first: strace reads an array
 * element by element and stops at the first it cannot read. */
size_t sct_sink_iov_readable(struct sink *s, const struct iovec *iov, size_t n)
{
	size_t m = 0;

	if (!iov)
		return 0;
	if (sct_sink_readable(s, iov, n * sizeof(*iov)))
		return n;
	while (m < n && sct_sink_readable(s, &iov[m], sizeof(*iov)))
		m++;
	return m;
}

/* iovec blob (kinds.h): data of each element up to `budget` bytes in all.  An
 * element's data is what strace reads of it (-s + 1 bytes at most), whole or not at
 * all: strace prints the address of a buffer it cannot read. */
void sct_sink_put_iov(struct sink *s, const struct iovec *iov, size_t cnt, uint64_t budget)
{
	size_t lim = sct_cfg.strsize + 1;

	for (size_t i = 0; i < cnt && i < MAX_ELEMS; i++) {
		struct iovec v;
		uint64_t hdr[2];
		uint32_t meta[2];
		sct_sink_peek(s, &v, &iov[i], sizeof(v));
		uint64_t have = v.iov_len < budget ? v.iov_len : budget;
		uint32_t cap = (uint32_t)(have < lim ? have : lim);
		hdr[0] = (uint64_t)(uintptr_t)v.iov_base;
		hdr[1] = v.iov_len;
		meta[1] = cap < v.iov_len ? SCT_BF_TRUNC : 0;
		if (cap && (!v.iov_base || !sct_sink_readable(s, v.iov_base, cap))) {
			cap = 0;
			meta[1] |= SCT_BF_FAULT;
		}
		meta[0] = cap;
		sct_sink_put_raw(s, hdr, sizeof(hdr));
		sct_sink_put_raw(s, meta, sizeof(meta));
		sct_sink_put(s, v.iov_base, cap);
		sct_sink_pad8(s);
		budget -= have;
	}
}

/* An array none of whose elements can be read is left out (the decoder prints its
 * address); one cut short by an unreadable element says so (SCT_BF_FAULT). */
void sct_sink_blob_iov(struct sink *s, unsigned arg, unsigned when, const struct iovec *iov,
		     size_t cnt, uint64_t budget)
{
	size_t n = cnt < MAX_ELEMS ? cnt : MAX_ELEMS;
	size_t m = sct_sink_iov_readable(s, iov, n);

	if (!iov || (n && !m))
		return;
	sct_sink_blob_begin(s, arg, when);
	sct_sink_put_iov(s, iov, m, budget);
	sct_sink_blob_end(s, m < n ? SCT_BF_FAULT : 0);
}

uint32_t sct_sink_min3(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t m = a < b ? a : b;

	return (uint32_t)(m < c ? m : c);
}

/* `before`: the msghdr as the program passed it (recvmsg), NULL when it is `m` itself.
 * After the call msg_namelen is the address's full length, which may exceed the
 * buffer (as msg_controllen may not, but the program's memory is not trusted): the
 * capture is at most what the program passed. */
void sct_sink_blob_msg(struct sink *s, unsigned arg, unsigned when, const struct msghdr *m,
		     const struct msghdr *before, uint64_t budget)
{
	struct msghdr h;
	uint32_t caps[2];
	size_t n, k;

	if (!m || !sct_sink_readable(s, m, sizeof(*m)))
		return;
	sct_sink_peek(s, &h, m, sizeof(h));
	if (!before)
		before = &h;
	caps[0] = h.msg_name ? sct_sink_min3(h.msg_namelen, before->msg_namelen, SADDR_MAX) : 0;
	caps[1] = h.msg_control ? sct_sink_min3(h.msg_controllen, before->msg_controllen, 512) : 0;
	/* strace prints msg_control as its address when it cannot read min(msg_controllen,
	 * net.core.optmem_max) bytes of it: none captured says so (the runner's formatter
	 * prints the address).  The sysctl is not read here; its default on
	 * current kernels (131072) stands in for it. */
	if (caps[1] && !sct_sink_readable(s, h.msg_control,
					  sct_sink_min3(h.msg_controllen, before->msg_controllen,
							131072)))
		caps[1] = 0;
	sct_sink_blob_begin(s, arg, when);
	sct_sink_put_raw(s, &h, sizeof(h));
	sct_sink_put_raw(s, caps, sizeof(caps));
	sct_sink_put(s, h.msg_name, caps[0]);
	sct_sink_pad8(s);
	sct_sink_put(s, h.msg_control, caps[1]);
	sct_sink_pad8(s);
	n = h.msg_iovlen < MAX_ELEMS ? h.msg_iovlen : MAX_ELEMS;
	k = sct_sink_iov_readable(s, h.msg_iov, n);
	if (k)
		sct_sink_put_iov(s, h.msg_iov, k, budget);
	sct_sink_blob_end(s, k < n ? SCT_BF_FAULT : 0);
}

/* Elements of the NULL-terminated array v before its NULL; *unterm when an element
 * could not be read first (strace: "/ * 1 var, unterminated * /"). */
uint64_t sct_sink_count_vec(struct sink *s, char *const *v, int *unterm)
{
	uint64_t n = 0;
	char *p;

	*unterm = 0;
	for (;; n++) {
		if (s->safe) {
			p = v[n];
		} else {
			sct_sink_guard(s);
			if (sct_safe_copy(&p, &v[n], sizeof(p)) != sizeof(p)) {
				*unterm = 1;
				return n;
			}
		}
		if (!p)
			return n;
	}
}

/* argv, and envp (printed whole with -v): see "argv blob" in format/kinds.h.  An
 * element that cannot be read is kept as its address (SCT_BF_ADDR). */
void sct_sink_blob_argv(struct sink *s, unsigned arg, char *const *v)
{
	uint64_t count;
	size_t lim = sct_cfg.strsize + 1;
	int unterm;
	char *p;

	if (!v || !sct_sink_readable(s, v, sizeof(*v)))
		return;
	count = sct_sink_count_vec(s, v, &unterm);
	sct_sink_blob_begin(s, arg, SCT_BLOB_IN);
	sct_sink_put_raw(s, &count, sizeof(count));
	/* strace prints -s elements, all of them with -v */
	for (uint64_t i = 0; i < count && i < (sct_cfg.noabbrev ? MAX_ELEMS : lim); i++) {
		sct_sink_peek(s, &p, &v[i], sizeof(p));
		long n = sct_sink_str_len(s, p, lim);
		uint32_t meta[2] = { (uint32_t)(n < 0 ? sizeof(p) : (size_t)n),
				     n < 0 ? SCT_BF_ADDR : n == (long)lim ? SCT_BF_TRUNC : 0 };
		sct_sink_put_raw(s, meta, sizeof(meta));
		if (n < 0)
			sct_sink_put_raw(s, &p, sizeof(p));
		else
			sct_sink_put(s, p, meta[0]);
		sct_sink_pad8(s);
	}
	sct_sink_blob_end(s, unterm ? SCT_BF_UNTERM : 0);
}

void sct_sink_blob_count(struct sink *s, unsigned arg, unsigned when, uint64_t count)
{
	sct_sink_blob_begin(s, arg, when);
	sct_sink_put_raw(s, &count, sizeof(count));
	sct_sink_blob_end(s, 0);
}

uint64_t sct_sink_count_dirents(const unsigned char *buf, int64_t len)
{
	uint64_t n = 0;

	for (int64_t off = 0; off + 19 <= len; n++) {
		uint16_t reclen;
		memcpy(&reclen, buf + off + 16, sizeof(reclen));
		if (!reclen)
			break;
		off += reclen;
	}
	return n;
}
