/* NETLINK_NETFILTER (strace's netlink_netfilter.c): a message type is a subsystem
 * and its own type (NFNL_SUBSYS_ACCT<<8|NFNL_MSG_ACCT_NEW), the request flags
 * depend on both, the payload is a struct nfgenmsg then attributes. */
#include <string.h>
#include <linux/netlink.h>
#include "netlink.h"
#include "nlattr.h"
#include "xlattab.h"
#include "out.h"


/* by subsystem: its message types and their unknown name */
static const struct { int16_t t; const char *dflt; } subsys[] = {
	[1] = { SCT_XLAT_nf_ctnetlink_msg_types, "IPCTNL_MSG_CT_???" },
	[2] = { SCT_XLAT_nf_ctnetlink_exp_msg_types, "IPCTNL_MSG_EXP_???" },
	[3] = { SCT_XLAT_nf_queue_msg_types, "NFQNL_MSG_???" },
	[4] = { SCT_XLAT_nf_ulog_msg_types, "NFULNL_MSG_???" },
	[5] = { SCT_XLAT_nf_osf_msg_types, "OSF_MSG_???" },
	[6] = { SCT_XLAT_nf_ipset_msg_types, "IPSET_CMD_???" },
	[7] = { SCT_XLAT_nf_acct_msg_types, "NFNL_MSG_ACCT_???" },
	[8] = { SCT_XLAT_nf_cttimeout_msg_types, "IPCTNL_MSG_TIMEOUT_???" },
	[9] = { SCT_XLAT_nf_cthelper_msg_types, "NFNL_MSG_CTHELPER_???" },
	[10] = { SCT_XLAT_nf_nftables_msg_types, "NFT_MSG_???" },
	[11] = { SCT_XLAT_nf_nft_compat_msg_types, "NFNL_MSG_COMPAT_???" },
	[12] = { SCT_XLAT_nf_hook_msg_types, "NFT_MSG_HOOK_???" },
};
#define NSUBSYS (sizeof(subsys) / sizeof(subsys[0]))

void sct_nl_nf_type(struct sct_out *o, uint16_t type)
{
	uint8_t id = (uint8_t)(type >> 8), msg = (uint8_t)type;

	if (sct_xlat_find(X(nfnl_msg_types), type)) {	/* NFNL_MSG_BATCH_BEGIN, _END */
		sct_print_xval(o, X(nfnl_msg_types), type, NULL);
		return;
	}
	sct_print_xval(o, X(nfnl_subsys_ids), id, "NFNL_SUBSYS_???");
	sct_out_puts(o, "<<8|");
	if (id < NSUBSYS && subsys[id].dflt)
		sct_print_xval(o, sct_xlat_tabs[subsys[id].t].x, msg, subsys[id].dflt);
	else
		sct_out_hex(o, msg);
}

/* 0: NLM_F_* of a new request, 1: of a get, 2: of a delete, -1: none */
static int kind(uint8_t id, uint8_t msg)
{
	switch (id) {
	case 1:		/* CTNETLINK: NEW; GET, GET_CTRZERO, GET_STATS_CPU, GET_STATS,
			 * GET_DYING, GET_UNCONFIRMED; DELETE */
		return msg == 0 ? 0 : msg == 2 ? 2 : msg <= 7 ? 1 : -1;
	case 2:		/* CTNETLINK_EXP: NEW; GET, GET_STATS_CPU; DELETE */
		return msg == 0 ? 0 : msg == 1 || msg == 3 ? 1 : msg == 2 ? 2 : -1;
	case 7:		/* ACCT: NEW; GET, GET_CTRZERO; DEL */
		return msg == 0 ? 0 : msg == 1 || msg == 2 ? 1 : msg == 3 ? 2 : -1;
	case 8: case 9:	/* CTNETLINK_TIMEOUT, CTHELPER: NEW, GET, DEL */
		return msg <= 2 ? msg : -1;
	case 10:	/* NFTABLES: NEW/GET/DEL of tables, chains, rules, sets, set
			 * elements (0..14); NEWGEN, GETGEN; NEWOBJ, GETOBJ, DELOBJ,
			 * GETOBJ_RESET; NEW/GET/DEL of flowtables (22..24) */
		if (msg <= 14)
			return msg % 3;
		if (msg == 15 || msg == 18 || msg == 22)
			return 0;
		if (msg == 16 || msg == 19 || msg == 21 || msg == 23)
			return 1;
		return msg == 20 || msg == 24 ? 2 : -1;
	case 11: case 12:	/* NFT_COMPAT, HOOK: GET */
		return msg == 0 ? 1 : -1;
	}
	return -1;
}

const struct sct_xlat *sct_nl_nf_flags(uint16_t type)
{
	int k = kind((uint8_t)(type >> 8), (uint8_t)type);

	return k == 0 ? X(nl_new_flags) : k == 1 ? X(nl_get_flags) : k == 2 ? X(nl_delete_flags) : NULL;
}

int sct_nl_netfilter(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	struct sct_out *o = v->o;
	unsigned char m[4];	/* struct nfgenmsg */
	uint16_t res;

	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (len < sizeof(m)) {
		sct_nl_hex(v, addr, len);
		return 1;
	}
	if (!sct_nl_fetch(v, addr, m, sizeof(m))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	res = (uint16_t)(m[2] << 8 | m[3]);
	sct_out_puts(o, "{nfgen_family=");
	sct_print_xval(o, X(addrfams), m[0], "AF_???");
	sct_out_puts(o, ", version=");
	sct_print_xval(o, X(netfilter_versions), m[1], "NFNETLINK_???");
	sct_out_puts(o, ", res_id=");
	/* nf_tables once put NFNL_SUBSYS_NFTABLES there in host order */
	if ((h->nlmsg_type >> 8) == 10 && res == 10) {
		sct_print_named(o, (uint16_t)(m[2] | m[3] << 8), 0, "htons(NFNL_SUBSYS_NFTABLES)");
	} else if ((h->nlmsg_type >> 8) == 10 && (m[2] | m[3] << 8) == 10) {
		sct_print_named(o, 10, 0, "NFNL_SUBSYS_NFTABLES");
	} else {
		sct_out_puts(o, "htons(");
		sct_out_udec(o, res);
		sct_out_putc(o, ')');
	}
	sct_out_putc(o, '}');
	if (len > NLMSG_ALIGN(sizeof(m))) {
		sct_out_puts(o, ", ");
		if ((h->nlmsg_type >= 16 && h->nlmsg_type <= 17) || h->nlmsg_type < NLMSG_MIN_TYPE)
			sct_nl_hex(v, addr + 4, len - 4);	/* BATCH_BEGIN, BATCH_END */
		else
			sct_nla_decode(v, addr + 4, len - 4, NULL, NULL, NULL, 0, NULL);
	}
	return 1;
}
