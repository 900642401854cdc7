/* Shared by the two halves of the ring reader: runner/ringmap.c (finding, checking and
 * mapping rings) and runner/drain.c (copying their records out, retiring them). */
#ifndef SCT_DRAIN_INT_H
#define SCT_DRAIN_INT_H

#include "drain.h"

/* The runner's memory bounds: see drop_read_pages (drain.c) and round_cut (round.c). */
#define DROP_CHUNK  (64u << 10)
#define KEEP_BYTES  (2u << 20)

/* Say once that ring r is corrupt and why, stop reading it, and release its writer.
 * The report is built in one buffer and written with one write(2): it cannot be
 * interleaved with another, and it prints nothing from the ring but numbers. */
void sct_drain_corrupt(struct sct_drain *d, struct sct_rring *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Let r's writer drop and count instead of waiting (set on every pass, not once:
 * the program may clear it). */
void sct_drain_release(struct sct_rring *r);
/* Unmap r and free it (it is off the list already). */
void sct_drain_unmap(struct sct_rring *r);

#endif
