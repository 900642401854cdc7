/* -y and -P: the descriptors a call names other than as a plain argument, recorded
 * by preload/fdpath.c's capture under the argument that holds them: in a structure
 * (landlock's parent_fd, io_uring's wq_fd, mount_attr's userns_fd, AF_XDP's
 * sxdp_shared_umem_fd), where a call writes one (clone's CLONE_PIDFD), one that
 * depends on a command (fsconfig's aux, kcmp's), or one of another process
 * (pidfd_getfd's targetfd). */
#include <stdint.h>
#include "wrap.h"
#include "calls.h"
#include "raw.h"
#include "sink.h"
#include "fdpath_int.h"
#include "bpf_cmds.h"

/* A descriptor inside a structure argument (landlock_add_rule's parent_fd,
 * io_uring_setup's wq_fd), read fault-safe: recorded under the structure's argument */
void sct_fdpath_blob_field_fd(struct sink *s, unsigned arg, uint64_t p, size_t off)
{
	int32_t fd;
	int safe = s->safe;

	s->safe = 0;		/* a failed call proves nothing readable */
	if (p && sct_sink_peek(s, &fd, (const char *)(uintptr_t)p + off, 4) == 4 && fd >= 0)
		sct_fdpath_blob_fd(s, arg, fd);
	s->safe = safe;
}

/* bpf(2)'s attribute's descriptors, each under its own slot (format/bpf_cmds.h); its
 * own function, out of line: its arrays stay off the common path's stack */
static __attribute__((noinline)) void bpf_fds(struct sink *s, unsigned i, const uint64_t *a)
{
	const struct sct_bpf_cmd *bc = sct_bpf_cmd_find((uint32_t)a[0]);
	uint32_t size = (uint32_t)a[2];
	int fds[8];
	uint64_t it[2] = { 0, 0 };
	int safe = s->safe;

	/* a field past the size given reads as 0 (strace zero-fills) */
	for (unsigned k = 0; bc && k < 3 && size <= 4096; k++)
		if (bc->fd[k] != 0xff && size >= bc->fd[k] + 4u)
			sct_fdpath_blob_field_fd(s, sct_bpf_fd_slot(k), a[i], bc->fd[k]);
		else if (bc->fd[k] != 0xff && size <= bc->fd[k])
			sct_fdpath_blob_fd(s, sct_bpf_fd_slot(k), 0);
	/* BPF_LINK_CREATE's BPF_TRACE_ITER iter_info map_fds, the first 8, slot 5 */
	s->safe = 0;
	if ((uint32_t)a[0] == 28 && size >= 28 &&
	    sct_sink_peek(s, fds, (const char *)(uintptr_t)a[i] + 8, 4) == 4 && fds[0] == 28 &&
	    sct_sink_peek(s, it, (const char *)(uintptr_t)a[i] + 16, 12) == 12 && it[0]) {
		unsigned n = (uint32_t)it[1] < 8 ? (uint32_t)it[1] : 8, m = 0;

		while (m < n && sct_sink_peek(s, &fds[m], (const char *)(uintptr_t)it[0] + 4 * m,
					      4) == 4)
			m++;
		sct_fdpath_blob_fds(s, 5, fds, m);
	}
	s->safe = safe;
}

/* io_uring_register's descriptor arrays' first 8 (slot 2), and
 * IORING_REGISTER_FILES_UPDATE's (slot 4) */
static __attribute__((noinline)) void uring_fds(struct sink *s, unsigned i, const uint64_t *a)
{
	uint32_t op = (uint32_t)a[1], n = (uint32_t)a[3] < 8 ? (uint32_t)a[3] : 8, m = 0;
	uint64_t at = a[i];
	int fds[8], safe = s->safe;

	if (op != 2 && op != 4 && op != 7 && op != 6)
		return;
	s->safe = 0;
	if (op == 6 && (!at || sct_sink_peek(s, &at, (const char *)(uintptr_t)a[i] + 8, 8) != 8))
		at = 0;
	while (at && m < n && sct_sink_peek(s, &fds[m], (const char *)(uintptr_t)at + 4 * m, 4) == 4)
		m++;
	s->safe = safe;
	if (m)
		sct_fdpath_blob_fds(s, op == 6 ? 4 : 2, fds, m);
}

#define MAX_CMSG_FDS 32		/* strace's default -s shows 32 of them */
#define MAX_CMSG_WALK 4096	/* bytes of control messages looked at */

/* SCM_RIGHTS' descriptors in the control messages of the msghdr at p (sendmsg's as
 * sent, recvmsg's as received), read fault-safe.  Not inlined: its array stays off
 * the capture path's frame for every other call (a handler on a 4 KiB alternate
 * signal stack has little room). */
