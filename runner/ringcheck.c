/* The checks the runner makes of what a ring holds before it uses it (runner/drain.c
 * applies them): the clock of its header and each record, in the runner's own copy. */
#include "calls.h"
#include "drain.h"
#include "ringcheck.h"

/* ns per tick = mult / 2^shift: a clock between 1/256 and 256 ns a tick (a 4 MHz to
 * 256 GHz counter) is a clock; anything else would turn times into nonsense, and a
 * shift of 64 or more is undefined behaviour. */
const char *sct_bad_clock(const struct sct_clock *c)
{
	unsigned __int128 m = c->mult;

	if (c->shift >= 64)
		return "clock shift";
	if (!c->mult || m * 256 < ((unsigned __int128)1 << c->shift) ||
	    m > ((unsigned __int128)256 << c->shift))
		return "clock mult";
	return NULL;
}

/* A record's pid and tid: its ring's task, or a vfork child writing in its parent's
 * ring as a task of its own (pid == tid).  tid 0 means the pid's main thread. */
static int bad_task(const struct sct_rring *r, const struct sct_rec *c)
{
	if (c->pid == r->pid)
		return c->tid != r->tid && c->tid != 0;
	return c->pid <= 0 || (c->tid != c->pid && c->tid != 0);
}

/* Check the copy `c` of a record of `size` bytes (size already in bounds); NULL when
 * sound, else what is wrong, with its number in *val. */
const char *sct_bad_record(const struct sct_rring *r, const struct sct_rec *c, uint32_t size,
			      uint64_t *val)
{
	const unsigned char *p = (const unsigned char *)(c + 1), *end = (const unsigned char *)c + size;

	*val = c->kind;
	if (c->kind > SCT_REC_DETACH)
		return "record kind";
	*val = size;
	if (size < sizeof(*c) || size > SCT_REC_MAX)
		return "record size";
	*val = c->call;
	if (c->kind == SCT_REC_CALL && !(c->call & SCT_CALL_BY_NR) &&
	    (c->call >= r->ncalls || c->call >= sct_ncalls))
		return "call number";	/* (a call known by number only may be any number) */
	*val = (uint64_t)(uint32_t)c->pid;
	if (bad_task(r, c))
		return "record of pid";
	/* the blobs tile the record exactly: none claims more than is left */
	while (p < end) {
		const struct sct_blob *b = (const struct sct_blob *)p;

		*val = (uint64_t)(end - p) < sizeof(*b) ? (uint64_t)(end - p) : b->len;
		if ((uint64_t)(end - p) < sizeof(*b) || sct_blob_span(b) > (uint64_t)(end - p))
			return "blob length";
		p += sct_blob_span(b);
	}
	return NULL;
}
