/* The fixed structs that start netlink payloads, printed from their descriptions
 * (nlstruct.h) as strace's decode_<struct> functions print them: the family, then
 * the rest of the struct when the payload holds it all ("..." when it is shorter,
 * the address when it cannot be read), then the attributes after it. */
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include "nlstruct.h"
#include "netlink_route.h"
#include "netfmt.h"
#include "sockaddr_int.h"
#include "xlattab.h"
#include "out.h"


/* 1<<NAME|1<<NAME2 (`minus`: 1<<(NAME-1)), bits numbered by table t, as strace's
 * tcp_state_flags, ifstats_attr_flags, inet_diag_extended_flags */
static void shift_flags(struct sct_out *o, const struct sct_xlat *t, uint32_t v, const char *dflt,
			unsigned minus)
{
	int n = 0, verbose = o->cstyle == SCT_CONST_VERBOSE;
	uint32_t left = v;

	if (o->cstyle == SCT_CONST_RAW || !v) {
		sct_out_hex(o, v);
		return;
	}
	if (verbose)
		sct_out_hex(o, v);
	for (; t->name; t++) {
		uint64_t bit = t->val - minus;

		if (t->val < minus || bit >= 32 || !(left & (1u << bit)))
			continue;
		sct_out_puts(o, n++ ? "|" : verbose ? " /* " : "");
		sct_out_puts(o, minus ? "1<<(" : "1<<");
		sct_out_puts(o, t->name);
		sct_out_puts(o, minus ? "-1)" : "");
		left &= ~(1u << bit);
	}
	if (!n) {
		if (!verbose)
			sct_out_hex(o, v);
		sct_out_puts(o, " /* ");
		sct_out_puts(o, dflt);
		sct_out_puts(o, " */");
		return;
	}
	if (left) {
		sct_out_putc(o, '|');
		sct_out_hex(o, left);
	}
	if (verbose)
		sct_out_puts(o, " */");
}

void sct_nl_shift_flags(struct sct_out *o, const struct sct_xlat *t, uint32_t v, const char *dflt)
{
	shift_flags(o, t, v, dflt, 0);
}

/* htons(80), with -X the bytes too */
static void port(struct sct_out *o, const unsigned char *p)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_sa_print_hexstr_style(o, p, 2);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* htons(" : "htons(");
	sct_out_udec(o, (unsigned)p[0] << 8 | p[1]);
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? ") */" : ")");
}

static void cookie(struct sct_out *o, const unsigned char *p)
{
	uint32_t c[2];

	memcpy(c, p, sizeof(c));
	sct_out_putc(o, '[');
	sct_out_udec(o, c[0]);
	sct_out_puts(o, ", ");
	sct_out_udec(o, c[1]);
	sct_out_putc(o, ']');
}

/* struct inet_diag_sockid: ports, two addresses of 16 bytes, interface, cookie */
static void sockid(struct sct_out *o, const unsigned char *p, int af)
{
	uint32_t ifindex;

	sct_out_puts(o, "{idiag_sport=");
	port(o, p);
	sct_out_puts(o, ", idiag_dport=");
	port(o, p + 2);
	sct_out_puts(o, ", ");
	sct_nl_inet_addr(o, af, p + 4, 16, "idiag_src");
	sct_out_puts(o, ", ");
	sct_nl_inet_addr(o, af, p + 20, 16, "idiag_dst");
	sct_out_puts(o, ", idiag_if=");
	memcpy(&ifindex, p + 36, 4);
	sct_print_ifindex(o, ifindex);
	sct_out_puts(o, ", idiag_cookie=");
	cookie(o, p + 40);
	sct_out_putc(o, '}');
}

