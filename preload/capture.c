/* Building a record after the call: the arguments, the result, and the memory behind
 * the pointer arguments as format/kinds.h describes it.
 *
 * Memory is read after the call (what the kernel read is unchanged then; the few
 * arguments the kernel rewrites are copied before the call by sct_pre, capture_pre.c).  When the call
 * succeeded the kernel has read or written that memory, within the lengths it used, so
 * it is readable (plain memcpy: the hot path); before the call and when it failed a
 * pointer may be wild, so reads go through the fault-safe copy of safemem.h (the only
 * other read primitive here) and what cannot be read is left out (the decoder then
 * prints the address, as strace does).  A capture is never longer than the buffer the
 * program passed, whatever length the kernel returned.
 *
 * Two passes over the same code: the first measures (sink.p == NULL), the second
 * copies into the reserved record. */
#include <sys/uio.h>
#include <sys/prctl.h>
#include <asm/prctl.h>
#include "wrap.h"
#include "safemem.h"
#include "calls.h"
#include "attach.h"
#include "capture.h"
#include "dump.h"
#include "netlink.h"
#include "raw.h"
#include "standalone.h"
#include "sink.h"
#include "fdpath.h"
#include "arrays.h"
#include "capture_int.h"

static int is_lock_cmd(int cmd)
{
	return cmd == F_GETLK || cmd == F_SETLK || cmd == F_SETLKW ||
	       cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
}

/* Bytes of a socket option value worth keeping: the largest struct strace decodes
 * (SOPT_MAX), or the -s + 1 bytes strace reads of a value it prints as a string. */
static size_t sopt_cap(void)
{
	return sct_cfg.strsize + 1 > SOPT_MAX ? sct_cfg.strsize + 1 : SOPT_MAX;
}

/* The most of a clone3 struct captured: ours (88 bytes) and what strace shows of a
 * longer one's bytes past it (-s 32 of them in \x form, and a margin) */
#define CLONE_ARGS_MAX 256

/* clone3's set_tid array (int[set_tid_size], at most 32: MAX_PID_NS_LEVEL), which
 * strace shows in the struct: in the argument's OUT blob, the struct having the IN
 * one.  Read fault-safe: a refused call proves nothing. */
static void clone_set_tid(struct sink *s, unsigned i, const void *p, uint64_t size)
{
	uint64_t st[2];		/* set_tid, set_tid_size */

	if (!p || size < 80)
		return;
	s->safe = 0;
	if (sct_sink_peek(s, st, (const char *)p + 64, sizeof(st)) != sizeof(st) ||
	    !st[0] || !st[1] || st[1] > 32)
		return;
	sct_sink_blob_mem(s, i, SCT_BLOB_OUT, (const void *)(uintptr_t)st[0], (size_t)st[1] * 4, 0);
}

/* What a clone3 that succeeded left at its pidfd and parent_tid addresses, which
 * strace reads back at the call's exit ("=> {pidfd=[3], parent_tid=[42]}"): in the
 * size argument's OUT blob, { u32 readable mask (1 pidfd, 2 parent_tid), i32 pidfd,
 * i32 parent_tid }.  Read fault-safe: -e inject= fakes the success. */
static void clone_exit_words(struct sink *s, const void *p, uint64_t size, int64_t ret)
{
	uint64_t f[4];		/* flags, pidfd, child_tid, parent_tid */
	int32_t w[3] = { 0, 0, 0 };

	if (!p || size < 64)
		return;
	s->safe = 0;
	if (sct_sink_peek(s, f, p, sizeof(f)) != sizeof(f))
		return;
	if ((f[0] & 0x1000) && f[1] &&	/* CLONE_PIDFD */
	    sct_sink_peek(s, &w[1], (const void *)(uintptr_t)f[1], 4) == 4)
		w[0] |= 1;
	if ((f[0] & 0x100000) && f[3] &&	/* CLONE_PARENT_SETTID */
	    sct_sink_peek(s, &w[2], (const void *)(uintptr_t)f[3], 4) == 4) {
		w[0] |= 2;
		/* The kernel wrote the child's tid, the call's result, there.  glibc's
		 * pthread_create has CLONE_CHILD_CLEARTID clear that same word when the
		 * thread exits, which a short one can do before this read (strace's tracee
		 * is stopped at the exit): 0 there is that, not what the call left. */
		if (!w[2] && ret > 0)
			w[2] = (int32_t)ret;
	}
	sct_sink_blob_mem(s, 1, SCT_BLOB_OUT, w, sizeof(w), 0);
}

