/* Dormant until `sctrace -p PID` attaches (format/attachpage.h has the protocol).
 *
 * While dormant a thread's state stays NEW, so its wrappers take the slow path, whose
 * first question is sct_attach_dormant (attach.h): one load of the page's generation
 * and a compare.  Nothing else runs and no Syscall User Dispatch is armed.  A new generation with state ATTACHED
 * makes the thread load the session's settings (the first thread to see it; the
 * others wait for it on their next call), open its ring and, in complete mode, arm
 * itself; a new generation without it (the runner detached) makes it close its ring
 * and disarm.  Each thread does this for itself, at its next wrapped call or, armed,
 * its next trapped call: prctl(PR_SET_SYSCALL_USER_DISPATCH) acts on the caller only,
 * and a ring is only written by its thread.
 *
 * Who may attach: the control file is mode 0600 in a directory of mode 0700, both
 * owned by the program's user and checked to be so (a directory of that name made
 * by another user beforehand is refused: the process then cannot be attached).  So
 * only that user (or root) can open the page and name a session to it. */
#include <stdlib.h>
#include <sys/prctl.h>
#include "wrap.h"
#include "attach.h"
#include "attachpage.h"
#include "dispatch.h"
#include "fdpath.h"
#include "notes.h"
#include "out.h"
#include "raw.h"
#include "clock.h"
#include "session.h"
#include "spare.h"
#include "thread.h"
#include "untraced.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#endif

struct sct_attach_page *sct_attach_pg;

__thread uint32_t sct_attach_seen __attribute__((tls_model("initial-exec")));
__thread uint8_t sct_attach_in __attribute__((tls_model("initial-exec")));
static __thread uint8_t polling __attribute__((tls_model("initial-exec")));
static uint32_t cfg_gen;		/* the generation whose settings are loaded */
static int cfg_lock;
static int handler_state;		/* complete mode's SIGSYS handler: 0 none, 1 being
					 * installed, 2 installed, 3 refused */
static char env_copy[sizeof(((struct sct_attach_page *)0)->env) + 1];
static char ctl_path[PATH_MAX];

int sct_attach_wanted(void)
{
	const char *v = getenv(SCT_ENV_ATTACH);

	return v && v[0] == '1' && !v[1];
}

/* $SCTRACE_DIR, else /dev/shm when we may write there, else /tmp (the runner finds
 * the file in /proc/PID/maps, else looks in the same places). */
static const char *base_dir(void)
{
	const char *d = getenv("SCTRACE_DIR");

	if (d && *d)
		return d;
	if (sct_sys(SYS_access, "/dev/shm", W_OK | X_OK) == 0)
		return "/dev/shm";
	return "/tmp";
}

/* "<base>/sctrace-<uid>", made mode 0700 or found owned by us with no access for
 * others: a descriptor of it, or -errno. */
static long ctl_dir(char *path, size_t cap)
{
	struct sct_out o;
	struct stat st;
	long fd, uid = sct_sys0(SYS_geteuid);

	sct_out_init(&o, path, cap - 1, -1);
	sct_out_puts(&o, base_dir());
	sct_out_puts(&o, "/sctrace-");
	sct_out_udec(&o, (uint64_t)uid);
	if (o.len >= cap - 1)
		return -ENAMETOOLONG;
	path[o.len] = 0;
	sct_sys(SYS_mkdir, path, 0700);
	fd = sct_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return fd;
	if (sct_sys(SYS_fstat, fd, &st) < 0 || st.st_uid != (uid_t)uid || (st.st_mode & 077)) {
		sct_sys(SYS_close, fd);
		return -EPERM;
	}
	return fd;
}

/* The files of processes that ended without removing theirs (killed, or a raw
 * exit_group): removed by the next process that makes one, a few KiB of entries at
 * most, so that a start never takes long. */
