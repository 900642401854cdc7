/* Netlink attributes (struct nlattr and its payload), framed as strace frames them:
 * one prints as {nla_len=N, nla_type=NAME} or [{...}, payload], several as an array
 * cut after -s attributes; a payload with no decoder, or one its decoder refuses (a
 * wrong size), prints in hex. */
#include <string.h>
#include <arpa/inet.h>
#include "nlattr.h"
#include "out.h"
#include "netfmt.h"
#include "xlattab.h"
#include "sockaddr_int.h"

#define NLA_F_NESTED_ 0x8000
#define NLA_F_NET_BYTEORDER_ 0x4000
#define NLA_TYPE_MASK_ 0x3fff

static void print_nla(const struct sct_nl *v, const struct nlattr *a, const struct sct_xlat *t,
		      const char *dflt)
{
	struct sct_out *o = v->o;

	sct_out_puts(o, "{nla_len=");
	sct_out_udec(o, a->nla_len);
	sct_out_puts(o, ", nla_type=");
	if (a->nla_type & NLA_F_NESTED_) {
		sct_print_named(o, NLA_F_NESTED_, 0, "NLA_F_NESTED");
		sct_out_putc(o, '|');
	}
	if (a->nla_type & NLA_F_NET_BYTEORDER_) {
		sct_print_named(o, NLA_F_NET_BYTEORDER_, 0, "NLA_F_NET_BYTEORDER");
		sct_out_putc(o, '|');
	}
	if (t)
		sct_print_xval(o, t, a->nla_type & NLA_TYPE_MASK_, dflt);
	else	/* no table (netfilter's attributes): the number */
		sct_out_hex(o, a->nla_type & NLA_TYPE_MASK_);
	sct_out_putc(o, '}');
}

static void with_data(const struct sct_nl *v, const struct nlattr *a, uint64_t addr, uint32_t len,
		      const struct sct_xlat *t, const char *dflt,
		      const struct sct_nla_decoder *decoders, unsigned size, const void *opaque)
{
	uint32_t n = a->nla_len < len ? a->nla_len : len;
	unsigned idx = size ? a->nla_type & NLA_TYPE_MASK_ : 0;

	if (n > NLA_HDRLEN)
		sct_out_putc(v->o, '[');
	print_nla(v, a, t, dflt);
	if (n <= NLA_HDRLEN)
		return;
	sct_out_puts(v->o, ", ");
	if (!decoders || (size && idx >= size) || !decoders[idx].fn ||
	    !decoders[idx].fn(v, addr + NLA_HDRLEN, n - NLA_HDRLEN,
			      decoders[idx].arg ? decoders[idx].arg :
			      size ? opaque : (const void *)(uintptr_t)a->nla_type))
		sct_nl_hex(v, addr + NLA_HDRLEN, n - NLA_HDRLEN);
	sct_out_putc(v->o, ']');
}

void sct_nla_decode(const struct sct_nl *v, uint64_t addr, uint32_t len, const struct sct_xlat *t,
		    const char *dflt, const struct sct_nla_decoder *decoders, unsigned size,
		    const void *opaque)
{
	int array = 0;
	struct nlattr a;

	for (unsigned elt = 0;; elt++) {
		if (len < sizeof(a)) {
			sct_nl_hex(v, addr, len);
			break;
		}
		if (!sct_nl_fetch(v, addr, &a, sizeof(a))) {
			if (array) {
				sct_out_puts(v->o, "... /* ");
				sct_out_hex(v->o, addr);
				sct_out_puts(v->o, " */");
			} else {
				sct_nl_addr(v, addr);
			}
			break;
		}
		if (elt == v->d->f->strsize && !sct_no_abbrev(v->d)) {
			sct_out_puts(v->o, "...");
			break;
		}
		uint32_t alen = NLA_ALIGN(a.nla_len), left = 0;
		uint64_t next = 0;

		if (a.nla_len >= NLA_HDRLEN) {
			left = len >= alen ? len - alen : 0;
			if (left && addr + alen > addr)
				next = addr + alen;
		}
		if (!array && next) {
			sct_out_putc(v->o, '[');
			array = 1;
		}
		with_data(v, &a, addr, len, t, dflt, decoders, size, opaque);
		if (!next)
			break;
		sct_out_puts(v->o, ", ");
		addr = next;
		len = left;
	}
	if (array)
		sct_out_putc(v->o, ']');
}

