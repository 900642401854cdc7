/* Waiting and draining.  The loop sleeps in poll() on one signalfd: SIGCHLD says a
 * child ended, SIGURG that a writer rang (a new ring, a ring past half full, a full
 * ring: format/record.h has the protocol), the others are forwarded.  While records
 * flow in quantity it goes again at once; with less it sleeps, at most SCT_LATENCY_MS
 * (how late a line may show on a terminal).  No inotify: closing one costs the
 * kernel an RCU grace period, 5 to 15 ms here, at every exit. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "attach.h"
#include "calibrate.h"
#include "loop.h"
#include "rnotes.h"

#define FLUSH_NS 10000000ull	/* see sct_loop_run */
#define BUSY_SYS_NS 1000000ull	/* see sct_loop_run */
#define SCT_LATENCY_MS 10	/* longest sleep while the command runs */
#define BUSY_BYTES  (64u << 10)	/* a pass that took this much goes again at once */
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
	sigaddset(set, SIGURG);		/* a writer's bell */
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

	/* -p without a command: any of them ends the trace, and we detach (strace) */
	if (l->attach && !l->root) {
		l->stop = 1;
		l->stop_sig = sig;
		return;
	}
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

	while (read(l->sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGURG)	/* a writer's bell: maybe a new ring */
			l->drain->rescan = 1;
		else if (si.ssi_signo != SIGCHLD)
			forward(l, &si);
	}
}

/* Tell every writer we are about to sleep, then look once more (after a fence that
 * pairs with the writer's, preload/reserve.c): 0 when a ring is past half full or its
 * writer waits, and the sleep is off. */