static void sweep(long dfd)
{
	char buf[4096];
	long n;

	for (int round = 0; round < 4 && (n = sct_sys(SYS_getdents64, dfd, buf, sizeof(buf))) > 0;
	     round++) {
		for (long off = 0; off < n;) {
			struct { uint64_t ino; int64_t off; uint16_t reclen; uint8_t type; char name[]; }
				*d = (void *)(buf + off);
			long pid = 0;
			const char *p = d->name;

			off += d->reclen;
			for (; *p >= '0' && *p <= '9' && pid < (1L << 31); p++)
				pid = pid * 10 + (*p - '0');
			if (p != d->name && pid > 0 && !strcmp(p, SCT_ATTACH_SUFFIX) &&
			    sct_sys(SYS_kill, pid, 0) == -ESRCH)
				sct_sys(SYS_unlinkat, dfd, d->name, 0);
		}
	}
}

/* This process's start time, field 22 of /proc/self/stat; 0 if unknown. */
static uint64_t start_time(void)
{
	char buf[1024];
	uint64_t v = 0;
	long fd = sct_sys(SYS_openat, AT_FDCWD, "/proc/self/stat", O_RDONLY | O_CLOEXEC), n, i;
	int field = 2;

	if (fd < 0)
		return 0;
	n = sct_sys(SYS_read, fd, buf, sizeof(buf));
	sct_sys(SYS_close, fd);
	for (i = n - 1; i > 0 && buf[i] != ')'; i--)	/* the name may hold anything */
		;
	for (; i < n && field < 22; i++)
		field += buf[i] == ' ';
	for (; i < n && field == 22 && buf[i] >= '0' && buf[i] <= '9'; i++)
		v = v * 10 + (uint64_t)(buf[i] - '0');
	return v;
}

/* The control file `name` that this pid's previous image left, mapped, when it is
 * ours alone and well formed; NULL otherwise.  A session whose runner is gone is
 * ended here. */
