/* Inside preload/fdpath*.c: recording a descriptor's path. */
#ifndef SCT_FDPATH_INT_H
#define SCT_FDPATH_INT_H

#include <stddef.h>
#include <stdint.h>

struct sct_call;
struct sink;

/* An SCT_BLOB_FDPATH blob for argument arg naming fd (AT_FDCWD: the directory) */
void sct_fdpath_blob_fd(struct sink *s, unsigned arg, int fd);
void sct_fdpath_blob_fds(struct sink *s, unsigned arg, const int *fds, unsigned n);
/* The same for the int at offset off of the structure at p, read fault-safe */
void sct_fdpath_blob_field_fd(struct sink *s, unsigned arg, uint64_t p, size_t off);
/* The same for descriptor fd of the process pidfd refers to (pidfd_getfd) */
void sct_fdpath_remote_fd(struct sink *s, unsigned arg, int pidfd, int fd);
/* The descriptors of argument i that are not plain arguments (fdpath_args.c) */
void sct_fdpath_arg(struct sink *s, const struct sct_call *c, unsigned i, const uint64_t *a,
		    int64_t ret);

#endif
