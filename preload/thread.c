/* Per-thread rings: created on a thread's first traced call, closed at thread exit,
 * abandoned by a forked child (which opens its own on its first call). */
#include <pthread.h>
#include "wrap.h"
#include "raw.h"
#include "out.h"
#include "session.h"
#include "standalone.h"
#include "init.h"
#include "thread.h"

__thread struct sct_thread sct_self __attribute__((tls_model("initial-exec")));
int sct_proc_off;
static pthread_key_t exit_key;

/* "<session>/<pid>.<tid>.ring", or "<session>/<pid>.<tid>.<gen>.ring" for gen > 0 */
static void ring_path(char *buf, size_t cap, int pid, int tid, unsigned gen)
{
	struct sct_out o;

	sct_out_init(&o, buf, cap - 1, -1);
	sct_out_puts(&o, sct_cfg.session);
	sct_out_putc(&o, '/');
	sct_out_udec(&o, (unsigned)pid);
	sct_out_putc(&o, '.');
	sct_out_udec(&o, (unsigned)tid);
	if (gen) {
		sct_out_putc(&o, '.');
		sct_out_udec(&o, gen);
	}
	sct_out_puts(&o, SCT_RING_SUFFIX);
	buf[o.len] = 0;
}

/* Map a ring shared with the runner; NULL if the session is unusable. */
static void *map_session_ring(struct sct_thread *t, size_t len)
{
	int pid = t->pid, tid = t->tid;
	unsigned gen;
	char path[PATH_MAX + 64];
	long fd;
	void *m;

	/* The name may still be the previous image's (an exec) or a dead thread's whose
	 * id was reused: take the next free one rather than wait for the runner. */
	for (gen = 0;; gen++) {
		ring_path(path, sizeof(path), pid, tid, gen);
		fd = sct_sys(SYS_openat, AT_FDCWD, path,
			     O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd != -EEXIST || gen == 1000)
			break;
	}
	t->ring_gen = gen;
	if (fd < 0)
		return NULL;
	if (sct_sys(SYS_ftruncate, fd, len) < 0) {
		sct_sys(SYS_close, fd);
		sct_sys(SYS_unlink, path);
		return NULL;
	}
	m = (void *)sct_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	sct_sys(SYS_close, fd);
	if ((unsigned long)m > -4096UL) {
		sct_sys(SYS_unlink, path);
		return NULL;
	}
	return m;
}

static int thread_setup(struct sct_thread *t)
{
	uint32_t data = sct_cfg.mode == SCT_MODE_COUNT ? 0 : sct_cfg.ring_size;
	size_t len = SCT_DATA_OFFSET + data;
	void *m;

	t->pid = (int)sct_sys0(SYS_getpid);
	t->tid = (int)sct_sys0(SYS_gettid);
	if (sct_cfg.standalone) {
		len += SCT_TEXT_BUF;
		m = (void *)sct_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if ((unsigned long)m > -4096UL)
			return -1;
	} else if (!(m = map_session_ring(t, len))) {
		return -1;
	}
	t->map = m;
	t->maplen = len;
	t->counting = sct_cfg.mode == SCT_MODE_COUNT;
	sct_ring_format(&t->ring, m, data, t->pid, t->tid, &sct_cfg.clock, SCT_NCALLS,
			sct_clock_slow());
	if (sct_cfg.standalone)
		sct_standalone_add(t);
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
	if (t->state == SCT_T_OFF || t->busy || !sct_cfg.ready)
		return NULL;
	if (sct_cfg.mode == SCT_MODE_OFF || sct_proc_off) {
		t->state = SCT_T_OFF;
		return NULL;
	}
	t->busy = 1;
	t->state = thread_setup(t) == 0 ? SCT_T_READY : SCT_T_OFF;
	t->busy = 0;
	return t->state == SCT_T_READY && sct_traced(call) ? t : NULL;
}

/* A wrapper's slow path.  In complete mode the kernel traps what the real function
 * does (preload/dispatch.c), so the wrapper only calls through. */
struct sct_thread *sct_thread_slow(struct sct_thread *t, unsigned call)
{
	return t->trap ? NULL : thread_get(t, call);
}

/* The thread's ring for a call recorded outside a wrapper (the SIGSYS handler, the
 * constructor's execve): NULL when `call` is not traced or nothing can be written. */
struct sct_thread *sct_thread_any(unsigned call)
{
	struct sct_thread *t = &sct_self;

	if (__builtin_expect(t->state == SCT_T_READY, 1))
		return sct_traced(call) ? t : NULL;
	return thread_get(t, call);
}

/* The ring is finished: the runner may retire it once drained. */
void sct_thread_close(struct sct_thread *t)
{
	if (t->state != SCT_T_READY)
		return;
	t->state = SCT_T_OFF;
	if (sct_cfg.standalone) {
		sct_standalone_flush(t);
		return;			/* the process's exit still prints from it */
	}
	__atomic_store_n(&t->ring.hdr->state, SCT_RING_CLOSED, __ATOMIC_RELEASE);
	sct_sys(SYS_munmap, t->map, t->maplen);
	t->map = NULL;
	if (sct_cfg.runner_pid > 0 && sct_sys(SYS_kill, sct_cfg.runner_pid, 0) == -ESRCH)
		sct_orphan_cleanup(t);
}

/* The runner is gone (killed): nobody else will remove this ring or the session
 * directory.  The rmdir succeeds for whichever process finishes last. */
void sct_orphan_cleanup(const struct sct_thread *t)
{
	char path[PATH_MAX + 64];

	ring_path(path, sizeof(path), t->pid, t->tid, t->ring_gen);
	sct_sys(SYS_unlink, path);
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
void sct_thread_forked(void)
{
	struct sct_thread *t = &sct_self;

	if (!sct_cfg.follow)
		sct_proc_off = 1;
	if (t->state == SCT_T_READY && !sct_cfg.standalone)
		sct_sys(SYS_munmap, t->map, t->maplen);
	if (sct_cfg.standalone)
		sct_standalone_forget();
	uint8_t trap = t->trap, sel = t->sel;	/* armed (or not) by whoever forked */
	memset(t, 0, sizeof(*t));
	t->trap = trap;
	t->sel = sel;
	t->state = sct_proc_off ? SCT_T_OFF : SCT_T_NEW;
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
	t->pid = t->tid = (int)sct_sys0(SYS_getpid);
	if (!sct_cfg.follow && t->state == SCT_T_READY)
		t->state = SCT_T_OFF;
}

/* Back in the parent: its state again, whatever the child left. */
void sct_vfork_restore(void)
{
	struct sct_thread *t = &sct_self;

	if (t->vfork_child) {
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
