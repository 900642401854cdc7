/* Sockets: families, types, protocols, socket address arguments and their lengths,
 * message flags, shutdown (socket options are in sockopt.c, the addresses themselves
 * in sockaddr.c, control messages in cmsg.c).  Constants from
 * <linux/socket.h>, <linux/in.h>, <asm-generic/socket.h>; the notation is what
 * strace 6.1 prints on x86-64. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum { AF_INET_ = 2, AF_INET6_ = 10, AF_NETLINK_ = 16, AF_PACKET_ = 17, AF_BLUETOOTH_ = 31 };

static const struct sct_xlat socktypes[] = {
	{ 1, "SOCK_STREAM" }, { 2, "SOCK_DGRAM" }, { 3, "SOCK_RAW" }, { 4, "SOCK_RDM" },
	{ 5, "SOCK_SEQPACKET" }, { 6, "SOCK_DCCP" }, { 10, "SOCK_PACKET" }, { 0, NULL }
};

static const struct sct_xlat sockflags[] = {
	{ 02000000, "SOCK_CLOEXEC" }, { 04000, "SOCK_NONBLOCK" }, { 0, NULL }
};

static const struct sct_xlat ipprotos[] = {
	{ 0, "IPPROTO_IP" }, { 1, "IPPROTO_ICMP" }, { 2, "IPPROTO_IGMP" },
	{ 4, "IPPROTO_IPIP" }, { 6, "IPPROTO_TCP" }, { 8, "IPPROTO_EGP" },
	{ 12, "IPPROTO_PUP" }, { 17, "IPPROTO_UDP" }, { 22, "IPPROTO_IDP" },
	{ 29, "IPPROTO_TP" }, { 33, "IPPROTO_DCCP" }, { 41, "IPPROTO_IPV6" },
	{ 46, "IPPROTO_RSVP" }, { 47, "IPPROTO_GRE" }, { 50, "IPPROTO_ESP" },
	{ 51, "IPPROTO_AH" }, { 58, "IPPROTO_ICMPV6" }, { 92, "IPPROTO_MTP" },
	{ 94, "IPPROTO_BEETPH" }, { 98, "IPPROTO_ENCAP" }, { 103, "IPPROTO_PIM" },
	{ 108, "IPPROTO_COMP" }, { 115, "IPPROTO_L2TP" }, { 132, "IPPROTO_SCTP" },
	{ 136, "IPPROTO_UDPLITE" }, { 137, "IPPROTO_MPLS" }, { 143, "IPPROTO_ETHERNET" },
	{ 255, "IPPROTO_RAW" }, { 262, "IPPROTO_MPTCP" }, { 0, NULL }
};

static const struct sct_xlat netlink_protos[] = {
	{ 0, "NETLINK_ROUTE" }, { 1, "NETLINK_UNUSED" }, { 2, "NETLINK_USERSOCK" },
	{ 3, "NETLINK_FIREWALL" }, { 4, "NETLINK_SOCK_DIAG" }, { 5, "NETLINK_NFLOG" },
	{ 6, "NETLINK_XFRM" }, { 7, "NETLINK_SELINUX" }, { 8, "NETLINK_ISCSI" },
	{ 9, "NETLINK_AUDIT" }, { 10, "NETLINK_FIB_LOOKUP" }, { 11, "NETLINK_CONNECTOR" },
	{ 12, "NETLINK_NETFILTER" }, { 13, "NETLINK_IP6_FW" }, { 14, "NETLINK_DNRTMSG" },
	{ 15, "NETLINK_KOBJECT_UEVENT" }, { 16, "NETLINK_GENERIC" },
	{ 18, "NETLINK_SCSITRANSPORT" }, { 19, "NETLINK_ECRYPTFS" }, { 20, "NETLINK_RDMA" },
	{ 21, "NETLINK_CRYPTO" }, { 22, "NETLINK_SMC" }, { 0, NULL }
};

static const struct sct_xlat bt_protos[] = {
	{ 0, "BTPROTO_L2CAP" }, { 1, "BTPROTO_HCI" }, { 2, "BTPROTO_SCO" },
	{ 3, "BTPROTO_RFCOMM" }, { 4, "BTPROTO_BNEP" }, { 5, "BTPROTO_CMTP" },
	{ 6, "BTPROTO_HIDP" }, { 7, "BTPROTO_AVDTP" }, { 0, NULL }
};

static const struct sct_xlat msgflags[] = {
	{ 0x1, "MSG_OOB" }, { 0x2, "MSG_PEEK" }, { 0x4, "MSG_DONTROUTE" },
	{ 0x8, "MSG_CTRUNC" }, { 0x10, "MSG_PROBE" }, { 0x20, "MSG_TRUNC" },
	{ 0x40, "MSG_DONTWAIT" }, { 0x80, "MSG_EOR" }, { 0x100, "MSG_WAITALL" },
	{ 0x200, "MSG_FIN" }, { 0x400, "MSG_SYN" }, { 0x800, "MSG_CONFIRM" },
	{ 0x1000, "MSG_RST" }, { 0x2000, "MSG_ERRQUEUE" }, { 0x4000, "MSG_NOSIGNAL" },
	{ 0x8000, "MSG_MORE" }, { 0x10000, "MSG_WAITFORONE" },
	{ 0x20000, "MSG_SENDPAGE_NOTLAST" }, { 0x40000, "MSG_BATCH" },
	{ 0x80000, "MSG_NO_SHARED_FRAGS" }, { 0x4000000, "MSG_ZEROCOPY" }, { 0x20000000, "MSG_FASTOPEN" },
	{ 0x40000000, "MSG_CMSG_CLOEXEC" }, { 0x80000000, "MSG_CMSG_COMPAT" }, { 0, NULL }
};

static const struct sct_xlat shut_hows[] = {
	{ 0, "SHUT_RD" }, { 1, "SHUT_WR" }, { 2, "SHUT_RDWR" }, { 0, NULL }
};

/* --- small shared helpers --------------------------------------------------------- */

