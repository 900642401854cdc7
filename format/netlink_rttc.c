/* NETLINK_ROUTE's traffic control attributes (strace's rtnl_tc.c and
 * rtnl_tc_action.c): of a tcmsg (qdiscs, classes, filters, chains) and of a
 * tcamsg (actions), with the statistics both carry. */
#include <string.h>
#include <linux/rtnetlink.h>
#include <linux/pkt_sched.h>
#include <linux/pkt_cls.h>
#include <linux/gen_stats.h>
#include "netlink_route.h"
#include "nlstruct.h"
#include "xlattab.h"
#include "out.h"


static const struct sct_nl_field tc_stats[] = {
	U64("bytes", 0), U32("packets", 8), U32("drops", 12), U32("overlimits", 16),
	U32("bps", 20), U32("pps", 24), U32("qlen", 28), U32("backlog", 32),
};
static const struct sct_nl_field tc_estimator[] = {
	{ "interval", 0, 1, SCT_NF_D, -1, NULL }, { "ewma_log", 1, 1, SCT_NF_U, -1, NULL },
};
static const struct sct_nl_field gnet_basic[] = { U64("bytes", 0), U32("packets", 8) };
static const struct sct_nl_field gnet_rate_est[] = { U32("bps", 0), U32("pps", 4) };
static const struct sct_nl_field gnet_queue[] = {
	U32("qlen", 0), U32("backlog", 4), U32("drops", 8), U32("requeues", 12),
	U32("overlimits", 16),
};
static const struct sct_nl_field gnet_rate_est64[] = { U64("bps", 0), U64("pps", 8) };
static const struct sct_nl_field tc_sizespec[] = {
	{ "cell_log", 0, 1, SCT_NF_U, -1, NULL }, { "size_log", 1, 1, SCT_NF_U, -1, NULL },
	{ "cell_align", 2, 2, SCT_NF_D, -1, NULL }, { "overhead", 4, 4, SCT_NF_D, -1, NULL },
	U32("linklayer", 8), U32("mpu", 12), U32("mtu", 16), U32("tsize", 20),
};

static const struct sct_nla_decoder tca_stats[] = {
	[TCA_STATS_BASIC] = SCT_NLA_FIELDS(12, 12, gnet_basic),
	[TCA_STATS_RATE_EST] = SCT_NLA_FIELDS(8, 8, gnet_rate_est),
	[TCA_STATS_QUEUE] = SCT_NLA_FIELDS(20, 20, gnet_queue),
	[TCA_STATS_RATE_EST64] = SCT_NLA_FIELDS(16, 16, gnet_rate_est64),
	[TCA_STATS_BASIC_HW] = SCT_NLA_FIELDS(12, 12, gnet_basic),
	[TCA_STATS_PKT64] = { sct_nla_u64 },
};

static void elem_u16(struct sct_out *o, const unsigned char *e)
{
	sct_out_udec(o, (unsigned)e[0] | (unsigned)e[1] << 8);
}

static int stab_data(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 2)
		return 0;
	sct_nla_array(v, addr, len, 2, elem_u16);
	return 1;
}

static const struct sct_nla_decoder tca_stab[] = {
	[TCA_STAB_BASE] = SCT_NLA_FIELDS(24, 24, tc_sizespec),
	[TCA_STAB_DATA] = { stab_data },
};

const struct sct_nla_decoder sct_rt_tc_attrs[SCT_RT_TC_NATTRS] = {
	[TCA_KIND] = { sct_nla_str },
	[TCA_STATS] = SCT_NLA_FIELDS(36, 36, tc_stats),
	[TCA_RATE] = SCT_NLA_FIELDS(2, 2, tc_estimator),
	[TCA_FCNT] = { sct_nla_u32 },
	[TCA_STATS2] = SCT_NLA_NEST(tca_stats_attrs, "TCA_STATS_???", tca_stats),
	[TCA_STAB] = SCT_NLA_NEST(tca_stab_attrs, "TCA_STAB_???", tca_stab),
	[TCA_CHAIN] = { sct_nla_u32 },
	[TCA_HW_OFFLOAD] = { sct_nla_u8 },
	[TCA_INGRESS_BLOCK] = { sct_nla_u32 },
	[TCA_EGRESS_BLOCK] = { sct_nla_u32 },
	[TCA_DUMP_FLAGS] = { sct_nla_u32 },
};

const struct sct_nla_decoder sct_rt_tc_action_attrs[SCT_RT_TC_ACTION_NATTRS] = {
	[TCA_ACT_KIND] = { sct_nla_str },
	[TCA_ACT_INDEX] = { sct_nla_u32 },
	[TCA_ACT_STATS] = SCT_NLA_NEST(tca_stats_attrs, "TCA_STATS_???", tca_stats),
	[TCA_ACT_FLAGS] = SCT_NLA_FLAGS(tca_act_flags, 4, "TCA_ACT_FLAGS_???"),
	[TCA_ACT_HW_STATS] = SCT_NLA_FLAGS(tca_act_hw_stats, 4, "TCA_ACT_HW_STATS_???"),
	[TCA_ACT_USED_HW_STATS] = SCT_NLA_FLAGS(tca_act_hw_stats, 4, "TCA_ACT_HW_STATS_???"),
	[TCA_ACT_IN_HW_COUNT] = { sct_nla_u32 },
};
