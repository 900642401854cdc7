/* Pid namespaces: the runner's numbers for tasks that number themselves otherwise
 * (runner/pidns.c). */
#ifndef SCT_RUNNER_PIDNS_H
#define SCT_RUNNER_PIDNS_H

#include <stddef.h>
#include "format.h"
#include "record.h"

/* Where the runner is: its namespace, its /proc, its depth below that /proc's
 * namespace; once, before anything reads /proc.  The environment variable that
 * tells traced processes (SCTRACE_PIDNS=..., format/session.h) in buf, or "" when
 * /proc cannot say. */
void sct_pidns_init(char *env, size_t cap);

/* A ring's header named a task of another namespace (or of ours seen through an
 * outer /proc): *pid and *tid become the runner's numbers for it (when the task
 * could say them; the task's own then in *own_pid and *own_tid, else those stay 0)
 * and the task is remembered for the translations below. */
void sct_pidns_ring(const struct sct_ring *h, int *pid, int *tid, int *own_pid, int *own_tid);

/* A record of such a task's ring carries the task's own numbers (own_pid, own_tid):
 * the runner's (pid, tid) instead.  tid 0 (the main thread) stays. */
static inline void sct_pidns_rec(int own_pid, int own_tid, int pid, int tid, struct sct_rec *c)
{
	if (c->pid != own_pid)
		return;
	c->pid = pid;
	if (c->tid == own_tid)
		c->tid = tid;
}

/* The number /proc knows the runner's task pid (and thread tid) by: the same unless
 * the runner's /proc is an outer namespace's.  0 when not known. */
int sct_pidns_proc(int pid);
int sct_pidns_proc_tid(int pid, int tid);

/* The runner's own pid in /proc's namespace. */
int sct_pidns_self(void);

/* `id` (of pid type `type`), as the traced process `pid` (the runner's number for
 * it) passed or received it at time `when`, in the runner's namespace: id itself
 * when that process is in the runner's namespace (no /proc read), 0 when not found
 * or reaped before `when`. */
int sct_pidns_xlate(int pid, int id, int type, uint64_t when);

/* A number not found (in the maps or in /proc) may be a child reaped before the
 * runner mapped its ring, which says its number: fn(arg) maps the rings made since
 * the last scan and returns how many (runner/ringmap.c, sct_drain_scan). */
void sct_pidns_on_miss(unsigned (*fn)(void *), void *arg);

/* Each record, in time order, before it is printed (or filtered out): a wait4 or
 * waitid that reaped a child of another namespace makes its number unknown from then
 * on, as it is to strace. */
void sct_pidns_call(const struct sct_rec *r);

/* -Y: the command name of the runner's task `pid`; when it is gone, "" or with
 * `last` the name it had when last asked about. */
void sct_pidns_comm(int pid, int last, char *buf, size_t cap);

#endif
