/* NETLINK_ROUTE's virtual function attributes (strace's rtnl_link.c,
 * IFLA_VFINFO_LIST): per VF its MAC, VLANs, rates, switches, statistics. */
#include <string.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "xlattab.h"
#include "out.h"


static const struct sct_nl_field vf_mac[] = { U32("vf", 0), { "mac", 4, 32, SCT_NF_HWADDR, -1, NULL } };
static const struct sct_nl_field vf_vlan[] = { U32("vf", 0), U32("vlan", 4), U32("qos", 8) };
static const struct sct_nl_field vf_tx_rate[] = { U32("vf", 0), U32("rate", 4) };
static const struct sct_nl_field vf_setting[] = { U32("vf", 0), U32("setting", 4) };
static const struct sct_nl_field vf_link_state[] = {
	U32("vf", 0),
	{ "link_state", 4, 4, SCT_NF_XVAL, T(ifla_vf_link_states), "IFLA_VF_LINK_STATE_???" },
};
static const struct sct_nl_field vf_rate[] = { U32("vf", 0), U32("min_tx_rate", 4),
					       U32("max_tx_rate", 8) };
static const struct sct_nl_field vf_vlan_info[] = {
	U32("vf", 0), U32("vlan", 4), U32("qos", 8),
	{ "vlan_proto", 12, 2, SCT_NF_ETHER_BE, -1, NULL },
};
static const struct sct_nl_field vf_broadcast[] = {
	{ "broadcast", 0, 32, SCT_NF_HWADDR, -1, NULL },
};
/* struct ifla_vf_guid is 12 bytes packed or 16 aligned: strace takes either */
static const struct sct_nl_field vf_guid12[] = { U32("vf", 0), { "guid", 4, 8, SCT_NF_X, -1, NULL } };
static const struct sct_nl_field vf_guid16[] = { U32("vf", 0), { "guid", 8, 8, SCT_NF_X, -1, NULL } };

static int vf_guid(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const struct sct_nla_fields g12 = { 12, 12, SCT_NL_N(vf_guid12), 0 };
	static const struct sct_nla_fields g16 = { 16, 16, SCT_NL_N(vf_guid16), 0 };

	(void)opaque;
	if (len == 12)
		return sct_nla_fields_fn(v, addr, len, &g12);
	if (len == 16)
		return sct_nla_fields_fn(v, addr, len, &g16);
	return 0;
}

static const struct sct_nla_decoder vf_stats[] = {
	[IFLA_VF_STATS_RX_PACKETS] = { sct_nla_u64 },
	[IFLA_VF_STATS_TX_PACKETS] = { sct_nla_u64 },
	[IFLA_VF_STATS_RX_BYTES] = { sct_nla_u64 },
	[IFLA_VF_STATS_TX_BYTES] = { sct_nla_u64 },
	[IFLA_VF_STATS_BROADCAST] = { sct_nla_u64 },
	[IFLA_VF_STATS_MULTICAST] = { sct_nla_u64 },
	[IFLA_VF_STATS_RX_DROPPED] = { sct_nla_u64 },
	[IFLA_VF_STATS_TX_DROPPED] = { sct_nla_u64 },
};

static const struct sct_nla_decoder vf_vlan_list[] = {
	[IFLA_VF_VLAN_INFO] = SCT_NLA_FIELDS(16, 16, vf_vlan_info),
};

static const struct sct_nla_decoder vf_info[] = {
	[IFLA_VF_MAC] = SCT_NLA_FIELDS(36, 36, vf_mac),
	[IFLA_VF_VLAN] = SCT_NLA_FIELDS(12, 12, vf_vlan),
	[IFLA_VF_TX_RATE] = SCT_NLA_FIELDS(8, 8, vf_tx_rate),
	[IFLA_VF_SPOOFCHK] = SCT_NLA_FIELDS(8, 8, vf_setting),
	[IFLA_VF_LINK_STATE] = SCT_NLA_FIELDS(8, 8, vf_link_state),
	[IFLA_VF_RATE] = SCT_NLA_FIELDS(12, 12, vf_rate),
	[IFLA_VF_RSS_QUERY_EN] = SCT_NLA_FIELDS(8, 8, vf_setting),
	[IFLA_VF_STATS] = SCT_NLA_NEST(ifla_vf_stats_attrs, "IFLA_VF_STATS_???", vf_stats),
	[IFLA_VF_TRUST] = SCT_NLA_FIELDS(8, 8, vf_setting),
	[IFLA_VF_IB_NODE_GUID] = { vf_guid },
	[IFLA_VF_IB_PORT_GUID] = { vf_guid },
	[IFLA_VF_VLAN_LIST] = SCT_NLA_NEST(ifla_vf_vlan_list_attrs, "IFLA_VF_VLAN_INFO_???",
					   vf_vlan_list),
	[IFLA_VF_BROADCAST] = SCT_NLA_FIELDS(32, 32, vf_broadcast),
};

static const struct sct_nla_decoder vfinfo_list[] = {
	[IFLA_VF_INFO] = SCT_NLA_NEST(ifla_vf_info_attrs, "IFLA_VF_???", vf_info),
};

int sct_rt_vfinfo_list(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	sct_nla_decode(v, addr, len, sct_xlat_tabs[SCT_XLAT_ifla_vfinfo_list_attrs].x,
		       "IFLA_VF_INFO_???", vfinfo_list, sizeof(vfinfo_list) / sizeof(vfinfo_list[0]),
		       NULL);
	return 1;
}