static struct sct_attach_page *reuse_page(long dfd, const char *name)
{
	struct sct_attach_page *pg;
	struct stat st;
	long fd = sct_sys(SYS_openat, dfd, name, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	int ok;

	if (fd < 0)
		return NULL;
	ok = sct_sys(SYS_fstat, fd, &st) == 0 && S_ISREG(st.st_mode) &&
	     st.st_uid == (uid_t)sct_sys0(SYS_geteuid) && !(st.st_mode & 077) &&
	     st.st_size == SCT_ATTACH_SIZE;
	pg = ok ? (void *)sct_sys(SYS_mmap, 0, SCT_ATTACH_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
				  fd, 0) : NULL;
	sct_sys(SYS_close, fd);
	if ((unsigned long)pg > -4096UL)
		return NULL;
	if (pg && (__atomic_load_n(&pg->magic, __ATOMIC_ACQUIRE) != SCT_ATTACH_MAGIC ||
		   pg->pid != (int32_t)sct_sys0(SYS_getpid))) {
		sct_sys(SYS_munmap, pg, SCT_ATTACH_SIZE);
		return NULL;
	}
	if (pg)
		pg->start = start_time();	/* the same after an exec */
	if (pg && __atomic_load_n(&pg->state, __ATOMIC_ACQUIRE) != SCT_AT_DORMANT) {
		int runner = __atomic_load_n(&pg->runner, __ATOMIC_ACQUIRE);
		if (runner <= 0 || sct_sys(SYS_kill, runner, 0) == -ESRCH) {
			__atomic_store_n(&pg->state, SCT_AT_DORMANT, __ATOMIC_RELEASE);
			__atomic_add_fetch(&pg->gen, 1, __ATOMIC_RELEASE);
		}
	}
	return pg;
}

/* The control file of this process; 0 or -errno (the process is then not attachable). */
static int make_page(void)
{
	char name[32];
	struct sct_out o;
	struct sct_attach_page *pg;
	long dfd, fd;
	size_t dlen;

	dfd = ctl_dir(ctl_path, sizeof(ctl_path));
	if (dfd < 0)
		return (int)dfd;
	sct_out_init(&o, name, sizeof(name) - 1, -1);
	sct_out_udec(&o, (uint64_t)sct_sys0(SYS_getpid));
	sct_out_puts(&o, SCT_ATTACH_SUFFIX);
	name[o.len] = 0;
	dlen = strlen(ctl_path);
	if (dlen + 1 + o.len >= sizeof(ctl_path)) {
		sct_sys(SYS_close, dfd);
		return -ENAMETOOLONG;
	}
	ctl_path[dlen] = '/';
	memcpy(ctl_path + dlen + 1, name, o.len + 1);
	/* a file of this pid's earlier image (exec: a runner attached to it goes on with
	 * this image), else of a process long gone (made anew) */
	if ((pg = reuse_page(dfd, name))) {
		sct_sys(SYS_close, dfd);
		sct_attach_pg = pg;
		return 0;
	}
	for (int i = 0; i < 2; i++) {
		fd = sct_sys(SYS_openat, dfd, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			     0600);
		if (fd != -EEXIST)
			break;
		sct_sys(SYS_unlinkat, dfd, name, 0);
	}
	sct_sys(SYS_close, dfd);
	if (fd < 0)
		return (int)fd;
	if (sct_sys(SYS_ftruncate, fd, SCT_ATTACH_SIZE) < 0) {
		sct_sys(SYS_close, fd);
		return -ENOSPC;
	}
	pg = (void *)sct_sys(SYS_mmap, 0, SCT_ATTACH_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	sct_sys(SYS_close, fd);
	if ((unsigned long)pg > -4096UL)
		return (int)(long)pg;
	pg->size = SCT_ATTACH_SIZE;
	pg->pid = (int32_t)sct_sys0(SYS_getpid);
	pg->start = start_time();
	__atomic_store_n(&pg->magic, SCT_ATTACH_MAGIC, __ATOMIC_RELEASE);
	sct_attach_pg = pg;
	return 0;
}

int sct_attach_init(void)
{
	int r = make_page();
	char dir[PATH_MAX];
	long dfd = ctl_dir(dir, sizeof(dir));

	if (dfd >= 0) {
		sweep(dfd);
		sct_sys(SYS_close, dfd);
	}
	return r;
}

void sct_attach_exit(void)
{
	struct sct_attach_page *pg = sct_attach_pg;

	/* a -f child on its parent's page leaves the parent's file alone */
	if (pg && pg->pid == (int32_t)sct_sys0(SYS_getpid) && ctl_path[0])
		sct_sys(SYS_unlink, ctl_path);
}

/* The session's variables, from our copy of the page's */
static const char *page_get(const char *name)
{
	size_t n = strlen(name);

	for (const char *p = env_copy; *p; p += strlen(p) + 1)
		if (!strncmp(p, name, n) && p[n] == '=')
			return p + n + 1;
	return NULL;
}

/* Load generation gen's settings once.  A thread that finds another at it waits for
 * it (a few copies, no blocking call): giving up would leave out the call it is
 * joining at (e2e attach-threads lost a thread's first write so). */
static void load_config(uint32_t gen)
{
	struct sct_attach_page *pg = sct_attach_pg;
	uint32_t len;

	for (;;) {
		if (__atomic_load_n(&cfg_gen, __ATOMIC_ACQUIRE) == gen)
			return;
		if (!__atomic_exchange_n(&cfg_lock, 1, __ATOMIC_ACQUIRE))
			break;		/* ours to load */
		sct_sys0(SYS_sched_yield);
	}
	if (cfg_gen != gen) {
		len = __atomic_load_n(&pg->env_len, __ATOMIC_RELAXED);
		if (len >= sizeof(env_copy) - 1)
			len = 0;
		memcpy(env_copy, pg->env, len);
		env_copy[len] = env_copy[len + 1] = 0;
		if (sct_config_load(page_get) < 0)
			sct_cfg.mode = SCT_MODE_OFF;
		sct_reserve_new_session();
		__atomic_store_n(&cfg_gen, gen, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&cfg_lock, 0, __ATOMIC_RELEASE);
}

/* The runner left: this thread's ring is finished and its calls are no longer
 * trapped.  The ring's first pages (header, counters) stay mapped: a wrapper this
 * thread is inside may still add to its counters; the records are unmapped unless a
 * record is open (a handler that came in the middle of one: the next call does it). */
static int leave(struct sct_thread *t)
{
	if (t->state == SCT_T_READY && t->ring.depth)
		return -1;
	if (t->trap) {
		sct_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
		t->trap = 0;
		t->sel = SCT_SEL_ALLOW;
	}
	if (t->state == SCT_T_READY) {
		t->counting = 0;
		sct_fdpath_thread_end();
		__atomic_store_n(&t->ring.hdr->state, SCT_RING_CLOSED, __ATOMIC_RELEASE);
		if (t->map != sct_notes_page() && t->maplen > SCT_DATA_OFFSET)
			sct_sys(SYS_munmap, (char *)t->map + SCT_DATA_OFFSET,
				t->maplen - SCT_DATA_OFFSET);
		if (sct_cfg.runner_pid > 0 && sct_sys(SYS_kill, sct_cfg.runner_pid, 0) == -ESRCH)
			sct_orphan_cleanup(t);
	}
	t->state = SCT_T_NEW;
	return 0;
}

int sct_attach_poll(struct sct_thread *t)
{
	struct sct_attach_page *pg = sct_attach_pg;
	uint32_t gen = __atomic_load_n(&pg->gen, __ATOMIC_ACQUIRE);
	int tid;

	if (__builtin_expect(gen == sct_attach_seen, 1))
		return sct_attach_in;
	if (polling || t->busy || t->vfork_child || t->state == SCT_T_SHARED)
		return sct_attach_in;
	polling = 1;
	if (sct_attach_in) {
		if (leave(t) < 0)
			goto out;
		sct_attach_in = 0;
	}
	if (__atomic_load_n(&pg->state, __ATOMIC_ACQUIRE) != SCT_AT_ATTACHED ||
	    __atomic_load_n(&pg->gen, __ATOMIC_ACQUIRE) != gen) {
		sct_attach_seen = gen;		/* dormant now */
		goto out;
	}
	load_config(gen);
	sct_attach_seen = gen;
	tid = (int)sct_sys0(SYS_gettid);
	/* without -f strace traces the thread it was given only */
	if (sct_cfg.mode == SCT_MODE_OFF || (!sct_cfg.follow && tid != sct_cfg.root_pid))
		goto out;
	sct_attach_in = 1;
	sct_proc_off = 0;
	__atomic_add_fetch(&pg->threads, 1, __ATOMIC_RELAXED);
	t->state = SCT_T_NEW;
out:
	polling = 0;
	return sct_attach_in;
}

/* Complete mode: the first thread to join installs the SIGSYS handler (which arms
 * it), the others arm themselves once it is there. */
void sct_attach_joined(struct sct_thread *t)
{
	int expect = 0;

	if (!sct_cfg.complete || t->trap || sct_sandboxed)
		return;
	if (__atomic_compare_exchange_n(&handler_state, &expect, 1, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE)) {
		int r = sct_dispatch_init();
		__atomic_store_n(&handler_state, r < 0 ? 3 : 2, __ATOMIC_RELEASE);
		if (r < 0)
			sct_note_untraced(SCT_NOTE_NODISPATCH, t->pid, t->tid, sct_dispatch_off_reason);
		return;
	}
	while (__atomic_load_n(&handler_state, __ATOMIC_ACQUIRE) == 1)
		sct_sys0(SYS_sched_yield);
	if (handler_state == 2)
		sct_dispatch_arm();
}

/* A forked child: one that follows its attached parent (-f) stays on the parent's
 * page, and leaves when the parent's runner does; any other is a new dormant process
 * with a control file of its own. */
void sct_attach_forked(void)
{
	struct sct_attach_page *pg = sct_attach_pg;

	/* only this thread was copied: a lock another thread held is nobody's here */
	__atomic_store_n(&cfg_lock, 0, __ATOMIC_RELAXED);
	if (!pg || (sct_attach_in && sct_cfg.follow))
		return;
	sct_attach_in = 0;		/* traced without -f: its parent's session is not its */
	sct_attach_pg = NULL;
	if (make_page() < 0) {
		sct_attach_pg = pg;	/* stays dormant on a page nobody will attach */
		sct_attach_seen = __atomic_load_n(&pg->gen, __ATOMIC_ACQUIRE);
		return;
	}
	sct_sys(SYS_munmap, pg, SCT_ATTACH_SIZE);
	if (sct_self.trap) {
		sct_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
		sct_self.trap = 0;
		sct_self.sel = SCT_SEL_ALLOW;
	}
	sct_attach_seen = 0;
	sct_proc_off = 0;
	sct_cfg.mode = SCT_MODE_OFF;
	sct_self.state = SCT_T_NEW;
	__atomic_store_n(&cfg_gen, 0, __ATOMIC_RELAXED);
}
