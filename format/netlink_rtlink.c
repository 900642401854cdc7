/* NETLINK_ROUTE's link attributes (strace's rtnl_link.c): of an ifinfomsg, with its
 * statistics, device map, ports, XDP, protocol-down reasons, and the per-family
 * protocol info (a bridge port's attributes, an inet6 device's). */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_bridge.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"

#define X64(name, off) { name, off, 8, SCT_NF_X, -1, NULL }
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const stat_names[] = {
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
	"rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
	"rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
	"rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	"rx_nohandler", "rx_otherhost_dropped",
};

/* struct rtnl_link_stats (es 4) / rtnl_link_stats64 (es 8): 23 counters, then the
 * ones newer kernels added; strace takes only these exact sizes, else hex */
static int link_stats(const struct sct_nl *v, uint64_t addr, uint32_t len, unsigned es,
		      unsigned maxn)
{
	unsigned n = len >= maxn * es ? maxn : 0;
	uint64_t x[25];

	for (unsigned k = 23; !n && k < maxn; k++)
		if (len == k * es)
			n = k;
	if (!n)
		return 0;
	memset(x, 0, sizeof(x));
	for (unsigned k = 0; k < n; k++)
		if (!sct_nl_fetch(v, addr + k * es, &x[k], es)) {
			sct_nl_addr(v, addr);
			return 1;
		}
	for (unsigned k = 0; k < n; k++) {
		sct_out_puts(v->o, k ? ", " : "{");
		sct_out_puts(v->o, stat_names[k]);
		sct_out_putc(v->o, '=');
		sct_out_udec(v->o, x[k]);
	}
	sct_out_putc(v->o, '}');
	return 1;
}

static int stats32(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return link_stats(v, addr, len, 4, 24);
}

int sct_rt_stats64(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return link_stats(v, addr, len, 8, 25);
}

static const struct sct_nl_field ifmap[] = {
	X64("mem_start", 0), X64("mem_end", 8), X64("base_addr", 16), U16("irq", 24),
	U8("dma", 26), U8("port", 27),
};

/* IFLA_PROP_LIST: link attributes of which only IFLA_ALT_IFNAME is decoded */
static int prop(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	if ((uintptr_t)opaque != IFLA_ALT_IFNAME)
		return 0;
	return sct_nla_str(v, addr, len, NULL);
}

static const struct sct_nla_decoder prop_one[] = { { prop, NULL } };

static int prop_list(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	sct_nla_decode(v, addr, len, X(rtnl_link_attrs), "IFLA_???", prop_one, 0, NULL);
	return 1;
}

static const struct sct_nla_decoder proto_down_reason[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = { sct_nla_x32 },
	[IFLA_PROTO_DOWN_REASON_VALUE] = { sct_nla_x32 },
};

static const struct sct_nla_decoder xdp[] = {
	[IFLA_XDP_FD] = { sct_nla_fd },
	[IFLA_XDP_ATTACHED] = SCT_NLA_XVAL(xdp_attached_mode, 1, "XDP_ATTACHED_???"),
	[IFLA_XDP_FLAGS] = SCT_NLA_FLAGS(xdp_link_flags, 4, "XDP_FLAGS_???"),
	[IFLA_XDP_PROG_ID] = { sct_nla_u32 },
	[IFLA_XDP_DRV_PROG_ID] = { sct_nla_u32 },
	[IFLA_XDP_SKB_PROG_ID] = { sct_nla_u32 },
	[IFLA_XDP_HW_PROG_ID] = { sct_nla_u32 },
	[IFLA_XDP_EXPECTED_FD] = { sct_nla_fd },
};

/* struct ifla_port_vsi: a manager id, 3 bytes of type id in hex, a version, and
 * its padding only when not all zero */
