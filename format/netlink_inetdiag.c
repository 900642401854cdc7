/* NETLINK_SOCK_DIAG's inet attributes (strace's netlink_inet_diag.c): of an
 * inet_diag_msg, memory and congestion control info, shutdown, upper layer
 * protocol info (TLS, MPTCP), BPF storages, socket options, addresses, MD5 keys. */
#include <string.h>
#include <sys/socket.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tls.h>
#include "netlink_diag.h"
#include "nlstruct.h"
#include "netfmt.h"
#include "xlattab.h"
#include "out.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define X32(name, off) { name, off, 4, SCT_NF_X, -1, NULL }

static const struct sct_nl_field meminfo[] = {
	U32("idiag_rmem", 0), U32("idiag_wmem", 4), U32("idiag_fmem", 8), U32("idiag_tmem", 12),
};
static const struct sct_nl_field vegas[] = {
	U32("tcpv_enabled", 0), U32("tcpv_rttcnt", 4), U32("tcpv_rtt", 8), U32("tcpv_minrtt", 12),
};
static const struct sct_nl_field dctcp[] = {
	U16("dctcp_enabled", 0), U16("dctcp_ce_state", 2), U32("dctcp_alpha", 4),
	U32("dctcp_ab_ecn", 8), U32("dctcp_ab_tot", 12),
};
static const struct sct_nl_field bbr[] = {
	X32("bbr_bw_lo", 0), X32("bbr_bw_hi", 4), U32("bbr_min_rtt", 8), U32("bbr_pacing_gain", 12),
	U32("bbr_cwnd_gain", 16),
};

/* RCV_SHUTDOWN/SEND_SHUTDOWN are not UAPI: always with the number */
static int shutdown_flags(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const struct sct_nla_xlat x = { SCT_XLAT_inet_diag_shutdown_flags, 1, 1, "???_SHUTDOWN" };
	int saved = v->o->cstyle, r;

	(void)opaque;
	if (saved != SCT_CONST_RAW)
		v->o->cstyle = SCT_CONST_VERBOSE;
	r = sct_nla_xlat_fn(v, addr, len, &x);
	v->o->cstyle = saved;
	return r;
}

static const struct sct_nla_decoder tls[] = {
	[TLS_INFO_VERSION] = SCT_NLA_XVAL(tls_info_versions, 2, "TLS_???_VERSION"),
	[TLS_INFO_CIPHER] = SCT_NLA_XVAL(tls_info_ciphers, 2, "TLS_CIPHER_???"),
	[TLS_INFO_TXCONF] = SCT_NLA_XVAL(tls_info_configs, 2, "TLS_CONF_???"),
	[TLS_INFO_RXCONF] = SCT_NLA_XVAL(tls_info_configs, 2, "TLS_CONF_???"),
};

/* MPTCP_SUBFLOW_ATTR_*: <linux/mptcp.h> clashes with <netinet/in.h> */
static const struct sct_nla_decoder mptcp[] = {
	[1] = { sct_nla_x32 },		/* TOKEN_REM */
	[2] = { sct_nla_x32 },		/* TOKEN_LOC */
	[3] = { sct_nla_u32 },		/* RELWRITE_SEQ */
	[4] = { sct_nla_u64 },		/* MAP_SEQ */
	[5] = { sct_nla_u32 },		/* MAP_SFSEQ */
	[6] = { sct_nla_u32 },		/* SSN_OFFSET */
	[7] = { sct_nla_u16 },		/* MAP_DATALEN */
	[8] = SCT_NLA_FLAGS(mptcp_subflow_flags, 4, "MPTCP_SUBFLOW_FLAG_???"),	/* FLAGS */
	[9] = { sct_nla_u8 },		/* ID_REM */
	[10] = { sct_nla_u8 },		/* ID_LOC */
};

static const struct sct_nla_decoder ulp[] = {
	[INET_ULP_INFO_NAME] = { sct_nla_str },
	[INET_ULP_INFO_TLS] = SCT_NLA_NEST(tls_info_attrs, "TLS_INFO_???", tls),
	[INET_ULP_INFO_MPTCP] = SCT_NLA_NEST(mptcp_subflow_attrs, "MPTCP_SUBFLOW_ATTR_???", mptcp),
};

static const struct sct_nla_decoder bpf_storage[] = {
	[SK_DIAG_BPF_STORAGE_MAP_ID] = { sct_nla_u32 },
	[SK_DIAG_BPF_STORAGE_MAP_VALUE] = { sct_nla_xint },
};

static const struct sct_nla_decoder bpf_storages[] = {
	[SK_DIAG_BPF_STORAGE] = SCT_NLA_NEST(sk_diag_bpf_storage_attrs, "SK_DIAG_BPF_STORAGE_???",
					     bpf_storage),
};