static void capture_arg(struct sink *s, const struct sct_call *c, unsigned i, const uint64_t *a,
			int64_t ret, const unsigned char *pre)
{
	const struct sct_arg *ar = &c->arg[i];
	void *p = (void *)(uintptr_t)a[i];
	uint64_t aux = sct_aux_value(c, ar, a);
	int ok = !(ret < 0 && ret >= -4095);
	size_t lim = sct_cfg.strsize + 1, n;
	unsigned size = sct_cap_kinds[ar->kind].size;

	if (ar->kind == SCT_K_CLONEFL && i == 0 && ok && ret > 0 && a[2] &&
	    (a[0] & (0x100000 | 0x1000))) {
		/* clone's CLONE_PARENT_SETTID tid or CLONE_PIDFD descriptor, written at
		 * parent_tid (arg 2), which strace reads back at the exit: fault-safe,
		 * -e inject= fakes the success */
		int32_t v;

		s->safe = 0;
		if (sct_sink_peek(s, &v, (const void *)(uintptr_t)a[2], 4) == 4) {
			if (!v && (a[0] & 0x100000))
				v = (int32_t)ret;	/* cleared already: see clone_exit_words */
			sct_sink_blob_mem(s, 2, SCT_BLOB_OUT, &v, 4, 0);
		}
		return;
	}
	switch (sct_cap_kinds[ar->kind].cap) {
	case CAP_NONE:
		break;
	case CAP_EXT:
		sct_capture_ext(s, c, i, a, ret, pre_ok(pre, i) ? pre + sct_pre_off(c, i) : NULL);
		break;
	case CAP_PATH:
		sct_sink_blob_str(s, i, p, PATH_MAX);
		break;
	case CAP_STR:
		if (ar->kind == SCT_K_PRCTL_STR && i == 4 && ok && p && (uint32_t)a[0] == 62 &&
		    (uint32_t)a[1] == 0) {
			/* PR_SCHED_CORE_GET's cookie, a u64 (read fault-safe: -e inject=
			 * fakes the success) */
			s->safe = 0;
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 8, 0);
			break;
		}
		if (ar->kind == SCT_K_PRCTL_STR && i == 1 && ok && p) {
			/* the options that write an int (a pointer for PR_GET_TID_ADDRESS)
			 * through their first argument: PR_GET_PDEATHSIG 2, PR_GET_UNALIGN 5,
			 * PR_GET_FPEMU 9, PR_GET_FPEXC 11, PR_GET_ENDIAN 19,
			 * PR_GET_TSC 25, PR_GET_CHILD_SUBREAPER 37, PR_GET_TID_ADDRESS 40 */
			uint32_t op = (uint32_t)a[0];

			if (op == 2 || op == 5 || op == 9 || op == 11 || op == 19 || op == 25 || op == 37 ||
			    op == 40) {
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, op == 40 ? 8 : 4, 0);
				break;
			}
			if (op == PR_GET_NAME) {	/* TASK_COMM_LEN bytes, NUL-terminated */
				long len = sct_sink_str_len(s, p, 16);

				if (len >= 0)
					sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, (size_t)len, 0);
				break;
			}
		}
		if (ar->kind == SCT_K_PRCTL_STR) {
			/* a string only for PR_SET_NAME (arg 1) and PR_SET_VMA (arg 4): the
			 * call's success proves nothing about the argument otherwise */
			if (!(i == 1 && (uint32_t)a[0] == PR_SET_NAME) &&
			    !(i == 4 && (uint32_t)a[0] == PR_SET_VMA))	/* the kernel reads an int */
				break;
			s->safe = 0;
			/* the kernel takes TASK_COMM_LEN - 1 bytes of the name, as strace shows */
			if (i == 1)
				lim = 15;
		}
		sct_sink_blob_str(s, i, p, lim);
		break;
	case CAP_MEM_IN:
		if (ar->kind == SCT_K_GIDS_IN || ar->kind == SCT_K_SEMBUF) {
			sct_elems_capture(s, i, p, aux, lim, ar->kind);
			break;
		}
		/* write's success proves the `ret` bytes it took, not the rest */
		n = aux < lim ? (size_t)aux : lim;
		if (ok && (uint64_t)ret < n)
			s->safe = 0;
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, n, n < aux ? SCT_BF_TRUNC : 0);
		break;
	case CAP_PATH_OUT:
		lim = PATH_MAX;
		/* fall through */
	case CAP_MEM_OUT:
		if (ar->kind == SCT_K_MINCORE_VEC) {
			/* one byte per page of the length (arg 1), written on success */
			uint64_t pages = a[1] / 4096 + (a[1] % 4096 != 0);
			if (ok && p)
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, pages < lim ? (size_t)pages : lim,
					 pages > lim ? SCT_BF_TRUNC : 0);
			break;
		}
		if (ar->kind == SCT_K_GIDS_OUT) {
			/* getgroups: ret gids of 4 bytes, which the kernel wrote only when
			 * the size (arg 0) was not 0; strace shows them either way */
			if (ok && ret > 0) {
				n = ((uint64_t)ret < lim ? (size_t)ret : lim) * 4;
				if (a[0] == 0)
					s->safe = 0;
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, n, (uint64_t)ret > lim ? SCT_BF_TRUNC : 0);
			}
			break;
		}
		/* recvfrom(MSG_TRUNC) returns the datagram's length: at most the buffer */
		if (ok && ret >= 0) {
			uint64_t have = ar->aux < SCT_MAX_ARGS && aux < (uint64_t)ret ? aux : (uint64_t)ret;
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, have < lim ? (size_t)have : lim,
				 have > lim ? SCT_BF_TRUNC : 0);
		}
		break;
	case CAP_IOCTL:	/* by the command (preload/capture_ioctl.c) */
		sct_capture_ioctl(s, i, a, ret, pre_ok(pre, i) ? pre + sct_pre_off(c, i) : NULL);
		break;
	case CAP_STRUCT_IN:
		if (!(size = sct_struct_size(s, ar->kind, ar->aux < SCT_MAX_ARGS, aux, size)))
			break;	/* sigsets, mq_open's attributes (preload/ipcbuf.c) */
		/* clone3 reads the size it is given (arg 1), which may be less than
		 * ours: its success proves those bytes, not the rest of our 88 (strace's
		 * clone3 test puts a 64-byte one at the end of a page) */
		if (ar->kind == SCT_K_CLONE_ARGS) {
			clone_set_tid(s, i, p, a[1]);
			if (ok)
				clone_exit_words(s, p, a[1], ret);
		}
		if (ar->kind == SCT_K_CLONE_ARGS && a[1] < size)
			size = (unsigned)a[1];
		if (ar->kind == SCT_K_CLONE_ARGS && a[1] > size && p) {
			/* a longer struct than ours: strace shows its bytes past 88 that
			 * are not zero, "???" when it cannot read them; what the kernel
			 * refused may be unreadable, hence the readable prefix */
			n = a[1] < CLONE_ARGS_MAX ? (size_t)a[1] : CLONE_ARGS_MAX;
			s->safe = 0;
			n = sct_sink_readable_prefix(s, p, n);
			if (n >= 64)
				sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, n, 0);
			break;
		}
		if (ar->kind == SCT_K_FUTEX_TIME) {
			/* a timeout only for the waits; val2, a number, for the other
			 * commands, which succeed without reading it.  An unknown command
			 * is shown whole (format/futex.c): read fault-safe. */
			unsigned cmd = (uint32_t)a[1] & ~(128u | 256u);
			if (cmd > 13)
				s->safe = 0;
			else if (cmd != 0 && cmd != 6 && cmd != 9 && cmd != 11 && cmd != 13)
				break;	/* FUTEX_WAIT, _LOCK_PI, _WAIT_BITSET, _WAIT_REQUEUE_PI, _LOCK_PI2 */
		}
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, size, 0);
		break;
	case CAP_STRUCT_OUT:
		if (!(size = sct_struct_size(s, ar->kind, ar->aux < SCT_MAX_ARGS, aux, size)))
			break;	/* sigsets, sched_getattr's (preload/ipcbuf.c) */
		/* arch_prctl writes through its argument only for the ARCH_GET_* codes
		 * (FS, GS, and XCOMP_SUPP 0x1021, XCOMP_PERM 0x1022, XCOMP_GUEST_PERM 0x1024) */
		if (ar->kind == SCT_K_ARCH_PRCTL_ARG && a[0] != ARCH_GET_FS && a[0] != ARCH_GET_GS &&
		    a[0] != 0x1021 && a[0] != 0x1022 && a[0] != 0x1024)
			break;
		/* nanosleep's remainder is written when a signal cuts it short: EINTR,
		 * or ERESTART_RESTARTBLOCK as a handler sees it first (dispatch_sig.c) */
		if (ok || (ar->kind == SCT_K_TIMESPEC_OUT &&
			   (ret == -EINTR || ret == -SCT_ERESTART_RESTARTBLOCK)))
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, size, 0);
		break;
	case CAP_STRUCT_IO:
		if (p && pre_ok(pre, i)) {
			int safe = s->safe;
			s->safe = 1;
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, pre + sct_pre_off(c, i), size, 0);
			s->safe = safe;
			if (ok && !(s->no_out & (1u << i)) && ar->kind != SCT_K_SCHED_ATTR)
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, size, 0);
			/* sched_setattr's E2BIG: the size the kernel wrote back, fault-safe */
			if (ar->kind == SCT_K_SCHED_ATTR && ret == -E2BIG && !(s->safe = 0))
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, 4, 0);
		}
		break;
	case CAP_POLL:	/* the readable start of the array, as strace reads it */
		n = (size_t)(aux < MAX_ELEMS ? aux : MAX_ELEMS) * sizeof(struct pollfd);
		sct_elems_capture(s, i, p, aux, MAX_ELEMS, ar->kind);
		if (ok)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, n, 0);
		break;
	case CAP_FDSET:
		if (p && pre_ok(pre, i)) {
			int safe = s->safe;
			s->safe = 1;
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, pre + sct_pre_off(c, i), fdset_bytes(aux), 0);
			if (sct_cfg.fdpath)
				sct_fdpath_fdset(s, i, pre + sct_pre_off(c, i), fdset_bytes(aux), aux);
			s->safe = safe;
			if (ok)
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, fdset_bytes(aux), 0);
		}
		break;
	case CAP_SADDR_IN:
		sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, aux < SADDR_MAX ? (size_t)aux : SADDR_MAX, 0);
		break;
	case CAP_SADDR_OUT:
		/* *len after the call is the address's full length: at most the buffer */
		if (ok && p && aux) {
			uint64_t len = sct_len_before(c, ar->aux, pre, SADDR_MAX);
			socklen_t got;	/* a faked success (-e inject=) proved nothing */
			sct_sink_peek(s, &got, (const void *)(uintptr_t)aux, sizeof(got));
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, sct_sink_min3(got, len, SADDR_MAX), 0);
		}
		break;
	case CAP_IOV_IN:
		sct_sink_blob_iov(s, i, SCT_BLOB_IN, p, (size_t)aux, UINT64_MAX);
		break;
	case CAP_IOV_OUT:
		/* failed: the array as passed (addresses and lengths, no data) */
		sct_sink_blob_iov(s, i, ok ? SCT_BLOB_OUT : SCT_BLOB_IN, p, (size_t)aux, ok ? (uint64_t)ret : 0);
		break;
	case CAP_MSG_IN:
		sct_sink_blob_msg(s, i, SCT_BLOB_IN, p, NULL, UINT64_MAX);
		break;
	case CAP_MSG_OUT:
		/* the msghdr as passed (msg_namelen before the call), then as returned */
		if (p && pre_ok(pre, i)) {
			const struct msghdr *before = (const void *)(pre + sct_pre_off(c, i));
			uint32_t caps[2] = { 0, 0 };
			sct_sink_blob_begin(s, i, SCT_BLOB_IN);
			sct_sink_put_raw(s, before, sizeof(*before));
			sct_sink_put_raw(s, caps, sizeof(caps));
			sct_sink_blob_end(s, 0);
			if (ok)
				sct_sink_blob_msg(s, i, SCT_BLOB_OUT, p, before, (uint64_t)ret);
		} else if (ok) {
			sct_sink_blob_msg(s, i, SCT_BLOB_OUT, p, NULL, (uint64_t)ret);
		}
		break;
	case CAP_ARGV:
		sct_sink_blob_argv(s, i, p);
		break;
	case CAP_ENVP:
		sct_sink_blob_argv(s, i, p);
		break;
	case CAP_DIRENTS:
		if (ok && ret >= 0 && s->safe) {	/* not after a faked success (-e inject=) */
			uint64_t cnt = sct_sink_count_dirents(p, ret);

			/* the count; with -v the entries too (format/file.c), up to 4 KiB */
			sct_sink_blob_begin(s, i, SCT_BLOB_OUT);
			sct_sink_put_raw(s, &cnt, sizeof(cnt));
			if (sct_cfg.noabbrev)
				sct_sink_put(s, p, ret < 4096 ? (size_t)ret : 4096);
			sct_sink_blob_end(s, ret > 4096 && sct_cfg.noabbrev ? SCT_BF_TRUNC : 0);
		}
		break;
	case CAP_EPOLL_OUT:
		if (ok && ret > 0)
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p,
				 (size_t)(ret < MAX_ELEMS ? ret : MAX_ELEMS) * sizeof(struct epoll_event), 0);
		break;
	case CAP_FCNTL:
		if (is_lock_cmd((int)aux) || (uint32_t)aux == F_SETOWN_EX || (uint32_t)aux == F_GETOWN_EX) {
			n = is_lock_cmd((int)aux) ? sizeof(struct flock) : sizeof(struct f_owner_ex);
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, p, n, 0);
			if (ok)
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p, n, 0);
		}
		break;
	case CAP_MMSG:
	case CAP_IPCBUF:
	case CAP_MSGBUF:
	case CAP_KEYCTL:	/* preload/arrays.c, ipcbuf.c, keyctl.c */
		sct_capture_kind(s, i, ar->kind, a, aux, ret, ok, lim,
				 pre_ok(pre, i) ? pre + sct_pre_off(c, i) : NULL);
		break;
	case CAP_SOPT_IN:
		/* setsockopt's success proves only what the option reads (SO_LINGER takes
		 * 8 bytes of an optlen of 9): keep the readable start of what strace would
		 * read (a struct, or the first -s bytes); the decoder prints the address
		 * when it needs more than that */
		s->safe = 0;
		if (p && aux)
			sct_sink_blob_mem(s, i, SCT_BLOB_IN, p,
					  sct_sink_readable_prefix(s, p, sct_sink_min3(aux, sopt_cap(), SIZE_MAX)), 0);
		/* -v: SO_ATTACH_FILTER's and SO_ATTACH_REUSEPORT_CBPF's instructions */
		if (p && aux == 16 && sct_cfg.noabbrev && (uint32_t)a[1] == SOL_SOCKET &&
		    ((uint32_t)a[2] == 26 || (uint32_t)a[2] == 51)) {
			struct { uint16_t len; uint64_t filter; } fp;

			if (sct_sink_peek(s, &fp.len, p, 2) == 2 &&
			    sct_sink_peek(s, &fp.filter, (const char *)p + 8, 8) == 8 && fp.filter &&
			    fp.len)
				sct_sink_blob_mem(s, i, SCT_BLOB_OUT, (const void *)(uintptr_t)fp.filter,
						  sct_sink_readable_prefix(s, (const void *)(uintptr_t)fp.filter,
								  fp.len < 1024 ? fp.len * 8u : 8192), 0);
		}
		break;
	case CAP_SOPT_OUT:
		/* *len after the call is the option's size, which the kernel may not have
		 * written whole (NETLINK_LIST_MEMBERSHIPS with a short buffer): strace reads
		 * that many bytes whatever the buffer's size, so do we, fault-safe */
		if (ok && p && aux) {
			socklen_t got;
			sct_sink_peek(s, &got, (const void *)(uintptr_t)aux, sizeof(got));
			s->safe = 0;
			/* SO_GET_FILTER's length counts instructions of 8 bytes (-v) */
			if ((uint32_t)a[1] == SOL_SOCKET && (uint32_t)a[2] == 26 && sct_cfg.noabbrev)
				got = got < 1024 ? got * 8 : 8192;
			sct_sink_blob_mem(s, i, SCT_BLOB_OUT, p,
					  sct_sink_readable_prefix(s, p, sct_sink_min3(got, sopt_cap(), SIZE_MAX)), 0);
		}
		break;
	}
}