static int port_vsi(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct ifla_port_vsi vsi;
	struct sct_out *o = v->o;
	int saved = o->xstyle, zero = 1;

	(void)opaque;
	if (len < sizeof(vsi))
		return 0;
	if (!sct_nl_fetch(v, addr, &vsi, sizeof(vsi))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(o, "{vsi_mgr_id=");
	sct_out_udec(o, vsi.vsi_mgr_id);
	sct_out_puts(o, ", vsi_type_id=");
	o->xstyle = SCT_XSTR_ALL;
	sct_print_quoted(o, vsi.vsi_type_id, sizeof(vsi.vsi_type_id), sizeof(vsi.vsi_type_id), 0);
	sct_out_puts(o, ", vsi_type_version=");
	sct_out_udec(o, vsi.vsi_type_version);
	for (size_t k = 0; k < sizeof(vsi.pad); k++)
		zero &= !vsi.pad[k];
	if (!zero) {
		sct_out_puts(o, ", pad=");
		sct_print_quoted(o, vsi.pad, sizeof(vsi.pad), sizeof(vsi.pad), 0);
	}
	o->xstyle = saved;
	sct_out_putc(o, '}');
	return 1;
}

static const struct sct_nla_decoder port[] = {
	[IFLA_PORT_VF] = { sct_nla_u32 },
	[IFLA_PORT_PROFILE] = { sct_nla_str },
	[IFLA_PORT_VSI_TYPE] = { port_vsi },
	[IFLA_PORT_REQUEST] = { sct_nla_u8 },
	[IFLA_PORT_RESPONSE] = { sct_nla_u16 },
};

static const struct sct_nla_decoder vf_port[] = {
	[IFLA_VF_PORT] = SCT_NLA_NEST(ifla_port_attrs, "IFLA_VF_PORT_???", port),
};

/* struct ifla_bridge_id: two priority bytes, a MAC address */
int sct_rt_bridge_id(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct ifla_bridge_id id;

	(void)opaque;
	if (len < sizeof(id))
		return 0;
	if (!sct_nl_fetch(v, addr, &id, sizeof(id))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{prio=[");
	sct_out_udec(v->o, id.prio[0]);
	sct_out_puts(v->o, ", ");
	sct_out_udec(v->o, id.prio[1]);
	sct_out_puts(v->o, "], addr=");
	sct_print_mac(v->o, id.addr, sizeof(id.addr));
	sct_out_putc(v->o, '}');
	return 1;
}

const struct sct_nla_decoder sct_rt_brport_attrs[SCT_RT_BRPORT_NATTRS] = {
	[IFLA_BRPORT_STATE] = { sct_nla_u8 },
	[IFLA_BRPORT_PRIORITY] = { sct_nla_u16 },
	[IFLA_BRPORT_COST] = { sct_nla_u32 },
	[IFLA_BRPORT_MODE] = { sct_nla_u8 },
	[IFLA_BRPORT_GUARD] = { sct_nla_u8 },
	[IFLA_BRPORT_PROTECT] = { sct_nla_u8 },
	[IFLA_BRPORT_FAST_LEAVE] = { sct_nla_u8 },
	[IFLA_BRPORT_LEARNING] = { sct_nla_u8 },
	[IFLA_BRPORT_UNICAST_FLOOD] = { sct_nla_u8 },
	[IFLA_BRPORT_PROXYARP] = { sct_nla_u8 },
	[IFLA_BRPORT_LEARNING_SYNC] = { sct_nla_u8 },
	[IFLA_BRPORT_PROXYARP_WIFI] = { sct_nla_u8 },
	[IFLA_BRPORT_ROOT_ID] = { sct_rt_bridge_id },
	[IFLA_BRPORT_BRIDGE_ID] = { sct_rt_bridge_id },
	[IFLA_BRPORT_DESIGNATED_PORT] = { sct_nla_u16 },
	[IFLA_BRPORT_DESIGNATED_COST] = { sct_nla_u16 },
	[IFLA_BRPORT_ID] = { sct_nla_u16 },
	[IFLA_BRPORT_NO] = { sct_nla_u16 },
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = { sct_nla_u8 },
	[IFLA_BRPORT_CONFIG_PENDING] = { sct_nla_u8 },
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = { sct_nla_clock_t },
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = { sct_nla_clock_t },
	[IFLA_BRPORT_HOLD_TIMER] = { sct_nla_clock_t },
	[IFLA_BRPORT_MULTICAST_ROUTER] = { sct_nla_u8 },
	[IFLA_BRPORT_MCAST_FLOOD] = { sct_nla_u8 },
	[IFLA_BRPORT_MCAST_TO_UCAST] = { sct_nla_u8 },
	[IFLA_BRPORT_VLAN_TUNNEL] = { sct_nla_u8 },
	[IFLA_BRPORT_BCAST_FLOOD] = { sct_nla_u8 },
	[IFLA_BRPORT_GROUP_FWD_MASK] = { sct_nla_x16 },
	[IFLA_BRPORT_NEIGH_SUPPRESS] = { sct_nla_u8 },
	[IFLA_BRPORT_ISOLATED] = { sct_nla_u8 },
	[IFLA_BRPORT_BACKUP_PORT] = { sct_nla_ifindex },
	[IFLA_BRPORT_MRP_RING_OPEN] = { sct_nla_u8 },
	[IFLA_BRPORT_MRP_IN_OPEN] = { sct_nla_u8 },
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = { sct_nla_u32 },
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = { sct_nla_u32 },
	[IFLA_BRPORT_LOCKED] = { sct_nla_u8 },
};

static int inet6_conf(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return 0;
	sct_nla_indexed(v, addr, len, 4, X(inet6_devconf_indices), "DEVCONF_???", 1);
	return 1;
}

static int inet6_stats(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 8)
		return 0;
	sct_nla_indexed(v, addr, len, 8, X(snmp_ip_stats), "IPSTATS_MIB_???", 0);
	return 1;
}

static int icmp6_stats(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 8)
		return 0;
	sct_nla_indexed(v, addr, len, 8, X(snmp_icmp6_stats), "ICMP6_MIB_???", 0);
	return 1;
}

static const struct sct_nl_field inet6_cacheinfo[] = {
	U32("max_reasm_len", 0), U32("tstamp", 4), U32("reachable_time", 8), U32("retrans_time", 12),
};

const struct sct_nla_decoder sct_rt_inet6_attrs[SCT_RT_INET6_NATTRS] = {
	[IFLA_INET6_FLAGS] = SCT_NLA_FLAGS(inet6_if_flags, 4, "IF_???"),
	[IFLA_INET6_CONF] = { inet6_conf },
	[IFLA_INET6_STATS] = { inet6_stats },
	[IFLA_INET6_CACHEINFO] = SCT_NLA_FIELDS(16, 16, inet6_cacheinfo),
	[IFLA_INET6_ICMP6STATS] = { icmp6_stats },
	[IFLA_INET6_TOKEN] = { sct_nla_in6_addr },
	[IFLA_INET6_ADDR_GEN_MODE] = SCT_NLA_XVAL(in6_addr_gen_mode, 1, "IN6_ADDR_GEN_MODE_???"),
	[IFLA_INET6_RA_MTU] = { sct_nla_u32 },
};

static int inet_conf(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return 0;
	sct_nla_indexed(v, addr, len, 4, X(ipv4_devconf), "IPV4_DEVCONF_???", 1 | SCT_NLA_MINUS1);
	return 1;
}

static const struct sct_nla_decoder inet[] = {
	[IFLA_INET_CONF] = { inet_conf },
};

static const struct sct_nla_decoder mctp[] = {
	[IFLA_MCTP_NET] = { sct_nla_u32 },
};

/* IFLA_AF_SPEC's attribute of an address family: the family's own attributes */
static int af(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	switch ((uintptr_t)opaque) {
	case AF_INET:
		sct_nla_decode(v, addr, len, X(ifla_inet_attrs), "IFLA_INET_???", inet, N(inet), NULL);
		break;
	case AF_INET6:
		sct_nla_decode(v, addr, len, X(ifla_inet6_attrs), "IFLA_INET6_???", sct_rt_inet6_attrs,
			       SCT_RT_INET6_NATTRS, NULL);
		break;
	case AF_MCTP:
		sct_nla_decode(v, addr, len, X(ifla_mctp_attrs), "IFLA_MCTP_???", mctp, N(mctp), NULL);
		break;
	default:
		sct_nl_hex(v, addr, len);
	}
	return 1;
}

static const struct sct_nla_decoder af_one[] = { { af, NULL } };

static const struct sct_nl_field bridge_vlan_info[] = {
	{ "flags", 0, 2, SCT_NF_FLAGS, SCT_XLAT_bridge_vlan_flags, "BRIDGE_VLAN_INFO_???" },
	U16("vid", 2),
};

static const struct sct_nla_decoder bridge_vlan_tunnel[] = {
	[IFLA_BRIDGE_VLAN_TUNNEL_ID] = { sct_nla_u32 },
	[IFLA_BRIDGE_VLAN_TUNNEL_VID] = { sct_nla_u16 },
	[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS] = SCT_NLA_FLAGS(bridge_vlan_flags, 2, "BRIDGE_VLAN_INFO_???"),
};

static const struct sct_nla_decoder bridge[] = {
	[IFLA_BRIDGE_FLAGS] = SCT_NLA_FLAGS(ifla_bridge_flags, 2, "BRIDGE_FLAGS_???"),
	[IFLA_BRIDGE_MODE] = SCT_NLA_XVAL(ifla_bridge_modes, 2, "BRIDGE_MODE_???"),
	[IFLA_BRIDGE_VLAN_INFO] = SCT_NLA_FIELDS_REST(4, bridge_vlan_info),
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = SCT_NLA_NEST(ifla_bridge_vlan_tunnel_attrs,
						      "IFLA_BRIDGE_VLAN_TUNNEL_???", bridge_vlan_tunnel),
};

/* a bridge's own attributes; any other family's attributes named by family */
static int af_spec(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	if (*(const uint8_t *)opaque == AF_BRIDGE)
		sct_nla_decode(v, addr, len, X(ifla_bridge_attrs), "IFLA_BRIDGE_???", bridge, N(bridge),
			       opaque);
	else
		sct_nla_decode(v, addr, len, X(addrfams), "AF_???", af_one, 0, NULL);
	return 1;
}

/* by the message's family: a bridge port's attributes, an inet6 device's, else hex */
static int protinfo(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint8_t family = *(const uint8_t *)opaque;

	if (family == AF_BRIDGE)
		sct_nla_decode(v, addr, len, X(ifla_brport_attrs), "IFLA_BRPORT_???", sct_rt_brport_attrs,
			       SCT_RT_BRPORT_NATTRS,
			       NULL);
	else if (family == AF_INET6)
		sct_nla_decode(v, addr, len, X(ifla_inet6_attrs), "IFLA_INET6_???", sct_rt_inet6_attrs,
			       SCT_RT_INET6_NATTRS, NULL);
	else
		sct_nl_hex(v, addr, len);
	return 1;
}

const struct sct_nla_decoder sct_rt_link_attrs[SCT_RT_LINK_NATTRS] = {
	[IFLA_ADDRESS] = { sct_nla_hwaddr },
	[IFLA_BROADCAST] = { sct_nla_hwaddr },
	[IFLA_IFNAME] = { sct_nla_str },
	[IFLA_MTU] = { sct_nla_u32 },
	[IFLA_LINK] = { sct_nla_u32 },
	[IFLA_QDISC] = { sct_nla_str },
	[IFLA_STATS] = { stats32 },
	[IFLA_MASTER] = { sct_nla_u32 },
	[IFLA_PROTINFO] = { protinfo },
	[IFLA_TXQLEN] = { sct_nla_u32 },
	[IFLA_MAP] = SCT_NLA_FIELDS(28, 28, ifmap),
	[IFLA_WEIGHT] = { sct_nla_u32 },
	[IFLA_OPERSTATE] = { sct_nla_u8 },
	[IFLA_LINKMODE] = { sct_nla_u8 },
	[IFLA_LINKINFO] = { sct_rt_linkinfo },
	[IFLA_NET_NS_PID] = { sct_nla_u32 },
	[IFLA_IFALIAS] = { sct_nla_str },
	[IFLA_NUM_VF] = { sct_nla_u32 },
	[IFLA_VFINFO_LIST] = { sct_rt_vfinfo_list },
	[IFLA_STATS64] = { sct_rt_stats64 },
	[IFLA_VF_PORTS] = SCT_NLA_NEST(ifla_vf_port_attrs, "IFLA_VF_PORT_???", vf_port),
	[IFLA_PORT_SELF] = SCT_NLA_NEST(ifla_port_attrs, "IFLA_VF_PORT_???", port),
	[IFLA_AF_SPEC] = { af_spec },
	[IFLA_GROUP] = { sct_nla_u32 },
	[IFLA_NET_NS_FD] = { sct_nla_fd },
	[IFLA_EXT_MASK] = SCT_NLA_FLAGS(rtext_filter_flags, 4, "RTEXT_FILTER_???"),
	[IFLA_PROMISCUITY] = { sct_nla_u32 },
	[IFLA_NUM_TX_QUEUES] = { sct_nla_u32 },
	[IFLA_NUM_RX_QUEUES] = { sct_nla_u32 },
	[IFLA_CARRIER] = { sct_nla_u8 },
	[IFLA_CARRIER_CHANGES] = { sct_nla_u32 },
	[IFLA_LINK_NETNSID] = { sct_nla_s32 },
	[IFLA_PHYS_PORT_NAME] = { sct_nla_str },
	[IFLA_PROTO_DOWN] = { sct_nla_u8 },
	[IFLA_GSO_MAX_SEGS] = { sct_nla_u32 },
	[IFLA_GSO_MAX_SIZE] = { sct_nla_u32 },
	[IFLA_XDP] = SCT_NLA_NEST(ifla_xdp_attrs, "IFLA_XDP_???", xdp),
	[IFLA_EVENT] = SCT_NLA_XVAL(ifla_events, 4, "IFLA_EVENT_???"),
	[IFLA_NEW_NETNSID] = { sct_nla_s32 },
	[IFLA_IF_NETNSID] = { sct_nla_s32 },
	[IFLA_CARRIER_UP_COUNT] = { sct_nla_u32 },
	[IFLA_CARRIER_DOWN_COUNT] = { sct_nla_u32 },
	[IFLA_NEW_IFINDEX] = { sct_nla_ifindex },
	[IFLA_MIN_MTU] = { sct_nla_u32 },
	[IFLA_MAX_MTU] = { sct_nla_u32 },
	[IFLA_PROP_LIST] = { prop_list },
	[IFLA_ALT_IFNAME] = { sct_nla_str },
	[IFLA_PERM_ADDRESS] = { sct_nla_hwaddr },
	[IFLA_PROTO_DOWN_REASON] = SCT_NLA_NEST(ifla_proto_down_reason_attrs,
						"IFLA_PROTO_DOWN_REASON_???", proto_down_reason),
	[IFLA_PARENT_DEV_NAME] = { sct_nla_str },
	[IFLA_PARENT_DEV_BUS_NAME] = { sct_nla_str },
	[IFLA_GRO_MAX_SIZE] = { sct_nla_u32 },
	[IFLA_TSO_MAX_SIZE] = { sct_nla_u32 },
	[IFLA_TSO_MAX_SEGS] = { sct_nla_u32 },
	[IFLA_ALLMULTI] = { sct_nla_u32 },
};
