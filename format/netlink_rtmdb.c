/* NETLINK_ROUTE's bridge multicast database attributes (strace's rtnl_mdb.c): of a
 * br_port_msg, an MDB of entries and a list of router ports, each with its own
 * attributes. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <linux/if_bridge.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"


static const struct sct_nla_decoder eattr[] = {
	[MDBA_MDB_EATTR_TIMER] = { sct_nla_clock_t },
};

/* struct br_mdb_entry; its attributes after it */
static int entry_info(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct br_mdb_entry e;
	struct sct_out *o = v->o;
	uint32_t off = NLMSG_ALIGN(sizeof(e));
	int proto;

	(void)opaque;
	if (len < sizeof(e))
		return 0;
	if (sct_nl_fetch(v, addr, &e, sizeof(e))) {
		proto = (e.addr.proto & 0xff) << 8 | e.addr.proto >> 8;	/* ntohs */
		sct_out_puts(o, "{ifindex=");
		sct_print_ifindex(o, e.ifindex);
		sct_out_puts(o, ", state=");
		sct_print_xval(o, X(mdb_states), e.state, "MDB_???");
		sct_out_puts(o, ", flags=");
		sct_print_flags(o, X(mdb_flags), e.flags, "MDB_FLAGS_???");
		sct_out_puts(o, ", vid=");
		sct_out_udec(o, e.vid);
		sct_out_puts(o, ", addr={");
		/* strace takes the ethertype for an address family, as print_inet_addr */
		sct_nl_inet_addr(o, proto, (const unsigned char *)&e.addr.u, sizeof(e.addr.u), "u");
		sct_out_puts(o, ", proto=htons(");
		sct_print_xval(o, X(addrfams), (uint64_t)proto, "AF_???");
		sct_out_puts(o, ")}}");
	} else {
		sct_nl_addr(v, addr);
	}
	if (len > off) {
		sct_out_puts(o, ", ");
		sct_nla_decode(v, addr + off, len - off, X(mdba_mdb_eattr_attrs), "MDBA_MDB_EATTR_???",
			       eattr, sizeof(eattr) / sizeof(eattr[0]), NULL);
	}
	return 1;
}

static const struct sct_nla_decoder entry[] = {
	[MDBA_MDB_ENTRY_INFO] = { entry_info },
};

static const struct sct_nla_decoder mdb[] = {
	[MDBA_MDB_ENTRY] = SCT_NLA_NEST(mdba_mdb_entry_attrs, "MDBA_MDB_ENTRY_???", entry),
};

/* decode_multicast_router_type reads its byte whatever the length */
static int router_type(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint8_t t;

	(void)len;
	(void)opaque;
	if (!sct_nl_fetch(v, addr, &t, 1))
		sct_nl_addr(v, addr);
	else
		sct_print_xval(v->o, X(multicast_router_types), t, "MDB_RTR_TYPE_???");
	return 1;
}

static const struct sct_nla_decoder pattr[] = {
	[MDBA_ROUTER_PATTR_TIMER] = { sct_nla_clock_t },
	[MDBA_ROUTER_PATTR_TYPE] = { router_type },
	[MDBA_ROUTER_PATTR_INET_TIMER] = { sct_nla_clock_t },
	[MDBA_ROUTER_PATTR_INET6_TIMER] = { sct_nla_clock_t },
};

/* an interface index, then its attributes */
static int router_port(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t idx;

	(void)opaque;
	if (len < sizeof(idx))
		return 0;
	if (!sct_nl_fetch(v, addr, &idx, sizeof(idx)))
		sct_nl_addr(v, addr);
	else
		sct_print_ifindex(v->o, idx);
	if (len > sizeof(idx)) {
		sct_out_puts(v->o, ", ");
		sct_nla_decode(v, addr + 4, len - 4, X(mdba_router_pattr_attrs), "MDBA_ROUTER_PATTR_???",
			       pattr, sizeof(pattr) / sizeof(pattr[0]), NULL);
	}
	return 1;
}

static const struct sct_nla_decoder router[] = {
	[MDBA_ROUTER_PORT] = { router_port },
};

const struct sct_nla_decoder sct_rt_mdb_attrs[SCT_RT_MDB_NATTRS] = {
	[MDBA_MDB] = SCT_NLA_NEST(mdba_mdb_attrs, "MDBA_MDB_???", mdb),
	[MDBA_ROUTER] = SCT_NLA_NEST(mdba_router_attrs, "MDBA_ROUTER_???", router),
};
