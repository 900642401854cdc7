/* The decoding vocabulary, after strace's printfd/printpath/printflags/printxval:
 * every argument decoder is composed from these.  Internal to format/. */
#ifndef SCT_DECODE_H
#define SCT_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include "calls.h"
#include "format.h"

/* A named constant: { value, "NAME" }, tables end with { 0, NULL }. */
struct sct_xlat {
	uint64_t val;
	const char *name;
};

/* What a decoder sees. */
struct sct_dec {
	struct sct_out *o;
	const struct sct_rec *r;
	const struct sct_call *c;
	const struct sct_fmt_opts *f;
};

/* Print argument i of d->r.  Return 0 when something was printed, 1 when this
 * argument is omitted altogether (mode of openat without O_CREAT; no comma). */
typedef int sct_decoder(const struct sct_dec *d, unsigned i);

/* One decoder per enum sct_kind, in kind order (format/decode.c). */
extern sct_decoder *const sct_decoders[];

/* --- vocabulary ---------------------------------------------------------------- */

/* Quoted C string as strace prints it: "a\nb\0\t\"" with \ooo octal escapes for other
 * non-printables; at most `max` bytes shown; `more` (source longer than shown, or the
 * capture was truncated) appends "..." after the closing quote. */
void sct_print_quoted(struct sct_out *o, const unsigned char *s, size_t n, size_t max, int more);

/* The captured string or buffer behind argument i at `when`, cut at -s where
 * `limit` is 0 (PATH prints whole: pass limit = 4096).  Prints the address when
 * nothing was captured (NULL prints "NULL"). */
void sct_print_strarg(const struct sct_dec *d, unsigned i, unsigned when, size_t limit);

void sct_print_addr(struct sct_out *o, uint64_t p);		/* NULL or 0x7ffd1234 */

/* Flags: "O_RDONLY|O_CLOEXEC"; bits not in the table print as "0x40" after a '|';
 * a zero value prints "0" (or the table's zero entry if it has one, e.g. O_RDONLY). */
void sct_print_flags(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt);

/* Exact value: "SEEK_SET"; unknown prints "0x9 /* SEEK_??? * /" as strace does, with
 * `dflt` being "SEEK_???" (the number in decimal or hex as strace prints that table). */
void sct_print_xval(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt);
const char *sct_xlat_find(const struct sct_xlat *t, uint64_t v);

void sct_print_signame(struct sct_out *o, int sig);		/* SIGINT, SIGRTMIN, SIGRT_3, 99 */
void sct_print_sigset(struct sct_out *o, const uint64_t *mask);	/* [INT TERM], ~[KILL STOP], [] */

/* Blob lookup shortcuts. */
const struct sct_blob *sct_arg_in(const struct sct_dec *d, unsigned i);
const struct sct_blob *sct_arg_out(const struct sct_dec *d, unsigned i);

/* The call failed (ret in -4095..-1). */
static inline int sct_failed(const struct sct_rec *r)
{
	return r->ret < 0 && r->ret >= -4095;
}

#endif