static __attribute__((noinline)) void msg_fds(struct sink *s, unsigned arg, uint64_t p)
{
	struct { uint64_t len; int32_t level, type; } cm;
	uint64_t h[2];		/* msg_control, msg_controllen */
	int fds[MAX_CMSG_FDS], safe = s->safe;
	unsigned n = 0;

	s->safe = 0;
	if (!p || sct_sink_peek(s, h, (const char *)(uintptr_t)p + 32, 16) != 16 || !h[0])
		h[1] = 0;
	if (h[1] > MAX_CMSG_WALK)
		h[1] = MAX_CMSG_WALK;
	for (uint64_t off = 0; off + 16 <= h[1] && n < MAX_CMSG_FDS; off += (cm.len + 7) & ~7ULL) {
		const char *c = (const char *)(uintptr_t)(h[0] + off);

		if (sct_sink_peek(s, &cm, c, 16) != 16 || cm.len < 16 || cm.len > h[1] - off)
			break;
		if (cm.level != 1 || cm.type != 1)	/* SOL_SOCKET, SCM_RIGHTS */
			continue;
		for (uint64_t q = 16; q + 4 <= cm.len && n < MAX_CMSG_FDS; q += 4) {
			if (sct_sink_peek(s, &fds[n], c + q, 4) != 4)
				break;
			n += fds[n] >= 0;	/* a bad one sent names nothing */
		}
	}
	s->safe = safe;
	if (n)
		sct_fdpath_blob_fds(s, arg, fds, n);
}

void sct_fdpath_arg(struct sink *s, const struct sct_call *c, unsigned i, const uint64_t *a,
		    int64_t ret)
{
	int ok = !(ret < 0 && ret >= -4095);

	switch (c->arg[i].kind) {
	case SCT_K_KCMP_IDX:	/* KCMP_FILE's and KCMP_EPOLL_TFD's descriptors, when
				 * the process they belong to is this one */
		if (((uint32_t)a[2] == 0 || ((uint32_t)a[2] == 7 && i == 3)) &&
		    (int32_t)a[i - 3] == (int32_t)sct_sys0(SYS_getpid))
			sct_fdpath_blob_fd(s, i, (int)a[i]);
		break;
	case SCT_K_LL_RULE:	/* LANDLOCK_RULE_PATH_BENEATH's parent_fd */
		if ((uint32_t)a[1] == 1)
			sct_fdpath_blob_field_fd(s, i, a[i], 8);
		break;
	case SCT_K_CLONEFL: {	/* clone's CLONE_PIDFD descriptor, at parent_tid */
		int32_t pfd;
		int safe = s->safe;

		if (i != 0 || !ok || ret <= 0 || !a[2] || (a[0] & 0x100000) || !(a[0] & 0x1000))
			break;
		s->safe = 0;
		if (sct_sink_peek(s, &pfd, (const void *)(uintptr_t)a[2], 4) == 4 && pfd >= 0)
			sct_fdpath_blob_fd(s, 2, pfd);
		s->safe = safe;
		break;
	}
	case SCT_K_FSCFG_AUX:	/* FSCONFIG_SET_PATH*'s dirfd, FSCONFIG_SET_FD's fd */
		if ((uint32_t)a[1] == 3 || (uint32_t)a[1] == 4 ||
		    ((uint32_t)a[1] == 5 && (int32_t)a[i] >= 0))
			sct_fdpath_blob_fd(s, i, (int)a[i]);
		break;
	case SCT_K_MOUNT_ATTR: {	/* userns_fd, with MOUNT_ATTR_IDMAP set or cleared */
		uint64_t f[4];
		int safe = s->safe;

		if (a[4] < 32 || !a[i])
			break;
		s->safe = 0;
		if (sct_sink_peek(s, f, (const void *)(uintptr_t)a[i], sizeof(f)) == sizeof(f) &&
		    ((f[0] | f[1]) & 0x100000) && f[3] <= 0x7fffffff)
			sct_fdpath_blob_fd(s, i, (int)f[3]);
		s->safe = safe;
		break;
	}
	case SCT_K_SADDR_IN: {	/* AF_XDP's sxdp_shared_umem_fd, with XDP_SHARED_UMEM */
		uint16_t fam[2] = { 0, 0 };	/* sa_family, sxdp_flags */
		int safe = s->safe;

		if (c->arg[i].aux >= SCT_MAX_ARGS || (uint32_t)a[c->arg[i].aux] < 16 || !a[i])
			break;
		s->safe = 0;
		sct_sink_peek(s, fam, (const void *)(uintptr_t)a[i], sizeof(fam));
		s->safe = safe;
		if (fam[0] == 44 && (fam[1] & 1))
			sct_fdpath_blob_field_fd(s, i, a[i], 12);
		break;
	}
	case SCT_K_URING_PARAMS: {	/* wq_fd, with IORING_SETUP_ATTACH_WQ */
		uint32_t fl = 0;
		int safe = s->safe;

		s->safe = 0;
		if (a[i])
			sct_sink_peek(s, &fl, (const char *)(uintptr_t)a[i] + 8, 4);
		s->safe = safe;
		if (fl & 0x20)
			sct_fdpath_blob_field_fd(s, i, a[i], 24);
		break;
	}
	case SCT_K_BPF_ATTR:
		bpf_fds(s, i, a);
		break;
	case SCT_K_URING_REG_ARG:
		uring_fds(s, i, a);
		break;
	case SCT_K_MSG_IN:	/* SCM_RIGHTS' descriptors as sent */
		msg_fds(s, i, a[i]);
		break;
	case SCT_K_MSG_OUT:	/* as received */
		if (ok)
			msg_fds(s, i, a[i]);
		break;
	case SCT_K_PIDFD_TFD:	/* in the process the pidfd (arg 0) refers to */
		sct_fdpath_remote_fd(s, i, (int32_t)a[0], (int32_t)a[i]);
		break;
	}
}
