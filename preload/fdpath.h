/* -y and -P: descriptors' paths recorded with the call (preload/fdpath.c). */
#ifndef SCT_FDPATH_H
#define SCT_FDPATH_H

#include <stddef.h>
#include <stdint.h>

struct sct_call;
struct sink;

/* Does a record of c carry descriptors' paths (when sct_cfg.fdpath is set)? */
int sct_fdpath_wanted(const struct sct_call *c);

/* Before the call (wrapper or trap): the path of c's fd_pre argument, if any. */
void sct_fdpath_pre(const struct sct_call *c, const uint64_t *a);

/* After the call, in each capture pass: the SCT_BLOB_FDPATH blobs of the record. */
void sct_fdpath_capture(struct sink *s, const struct sct_call *c, const uint64_t *a,
			int64_t ret);

/* Before a record's two capture passes: the second reuses what the first read. */
void sct_fdpath_record(void);

/* -y on select's sets: the descriptors set in `set` (as passed, `bytes` of them). */
void sct_fdpath_fdset(struct sink *s, unsigned arg, const unsigned char *set, size_t bytes,
		      uint64_t nfds);

/* The thread is done: its scratch mapping goes (preload/thread.c). */
void sct_fdpath_thread_end(void);

#endif
