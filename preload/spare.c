/* Spare rings, made before a seccomp filter of the program's goes in.
 *
 * A filter may forbid what a new ring needs (openat, fallocate, mmap: a filter that
 * kills on openat killed the whole program at its next pthread_create).  The hooks in
 * wrappers/seccomp.c call sct_spares_prepare just before the program's prctl or
 * seccomp installs a filter: SCT_SPARES rings are created and mapped then, while
 * everything is still allowed, and formatted as SCT_RING_SPARE with tid 0, which the
 * runner skips.  Once the filter is in (sct_sandboxed), a thread that needs a ring
 * takes a spare with one compare-and-swap on its state word (SPARE -> CLAIMED) and
 * formats it as its own (ACTIVE, its pid and tid); the runner's periodic rescan then
 * maps it like any ring, by the pid and tid in its header, not its file name.  The
 * only system calls on that path are getpid and gettid.  When no spare is left the
 * thread runs untraced and a note says so.
 *
 * Forked children: the spares are MAP_SHARED, so a child after fork sees the same
 * spares as its parent, and the compare-and-swap (locked: the other party may be
 * another process) gives each to one taker.  Standalone, the spares are private
 * anonymous memory: a fork copies them, and parent and child each have their own.
 *
 * Filters stack and every later one is checked by the earlier ones: the pool is made
 * before the first only; later filters find it as it is. */
#include "wrap.h"
#include "raw.h"
#include "ringfile.h"
#include "session.h"
#include "spare.h"
#include "standalone.h"
#include "thread.h"

/* Four threads or children may start under the filter and be traced.  Each spare
 * costs a ring's memory (1 MiB by default) whether it is used or not. */
#define SCT_SPARES 4

int sct_sandboxed;
static void *pool[SCT_SPARES];
static int npool;
static uint32_t pool_data;		/* their data size */

uint32_t sct_spare_datasize(void)
{
	return pool_data;
}

static void *make_spare(uint32_t data, size_t len)
{
	struct sct_ring *h;
	unsigned gen;
	long err;
	void *m;

	if (sct_cfg.standalone) {
		m = (void *)sct_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if ((unsigned long)m > -4096UL)
			return NULL;
	} else if (!(m = sct_ringfile_map((int)sct_sys0(SYS_getpid), (int)sct_sys0(SYS_gettid),
					   len, &gen, &err))) {
		return NULL;
	}
	h = m;
	h->magic = SCT_RING_MAGIC;
	h->version = SCT_RING_VERSION;
	h->pid = (int)sct_sys0(SYS_getpid);
	h->tid = 0;
	h->data_size = data;
	__atomic_store_n(&h->state, SCT_RING_SPARE, __ATOMIC_RELEASE);
	return m;
}

void sct_spares_prepare(void)
{
	if (!sct_cfg.ready || sct_cfg.mode == SCT_MODE_OFF || sct_proc_off || sct_sandboxed)
		return;
	if (!npool)
		pool_data = sct_thread_datasize();
	while (npool < SCT_SPARES && (pool[npool] = make_spare(pool_data, sct_thread_ringlen(pool_data))))
		npool++;
}

/* From now on every exec passes SCTRACE_SECCOMP=1 (wrappers/env.c): an image exec'd
 * under the filter must not try to make its ring. */
void sct_spares_sandboxed(void)
{
	sct_sandboxed = 1;
}

void *sct_spare_take(void)
{
	for (int i = 0; i < npool; i++) {
		struct sct_ring *h = pool[i];
		uint32_t want = SCT_RING_SPARE;

		if (__atomic_compare_exchange_n(&h->state, &want, SCT_RING_CLAIMED, 0,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return h;
	}
	return NULL;
}
