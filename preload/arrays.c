/* Arrays whose elements strace reads one by one, so that one running into unmapped
 * memory shows the elements before it and "... / * 0xADDR * /": setgroups' gids,
 * semop's sembufs, poll's pollfds, and sendmmsg/recvmmsg's struct mmsghdr array, captured as kinds.h's
 * "mmsghdr blobs" (a header blob, then one msghdr blob per element, all of the same
 * argument).
 *
 * Every read here is fault-safe: a call's success proves only the elements it used
 * (sendmmsg's sent ones), and the kernel rewrites recvmmsg's msg_namelen, whose
 * values before the call sct_pre keeps (sct_mmsg_pre) for strace's
 * "msg_namelen=0 => 38". */
#include <string.h>
#include "wrap.h"
#include "calls.h"
#include "safemem.h"
#include "sink.h"
#include "arrays.h"

void sct_elems_capture(struct sink *s, unsigned arg, const void *p, uint64_t count, size_t lim,
		       unsigned kind)
{
	/* struct sembuf: 6 bytes; struct pollfd: 8; a gid: 4 */
	size_t el = kind == SCT_K_SEMBUF ? 6 : kind == SCT_K_POLLFDS ? 8 : 4, n, k = 0;

	n = (count < lim ? (size_t)count : lim) * el;
	/* a poll that succeeded read all its pollfds; the others' success proves less */
	if (kind != SCT_K_POLLFDS)
		s->safe = 0;
	if (p && n && !sct_sink_readable(s, p, n)) {
		while (k < n && sct_sink_readable(s, (const char *)p + k, el))
			k += el;
		if (k)
			sct_sink_blob_mem(s, arg, SCT_BLOB_IN, p, k, SCT_BF_FAULT);
		return;
	}
	sct_sink_blob_mem(s, arg, SCT_BLOB_IN, p, n, count > lim ? SCT_BF_TRUNC : 0);
}

#define MMSG_SIZE 64			/* struct msghdr, then unsigned int msg_len */

void sct_mmsg_pre(const void *vec, uint64_t vlen, unsigned char *pre)
{
	const unsigned char *v = vec;
	struct sink s = { 0 };

	memset(pre, 0xff, SCT_MMSG_PRE * 4);	/* unknown: shown as after the call */
	for (uint64_t k = 0; k < vlen && k < SCT_MMSG_PRE; k++)
		if (sct_sink_peek(&s, pre + 4 * k, v + MMSG_SIZE * k + 8, 4) != 4) {
			memset(pre + 4 * k, 0xff, 4);
			break;
		}
	if (s.guarded)
		sct_safe_end(s.saved);
}

void sct_mmsg_capture(struct sink *s, unsigned arg, int recv, const void *vec, uint64_t vlen,
		      int64_t ret, const unsigned char *pre)
{
	const unsigned char *v = vec;
	uint64_t want, k;
	uint32_t hdr[2], meta[2];

	if (!vec)
		return;
	s->safe = 0;
	want = recv ? (ret > 0 ? (uint64_t)ret : 0) : vlen;
	/* strace shows -s elements, with -v all of them (up to IOV_MAX): here at most
	 * 128, which keep the record within SCT_REC_MAX for short messages */
	if (want > (sct_cfg.noabbrev ? 128 : sct_cfg.strsize))
		want = sct_cfg.noabbrev ? 128 : sct_cfg.strsize;
	if (want > MAX_ELEMS)
		want = MAX_ELEMS;
	for (k = 0; k < want; k++)
		if (!sct_sink_readable(s, v + MMSG_SIZE * k, MMSG_SIZE))
			break;
	hdr[0] = (uint32_t)k;
	hdr[1] = k < want;		/* element k could not be read */
	sct_sink_blob_begin(s, arg, recv ? SCT_BLOB_OUT : SCT_BLOB_IN);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	for (uint64_t j = 0; j < k; j++) {
		sct_sink_peek(s, &meta[0], v + MMSG_SIZE * j + 56, 4);
		meta[1] = UINT32_MAX;
		if (pre && j < SCT_MMSG_PRE)
			memcpy(&meta[1], pre + 4 * j, 4);
		sct_sink_put_raw(s, meta, sizeof(meta));
	}
	sct_sink_blob_end(s, 0);
	for (uint64_t j = 0; j < k; j++) {
		const struct msghdr *m = (const void *)(v + MMSG_SIZE * j);
		struct msghdr before;
		uint32_t len = 0, namelen = UINT32_MAX;

		sct_sink_peek(s, &before, m, sizeof(before));
		sct_sink_peek(s, &len, v + MMSG_SIZE * j + 56, 4);
		if (recv && pre && j < SCT_MMSG_PRE)
			memcpy(&namelen, pre + 4 * j, 4);
		if (namelen != UINT32_MAX)
			before.msg_namelen = namelen;
		sct_sink_blob_msg(s, arg, recv ? SCT_BLOB_OUT : SCT_BLOB_IN, m, &before,
				  recv ? len : UINT64_MAX);
	}
}
