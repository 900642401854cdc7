/* NETLINK_ROUTE's IFLA_LINKINFO (strace's rtnl_link.c): the kind of link (and of
 * its master's port) it names first decides how the data after it is decoded:
 * a bridge's or a tun device's attributes, a CAN device's statistics, a bridge
 * port's attributes. */
#include <string.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_bridge.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* the kinds named so far in this IFLA_LINKINFO */
struct kinds {
	char kind[64];
	char slave_kind[64];
};

/* strace keeps a kind only when the payload holds it with its NUL */
static void keep(const struct sct_nl *v, uint64_t addr, uint32_t len, char *dst, size_t sz)
{
	memset(dst, 0, sz);
	if (len >= sz || !sct_nl_fetch(v, addr, dst, len) || strnlen(dst, sz) > len)
		dst[0] = 0;
}

static int kind(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct kinds *k = (struct kinds *)(uintptr_t)opaque;

	keep(v, addr, len, k->kind, sizeof(k->kind));
	sct_nl_cstr(v, addr, len);
	return 1;
}

static int slave_kind(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct kinds *k = (struct kinds *)(uintptr_t)opaque;

	keep(v, addr, len, k->slave_kind, sizeof(k->slave_kind));
	sct_nl_cstr(v, addr, len);
	return 1;
}

static const struct sct_nl_field can_stats[] = {
	U32("bus_error", 0), U32("error_warning", 4), U32("error_passive", 8), U32("bus_off", 12),
	U32("arbitration_lost", 16), U32("restarts", 20),
};

static int xstats(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const struct sct_nla_fields can = { 24, 24, SCT_NL_N(can_stats), 0 };
	const struct kinds *k = opaque;

	if (strcmp(k->kind, "can"))
		return 0;
	return sct_nla_fields_fn(v, addr, len, &can);
}

