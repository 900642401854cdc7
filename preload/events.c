/* Records that are not calls: a note for the user (an exec of an image that will not
 * load the library) and a signal delivery ("--- SIGUSR1 {...} ---").  The calls'
 * records are preload/capture.c's. */
#include "wrap.h"
#include "capture.h"
#include "ring.h"
#include "thread.h"

void sct_record_note(struct sct_thread *t, const char *text, size_t len)
{
	uint32_t size = (uint32_t)(sizeof(struct sct_rec) + sizeof(struct sct_blob) + len);
	struct sct_rec *r;
	struct sct_blob *b;

	if (!(r = sct_reserve(t, size)))
		return;
	sct_rec_header(t, r, size, SCT_REC_NOTE, 0);
	b = (struct sct_blob *)(r + 1);
	memset(b, 0, sizeof(*b));
	b->arg = SCT_BLOB_ARG_TEXT;
	b->when = SCT_BLOB_IN;
	b->len = (uint32_t)len;
	memcpy(b + 1, text, len);
	sct_ring_commit(&t->ring);
}

void sct_record_detach(void)
{
	struct sct_thread *t = &sct_self;
	struct sct_rec *r;

	(void)sct_thread_any(SCT_CALL_execve);	/* the ring, even when execve is not traced */
	if (t->state != SCT_T_READY || t->counting || !(r = sct_reserve(t, sizeof(*r))))
		return;
	sct_rec_header(t, r, sizeof(*r), SCT_REC_DETACH, 0);
	sct_ring_commit(&t->ring);
}

/* A signal about to reach the program's action (complete mode's trampoline, sigown's
 * forward path): strace's "--- SIGUSR1 {si_signo=...} ---" line.  Called in the signal
 * handler, on the interrupted thread: the ring's reserve/commit is safe against a
 * writer it interrupted (ring.h). */
void sct_record_delivery(int sig, const siginfo_t *si)
{
	struct sct_thread *t = &sct_self;
	uint32_t size = sizeof(struct sct_rec) + sizeof(struct sct_blob) + sizeof(*si);
	struct sct_rec *r;
	struct sct_blob *b;

	if (t->state != SCT_T_READY || t->counting || !(r = sct_reserve(t, size)))
		return;
	sct_rec_header(t, r, size, SCT_REC_SIGINFO, 0);
	r->arg[0] = (uint64_t)sig;
	b = (struct sct_blob *)(r + 1);
	memset(b, 0, sizeof(*b));
	b->arg = 0;
	b->when = SCT_BLOB_IN;
	b->len = sizeof(*si);
	memcpy(b + 1, si, sizeof(*si));
	sct_ring_commit(&t->ring);
}
