/* The session directory: created mode 0700 in $SCTRACE_DIR, else /dev/shm when it is
 * writable with 32 MiB free, else $TMPDIR, else /tmp, under a parent that no other
 * user can rename things in; held open for the whole run, so that every later use
 * (scan, open, unlink, rmdir) goes through the descriptor and never through the
 * name, which another user might have pointed elsewhere; removed with every file in
 * it on every exit path the runner survives long enough to see: normal exit,
 * exit(), crash signals (SIGSEGV, SIGABRT, ...). */
#ifndef SCT_SESSION_DIR_H
#define SCT_SESSION_DIR_H

#include <stddef.h>

/* Create the directory; its path is returned (static storage).  NULL on failure,
 * with the whole message (without "sctrace: ") in err. */
const char *sct_session_create(char *err, size_t errlen);

/* The open session directory (O_RDONLY|O_DIRECTORY), or -1 when there is none. */
int sct_session_fd(void);

/* Pick the parent directory the way sct_session_create does (exposed for tests). */
const char *sct_session_base(void);

/* Why the last sct_session_base() did not use the first choice, or NULL. */
const char *sct_session_note(void);

/* Open `dir` (O_PATH) after checking it and every directory above it: each must be
 * owned by root or by us, and one that others may write must be sticky, or another
 * user could rename the session directory and put a symlink in its place.  The
 * descriptor, or -1 with the reason in err. */
int sct_session_parent(const char *dir, char *err, size_t errlen);

/* Remove every file in the directory and the directory; idempotent and
 * async-signal-safe (raw getdents64/unlinkat through the held descriptors). */
void sct_session_remove(void);

#endif
