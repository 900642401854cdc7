/* Per-thread rings: created on a thread's first traced call, closed at thread exit,
 * abandoned by a forked child (which opens its own on its first call).  A thread
 * whose ring cannot be made (preload/ringfile.c says why; under the program's
 * seccomp filter only a spare ring of preload/spare.c can be had) stays untraced,
 * and preload/untraced.c says so once per process and reason. */
#include <pthread.h>
#include <sys/resource.h>
#include "wrap.h"
#include "fdpath.h"
#include "raw.h"
#include "pidns.h"
#include "out.h"
#include "session.h"
#include "sigown.h"
#include "standalone.h"
#include "attach.h"
#include "dispatch.h"
#include "init.h"
#include "notes.h"
#include "ringfile.h"
#include "spare.h"
#include "thread.h"
#include "clock.h"
#include "untraced.h"

__thread struct sct_thread sct_self __attribute__((tls_model("initial-exec")));
int sct_proc_off;
static pthread_key_t exit_key;

/* The data size of a new ring: --ring-size, halved while the file would be over
 * RLIMIT_FSIZE (a shell's `ulimit -f`), down to two of the largest records.  A
 * smaller ring loses nothing: its writer waits for the runner more often. */
uint32_t sct_thread_datasize(void)
{
	uint32_t data = sct_cfg.mode == SCT_MODE_COUNT ? 0 : sct_cfg.ring_size;
	struct rlimit rl;

	if (sct_cfg.standalone || sct_sys(SYS_prlimit64, 0, RLIMIT_FSIZE, 0, &rl) < 0 ||
	    rl.rlim_cur == RLIM_INFINITY)
		return data;
	while (data > 2 * SCT_REC_MAX && SCT_DATA_OFFSET + data > rl.rlim_cur)
		data >>= 1;
	return data;
}

size_t sct_thread_ringlen(uint32_t data)
{
	return SCT_DATA_OFFSET + data + (sct_cfg.standalone ? SCT_TEXT_BUF : 0);
}

/* A ring for this thread: a spare under the program's seccomp filter, else a new one
 * (private memory standalone, a file of the session otherwise).  NULL with *err the
 * errno or SCT_WHY_* for the note. */
static void *get_ring(struct sct_thread *t, size_t len, long *err)
{
	void *m;

	if (sct_sandboxed) {
		*err = SCT_WHY_NO_SPARE;
		return sct_spare_take();
	}
	if (!sct_cfg.standalone) {
		m = sct_ringfile_map(t->pid, t->tid, len, &t->ring_gen, err);
	} else {
		m = (void *)sct_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		*err = (long)m;
		if ((unsigned long)m > -4096UL)
			m = NULL;
	}
	*err = -*err;		/* the note's errno */
	return m;
}

static int thread_setup(struct sct_thread *t)
{
	uint32_t data;
	size_t len;
	long err = 0;
	void *m;

	t->pid = (int)sct_sys0(SYS_getpid);
	t->tid = (int)sct_sys0(SYS_gettid);
	if (sct_sandboxed) {
		/* a spare's size was fixed when it was made */
		data = sct_spare_datasize();
		len = sct_thread_ringlen(data);
	} else {
		data = sct_thread_datasize();
		len = sct_thread_ringlen(data);
	}
	if (!(m = get_ring(t, len, &err))) {
		/* once per thread: its state stays OFF */
		sct_note_untraced(t->tid == t->pid ? SCT_NOTE_PROCESS : SCT_NOTE_THREAD,
				  t->pid, t->tid, (int)err);
		return -1;
	}
	t->map = m;
	t->maplen = len;
	t->counting = sct_cfg.mode == SCT_MODE_COUNT ? 1 + !!sct_cfg.count_extra : 0;
	sct_pidns_fill(m, t->pid, t->tid);	/* before the ring is ACTIVE: its identity */
	sct_ring_format(&t->ring, m, data, t->pid, t->tid, &sct_cfg.clock, SCT_NCALLS,
			sct_clock_slow());
	sct_notes_own(m);
	if (sct_cfg.standalone) {
		sct_standalone_add(t);
	} else {
		t->ring.bell = sct_ring_bell;
		sct_ring_announce();
	}
	/* Gives us a call at thread exit; the key was made before any thread existed. */
	pthread_setspecific(exit_key, t);
	return 0;
}

