/* The copy made before a call (sct_pre) of what the kernel may rewrite: structures
 * it reads and writes back (CAP_STRUCT_IO), fd_sets, a msghdr, recvmmsg's name
 * lengths, perf_event_open's size, the struct of an ioctl command that reads and
 * rewrites it (format/ioctl.c says which).  Before the call nothing is proven readable:
 * every read here is fault-safe (safemem.h), and what cannot be read is marked in
 * PRE_BAD so that the decoder prints the address.  Used by capture.c after the call. */
#include <sys/socket.h>
#include "wrap.h"
#include "safemem.h"
#include "capture.h"
#include "capture_int.h"
#include "fdpath.h"
#include "arrays.h"
#include "ioctl.h"

#define K(id, nm, cap, size) [SCT_K_##id] = { CAP_##cap, size },
const struct sct_cap_kind sct_cap_kinds[SCT_NKINDS] = { SCT_KINDS(K) };
#undef K


size_t sct_pre_off(const struct sct_call *c, unsigned i)
{
	size_t off = 0;

	for (unsigned j = 0; j < i; j++)
		if (c->arg[j].kind == SCT_K_FDSET)
			off += FDSET_MAX;
		else if (sct_cap_kinds[c->arg[j].kind].cap == CAP_STRUCT_IO)
			off += sct_align8(sct_cap_kinds[c->arg[j].kind].size);
		else if (sct_cap_kinds[c->arg[j].kind].cap == CAP_MSG_OUT)
			off += sizeof(struct msghdr);
		else if (c->arg[j].kind == SCT_K_MMSG_OUT)
			off += SCT_MMSG_PRE * 4;
		else if (c->arg[j].kind == SCT_K_PERF_ATTR)
			off += 8;
		else if (c->arg[j].kind == SCT_K_BPF_ATTR)
			off += SCT_BPF_PRE;
		else if (c->arg[j].kind == SCT_K_IOCTL_ARG)
			off += SCT_IOCTL_PRE;
	return off;
}

uint64_t sct_len_before(const struct sct_call *c, unsigned i, const unsigned char *pre,
			   uint64_t dflt)
{
	uint32_t v;

	if (i >= c->nargs || sct_cap_kinds[c->arg[i].kind].cap != CAP_STRUCT_IO || !pre_ok(pre, i))
		return dflt;
	memcpy(&v, pre + sct_pre_off(c, i), sizeof(v));
	return v;
}

/* bpf(2)'s attribute before the call: its first 8 bytes (BPF_OBJ_GET_INFO_BY_FD's
 * info_len, which the call rewrites), and BPF_PROG_LOAD's log_buf as the program left
 * it (strace shows it at entry; the verifier fills it) or with -v
 * BPF_OBJ_GET_INFO_BY_FD's info as given (strace shows what the call changed): at
 * dst + 8 the number of bytes copied (SCT_BPF_LOG_NONE: none), at dst + 16 the bytes */
static void bpf_pre(const void *src, const uint64_t *a, unsigned char *dst, unsigned char *pre,
		    unsigned i)
{
	uint64_t saved = sct_safe_begin(), log = 0;
	uint32_t n = SCT_BPF_LOG_NONE, lsize = 0;
	size_t want;

	if (sct_safe_copy(dst, src, 8) != 8)
		pre[PRE_BAD] |= (uint8_t)(1u << i);
	if ((uint32_t)a[0] == 5 && (uint32_t)a[2] >= 40 &&
	    sct_safe_copy(&lsize, (const char *)src + 28, 4) == 4 &&
	    sct_safe_copy(&log, (const char *)src + 32, 8) == 8 && log && lsize) {
		want = sct_cfg.strsize + 1 < SCT_BPF_LOG ? sct_cfg.strsize + 1 : SCT_BPF_LOG;
		if (want > lsize)
			want = lsize;
		if (sct_safe_copy(dst + 16, (const void *)(uintptr_t)log, want) == want)
			n = (uint32_t)want;
	} else if ((uint32_t)a[0] == 15 && (uint32_t)a[2] >= 16 && sct_cfg.noabbrev &&
		   sct_safe_copy(&lsize, (const char *)src + 4, 4) == 4 &&
		   sct_safe_copy(&log, (const char *)src + 8, 8) == 8 && log) {
		want = lsize < SCT_BPF_INFO ? lsize : SCT_BPF_INFO;
		if (sct_safe_copy(dst + 16, (const void *)(uintptr_t)log, want) == want)
			n = (uint32_t)want;
	}
	memcpy(dst + 8, &n, 4);
	sct_safe_end(saved);
}

/* Before the call nothing is proven readable: every read is fault-safe. */
void sct_pre(struct sct_thread *t, unsigned call, const uint64_t *a, unsigned char *pre)
{
	const struct sct_call *c = &sct_calls[call];
	uint64_t saved = 0;
	int guarded = 0;

	(void)t;
	pre[PRE_BAD] = 0;
	if (sct_cfg.fdpath)
		sct_fdpath_pre(c, a);
	for (unsigned i = 0; i < c->nargs; i++) {
		const void *src = (const void *)(uintptr_t)a[i];
		unsigned char *dst = pre + sct_pre_off(c, i);
		size_t n;
		if (!src)
			continue;
		if (c->arg[i].kind == SCT_K_MMSG_OUT) {
			sct_mmsg_pre(src, sct_aux_value(c, &c->arg[i], a), dst);
			continue;
		}
		if (c->arg[i].kind == SCT_K_BPF_ATTR) {
			bpf_pre(src, a, dst, pre, i);
			continue;
		}
		if (c->arg[i].kind == SCT_K_FDSET)
			n = fdset_bytes(sct_aux_value(c, &c->arg[i], a));
		else if (sct_cap_kinds[c->arg[i].kind].cap == CAP_STRUCT_IO)
			n = sct_cap_kinds[c->arg[i].kind].size;
		else if (sct_cap_kinds[c->arg[i].kind].cap == CAP_MSG_OUT)
			n = sizeof(struct msghdr);
		else if (c->arg[i].kind == SCT_K_PERF_ATTR)
			n = 8;		/* its size, which E2BIG rewrites */
		else if (c->arg[i].kind == SCT_K_IOCTL_ARG && (n = sct_ioctl_pre_bytes((uint32_t)a[1])))
			;		/* a struct the command reads and rewrites */
		else
			continue;
		if (!guarded) {
			saved = sct_safe_begin();
			guarded = 1;
		}
		if (sct_safe_copy(dst, src, n) != n)
			pre[PRE_BAD] |= (uint8_t)(1u << i);
	}
	if (guarded)
		sct_safe_end(saved);
}
