/* Will an executable run with the tracer in it?  Shared by the exec wrappers (an exec
 * from a traced process) and the runner (its own command). */
#ifndef SCT_IMAGE_H
#define SCT_IMAGE_H

#include <sys/stat.h>
#include <sys/types.h>

/* Read `len` bytes at `off` of an open file: the number read, or < 0. */
typedef long (*sct_pread_fn)(int fd, void *buf, size_t len, off_t off);

/* Why the image open on `fd` (with `st` from stat) runs without the tracer, for a
 * process with real ids uid/gid, or NULL if it is traced.  With fd < 0 (unreadable)
 * only the mode bits are judged.  The reason reads in the
 * note "sctrace: pid N: 'PATH' REASON: not traced". */
const char *sct_image_untraced(int fd, const struct stat *st, uid_t uid, gid_t gid,
			       sct_pread_fn rd);
/* The same as a number: 0 (traced) or SCT_WHY_SETUID.. (format/notes.h). */
int sct_image_why(int fd, const struct stat *st, uid_t uid, gid_t gid, sct_pread_fn rd);
/* "is setuid" for SCT_WHY_SETUID, ...; NULL for 0. */
const char *sct_image_reason(int why);

#endif
