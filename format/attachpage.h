/* The contract for `sctrace -p PID`: a program started with the library preloaded and
 * SCTRACE_ATTACH=1 (and no session) lies dormant and creates, at start, a control file
 * "<base>/sctrace-<uid>/<pid>.attach" (directory mode 0700, file mode 0600, both owned
 * by the program's user: only that user, or root, can open it).  The file holds one
 * struct sct_attach_page, mapped shared by the process and by the runner that attaches.
 *
 * <base> is $SCTRACE_DIR when set, else /dev/shm when it is a writable directory, else
 * /tmp; the runner looks in the same places (its own $SCTRACE_DIR first).
 *
 * The runner claims the page (state DORMANT -> CLAIMED by a compare-and-swap, its pid
 * in `runner`), writes the session's variables into `env` (the same "NAME=VALUE"
 * strings it gives a command it starts, format/session.h), then publishes state
 * ATTACHED and a new `gen`.  Each thread of the program compares `gen` with the one it
 * last saw at its next wrapped call (or trapped call): a new ATTACHED gen makes it open
 * a ring in the session and arm itself; a new DORMANT gen (the runner detached: state
 * back to DORMANT, gen + 1) makes it close its ring and disarm. */
#ifndef SCT_ATTACHPAGE_H
#define SCT_ATTACHPAGE_H

#include <stdint.h>

#define SCT_ENV_ATTACH    "SCTRACE_ATTACH"	/* "1": without a session, lie dormant until
						 * `sctrace -p` attaches */
#define SCT_ATTACH_MAGIC  0x41544353u		/* "SCTA" */
#define SCT_ATTACH_SIZE   16384
#define SCT_ATTACH_SUFFIX ".attach"

enum { SCT_AT_DORMANT = 0, SCT_AT_CLAIMED, SCT_AT_ATTACHED };

struct sct_attach_page {
	uint32_t magic;
	uint32_t size;			/* SCT_ATTACH_SIZE */
	int32_t pid;			/* the process that made the file (the runner finds
					 * the file in /proc/PID/maps) */
	uint32_t pad;
	uint64_t start;			/* its start time, /proc/PID/stat field 22 (0: not
					 * known): a file left by a process that died is not
					 * taken for another's with its pid */
	uint32_t state;			/* SCT_AT_*, written by the runner */
	uint32_t gen;			/* + 1 at every attach and every detach */
	int32_t runner;			/* the runner holding the claim */
	uint32_t env_len;		/* bytes used in env */
	uint32_t threads;		/* threads that joined this gen (the library's count) */
	uint32_t pad2;
	char env[SCT_ATTACH_SIZE - 48];	/* "NAME=VALUE\0" ... */
};

_Static_assert(sizeof(struct sct_attach_page) == SCT_ATTACH_SIZE, "attach page size");

#endif
