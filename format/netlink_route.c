/* NETLINK_ROUTE messages (strace's netlink_route.c and rtnl_*.c): the struct that
 * starts the message, chosen by its type and described here as data (its fields,
 * their offsets and how each prints), then the attributes after it
 * (netlink_rtattr.c says how each attribute's payload prints); a type without a
 * struct as {family=AF_X, data="\x.."}. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "netlink.h"
#include "nlattr.h"
#include "netlink_route.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"


#define N SCT_NL_N

static const struct sct_nl_field ifinfomsg[] = {
	{ "ifi_type", 2, 2, SCT_NF_XVAL, T(arp_hw_types), "ARPHRD_???" },
	{ "ifi_index", 4, 4, SCT_NF_IFINDEX, -1, NULL },
	{ "ifi_flags", 8, 4, SCT_NF_FLAGS, T(iffflags), "IFF_???" },
	{ "ifi_change", 12, 4, SCT_NF_X, -1, NULL },
};
static const struct sct_nl_field ifaddrmsg[] = {
	{ "ifa_prefixlen", 1, 1, SCT_NF_U, -1, NULL },
	{ "ifa_flags", 2, 1, SCT_NF_FLAGS, T(ifaddrflags), "IFA_F_???" },
	{ "ifa_scope", 3, 1, SCT_NF_XVAL, T(routing_scopes), NULL },
	{ "ifa_index", 4, 4, SCT_NF_IFINDEX, -1, NULL },
};
static const struct sct_nl_field rtmsg[] = {
	{ "rtm_dst_len", 1, 1, SCT_NF_U, -1, NULL },
	{ "rtm_src_len", 2, 1, SCT_NF_U, -1, NULL },
	{ "rtm_tos", 3, 1, SCT_NF_FLAGS, T(ip_type_of_services), "IPTOS_TOS_???" },
	{ "rtm_table", 4, 1, SCT_NF_XVAL, T(routing_table_ids), NULL },
	{ "rtm_protocol", 5, 1, SCT_NF_XVAL, T(routing_protocols), "RTPROT_???" },
	{ "rtm_scope", 6, 1, SCT_NF_XVAL, T(routing_scopes), NULL },
	{ "rtm_type", 7, 1, SCT_NF_XVAL, T(routing_types), "RTN_???" },
	{ "rtm_flags", 8, 4, SCT_NF_FLAGS, T(routing_flags), "RTM_F_???" },
};
static const struct sct_nl_field ndmsg[] = {
	{ "ndm_ifindex", 4, 4, SCT_NF_IFINDEX, -1, NULL },
	{ "ndm_state", 8, 2, SCT_NF_FLAGS, T(nud_states), "NUD_???" },
	{ "ndm_flags", 10, 1, SCT_NF_FLAGS, T(ntf_flags), "NTF_???" },
	{ "ndm_type", 11, 1, SCT_NF_XVAL, T(routing_types), "RTN_???" },
};
static const struct sct_nl_field fib_rule_hdr[] = {
	{ "dst_len", 1, 1, SCT_NF_U, -1, NULL },
	{ "src_len", 2, 1, SCT_NF_U, -1, NULL },
	{ "tos", 3, 1, SCT_NF_FLAGS, T(ip_type_of_services), "IPTOS_TOS_???" },
	{ "table", 4, 1, SCT_NF_XVAL, T(routing_table_ids), "RT_TABLE_???" },
	{ "action", 7, 1, SCT_NF_XVAL, T(fib_rule_actions), "FR_ACT_???" },
	{ "flags", 8, 4, SCT_NF_FLAGS, T(fib_rule_flags), "FIB_RULE_???" },
};
static const struct sct_nl_field tcmsg[] = {
	{ "tcm_ifindex", 4, 4, SCT_NF_IFINDEX, -1, NULL },
	{ "tcm_handle", 8, 4, SCT_NF_U, -1, NULL },
	{ "tcm_parent", 12, 4, SCT_NF_U, -1, NULL },
	{ "tcm_info", 16, 4, SCT_NF_U, -1, NULL },
};
static const struct sct_nl_field ifaddrlblmsg[] = {
	{ "ifal_prefixlen", 2, 1, SCT_NF_U, -1, NULL },
	{ "ifal_flags", 3, 1, SCT_NF_U, -1, NULL },
	{ "ifal_index", 4, 4, SCT_NF_IFINDEX, -1, NULL },
	{ "ifal_seq", 8, 4, SCT_NF_U, -1, NULL },
};
static const struct sct_nl_field dcbmsg[] = {
	{ "cmd", 1, 1, SCT_NF_XVAL, T(dcb_commands), "DCB_CMD_???" },
};
static const struct sct_nl_field br_port_msg[] = {
	{ "ifindex", 4, 4, SCT_NF_IFINDEX, -1, NULL },
};
static const struct sct_nl_field if_stats_msg[] = {
	{ "pad1", 1, 1, SCT_NF_XNZ, -1, NULL },
	{ "pad2", 2, 2, SCT_NF_XNZ, -1, NULL },
	{ "ifindex", 4, 4, SCT_NF_IFINDEX, -1, NULL },
	{ "filter_mask", 8, 4, SCT_NF_SHIFT, T(ifstats_attrs), "1<<IFLA_STATS_???" },
};
static const struct sct_nl_field nhmsg[] = {
	{ "nh_scope", 1, 1, SCT_NF_XVAL, T(routing_scopes), NULL },
	{ "nh_protocol", 2, 1, SCT_NF_XVAL, T(routing_protocols), "RTPROT_???" },
	{ "resvd", 3, 1, SCT_NF_XNZ, -1, NULL },
	{ "nh_flags", 4, 4, SCT_NF_FLAGS, T(nexthop_flags), "RTNH_F_???" },
};

static const struct sct_nl_struct s_ifinfomsg = { "ifi_family", 16, N(ifinfomsg), T(rtnl_link_attrs),
	"IFLA_???", sct_rt_link_attrs, SCT_RT_LINK_NATTRS };
static const struct sct_nl_struct s_ifaddrmsg = { "ifa_family", 8, N(ifaddrmsg), T(rtnl_addr_attrs),
	"IFA_???", sct_rt_addr_attrs, SCT_RT_ADDR_NATTRS };
static const struct sct_nl_struct s_rtmsg = { "rtm_family", 12, N(rtmsg), T(rtnl_route_attrs),
	"RTA_???", sct_rt_route_attrs, SCT_RT_ROUTE_NATTRS };
static const struct sct_nl_struct s_ndmsg = { "ndm_family", 12, N(ndmsg), T(rtnl_neigh_attrs),
	"NDA_???", sct_rt_neigh_attrs, SCT_RT_NEIGH_NATTRS };
static const struct sct_nl_struct s_fib_rule_hdr = { "family", 12, N(fib_rule_hdr), T(rtnl_rule_attrs),
	"FRA_???", sct_rt_rule_attrs, SCT_RT_RULE_NATTRS };
static const struct sct_nl_struct s_tcmsg = { "tcm_family", 20, N(tcmsg), T(rtnl_tc_attrs),
	"TCA_???", sct_rt_tc_attrs, SCT_RT_TC_NATTRS };
static const struct sct_nl_struct s_tcamsg = { "tca_family", 4, 0, NULL, T(rtnl_tc_action_attrs),
	"TCA_ACT_???", sct_rt_tc_action_attrs, SCT_RT_TC_ACTION_NATTRS };
static const struct sct_nl_struct s_ndtmsg = { "ndtm_family", 4, 0, NULL, T(rtnl_neightbl_attrs),
	"NDTA_???", sct_rt_neightbl_attrs, SCT_RT_NEIGHTBL_NATTRS };
static const struct sct_nl_struct s_ifaddrlblmsg = { "ifal_family", 12, N(ifaddrlblmsg),
	T(rtnl_addrlabel_attrs), "IFAL_???", sct_rt_addrlabel_attrs, SCT_RT_ADDRLABEL_NATTRS };
static const struct sct_nl_struct s_dcbmsg = { "dcb_family", 4, N(dcbmsg), T(rtnl_dcb_attrs),
	"DCB_ATTR_???", NULL, 0 };
static const struct sct_nl_struct s_netconfmsg = { "ncm_family", 1, 0, NULL, T(rtnl_netconf_attrs),
	"NETCONFA_???", sct_rt_netconf_attrs, SCT_RT_NETCONF_NATTRS };
static const struct sct_nl_struct s_br_port_msg = { "family", 8, N(br_port_msg), T(rtnl_mdb_attrs),
	"MDBA_???", sct_rt_mdb_attrs, SCT_RT_MDB_NATTRS };
static const struct sct_nl_struct s_nsid = { "rtgen_family", 1, 0, NULL, T(rtnl_nsid_attrs),
	"NETNSA_???", sct_rt_nsid_attrs, SCT_RT_NSID_NATTRS };
static const struct sct_nl_struct s_if_stats_msg = { "family", 12, N(if_stats_msg), T(ifstats_attrs),
	"IFLA_STATS_???", sct_rt_ifstats_attrs, SCT_RT_IFSTATS_NATTRS };
static const struct sct_nl_struct s_nhmsg = { "nh_family", 8, N(nhmsg), T(rtnl_nexthop_attrs),
	"NHA_???", sct_rt_nexthop_attrs, SCT_RT_NEXTHOP_NATTRS };

/* the struct of a message type, by RTM_* - RTM_BASE; NULL: none */
static const struct sct_nl_struct *by_type(uint16_t type, uint8_t family)
{
	switch (type) {
	case RTM_GETNEIGH:	/* an ifinfomsg for a bridge (an fdb dump) */
		return family == AF_BRIDGE ? &s_ifinfomsg : &s_ndmsg;
	case RTM_NEWLINK: case RTM_DELLINK: case RTM_GETLINK: case RTM_SETLINK:
		return &s_ifinfomsg;
	case RTM_NEWADDR: case RTM_DELADDR: case RTM_GETADDR: case RTM_GETMULTICAST:
	case RTM_GETANYCAST:
		return &s_ifaddrmsg;
	case RTM_NEWROUTE: case RTM_DELROUTE: case RTM_GETROUTE:
		return &s_rtmsg;
	case RTM_NEWNEIGH: case RTM_DELNEIGH:
		return &s_ndmsg;
	case RTM_NEWRULE: case RTM_DELRULE: case RTM_GETRULE:
		return &s_fib_rule_hdr;
	case RTM_NEWQDISC: case RTM_DELQDISC: case RTM_GETQDISC:
	case RTM_NEWTCLASS: case RTM_DELTCLASS: case RTM_GETTCLASS:
	case RTM_NEWTFILTER: case RTM_DELTFILTER: case RTM_GETTFILTER:
	case RTM_NEWCHAIN: case RTM_DELCHAIN: case RTM_GETCHAIN:
		return &s_tcmsg;
	case RTM_NEWACTION: case RTM_DELACTION: case RTM_GETACTION:
		return &s_tcamsg;
	case RTM_NEWNEIGHTBL: case RTM_GETNEIGHTBL: case RTM_SETNEIGHTBL:
		return &s_ndtmsg;
	case RTM_NEWADDRLABEL: case RTM_DELADDRLABEL: case RTM_GETADDRLABEL:
		return &s_ifaddrlblmsg;
	case RTM_GETDCB: case RTM_SETDCB:
		return &s_dcbmsg;
	case RTM_NEWNETCONF: case RTM_DELNETCONF: case RTM_GETNETCONF:
		return &s_netconfmsg;
	case RTM_NEWMDB: case RTM_DELMDB: case RTM_GETMDB:
		return &s_br_port_msg;
	case RTM_NEWNSID: case RTM_DELNSID: case RTM_GETNSID:
		return &s_nsid;
	case RTM_NEWSTATS: case RTM_GETSTATS:
		return &s_if_stats_msg;
	case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP: case RTM_GETNEXTHOP:
		return &s_nhmsg;
	}
	return NULL;
}

