/* NETLINK_ROUTE's attribute decoders (format/netlink_rtattr.c), by message struct:
 * each table's opaque data is the message's struct (its first byte the family). */
#ifndef SCT_NETLINK_ROUTE_H
#define SCT_NETLINK_ROUTE_H

#include "nlattr.h"

#define SCT_RT_LINK_NATTRS 62
#define SCT_RT_ADDR_NATTRS 12
#define SCT_RT_ROUTE_NATTRS 31
#define SCT_RT_NEIGH_NATTRS 18
#define SCT_RT_RULE_NATTRS 25
#define SCT_RT_TC_NATTRS 16
#define SCT_RT_ADDRLABEL_NATTRS 3
#define SCT_RT_NETCONF_NATTRS 9
#define SCT_RT_NSID_NATTRS 6
#define SCT_RT_NEXTHOP_NATTRS 14
#define SCT_RT_NEIGHTBL_NATTRS 10
#define SCT_RT_TC_ACTION_NATTRS 11
#define SCT_RT_MDB_NATTRS 3
#define SCT_RT_INET6_NATTRS 10
extern const struct sct_nla_decoder sct_rt_link_attrs[SCT_RT_LINK_NATTRS],
	sct_rt_addr_attrs[SCT_RT_ADDR_NATTRS], sct_rt_route_attrs[SCT_RT_ROUTE_NATTRS],
	sct_rt_neigh_attrs[SCT_RT_NEIGH_NATTRS], sct_rt_rule_attrs[SCT_RT_RULE_NATTRS],
	sct_rt_tc_attrs[SCT_RT_TC_NATTRS], sct_rt_addrlabel_attrs[SCT_RT_ADDRLABEL_NATTRS],
	sct_rt_netconf_attrs[SCT_RT_NETCONF_NATTRS], sct_rt_nsid_attrs[SCT_RT_NSID_NATTRS],
	sct_rt_nexthop_attrs[SCT_RT_NEXTHOP_NATTRS], sct_rt_neightbl_attrs[SCT_RT_NEIGHTBL_NATTRS],
	sct_rt_tc_action_attrs[SCT_RT_TC_ACTION_NATTRS], sct_rt_mdb_attrs[SCT_RT_MDB_NATTRS],
	sct_rt_inet6_attrs[SCT_RT_INET6_NATTRS];

/* an address of the message's family, its first byte (decode_inet_addr); a
 * routing table id (decode_nla_rt_class) */
sct_nla_fn sct_rt_family_addr, sct_rt_class;
/* IFLA_VFINFO_LIST (format/netlink_rtvf.c) */
sct_nla_fn sct_rt_vfinfo_list;
/* struct rtnl_link_stats64 (netlink_rtlink.c) */
sct_nla_fn sct_rt_stats64;
/* a bridge id; a bridge port's attributes (netlink_rtlink.c); IFLA_LINKINFO, whose
 * data is decoded by the kind it names (netlink_rtlinkinfo.c) */
sct_nla_fn sct_rt_bridge_id, sct_rt_linkinfo;
#define SCT_RT_BRPORT_NATTRS 40
extern const struct sct_nla_decoder sct_rt_brport_attrs[SCT_RT_BRPORT_NATTRS];
#define SCT_RT_IFSTATS_NATTRS 6
extern const struct sct_nla_decoder sct_rt_ifstats_attrs[SCT_RT_IFSTATS_NATTRS];

/* RTM_NEWCACHEREPORT's attributes, by its RTNL_FAMILY_IPMR / IP6MR family */
void sct_rt_cachereport_attrs(const struct sct_nl *v, uint8_t family, uint64_t addr, uint32_t len);

/* 1<<NAME|1<<NAME2, bits numbered by table t (netlink_route.c) */
void sct_nl_shift_flags(struct sct_out *o, const struct sct_xlat *t, uint32_t v, const char *dflt);

#endif
