/* NETLINK_ROUTE's route attributes (strace's rtnl_route.c): of an rtmsg, with the
 * metrics nest, the multipath list of next hops (each with route attributes of its
 * own), cache info and multicast statistics. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"


static const struct sct_nla_decoder metrics[] = {
	[RTAX_LOCK] = { sct_nla_u32 },
	[RTAX_MTU] = { sct_nla_u32 },
	[RTAX_WINDOW] = { sct_nla_u32 },
	[RTAX_RTT] = { sct_nla_u32 },
	[RTAX_RTTVAR] = { sct_nla_u32 },
	[RTAX_SSTHRESH] = { sct_nla_u32 },
	[RTAX_CWND] = { sct_nla_u32 },
	[RTAX_ADVMSS] = { sct_nla_u32 },
	[RTAX_REORDERING] = { sct_nla_u32 },
	[RTAX_HOPLIMIT] = { sct_nla_u32 },
	[RTAX_INITCWND] = { sct_nla_u32 },
	[RTAX_FEATURES] = { sct_nla_u32 },
	[RTAX_RTO_MIN] = { sct_nla_u32 },
	[RTAX_INITRWND] = { sct_nla_u32 },
	[RTAX_QUICKACK] = { sct_nla_u32 },
	[RTAX_CC_ALGO] = { sct_nla_str },
};

static const struct sct_nl_field cacheinfo[] = {
	U32("rta_clntref", 0), U32("rta_lastuse", 4), { "rta_expires", 8, 4, SCT_NF_U, -1, NULL },
	U32("rta_error", 12), U32("rta_used", 16), { "rta_id", 20, 4, SCT_NF_X, -1, NULL },
	U32("rta_ts", 24), U32("rta_tsage", 28),
};
static const struct sct_nl_field mfc_stats[] = {
	U64("mfcs_packets", 0), U64("mfcs_bytes", 8), U64("mfcs_wrong_if", 16),
};

/* struct rtvia: a family, then an address of it ("rtvia_addr=" and hex for another) */
static int via(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint16_t family;
	unsigned size;
	unsigned char a[16];

	(void)opaque;
	if (len < sizeof(family))
		return 0;
	if (!sct_nl_fetch(v, addr, &family, sizeof(family))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{rtvia_family=");
	sct_print_xval(v->o, X(addrfams), family, "AF_???");
	if (len > 2) {
		sct_out_puts(v->o, ", ");
		size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
		if (!size || len - 2 < size) {
			sct_out_puts(v->o, "rtvia_addr=");
			sct_nl_hex(v, addr + 2, len - 2);
		} else if (!sct_nl_fetch(v, addr + 2, a, size)) {
			sct_out_puts(v->o, "rtvia_addr=");
			sct_nl_addr(v, addr + 2);
		} else {
			sct_nl_inet_addr(v->o, family, a, size, "rtvia_addr");
		}
	}
	sct_out_putc(v->o, '}');
	return 1;
}

static int multipath(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque);

const struct sct_nla_decoder sct_rt_route_attrs[SCT_RT_ROUTE_NATTRS] = {
	[RTA_DST] = { sct_rt_family_addr },
	[RTA_SRC] = { sct_rt_family_addr },
	[RTA_IIF] = { sct_nla_ifindex },
	[RTA_OIF] = { sct_nla_ifindex },
	[RTA_GATEWAY] = { sct_rt_family_addr },
	[RTA_PRIORITY] = { sct_nla_u32 },
	[RTA_PREFSRC] = { sct_rt_family_addr },
	[RTA_METRICS] = SCT_NLA_NEST(rta_metrics_attrs, "RTAX_???", metrics),
	[RTA_MULTIPATH] = { multipath },
	[RTA_PROTOINFO] = { sct_nla_u32 },
	[RTA_FLOW] = { sct_nla_u32 },
	[RTA_CACHEINFO] = SCT_NLA_FIELDS(32, 32, cacheinfo),
	[RTA_MP_ALGO] = { sct_nla_u32 },
	[RTA_TABLE] = { sct_rt_class },
	[RTA_MARK] = { sct_nla_u32 },
	[RTA_MFC_STATS] = SCT_NLA_FIELDS(24, 24, mfc_stats),
	[RTA_VIA] = { via },
	[RTA_NEWDST] = { sct_rt_family_addr },
	[RTA_PREF] = { sct_nla_u8 },
	[RTA_ENCAP_TYPE] = SCT_NLA_XVAL(lwtunnel_encap_types, 2, "LWTUNNEL_ENCAP_???"),
	[RTA_EXPIRES] = { sct_nla_u64 },
	[RTA_UID] = { sct_nla_u32 },
	[RTA_TTL_PROPAGATE] = { sct_nla_u8 },
	[RTA_IP_PROTO] = { sct_nla_u8 },
	[RTA_SPORT] = { sct_nla_u16 },
	[RTA_DPORT] = { sct_nla_u16 },
};

/* struct rtnexthop after struct rtnexthop, each with the route attributes after it */
static int multipath(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct rtnexthop nh;
	struct sct_out *o = v->o;
	uint64_t cur = addr, left = len;
	const uint32_t off = RTNH_ALIGN(sizeof(nh));
	int array = 0;

	if (len < sizeof(nh))
		return 0;
	for (;;) {
		if (!sct_nl_fetch(v, cur, &nh, sizeof(nh))) {
			sct_nl_addr(v, cur);
			break;
		}
		uint32_t n = left < nh.rtnh_len ? (uint32_t)left : nh.rtnh_len;

		if (cur == addr && nh.rtnh_len < len) {
			sct_out_putc(o, '[');
			array = 1;
		}
		if (cur > addr)
			sct_out_puts(o, ", ");
		if (n > off)
			sct_out_putc(o, '[');
		sct_out_puts(o, "{rtnh_len=");
		sct_out_udec(o, nh.rtnh_len);
		sct_out_puts(o, ", rtnh_flags=");
		sct_print_flags(o, X(nexthop_flags), nh.rtnh_flags, "RTNH_F_???");
		sct_out_puts(o, ", rtnh_hops=");
		sct_out_udec(o, nh.rtnh_hops);
		sct_out_puts(o, ", rtnh_ifindex=");
		sct_print_ifindex(o, (uint32_t)nh.rtnh_ifindex);
		sct_out_putc(o, '}');
		if (n > off) {
			sct_out_puts(o, ", ");
			sct_nla_decode(v, cur + off, n - off, X(rtnl_route_attrs), "RTA_???",
				       sct_rt_route_attrs, SCT_RT_ROUTE_NATTRS, opaque);
			sct_out_putc(o, ']');
		}
		if (RTNH_ALIGN(n) >= left || !n)	/* strace would loop on a 0 */
			break;
		cur += RTNH_ALIGN(n);
		left -= RTNH_ALIGN(n);
	}
	if (array)
		sct_out_putc(o, ']');
	return 1;
}
