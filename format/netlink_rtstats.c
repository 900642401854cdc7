/* NETLINK_ROUTE's interface statistics attributes (strace's rtnl_stats.c): of an
 * if_stats_msg, the 64-bit link counters, extended statistics of bridges and bonds,
 * offload statistics and per-family (MPLS) statistics. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_bridge.h>
#include <linux/if_bonding.h>
#include <linux/mpls.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "xlattab.h"
#include "out.h"

#define PAIR(name, off) { name, off, 16, SCT_NF_U64_PAIR, T(br_mcast_dir), NULL }

static const struct sct_nl_field bridge_vlan[] = {
	U64("rx_bytes", 0), U64("rx_packets", 8), U64("tx_bytes", 16), U64("tx_packets", 24),
	{ "vid", 32, 2, SCT_NF_U, -1, NULL },
	{ "flags", 34, 2, SCT_NF_FLAGS, T(bridge_vlan_flags), "BRIDGE_VLAN_INFO_???" },
	{ "pad2", 36, 4, SCT_NF_XNZ, -1, NULL },
};
static const struct sct_nl_field bridge_mcast[] = {
	PAIR("igmp_v1queries", 0), PAIR("igmp_v2queries", 16), PAIR("igmp_v3queries", 32),
	PAIR("igmp_leaves", 48), PAIR("igmp_v1reports", 64), PAIR("igmp_v2reports", 80),
	PAIR("igmp_v3reports", 96), U64("igmp_parse_errors", 112), PAIR("mld_v1queries", 120),
	PAIR("mld_v2queries", 136), PAIR("mld_leaves", 152), PAIR("mld_v1reports", 168),
	PAIR("mld_v2reports", 184), U64("mld_parse_errors", 200), PAIR("mcast_bytes", 208),
	PAIR("mcast_packets", 224),
};
static const struct sct_nl_field bridge_stp[] = {
	U64("transition_blk", 0), U64("transition_fwd", 8), U64("rx_bpdu", 16), U64("tx_bpdu", 24),
	U64("rx_tcn", 32), U64("tx_tcn", 40),
};
static const struct sct_nl_field mpls_link[] = {
	U64("rx_packets", 0), U64("tx_packets", 8), U64("rx_bytes", 16), U64("tx_bytes", 24),
	U64("rx_errors", 32), U64("tx_errors", 40), U64("rx_dropped", 48), U64("tx_dropped", 56),
	U64("rx_noroute", 64),
};

static const struct sct_nla_decoder xstats_bridge[] = {
	[BRIDGE_XSTATS_VLAN] = SCT_NLA_FIELDS_REST(40, bridge_vlan),
	[BRIDGE_XSTATS_MCAST] = SCT_NLA_FIELDS_REST(240, bridge_mcast),
	[BRIDGE_XSTATS_STP] = SCT_NLA_FIELDS_REST(48, bridge_stp),
};

static const struct sct_nla_decoder bond_3ad[] = {
	[BOND_3AD_STAT_LACPDU_RX] = { sct_nla_u64 },
	[BOND_3AD_STAT_LACPDU_TX] = { sct_nla_u64 },
	[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = { sct_nla_u64 },
	[BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = { sct_nla_u64 },
	[BOND_3AD_STAT_MARKER_RX] = { sct_nla_u64 },
	[BOND_3AD_STAT_MARKER_TX] = { sct_nla_u64 },
	[BOND_3AD_STAT_MARKER_RESP_RX] = { sct_nla_u64 },
	[BOND_3AD_STAT_MARKER_RESP_TX] = { sct_nla_u64 },
	[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = { sct_nla_u64 },
};

/* strace names the unknown 3ad attributes BOND_XSTATS_??? */
static const struct sct_nla_decoder xstats_bond[] = {
	[BOND_XSTATS_3AD] = SCT_NLA_NEST(ifstats_xstats_bond_3ad_attrs, "BOND_XSTATS_???", bond_3ad),
};

static const struct sct_nla_decoder xstats[] = {
	[LINK_XSTATS_TYPE_BRIDGE] = SCT_NLA_NEST(ifstats_xstats_bridge_attrs, "BRIDGE_XSTATS_???",
						 xstats_bridge),
	[LINK_XSTATS_TYPE_BOND] = SCT_NLA_NEST(ifstats_xstats_bond_attrs, "BOND_XSTATS_???",
					       xstats_bond),
};

static const struct sct_nla_decoder offload[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = { sct_rt_stats64 },
};

static const struct sct_nla_decoder mpls[] = {
	[MPLS_STATS_LINK] = SCT_NLA_FIELDS_REST(72, mpls_link),
};

/* an attribute whose type is an address family: MPLS's statistics, else hex */
static int af(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	if ((uintptr_t)opaque == AF_MPLS)
		sct_nla_decode(v, addr, len, X(ifstats_af_spec_mpls_attrs), "MPLS_STATS_???", mpls,
			       sizeof(mpls) / sizeof(mpls[0]), NULL);
	else
		sct_nl_hex(v, addr, len);
	return 1;
}

static const struct sct_nla_decoder af_one[] = { { af, NULL } };

static int af_spec(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	sct_nla_decode(v, addr, len, X(addrfams), "AF_???", af_one, 0, NULL);
	return 1;
}

const struct sct_nla_decoder sct_rt_ifstats_attrs[SCT_RT_IFSTATS_NATTRS] = {
	[IFLA_STATS_LINK_64] = { sct_rt_stats64 },
	[IFLA_STATS_LINK_XSTATS] = SCT_NLA_NEST(ifstats_xstats_type_attrs, "LINK_XSTATS_TYPE_???",
						xstats),
	[IFLA_STATS_LINK_XSTATS_SLAVE] = SCT_NLA_NEST(ifstats_xstats_type_attrs,
						      "LINK_XSTATS_TYPE_???", xstats),
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = SCT_NLA_NEST(ifstats_offload_attrs,
							"IFLA_OFFLOAD_XSTATS_???", offload),
	[IFLA_STATS_AF_SPEC] = { af_spec },
};
