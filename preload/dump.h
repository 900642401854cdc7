/* -e read= / -e write=: capture of the data to hex-dump (preload/dump.c). */
#ifndef SCT_DUMP_H
#define SCT_DUMP_H

#include <stdint.h>
#include "sink.h"

/* Read the two sets (SCTRACE_DUMP_READ / SCTRACE_DUMP_WRITE) into sct_cfg; sets
 * sct_cfg.dump when either holds a descriptor. */
void sct_dump_init(const char *read_set, const char *write_set);

/* Does the call dump anything (only once sct_cfg.dump)? */
int sct_dump_call(unsigned call);

/* Add the SCT_BLOB_ARG_DUMP blob of this call, if its descriptor is in the set. */
void sct_capture_dump(struct sink *s, unsigned call, const uint64_t *a, int64_t ret);

#endif
