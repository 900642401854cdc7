/* Writing blobs into a record being built (preload/capture.c): the sink measures on
 * the first pass (p == NULL) and copies on the second, never past what was reserved,
		* reading program memory through memcpy where the kernel proved it readable (`safe`)
 * and through the fault-safe copy of safemem.h otherwise. */
#ifndef SCT_SINK_H
#define SCT_SINK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/uio.h>

#define MAX_ELEMS 1024			/* array elements captured */
#define SADDR_MAX 128
#define SOPT_MAX 136			/* struct group_req, the largest option strace decodes */

struct sink {
	unsigned char *p;		/* record being filled; NULL while measuring */
	uint32_t n;			/* bytes of blobs so far */
	uint32_t hdr;			/* offset of the open blob's header */
	int safe;			/* memory is known readable (the call succeeded) */
	int guarded;			/* sct_safe_begin done, `saved` to put back */
	uint64_t saved;
	uint32_t lim;			/* bytes reserved (second pass) */
	unsigned no_out;		/* arguments whose after-call state is unknown */
	int over;			/* memory changed between the passes and grew */
};

int sct_sink_room(struct sink *s, size_t n);
void sct_sink_guard(struct sink *s);
size_t sct_sink_peek(struct sink *s, void *dst, const void *src, size_t n);
long sct_sink_str_len(struct sink *s, const char *src, size_t max);
int sct_sink_readable(struct sink *s, const void *src, size_t n);
size_t sct_sink_readable_prefix(struct sink *s, const void *p, size_t n);
#define SCT_SINK_FAULT 1	/* sct_sink_put_shown_bytes: not all readable */
void sct_sink_put_shown_bytes(struct sink *s, const void *src, uint64_t n);
void sct_sink_put_shown_elems(struct sink *s, const void *base, uint64_t n, size_t es);
void sct_sink_blob_begin(struct sink *s, unsigned arg, unsigned when);
void sct_sink_put(struct sink *s, const void *src, size_t n);
void sct_sink_put_raw(struct sink *s, const void *src, size_t n);
void sct_sink_pad8(struct sink *s);
void sct_sink_blob_end(struct sink *s, unsigned flags);
void sct_sink_blob_mem(struct sink *s, unsigned arg, unsigned when, const void *src, size_t n,
		unsigned flags);
void sct_sink_blob_str(struct sink *s, unsigned arg, const char *src, size_t max);
size_t sct_sink_iov_readable(struct sink *s, const struct iovec *iov, size_t n);
void sct_sink_put_iov(struct sink *s, const struct iovec *iov, size_t cnt, uint64_t budget);
void sct_sink_blob_iov(struct sink *s, unsigned arg, unsigned when, const struct iovec *iov,
		size_t cnt, uint64_t budget);
uint32_t sct_sink_min3(uint64_t a, uint64_t b, uint64_t c);
void sct_sink_blob_msg(struct sink *s, unsigned arg, unsigned when, const struct msghdr *m,
		const struct msghdr *before, uint64_t budget);
uint64_t sct_sink_count_vec(struct sink *s, char *const *v, int *unterm);
void sct_sink_blob_argv(struct sink *s, unsigned arg, char *const *v);
void sct_sink_blob_count(struct sink *s, unsigned arg, unsigned when, uint64_t count);
uint64_t sct_sink_count_dirents(const unsigned char *buf, int64_t len);

#endif
