/* Reading the note slots of every mapped ring (format/notes.h).  The slots live in
 * memory the traced program can write, so each is copied once, checked (what, pid,
 * tid, errno ranges; format/notes.c refuses the rest) and shown as numbers in our own
 * sentence.  Each ring remembers in notes_seen which of its slots were printed. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "format.h"
#include "notes.h"
#include "rnotes.h"

/* On stderr even with -o or -c, as other messages for the user; after whatever trace
 * text is already waiting there, so the order on a terminal stays the order seen. */
static void say(struct sct_output *out, void (*fill)(struct sct_out *, const void *), const void *arg)
{
	struct sct_out err, *o = &out->main;
	char buf[512];

	if (out->fd != 2) {
		sct_out_init(&err, buf, sizeof(buf), 2);
		o = &err;
	}
	fill(o, arg);
	if (o == &err)
		sct_out_flush(o);
}

static void fill_slot(struct sct_out *o, const void *arg)
{
	sct_note_text(o, arg);
}

/* "complete mode is off (...)" is the same in every process of a session where the
 * kernel or a sandbox refuses dispatch: said once, by the first (one session a
 * runner). */
static void say_slot(struct sct_output *out, const struct sct_note_slot *s)
{
	static int nodispatch_said;

	if (s->what == SCT_NOTE_NODISPATCH && nodispatch_said++)
		return;
	say(out, fill_slot, s);
}

struct overflow {
	int pid;
	uint32_t n;
};

static void fill_overflow(struct sct_out *o, const void *arg)
{
	const struct overflow *v = arg;

	sct_out_puts(o, "sctrace: pid ");
	sct_out_dec(o, v->pid);
	sct_out_puts(o, ": ");
	sct_out_udec(o, v->n);
	sct_out_puts(o, " more threads or processes were not traced (no room left for their notes)\n");
}

static void poll_ring(struct sct_rring *r, struct sct_output *out)
{
	struct sct_notes *n = sct_ring_notes(r->hdr);
	uint32_t next = __atomic_load_n(&n->next, __ATOMIC_ACQUIRE);

	if (next > SCT_NOTE_SLOTS)
		next = SCT_NOTE_SLOTS;
	for (uint32_t i = 0; i < next; i++) {
		struct sct_note_slot s;

		if (r->notes_seen & (1ull << i) ||
		    __atomic_load_n(&n->slot[i].state, __ATOMIC_ACQUIRE) != SCT_NOTE_READY)
			continue;
		memcpy(&s, &n->slot[i], sizeof(s));
		r->notes_seen |= 1ull << i;
		if (s.what == SCT_NOTE_EXEC && !r->retire && !r->superseded)
			/* an exec in progress takes its note back if it fails: wait for
			 * the old image's ring to end (or be replaced) before showing it */
			r->notes_seen &= ~(1ull << i);
		else if (s.what)
			say_slot(out, &s);
	}
	if (r->retire) {
		struct overflow v = { r->pid, __atomic_load_n(&n->overflow, __ATOMIC_RELAXED) };
		if (v.n && v.n < 1u << 30)
			say(out, fill_overflow, &v);
	}
}

void sct_notes_poll(struct sct_drain *d, struct sct_output *out)
{
	for (struct sct_rring *r = d->rings; r; r = r->next)
		poll_ring(r, out);
}

/* Notes named in the session directory by processes that had no ring: print each
 * once, then remove it.  Only the name is read, never the link's target. */
void sct_notes_scan_dir(int dirfd, struct sct_output *out)
{
	struct dirent *e;
	DIR *dir;
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(dir)) != NULL) {
		struct sct_note_slot s = { .state = SCT_NOTE_READY };
		int n = 0;

		if (sscanf(e->d_name, "%d.%d.%u.%d" SCT_NOTE_SUFFIX "%n", &s.pid, &s.tid,
			   &s.what, &s.err, &n) != 4 || e->d_name[n])
			continue;
		if (unlinkat(dirfd, e->d_name, 0) == 0)
			say_slot(out, &s);
	}
	closedir(dir);
}