/* A clone(CLONE_VM) child calling on this thread's storage (wrappers/clone.c)? */
int sct_shared_child(const struct sct_thread *t)
{
	return t->state == SCT_T_SHARED && sct_sys0(SYS_gettid) != t->tid;
}

static struct sct_thread *thread_get(struct sct_thread *t, unsigned call)
{
	if (t->state == SCT_T_SHARED)
		return !sct_shared_child(t) && sct_traced(call) ? t : NULL;
	/* dormant (SCTRACE_ATTACH): has a runner attached or left? */
	if (__builtin_expect(sct_attach_pg != NULL, 0) && !sct_attach_poll(t))
		return NULL;
	if (t->state == SCT_T_OFF || t->busy || !sct_cfg.ready)
		return NULL;
	if (sct_cfg.mode == SCT_MODE_OFF || sct_proc_off) {
		t->state = SCT_T_OFF;
		return NULL;
	}
	t->busy = 1;
	t->state = thread_setup(t) == 0 ? SCT_T_READY : SCT_T_OFF;
	t->busy = 0;
	if (sct_attach_pg && t->state == SCT_T_READY)
		sct_attach_joined(t);
	return t->state == SCT_T_READY && sct_traced(call) ? t : NULL;
}

/* A wrapper's slow path.  In complete mode the kernel traps what the real function
 * does (preload/dispatch.c), so the wrapper only calls through. */
struct sct_thread *sct_thread_slow(struct sct_thread *t, unsigned call)
{
	if (sct_attach_dormant())
		return NULL;
	if (t->trap) {
		if (__builtin_expect(sct_attach_pg != NULL, 0))
			sct_attach_poll(t);	/* the runner may have left */
		return NULL;
	}
	return thread_get(t, call);
}

/* An exact wrapper's slow path: the same in both modes. */
struct sct_thread *sct_thread_exact(struct sct_thread *t, unsigned call)
{
	if (sct_attach_dormant())
		return NULL;
	return thread_get(t, call);
}

/* The thread's ring for a call recorded outside a wrapper (the SIGSYS handler, the
 * constructor's execve): NULL when `call` is not traced or nothing can be written. */
struct sct_thread *sct_thread_any(unsigned call)
{
	struct sct_thread *t = &sct_self;

	if (__builtin_expect(t->state == SCT_T_READY, 1)) {
		if (__builtin_expect(sct_attach_pg != NULL, 0) && !sct_attach_poll(t))
			return NULL;
		return sct_traced(call) ? t : NULL;
	}
	return thread_get(t, call);
}

/* The ring is finished: the runner may retire it once drained. */
void sct_thread_close(struct sct_thread *t)
{
	if (t->state != SCT_T_READY)
		return;
	t->state = SCT_T_OFF;
	/* strict seccomp: any call but read/write/exit is the thread's SIGKILL */
	int strict = sct_strict_thread();
	if (!sct_sandboxed && !strict)
		sct_fdpath_thread_end();
	if (sct_cfg.standalone) {
		sct_standalone_flush(t);
		return;			/* the process's exit still prints from it */
	}
	__atomic_store_n(&t->ring.hdr->state, SCT_RING_CLOSED, __ATOMIC_RELEASE);
	if (sct_sandboxed || strict)
		return;			/* munmap and kill may be what the filter forbids */
	if (t->map != sct_notes_page())	/* other threads may still write notes there */
		sct_sys(SYS_munmap, t->map, t->maplen);
	t->map = NULL;
	if (sct_cfg.runner_pid > 0 && !sct_pidns_foreign &&
	    sct_sys(SYS_kill, sct_cfg.runner_pid, 0) == -ESRCH)
		sct_orphan_cleanup(t);
}

