#ifndef SCT_RINGCHECK_H
#define SCT_RINGCHECK_H

#include <stdint.h>
#include "record.h"

struct sct_rring;

/* NULL when the ring's clock converts ticks sanely, else what is wrong. */
const char *sct_bad_clock(const struct sct_clock *c);

/* Check the copy `c` of a record of `size` bytes (size already in bounds) read from
 * ring r: NULL when sound, else what is wrong, with its number in *val. */
const char *sct_bad_record(const struct sct_rring *r, const struct sct_rec *c, uint32_t size,
			   uint64_t *val);

#endif
