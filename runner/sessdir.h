/* The session directory: created mode 0700 in $SCTRACE_DIR, else /dev/shm when it is
 * writable with 32 MiB free, else $TMPDIR, else /tmp,
 * removed with every file in it on every exit path the runner survives long enough
 * to see: normal exit, exit(), crash signals (SIGSEGV, SIGABRT, ...). */
#ifndef SCT_SESSION_DIR_H
#define SCT_SESSION_DIR_H

#include <stddef.h>

/* Create the directory; its path is returned (static storage).  NULL + errno on failure. */
const char *sct_session_create(void);

/* Pick the parent directory the way sct_session_create does (exposed for tests). */
const char *sct_session_base(void);

/* Why the last sct_session_base() did not use the first choice, or NULL. */
const char *sct_session_note(void);

/* Remove every file in the directory and the directory; idempotent and
 * async-signal-safe (raw getdents64/unlinkat/rmdir, no malloc). */
void sct_session_remove(void);

#endif