int sct_find_kind(const struct sct_dec *d, unsigned kind)
{
	for (unsigned j = 0; j < d->c->nargs && j < SCT_MAX_ARGS; j++)
		if (d->c->arg[j].kind == kind)
			return (int)j;
	return -1;
}

void sct_print_msgflags(struct sct_out *o, uint64_t v)
{
	sct_print_flags(o, msgflags, (uint32_t)v, "MSG_???");
}

/* --- socket(2) arguments ------------------------------------------------------------ */

int sct_dec_sockfamily(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, SCT_XLAT_addrfams, (uint32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_socktype(const struct sct_dec *d, unsigned i)
{
	uint32_t v = (uint32_t)d->r->arg[i];
	const char *s = sct_xlat_find(socktypes, v & 0xf);

	/* strace: the type (with -X, as print_xlat_ex), then the flags */
	if (s) {
		sct_print_xval(d->o, socktypes, v & 0xf, NULL);
		v &= ~0xfu;
		if (!v)
			return 0;
		sct_out_putc(d->o, '|');
	}
	sct_print_flags(d->o, sockflags, v, "SOCK_???");
	return 0;
}

int sct_dec_sockproto(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);
	uint32_t fam = (uint32_t)d->r->arg[a >= 0 ? (unsigned)a : 0];
	uint32_t v = (uint32_t)d->r->arg[i];

	switch (fam) {
	case AF_INET_:
	case AF_INET6_:
		sct_print_xval(d->o, ipprotos, v, "IPPROTO_???");
		break;
	case AF_NETLINK_:
		sct_print_xval(d->o, netlink_protos, v, "NETLINK_???");
		break;
	case AF_BLUETOOTH_:
		sct_print_xval(d->o, bt_protos, v, "BTPROTO_???");
		break;
	case AF_PACKET_:
		/* the protocol is in network byte order */
		sct_out_puts(d->o, "htons(");
		sct_print_xlat(d->o, SCT_XLAT_eth_protos,
			       (uint16_t)((v >> 8 & 0xff) | (v & 0xff) << 8));
		sct_out_putc(d->o, ')');
		break;
	default:
		/* strace: the whole argument, unsigned */
		sct_out_udec(d->o, d->r->arg[i]);
	}
	return 0;
}

int sct_dec_sockfds(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	const unsigned char *p;

	if (sct_failed(d->r) || !b || b->len < 8) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	sct_out_putc(d->o, '[');
	sct_print_fd(d, i, (int32_t)sct_get32(p));
	sct_out_puts(d->o, ", ");
	sct_print_fd(d, i, (int32_t)sct_get32(p + 4));
	sct_out_putc(d->o, ']');
	return 0;
}

int sct_dec_msgflags(const struct sct_dec *d, unsigned i)
{
	sct_print_msgflags(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_shut_how(const struct sct_dec *d, unsigned i)
{
	sct_print_xval(d->o, shut_hows, (uint32_t)d->r->arg[i], "SHUT_???");
	return 0;
}

/* --- socket addresses ----------------------------------------------------------------- */

int sct_dec_sockaddr_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	int a = sct_aux(d, i);
	size_t len;

	if (!b || !d->r->arg[i]) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	len = b->len;
	if (a >= 0 && (uint32_t)d->r->arg[a] < len)
		len = (uint32_t)d->r->arg[a];
	if (len < 2) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_print_sockaddr_of(d, sct_blob_data(b), len);
	return 0;
}

int sct_socklen_at(const struct sct_dec *d, int a, unsigned when, uint32_t *v)
{
	const struct sct_blob *b;

	if (a < 0 || !d->r->arg[a])
		return -1;
	b = sct_rec_blob(d->r, (unsigned)a, when);
	if (!b || b->len < 4)
		return -1;
	*v = sct_get32(sct_blob_data(b));
	return 0;
}

int sct_dec_sockaddr_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	int a = sct_aux(d, i);
	uint32_t ulen, rlen;
	size_t len;

	if (sct_failed(d->r) || !b || !d->r->arg[i] || a < 0 || !d->r->arg[a]) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	len = b->len;
	if (sct_socklen_at(d, a, SCT_BLOB_OUT, &rlen) == 0 && rlen < len)
		len = rlen;
	if (sct_socklen_at(d, a, SCT_BLOB_IN, &ulen) == 0 && ulen < len)
		len = ulen;
	if (len < 2) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_print_sockaddr_of(d, sct_blob_data(b), len);
	return 0;
}

/* [16], [128 => 16]; the value before the call only when it failed. */
int sct_dec_socklen_io(const struct sct_dec *d, unsigned i)
{
	uint32_t ulen, rlen;

	/* accept, getsockname, recvfrom: a NULL address leaves the length undecoded */
	for (unsigned j = 0; j < d->c->nargs && j < SCT_MAX_ARGS; j++) {
		if (d->c->arg[j].kind == SCT_K_SADDR_OUT && d->c->arg[j].aux == i &&
		    !d->r->arg[j]) {
			sct_print_addr(d->o, d->r->arg[i]);
			return 0;
		}
	}
	if (sct_socklen_at(d, (int)i, SCT_BLOB_IN, &ulen)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	sct_out_dec(d->o, (int32_t)ulen);
	if (!sct_failed(d->r) && sct_socklen_at(d, (int)i, SCT_BLOB_OUT, &rlen) == 0 && rlen != ulen) {
		sct_out_puts(d->o, " => ");
		sct_out_dec(d->o, (int32_t)rlen);
	}
	sct_out_putc(d->o, ']');
	return 0;
}
