/* Output buffer used by every decoder.  No malloc, no stdio: the same code runs in
 * the runner and inside a traced process (standalone mode), possibly in a signal
 * handler.  When the buffer fills it is flushed to `fd` with raw write(2); with
 * fd < 0 it just stops growing and sets `overflow`. */
#ifndef SCT_OUT_H
#define SCT_OUT_H

#include <stddef.h>
#include <stdint.h>

struct sct_out {
	char *buf;
	size_t len, cap;
	int fd;				/* flush target, or -1 */
	int overflow;			/* set when text was lost (fd < 0 and full) */
	int error;			/* errno of a failed flush, 0 if none */
	int xstyle;			/* SCT_XSTR_* for quoted strings (format.h), set per line */
	int cstyle;			/* SCT_CONST_* for named constants (format.h), set per line */
};

void sct_out_init(struct sct_out *o, char *buf, size_t cap, int fd);
void sct_out_flush(struct sct_out *o);

/* The slow paths of the inline functions below: the text does not fit. */
void sct_out_write_slow(struct sct_out *o, const void *p, size_t n);
void sct_out_fill_slow(struct sct_out *o, char c, size_t n);

/* Every decoder writes through these, a few bytes at a time: the common case (the text
 * fits) is a store or a copy, inline, with no call (the runner formats millions of
 * lines a second through them). */
static inline void sct_out_write(struct sct_out *o, const void *p, size_t n)
{
	if (__builtin_expect(o->cap - o->len >= n, 1)) {
		__builtin_memcpy(o->buf + o->len, p, n);
		o->len += n;
	} else {
		sct_out_write_slow(o, p, n);
	}
}

static inline void sct_out_putc(struct sct_out *o, char c)
{
	if (__builtin_expect(o->len < o->cap, 1))
		o->buf[o->len++] = c;
	else
		sct_out_write_slow(o, &c, 1);
}

/* strlen of a literal is folded at compile time */
static inline void sct_out_puts(struct sct_out *o, const char *s)
{
	sct_out_write(o, s, __builtin_strlen(s));
}

/* n copies of c (padding to a column): up to 64 spaces, the common case, are one
 * fixed-size copy (the length is known only at run time) */
extern const char sct_out_spaces[64];

static inline void sct_out_fill(struct sct_out *o, char c, size_t n)
{
	if (c == ' ' && n <= 64 && __builtin_expect(o->cap - o->len >= 64, 1)) {
		__builtin_memcpy(o->buf + o->len, sct_out_spaces, 64);
		o->len += n;
	} else if (__builtin_expect(o->cap - o->len >= n, 1)) {
		__builtin_memset(o->buf + o->len, c, n);
		o->len += n;
	} else {
		sct_out_fill_slow(o, c, n);
	}
}

void sct_out_dec(struct sct_out *o, int64_t v);
void sct_out_udec(struct sct_out *o, uint64_t v);
void sct_out_hex(struct sct_out *o, uint64_t v);	/* 0x1f; 0 prints "0" */
void sct_out_oct(struct sct_out *o, uint64_t v);	/* 0644, 0 prints "0" */
void sct_out_udec_pad(struct sct_out *o, uint64_t v, int width, char pad);
void sct_out_dec_left(struct sct_out *o, int64_t v, size_t width);	/* "%-*lld" */

/* Flushes made by this thread: line.c asks whether the text of the current line is
 * still all in the buffer.  Initial-exec TLS: safe in signal handlers and in vfork
 * children. */
extern __thread unsigned long sct_out_nflushes;

#endif
