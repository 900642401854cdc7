/* Helpers for the format/ unit tests: build a record with blobs by hand, run a
 * decoder or the line formatter into a string. */
#ifndef SCT_TEST_FORMAT_REC_H
#define SCT_TEST_FORMAT_REC_H

#include <stdint.h>
#include <string.h>
#include "decode.h"

struct trec {
	_Alignas(8) unsigned char buf[16384];
	char text[16384];
	struct sct_out o;
	struct sct_fmt_opts f;
};

static inline struct sct_rec *trec_rec(struct trec *t)
{
	return (struct sct_rec *)t->buf;
}

static inline struct sct_rec *trec_init(struct trec *t, int64_t ret, uint64_t a0, uint64_t a1,
					uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct sct_rec *r = trec_rec(t);

	memset(t->buf, 0, sizeof(t->buf));
	r->size = sizeof(*r);
	r->kind = SCT_REC_CALL;
	r->pid = r->tid = 1234;
	r->ret = ret;
	r->arg[0] = a0; r->arg[1] = a1; r->arg[2] = a2;
	r->arg[3] = a3; r->arg[4] = a4; r->arg[5] = a5;
	sct_fmt_defaults(&t->f);
	return r;
}

static inline void trec_blob(struct trec *t, unsigned arg, unsigned when, const void *data,
			     uint32_t len, unsigned flags)
{
	struct sct_rec *r = trec_rec(t);
	struct sct_blob *b = (struct sct_blob *)(t->buf + r->size);

	b->arg = (uint8_t)arg;
	b->when = (uint8_t)when;
	b->flags = (uint8_t)flags;
	b->len = len;
	memcpy(b + 1, data, len);
	r->size += (uint32_t)(sizeof(*b) + sct_align8(len));
}

static inline void trec_out(struct trec *t)
{
	sct_out_init(&t->o, t->text, sizeof(t->text) - 1, -1);
}

static inline const char *trec_text(struct trec *t)
{
	t->text[t->o.len] = 0;
	return t->text;
}

/* The whole line for call `c`. */
static inline const char *trec_line(struct trec *t, const struct sct_call *c)
{
	trec_out(t);
	sct_format_record_call(&t->o, trec_rec(t), c, &t->f);
	return trec_text(t);
}

/* One argument through its decoder; "<omitted>" when the decoder leaves it out. */
static inline const char *trec_arg(struct trec *t, const struct sct_call *c, unsigned i)
{
	struct sct_dec d = { &t->o, trec_rec(t), c, &t->f, 0 };

	trec_out(t);
	if (sct_decoders[c->arg[i].kind](&d, i))
		return "<omitted>";
	return trec_text(t);
}

#define A(kind, aux) { SCT_K_##kind, aux }
#define NOAUX 0xff

/* struct sockaddr_in for a.b.c.d:port, as bytes */
static inline void mk_sin(unsigned char *p, unsigned port, unsigned a, unsigned b, unsigned c,
			  unsigned d)
{
	memset(p, 0, 16);
	p[0] = 2;
	p[2] = (unsigned char)(port >> 8);
	p[3] = (unsigned char)port;
	p[4] = (unsigned char)a; p[5] = (unsigned char)b; p[6] = (unsigned char)c; p[7] = (unsigned char)d;
}

#endif
