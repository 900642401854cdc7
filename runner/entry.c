/* The entry part of a call still in flight (runner/inflight.c): which arguments strace
 * prints on entry, and a record of them made from the call's slot and, where the
 * kernel lets us, the program's memory. */
#include <string.h>
#include <sys/uio.h>
#include "calls.h"
#include "decode.h"
#include "inflight.h"

/* Kinds whose value strace prints when the call returns: the entry part stops at the
 * first of them.  By capture method (format/kinds.h): what the kernel writes. */
#define SCT_EXIT_NONE 0
#define SCT_EXIT_PATH 0
#define SCT_EXIT_STR 0
#define SCT_EXIT_MEM_IN 0
#define SCT_EXIT_MEM_OUT 1
#define SCT_EXIT_PATH_OUT 1
#define SCT_EXIT_IOCTL 1
#define SCT_EXIT_STRUCT_IN 0
#define SCT_EXIT_STRUCT_OUT 1
#define SCT_EXIT_STRUCT_IO 1
#define SCT_EXIT_POLL 0
#define SCT_EXIT_FDSET 0
#define SCT_EXIT_SADDR_IN 0
#define SCT_EXIT_SADDR_OUT 1
#define SCT_EXIT_IOV_IN 0
#define SCT_EXIT_IOV_OUT 1
#define SCT_EXIT_MSG_IN 0
#define SCT_EXIT_MSG_OUT 1
#define SCT_EXIT_ARGV 0
#define SCT_EXIT_ENVP 0
#define SCT_EXIT_DIRENTS 1
#define SCT_EXIT_EPOLL_OUT 1
#define SCT_EXIT_FCNTL 0
#define SCT_EXIT_SOPT_IN 0
#define SCT_EXIT_SOPT_OUT 1
#define SCT_EXIT_EXT 1		/* some are read on entry: the entry part stops short */
#define SCT_KIND_EXIT(id, name, cap, size) [SCT_K_##id] = SCT_EXIT_##cap,
static const unsigned char exit_kind[SCT_NKINDS] = { SCT_KINDS(SCT_KIND_EXIT) };

unsigned sct_entry_args(const struct sct_call *c)
{
	unsigned k;

	for (k = 0; k < c->nargs && k < SCT_MAX_ARGS; k++) {
		unsigned kind = c->arg[k].kind;
		/* pselect6's timeout and splice's offsets: read by the kernel first */
		if (kind == SCT_K_TIMESPEC_IO || kind == SCT_K_LOFF_IN)
			continue;
		if (kind < SCT_NKINDS && exit_kind[kind])
			break;
	}
	return k;
}

/* The program's memory, where the kernel lets us read it (process_vm_readv: the same
 * permission as ptrace's, so not under YAMA ptrace_scope >= 2 or a seccomp profile
 * that forbids it); what cannot be read prints as its address. */
static size_t peek(int pid, void *dst, uint64_t src, size_t n)
{
	struct iovec l = { dst, n }, r = { (void *)(uintptr_t)src, n };
	ssize_t got;

	if (!src || !n)
		return 0;
	got = process_vm_readv(pid, &l, 1, &r, 1, 0);
	return got > 0 ? (size_t)got : 0;
}

#define CAP_NO 0
#define CAP_STRING 1			/* up to a NUL, at most `max` bytes */
#define CAP_BYTES 2			/* exactly n bytes, or nothing */
#define K(id, nm, cap, size) [SCT_K_##id] = size,
static const unsigned short kind_size[SCT_NKINDS] = { SCT_KINDS(K) };
#undef K

/* Bytes to capture of argument i of r as the library would have before the call
 * (preload/capture.c, kinds.h): 0 when nothing; *string for NUL-terminated ones. */
static size_t entry_bytes(const struct sct_call *c, unsigned i, const uint64_t *a, unsigned strsize,
			  int *string, uint8_t *flags)
{
	unsigned kind = c->arg[i].kind;
	uint64_t aux = sct_aux_value(c, &c->arg[i], a), lim = (uint64_t)strsize + 1;

	*string = 0;
	*flags = 0;
	switch (kind) {
	case SCT_K_PATH:
		*string = 1;
		return 4096;
	case SCT_K_STR:
		*string = 1;
		return (size_t)lim;
	case SCT_K_BUF_IN:
	case SCT_K_XATTR_VAL:
	case SCT_K_CPUSET_IN:
		if (aux > lim)
			*flags = SCT_BF_TRUNC;
		return (size_t)(aux < lim ? aux : lim);
	case SCT_K_POLLFDS:
		return (size_t)(aux < 1024 ? aux : 1024) * 8;
	case SCT_K_FDSET: {
		uint64_t n = (aux + 7) / 8;
		return sct_align8((uint32_t)(n < 128 ? n : 128));
	}
	case SCT_K_SADDR_IN:
		return (size_t)(aux < 128 ? aux : 128);
	case SCT_K_TIMEVAL: case SCT_K_TIMESPEC: case SCT_K_TIMESPEC_IO: case SCT_K_EPOLL_EV:
	case SCT_K_SIGSET: case SCT_K_SIGACT: case SCT_K_STACK_T: case SCT_K_SIGINFO:
	case SCT_K_UTIMENS: case SCT_K_CLONE_ARGS: case SCT_K_RLIMIT64: case SCT_K_FUTEX_TIME:
	case SCT_K_LOFF_IN:
		return kind_size[kind];
	default:
		return 0;
	}
}

static unsigned char slot_rec[sizeof(struct sct_rec) + SCT_MAX_ARGS * (sizeof(struct sct_blob) + 4104)]
	__attribute__((aligned(8)));

const struct sct_rec *sct_entry_record(const struct sct_pend_ent *e, unsigned strsize)
{
	struct sct_rec *r = (struct sct_rec *)slot_rec;
	const struct sct_call *c = &sct_calls[e->call];
	unsigned k = sct_entry_args(c);
	size_t off = sizeof(*r);

	memset(r, 0, sizeof(*r));
	r->kind = SCT_REC_CALL;
	r->call = (uint16_t)e->call;
	r->pid = e->pid;
	r->tid = e->tid;
	r->t0 = r->t1 = e->t0;
	memcpy(r->arg, e->arg, sizeof(r->arg));
	for (unsigned i = 0; i < k; i++) {
		struct sct_blob *b = (struct sct_blob *)(slot_rec + off);
		unsigned char *data = (unsigned char *)(b + 1);
		int string;
		uint8_t flags;
		size_t want = entry_bytes(c, i, e->arg, strsize, &string, &flags), got;

		if (!want || want > 4096 || !(got = peek(e->pid, data, e->arg[i], want)))
			continue;
		if (string) {
			size_t n = strnlen((const char *)data, got);
			if (n == got && got < want)
				continue;	/* no NUL in what could be read */
			flags = n == want ? SCT_BF_TRUNC : 0;
			got = n;
		} else if (got < want) {
			continue;
		}
		b->arg = (uint8_t)i;
		b->when = SCT_BLOB_IN;
		b->flags = flags;
		b->pad = 0;
		b->len = (uint32_t)got;
		off += sct_blob_span(b);
	}
	r->size = (uint32_t)off;
	return r;
}
