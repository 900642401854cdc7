/* Standalone mode (LD_PRELOAD without the runner): rings live in private memory and
 * the process prints them itself to stderr or SCTRACE_OUTPUT, when a ring fills, when
 * a thread exits and when the process exits; SCTRACE_COUNT=1 prints the -c table. */
#ifndef SCT_STANDALONE_H
#define SCT_STANDALONE_H

#define SCT_TEXT_BUF 8192		/* text buffer after each ring */

struct sct_thread;

void sct_standalone_add(struct sct_thread *t);
/* Print t's committed records; returns how many bytes it freed. */
long sct_standalone_flush(struct sct_thread *t);
void sct_standalone_forget(void);
void sct_standalone_exit(void);

#endif
