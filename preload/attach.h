/* Dormant until `sctrace -p` attaches (format/attach.h has the control page): every
 * thread looks at the page's generation on its next wrapped (or trapped) call, joins
 * a new session there and leaves one the runner left. */
#ifndef SCT_ATTACH_H
#define SCT_ATTACH_H

#include <stdint.h>
#include "attachpage.h"

struct sct_thread;

/* The control page while the process may be attached, NULL otherwise (the test of
 * the slow paths: no cost to a process started by the runner). */
extern struct sct_attach_page *sct_attach_pg;
/* The generation this thread last acted on, and whether it is in its session. */
extern __thread uint32_t sct_attach_seen __attribute__((tls_model("initial-exec")));
extern __thread uint8_t sct_attach_in __attribute__((tls_model("initial-exec")));

/* Dormant, and nothing new on the page: what a dormant thread's wrapped call asks
 * before anything else (a load of the page and a compare). */
static inline int sct_attach_dormant(void)
{
	const struct sct_attach_page *pg = sct_attach_pg;

	return pg && !sct_attach_in &&
	       __atomic_load_n(&pg->gen, __ATOMIC_RELAXED) == sct_attach_seen;
}

/* SCTRACE_ATTACH=1 is set (and no session given): lie dormant. */
int sct_attach_wanted(void);
/* At start-up, dormant: create and map the control file.  0 or -errno. */
int sct_attach_init(void);
/* Is the calling thread in the current session?  Joins one the runner published
 * (its settings loaded, the thread state NEW: the caller opens its ring) or leaves one
 * the runner left (ring closed, dispatch off).  1 in the session, 0 dormant. */
int sct_attach_poll(struct sct_thread *t);
/* The thread has its ring in an attached session: complete mode arms it. */
void sct_attach_joined(struct sct_thread *t);
/* In a forked child (after sct_thread_forked). */
void sct_attach_forked(void);
/* At process exit: remove the control file. */
void sct_attach_exit(void);

/* reserve.c: a new runner attached, the last one's end is not its. */
void sct_reserve_new_session(void);
/* init.c: load the session's settings through `get` (the page's variables). */
int sct_config_load(const char *(*get)(const char *name));

#endif