static void print_field(struct sct_out *o, const struct sct_nl_field *f, const unsigned char *p,
			int *first)
{
	const struct sct_xlat *t = f->xlat >= 0 ? sct_xlat_tabs[f->xlat].x : NULL;
	uint64_t v = 0;

	if (f->size <= 8)
		memcpy(&v, p + f->off, f->size);	/* little-endian */
	if (f->how == SCT_NF_XNZ && !v)
		return;
	if (!*first)
		sct_out_puts(o, ", ");
	*first = 0;
	sct_out_puts(o, f->name);
	sct_out_putc(o, '=');
	switch (f->how) {
	case SCT_NF_U: sct_out_udec(o, v); break;
	case SCT_NF_X: case SCT_NF_XNZ: sct_out_hex(o, v); break;
	case SCT_NF_XVAL: sct_print_xval(o, t, v, f->dflt); break;
	case SCT_NF_FLAGS: sct_print_flags(o, t, v, f->dflt); break;
	case SCT_NF_IFINDEX: sct_print_ifindex(o, (uint32_t)v); break;
	case SCT_NF_SHIFT: shift_flags(o, t, (uint32_t)v, f->dflt, 0); break;
	case SCT_NF_SHIFT1: shift_flags(o, t, (uint32_t)v, f->dflt, 1); break;
	case SCT_NF_COOKIE: cookie(o, p + f->off); break;
	case SCT_NF_SOCKID: sockid(o, p + f->off, p[0]); break;
	case SCT_NF_SOCKID4: sockid(o, p + f->off, AF_INET); break;
	case SCT_NF_0X: sct_out_0x(o, v, 2 + 2 * f->size); break;
	case SCT_NF_D:
		sct_out_dec(o, f->size == 1 ? (int8_t)v : f->size == 2 ? (int16_t)v :
			    f->size == 4 ? (int32_t)v : (int64_t)v);
		break;
	case SCT_NF_HWADDR: sct_print_mac(o, p + f->off, f->size); break;
	case SCT_NF_U64_PAIR: {
		uint64_t pair[2];

		memcpy(pair, p + f->off, sizeof(pair));
		for (unsigned k = 0; k < 2; k++) {
			sct_out_puts(o, k ? ", [" : "[[");
			sct_print_xval_style(o, t, k, NULL, 1);
			sct_out_puts(o, "]=");
			sct_out_udec(o, pair[k]);
		}
		sct_out_putc(o, ']');
		break;
	}
	case SCT_NF_ETHER_BE:
		sct_out_puts(o, "htons(");
		sct_print_xval(o, X(eth_protos), (v & 0xff) << 8 | (v >> 8 & 0xff), "ETH_P_???");
		sct_out_putc(o, ')');
		break;
	case SCT_NF_NDIAG_PROTO:
		if (v == 255)	/* NDIAG_PROTO_ALL */
			sct_print_named(o, 255, 1, "NDIAG_PROTO_ALL");
		else
			sct_print_xval(o, X(nl_protocols), v, "NETLINK_???");
		break;
	}
}

const unsigned char *sct_nl_struct_rest(const struct sct_nl *v, uint64_t addr, uint32_t len,
					uint32_t size, unsigned off)
{
	const unsigned char *p;

	sct_out_puts(v->o, ", ");
	if (len < size) {
		sct_out_puts(v->o, "...}");
		return NULL;
	}
	if (!(p = sct_nl_get(v, addr + off, size - off))) {
		sct_nl_addr(v, addr + off);
		sct_out_putc(v->o, '}');
		return NULL;
	}
	return p - off;
}

void sct_nl_struct_print(const struct sct_nl *v, const struct sct_nl_struct *s, uint8_t family,
			 uint64_t addr, uint32_t len)
{
	struct sct_out *o = v->o;
	unsigned char buf[128] = { 0 };
	const unsigned char *p;
	uint32_t off = NLMSG_ALIGN(s->size);
	int first = 1;

	buf[0] = family;
	sct_out_putc(o, '{');
	sct_out_puts(o, s->family);
	sct_out_putc(o, '=');
	sct_print_xval(o, X(addrfams), family, "AF_???");
	if (s->nfields) {
		if (!(p = sct_nl_struct_rest(v, addr, len, s->size, 1)))
			return;
		memcpy(buf, p, s->size < sizeof(buf) ? s->size : sizeof(buf));
		for (unsigned k = 0; k < s->nfields; k++)
			print_field(o, &s->f[k], buf, &first);
	}
	sct_out_putc(o, '}');
	if (len > off && s->attrs >= 0) {
		sct_out_puts(o, ", ");
		sct_nla_decode(v, addr + off, len - off, sct_xlat_tabs[s->attrs].x, s->attr_dflt,
			       s->dec, s->ndec, buf);
	}
}

int sct_nla_fields_fn(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct sct_nla_fields *s = opaque;
	unsigned char buf[256] = { 0 };
	uint32_t n = len < s->size ? len : s->size;
	int first = 1;

	if (len < s->min)
		return 0;
	if (!sct_nl_fetch(v, addr, buf, n)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_putc(v->o, '{');
	for (unsigned k = 0; k < s->nfields; k++)
		if (s->f[k].off + s->f[k].size <= n)
			print_field(v->o, &s->f[k], buf, &first);
	sct_out_putc(v->o, '}');
	if (s->rest && len > s->size) {
		sct_out_puts(v->o, ", ");
		sct_nl_hex(v, addr + s->size, len - s->size);
	}
	return 1;
}