static void capture_all(struct sink *s, const struct sct_call *c, const uint64_t *a, int64_t ret,
			const unsigned char *pre)
{
	int safe = s->safe;

	for (unsigned i = 0; i < c->nargs; i++) {
		capture_arg(s, c, i, a, ret, pre);
		s->safe = safe;
	}
	if (sct_cfg.fdpath)
		sct_fdpath_capture(s, c, a, ret);
}

/* Calls none of whose arguments capture memory (getppid, close, lseek, dup2...):
 * their records skip both capture passes.  Filled by the constructor, then only read. */
static uint8_t bare[SCT_MAX_CALLS];

void sct_capture_init(void)
{
	for (unsigned i = 0; i < sct_ncalls && i < SCT_MAX_CALLS; i++) {
		bare[i] = 1;
		for (unsigned j = 0; j < sct_calls[i].nargs; j++)
			if (sct_cap_kinds[sct_calls[i].arg[j].kind].cap != CAP_NONE)
				bare[i] = 0;
		if ((sct_cfg.fdpath && sct_fdpath_wanted(&sct_calls[i])) || sct_cfg.show_ip)
			bare[i] = 0;
	}
}

static inline void call_header(struct sct_rec *r, uint32_t size, const struct sct_thread *t,
			       unsigned call, const uint64_t *a, int64_t ret, uint64_t t0, uint64_t t1,
			       unsigned flags)
{
	r->size = sct_align8(size);
	r->call = (uint16_t)call;
	r->kind = SCT_REC_CALL;
	r->flags = (uint8_t)flags;
	r->pid = t->pid;
	r->tid = t->tid;
	r->t0 = t0;
	r->t1 = t1;
	r->ret = ret;
	memcpy(r->arg, a, sizeof(r->arg));	/* the wrappers zero what a call does not use */
}

