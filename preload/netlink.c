/* Netlink messages: strace shows the buffer of sendto and recvfrom on a netlink
 * socket, and the iovecs of sendmsg and recvmsg whose msg_name is a netlink address,
 * as netlink messages (format/netlink.c).  That needs the socket's protocol, which
 * strace learns from sock_diag and we ask the socket itself at the call, and the
 * messages whole rather than -s bytes of them.
 *
 * The cost stays off other sockets' calls: sendmsg and recvmsg ask nothing unless
 * their msg_name is AF_NETLINK (read anyway), sendto and recvfrom only when they name
 * no address of another family and their data could be netlink messages
 * (plausible() below); those then ask the socket its domain (one raw getsockopt).
 * Once the program has a seccomp filter nothing is asked: sendto and recvfrom print
 * as strings then, sendmsg and recvmsg as messages of no known protocol.
 *
 * What is captured is the readable start of each buffer (strace prints the address
 * of a message it cannot read), at most SCT_NETLINK_MAX bytes a call. */
#include <sys/uio.h>
#include "wrap.h"
#include "calls.h"
#include "netlink.h"
#include "raw.h"
#include "sink.h"
#include "spare.h"
#include "clock.h"
#include "capture_int.h"

#ifndef AF_NETLINK
#define AF_NETLINK 16
#endif

enum { N_NONE, N_BUF_IN, N_BUF_OUT, N_MSG_IN, N_MSG_OUT };

static int how(unsigned call)
{
	if (call == SCT_CALL_sendto)
		return N_BUF_IN;
	if (call == SCT_CALL_recvfrom)
		return N_BUF_OUT;
	if (call == SCT_CALL_sendmsg)
		return N_MSG_IN;
	if (call == SCT_CALL_recvmsg)
		return N_MSG_OUT;
	return N_NONE;
}

/* The socket's SO_DOMAIN or SO_PROTOCOL; -1 when not to be asked: a seccomp filter
 * of the program's may forbid getsockopt (or kill for it), strict mode does */
static int sock_opt(int fd, int opt)
{
	int v = -1;
	socklen_t len = sizeof(v);

	if (sct_sandboxed || sct_strict_thread())
		return -1;
	if (sct_sys(SYS_getsockopt, fd, SOL_SOCKET, opt, &v, &len) != 0)
		return -1;
	return v;
}

/* The family of the sockaddr at p of length len, -1 when none or unreadable */
static int addr_family(struct sink *s, const void *p, uint64_t len)
{
	sa_family_t f;

	if (!p || len < sizeof(f) || sct_sink_peek(s, &f, p, sizeof(f)) != sizeof(f))
		return -1;
	return f;
}

/* Could the buffer of sendto (what it sends) or recvfrom (what it received) be
 * netlink messages?  Only then is the socket asked.  A buffer of at least a header
 * whose first message's nlmsg_len is over 1 MiB (text: "GET " reads as 542 million)
 * or, received, longer than what came, is not, unless it starts a libudev header;
 * one shorter than a header, or unreadable, may be (strace shows those in hex, or
 * the address, either way). */
#define NL_PLAUSIBLE_MAX (1u << 20)

static int plausible(struct sink *s, int kind, const uint64_t *a, int64_t ret)
{
	uint64_t n = kind == N_BUF_IN ? a[2] : (uint64_t)ret;
	uint32_t first;

	if (n < 16 || !a[1] ||
	    sct_sink_peek(s, &first, (const void *)(uintptr_t)a[1], sizeof(first)) != sizeof(first))
		return 1;
	if (first == ('l' | 'i' << 8 | 'b' << 16 | (uint32_t)'u' << 24))
		return 1;	/* "libudev": a NETLINK_KOBJECT_UEVENT monitor's header */
	if (first > NL_PLAUSIBLE_MAX)
		return 0;
	return kind == N_BUF_IN || first <= n;
}