/* struct br_boolopt_multi: two sets of 1<<BR_BOOLOPT_* bits */
static int boolopt(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t b[2];

	(void)opaque;
	if (len < sizeof(b))
		return 0;
	if (!sct_nl_fetch(v, addr, b, sizeof(b))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{optval=");
	sct_nl_shift_flags(v->o, X(br_boolopts), b[0], "1<<BR_BOOLOPT_???");
	sct_out_puts(v->o, ", optmask=");
	sct_nl_shift_flags(v->o, X(br_boolopts), b[1], "1<<BR_BOOLOPT_???");
	sct_out_putc(v->o, '}');
	return 1;
}

/* htons(ETH_P_8021Q) */
static int ether_proto(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	unsigned char b[2];

	(void)opaque;
	if (len > 8 || len < 2)
		return 0;
	if (!sct_nl_fetch(v, addr, b, 2)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "htons(");
	sct_print_xval(v->o, X(eth_protos), (unsigned)b[0] << 8 | b[1], "ETHER_P_???");
	sct_out_putc(v->o, ')');
	return 1;
}

static const struct sct_nla_decoder querier[] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = { sct_nla_in_addr },
	[BRIDGE_QUERIER_IP_PORT] = { sct_nla_ifindex },
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = { sct_nla_clock_t },
	[BRIDGE_QUERIER_IPV6_ADDRESS] = { sct_nla_in6_addr },
	[BRIDGE_QUERIER_IPV6_PORT] = { sct_nla_ifindex },
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = { sct_nla_clock_t },
};

static const struct sct_nla_decoder bridge[] = {
	[IFLA_BR_FORWARD_DELAY] = { sct_nla_clock_t },
	[IFLA_BR_HELLO_TIME] = { sct_nla_clock_t },
	[IFLA_BR_MAX_AGE] = { sct_nla_clock_t },
	[IFLA_BR_AGEING_TIME] = { sct_nla_clock_t },
	[IFLA_BR_STP_STATE] = { sct_nla_u32 },
	[IFLA_BR_PRIORITY] = { sct_nla_u16 },
	[IFLA_BR_VLAN_FILTERING] = { sct_nla_u8 },
	[IFLA_BR_VLAN_PROTOCOL] = { ether_proto },
	[IFLA_BR_GROUP_FWD_MASK] = { sct_nla_x16 },
	[IFLA_BR_ROOT_ID] = { sct_rt_bridge_id },
	[IFLA_BR_BRIDGE_ID] = { sct_rt_bridge_id },
	[IFLA_BR_ROOT_PORT] = { sct_nla_u16 },
	[IFLA_BR_ROOT_PATH_COST] = { sct_nla_u32 },
	[IFLA_BR_TOPOLOGY_CHANGE] = { sct_nla_u8 },
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = { sct_nla_u8 },
	[IFLA_BR_HELLO_TIMER] = { sct_nla_clock_t },
	[IFLA_BR_TCN_TIMER] = { sct_nla_clock_t },
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = { sct_nla_clock_t },
	[IFLA_BR_GC_TIMER] = { sct_nla_clock_t },
	[IFLA_BR_GROUP_ADDR] = { sct_nla_hwaddr },
	[IFLA_BR_MCAST_ROUTER] = { sct_nla_u8 },
	[IFLA_BR_MCAST_SNOOPING] = { sct_nla_u8 },
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = { sct_nla_u8 },
	[IFLA_BR_MCAST_QUERIER] = { sct_nla_u8 },
	[IFLA_BR_MCAST_HASH_ELASTICITY] = { sct_nla_u32 },
	[IFLA_BR_MCAST_HASH_MAX] = { sct_nla_u32 },
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = { sct_nla_u32 },
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = { sct_nla_u32 },
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = { sct_nla_clock_t },
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = { sct_nla_clock_t },
	[IFLA_BR_MCAST_QUERIER_INTVL] = { sct_nla_clock_t },
	[IFLA_BR_MCAST_QUERY_INTVL] = { sct_nla_clock_t },
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = { sct_nla_clock_t },
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = { sct_nla_clock_t },
	[IFLA_BR_NF_CALL_IPTABLES] = { sct_nla_u8 },
	[IFLA_BR_NF_CALL_IP6TABLES] = { sct_nla_u8 },
	[IFLA_BR_NF_CALL_ARPTABLES] = { sct_nla_u8 },
	[IFLA_BR_VLAN_DEFAULT_PVID] = { sct_nla_u16 },
	[IFLA_BR_VLAN_STATS_ENABLED] = { sct_nla_u8 },
	[IFLA_BR_MCAST_STATS_ENABLED] = { sct_nla_u8 },
	[IFLA_BR_MCAST_IGMP_VERSION] = { sct_nla_u8 },
	[IFLA_BR_MCAST_MLD_VERSION] = { sct_nla_u8 },
	[IFLA_BR_VLAN_STATS_PER_PORT] = { sct_nla_u8 },
	[IFLA_BR_MULTI_BOOLOPT] = { boolopt },
	[IFLA_BR_MCAST_QUERIER_STATE] = SCT_NLA_NEST(br_querier_attrs, "BRIDGE_QUERIER_???", querier),
};

static const struct sct_nla_decoder tun[] = {
	[IFLA_TUN_OWNER] = { sct_nla_uid },
	[IFLA_TUN_GROUP] = { sct_nla_uid },
	[IFLA_TUN_TYPE] = SCT_NLA_XVAL(tun_device_types, 1, "IFF_???"),
	[IFLA_TUN_PI] = { sct_nla_u8 },
	[IFLA_TUN_VNET_HDR] = { sct_nla_u8 },
	[IFLA_TUN_PERSIST] = { sct_nla_u8 },
	[IFLA_TUN_MULTI_QUEUE] = { sct_nla_u8 },
	[IFLA_TUN_NUM_QUEUES] = { sct_nla_u32 },
	[IFLA_TUN_NUM_DISABLED_QUEUES] = { sct_nla_u32 },
};

static int data(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct kinds *k = opaque;

	if (!strcmp(k->kind, "bridge"))
		sct_nla_decode(v, addr, len, X(ifla_br_attrs), "IFLA_BR_???", bridge, N(bridge), opaque);
	else if (!strcmp(k->kind, "tun"))
		sct_nla_decode(v, addr, len, X(ifla_tun_attrs), "IFLA_TUN_???", tun, N(tun), opaque);
	else
		return 0;
	return 1;
}

static int slave_data(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct kinds *k = opaque;

	if (strcmp(k->slave_kind, "bridge"))
		return 0;
	sct_nla_decode(v, addr, len, X(ifla_brport_attrs), "IFLA_BRPORT_???", sct_rt_brport_attrs,
		       SCT_RT_BRPORT_NATTRS, opaque);
	return 1;
}

static const struct sct_nla_decoder linkinfo[] = {
	[IFLA_INFO_KIND] = { kind, NULL },
	[IFLA_INFO_DATA] = { data, NULL },
	[IFLA_INFO_XSTATS] = { xstats, NULL },
	[IFLA_INFO_SLAVE_KIND] = { slave_kind, NULL },
	[IFLA_INFO_SLAVE_DATA] = { slave_data, NULL },
};

int sct_rt_linkinfo(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct kinds k = { "", "" };

	(void)opaque;
	sct_nla_decode(v, addr, len, X(ifla_info_attrs), "IFLA_INFO_???", linkinfo, N(linkinfo), &k);
	return 1;
}
