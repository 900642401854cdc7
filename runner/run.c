/* The runner from start to end.  Order matters: everything that can fail for a
 * reason the user can fix (options, the command, the library, the output path) is
 * checked before the -o file and the session directory are created, so a usage
 * error leaves nothing behind. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "attach.h"
#include "calibrate.h"
#include "calls.h"
#include "drain.h"
#include "execfail.h"
#include "format/session.h"
#include "loop.h"
#include "merge.h"
#include "options.h"
#include "output.h"
#include "run.h"
#include "pidns.h"
#include "sessdir.h"
#include "spawn.h"
#include "summary.h"
#include "columns.h"

extern char **environ;

const char *sct_progname = "sctrace";

static int usage_error(int rc, const char *err)
{
	fprintf(stderr, "%s: %s\n", sct_progname, err);
	if (rc == SCT_OPT_USAGE)
		fprintf(stderr, "Try '%s -h' for more information.\n", sct_progname);
	return 1;
}

/* CLOCK_REALTIME - CLOCK_MONOTONIC, plus the local zone's offset for -t/-tt
 * (which print the time of day; -ttt prints seconds since the epoch). */
static int64_t realtime_offset(int tstamp)
{
	struct timespec rt, mono;
	struct tm tm;
	int64_t off;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	off = ((int64_t)rt.tv_sec - mono.tv_sec) * 1000000000 + (rt.tv_nsec - mono.tv_nsec);
	if (tstamp == SCT_TS_TIME && localtime_r(&rt.tv_sec, &tm))
		off += (int64_t)tm.tm_gmtoff * 1000000000;
	return off;
}

/* Exit as the command did: its code, or its signal (without a core of our own). */
static int exit_like(int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		struct rlimit no_core = { 0, 0 };
		sigset_t set;

		setrlimit(RLIMIT_CORE, &no_core);
		/* raw: ASan's sigaction keeps its own SIGSEGV/SIGBUS handler, which would
		 * report a crash of ours and exit 1 */
		struct { void *handler; unsigned long flags; void *restorer; uint64_t mask; }
			dfl = { SIG_DFL, 0, NULL, 0 };
		syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof(dfl.mask));
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		kill(getpid(), sig);
		return 128 + sig;	/* a signal whose default is to be ignored */
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

struct env_vars {
	char session[PATH_MAX + 32], mode[32], strsize[48], runner[48], tsc[64];
	char filter[sizeof(SCT_ENV_FILTER) + SCT_MAX_CALLS / 4 + 1];
	char root[SCT_ROOT_SLOT_LEN];
	char pidns[sizeof(SCT_ENV_PIDNS) + 48];
	char ring[sizeof(SCT_ENV_RINGSIZE) + 24];
	char dump_read[sizeof(SCT_ENV_DUMP_READ) + SCT_NUMSET_HEX];
	char dump_write[sizeof(SCT_ENV_DUMP_WRITE) + SCT_NUMSET_HEX];
	char inject[4096];
	char extra[sizeof(SCT_ENV_COUNT_EXTRA) + 24];
	char *set[24];
};

/* -v, -e abbrev=: is the call `name` printed unabbreviated? */
static int no_abbrev_has(const struct sct_opts *o, const char *name)
{
	int i = sct_call_lookup(name);

	return o->no_abbrev_set && i >= 0 && i < SCT_MAX_CALLS &&
	       (o->no_abbrev[i / 64] >> (i % 64) & 1);
}

static void env_vars(struct env_vars *v, const struct sct_opts *o, const char *dir,
		     struct sct_calib *calib)
{
	char hex[SCT_MAX_CALLS / 4 + 1], tsc[40], fds[SCT_NUMSET_HEX];
	size_t n = 0;

