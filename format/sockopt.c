/* Socket options: levels, option names per level, and option values with
 * strace 6.1's per-option rules (ints as [1], struct linger and ucred, strings);
 * also the names of control messages, which share the option tables.  Constants
 * from <asm-generic/socket.h>, <linux/in.h>, <linux/in6.h>, <linux/tcp.h>,
 * <linux/udp.h>. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

enum { SOL_IP_ = 0, SOL_SOCKET_ = 1, SOL_TCP_ = 6, SOL_UDP_ = 17, SOL_IPV6_ = 41 };
enum { SO_LINGER_ = 13, SO_PEERCRED_ = 17 };

static const char hexdig[] = "0123456789abcdef";

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
	    sct_socklen_at(d, a, SCT_BLOB_IN, &ulen) || sct_socklen_at(d, a, SCT_BLOB_OUT, &rlen) ||
	    (int32_t)ulen <= 0 || (int32_t)rlen <= 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_optval(d, i, sct_blob_data(b), b->len < rlen ? b->len : rlen, rlen,
		     (b->flags & SCT_BF_TRUNC) != 0, 1);
	return 0;
}
