/* Notes about threads and processes that cannot be traced: written into the note
 * page of this process (format/notes.h), or printed at once when standalone.  Only
 * atomics and, standalone, one raw write: this runs in a thread's first traced call,
 * which may be inside a signal handler or right after a seccomp filter went in. */
#include "wrap.h"
#include "format.h"
#include "notes.h"
#include "out.h"
#include "raw.h"
#include "session.h"
#include "untraced.h"
#include "ringfile.h"

static void *note_page;			/* header page of this process's first ring */
static int page_inherited;		/* note_page is the parent's (forked child) */
static int said[8];			/* reasons noted in this process (first_time) */

void sct_notes_own(void *ring_base)
{
	if (note_page && !page_inherited)
		return;
	note_page = ring_base;
	page_inherited = 0;
}

void sct_notes_forked(int unmapped)
{
	memset(said, 0, sizeof(said));	/* a new process */
	if (unmapped)
		note_page = NULL;
	page_inherited = note_page != NULL;
}

void *sct_notes_page(void)
{
	return note_page;
}

/* No ring in this process to carry the note (its first thread failed): a symbolic
 * link in the session directory whose name is the note, "<pid>.<tid>.<what>.<err>.note".
 * Making it takes no memory of ours and no data block (a short
 * link lives in the inode), so it works under RLIMIT_NOFILE, RLIMIT_AS,
 * RLIMIT_FSIZE and on a full tmpfs; it fails where the directory is out of reach
 * (another uid, a chroot), which the runner then cannot learn from us at all. */
static int note_by_name(const struct sct_note_slot *s)
{
	char path[PATH_MAX + 96];
	struct sct_out o;

	long dfd = sct_session_dirfd();

	/* no descriptor left (RLIMIT_NOFILE): by path; a swapped name (ELOOP): nowhere */
	if (dfd < 0 && dfd != -EMFILE && dfd != -ENFILE)
		return -1;
	sct_out_init(&o, path, sizeof(path) - 1, -1);
	if (dfd < 0) {
		sct_out_puts(&o, sct_cfg.session);
		sct_out_putc(&o, '/');
	}
	sct_out_dec(&o, s->pid);
	sct_out_putc(&o, '.');
	sct_out_dec(&o, s->tid);
	sct_out_putc(&o, '.');
	sct_out_dec(&o, s->what);
	sct_out_putc(&o, '.');
	sct_out_dec(&o, s->err);
	sct_out_puts(&o, SCT_NOTE_SUFFIX);
	path[o.len] = 0;
	if (!o.overflow)
		sct_sys(SYS_symlinkat, "note", dfd < 0 ? AT_FDCWD : (int)dfd, path);
	if (dfd >= 0)
		sct_sys(SYS_close, dfd);
	return -1;
}

/* Said already in this process, so that a thousand threads under RLIMIT_NOFILE make
 * one note, not a thousand: the first thread (or the process) that failed for each
 * reason is named. */

static int first_time(unsigned what, int err)
{
	int key = (int)what << 16 ^ (err & 0xffff);

	for (int i = 0; i < 8; i++) {
		int cur = __atomic_load_n(&said[i], __ATOMIC_ACQUIRE);
		if (cur == key)
			return 0;
		if (!cur && __atomic_compare_exchange_n(&said[i], &cur, key, 0, __ATOMIC_ACQ_REL,
							__ATOMIC_ACQUIRE))
			return 1;
		if (cur == key)
			return 0;
	}
	return 1;
}

static int said_already(unsigned what, int err)
{
	int key = (int)what << 16 ^ (err & 0xffff);

	for (int i = 0; i < 8; i++)
		if (__atomic_load_n(&said[i], __ATOMIC_ACQUIRE) == key)
			return 1;
	return 0;
}

int sct_note_untraced(unsigned what, int pid, int tid, int err)
{
	struct sct_note_slot s = { SCT_NOTE_READY, what, pid, tid, err, 0 };
	struct sct_notes *n;
	uint32_t i;

	/* a thread of a process that is not traced at all was said with the process */
	if (what == SCT_NOTE_PROCESS && !first_time(what, err))
		return -1;
	if (what == SCT_NOTE_THREAD && (said_already(SCT_NOTE_PROCESS, err) || !first_time(what, err)))
		return -1;
	/* said once a process (the runner: once a session); each child is a note */
	if ((what == SCT_NOTE_NODISPATCH || what == SCT_NOTE_OWNSUD) && !first_time(what, err))
		return -1;

	if (sct_cfg.standalone) {
		char buf[256];
		struct sct_out o;

		sct_out_init(&o, buf, sizeof(buf), sct_cfg.out_fd);
		if (sct_note_text(&o, &s) == 0)
			sct_out_flush(&o);
		return -1;
	}
	if (!note_page)
		return note_by_name(&s);
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

void sct_note_untraced_child(int pid, int why)
{
	if (sct_cfg.follow)
		sct_note_untraced(SCT_NOTE_CHILD, (int)sct_sys0(SYS_getpid), pid, why);
}

void sct_note_cancel(int slot)
{
	if (slot >= 0 && slot < SCT_NOTE_SLOTS && note_page)
		__atomic_store_n(&sct_ring_notes(note_page)->slot[slot].what, 0, __ATOMIC_RELEASE);
}