void sct_nla_array(const struct sct_nl *v, uint64_t addr, uint32_t len, uint32_t es,
		   sct_nla_elem *fn)
{
	uint64_t n = len / es, k;

	if (!addr) {
		sct_nl_addr(v, addr);
		return;
	}
	if (!n) {
		sct_out_puts(v->o, "[]");
		return;
	}
	for (k = 0; k < n; k++) {
		const unsigned char *e = sct_nl_get(v, addr + k * es, es);

		if (!e) {
			if (!k) {
				sct_nl_addr(v, addr);
				return;
			}
			sct_out_puts(v->o, ", ... /* ");
			sct_out_hex(v->o, addr + k * es);
			sct_out_puts(v->o, " */");
			break;
		}
		sct_out_puts(v->o, k ? ", " : "[");
		if (k == v->d->f->strsize && !sct_no_abbrev(v->d)) {
			sct_out_puts(v->o, "...");
			break;
		}
		fn(v->o, e);
	}
	sct_out_putc(v->o, ']');
}

void sct_nla_elem_u8(struct sct_out *o, const unsigned char *e)
{
	sct_out_udec(o, e[0]);
}

void sct_nla_elem_u32(struct sct_out *o, const unsigned char *e)
{
	uint32_t x;

	memcpy(&x, e, sizeof(x));
	sct_out_udec(o, x);
}

int sct_nla_str(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	sct_nl_str(v, addr, len);
	return 1;
}

/* printstrn: a plain string of len bytes, cut at -s */
int sct_nla_strn(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t max = v->d->f->strsize, n = len < max ? len : max;
	const unsigned char *p = sct_nl_get(v, addr, len < max + 1 ? len : max + 1);

	(void)opaque;
	if (!p) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_print_quoted(v->o, p, (size_t)n, (size_t)n, len > n);
	return 1;
}