/* A call with nothing to capture (getppid, close...): the header alone, without the
 * capture state (callgrind, traced getppid: 188 -> 175 instructions per call). */
static inline void record_bare(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
			       uint64_t t0, uint64_t t1, unsigned flags)
{
	struct sct_rec *r = sct_reserve(t, sizeof(*r));

	if (!r)
		return;
	call_header(r, sizeof(*r), t, call, a, ret, t0, t1, flags);
	sct_ring_commit(&t->ring);
}

/* -i: the call's address as a blob at p; its bytes (0 when not known) */
static uint32_t ip_blob(struct sct_thread *t, unsigned char *p)
{
	uint64_t ip = t->trap_ip ? t->trap_ip : t->ret_ip;
	struct sct_blob *b = (struct sct_blob *)p;

	if (ip == 1)
		return 0;
	if (p) {
		memset(b, 0, sizeof(*b));
		b->arg = SCT_BLOB_ARG_IP;
		b->len = sizeof(ip);
		memcpy(b + 1, &ip, sizeof(ip));
	}
	return sizeof(*b) + sizeof(ip);
}

/* `flags` is a constant in each caller: sct_record's code stays as it was (-e inject=
 * has its own copy, sct_record_flags).  A faked result proves no memory readable. */
static inline __attribute__((always_inline)) void
record(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret, uint64_t t0,
       uint64_t t1, const unsigned char *pre, unsigned flags)
{
	uint32_t ipn;
	const struct sct_call *c = &sct_calls[call];
	struct sink s = { NULL, 0, 0, !(ret < 0 && ret >= -4095) && !(flags & SCT_RF_INJECTED),
			  0, 0, 0, t->no_out, 0 };
	struct sct_rec *r;
	uint32_t size;
	int nl;

	t->no_out = 0;
	/* attached (preload/attach.c): a runner that left is noticed here */
	if (__builtin_expect(sct_attach_pg != NULL, 0) && !sct_attach_poll(t))
		return;
	if (__builtin_expect(t->cut.how != 0, 0) && call == t->cut.call && t0 == t->cut.t0) {
		unsigned how = t->cut.how;

		t->cut.how = 0;
		if (how == SCT_CUT_SAID)
			return;
		t0 = t->cut.t0new;
	}
	if (bare[call]) {
		record_bare(t, call, a, ret, t0, t1, flags);
		return;
	}
	if (sct_cfg.fdpath)		/* here, not in capture_all: see the dump's note */
		sct_fdpath_record();
	nl = sct_netlink_proto(&s, call, a, ret, pre);
	capture_all(&s, c, a, ret, pre);
	if (nl != -1)
		sct_capture_netlink(&s, call, a, ret, nl);
	/* -e read=/-e write= (dump.c).  Here rather than in capture_all: there it cost
	 * 64 bytes more stack under every captured call, which overflowed the 4 KiB
	 * alternate stack of e2e altstack-transparent in complete mode. */
	if (sct_cfg.dump)
		sct_capture_dump(&s, call, a, ret);
	ipn = sct_cfg.show_ip ? ip_blob(t, NULL) : 0;
	size = (uint32_t)sizeof(*r) + s.n + ipn;
	if (size > SCT_REC_MAX)		/* only with a huge -s: keep the call, drop its data */
		s.n = 0, size = sizeof(*r) + ipn;
	if (!(r = sct_reserve(t, size)))
		goto out;
	call_header(r, size, t, call, a, ret, t0, t1, flags);
	if (s.n) {
		s.p = (unsigned char *)(r + 1);
		s.lim = s.n;
		s.n = 0;
		capture_all(&s, c, a, ret, pre);
		if (nl != -1)
			sct_capture_netlink(&s, call, a, ret, nl);
		if (sct_cfg.dump)
			sct_capture_dump(&s, call, a, ret);
		if (s.over) {		/* keep the call, drop its data: one filler blob */
			struct sct_blob *b = (struct sct_blob *)s.p;
			memset(b, 0, sizeof(*b));
			b->arg = SCT_BLOB_ARG_FILL;
			b->len = s.lim - (uint32_t)sizeof(*b);
		}
	}
	if (ipn)
		ip_blob(t, (unsigned char *)r + size - ipn);	/* the last blob */
	sct_ring_commit(&t->ring);
out:
	if (s.guarded)
		sct_safe_end(s.saved);
}

void sct_record(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
		uint64_t t0, uint64_t t1, const unsigned char *pre)
{
	record(t, call, a, ret, t0, t1, pre, 0);
}

void sct_record_flags(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
		      uint64_t t0, uint64_t t1, const unsigned char *pre, unsigned flags)
{
	record(t, call, a, ret, t0, t1, pre, flags);
}
