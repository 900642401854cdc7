#ifndef SCT_RINGFILE_H
#define SCT_RINGFILE_H

#include <stddef.h>

/* "<session>/<pid>.<tid>[.<gen>].ring" into buf. */
void sct_ring_path(char *buf, size_t cap, int pid, int tid, unsigned gen);
/* Create, reserve (every page backed) and map a ring file of `len` bytes for pid/tid;
 * *gen is the n of its name.  NULL with *err = -errno, and nothing left behind, when
 * it cannot be made without risking a signal in the program. */
void *sct_ringfile_map(int pid, int tid, size_t len, unsigned *gen, long *err);

/* The session directory, reached without following a symlink (one swapped in during
 * the run must not lead us elsewhere): an O_PATH descriptor to close, or -errno. */
long sct_session_dirfd(void);

#endif
