/* Sockets: families, types, protocols, socket addresses and their lengths, message
 * flags, shutdown, socket option levels, names and values.  Constants from
 * <linux/socket.h>, <linux/in.h>, <asm-generic/socket.h>; the notation is what
 * strace 6.1 prints on x86-64. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"

enum { AF_UNSPEC_ = 0, AF_UNIX_ = 1, AF_INET_ = 2, AF_INET6_ = 10, AF_NETLINK_ = 16,
       AF_PACKET_ = 17, AF_BLUETOOTH_ = 31 };
enum { SOL_IP_ = 0, SOL_SOCKET_ = 1, SOL_TCP_ = 6, SOL_UDP_ = 17, SOL_IPV6_ = 41 };
enum { SO_LINGER_ = 13, SO_PEERCRED_ = 17 };

static const struct sct_xlat families[] = {
	{ 0, "AF_UNSPEC" }, { 1, "AF_UNIX" }, { 2, "AF_INET" }, { 3, "AF_AX25" },
	{ 4, "AF_IPX" }, { 5, "AF_APPLETALK" }, { 6, "AF_NETROM" }, { 7, "AF_BRIDGE" },
	{ 8, "AF_ATMPVC" }, { 9, "AF_X25" }, { 10, "AF_INET6" }, { 11, "AF_ROSE" },
	{ 12, "AF_DECnet" }, { 13, "AF_NETBEUI" }, { 14, "AF_SECURITY" }, { 15, "AF_KEY" },
	{ 16, "AF_NETLINK" }, { 17, "AF_PACKET" }, { 18, "AF_ASH" }, { 19, "AF_ECONET" },
	{ 20, "AF_ATMSVC" }, { 21, "AF_RDS" }, { 22, "AF_SNA" }, { 23, "AF_IRDA" },
	{ 24, "AF_PPPOX" }, { 25, "AF_WANPIPE" }, { 26, "AF_LLC" }, { 27, "AF_IB" },
	{ 28, "AF_MPLS" }, { 29, "AF_CAN" }, { 30, "AF_TIPC" }, { 31, "AF_BLUETOOTH" },
	{ 32, "AF_IUCV" }, { 33, "AF_RXRPC" }, { 34, "AF_ISDN" }, { 35, "AF_PHONET" },
	{ 36, "AF_IEEE802154" }, { 37, "AF_CAIF" }, { 38, "AF_ALG" }, { 39, "AF_NFC" },
	{ 40, "AF_VSOCK" }, { 41, "AF_KCM" }, { 42, "AF_QIPCRTR" }, { 43, "AF_SMC" },
	{ 44, "AF_XDP" }, { 45, "AF_MCTP" }, { 0, NULL }
};

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

static const struct sct_xlat eth_protos[] = {
	{ 0x0003, "ETH_P_ALL" }, { 0x0800, "ETH_P_IP" }, { 0x0806, "ETH_P_ARP" },
	{ 0x8035, "ETH_P_RARP" }, { 0x8100, "ETH_P_8021Q" }, { 0x86DD, "ETH_P_IPV6" },
	{ 0x888E, "ETH_P_PAE" }, { 0x88CC, "ETH_P_LLDP" }, { 0, NULL }
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
	{ 0x8000, "MSG_MORE" }, { 0x10000, "MSG_WAITFORONE" }, { 0x40000, "MSG_BATCH" },
	{ 0x4000000, "MSG_ZEROCOPY" }, { 0x20000000, "MSG_FASTOPEN" },
	{ 0x40000000, "MSG_CMSG_CLOEXEC" }, { 0x80000000, "MSG_CMSG_COMPAT" }, { 0, NULL }
};

static const struct sct_xlat shut_hows[] = {
	{ 0, "SHUT_RD" }, { 1, "SHUT_WR" }, { 2, "SHUT_RDWR" }, { 0, NULL }
};

static const struct sct_xlat sols[] = {
	{ 0, "SOL_IP" }, { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" }, { 17, "SOL_UDP" },
	{ 41, "SOL_IPV6" }, { 58, "SOL_ICMPV6" }, { 132, "SOL_SCTP" }, { 136, "SOL_UDPLITE" },
	{ 255, "SOL_RAW" }, { 256, "SOL_IPX" }, { 257, "SOL_AX25" }, { 258, "SOL_ATALK" },
	{ 259, "SOL_NETROM" }, { 260, "SOL_ROSE" }, { 261, "SOL_DECNET" }, { 262, "SOL_X25" },
	{ 263, "SOL_PACKET" }, { 264, "SOL_ATM" }, { 265, "SOL_AAL" }, { 266, "SOL_IRDA" },
	{ 267, "SOL_NETBEUI" }, { 268, "SOL_LLC" }, { 269, "SOL_DCCP" }, { 270, "SOL_NETLINK" },
	{ 271, "SOL_TIPC" }, { 272, "SOL_RXRPC" }, { 273, "SOL_PPPOL2TP" },
	{ 274, "SOL_BLUETOOTH" }, { 275, "SOL_PNPIPE" }, { 276, "SOL_RDS" }, { 277, "SOL_IUCV" },
	{ 278, "SOL_CAIF" }, { 279, "SOL_ALG" }, { 280, "SOL_NFC" }, { 281, "SOL_KCM" },
	{ 282, "SOL_TLS" }, { 283, "SOL_XDP" }, { 284, "SOL_MPTCP" }, { 285, "SOL_MCTP" },
	{ 286, "SOL_SMC" }, { 0, NULL }
};

static const struct sct_xlat so_opts[] = {
	{ 1, "SO_DEBUG" }, { 2, "SO_REUSEADDR" }, { 3, "SO_TYPE" }, { 4, "SO_ERROR" },
	{ 5, "SO_DONTROUTE" }, { 6, "SO_BROADCAST" }, { 7, "SO_SNDBUF" }, { 8, "SO_RCVBUF" },
	{ 9, "SO_KEEPALIVE" }, { 10, "SO_OOBINLINE" }, { 11, "SO_NO_CHECK" },
	{ 12, "SO_PRIORITY" }, { 13, "SO_LINGER" }, { 14, "SO_BSDCOMPAT" },
	{ 15, "SO_REUSEPORT" }, { 16, "SO_PASSCRED" }, { 17, "SO_PEERCRED" },
	{ 18, "SO_RCVLOWAT" }, { 19, "SO_SNDLOWAT" }, { 20, "SO_RCVTIMEO_OLD" },
	{ 21, "SO_SNDTIMEO_OLD" }, { 22, "SO_SECURITY_AUTHENTICATION" },
	{ 23, "SO_SECURITY_ENCRYPTION_TRANSPORT" }, { 24, "SO_SECURITY_ENCRYPTION_NETWORK" },
	{ 25, "SO_BINDTODEVICE" }, { 26, "SO_ATTACH_FILTER" }, { 27, "SO_DETACH_FILTER" },
	{ 28, "SO_PEERNAME" }, { 29, "SO_TIMESTAMP_OLD" }, { 30, "SO_ACCEPTCONN" },
	{ 31, "SO_PEERSEC" }, { 32, "SO_SNDBUFFORCE" }, { 33, "SO_RCVBUFFORCE" },
	{ 34, "SO_PASSSEC" }, { 35, "SO_TIMESTAMPNS_OLD" }, { 36, "SO_MARK" },
	{ 37, "SO_TIMESTAMPING_OLD" }, { 38, "SO_PROTOCOL" }, { 39, "SO_DOMAIN" },
	{ 40, "SO_RXQ_OVFL" }, { 41, "SO_WIFI_STATUS" }, { 42, "SO_PEEK_OFF" },
	{ 43, "SO_NOFCS" }, { 44, "SO_LOCK_FILTER" }, { 45, "SO_SELECT_ERR_QUEUE" },
	{ 46, "SO_BUSY_POLL" }, { 47, "SO_MAX_PACING_RATE" }, { 48, "SO_BPF_EXTENSIONS" },
	{ 49, "SO_INCOMING_CPU" }, { 50, "SO_ATTACH_BPF" }, { 51, "SO_ATTACH_REUSEPORT_CBPF" },
	{ 52, "SO_ATTACH_REUSEPORT_EBPF" }, { 53, "SO_CNX_ADVICE" }, { 55, "SO_MEMINFO" },
	{ 56, "SO_INCOMING_NAPI_ID" }, { 57, "SO_COOKIE" }, { 59, "SO_PEERGROUPS" },
	{ 60, "SO_ZEROCOPY" }, { 61, "SO_TXTIME" }, { 62, "SO_BINDTOIFINDEX" },
	{ 63, "SO_TIMESTAMP_NEW" }, { 64, "SO_TIMESTAMPNS_NEW" }, { 65, "SO_TIMESTAMPING_NEW" },
	{ 66, "SO_RCVTIMEO_NEW" }, { 67, "SO_SNDTIMEO_NEW" }, { 68, "SO_DETACH_REUSEPORT_BPF" },
	{ 69, "SO_PREFER_BUSY_POLL" }, { 70, "SO_BUSY_POLL_BUDGET" }, { 71, "SO_NETNS_COOKIE" },
	{ 72, "SO_BUF_LOCK" }, { 73, "SO_RESERVE_MEM" }, { 74, "SO_TXREHASH" },
	{ 75, "SO_RCVMARK" }, { 0, NULL }
};

/* SOL_SOCKET options whose setsockopt value strace 6.1 prints as an int, and as an
 * address when optlen < 4 (found by trying each one under strace). */
