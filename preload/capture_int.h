/* What preload/capture.c (after the call) and preload/capture_pre.c (the copy made
 * before it, sct_pre) share: how each argument kind is captured, and where the state
 * saved before the call lies in the pre-call buffer. */
#ifndef SCT_CAPTURE_INT_H
#define SCT_CAPTURE_INT_H

#include <stddef.h>
#include <stdint.h>
#include "calls.h"
#include "record.h"

enum {
	CAP_NONE, CAP_PATH, CAP_STR, CAP_MEM_IN, CAP_MEM_OUT, CAP_STRUCT_IN, CAP_STRUCT_OUT,
	CAP_STRUCT_IO, CAP_POLL, CAP_FDSET, CAP_SADDR_IN, CAP_SADDR_OUT, CAP_IOV_IN,
	CAP_IOV_OUT, CAP_MSG_IN, CAP_MSG_OUT, CAP_ARGV, CAP_ENVP, CAP_DIRENTS, CAP_EPOLL_OUT,
	CAP_FCNTL, CAP_SOPT_IN, CAP_SOPT_OUT, CAP_PATH_OUT, CAP_IOCTL, CAP_EXT, CAP_MMSG,
	CAP_IPCBUF, CAP_MSGBUF, CAP_KEYCTL,
};

/* A kind's capture method (CAP_*) and, for fixed-size structures, its size. */
struct sct_cap_kind {
	uint8_t cap;
	uint16_t size;
};
extern const struct sct_cap_kind sct_cap_kinds[SCT_NKINDS];

#define FDSET_MAX 128			/* bytes: 1024 descriptors */

static inline size_t fdset_bytes(uint64_t nfds)
{
	size_t n = (size_t)((nfds + 7) / 8);

	return sct_align8((uint32_t)(n < FDSET_MAX ? n : FDSET_MAX));
}

/* The last byte of the pre-call state: a bit per argument whose state could not be
 * read (the call then fails with EFAULT, and the decoder prints the address). */
#define PRE_BAD (SCT_PRE_MAX - 1)

/* bpf(2)'s pre-call state (capture_pre.c): 8 bytes of the attribute, a length and up
 * to SCT_BPF_LOG bytes of BPF_PROG_LOAD's log_buf or (-v) SCT_BPF_INFO bytes of
 * BPF_OBJ_GET_INFO_BY_FD's info (a struct bpf_prog_info up to nr_prog_tags) */
#define SCT_BPF_LOG 64
#define SCT_BPF_INFO 192
#define SCT_BPF_LOG_NONE 0xffffffffu
#define SCT_BPF_PRE (16 + SCT_BPF_INFO)

/* preload/capture_ext.c's blobs (format/kinds.h): an array of nmemb elements of es
 * bytes, a size-versioned structure (keeping `keep` bytes past base), a structure */
struct sink;
void sct_cap_array(struct sink *s, unsigned i, unsigned when, const void *p, uint64_t nmemb,
		   size_t es);
void sct_cap_ext_keep(struct sink *s, unsigned i, const void *p, uint64_t size, size_t base,
		      size_t most, size_t keep);
void sct_cap_struct(struct sink *s, unsigned i, unsigned when, const void *p, size_t n);
/* bpf(2)'s attribute argument i (preload/capture_bpf.c); pre: capture_pre.c's copy */
void sct_cap_bpf(struct sink *s, unsigned i, const void *p, const uint64_t *a,
		 const unsigned char *pre);

static inline int pre_ok(const unsigned char *pre, unsigned i)
{
	return pre && !(pre[PRE_BAD] & (1u << i));
}

/* Offset in the pre-call buffer of argument i's saved state. */
size_t sct_pre_off(const struct sct_call *c, unsigned i);
/* The program's *len before the call, for a length argument i saved by sct_pre;
 * dflt when none was. */
uint64_t sct_len_before(const struct sct_call *c, unsigned i, const unsigned char *pre,
			uint64_t dflt);

#endif