int sct_netlink_proto(struct sink *s, unsigned call, const uint64_t *a, int64_t ret,
		      const unsigned char *pre)
{
	int ok = !(ret < 0 && ret >= -4095), kind = how(call), safe = s->safe, fam = -1;
	int fd = (int)a[0];
	struct msghdr m;

	if (kind == N_NONE || fd < 0 || (kind != N_BUF_IN && kind != N_MSG_IN && !ok))
		return -1;
	/* what a successful call read or wrote is readable (s->safe): the peeks below
	 * need no fault guard then, whose rt_sigprocmask would cost every call */
	switch (kind) {
	case N_BUF_IN:		/* sendto(fd, buf, len, flags, addr, addrlen) */
		fam = addr_family(s, (const void *)(uintptr_t)a[4], a[5]);
		break;
	case N_BUF_OUT:		/* recvfrom: its address says nothing of what the
				 * program's buffer could hold: the data decides */
		break;
	default:		/* strace decodes by msg_name's family */
		fam = -2;
		if (!a[1] || sct_sink_peek(s, &m, (const void *)(uintptr_t)a[1], sizeof(m)) != sizeof(m))
			break;
		if (kind == N_MSG_OUT) {
			/* the kernel wrote at most the name buffer's length as passed,
			 * and then the address's whole length into msg_namelen */
			const struct sct_call *c = &sct_calls[call];
			const struct msghdr *before = pre_ok(pre, 1) ?
				(const void *)(pre + sct_pre_off(c, 1)) : NULL;

			if (before && before->msg_namelen < m.msg_namelen)
				m.msg_namelen = before->msg_namelen;
			if (!before)
				s->safe = 0;
		}
		fam = addr_family(s, m.msg_name, m.msg_namelen);
		s->safe = safe;
		if (fam != AF_NETLINK)
			fam = -2;
		break;
	}
	if (fam == -2 || (fam >= 0 && fam != AF_NETLINK))
		return -1;
	if (fam != AF_NETLINK) {
		/* a send proves readable only the bytes it took */
		s->safe = safe && (kind != N_BUF_IN || ret >= 4);
		if (!plausible(s, kind, a, ret)) {
			s->safe = safe;
			return -1;
		}
		s->safe = safe;
		if (sock_opt(fd, SO_DOMAIN) != AF_NETLINK)
			return -1;
	}
	fam = sock_opt(fd, SO_PROTOCOL);
	return fam < 0 ? SCT_NETLINK_UNKNOWN : fam;
}

/* One segment: { uint64_t base; uint64_t len; uint32_t captured; uint32_t flags;
 * bytes padded to 8 } */
static void put_seg(struct sink *s, const void *base, uint64_t len, uint64_t *budget)
{
	uint64_t head[2] = { (uintptr_t)base, len };
	uint32_t meta[2];
	uint64_t want = len < *budget ? len : *budget;

	meta[0] = (uint32_t)sct_sink_readable_prefix(s, base, (size_t)want);
	meta[1] = want < len && meta[0] == want ? SCT_BF_TRUNC : 0;
	sct_sink_put_raw(s, head, sizeof(head));
	sct_sink_put_raw(s, meta, sizeof(meta));
	sct_sink_put(s, base, meta[0]);
	sct_sink_pad8(s);
	*budget -= meta[0];
}

static uint64_t room(uint32_t used, size_t nseg)
{
	uint64_t fixed = sizeof(struct sct_rec) + used + sizeof(struct sct_blob) + 8 + nseg * 31;

	if (fixed >= SCT_REC_MAX)
		return 0;
	return SCT_REC_MAX - fixed < SCT_NETLINK_MAX ? SCT_REC_MAX - fixed : SCT_NETLINK_MAX;
}

/* The iovecs of a msghdr, each up to what is left of `data` bytes; none when the
 * array cannot be read whole (strace then prints its address) */
static void put_iov(struct sink *s, int32_t *head, const struct msghdr *m, uint64_t data)
{
	uint64_t n = m->msg_iovlen < MAX_ELEMS ? m->msg_iovlen : MAX_ELEMS, k, budget;
	const struct iovec *iov = m->msg_iov;

	if (!iov || !n || !sct_sink_readable(s, iov, n * sizeof(*iov)))
		n = 0;
	head[1] = (int32_t)n;
	sct_sink_put_raw(s, head, 2 * sizeof(*head));
	budget = room(s->n, n);
	for (k = 0; k < n; k++) {
		struct iovec v;
		sct_sink_peek(s, &v, &iov[k], sizeof(v));
		uint64_t len = v.iov_len < data ? v.iov_len : data;
		put_seg(s, v.iov_base, len, &budget);
		data -= len;
	}
}

void sct_capture_netlink(struct sink *s, unsigned call, const uint64_t *a, int64_t ret, int proto)
{
	int32_t head[2] = { proto, 0 };
	int safe = s->safe, kind = how(call);
	uint64_t budget, len;
	struct msghdr m;

	if (proto == -1)
		return;
	s->safe = 0;		/* a send proves readable only what it took */
	sct_sink_blob_begin(s, SCT_BLOB_ARG_NETLINK, kind == N_BUF_IN || kind == N_MSG_IN ?
			    SCT_BLOB_IN : SCT_BLOB_OUT);
	if (kind == N_BUF_IN || kind == N_BUF_OUT) {
		len = kind == N_BUF_IN || a[2] < (uint64_t)ret ? a[2] : (uint64_t)ret;
		head[1] = 1;
		sct_sink_put_raw(s, head, sizeof(head));
		budget = room(s->n, 1);
		put_seg(s, (const void *)(uintptr_t)a[1], len, &budget);
	} else {
		if (sct_sink_peek(s, &m, (const void *)(uintptr_t)a[1], sizeof(m)) != sizeof(m))
			m.msg_iov = NULL;
		put_iov(s, head, &m, kind == N_MSG_IN ? UINT64_MAX : (uint64_t)ret);
	}
	sct_sink_blob_end(s, 0);
	s->safe = safe;
}
