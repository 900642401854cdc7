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
static __thread unsigned long flushes;

unsigned long sct_out_flushes(void)
{
	return flushes;
}

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
	flushes++;
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

void sct_out_putc(struct sct_out *o, char c)
{
	if (room(o))
		o->buf[o->len++] = c;
}

void sct_out_write(struct sct_out *o, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		size_t k;

		if (!room(o))
			return;
		k = o->cap - o->len;
		if (k > n)
			k = n;
		for (size_t i = 0; i < k; i++)
			o->buf[o->len + i] = s[i];
		o->len += k;
		s += k;
		n -= k;
	}
}

void sct_out_puts(struct sct_out *o, const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	sct_out_write(o, s, n);
}

void sct_out_udec(struct sct_out *o, uint64_t v)
{
	sct_out_udec_pad(o, v, 0, ' ');
}

void sct_out_dec(struct sct_out *o, int64_t v)
{
	if (v < 0) {
		sct_out_putc(o, '-');
		sct_out_udec(o, -(uint64_t)v);
	} else {
		sct_out_udec(o, (uint64_t)v);
	}
}

void sct_out_udec_pad(struct sct_out *o, uint64_t v, int width, char pad)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (int i = n; i < width; i++)
		sct_out_putc(o, pad);
	sct_out_write(o, tmp + sizeof(tmp) - n, (size_t)n);
}

void sct_out_hex(struct sct_out *o, uint64_t v)
{
	char tmp[18];
	int n = 0;

	if (v == 0) {
		sct_out_putc(o, '0');
		return;
	}
	while (v) {
		tmp[sizeof(tmp) - 1 - n++] = "0123456789abcdef"[v & 15];
		v >>= 4;
	}
	sct_out_write(o, "0x", 2);
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
