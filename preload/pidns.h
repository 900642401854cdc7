/* The pid namespace of this process, for the runner (format/record.h). */
#ifndef SCT_PRELOAD_PIDNS_H
#define SCT_PRELOAD_PIDNS_H

#include "record.h"

/* SCTRACE_PIDNS ("INO:DEV:LEVEL", format/session.h), read by the constructor. */
void sct_pidns_config(const char *s);

/* Fill h's pidns, ns_level, ns_pid, ns_tid, proc_pid and proc_tid for the task
 * pid/tid; all 0 where the runner needs none of them (the common case costs one
 * readlink).  Sets sct_pidns_foreign. */
void sct_pidns_fill(struct sct_ring *h, int pid, int tid);

/* This process is in another pid namespace than the runner: the runner's pid means
 * nothing here (another process, or none), so it is never signalled nor asked about. */
extern int sct_pidns_foreign;

#endif