/* struct inet_diag_sockopt's bits: the ones set (all with -v), the unused ones */
static int sockopt(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const bits[] = {
		"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all",
		"nodefrag", "bind_address_no_port", "recverr_rfc4884", "defer_connect",
	};
	unsigned char b[2];
	struct sct_out *o = v->o;
	int all = sct_no_abbrev(v->d), first = 1;
	uint32_t rest = len < 4096 ? len : 4096, unused;

	(void)opaque;
	if (len < sizeof(b))
		return 0;
	if (!sct_nl_fetch(v, addr, b, sizeof(b))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_putc(o, '{');
	for (unsigned k = 0; k < N(bits); k++) {
		unsigned bit = b[k / 8] >> (k % 8) & 1;

		if (!all && !bit)
			continue;
		sct_out_puts(o, first ? "" : ", ");
		first = 0;
		sct_out_puts(o, bits[k]);
		sct_out_putc(o, '=');
		sct_out_udec(o, bit);
	}
	unused = b[1] >> 3;
	if (all || unused) {
		sct_out_puts(o, first ? "unused=" : ", unused=");
		sct_out_hex(o, unused);
		sct_out_puts(o, " /* bits 3..8 */");
	}
	sct_out_putc(o, '}');
	/* print_nonzero_bytes: what follows the two bytes, when not all zero */
	if (rest > sizeof(b)) {
		const unsigned char *p = sct_nl_get(v, addr + 2, rest - 2);
		uint32_t n = rest - 2, k = 0, show = n < v->d->f->strsize ? n : (uint32_t)v->d->f->strsize;

		if (!p) {
			sct_out_puts(o, ", ???");
			return 1;
		}
		while (k < n && !p[k])
			k++;
		if (k < n) {
			int saved = o->xstyle;

			sct_out_puts(o, ", /* bytes 2..");
			sct_out_udec(o, rest - 1);
			sct_out_puts(o, " */ ");
			o->xstyle = SCT_XSTR_ALL;
			sct_print_quoted(o, p, show, show, 0);
			o->xstyle = saved;
			if (show < n)
				sct_out_puts(o, "...");
		}
	}
	return 1;
}

static void elem_sockaddr(struct sct_out *o, const unsigned char *e)
{
	sct_print_sockaddr(o, e, 128);
}

static int sockaddrs(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 128)
		return 0;
	sct_nla_array(v, addr, len, 128, elem_sockaddr);
	return 1;
}

/* struct tcp_diag_md5sig: family, prefix length, key length, address, key */
static void elem_md5sig(struct sct_out *o, const unsigned char *e)
{
	uint16_t keylen;
	int saved = o->xstyle;

	memcpy(&keylen, e + 2, 2);
	sct_out_puts(o, "{tcpm_family=");
	sct_print_xval(o, X(addrfams), e[0], "AF_???");
	sct_out_puts(o, ", tcpm_prefixlen=");
	sct_out_udec(o, e[1]);
	sct_out_puts(o, ", tcpm_keylen=");
	sct_out_udec(o, keylen);
	sct_out_puts(o, ", ");
	sct_nl_inet_addr(o, e[0], e + 4, 16, "tcpm_addr");
	sct_out_puts(o, ", tcpm_key=");
	o->xstyle = SCT_XSTR_ALL;
	sct_print_quoted(o, e + 20, keylen < 80 ? keylen : 80, 80, 0);
	o->xstyle = saved;
	sct_out_putc(o, '}');
}

static int md5sig(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 100)
		return 0;
	sct_nla_array(v, addr, len, 100, elem_md5sig);
	return 1;
}

const struct sct_nla_decoder sct_nl_inet_attrs[SCT_NL_INET_NATTRS] = {
	[INET_DIAG_MEMINFO] = SCT_NLA_FIELDS(16, 16, meminfo),
	[INET_DIAG_VEGASINFO] = SCT_NLA_FIELDS(16, 16, vegas),
	[INET_DIAG_CONG] = { sct_nla_str },
	[INET_DIAG_TOS] = { sct_nla_u8 },
	[INET_DIAG_TCLASS] = { sct_nla_u8 },
	[INET_DIAG_SKMEMINFO] = { sct_nla_meminfo },
	[INET_DIAG_SHUTDOWN] = { shutdown_flags },
	[INET_DIAG_DCTCPINFO] = SCT_NLA_FIELDS(16, 16, dctcp),
	[INET_DIAG_PROTOCOL] = SCT_NLA_XVAL(inet_protocols, 0, "IPPROTO_???"),
	[INET_DIAG_SKV6ONLY] = { sct_nla_u8 },
	[INET_DIAG_LOCALS] = { sockaddrs },
	[INET_DIAG_PEERS] = { sockaddrs },
	[INET_DIAG_MARK] = { sct_nla_u32 },
	[INET_DIAG_BBRINFO] = SCT_NLA_FIELDS(20, 20, bbr),
	[INET_DIAG_CLASS_ID] = { sct_nla_u32 },
	[INET_DIAG_MD5SIG] = { md5sig },
	[INET_DIAG_ULP_INFO] = SCT_NLA_NEST(inet_ulp_info_attrs, "INET_ULP_INFO_???", ulp),
	[INET_DIAG_SK_BPF_STORAGES] = SCT_NLA_NEST(sk_diag_bpf_storages_attrs, "SK_DIAG_BPF_STORAGE_???",
						   bpf_storages),
	[INET_DIAG_CGROUP_ID] = { sct_nla_u64 },
	[INET_DIAG_SOCKOPT] = { sockopt },
};
