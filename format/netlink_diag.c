/* NETLINK_SOCK_DIAG messages (strace's netlink_sock_diag.c and its per-family
 * files): a request or an answer by the address family of its first byte, its
 * struct described as data (nlstruct.h), the attributes after it; a family
 * without a struct as {family=AF_X, data="\x.."}. */
#include <string.h>
#include <sys/socket.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/inet_diag.h>
#include "netlink.h"
#include "nlattr.h"
#include "nlstruct.h"
#include "netlink_diag.h"
#include "netfmt.h"
#include "bpf_filter.h"
#include "xlattab.h"
#include "out.h"

#define N SCT_NL_N

#ifndef AF_SMC
#define AF_SMC 43
#endif

/* --- attribute payloads ---------------------------------------------------------- */

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

static int unix_vfs(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct unix_diag_vfs uv;

	(void)opaque;
	if (len < sizeof(uv))
		return 0;
	if (!sct_nl_fetch(v, addr, &uv, sizeof(uv))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{udiag_vfs_dev=makedev(");
	sct_out_hex(v->o, (uv.udiag_vfs_dev >> 8) & 0xfff);
	sct_out_puts(v->o, ", ");
	sct_out_hex(v->o, (uv.udiag_vfs_dev & 0xff) | ((uv.udiag_vfs_dev >> 12) & ~0xffu));
	sct_out_puts(v->o, "), udiag_vfs_ino=");
	sct_out_udec(v->o, uv.udiag_vfs_ino);
	sct_out_putc(v->o, '}');
	return 1;
}

static int u32_array(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return 0;
	sct_nla_array(v, addr, len, 4, sct_nla_elem_u32);
	return 1;
}

static int unix_rqlen(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const names[] = { "udiag_rqueue", "udiag_wqueue" };

	(void)opaque;
	return u32_struct(v, addr, len, names, 2);
}

static void elem_x64(struct sct_out *o, const unsigned char *e)
{
	uint64_t x;

	memcpy(&x, e, sizeof(x));
	sct_out_hex(o, x);
}

static int ndiag_groups(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 8)
		return 0;
	sct_nla_array(v, addr, len, 8, elem_x64);
	return 1;
}

static int ndiag_ring(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const names[] = { "ndr_block_size", "ndr_block_nr", "ndr_frame_size",
					     "ndr_frame_nr" };

	(void)opaque;
	return u32_struct(v, addr, len, names, 4);
}

static int ndiag_flags(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t x;

	(void)opaque;
	if (len < sizeof(x))
		return 0;
	if (!sct_nl_fetch(v, addr, &x, sizeof(x)))
		sct_nl_addr(v, addr);
	else
		sct_print_flags(v->o, X(netlink_socket_flags), x, "NDIAG_FLAG_???");
	return 1;
}

static int pdiag_ring(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const names[] = { "pdr_block_size", "pdr_block_nr", "pdr_frame_size",
					     "pdr_frame_nr", "pdr_retire_tmo", "pdr_sizeof_priv",
					     "pdr_features" };

	(void)opaque;
	return u32_struct(v, addr, len, names, 7);
}

static int pdiag_info(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct packet_diag_info pi;
	struct sct_out *o = v->o;

	(void)opaque;
	if (len < sizeof(pi))
		return 0;
	if (!sct_nl_fetch(v, addr, &pi, sizeof(pi))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(o, "{pdi_index=");
	sct_print_ifindex(o, pi.pdi_index);
	sct_out_puts(o, ", pdi_version=");
	sct_print_xval(o, X(af_packet_versions), pi.pdi_version, "TPACKET_???");
	sct_out_puts(o, ", pdi_reserve=");
	sct_out_udec(o, pi.pdi_reserve);
	sct_out_puts(o, ", pdi_copy_thresh=");
	sct_out_udec(o, pi.pdi_copy_thresh);
	sct_out_puts(o, ", pdi_tstamp=");
	sct_out_udec(o, pi.pdi_tstamp);
	sct_out_puts(o, ", pdi_flags=");
	sct_print_flags(o, X(packet_diag_info_flags), pi.pdi_flags, "PDI_???");
	sct_out_putc(o, '}');
	return 1;
}

static void elem_mclist(struct sct_out *o, const unsigned char *e)
{
	struct packet_diag_mclist m;
	uint16_t alen;

	memcpy(&m, e, sizeof(m));
	alen = m.pdmc_alen < sizeof(m.pdmc_addr) ? m.pdmc_alen : sizeof(m.pdmc_addr);
	sct_out_puts(o, "{pdmc_index=");
	sct_print_ifindex(o, m.pdmc_index);
	sct_out_puts(o, ", pdmc_count=");
	sct_out_udec(o, m.pdmc_count);
	sct_out_puts(o, ", pdmc_type=");
	sct_out_udec(o, m.pdmc_type);
	sct_out_puts(o, ", pdmc_alen=");
	sct_out_udec(o, m.pdmc_alen);
	sct_out_puts(o, ", pdmc_addr=");
	int saved = o->xstyle;
	o->xstyle = SCT_XSTR_ALL;
	sct_print_quoted(o, m.pdmc_addr, alen, alen, 0);
	o->xstyle = saved;
	sct_out_putc(o, '}');
}

static int pdiag_mclist(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < sizeof(struct packet_diag_mclist))
		return 0;
	sct_nla_array(v, addr, len, sizeof(struct packet_diag_mclist), elem_mclist);
	return 1;
}


static void elem_bpf(struct sct_out *o, const unsigned char *e)
{
	sct_print_bpf_insn(o, e, 1);
}

/* a classic BPF program (print_sock_fprog): its address unless -v */
static int pdiag_filter(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t n = len / 8;

	(void)opaque;
	if (!n || n > 0xffff)
		return 0;
	if (!sct_no_abbrev(v->d)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_nla_array(v, addr, len - len % 8, 8, elem_bpf);
	return 1;
}

static const struct sct_nla_decoder unix_attrs[] = {
	[UNIX_DIAG_NAME] = { sct_nla_str },
	[UNIX_DIAG_VFS] = { unix_vfs },
	[UNIX_DIAG_PEER] = { sct_nla_u32 },
	[UNIX_DIAG_ICONS] = { u32_array },
	[UNIX_DIAG_RQLEN] = { unix_rqlen },
	[UNIX_DIAG_MEMINFO] = { sct_nla_meminfo },
	[UNIX_DIAG_SHUTDOWN] = { sct_nla_u8 },
	[UNIX_DIAG_UID] = { sct_nla_uid },
};

static const struct sct_nla_decoder netlink_attrs[] = {
	[NETLINK_DIAG_MEMINFO] = { sct_nla_meminfo },
	[NETLINK_DIAG_GROUPS] = { ndiag_groups },
	[NETLINK_DIAG_RX_RING] = { ndiag_ring },
	[NETLINK_DIAG_TX_RING] = { ndiag_ring },
	[NETLINK_DIAG_FLAGS] = { ndiag_flags },
};

static const struct sct_nla_decoder packet_attrs[] = {
	[PACKET_DIAG_INFO] = { pdiag_info },
	[PACKET_DIAG_MCLIST] = { pdiag_mclist },
	[PACKET_DIAG_RX_RING] = { pdiag_ring },
	[PACKET_DIAG_TX_RING] = { pdiag_ring },
	[PACKET_DIAG_FANOUT] = { sct_nla_u32 },
	[PACKET_DIAG_UID] = { sct_nla_uid },
	[PACKET_DIAG_MEMINFO] = { sct_nla_meminfo },
	[PACKET_DIAG_FILTER] = { pdiag_filter },
};

static void print_bc_op(struct sct_out *o, const unsigned char *op)
{
	sct_out_puts(o, "{code=");
	sct_print_xval(o, X(inet_diag_bytecodes), op[0], "INET_DIAG_BC_???");
	sct_out_puts(o, ", yes=");
	sct_out_udec(o, op[1]);
	sct_out_puts(o, ", no=");
	sct_out_udec(o, (unsigned)op[2] | (unsigned)op[3] << 8);
	sct_out_putc(o, '}');
}

/* struct inet_diag_hostcond: family, prefix length, port, then an address of the
 * family in what is left */
static void hostcond(const struct sct_nl *v, uint64_t addr, uint32_t len)
{
	struct inet_diag_hostcond c;
	struct sct_out *o = v->o;
	unsigned char a[16];
	unsigned size;

	if (len < sizeof(c)) {
		sct_nl_hex(v, addr, len);
		return;
	}
	if (!sct_nl_fetch(v, addr, &c, sizeof(c))) {
		sct_nl_addr(v, addr);
		return;
	}
	sct_out_puts(o, "{family=");
	sct_print_xval(o, X(addrfams), c.family, "AF_???");
	sct_out_puts(o, ", prefix_len=");
	sct_out_udec(o, c.prefix_len);
	sct_out_puts(o, ", port=");
	sct_out_dec(o, c.port);
	if (len > sizeof(c)) {
		uint32_t rest = len - (uint32_t)sizeof(c);

		sct_out_puts(o, ", ");
		size = c.family == AF_INET ? 4 : c.family == AF_INET6 ? 16 : 0;
		if (!size || rest < size) {
			sct_out_puts(o, "addr=");
			sct_nl_hex(v, addr + sizeof(c), rest);
		} else if (!sct_nl_fetch(v, addr + sizeof(c), a, size)) {
			sct_out_puts(o, "addr=");
			sct_nl_addr(v, addr + sizeof(c));
		} else {
			sct_nl_inet_addr(o, c.family, a, size, "addr");
		}
	}
	sct_out_putc(o, '}');
}

/* what follows an inet_diag_bc_op, by its code */
static void bc_data(const struct sct_nl *v, uint64_t addr, uint32_t len, uint8_t code)
{
	unsigned char b[8];
	uint32_t x[2];
	unsigned need = 0;

	switch (code) {
	case INET_DIAG_BC_S_COND: case INET_DIAG_BC_D_COND:
		hostcond(v, addr, len);
		return;
	case INET_DIAG_BC_DEV_COND: case INET_DIAG_BC_S_GE: case INET_DIAG_BC_S_LE:
	case INET_DIAG_BC_D_GE: case INET_DIAG_BC_D_LE:
		need = 4;
		break;
	case INET_DIAG_BC_MARK_COND:
		need = 8;
		break;
	}
	if (!need || len < need) {
		sct_nl_hex(v, addr, len);
		return;
	}
	if (!sct_nl_fetch(v, addr, b, need)) {
		sct_nl_addr(v, addr);
		return;
	}
	if (code == INET_DIAG_BC_DEV_COND) {
		memcpy(x, b, 4);
		sct_print_ifindex(v->o, x[0]);
	} else if (code == INET_DIAG_BC_MARK_COND) {
		memcpy(x, b, 8);
		sct_out_puts(v->o, "{mark=");
		sct_out_udec(v->o, x[0]);
		sct_out_puts(v->o, ", mask=");
		sct_out_udec(v->o, x[1]);
		sct_out_putc(v->o, '}');
	} else {
		print_bc_op(v->o, b);
	}
}

static int bc_op(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	unsigned char op[4];

	(void)opaque;
	if (len < sizeof(op))
		return 0;
	if (!sct_nl_fetch(v, addr, op, sizeof(op))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	print_bc_op(v->o, op);
	if (len > sizeof(op)) {
		sct_out_puts(v->o, ", ");
		bc_data(v, addr + 4, len - 4, op[0]);
	}
	return 1;
}

static const struct sct_nla_decoder inet_req_attrs[] = {
	[INET_DIAG_REQ_BYTECODE] = { bc_op },
	[INET_DIAG_REQ_PROTOCOL] = SCT_NLA_XVAL(inet_protocols, 0, "IPPROTO_???"),
};


/* --- structs ---------------------------------------------------------------------- */

static const struct sct_nl_field unix_req_f[] = {
	{ "sdiag_protocol", 1, 1, SCT_NF_U, -1, NULL },
	{ "udiag_states", 4, 4, SCT_NF_SHIFT, T(tcp_states), "1<<TCP_???" },
	{ "udiag_ino", 8, 4, SCT_NF_U, -1, NULL },
	{ "udiag_show", 12, 4, SCT_NF_FLAGS, T(unix_diag_show), "UDIAG_SHOW_???" },
	{ "udiag_cookie", 16, 8, SCT_NF_COOKIE, -1, NULL },
};
static const struct sct_nl_field unix_msg_f[] = {
	{ "udiag_type", 1, 1, SCT_NF_XVAL, T(sock_types), "SOCK_???" },
	{ "udiag_state", 2, 1, SCT_NF_XVAL, T(tcp_states), "TCP_???" },
	{ "udiag_ino", 4, 4, SCT_NF_U, -1, NULL },
	{ "udiag_cookie", 8, 8, SCT_NF_COOKIE, -1, NULL },
};
static const struct sct_nl_field netlink_req_f[] = {
	{ "sdiag_protocol", 1, 1, SCT_NF_NDIAG_PROTO, -1, NULL },
	{ "ndiag_ino", 4, 4, SCT_NF_U, -1, NULL },
	{ "ndiag_show", 8, 4, SCT_NF_FLAGS, T(netlink_diag_show), "NDIAG_SHOW_???" },
	{ "ndiag_cookie", 12, 8, SCT_NF_COOKIE, -1, NULL },
};
static const struct sct_nl_field netlink_msg_f[] = {
	{ "ndiag_type", 1, 1, SCT_NF_XVAL, T(sock_types), "SOCK_???" },
	{ "ndiag_protocol", 2, 1, SCT_NF_XVAL, T(nl_protocols), "NETLINK_???" },
	{ "ndiag_state", 3, 1, SCT_NF_XVAL, T(netlink_states), "NETLINK_???" },
	{ "ndiag_portid", 4, 4, SCT_NF_U, -1, NULL },
	{ "ndiag_dst_portid", 8, 4, SCT_NF_U, -1, NULL },
	{ "ndiag_dst_group", 12, 4, SCT_NF_U, -1, NULL },
	{ "ndiag_ino", 16, 4, SCT_NF_U, -1, NULL },
	{ "ndiag_cookie", 20, 8, SCT_NF_COOKIE, -1, NULL },
};
static const struct sct_nl_field packet_req_f[] = {
	{ "sdiag_protocol", 1, 1, SCT_NF_X, -1, NULL },
	{ "pdiag_ino", 4, 4, SCT_NF_U, -1, NULL },
	{ "pdiag_show", 8, 4, SCT_NF_FLAGS, T(packet_diag_show), "PACKET_SHOW_???" },
	{ "pdiag_cookie", 12, 8, SCT_NF_COOKIE, -1, NULL },
};
static const struct sct_nl_field packet_msg_f[] = {
	{ "pdiag_type", 1, 1, SCT_NF_XVAL, T(sock_types), "SOCK_???" },
	{ "pdiag_num", 2, 2, SCT_NF_XVAL, T(eth_protos), "ETH_P_???" },
	{ "pdiag_ino", 4, 4, SCT_NF_U, -1, NULL },
	{ "pdiag_cookie", 8, 8, SCT_NF_COOKIE, -1, NULL },
};
static const struct sct_nl_field inet_req_v2_f[] = {
	{ "sdiag_protocol", 1, 1, SCT_NF_XVAL, T(inet_protocols), "IPPROTO_???" },
	{ "idiag_ext", 2, 1, SCT_NF_SHIFT1, T(inet_diag_attrs), "1<<INET_DIAG_\?\?\?-1" },
	{ "idiag_states", 4, 4, SCT_NF_SHIFT, T(tcp_states), "1<<TCP_???" },
	{ "id", 8, 48, SCT_NF_SOCKID, -1, NULL },
};
static const struct sct_nl_field inet_req_compat_f[] = {
	{ "idiag_src_len", 1, 1, SCT_NF_U, -1, NULL },
	{ "idiag_dst_len", 2, 1, SCT_NF_U, -1, NULL },
	{ "idiag_ext", 3, 1, SCT_NF_SHIFT1, T(inet_diag_attrs), "1<<INET_DIAG_\?\?\?-1" },
	{ "id", 4, 48, SCT_NF_SOCKID, -1, NULL },
	{ "idiag_states", 52, 4, SCT_NF_SHIFT, T(tcp_states), "1<<TCP_???" },
	{ "idiag_dbs", 56, 4, SCT_NF_U, -1, NULL },
};
static const struct sct_nl_field inet_msg_f[] = {
	{ "idiag_state", 1, 1, SCT_NF_XVAL, T(tcp_states), "TCP_???" },
	{ "idiag_timer", 2, 1, SCT_NF_U, -1, NULL },
	{ "idiag_retrans", 3, 1, SCT_NF_U, -1, NULL },
	{ "id", 4, 48, SCT_NF_SOCKID, -1, NULL },
	{ "idiag_expires", 52, 4, SCT_NF_U, -1, NULL },
	{ "idiag_rqueue", 56, 4, SCT_NF_U, -1, NULL },
	{ "idiag_wqueue", 60, 4, SCT_NF_U, -1, NULL },
	{ "idiag_uid", 64, 4, SCT_NF_U, -1, NULL },
	{ "idiag_inode", 68, 4, SCT_NF_U, -1, NULL },
};
static const struct sct_nl_field smc_req_f[] = {
	{ "diag_ext", 3, 1, SCT_NF_SHIFT1, T(smc_diag_attrs), "1<<SMC_DIAG_\?\?\?-1" },
	{ "id", 4, 48, SCT_NF_SOCKID4, -1, NULL },
};
static const struct sct_nl_field smc_msg_f[] = {
	{ "diag_state", 1, 1, SCT_NF_XVAL, T(smc_states), "SMC_???" },
	{ "diag_fallback", 2, 1, SCT_NF_XVAL, T(smc_diag_mode), "SMC_DIAG_MODE_???" },
	{ "diag_shutdown", 3, 1, SCT_NF_U, -1, NULL },
	{ "id", 4, 48, SCT_NF_SOCKID4, -1, NULL },
	{ "diag_uid", 52, 4, SCT_NF_U, -1, NULL },
	{ "diag_inode", 56, 8, SCT_NF_U, -1, NULL },
};

#define ATTRS(a) (unsigned)(sizeof(a) / sizeof((a)[0]))
static const struct sct_nl_struct unix_req = { "sdiag_family", 24, N(unix_req_f), -1, NULL, NULL, 0 };
static const struct sct_nl_struct unix_msg = { "udiag_family", 16, N(unix_msg_f),
	T(unix_diag_attrs), "UNIX_DIAG_???", unix_attrs, ATTRS(unix_attrs) };
static const struct sct_nl_struct netlink_req = { "sdiag_family", 20, N(netlink_req_f), -1, NULL,
	NULL, 0 };
static const struct sct_nl_struct netlink_msg = { "ndiag_family", 28, N(netlink_msg_f),
	T(netlink_diag_attrs), "NETLINK_DIAG_???", netlink_attrs, ATTRS(netlink_attrs) };
static const struct sct_nl_struct packet_req = { "sdiag_family", 20, N(packet_req_f), -1, NULL,
	NULL, 0 };
static const struct sct_nl_struct packet_msg = { "pdiag_family", 16, N(packet_msg_f),
	T(packet_diag_attrs), "PACKET_DIAG_???", packet_attrs, ATTRS(packet_attrs) };
static const struct sct_nl_struct inet_req_v2 = { "sdiag_family", 56, N(inet_req_v2_f),
	T(inet_diag_req_attrs), "INET_DIAG_REQ_???", inet_req_attrs, ATTRS(inet_req_attrs) };
static const struct sct_nl_struct inet_req_compat = { "idiag_family", 60, N(inet_req_compat_f),
	T(inet_diag_req_attrs), "INET_DIAG_REQ_???", inet_req_attrs, ATTRS(inet_req_attrs) };
static const struct sct_nl_struct inet_msg = { "idiag_family", 72, N(inet_msg_f),
	T(inet_diag_attrs), "INET_DIAG_???", sct_nl_inet_attrs, SCT_NL_INET_NATTRS };
static const struct sct_nl_struct smc_req = { "diag_family", 52, N(smc_req_f), -1, NULL, NULL, 0 };
static const struct sct_nl_struct smc_msg = { "diag_family", 64, N(smc_msg_f),
	T(smc_diag_attrs), "SMC_DIAG_???", sct_nl_smc_attrs, SCT_NL_SMC_NATTRS };

static const struct sct_nl_struct *by_family(uint8_t family, int req, uint16_t type)
{
	switch (family) {
	case AF_UNIX: return req ? &unix_req : &unix_msg;
	case AF_NETLINK: return req ? &netlink_req : &netlink_msg;
	case AF_PACKET: return req ? &packet_req : &packet_msg;
	case AF_SMC: return req ? &smc_req : &smc_msg;
	case AF_INET: case AF_INET6:
		if (!req)
			return &inet_msg;
		/* TCPDIAG_GETSOCK, DCCPDIAG_GETSOCK: the old request */
		return type == 18 || type == 19 ? &inet_req_compat : &inet_req_v2;
	}
	return NULL;
}

int sct_nl_sock_diag(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const struct sct_nl_struct *s;
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (!sct_nl_fetch(v, addr, &family, 1)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	if (len > 1 && (s = by_family(family, (h->nlmsg_flags & NLM_F_REQUEST) != 0, h->nlmsg_type))) {
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
