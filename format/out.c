/* The output buffer behind every decoder.  Runs inside traced processes too, so it
 * calls no libc function that a wrapper could intercept: flushing is a raw write(2). */
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "out.h"
#include "decode.h"

/* Counts flushes made by this thread, so that line.c can tell whether the text of
 * the current line is still all in the buffer (it pads to a column).  Initial-exec
 * TLS: safe in signal handlers and in vfork children. */
__thread unsigned long sct_out_nflushes;

const char sct_out_spaces[64] = "                                                                ";

static long raw_write(int fd, const void *p, size_t n)
{
#if defined(__x86_64__)
	long ret;
	__asm__ volatile ("syscall"
			  : "=a"(ret)
			  : "0"((long)SYS_write), "D"((long)fd), "S"(p), "d"(n)
			  : "rcx", "r11", "memory");
	return ret;
#else
	long ret = syscall(SYS_write, fd, p, n);
	return ret < 0 ? -errno : ret;
#endif
}

void sct_out_init(struct sct_out *o, char *buf, size_t cap, int fd)
{
	o->buf = buf;
	o->len = 0;
	o->cap = cap;
	o->fd = fd;
	o->overflow = 0;
	o->error = 0;
	o->xstyle = 0;
	o->cstyle = 0;
}

void sct_out_flush(struct sct_out *o)
{
	size_t done = 0;

	if (o->fd < 0 || o->len == 0)
		return;
	while (done < o->len) {
		long n = raw_write(o->fd, o->buf + done, o->len - done);
		if (n == -EINTR)
			continue;
		if (n <= 0) {
			o->error = n < 0 ? (int)-n : EIO;
			break;
		}
		done += (size_t)n;
	}
	o->len = 0;
	sct_out_nflushes++;
}

/* Make room for one more byte; 0 when there is none (fd < 0 and full). */
static int room(struct sct_out *o)
{
	if (o->len < o->cap)
		return 1;
	if (o->fd >= 0 && o->cap > 0) {
		sct_out_flush(o);
		return 1;
	}
	o->overflow = 1;
	return 0;
}

void sct_out_write_slow(struct sct_out *o, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		size_t k;

		if (!room(o))
			return;
		k = o->cap - o->len;
		if (k > n)
			k = n;
		__builtin_memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

void sct_out_fill_slow(struct sct_out *o, char c, size_t n)
{
	while (n > 0) {
		size_t k;

		if (!room(o))
			return;
		k = o->cap - o->len;
		if (k > n)
			k = n;
		__builtin_memset(o->buf + o->len, c, k);
		o->len += k;
		n -= k;
	}
}

/* "00" .. "99": two digits a division */
static const char digits2[200] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* v's decimal digits, written backwards ending at `end`; returns where they begin.
 * Below 2^32 (nearly every number a line has) in 32-bit arithmetic: its division by
 * 100 is a shorter multiply. */
static inline __attribute__((always_inline)) char *udec_digits(char *end, uint64_t v)
{
	char *p = end;
	uint32_t w;

	while (v > UINT32_MAX) {
		unsigned d = (unsigned)(v % 100) * 2;
		v /= 100;
		*--p = digits2[d + 1];
		*--p = digits2[d];
	}
	w = (uint32_t)v;
	while (w >= 100) {
		unsigned d = (w % 100) * 2;
		w /= 100;
		*--p = digits2[d + 1];
		*--p = digits2[d];
	}
	if (w >= 10) {
		*--p = digits2[w * 2 + 1];
		*--p = digits2[w * 2];
	} else {
		*--p = (char)('0' + w);
	}
	return p;
}

/* How many decimal digits v has */
static inline unsigned udec_len(uint64_t v)
{
	unsigned n = 1;

	for (;;) {
		if (v < 10)
			return n;
		if (v < 100)
			return n + 1;
		if (v < 1000)
			return n + 2;
		if (v < 10000)
			return n + 3;
		v /= 10000;
		n += 4;
	}
}

/* The common case of every number: the buffer has room for the longest (a sign and
 * 20 digits), and the digits are made in place, right to left, once their count is
 * known; otherwise (near the end of a buffer) made aside and copied as they fit. */
#define NUM_MAX 21

static void put_slow(struct sct_out *o, uint64_t v, int neg)
{
	char tmp[NUM_MAX + 1], *p = udec_digits(tmp + sizeof(tmp), v);

	if (neg)
		*--p = '-';
	sct_out_write_slow(o, p, (size_t)(tmp + sizeof(tmp) - p));
}

static inline void put_num(struct sct_out *o, uint64_t v, int neg)
{
	if (__builtin_expect(o->cap - o->len >= NUM_MAX, 1)) {
		char *p = o->buf + o->len;
		unsigned n = udec_len(v);

		if (neg)
			*p++ = '-';
		udec_digits(p + n, v);
		o->len = (size_t)(p + n - o->buf);
	} else {
		put_slow(o, v, neg);
	}
}

void sct_out_udec(struct sct_out *o, uint64_t v)
{
	put_num(o, v, 0);
}

void sct_out_dec(struct sct_out *o, int64_t v)
{
	put_num(o, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0);
}

void sct_out_udec_pad(struct sct_out *o, uint64_t v, int width, char pad)
{
	size_t n = udec_len(v);

	if (width > 0 && (size_t)width > n)
		sct_out_fill(o, pad, (size_t)width - n);
	put_num(o, v, 0);
}

void sct_out_dec_left(struct sct_out *o, int64_t v, size_t width)
{
	size_t n = udec_len(v < 0 ? -(uint64_t)v : (uint64_t)v) + (v < 0);

	sct_out_dec(o, v);
	if (n < width)
		sct_out_fill(o, ' ', width - n);
}

void sct_out_hex(struct sct_out *o, uint64_t v)
{
	char tmp[18];	/* 0x + 16 digits */
	int n = 0;

	if (v == 0) {
		sct_out_putc(o, '0');
		return;
	}
	while (v) {
		tmp[sizeof(tmp) - 1 - n++] = "0123456789abcdef"[v & 15];
		v >>= 4;
	}
	tmp[sizeof(tmp) - 1 - n++] = 'x';
	tmp[sizeof(tmp) - 1 - n++] = '0';
	sct_out_write(o, tmp + sizeof(tmp) - n, (size_t)n);
}

void sct_out_oct(struct sct_out *o, uint64_t v)
{
	char tmp[24];
	int n = 0;

	while (v) {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + (v & 7));
		v >>= 3;
	}
	tmp[sizeof(tmp) - 1 - n++] = '0';
	sct_out_write(o, tmp + sizeof(tmp) - n, (size_t)n);
}
