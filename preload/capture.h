#ifndef SCT_CAPTURE_H
#define SCT_CAPTURE_H

#include <stddef.h>
#include <stdint.h>
#include "wrap.h"

struct sct_thread;
struct sct_rec;

/* Reserve a record in t's ring, waiting for the runner when it is full (lossless), or
 * counting a loss (drop mode, runner gone).  NULL when nothing can be written. */
struct sct_rec *sct_reserve_full(struct sct_thread *t, uint32_t size);

static inline struct sct_rec *sct_reserve(struct sct_thread *t, uint32_t size)
{
	struct sct_rec *r = sct_ring_reserve(&t->ring, size);

	return __builtin_expect(r != NULL, 1) ? r : sct_reserve_full(t, size);
}

/* Argument i of kind EXT (format/kinds.h): its structure or array, fault-safe
 * (preload/capture_ext.c); `pre`: what sct_pre saved of it before the call, or NULL. */
struct sink;
struct sct_call;
void sct_capture_ext(struct sink *s, const struct sct_call *c, unsigned i, const uint64_t *a,
		     int64_t ret, const unsigned char *pre);

/* ioctl's argument i, as its command (a[1]) passes it (preload/capture_ioctl.c);
 * `pre`: the struct copied before the call (capture_pre.c), or NULL. */
void sct_capture_ioctl(struct sink *s, unsigned i, const uint64_t *a, int64_t ret,
		       const unsigned char *pre);

/* the console's (type 'K') that are more than a struct: 1 when captured
 * (preload/capture_kd.c) */
int sct_capture_kd(struct sink *s, unsigned i, const unsigned char *p, uint32_t code, int64_t ret,
		   const unsigned char *pre);

/* the TEE's that pass a buffer (preload/capture_tee.c): 1 when captured */
int sct_capture_tee(struct sink *s, unsigned i, const unsigned char *p, uint32_t code, int64_t ret);

/* SG_IO's struct and the buffers it points to (preload/capture_sg.c) */
void sct_capture_sg(struct sink *s, unsigned i, const unsigned char *p);

/* Once, before any record: which calls capture nothing. */
void sct_capture_init(void);

/* Fill the common header of a record reserved by sct_reserve. */
void sct_rec_header(struct sct_thread *t, struct sct_rec *r, uint32_t size, unsigned kind,
		    unsigned call);

/* A message for the user in t's ring: "sctrace: pid N: TEXT" on the runner's stderr. */
void sct_record_note(struct sct_thread *t, const char *text, size_t len);

/* -b execve: SCT_REC_DETACH in this thread's ring (made for it if need be) */
void sct_record_detach(void);

/* A signal delivered to the program: SCT_REC_SIGINFO in the calling thread's ring
 * (nothing when it has none or counts only). */
void sct_record_delivery(int sig, const siginfo_t *si);

#endif
