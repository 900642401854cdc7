/* Room in a full ring.  Lossless by default: the writer sleeps on the ring's futex
 * word until the runner has consumed something (the runner wakes it; the 1 ms timeout
 * covers a missed wake).  If the runner has died the program must not hang: from then
 * on records are dropped and counted in ring->lost.  Standalone, the thread prints its
 * own ring to make room. */
#include <linux/futex.h>
#include "wrap.h"
#include "capture.h"
#include "raw.h"
#include "standalone.h"

static int runner_gone;

static void wait_for_room(struct sct_ring *h)
{
	struct timespec ts = { 0, 1000000 };

	__atomic_store_n(&h->waiting, 1, __ATOMIC_SEQ_CST);
	sct_sys(SYS_futex, &h->waiting, FUTEX_WAIT, 1, &ts, 0, 0);
}

struct sct_rec *sct_reserve_full(struct sct_thread *t, uint32_t size)
{
	struct sct_rec *r;
	unsigned waits = 0;

	while (!(r = sct_ring_reserve(&t->ring, size))) {
		if (sct_cfg.standalone) {
			if (t->ring.depth == 0 && sct_standalone_flush(t) > 0)
				continue;
		} else if (!sct_cfg.drop && !runner_gone) {
			wait_for_room(t->ring.hdr);
			if (++waits % 64 == 0 && sct_cfg.runner_pid > 0 &&
			    sct_sys(SYS_kill, sct_cfg.runner_pid, 0) == -ESRCH)
				runner_gone = 1;
			continue;
		}
		sct_add_local(&t->ring.hdr->lost, 1);
		return NULL;
	}
	return r;
}

void sct_rec_header(struct sct_thread *t, struct sct_rec *r, uint32_t size, unsigned kind,
		    unsigned call)
{
	memset(r, 0, sizeof(*r));
	r->size = sct_align8(size);
	r->kind = (uint8_t)kind;
	r->call = (uint16_t)call;
	r->pid = t->pid;
	r->tid = t->tid;
	r->t0 = r->t1 = sct_now();
}
