/* NETLINK_SOCK_DIAG's SMC attributes (strace's netlink_smc_diag.c): connection
 * info with its cursors, link group, shutdown, DMB info, fallback reasons. */
#include <string.h>
#include <linux/smc_diag.h>
#include "netlink_diag.h"
#include "nlstruct.h"
#include "xlattab.h"
#include "out.h"


static void cursor(struct sct_out *o, const char *name, const unsigned char *p)
{
	uint16_t r, w;
	uint32_t c;

	memcpy(&r, p, 2);
	memcpy(&w, p + 2, 2);
	memcpy(&c, p + 4, 4);
	sct_out_puts(o, name);
	sct_out_puts(o, "={reserved=");
	sct_out_udec(o, r);
	sct_out_puts(o, ", wrap=");
	sct_out_udec(o, w);
	sct_out_puts(o, ", count=");
	sct_out_udec(o, c);
	sct_out_putc(o, '}');
}

/* struct smc_diag_conninfo: sizes, cursors, flag bytes, more cursors */
static int smc_conninfo(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const sizes[] = { "token", "sndbuf_size", "rmbe_size", "peer_rmbe_size" };
	static const char *const cur1[] = { "rx_prod", "rx_cons", "tx_prod", "tx_cons" };
	static const char *const flags[] = { "rx_prod_flags", "rx_conn_state_flags", "tx_prod_flags",
					     "tx_conn_state_flags" };
	static const char *const cur2[] = { "tx_prep", "tx_sent", "tx_fin" };
	unsigned char c[76];
	struct sct_out *o = v->o;
	uint32_t x;

	(void)opaque;
	if (len < sizeof(c))
		return 0;
	if (!sct_nl_fetch(v, addr, c, sizeof(c))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	for (unsigned k = 0; k < 4; k++) {
		sct_out_puts(o, k ? ", " : "{");
		sct_out_puts(o, sizes[k]);
		sct_out_putc(o, '=');
		memcpy(&x, c + 4 * k, 4);
		sct_out_udec(o, x);
	}
	for (unsigned k = 0; k < 4; k++) {
		sct_out_puts(o, ", ");
		cursor(o, cur1[k], c + 16 + 8 * k);
	}
	for (unsigned k = 0; k < 4; k++) {
		sct_out_puts(o, ", ");
		sct_out_puts(o, flags[k]);
		sct_out_putc(o, '=');
		sct_out_0x(o, c[48 + k], 4);
	}
	for (unsigned k = 0; k < 3; k++) {
		sct_out_puts(o, ", ");
		cursor(o, cur2[k], c + 52 + 8 * k);
	}
	sct_out_putc(o, '}');
	return 1;
}

/* a char array as a C string: up to its NUL, or all of it */
static void cstring(struct sct_out *o, const char *name, const unsigned char *p, size_t n)
{
	size_t z = 0;

	while (z < n && p[z])
		z++;
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
	sct_print_quoted(o, p, z, z, z == n);
}

/* struct smc_diag_lgrinfo: one link's info, then the role */
static int smc_lgrinfo(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	unsigned char g[147];
	struct sct_out *o = v->o;

	(void)opaque;
	if (len < sizeof(g))
		return 0;
	if (!sct_nl_fetch(v, addr, g, sizeof(g))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(o, "{lnk=[{link_id=");
	sct_out_udec(o, g[0]);
	sct_out_puts(o, ", ");
	cstring(o, "ibname", g + 1, 64);
	sct_out_puts(o, ", ibport=");
	sct_out_udec(o, g[65]);
	sct_out_puts(o, ", ");
	cstring(o, "gid", g + 66, 40);
	sct_out_puts(o, ", ");
	cstring(o, "peer_gid", g + 106, 40);
	sct_out_puts(o, "}], role=");
	sct_print_xval(o, X(smc_link_group_roles), g[146], "SMC_???");
	sct_out_putc(o, '}');
	return 1;
}

static const struct sct_nl_field smc_dmbinfo_f[] = {
	{ "linkid", 0, 4, SCT_NF_U, -1, NULL },
	{ "peer_gid", 8, 8, SCT_NF_X, -1, NULL },
	{ "my_gid", 16, 8, SCT_NF_X, -1, NULL },
	{ "token", 24, 8, SCT_NF_X, -1, NULL },
	{ "peer_token", 32, 8, SCT_NF_X, -1, NULL },
};

/* struct smc_diag_fallback: two reasons, shown with number and name (the names
 * are not UAPI) */
static int smc_fallback(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t f[2];
	struct sct_out *o = v->o;
	int saved = o->cstyle;

	(void)opaque;
	if (len < sizeof(f))
		return 0;
	if (!sct_nl_fetch(v, addr, f, sizeof(f))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	o->cstyle = SCT_CONST_VERBOSE;
	sct_out_puts(o, "{reason=");
	sct_print_xval(o, X(smc_decl_codes), f[0], "SMC_CLC_DECL_???");
	sct_out_puts(o, ", peer_diagnosis=");
	sct_print_xval(o, X(smc_decl_codes), f[1], "SMC_CLC_DECL_???");
	o->cstyle = saved;
	sct_out_putc(o, '}');
	return 1;
}

const struct sct_nla_decoder sct_nl_smc_attrs[SCT_NL_SMC_NATTRS] = {
	[SMC_DIAG_CONNINFO] = { smc_conninfo },
	[SMC_DIAG_LGRINFO] = { smc_lgrinfo },
	[SMC_DIAG_SHUTDOWN] = SCT_NLA_FLAGS(sock_shutdown_flags, 1, "???_SHUTDOWN"),
	[SMC_DIAG_DMBINFO] = SCT_NLA_FIELDS(40, 40, smc_dmbinfo_f),
	[SMC_DIAG_FALLBACK] = { smc_fallback },
};