	snprintf(v->session, sizeof(v->session), SCT_ENV_SESSION "=%s", dir);
	snprintf(v->mode, sizeof(v->mode), SCT_ENV_MODE "=%s", o->count ? "count" : "trace");
	snprintf(v->strsize, sizeof(v->strsize), SCT_ENV_STRSIZE "=%u", o->strsize);
	snprintf(v->runner, sizeof(v->runner), SCT_ENV_RUNNER "=%d", (int)getpid());
	snprintf(v->root, sizeof(v->root), SCT_ENV_ROOT "=0");	/* the child writes its pid */
	v->set[n++] = v->session;
	v->set[n++] = v->mode;
	v->set[n++] = v->strsize;
	v->set[n++] = v->runner;
	v->set[n++] = v->root;
	sct_pidns_init(v->pidns, sizeof(v->pidns));
	if (v->pidns[0])
		v->set[n++] = v->pidns;
	if (o->follow)
		v->set[n++] = SCT_ENV_FOLLOW "=1";
	if (o->lossy)
		v->set[n++] = SCT_ENV_DROP "=1";
	if (o->show_ip && !o->count)
		v->set[n++] = SCT_ENV_IP "=1";
	if (o->detach_exec)
		v->set[n++] = SCT_ENV_DETACH "=1";
	if (o->libc_only)
		v->set[n++] = SCT_ENV_LIBC_ONLY "=1";
	if (no_abbrev_has(o, "execve") || no_abbrev_has(o, "execveat") ||
	    no_abbrev_has(o, "getdents") || no_abbrev_has(o, "getdents64") ||
	    no_abbrev_has(o, "setsockopt") || no_abbrev_has(o, "getsockopt"))
		v->set[n++] = SCT_ENV_NOABBREV "=1";
	/* -y, -P: each descriptor's path recorded with its call; -yy: devices' numbers,
	 * sockets' addresses and pidfds' processes too */
	if ((o->decode_fds & (SCT_DECODE_FD_DEV | SCT_DECODE_FD_SOCKET | SCT_DECODE_FD_PIDFD)) &&
	    !o->count)
		v->set[n++] = SCT_ENV_FDPATH "=3";
	else if ((o->decode_fds || o->npaths) && !o->count)
		v->set[n++] = SCT_ENV_FDPATH "=1";
	/* -f: a call's exit time orders "<... resumed>" among other tasks' lines */
	if (!o->show_time && !o->count && !o->summary && !o->follow)
		v->set[n++] = SCT_ENV_NODUR "=1";
	/* -c keeps each call's shortest and longest only when the table shows them or
	 * sorts by them, or -O is to be taken off each call (preload/wrap.h) */
	if (o->count && (o->overhead_ns || sct_columns_minmax(o))) {
		snprintf(v->extra, sizeof(v->extra), SCT_ENV_COUNT_EXTRA "=%llu",
			 (unsigned long long)o->overhead_ns);
		v->set[n++] = v->extra;
	}
	if (o->ring_size) {
		snprintf(v->ring, sizeof(v->ring), SCT_ENV_RINGSIZE "=%lu", o->ring_size);
		v->set[n++] = v->ring;
	}
	if (o->filtered) {
		sct_filter_hex(o, hex);
		snprintf(v->filter, sizeof(v->filter), SCT_ENV_FILTER "=%s", hex);
		v->set[n++] = v->filter;
	}
	/* -e inject=: checked by sct_parse_inject to fit (SCT_INJECT_ENV_MAX) */
	if (o->inject.n) {
		int k = snprintf(v->inject, sizeof(v->inject), SCT_ENV_INJECT "=");
		if (sct_inject_encode(&o->inject, v->inject + k, sizeof(v->inject) - (size_t)k) > 0)
			v->set[n++] = v->inject;
	}
	if (sct_numset_hex(&o->read_fds, fds)) {
		snprintf(v->dump_read, sizeof(v->dump_read), SCT_ENV_DUMP_READ "=%s", fds);
		v->set[n++] = v->dump_read;
	}
	if (sct_numset_hex(&o->write_fds, fds)) {
		snprintf(v->dump_write, sizeof(v->dump_write), SCT_ENV_DUMP_WRITE "=%s", fds);
		v->set[n++] = v->dump_write;
	}
	if (sct_calib_start(calib, tsc, sizeof(tsc)) == 0) {
		snprintf(v->tsc, sizeof(v->tsc), SCT_ENV_TSC "=%s", tsc);
		v->set[n++] = v->tsc;
	}
	v->set[n] = NULL;
}

/* Everything before anything is created: the command, the library, the output's
 * directory and the session directory's parent. */
