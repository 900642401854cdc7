/* Notes about threads and processes that cannot be traced: written into the note
 * page of this process (format/notes.h), or printed at once when standalone.  Only
 * atomics and, standalone, one raw write: this runs in a thread's first traced call,
 * which may be inside a signal handler or right after a seccomp filter went in. */
#include "wrap.h"
#include "format.h"
#include "notes.h"
#include "out.h"
#include "raw.h"
#include "untraced.h"

static void *note_page;			/* header page of this process's first ring */
static int page_inherited;		/* note_page is the parent's (forked child) */

void sct_notes_own(void *ring_base)
{
	if (note_page && !page_inherited)
		return;
	note_page = ring_base;
	page_inherited = 0;
}

void sct_notes_forked(int unmapped)
{
	if (unmapped)
		note_page = NULL;
	page_inherited = note_page != NULL;
}

void *sct_notes_page(void)
{
	return note_page;
}

int sct_note_untraced(unsigned what, int pid, int tid, int err)
{
	struct sct_note_slot s = { SCT_NOTE_READY, what, pid, tid, err, 0 };
	struct sct_notes *n;
	uint32_t i;

	if (sct_cfg.standalone) {
		char buf[256];
		struct sct_out o;

		sct_out_init(&o, buf, sizeof(buf), sct_cfg.out_fd);
		if (sct_note_text(&o, &s) == 0)
			sct_out_flush(&o);
		return -1;
	}
	if (!note_page)
		return -1;
	n = sct_ring_notes(note_page);
	i = __atomic_fetch_add(&n->next, 1, __ATOMIC_ACQ_REL);
	if (i >= SCT_NOTE_SLOTS) {
		__atomic_fetch_add(&n->overflow, 1, __ATOMIC_RELAXED);
		return -1;
	}
	n->slot[i].what = what;
	n->slot[i].pid = pid;
	n->slot[i].tid = tid;
	n->slot[i].err = err;
	__atomic_store_n(&n->slot[i].state, SCT_NOTE_READY, __ATOMIC_RELEASE);
	return (int)i;
}

void sct_note_cancel(int slot)
{
	if (slot >= 0 && slot < SCT_NOTE_SLOTS && note_page)
		__atomic_store_n(&sct_ring_notes(note_page)->slot[slot].what, 0, __ATOMIC_RELEASE);
}