/* RTM_NEWCACHEREPORT: its family is an RTNL_FAMILY_* or an AF_* */
static void cachereport(const struct sct_nl *v, uint8_t family, uint64_t addr, uint32_t len)
{
	struct sct_out *o = v->o;
	const char *name = sct_xlat_find(X(rtnl_family), family);

	sct_out_puts(o, "{rtgen_family=");
	if (name)
		sct_print_xval(o, X(rtnl_family), family, "RTNL_FAMILY_???");
	else
		sct_print_xval(o, X(addrfams), family, "RTNL_FAMILY_???");
	sct_out_putc(o, '}');
	if (len > 4) {
		sct_out_puts(o, ", ");
		sct_rt_cachereport_attrs(v, family, addr + 4, len - 4);
	}
}

int sct_nl_route(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const struct sct_nl_struct *s;
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (!sct_nl_fetch(v, addr, &family, 1)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	if (h->nlmsg_type == RTM_NEWCACHEREPORT) {
		cachereport(v, family, addr, len);
		return 1;
	}
	if ((s = by_type(h->nlmsg_type, family))) {
		sct_nl_struct_print(v, s, family, addr, len);
		return 1;
	}
	sct_out_puts(v->o, "{family=");
	sct_print_xval(v->o, X(addrfams), family, "AF_???");
	if (len > 1) {
		sct_out_puts(v->o, ", data=");
		sct_nl_hex(v, addr + 1, len - 1);
	}
	sct_out_putc(v->o, '}');
	return 1;
}