static const uint8_t so_int_opts[] = {
	1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 26, 27, 29, 30, 32, 33, 34,
	35, 36, 37, 40, 41, 42, 43, 44, 45, 46, 49, 51, 53, 56, 60, 68, 69, 70, 73, 74, 75,
};

static const struct sct_xlat ip_opts[] = {
	{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" }, { 4, "IP_OPTIONS" },
	{ 5, "IP_ROUTER_ALERT" }, { 6, "IP_RECVOPTS" }, { 7, "IP_RETOPTS" },
	{ 8, "IP_PKTINFO" }, { 9, "IP_PKTOPTIONS" }, { 10, "IP_MTU_DISCOVER" },
	{ 11, "IP_RECVERR" }, { 12, "IP_RECVTTL" }, { 13, "IP_RECVTOS" }, { 14, "IP_MTU" },
	{ 15, "IP_FREEBIND" }, { 16, "IP_IPSEC_POLICY" }, { 17, "IP_XFRM_POLICY" },
	{ 18, "IP_PASSSEC" }, { 19, "IP_TRANSPARENT" }, { 20, "IP_ORIGDSTADDR" },
	{ 21, "IP_MINTTL" }, { 22, "IP_NODEFRAG" }, { 23, "IP_CHECKSUM" },
	{ 24, "IP_BIND_ADDRESS_NO_PORT" }, { 25, "IP_RECVFRAGSIZE" },
	{ 26, "IP_RECVERR_RFC4884" }, { 32, "IP_MULTICAST_IF" }, { 33, "IP_MULTICAST_TTL" },
	{ 34, "IP_MULTICAST_LOOP" }, { 35, "IP_ADD_MEMBERSHIP" }, { 36, "IP_DROP_MEMBERSHIP" },
	{ 37, "IP_UNBLOCK_SOURCE" }, { 38, "IP_BLOCK_SOURCE" },
	{ 39, "IP_ADD_SOURCE_MEMBERSHIP" }, { 40, "IP_DROP_SOURCE_MEMBERSHIP" },
	{ 41, "IP_MSFILTER" }, { 42, "MCAST_JOIN_GROUP" }, { 43, "MCAST_BLOCK_SOURCE" },
	{ 44, "MCAST_UNBLOCK_SOURCE" }, { 45, "MCAST_LEAVE_GROUP" },
	{ 46, "MCAST_JOIN_SOURCE_GROUP" }, { 47, "MCAST_LEAVE_SOURCE_GROUP" },
	{ 48, "MCAST_MSFILTER" }, { 49, "IP_MULTICAST_ALL" }, { 50, "IP_UNICAST_IF" },
	{ 0, NULL }
};

static const struct sct_xlat ipv6_opts[] = {
	{ 1, "IPV6_ADDRFORM" }, { 2, "IPV6_2292PKTINFO" }, { 3, "IPV6_2292HOPOPTS" },
	{ 4, "IPV6_2292DSTOPTS" }, { 5, "IPV6_2292RTHDR" }, { 6, "IPV6_2292PKTOPTIONS" },
	{ 7, "IPV6_CHECKSUM" }, { 8, "IPV6_2292HOPLIMIT" }, { 9, "IPV6_NEXTHOP" },
	{ 10, "IPV6_AUTHHDR" }, { 11, "IPV6_FLOWINFO" }, { 16, "IPV6_UNICAST_HOPS" },
	{ 17, "IPV6_MULTICAST_IF" }, { 18, "IPV6_MULTICAST_HOPS" },
	{ 19, "IPV6_MULTICAST_LOOP" }, { 20, "IPV6_ADD_MEMBERSHIP" },
	{ 21, "IPV6_DROP_MEMBERSHIP" }, { 22, "IPV6_ROUTER_ALERT" },
	{ 23, "IPV6_MTU_DISCOVER" }, { 24, "IPV6_MTU" }, { 25, "IPV6_RECVERR" },
	{ 26, "IPV6_V6ONLY" }, { 27, "IPV6_JOIN_ANYCAST" }, { 28, "IPV6_LEAVE_ANYCAST" },
	{ 29, "IPV6_MULTICAST_ALL" }, { 30, "IPV6_ROUTER_ALERT_ISOLATE" },
	{ 31, "IPV6_RECVERR_RFC4884" }, { 32, "IPV6_FLOWLABEL_MGR" },
	{ 33, "IPV6_FLOWINFO_SEND" }, { 34, "IPV6_IPSEC_POLICY" }, { 35, "IPV6_XFRM_POLICY" },
	{ 36, "IPV6_HDRINCL" }, { 49, "IPV6_RECVPKTINFO" }, { 50, "IPV6_PKTINFO" },
	{ 51, "IPV6_RECVHOPLIMIT" }, { 52, "IPV6_HOPLIMIT" }, { 53, "IPV6_RECVHOPOPTS" },
	{ 54, "IPV6_HOPOPTS" }, { 55, "IPV6_RTHDRDSTOPTS" }, { 56, "IPV6_RECVRTHDR" },
	{ 57, "IPV6_RTHDR" }, { 58, "IPV6_RECVDSTOPTS" }, { 59, "IPV6_DSTOPTS" },
	{ 60, "IPV6_RECVPATHMTU" }, { 61, "IPV6_PATHMTU" }, { 62, "IPV6_DONTFRAG" },
	{ 66, "IPV6_RECVTCLASS" }, { 67, "IPV6_TCLASS" }, { 0, NULL }
};

static const struct sct_xlat tcp_opts[] = {
	{ 1, "TCP_NODELAY" }, { 2, "TCP_MAXSEG" }, { 3, "TCP_CORK" }, { 4, "TCP_KEEPIDLE" },
	{ 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" }, { 7, "TCP_SYNCNT" }, { 8, "TCP_LINGER2" },
	{ 9, "TCP_DEFER_ACCEPT" }, { 10, "TCP_WINDOW_CLAMP" }, { 11, "TCP_INFO" },
	{ 12, "TCP_QUICKACK" }, { 13, "TCP_CONGESTION" }, { 14, "TCP_MD5SIG" },
	{ 15, "TCP_COOKIE_TRANSACTIONS" }, { 16, "TCP_THIN_LINEAR_TIMEOUTS" },
	{ 17, "TCP_THIN_DUPACK" }, { 18, "TCP_USER_TIMEOUT" }, { 19, "TCP_REPAIR" },
	{ 20, "TCP_REPAIR_QUEUE" }, { 21, "TCP_QUEUE_SEQ" }, { 22, "TCP_REPAIR_OPTIONS" },
	{ 23, "TCP_FASTOPEN" }, { 24, "TCP_TIMESTAMP" }, { 25, "TCP_NOTSENT_LOWAT" },
	{ 26, "TCP_CC_INFO" }, { 27, "TCP_SAVE_SYN" }, { 28, "TCP_SAVED_SYN" },
	{ 29, "TCP_REPAIR_WINDOW" }, { 30, "TCP_FASTOPEN_CONNECT" }, { 31, "TCP_ULP" },
	{ 32, "TCP_MD5SIG_EXT" }, { 33, "TCP_FASTOPEN_KEY" }, { 34, "TCP_FASTOPEN_NO_COOKIE" },
	{ 35, "TCP_ZEROCOPY_RECEIVE" }, { 36, "TCP_INQ" }, { 37, "TCP_TX_DELAY" },
	{ 0, NULL }
};

static const struct sct_xlat udp_opts[] = {
	{ 1, "UDP_CORK" }, { 100, "UDP_ENCAP" }, { 101, "UDP_NO_CHECK6_TX" },
	{ 102, "UDP_NO_CHECK6_RX" }, { 103, "UDP_SEGMENT" }, { 104, "UDP_GRO" }, { 0, NULL }
};

static const struct sct_xlat scm_types[] = {
	{ 1, "SCM_RIGHTS" }, { 2, "SCM_CREDENTIALS" }, { 29, "SCM_TIMESTAMP_OLD" },
	{ 35, "SCM_TIMESTAMPNS_OLD" }, { 37, "SCM_TIMESTAMPING_OLD" }, { 0, NULL }
};

/* --- small shared helpers --------------------------------------------------------- */

int sct_find_kind(const struct sct_dec *d, unsigned kind)
{
	for (unsigned j = 0; j < d->c->nargs && j < SCT_MAX_ARGS; j++)
		if (d->c->arg[j].kind == kind)
			return (int)j;
	return -1;
}

static const char hexdig[] = "0123456789abcdef";

void sct_print_hexstr(struct sct_out *o, const unsigned char *p, size_t n)
{
	sct_out_putc(o, '"');
	for (size_t k = 0; k < n; k++) {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, hexdig[p[k] >> 4]);
		sct_out_putc(o, hexdig[p[k] & 15]);
	}
	sct_out_putc(o, '"');
}

void sct_print_msgflags(struct sct_out *o, uint64_t v)
{
	sct_print_flags(o, msgflags, (uint32_t)v, "MSG_???");
}

void sct_print_sol(struct sct_out *o, uint32_t level)
{
	/* sic: strace spells this one with two question marks */
	sct_print_xval(o, sols, level, "SOL_??");
}

static const struct sct_xlat *opt_table(uint32_t level, const char **dflt)
{
	switch (level) {
	case SOL_SOCKET_: *dflt = "SO_???"; return so_opts;
	case SOL_IP_:     *dflt = "IP_???"; return ip_opts;
	case SOL_IPV6_:   *dflt = "IPV6_???"; return ipv6_opts;
	case SOL_TCP_:    *dflt = "TCP_???"; return tcp_opts;
	case SOL_UDP_:    *dflt = "UDP_???"; return udp_opts;
	}
	return NULL;
}

void sct_print_cmsg_type(struct sct_out *o, uint32_t level, uint32_t type)
{
	const struct sct_xlat *t;
	const char *dflt = NULL;

	if (level == SOL_SOCKET_) {
		sct_print_xval(o, scm_types, type, "SCM_???");
		return;
	}
	t = opt_table(level, &dflt);
	if (t)
		sct_print_xval(o, t, type, dflt);
	else
		sct_out_udec(o, type);
}

/* --- socket(2) arguments ------------------------------------------------------------ */

int sct_dec_sockfamily(const struct sct_dec *d, unsigned i)
{
	sct_print_xval(d->o, families, (uint32_t)d->r->arg[i], "AF_???");
	return 0;
}

int sct_dec_socktype(const struct sct_dec *d, unsigned i)
{
	uint32_t v = (uint32_t)d->r->arg[i];
	const char *s = sct_xlat_find(socktypes, v & 0xf);

	if (s) {
		sct_out_puts(d->o, s);
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
		sct_print_xval(d->o, eth_protos, (uint16_t)((v >> 8 & 0xff) | (v & 0xff) << 8),
			       "ETH_P_???");
		sct_out_putc(d->o, ')');
		break;
	default:
		sct_out_dec(d->o, (int32_t)v);
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
	sct_out_dec(d->o, (int32_t)sct_get32(p));
	sct_out_puts(d->o, ", ");
	sct_out_dec(d->o, (int32_t)sct_get32(p + 4));
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

static void put_hex_pad(struct sct_out *o, uint64_t v, int width)
{
	char tmp[16];
	int n = 0;

	do {
		tmp[n++] = hexdig[v & 15];
		v >>= 4;
	} while (v && n < 16);
	while (n < width)
		tmp[n++] = '0';
	while (n)
		sct_out_putc(o, tmp[--n]);
}

static void print_inet(struct sct_out *o, const unsigned char *a)
{
	for (int k = 0; k < 4; k++) {
		if (k)
			sct_out_putc(o, '.');
		sct_out_udec(o, a[k]);
	}
}

/* The text inet_ntop(AF_INET6) gives: the longest run (first of equals, at least two)
 * of zero groups becomes "::"; ::a.b.c.d and ::ffff:a.b.c.d keep the dotted quad. */
static void print_inet6(struct sct_out *o, const unsigned char *a)
{
	unsigned w[8];
	int best = -1, bestlen = 0;

	for (int k = 0; k < 8; k++)
		w[k] = (unsigned)a[2 * k] << 8 | a[2 * k + 1];
	for (int k = 0; k < 8;) {
		int n = 0;

		while (k + n < 8 && w[k + n] == 0)
			n++;
		if (n > bestlen) {
			best = k;
			bestlen = n;
		}
		k += n ? n : 1;
	}
	if (bestlen < 2)
		best = -1;
	for (int k = 0; k < 8; k++) {
		if (k == best) {
			sct_out_putc(o, ':');
			k += bestlen - 1;
			if (k == 7)
				sct_out_putc(o, ':');
			continue;
		}
		if (k)
			sct_out_putc(o, ':');
		if (k == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && w[5] == 0xffff))) {
			print_inet(o, a + 12);
			return;
		}
		put_hex_pad(o, w[k], 1);
	}
}

static void print_sa_data(struct sct_out *o, const unsigned char *p, size_t len)
{
	sct_out_puts(o, ", sa_data=");
	sct_print_quoted(o, p + 2, len - 2, len, 0);
}

static void print_port(struct sct_out *o, const unsigned char *p)
{
	sct_out_udec(o, (unsigned)p[0] << 8 | p[1]);
}

void sct_print_sockaddr(struct sct_out *o, const unsigned char *p, size_t len)
{
	unsigned fam = (unsigned)p[0] | (unsigned)p[1] << 8;

	if (len > 128)
		len = 128;
	sct_out_puts(o, "{sa_family=");
	sct_print_xval(o, families, fam, "AF_???");
	if (len == 2)
		goto out;
	switch (fam) {
	case AF_INET_:
		if (len < 16)
			break;
		sct_out_puts(o, ", sin_port=htons(");
		print_port(o, p + 2);
		sct_out_puts(o, "), sin_addr=inet_addr(\"");
		print_inet(o, p + 4);
		sct_out_puts(o, "\")}");
		return;
	case AF_INET6_:
		if (len < 24)
			break;
		sct_out_puts(o, ", sin6_port=htons(");
		print_port(o, p + 2);
		sct_out_puts(o, "), sin6_flowinfo=htonl(");
		sct_out_udec(o, (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 | (uint32_t)p[6] << 8 | p[7]);
		sct_out_puts(o, "), inet_pton(AF_INET6, \"");
		print_inet6(o, p + 8);
		sct_out_puts(o, "\", &sin6_addr)");
		if (len >= 28) {
			/* strace names link-local scopes with if_nametoindex("lo"); we
			 * cannot ask the kernel from here and print the number */
			sct_out_puts(o, ", sin6_scope_id=");
			sct_out_udec(o, sct_get32(p + 24));
		}
		goto out;
	case AF_UNIX_: {
		size_t n = len - 2, z = 0;

		if (n > 108)
			n = 108;
		sct_out_puts(o, ", sun_path=");
		if (p[2] == 0) {
			sct_out_putc(o, '@');
			sct_print_quoted(o, p + 3, n - 1, n, 0);
		} else {
			while (z < n && p[2 + z])
				z++;
			sct_print_quoted(o, p + 2, z, z, 0);
		}
		goto out;
	}
	case AF_NETLINK_: {
		uint32_t g;

		if (len < 12)
			break;
		sct_out_puts(o, ", nl_pid=");
		sct_out_dec(o, (int32_t)sct_get32(p + 4));
		/* "%#08x": no 0x for zero */
		g = sct_get32(p + 8);
		sct_out_puts(o, ", nl_groups=");
		if (g) {
			sct_out_puts(o, "0x");
			put_hex_pad(o, g, 6);
		} else {
			sct_out_puts(o, "00000000");
		}
		goto out;
	}
	}
	print_sa_data(o, p, len);
out:
	sct_out_putc(o, '}');
}

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
	sct_print_sockaddr(d->o, sct_blob_data(b), len);
	return 0;
}

/* The socklen_t behind argument `a` before (IN) or after (OUT) the call. */
static int socklen_at(const struct sct_dec *d, int a, unsigned when, uint32_t *v)
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
	if (socklen_at(d, a, SCT_BLOB_OUT, &rlen) == 0 && rlen < len)
		len = rlen;
	if (socklen_at(d, a, SCT_BLOB_IN, &ulen) == 0 && ulen < len)
		len = ulen;
	if (len < 2) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_print_sockaddr(d->o, sct_blob_data(b), len);
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
	if (socklen_at(d, (int)i, SCT_BLOB_IN, &ulen)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	sct_out_dec(d->o, (int32_t)ulen);
	if (!sct_failed(d->r) && socklen_at(d, (int)i, SCT_BLOB_OUT, &rlen) == 0 && rlen != ulen) {
		sct_out_puts(d->o, " => ");
		sct_out_dec(d->o, (int32_t)rlen);
	}
	sct_out_putc(d->o, ']');
	return 0;
}

/* --- socket options ---------------------------------------------------------------- */

static uint32_t level_of(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);

	if (d->c->arg[i].kind != SCT_K_SOCKOPT || a < 0)
		a = sct_find_kind(d, SCT_K_SOL);
	return a >= 0 ? (uint32_t)d->r->arg[a] : SOL_SOCKET_;
}