static int validate(const struct sct_opts *o, char *cmd, size_t cmdlen, char *lib, size_t liblen)
{
	char where[PATH_MAX * 2 + 64], err[PATH_MAX + 64];
	int rc = 0;

	if (o->argc)		/* else -p only: the processes have the library */
		rc = sct_resolve_command(o->argv[0], getenv("PATH"), cmd, cmdlen);
	if (rc == -ENAMETOOLONG) {
		fprintf(stderr, "%s: exec: %s\n", sct_progname, strerror(ENAMETOOLONG));
		return -1;
	}
	if (rc < 0) {
		fprintf(stderr, "%s: Can't stat '%s': %s\n", sct_progname, o->argv[0], strerror(-rc));
		return -1;
	}
	rc = o->argc ? sct_find_library(lib, liblen, where, sizeof(where)) : 0;
	if (rc < 0) {
		fprintf(stderr, "%s: cannot find libsctrace.so in %s: %s\n", sct_progname, where, strerror(-rc));
		return -1;
	}
	if (sct_output_check(o->outfile, o->separate, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s: %s\n", sct_progname, err);
		return -1;
	}
	rc = sct_session_parent(sct_session_base(), where, sizeof(where));
	if (rc < 0) {
		fprintf(stderr, "%s: cannot create a session directory in '%s': %s\n", sct_progname,
			sct_session_base(), where);
		return -1;
	}
	close(rc);
	return 0;
}

/* --pidns-translation's last resort for a number it cannot find (runner/pidns.h) */
static unsigned scan_rings(void *d)
{
	return sct_drain_scan(d);
}

static void final_output(struct sct_loop *l, struct sct_totals *tot, struct sct_drain *d)
{
	sct_output_flush(l->out);
	if (l->opts->count || l->opts->summary)
		sct_summary_print(&l->out->main, tot, l->opts);
	sct_output_flush(l->out);
	sct_summary_lost(tot, d->corrupt);
}

int sct_main(int argc, char **argv)
{
	static struct sct_opts o;
	static struct sct_output out;
	static struct sct_totals tot;
	static char cmd[PATH_MAX], lib[PATH_MAX], err[PATH_MAX + 64];
	static struct env_vars ev;
	static struct sct_calib calib;
	struct sct_drain d;
	struct sct_merge m;
	struct sct_loop l;
	struct sigaction old_pipe, old_chld;
	sigset_t block, orig;
	char **envp;
	const char *dir, *why;
	int rc, exec_err, status, sfd;

	if (argc > 0 && argv[0] && argv[0][0])
		sct_progname = argv[0];
	sct_spawn_note_ignored();	/* before any handler of ours replaces one */
	uid_t run_uid;
	gid_t run_gid;
	pid_t pid;

	rc = sct_options_parse(&o, argc, argv, err, sizeof(err));
	for (unsigned i = 0; i < o.nwarnings; i++)	/* strace says these as it goes */
		fprintf(stderr, "%s: %s\n", sct_progname, o.warnings[i]);
	if (rc != SCT_OPT_OK)
		return usage_error(rc, err);
	if (o.action == SCT_ACT_HELP) {
		fputs(sct_usage_text, stdout);
		return 0;
	}
	if (o.action == SCT_ACT_VERSION) {
		fputs(sct_version_text, stdout);
		return 0;
	}
	if (o.path_notes)
		fputs(o.path_notes, stderr);
	if (o.username && sct_spawn_user(o.username, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s: %s\n", sct_progname, err);
		return 1;
	}
	if (validate(&o, cmd, sizeof(cmd), lib, sizeof(lib)) < 0)
		return 1;
	/* after the command's lookup: strace searches its own PATH, not the -E one */
	sct_options_apply_env(&o);

	/* the output before the session: opening a FIFO blocks until a reader comes,
	 * and an interrupt meanwhile must leave no session directory behind */
	if (sct_output_open(&out, o.outfile,
			    o.separate | (o.append ? SCT_OUTPUT_APPEND : 0), err, sizeof(err)) < 0) {
		fprintf(stderr, "%s: %s\n", sct_progname, err);
		return 1;
	}
	dir = sct_session_create(err, sizeof(err));
	if (!dir) {
		fprintf(stderr, "%s: %s\n", sct_progname, err);
		return 1;
	}
	if (sct_spawn_user_ids(&run_uid, &run_gid) &&
	    fchown(sct_session_fd(), run_uid, run_gid) < 0) {
		/* -u: the library, as that user, makes its rings in the session */
		fprintf(stderr, "%s: cannot give the session to -u's user: %s\n", sct_progname,
			strerror(errno));
		sct_session_remove();
		return 1;
	}
	if (sct_session_note())
		fprintf(stderr, "%s: %s\n", sct_progname, sct_session_note());
	env_vars(&ev, &o, dir, &calib);
	envp = sct_build_env(environ, ev.set, lib);
	if (!envp) {
		fprintf(stderr, "%s: cannot build the environment: %s\n", sct_progname, strerror(ENOMEM));
		return 1;
	}
	/* the slot the child rewrites with its pid is ev.root, found by address in envp */

	sct_loop_sigset(&block);
	sigprocmask(SIG_BLOCK, &block, &orig);
	sigaction(SIGPIPE, NULL, &old_pipe);
	signal(SIGPIPE, SIG_IGN);	/* a closed output is an error to report, not death */
	/* an ignored SIGCHLD (inherited) would reap our children unseen and never wake
	 * the loop: ours is the default, the command gets what we were given (strace) */
	sigaction(SIGCHLD, NULL, &old_chld);
	signal(SIGCHLD, SIG_DFL);
	sfd = signalfd(-1, &block, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sfd < 0) {
		fprintf(stderr, "%s: signalfd: %s\n", sct_progname, strerror(errno));
		return 1;
	}
	if (o.follow)	/* orphaned descendants come back to us, to be waited for as strace does */
		prctl(PR_SET_CHILD_SUBREAPER, 1);
	/* scan and watch the directory we created, whatever the name points to now: it
	 * may have been swapped already (/proc/self/fd names the directory itself) */
	char held[64];
	snprintf(held, sizeof(held), "/proc/self/fd/%d", sct_session_fd());
	rc = sct_drain_init(&d, held, &tot, o.count);
	if (rc == -ENOENT)	/* no /proc */
		rc = sct_drain_init(&d, dir, &tot, o.count);
	if (rc == 0 && dup3(sct_session_fd(), d.dirfd, O_CLOEXEC) < 0)
		rc = -errno;
	if (rc < 0) {
		fprintf(stderr, "%s: cannot open '%s': %s\n", sct_progname, dir, strerror(-rc));
		return 1;
	}
	d.calib = &calib;
	sct_pidns_on_miss(scan_rings, &d);
	tot.overhead_ns = o.overhead_ns;
	sct_merge_init(&m, &o, &out, o.summary ? &tot : NULL);
	m.fmt.realtime_offset_ns = realtime_offset(o.tstamp);

	if (o.npids) {
		atexit(sct_attach_release);	/* an exit on the way leaves no one attached */
		if (!sct_attach_all(&o, ev.set, &m) && !o.argc) {
			sct_output_close(&out);
			sct_session_remove();
			return 1;
		}
		m.attached += o.argc > 0;
	}
	pid = 0;
	exec_err = 0;
	if (o.argc)
		pid = sct_spawn(cmd, o.argv, envp, ev.root, &orig,
				old_pipe.sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL,
				old_chld.sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL, &exec_err);
	if (pid < 0) {
		fprintf(stderr, "%s: fork: %s\n", sct_progname, strerror((int)-pid));
		return 1;
	}
	m.root = pid;
	if (exec_err) {
		static uint64_t rec[(64 << 10) / 8];	/* the record: 8-byte aligned */

		if (sct_exec_failed(rec, sizeof(rec), cmd, o.argv, envp, o.strsize, exec_err, pid))
			sct_merge_emit(&m, (const struct sct_rec *)rec, 1);
		sct_output_flush(&out);
		fprintf(stderr, "%s: exec: %s\n", sct_progname, strerror(exec_err));
	}
	else if (o.argc && (why = sct_command_untraced(cmd)))
		fprintf(stderr, "%s: pid %d: '%s' %s: not traced\n", sct_progname, (int)pid, cmd, why);
	/* strace without -f traces the command's first thread only (an attached
	 * process's library keeps to its first thread itself) */
	if (!o.follow && !o.npids)
		d.only_tid = pid;

	l = (struct sct_loop){ .opts = &o, .drain = &d, .merge = &m, .out = &out,
			       .sfd = sfd, .root = pid, .attach = o.npids > 0,
			       .root_done = !o.argc, .root_line = !o.argc };
	status = sct_loop_run(&l);
	if (o.npids) {
		sct_attach_detach_all(&o);
		/* strace ends by the signal that ended the trace: 130 for ^C */
		status = o.argc ? status : l.stop_sig;
	}

	final_output(&l, &tot, &d);
	if (out.main.error)	/* strace names the file it could not write */
		fprintf(stderr, "%s: %s: %s\n", sct_progname, o.outfile ? o.outfile : "write error",
			strerror(out.main.error));
	sct_output_close(&out);
	sct_merge_fini(&m);
	sct_drain_fini(&d);
	sct_session_remove();
	free(envp);
	close(sfd);
	return m.root_detached ? 0 : exit_like(status);
}
