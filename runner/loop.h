/* The runner's main loop: wait for the command and its traced descendants while
 * draining their rings, forward SIGTERM/SIGHUP to the command (see forward()). */
#ifndef SCT_LOOP_H
#define SCT_LOOP_H

#include <sys/types.h>
#include "drain.h"
#include "merge.h"
#include "options.h"
#include "orphans.h"
#include "output.h"

struct sct_loop {
	const struct sct_opts *opts;
	struct sct_drain *drain;
	struct sct_merge *merge;
	struct sct_output *out;
	int sfd;			/* signalfd for SIGCHLD and the forwarded signals */
	pid_t root;
	int root_done;			/* reaped; root_status is its wait status */
	int root_status;
	int root_line;			/* its "+++ exited/killed +++" is handled */
	int stop;			/* asked to end after the command ended: end now */
	int attach;			/* -p: processes attached (runner/attach.c) */
	int stop_sig;			/* -p alone: the signal that ended the trace */
	struct sct_orphans orphans;	/* -f: the groups of the children we adopted */
};

/* The signals the loop takes through its signalfd (blocked by the caller). */
void sct_loop_sigset(sigset_t *set);

/* Run until the command has exited, every ring is drained and retired, and (with
 * -f) no descendant is left.  Returns the command's wait status. */
int sct_loop_run(struct sct_loop *l);

#endif
