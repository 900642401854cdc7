/* NETLINK_ROUTE attributes: how each attribute's payload prints, by message struct
 * (strace's rtnl_*.c decoder tables).  An attribute left out prints in hex. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/neighbour.h>
#include <linux/fib_rules.h>
#include <linux/netconf.h>
#include <linux/net_namespace.h>
#include <linux/nexthop.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"


static int ip_proto(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const struct sct_nla_xlat x = { SCT_XLAT_inet_protocols, 0, 0, "IPPROTO_???" };

	(void)opaque;
	return sct_nla_xlat_fn(v, addr, len, &x);
}

static const struct sct_nl_field nda_cacheinfo[] = {
	U32("ndm_confirmed", 0), U32("ndm_used", 4), U32("ndm_updated", 8), U32("ndm_refcnt", 12),
};
static const struct sct_nl_field range32[] = { U32("start", 0), U32("end", 4) };
static const struct sct_nl_field range16[] = { U16("start", 0), U16("end", 2) };
static const struct sct_nl_field ndt_config[] = {
	{ "ndtc_key_len", 0, 2, SCT_NF_U, -1, NULL }, U16("ndtc_entry_size", 2),
	U32("ndtc_entries", 4), U32("ndtc_last_flush", 8), U32("ndtc_last_rand", 12),
	U32("ndtc_hash_rnd", 16), { "ndtc_hash_mask", 20, 4, SCT_NF_0X, -1, NULL },
	U32("ndtc_hash_chain_gc", 24), U32("ndtc_proxy_qlen", 28),
};
static const struct sct_nl_field ndt_stats[] = {
	U64("ndts_allocs", 0), U64("ndts_destroys", 8), U64("ndts_hash_grows", 16),
	U64("ndts_res_failed", 24), U64("ndts_lookups", 32), U64("ndts_hits", 40),
	U64("ndts_rcv_probes_mcast", 48), U64("ndts_rcv_probes_ucast", 56),
	U64("ndts_periodic_gc_runs", 64), U64("ndts_forced_gc_runs", 72),
	U64("ndts_table_fulls", 80),
};

static const struct sct_nla_decoder fdb_ext[] = {
	[NFEA_ACTIVITY_NOTIFY] = SCT_NLA_FLAGS(fdb_notify_flags, 1, "FDB_NOTIFY_???"),
};

static const struct sct_nla_decoder ndtpa[] = {
	[NDTPA_IFINDEX] = { sct_nla_ifindex },
	[NDTPA_REFCNT] = { sct_nla_u32 },
	[NDTPA_REACHABLE_TIME] = { sct_nla_u64 },
	[NDTPA_BASE_REACHABLE_TIME] = { sct_nla_u64 },
	[NDTPA_RETRANS_TIME] = { sct_nla_u64 },
	[NDTPA_GC_STALETIME] = { sct_nla_u64 },
	[NDTPA_DELAY_PROBE_TIME] = { sct_nla_u64 },
	[NDTPA_QUEUE_LEN] = { sct_nla_u32 },
	[NDTPA_APP_PROBES] = { sct_nla_u32 },
	[NDTPA_UCAST_PROBES] = { sct_nla_u32 },
	[NDTPA_MCAST_PROBES] = { sct_nla_u32 },
	[NDTPA_ANYCAST_DELAY] = { sct_nla_u64 },
	[NDTPA_PROXY_DELAY] = { sct_nla_u64 },
	[NDTPA_PROXY_QLEN] = { sct_nla_u32 },
	[NDTPA_LOCKTIME] = { sct_nla_u64 },
	[NDTPA_QUEUE_LENBYTES] = { sct_nla_u32 },
	[NDTPA_MCAST_REPROBES] = { sct_nla_u32 },
	[NDTPA_INTERVAL_PROBE_TIME_MS] = { sct_nla_u64 },
};

const struct sct_nla_decoder sct_rt_neightbl_attrs[SCT_RT_NEIGHTBL_NATTRS] = {
	[NDTA_NAME] = { sct_nla_str },
	[NDTA_THRESH1] = { sct_nla_u32 },
	[NDTA_THRESH2] = { sct_nla_u32 },
	[NDTA_THRESH3] = { sct_nla_u32 },
	[NDTA_CONFIG] = SCT_NLA_FIELDS(32, 32, ndt_config),
	[NDTA_PARMS] = SCT_NLA_NEST(neightbl_parms_attrs, "NDTPA_???", ndtpa),
	[NDTA_STATS] = SCT_NLA_FIELDS(80, 88, ndt_stats),
	[NDTA_GC_INTERVAL] = { sct_nla_u64 },
};


/* an address of the message's family (decode_inet_addr): hex for another family or
 * too short a payload */