/* an integer of `size` bytes: 0 when len is shorter, else printed (or the address) */
static int integer(const struct sct_nl *v, uint64_t addr, uint32_t len, unsigned size, int how)
{
	unsigned char b[8] = { 0 };
	uint64_t u = 0;

	if (len < size)
		return 0;
	if (!sct_nl_fetch(v, addr, b, size)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	memcpy(&u, b, size);
	if (how == 'd') {
		int64_t s = size == 1 ? (int8_t)u : size == 2 ? (int16_t)u : size == 4 ? (int32_t)u : (int64_t)u;
		sct_out_dec(v->o, s);
	} else if (how == 'x') {
		sct_out_hex(v->o, u);
	} else {
		sct_out_udec(v->o, u);
	}
	return 1;
}

#define INT_NLA(name, size, how) \
int sct_nla_##name(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque) \
{ \
	(void)opaque; \
	return integer(v, addr, len, size, how); \
}
INT_NLA(u8, 1, 'u')
INT_NLA(u16, 2, 'u')
INT_NLA(u32, 4, 'u')
INT_NLA(u64, 8, 'u')
INT_NLA(s8, 1, 'd')
INT_NLA(s16, 2, 'd')
INT_NLA(s32, 4, 'd')
INT_NLA(s64, 8, 'd')
INT_NLA(x8, 1, 'x')
INT_NLA(x16, 2, 'x')
INT_NLA(x32, 4, 'x')
INT_NLA(x64, 8, 'x')

int sct_nla_xint(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return 0;
	return integer(v, addr, len, len, 'x');
}

/* htons(N) / htobe64(N) */
static int big_endian(const struct sct_nl *v, uint64_t addr, uint32_t len, unsigned size)
{
	unsigned char b[8];
	uint64_t u = 0;

	if (len < size)
		return 0;
	if (!sct_nl_fetch(v, addr, b, size)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	for (unsigned k = 0; k < size; k++)
		u = u << 8 | b[k];
	sct_out_puts(v->o, size == 2 ? "htons(" : "htobe64(");
	sct_out_udec(v->o, u);
	sct_out_putc(v->o, ')');
	return 1;
}

int sct_nla_be16(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return big_endian(v, addr, len, 2);
}

int sct_nla_be64(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return big_endian(v, addr, len, 8);
}

/* strace's print_inet_addr with a field name: idiag_src=inet_addr("1.2.3.4"),
 * inet_pton(AF_INET6, "::1", &idiag_src), the bytes in hex for another family;
 * name NULL: the value alone */
void sct_nl_inet_addr(struct sct_out *o, int af, const unsigned char *a, size_t len,
		      const char *name)
{
	char text[INET6_ADDRSTRLEN];
	int abbrev = o->cstyle == SCT_CONST_ABBREV;

	if (af == AF_INET || af == AF_INET6) {
		inet_ntop(af, a, text, sizeof(text));
		if (name && (af == AF_INET || !abbrev)) {
			sct_out_puts(o, name);
			sct_out_putc(o, '=');
		}
		if (!abbrev)
			sct_sa_print_hexstr_style(o, a, len);
		if (o->cstyle == SCT_CONST_RAW)
			return;
		sct_out_puts(o, abbrev ? "" : " /* ");
		sct_out_puts(o, af == AF_INET ? "inet_addr(\"" : "inet_pton(AF_INET6, \"");
		sct_out_write(o, text, strlen(text));
		sct_out_putc(o, '"');
		if (af == AF_INET6 && abbrev && name) {
			sct_out_puts(o, ", &");
			sct_out_puts(o, name);
		}
		sct_out_putc(o, ')');
		if (!abbrev)
			sct_out_puts(o, " */");
		return;
	}
	if (name) {
		sct_out_puts(o, name);
		sct_out_putc(o, '=');
	}
	sct_sa_print_hexstr_style(o, a, len);
}

static int inet(const struct sct_nl *v, uint64_t addr, uint32_t len, int af)
{
	unsigned size = af == AF_INET ? 4 : 16;
	unsigned char b[16];

	if (len < size)
		return 0;
	if (!sct_nl_fetch(v, addr, b, size))
		sct_nl_addr(v, addr);
	else
		sct_nl_inet_addr(v->o, af, b, size, NULL);
	return 1;
}

int sct_nla_in_addr(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return inet(v, addr, len, AF_INET);
}

int sct_nla_in6_addr(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return inet(v, addr, len, AF_INET6);
}

int sct_nla_fd(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return integer(v, addr, len, 4, 'd');
}

int sct_nla_uid(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t id;

	(void)opaque;
	if (len < sizeof(id))
		return 0;
	if (!sct_nl_fetch(v, addr, &id, sizeof(id)))
		sct_nl_addr(v, addr);
	else
		sct_print_ugid(v->o, id);
	return 1;
}

int sct_nla_hwaddr(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	unsigned char b[32];

	(void)opaque;
	if (len > sizeof(b))
		return 0;
	if (!sct_nl_fetch(v, addr, b, len))
		sct_nl_addr(v, addr);
	else
		sct_print_mac(v->o, b, len);
	return 1;
}

int sct_nla_ifindex(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t idx;

	(void)opaque;
	if (len < sizeof(idx))
		return 0;
	if (!sct_nl_fetch(v, addr, &idx, sizeof(idx)))
		sct_nl_addr(v, addr);
	else
		sct_print_ifindex(v->o, idx);
	return 1;
}

/* strace's print_array_ex with PAF_PRINT_INDICES: [[NAME]=1, [NAME2]=2, ...], the
 * elements es bytes (4 or 8) wide, signed when sgn, their indices named by table t */
/* an index whose name is NAME-1 in table t (IPV4_DEVCONF_FORWARDING-1 for 0) */
static void index_minus1(struct sct_out *o, const struct sct_xlat *t, uint32_t k, const char *dflt)
{
	const char *name = o->cstyle == SCT_CONST_RAW ? NULL : sct_xlat_find(t, (uint64_t)k + 1);

	if (name && o->cstyle == SCT_CONST_ABBREV) {
		sct_out_puts(o, name);
		sct_out_puts(o, "-1");
		return;
	}
	sct_out_udec(o, k);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, " /* ");
	sct_out_puts(o, name ? name : dflt);
	sct_out_puts(o, name ? "-1 */" : " */");
}

void sct_nla_indexed(const struct sct_nl *v, uint64_t addr, uint32_t len, uint32_t es,
		     const struct sct_xlat *t, const char *dflt, int sgn)
{
	int minus = sgn & SCT_NLA_MINUS1;

	sgn &= ~SCT_NLA_MINUS1;
	uint32_t n = len / es, k;
	uint64_t x;

	for (k = 0; k < n; k++) {
		x = 0;
		if (!sct_nl_fetch(v, addr + (uint64_t)es * k, &x, es)) {
			if (!k) {
				sct_nl_addr(v, addr);
				return;
			}
			sct_out_puts(v->o, ", ... /* ");
			sct_out_hex(v->o, addr + (uint64_t)es * k);
			sct_out_puts(v->o, " */");
			break;
		}
		sct_out_puts(v->o, k ? ", " : "[");
		if (k == v->d->f->strsize && !sct_no_abbrev(v->d)) {
			sct_out_puts(v->o, "...");
			break;
		}
		sct_out_putc(v->o, '[');
		if (minus)
			index_minus1(v->o, t, k, dflt);
		else
			sct_print_xval_style(v->o, t, k, dflt, 1);
		sct_out_puts(v->o, "]=");
		if (sgn)
			sct_out_dec(v->o, es == 4 ? (int32_t)x : (int64_t)x);
		else
			sct_out_udec(v->o, x);
	}
	sct_out_putc(v->o, ']');
}

/* [[SK_MEMINFO_RMEM_ALLOC]=0, ...]: an array of u32 named by index */
int sct_nla_meminfo(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return 0;
	sct_nla_indexed(v, addr, len, 4, sct_xlat_tabs[SCT_XLAT_sk_meminfo_indices].x,
			"SK_MEMINFO_???", 0);
	return 1;
}

int sct_nla_xlat_fn(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct sct_nla_xlat *x = opaque;
	uint64_t val = 0;

	if (len > 8 || len < x->size)
		return 0;
	if (x->size)
		len = x->size;
	if (!sct_nl_fetch(v, addr, &val, len)) {	/* little-endian */
		sct_nl_addr(v, addr);
		return 1;
	}
	if (x->flags)
		sct_print_flags(v->o, sct_xlat_tabs[x->xlat].x, val, x->dflt);
	else
		sct_print_xval(v->o, sct_xlat_tabs[x->xlat].x, val, x->dflt);
	return 1;
}

/* clock_t ticks: 145 / * 1.45 s * / (USER_HZ, 100 on x86-64) */
int sct_nla_clock_t(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t x = 0;

	(void)opaque;
	if (len > 8)
		return 0;
	if (!sct_nl_fetch(v, addr, &x, len)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_udec(v->o, x);
	if (x && v->o->cstyle != SCT_CONST_RAW) {
		sct_out_puts(v->o, " /* ");
		sct_out_udec(v->o, x / 100);
		sct_out_putc(v->o, '.');
		sct_out_udec_pad(v->o, x % 100, 2, '0');
		sct_out_puts(v->o, " s */");
	}
	return 1;
}

/* nested attributes: arg points at a struct sct_nla_nest */
int sct_nla_nested(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct sct_nla_nest *n = opaque;

	sct_nla_decode(v, addr, len, sct_xlat_tabs[n->xlat].x, n->dflt, n->dec, n->ndec, NULL);
	return 1;
}
