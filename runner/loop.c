/* Waiting and draining.  Rings give no wake-up when records arrive, so the loop
 * polls: at once while records flow, every few milliseconds otherwise; inotify says
 * when a new ring file appears, SIGCHLD (through a signalfd) when a child ends. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "loop.h"
#include "rnotes.h"

#define FLUSH_NS 10000000ull	/* see sct_loop_run */
#define BUSY_SYS_NS 1000000ull	/* see sct_loop_run */
#define IDLE_MS      10		/* poll period without traffic; backs off from 1 ms */
#define LIVENESS_NS  100000000u	/* how often to ask /proc whether ring owners live */

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void sct_loop_sigset(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
}

/* SIGTERM and SIGHUP for sctrace go to the command.  SIGINT and SIGQUIT do not:
 * they come from a terminal's ^C/^\ or a kill of the whole process group, which
 * has reached the command already, and nothing in the siginfo tells a kill(-pgid)
 * from a kill(pid) (both SI_USER with the sender's pid).  strace does the same: its
 * default for -o FILE PROG (-I3, "never interruptible") leaves them blocked, and a
 * SIGINT sent to strace alone never reaches the command.  A SIGHUP from a hung-up
 * terminal (SI_KERNEL) went to the foreground group as well. */
static void forward(struct sct_loop *l, const struct signalfd_siginfo *si)
{
	int sig = (int)si->ssi_signo;

	if (sig == SIGINT || sig == SIGQUIT || si->ssi_code == SI_KERNEL)
		return;
	/* With the command gone, a signal to end is for us: whatever the rings left
	 * hold (a ring that never drains, a process we wait for that ignores it),
	 * we print what we have and end. */
	if (l->root_done)
		l->stop = 1;
	if (!l->root_done) {
		kill(l->root, sig);
		return;
	}
	/* a ring's pid is the program's claim: signal only processes that are ours */
	for (const struct sct_rring *r = l->drain->rings; r; r = r->next)
		if (!r->foreign && sct_is_descendant(r->pid))
			kill(r->pid, sig);
}

static void read_signals(struct sct_loop *l)
{
	struct signalfd_siginfo si;

	while (read(l->sfd, &si, sizeof(si)) == (ssize_t)sizeof(si))
		if (si.ssi_signo != SIGCHLD)
			forward(l, &si);
}

/* Reap every child that ended; 1 when none is left at all. */
static int reap(struct sct_loop *l)
{
	int st;
	pid_t p;

	while ((p = waitpid(-1, &st, WNOHANG | __WALL)) > 0) {
		if (p == l->root) {
			l->root_done = 1;
			l->root_status = st;
		} else {	/* an orphan (-f makes us a subreaper): its exit line */
			sct_merge_reaped(l->merge, p, st, now_ns());
		}
	}
	return p < 0 && errno == ECHILD;
}

static int root_has_rings(const struct sct_loop *l)
{
	for (const struct sct_rring *r = l->drain->rings; r; r = r->next)
		if (r->pid == l->root)
			return 1;
	return 0;
}

/* The root is gone and its rings are drained: if the library did not say how it
 * ended (killed, or it never loaded), say it as strace would. */
static void root_line(struct sct_loop *l)
{
	struct sct_rec r;

	l->root_line = 1;
	if (l->merge->root_ended)
		return;
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.pid = r.tid = l->root;
	r.t0 = r.t1 = now_ns();
	if (WIFSIGNALED(l->root_status)) {
		r.kind = SCT_REC_SIGNAL;
		r.arg[0] = (uint64_t)WTERMSIG(l->root_status);
		r.arg[1] = WCOREDUMP(l->root_status) ? 1 : 0;
	} else {
		r.kind = SCT_REC_EXIT;
		r.arg[0] = (uint64_t)WEXITSTATUS(l->root_status);
	}
	sct_merge_emit(l->merge, &r, l->drain->nrings + 1);
	sct_output_flush(l->out);
}

static void retire(struct sct_loop *l)
{
	sct_notes_poll(l->drain, l->out);	/* the last look at their note slots */
	sct_pend_retire(l->merge, l->drain);	/* a call its task died in */
	for (const struct sct_rring *r = l->drain->rings; r; r = r->next)
		if (r->retire)
			sct_output_task_done(l->out, r->tid);
	sct_drain_retire(l->drain);
}

int sct_loop_run(struct sct_loop *l)
{
	struct sct_drain *d = l->drain;
	uint64_t last_live = 0, last_scan = 0, last_sys = 0, last_flush = 0;
	int wait_ms = 0, no_children = 0;

	d->ours = sct_is_descendant;	/* a ring named for another process is a forgery */

	for (;;) {
		struct pollfd pfd[2] = {
			{ .fd = l->sfd, .events = POLLIN },
			{ .fd = sct_drain_fd(d), .events = POLLIN },
		};
		uint64_t now = now_ns();
		int check;

		/* While records flow, signals, new rings and children are looked at once a
		 * millisecond, not on every pass: those system calls were most of the
		 * runner's time (1.3M records/s before, on 1M getppid records). */
		if (wait_ms || now - last_sys > BUSY_SYS_NS) {
			last_sys = now;
			if (poll(pfd, pfd[1].fd >= 0 ? 2 : 1, wait_ms) > 0) {
				if (pfd[0].revents & POLLIN)
					read_signals(l);
				if (pfd[1].revents & POLLIN)
					sct_drain_events(d);
			}
			no_children = reap(l);
			now = now_ns();
		}
		/* after the root is reaped every pass rescans: its last ring files exist by now */
		if (d->rescan || l->root_done || now - last_scan > LIVENESS_NS) {
			last_scan = now;
			sct_drain_scan(d);
			l->merge->scans++;
			sct_notes_scan_dir(d->dirfd, l->out);
			if (l->opts->count)
				sct_merge_announce(l->merge, d);
		}
		/* records flowing: go again at once; then 1, 2, 4, 8, 10 ms: a writer that
		 * filled its ring sleeps until a pass makes room */
		if (sct_drain_collect(d) > 0)
			wait_ms = 0;
		else
			wait_ms = wait_ms ? (wait_ms * 2 > IDLE_MS ? IDLE_MS : wait_ms * 2) : 1;
		sct_merge_batch(l->merge, d);
		sct_notes_poll(d, l->out);
		/* output goes out when the records stop, or every 10 ms while they flow
		 * (a write per batch of a few records cost more than the formatting) */
		if (wait_ms || now - last_flush > FLUSH_NS) {
			last_flush = now;
			sct_output_flush(l->out);
		}
		/* ask /proc at once when the end is near, else now and then */
		check = (l->root_done && (no_children || root_has_rings(l))) ||
			now - last_live > LIVENESS_NS;
		if (check)
			last_live = now;
		if (sct_drain_mark(d, check ? sct_task_alive : NULL))
			retire(l);
		if (l->root_done && !l->root_line && !root_has_rings(l))
			root_line(l);
		sct_merge_owed(l->merge, d, 0);
		if (l->root_done && d->nrings == 0 && (!l->opts->follow || no_children))
			break;
		if (l->stop) {
			if (!l->root_line)
				root_line(l);
			break;
		}
	}
	sct_merge_owed(l->merge, d, 1);
	sct_output_flush(l->out);
	return l->root_status;
}