int sct_rt_family_addr(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint8_t family = *(const uint8_t *)opaque;

	if (family == AF_INET && len >= 4)
		return sct_nla_in_addr(v, addr, len, NULL);
	if (family == AF_INET6 && len >= 16)
		return sct_nla_in6_addr(v, addr, len, NULL);
	return 0;
}

/* a struct of n u32 fields named by names[] */
static int u32_struct(const struct sct_nl *v, uint64_t addr, uint32_t len,
		      const char *const *names, unsigned n)
{
	uint32_t x[8];

	if (len < n * 4)
		return 0;
	if (!sct_nl_fetch(v, addr, x, n * 4)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	for (unsigned k = 0; k < n; k++) {
		sct_out_puts(v->o, k ? ", " : "{");
		sct_out_puts(v->o, names[k]);
		sct_out_putc(v->o, '=');
		sct_out_udec(v->o, x[k]);
	}
	sct_out_putc(v->o, '}');
	return 1;
}

/* a u32 (u8 with size 1) of a table: flags or a value */
static int u_table(const struct sct_nl *v, uint64_t addr, uint32_t len, unsigned size,
		   const struct sct_xlat *t, const char *dflt, int flags)
{
	uint32_t x = 0;

	if (len < size)
		return 0;
	if (!sct_nl_fetch(v, addr, &x, size)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	if (flags)
		sct_print_flags(v->o, t, x, dflt);
	else
		sct_print_xval(v->o, t, x, dflt);
	return 1;
}

static int ifa_cacheinfo(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const names[] = { "ifa_prefered", "ifa_valid", "cstamp", "tstamp" };

	(void)opaque;
	return u32_struct(v, addr, len, names, 4);
}

static int ifa_flags(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return u_table(v, addr, len, 4, X(ifaddrflags), "IFA_F_???", 1);
}

int sct_rt_class(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return u_table(v, addr, len, 4, X(routing_table_ids), NULL, 0);
}

static int rt_proto(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return u_table(v, addr, len, 1, X(routing_protocols), "RTPROT_???", 0);
}


const struct sct_nla_decoder sct_rt_addr_attrs[SCT_RT_ADDR_NATTRS] = {
	[IFA_ADDRESS] = { sct_rt_family_addr },
	[IFA_LOCAL] = { sct_rt_family_addr },
	[IFA_LABEL] = { sct_nla_str },
	[IFA_BROADCAST] = { sct_rt_family_addr },
	[IFA_ANYCAST] = { sct_rt_family_addr },
	[IFA_CACHEINFO] = { ifa_cacheinfo },
	[IFA_MULTICAST] = { sct_rt_family_addr },
	[IFA_FLAGS] = { ifa_flags },
	[IFA_RT_PRIORITY] = { sct_nla_u32 },
	[IFA_TARGET_NETNSID] = { sct_nla_s32 },
};


const struct sct_nla_decoder sct_rt_neigh_attrs[SCT_RT_NEIGH_NATTRS] = {
	[NDA_DST] = { sct_rt_family_addr },
	[NDA_LLADDR] = { sct_nla_hwaddr },
	[NDA_CACHEINFO] = SCT_NLA_FIELDS(16, 16, nda_cacheinfo),
	[NDA_PROTOCOL] = { ip_proto },
	[NDA_FDB_EXT_ATTRS] = SCT_NLA_NEST(neigh_fdb_ext_attrs, "NFEA_???", fdb_ext),
	[NDA_FLAGS_EXT] = SCT_NLA_FLAGS(ntf_ext_flags, 4, "NTF_EXT_???"),
	[NDA_NDM_STATE_MASK] = SCT_NLA_FLAGS(nud_states, 2, "NUD_???"),
	[NDA_NDM_FLAGS_MASK] = SCT_NLA_FLAGS(ntf_flags, 1, "NTF_???"),
	[NDA_PROBES] = { sct_nla_u32 },
	[NDA_VLAN] = { sct_nla_u16 },
	[NDA_PORT] = { sct_nla_be16 },
	[NDA_VNI] = { sct_nla_u32 },
	[NDA_IFINDEX] = { sct_nla_ifindex },
	[NDA_MASTER] = { sct_nla_ifindex },
	[NDA_LINK_NETNSID] = { sct_nla_u32 },
	[NDA_SRC_VNI] = { sct_nla_u32 },
	[NDA_NH_ID] = { sct_nla_u32 },
};

const struct sct_nla_decoder sct_rt_rule_attrs[SCT_RT_RULE_NATTRS] = {
	[FRA_DST] = { sct_rt_family_addr },
	[FRA_SRC] = { sct_rt_family_addr },
	[FRA_IIFNAME] = { sct_nla_str },
	[FRA_GOTO] = { sct_nla_u32 },
	[FRA_PRIORITY] = { sct_nla_u32 },
	[FRA_FWMARK] = { sct_nla_u32 },
	[FRA_FLOW] = { sct_nla_u32 },
	[FRA_TUN_ID] = { sct_nla_be64 },
	[FRA_SUPPRESS_IFGROUP] = { sct_nla_u32 },
	[FRA_SUPPRESS_PREFIXLEN] = { sct_nla_u32 },
	[FRA_TABLE] = { sct_rt_class },
	[FRA_FWMASK] = { sct_nla_u32 },
	[FRA_OIFNAME] = { sct_nla_str },
	[FRA_L3MDEV] = { sct_nla_u8 },
	[FRA_PROTOCOL] = { rt_proto },
	[FRA_UID_RANGE] = SCT_NLA_FIELDS(8, 8, range32),
	[FRA_IP_PROTO] = { ip_proto },
	[FRA_SPORT_RANGE] = SCT_NLA_FIELDS(4, 4, range16),
	[FRA_DPORT_RANGE] = SCT_NLA_FIELDS(4, 4, range16),
};


const struct sct_nla_decoder sct_rt_addrlabel_attrs[SCT_RT_ADDRLABEL_NATTRS] = {
	[IFAL_ADDRESS] = { sct_rt_family_addr },
	[IFAL_LABEL] = { sct_nla_u32 },
};

const struct sct_nla_decoder sct_rt_netconf_attrs[SCT_RT_NETCONF_NATTRS] = {
	[NETCONFA_IFINDEX] = { sct_nla_ifindex },
	[NETCONFA_FORWARDING] = { sct_nla_s32 },
	[NETCONFA_RP_FILTER] = { sct_nla_s32 },
	[NETCONFA_MC_FORWARDING] = { sct_nla_s32 },
	[NETCONFA_PROXY_NEIGH] = { sct_nla_s32 },
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = { sct_nla_s32 },
	[NETCONFA_INPUT] = { sct_nla_s32 },
	[NETCONFA_BC_FORWARDING] = { sct_nla_s32 },
};

const struct sct_nla_decoder sct_rt_nsid_attrs[SCT_RT_NSID_NATTRS] = {
	[NETNSA_NSID] = { sct_nla_s32 },
	[NETNSA_PID] = { sct_nla_u32 },
	[NETNSA_FD] = { sct_nla_fd },
	[NETNSA_TARGET_NSID] = { sct_nla_s32 },
	[NETNSA_CURRENT_NSID] = { sct_nla_s32 },
};

static void elem_nh_grp(struct sct_out *o, const unsigned char *e)
{
	struct nexthop_grp g;

	memcpy(&g, e, sizeof(g));
	sct_out_puts(o, "{id=");
	sct_out_udec(o, g.id);
	sct_out_puts(o, ", weight=");
	sct_out_udec(o, g.weight);
	if (g.resvd1) {
		sct_out_puts(o, ", resvd1=");
		sct_out_hex(o, g.resvd1);
	}
	if (g.resvd2) {
		sct_out_puts(o, ", resvd2=");
		sct_out_hex(o, g.resvd2);
	}
	sct_out_putc(o, '}');
}

static int nh_grp(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < sizeof(struct nexthop_grp))
		return 0;
	sct_nla_array(v, addr, len, sizeof(struct nexthop_grp), elem_nh_grp);
	return 1;
}

static const struct sct_nla_decoder nha_res_group[] = {
	[NHA_RES_GROUP_BUCKETS] = { sct_nla_u16 },
	[NHA_RES_GROUP_IDLE_TIMER] = { sct_nla_clock_t },
	[NHA_RES_GROUP_UNBALANCED_TIMER] = { sct_nla_clock_t },
	[NHA_RES_GROUP_UNBALANCED_TIME] = { sct_nla_clock_t },
};

static const struct sct_nla_decoder nha_res_bucket[] = {
	[NHA_RES_BUCKET_INDEX] = { sct_nla_u16 },
	[NHA_RES_BUCKET_IDLE_TIME] = { sct_nla_clock_t },
	[NHA_RES_BUCKET_NH_ID] = { sct_nla_u32 },
};

const struct sct_nla_decoder sct_rt_nexthop_attrs[SCT_RT_NEXTHOP_NATTRS] = {
	[NHA_ID] = { sct_nla_u32 },
	[NHA_GROUP] = { nh_grp },
	[NHA_GROUP_TYPE] = SCT_NLA_XVAL(nexthop_grp_types, 2, "NEXTHOP_GRP_TYPE_???"),
	[NHA_ENCAP_TYPE] = SCT_NLA_XVAL(lwtunnel_encap_types, 2, "LWTUNNEL_ENCAP_???"),
	[NHA_RES_GROUP] = SCT_NLA_NEST(nha_res_group_attrs, "NHA_RES_GROUP_???", nha_res_group),
	[NHA_RES_BUCKET] = SCT_NLA_NEST(nha_res_bucket_attrs, "NHA_RES_BUCKET_???", nha_res_bucket),
	[NHA_BLACKHOLE] = { sct_nla_u32 },
	[NHA_OIF] = { sct_nla_ifindex },
	[NHA_GATEWAY] = { sct_rt_family_addr },
	[NHA_GROUPS] = { sct_nla_u32 },
	[NHA_MASTER] = { sct_nla_ifindex },
	[NHA_FDB] = { sct_nla_u32 },
};

static const struct sct_nla_decoder ipmra_attrs[] = {
	[IPMRA_CREPORT_MSGTYPE] = SCT_NLA_XVAL(ipmra_msg_types, 1, "IGMPMSG_???"),
	[IPMRA_CREPORT_VIF_ID] = { sct_nla_u32 },
	[IPMRA_CREPORT_SRC_ADDR] = { sct_nla_in_addr },
	[IPMRA_CREPORT_DST_ADDR] = { sct_nla_in_addr },
	[IPMRA_CREPORT_TABLE] = { sct_nla_u32 },
};

static const struct sct_nla_decoder ip6mra_attrs[] = {
	[IP6MRA_CREPORT_MSGTYPE] = SCT_NLA_XVAL(ip6mra_msg_types, 1, "MRT6MSG_???"),
	[IP6MRA_CREPORT_MIF_ID] = { sct_nla_u32 },
	[IP6MRA_CREPORT_SRC_ADDR] = { sct_nla_in6_addr },
	[IP6MRA_CREPORT_DST_ADDR] = { sct_nla_in6_addr },
};

/* decode_nla_af_spec: the attributes of RTNL_FAMILY_IPMR or IP6MR, else hex */
void sct_rt_cachereport_attrs(const struct sct_nl *v, uint8_t family, uint64_t addr, uint32_t len)
{
	if (family == RTNL_FAMILY_IPMR)
		sct_nla_decode(v, addr, len, X(ipmra_creport_attrs), "IPMRA_CREPORT_???", ipmra_attrs,
			       sizeof(ipmra_attrs) / sizeof(ipmra_attrs[0]), NULL);
	else if (family == RTNL_FAMILY_IP6MR)
		sct_nla_decode(v, addr, len, X(ip6mra_creport_attrs), "IP6MRA_CREPORT_???",
			       ip6mra_attrs, sizeof(ip6mra_attrs) / sizeof(ip6mra_attrs[0]), NULL);
	else
		sct_nl_hex(v, addr, len);
}