static int sleep_begin(struct sct_drain *d)
{
	for (struct sct_rring *r = d->rings; r; r = r->next)
		if (!r->bad)
			__atomic_store_n(&r->hdr->reader_sleeps, 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (struct sct_rring *r = d->rings; r; r = r->next) {
		uint64_t half = ((uint64_t)r->mask + 1) / 2;

		if (r->bad)
			continue;
		/* The writer rings when it reserves the record that crosses half, which it
		 * commits (and we see in head) a moment later: up to two records (one of a
		 * signal handler's inside it) short of half counts as half.  A head behind
		 * the tail reads as full: the pass then finds it corrupt. */
		half = half > 2 * SCT_REC_MAX ? half - 2 * SCT_REC_MAX : 0;
		if (r->mask && __atomic_load_n(&r->hdr->head, __ATOMIC_ACQUIRE) - r->tail > half)
			return 0;
		if (__atomic_load_n(&r->hdr->waiting, __ATOMIC_ACQUIRE))
			return 0;
	}
	return 1;
}

static void sleep_end(struct sct_drain *d)
{
	for (struct sct_rring *r = d->rings; r; r = r->next)
		if (!r->bad)
			__atomic_store_n(&r->hdr->reader_sleeps, 0, __ATOMIC_RELAXED);
}

/* Before the TSC's rate is known (calibrate.h) records wait in their rings, unless the
 * command ended or a ring needs room: then the rate is fixed over what has passed. */
static int may_collect(struct sct_loop *l, uint64_t now)
{
	struct sct_calib *c = l->drain->calib;

	if (!c || c->done)
		return 1;
	if (!l->root_done && !sct_calib_due(c, now) && sleep_begin(l->drain)) {
		sleep_end(l->drain);
		return 0;
	}
	sct_calib_finish(c);
	return 1;
}

/* How long to sleep, in ms: SCT_LATENCY_MS, or until the calibration is due.  With
 * -c no line waits for us (rings hold counters, not records): until the next look at
 * whether ring owners live. */
static int sleep_ms(const struct sct_loop *l, uint64_t now)
{
	const struct sct_calib *c = l->drain->calib;
	uint64_t left;

	if (!c || c->done)
		return l->opts->count ? (int)(LIVENESS_NS / 1000000) : SCT_LATENCY_MS;
	left = now - c->ns0 >= SCT_CALIB_NS ? 0 : SCT_CALIB_NS - (now - c->ns0);
	return (int)(left / 1000000 + 1) < SCT_LATENCY_MS ? (int)(left / 1000000 + 1) : SCT_LATENCY_MS;
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

static int never_alive(int pid, int tid)
{
	(void)pid;
	(void)tid;
	return 0;
}

/* -p: the attached threads stop writing at their next call; their rings end here,
 * what they counted (-c) goes into the totals. */
static void detach(struct sct_loop *l)
{
	struct sct_drain *d = l->drain;

	sct_attach_release();
	if (d->calib && !d->calib->done)
		sct_calib_finish(d->calib);
	sct_drain_collect(d);
	sct_merge_batch(l->merge, d);
	l->merge->detach_all = 1;
	if (sct_drain_mark(d, never_alive))
		retire(l);
}

int sct_loop_run(struct sct_loop *l)
{
	struct sct_drain *d = l->drain;
	uint64_t last_live = 0, last_scan = 0, last_sys = 0, last_flush = 0;
	int idle = 0, no_children = 0;

	/* a ring named for another process is a forgery */
	d->ours = l->attach ? sct_attach_ours : sct_is_descendant;

	for (;;) {
		struct pollfd pfd = { .fd = l->sfd, .events = POLLIN };
		uint64_t now = now_ns();
		size_t got = 0;
		int check;

		/* While records flow, signals and children are looked at once a millisecond,
		 * not on every pass: those system calls were most of the runner's time (1.3M
		 * records/s before, on 1M getppid records).  Idle, sleep until a signal. */
		if (idle || now - last_sys > BUSY_SYS_NS) {
			int ms = idle && sleep_begin(d) ? sleep_ms(l, now) : 0;

			if (poll(&pfd, 1, ms) > 0 && (pfd.revents & POLLIN))
				read_signals(l);
			if (ms)
				sleep_end(d);
			no_children = reap(l);
			now = now_ns();
			last_sys = now;
		}
		/* after the root is reaped every pass rescans: its last ring files exist by now */
		/* (-p: the attached processes may live on for long: now and then) */
		if (d->rescan || (l->root_done && !l->attach) || now - last_scan > LIVENESS_NS) {
			last_scan = now;
			sct_drain_scan(d);
			l->merge->scans++;
			sct_notes_scan_dir(d->dirfd, l->out);
			if (l->opts->count)
				sct_merge_announce(l->merge, d);
		}
		if (may_collect(l, now)) {
			/* a large pass goes again at once; after a small one the writers get
			 * time to fill their rings (or ring the bell at half) */
			got = sct_drain_collect(d);
			sct_merge_batch(l->merge, d);
		}
		idle = got < BUSY_BYTES;
		sct_notes_poll(d, l->out);
		/* output goes out before a sleep, or every 10 ms while records flow (a write
		 * per batch of a few records cost more than the formatting) */
		if (idle || now - last_flush > FLUSH_NS) {
			last_flush = now;
			sct_output_flush(l->out);
		}
		/* ask /proc at once when the end is near, else now and then */
		check = (l->root_done && !l->attach && (no_children || root_has_rings(l))) ||
			now - last_live > LIVENESS_NS;
		if (check)
			last_live = now;
		if (check && l->opts->follow && l->root)
			sct_orphans_check(&l->orphans, l->root);
		/* retiring converts counters: not before the rate is fixed */
		if ((!d->calib || d->calib->done) &&
		    sct_drain_mark(d, check ? sct_task_alive : NULL))
			retire(l);
		if (l->root_done && !l->root_line && !root_has_rings(l))
			root_line(l);
		sct_merge_owed(l->merge, d, 0);
		if (l->root_done && d->nrings == 0 && (!l->opts->follow || no_children) &&
		    !(l->attach && sct_attach_alive()))
			break;
		if (l->stop) {
			if (l->attach)
				detach(l);
			if (!l->root_line)
				root_line(l);
			break;
		}
	}
	sct_merge_owed(l->merge, d, 1);
	sct_output_flush(l->out);
	return l->root_status;
}