/* The runner is gone (killed): nobody else will remove this ring or the session
 * directory.  The rmdir succeeds for whichever process finishes last. */
void sct_orphan_cleanup(const struct sct_thread *t)
{
	char path[PATH_MAX + 64];
	long dfd = sct_session_dirfd();
	const char *name;

	if (dfd < 0)		/* swapped for a symlink: not ours to clean */
		return;
	sct_ring_path(path, sizeof(path), t->pid, t->tid, t->ring_gen);
	name = strrchr(path, '/');
	sct_sys(SYS_unlinkat, dfd, name ? name + 1 : path, 0);
	sct_sys(SYS_close, dfd);
	sct_sys(SYS_rmdir, sct_cfg.session);
}

/* A thread other than the main one ends with the kernel's exit(0). */
static void on_thread_exit(void *arg)
{
	struct sct_thread *t = arg;

	if (t->trap)		/* its calls until the kernel's exit trap and are recorded */
		return;
	if (t->state == SCT_T_READY && t->tid != t->pid)
		sct_record_end(SCT_CALL_exit, 0);
	sct_thread_close(t);
}

/* In a forked child: the parent's rings are not ours.  Only the forking thread exists
 * here; its next traced call creates a ring under the child's pid. */
/* The process complete mode's handler set up as a fork child: glibc's atfork handler
 * then runs in it too, and must not do it twice (a raw clone has no atfork call, so
 * the pid tells a later fork's child from this one). */
static int forked_early;

void sct_thread_forked(void)
{
	struct sct_thread *t = &sct_self;
	int pid = (int)sct_sys0(SYS_getpid);

	if (forked_early == pid)
		return;
	forked_early = t->trap ? pid : 0;	/* only the handler runs here while armed */

	if (!sct_cfg.follow)
		sct_proc_off = 1;
	/* The parent's note page stays mapped until this child has a ring: a child that
	 * cannot make one says so there.  Under a seccomp filter nothing is unmapped. */
	if (t->state == SCT_T_READY && !sct_cfg.standalone && !sct_sandboxed) {
		if (t->map == sct_notes_page() && !sct_proc_off)
			sct_sys(SYS_munmap, (char *)t->map + SCT_RING_HDR, t->maplen - SCT_RING_HDR);
		else
			sct_sys(SYS_munmap, t->map, t->maplen);
	}
	sct_notes_forked(sct_proc_off);
	if (sct_cfg.standalone)
		sct_standalone_forget();
	uint8_t trap = t->trap, sel = t->sel;	/* armed (or not) by whoever forked */
	memset(t, 0, sizeof(*t));
	t->trap = trap;
	t->sel = sel;
	t->state = sct_proc_off ? SCT_T_OFF : SCT_T_NEW;
	if (sct_attach_pg)
		sct_attach_forked();
}

/* A vfork child (or a clone(CLONE_VM|CLONE_VFORK) one) runs on its suspended
 * parent's memory and thread storage: its records go to the parent's ring under its
 * own pid, until the parent resumes and takes its state back. */
static __thread uint8_t vfork_state __attribute__((tls_model("initial-exec")));

void sct_vfork_child(void)
{
	struct sct_thread *t = &sct_self;

	vfork_state = t->state;
	t->vfork_child = 1;
	sct_sig_vfork_begin();
	t->pid = t->tid = (int)sct_sys0(SYS_getpid);
	if (!sct_cfg.follow && t->state == SCT_T_READY)
		t->state = SCT_T_OFF;
}

/* Back in the parent: its state again, whatever the child left. */
void sct_vfork_restore(void)
{
	struct sct_thread *t = &sct_self;

	if (t->vfork_child) {
		sct_sig_vfork_end();
		sct_dispatch_vfork_end();
		t->vfork_child = 0;
		t->state = vfork_state;
		t->pid = (int)sct_sys0(SYS_getpid);
		t->tid = (int)sct_sys0(SYS_gettid);
	}
}

void sct_thread_init(void)
{
	pthread_key_create(&exit_key, on_thread_exit);
	pthread_atfork(NULL, NULL, sct_thread_forked);
}
