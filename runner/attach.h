/* -p PID: attaching to processes started with the library and SCTRACE_ATTACH=1
 * (format/attachpage.h), and detaching from them. */
#ifndef SCT_RUNNER_ATTACH_H
#define SCT_RUNNER_ATTACH_H

#include "merge.h"
#include "options.h"

/* Attach to every pid of o->pids, handing each the session's variables `set`
 * (NULL-terminated "NAME=VALUE" strings, format/session.h); says on stderr what
 * succeeded ("Process PID attached") and what failed; their tasks are made known to
 * m (not announced again).  Returns how many succeeded. */
int sct_attach_all(const struct sct_opts *o, char *const *set, struct sct_merge *m);

/* A ring's pid that is ours: an attached process, a descendant of one, or of us. */
int sct_attach_ours(int pid);

/* How many attached processes still live. */
int sct_attach_alive(void);

/* Tell every attached process to go dormant (async-signal-safe: stores only). */
void sct_attach_release(void);

/* sct_attach_release, then "Process PID detached" for each one still alive. */
void sct_attach_detach_all(const struct sct_opts *o);

#endif
