/* Orphaned process groups under a subreaper runner (runner/orphans.c). */
#ifndef SCT_ORPHANS_H
#define SCT_ORPHANS_H

#include <sys/types.h>

#define SCT_ORPHANS_MAX 64

struct sct_orphans {
	pid_t seen[SCT_ORPHANS_MAX];	/* adopted children already looked at */
	unsigned nseen;
	pid_t hupped[SCT_ORPHANS_MAX];	/* groups sent SIGHUP + SIGCONT */
	unsigned nhupped;
};

/* Look at the children the runner adopted since the last call (root is its own
 * child, not adopted); do for their groups what the kernel would have done. */
void sct_orphans_check(struct sct_orphans *o, pid_t root);

/* What /proc/PID/stat says: state, parent, group, session; -1 when gone. */
struct sct_pstat {
	char state;
	pid_t ppid, pgrp, session;
};
int sct_pstat(pid_t pid, struct sct_pstat *s);

#endif