int sct_dec_sol(const struct sct_dec *d, unsigned i)
{
	sct_print_sol(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_sockopt(const struct sct_dec *d, unsigned i)
{
	const char *dflt = NULL;
	const struct sct_xlat *t = opt_table(level_of(d, i), &dflt);
	uint32_t v = (uint32_t)d->r->arg[i];

	if (t)
		sct_print_xval(d->o, t, v, dflt);
	else
		sct_out_udec(d->o, v);
	return 0;
}

static int so_is_int(uint32_t name, int get)
{
	for (size_t k = 0; k < sizeof(so_int_opts); k++)
		if (so_int_opts[k] == name)
			return 1;
	/* read-only ints: SO_TYPE, SO_PROTOCOL, SO_DOMAIN */
	return get && (name == 3 || name == 38 || name == 39);
}

static void print_int_box(struct sct_out *o, const unsigned char *p)
{
	sct_out_putc(o, '[');
	sct_out_dec(o, (int32_t)sct_get32(p));
	sct_out_putc(o, ']');
}

/* The option value: `len` bytes were passed (set) or returned (get), `n` captured. */
static void print_optval(const struct sct_dec *d, unsigned i, const unsigned char *p,
			 size_t n, size_t len, int more, int get)
{
	struct sct_out *o = d->o;
	int a = sct_find_kind(d, SCT_K_SOCKOPT);
	uint32_t level = level_of(d, i), name = a >= 0 ? (uint32_t)d->r->arg[a] : 0;

	if (level == SOL_SOCKET_ && name == SO_LINGER_) {
		if (len >= 8 && n >= 8) {
			sct_out_puts(o, "{l_onoff=");
			sct_out_dec(o, (int32_t)sct_get32(p));
			sct_out_puts(o, ", l_linger=");
			sct_out_dec(o, (int32_t)sct_get32(p + 4));
			sct_out_putc(o, '}');
		} else if (get && len >= 4 && n >= 4) {
			sct_out_puts(o, "{l_onoff=");
			sct_out_dec(o, (int32_t)sct_get32(p));
			sct_out_putc(o, '}');
		} else {
			sct_print_addr(o, d->r->arg[i]);
		}
		return;
	}
	if (get && level == SOL_SOCKET_ && name == SO_PEERCRED_ && len >= 12 && n >= 12) {
		sct_out_puts(o, "{pid=");
		sct_out_dec(o, (int32_t)sct_get32(p));
		sct_out_puts(o, ", uid=");
		sct_out_dec(o, (int32_t)sct_get32(p + 4));
		sct_out_puts(o, ", gid=");
		sct_out_dec(o, (int32_t)sct_get32(p + 8));
		sct_out_putc(o, '}');
		return;
	}
	if (level == SOL_SOCKET_ && so_is_int(name, get)) {
		if (len >= 4 && n >= 4)
			print_int_box(o, p);
		else if (get)
			sct_print_hexstr(o, p, n);
		else
			sct_print_addr(o, d->r->arg[i]);
		return;
	}
	if (len == 4 && n >= 4)
		print_int_box(o, p);
	else
		sct_print_quoted(o, p, n < len ? n : len, d->f->strsize, more || n < len);
}

int sct_dec_sockopt_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	int a = sct_aux(d, i);
	size_t len;

	if (!d->r->arg[i] || !b || a < 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	len = (uint32_t)d->r->arg[a];
	if ((int32_t)len < 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_optval(d, i, sct_blob_data(b), b->len, len, (b->flags & SCT_BF_TRUNC) != 0, 0);
	return 0;
}

int sct_dec_sockopt_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	int a = sct_aux(d, i);
	uint32_t ulen, rlen;

	if (sct_failed(d->r) || !d->r->arg[i] || !b ||
	    socklen_at(d, a, SCT_BLOB_IN, &ulen) || socklen_at(d, a, SCT_BLOB_OUT, &rlen) ||
	    (int32_t)ulen <= 0 || (int32_t)rlen <= 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_optval(d, i, sct_blob_data(b), b->len < rlen ? b->len : rlen, rlen,
		     (b->flags & SCT_BF_TRUNC) != 0, 1);
	return 0;
}
