/* Netlink messages, framed as strace frames them (its decode_netlink): one message
 * prints as {nlmsghdr} or [{nlmsghdr}, payload], several as an array of those, cut
 * after -s messages; a buffer too short for a header prints in hex, a header that
 * cannot be read as its address.  The payload goes to the socket's protocol's
 * decoder (netlink_route.c, netlink_diag.c), NLMSG_ERROR's nlmsgerr and NLMSG_DONE's
 * int are decoded here, anything else prints in hex. */
#include <string.h>
#include <linux/netlink.h>
#include "netlink.h"
#include "nlattr.h"
#include "xlattab.h"
#include "out.h"


#ifndef NLM_F_CAPPED
#define NLM_F_CAPPED 0x100
#endif

const unsigned char *sct_nl_get(const struct sct_nl *v, uint64_t addr, uint64_t n)
{
	if (addr < v->base || addr - v->base > v->have || n > v->have - (addr - v->base))
		return NULL;
	return v->data + (addr - v->base);
}

int sct_nl_fetch(const struct sct_nl *v, uint64_t addr, void *dst, uint64_t n)
{
	const unsigned char *p = sct_nl_get(v, addr, n);

	if (p)
		memcpy(dst, p, (size_t)n);
	return p != NULL;
}

void sct_nl_addr(const struct sct_nl *v, uint64_t addr)
{
	sct_print_addr(v->o, addr);
}

/* strace's printstr_ex reads one byte more than -s shows */
static const unsigned char *str_fetch(const struct sct_nl *v, uint64_t addr, uint64_t len,
				      uint64_t *n)
{
	uint64_t max = v->d->f->strsize;
	const unsigned char *p;

	*n = len < max + 1 ? len : max + 1;
	p = addr ? sct_nl_get(v, addr, *n) : NULL;
	if (!p)
		sct_nl_addr(v, addr);
	if (*n > max)
		*n = max;
	return p;
}

void sct_nl_hex(const struct sct_nl *v, uint64_t addr, uint64_t len)
{
	uint64_t n;
	const unsigned char *p = str_fetch(v, addr, len, &n);
	int saved = v->o->xstyle;

	if (!p)
		return;
	v->o->xstyle = SCT_XSTR_ALL;
	sct_print_quoted(v->o, p, (size_t)n, (size_t)n, len > n);
	v->o->xstyle = saved;
}

/* QUOTE_0_TERMINATED: up to a NUL, "..." when none came within -s */
void sct_nl_cstr(const struct sct_nl *v, uint64_t addr, uint64_t len)
{
	uint64_t max = v->d->f->strsize, n = len < max + 1 ? len : max + 1, z = 0, size;
	const unsigned char *p = addr ? sct_nl_get(v, addr, 0) : NULL;
	uint64_t avail = p ? v->have - (addr - v->base) : 0;

	while (z < n && z < avail && p[z])
		z++;
	/* strace reads up to the NUL: what lies past it may be unreadable */
	if (!p || (z == avail && z < n)) {
		sct_nl_addr(v, addr);
		return;
	}
	size = n < max ? n : max;
	if (z < size) {
		sct_print_quoted(v->o, p, (size_t)z, (size_t)z, 0);
		return;
	}
	sct_print_quoted(v->o, p, (size_t)size, (size_t)size,
			 len != 0 && !(n > max && p[max] == 0));
}

/* QUOTE_OMIT_TRAILING_0 | QUOTE_EXPECT_TRAILING_0: "..." unless a NUL ends what is shown */
void sct_nl_str(const struct sct_nl *v, uint64_t addr, uint64_t len)
{
	uint64_t n;
	const unsigned char *p = str_fetch(v, addr, len, &n);
	int more = len != 0;

	if (!p)
		return;
	if (n && !p[n - 1] && v->o->xstyle != SCT_XSTR_ALL) {
		n--;
		more = 0;
	}
	sct_print_quoted(v->o, p, (size_t)n, (size_t)n + 1, more);
}

/* printflags_ex with two tables: the first's names, then the second's, then what
 * is left in hex */
void sct_nl_flags2(struct sct_out *o, uint64_t v, const struct sct_xlat *t1,
		   const struct sct_xlat *t2, const char *dflt)
{
	struct sct_xlat both[24];
	size_t n = 0;

	for (; t1 && t1->name && n < 23; t1++)
		both[n++] = *t1;
	for (; t2 && t2->name && n < 23; t2++)
		both[n++] = *t2;
	both[n].val = 0;
	both[n].name = NULL;
	sct_print_flags(o, both, v, dflt);
}

enum {
	P_ROUTE = 0, P_SOCK_DIAG = 4, P_XFRM = 6, P_SELINUX = 7, P_AUDIT = 9,
	P_NETFILTER = 12, P_GENERIC = 16, P_CRYPTO = 21,
};

static void print_type(const struct sct_nl *v, uint16_t type)
{
	const struct sct_xlat *t = X(nl_types);
	const char *dflt = "NLMSG_???";

	if (type >= NLMSG_MIN_TYPE) {
		switch (v->proto) {
		case P_ROUTE: t = X(nl_route_types); dflt = "RTM_???"; break;
		case P_SOCK_DIAG: t = X(nl_sock_diag_types); dflt = "SOCK_DIAG_???"; break;
		case P_XFRM: t = X(nl_xfrm_types); dflt = "XFRM_MSG_???"; break;
		case P_SELINUX: t = X(nl_selinux_types); dflt = "SELNL_MSG_???"; break;
		case P_AUDIT: t = X(nl_audit_types); dflt = "AUDIT_???"; break;
		case P_CRYPTO: t = X(nl_crypto_types); dflt = "CRYPTO_MSG_???"; break;
		}
	}
	if (type >= NLMSG_MIN_TYPE && v->proto == P_GENERIC) {
		sct_nl_genl_type(v->o, type);
		return;
	}
	if (type >= NLMSG_MIN_TYPE && v->proto == P_NETFILTER) {
		sct_nl_nf_type(v->o, type);
		return;
	}
	sct_print_xval(v->o, t, type, dflt);
}

/* The table of the flags that depend on the message's type */
static const struct sct_xlat *type_flags(const struct sct_nl *v, uint16_t type)
{
	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? X(nl_ack_flags) : NULL;
	switch (v->proto) {
	case P_ROUTE:
		if (type == 49)		/* RTM_DELACTION takes NLM_F_ROOT */
			return X(nl_get_flags);
		return (type & 3) == 0 ? X(nl_new_flags) : (type & 3) == 1 ? X(nl_delete_flags) :
		       (type & 3) == 2 ? X(nl_get_flags) : NULL;
	case P_SOCK_DIAG:
		return X(nl_get_flags);
	case P_NETFILTER:
		return sct_nl_nf_flags(type);
	case P_XFRM:		/* NEWSA, NEWPOLICY, NEWAE, NEWSADINFO, NEWSPDINFO */
		if (type == 16 || type == 19 || type == 30 || type == 34 || type == 36)
			return X(nl_new_flags);
		if (type == 17 || type == 20)	/* DELSA, DELPOLICY */
			return X(nl_delete_flags);
		if (type == 18 || type == 21 || type == 31 || type == 35 || type == 37)
			return X(nl_get_flags);
		return NULL;
	case P_CRYPTO:		/* NEWALG; DELALG, DELRNG; GETALG */
		return type == 16 ? X(nl_new_flags) : type == 17 || type == 20 ? X(nl_delete_flags) :
		       type == 19 ? X(nl_get_flags) : NULL;
	}
	return NULL;
}

static void print_header(const struct sct_nl *v, const struct nlmsghdr *h)
{
	struct sct_out *o = v->o;

	sct_out_puts(o, "{nlmsg_len=");
	sct_out_udec(o, h->nlmsg_len);
	sct_out_puts(o, ", nlmsg_type=");
	print_type(v, h->nlmsg_type);
	sct_out_puts(o, ", nlmsg_flags=");
	sct_nl_flags2(o, h->nlmsg_flags, X(nl_flags), type_flags(v, h->nlmsg_type), "NLM_F_???");
	sct_out_puts(o, ", nlmsg_seq=");
	sct_out_udec(o, h->nlmsg_seq);
	sct_out_puts(o, ", nlmsg_pid=");
	sct_print_pid(v->d, (int32_t)h->nlmsg_pid, SCT_PT_TGID);	/* --pidns-translation */
	sct_out_putc(o, '}');
}

/* strace's print_err: -EACCES, a number when the name is not known */
static void print_err(struct sct_out *o, int32_t err)
{
	const char *name = err < 0 ? sct_errno_name(-err) : NULL;
	char buf[40];

	if (!name) {
		sct_out_dec(o, err);
		return;
	}
	buf[0] = '-';
	strncpy(buf + 1, name, sizeof(buf) - 2);
	buf[sizeof(buf) - 1] = 0;
	sct_print_named(o, err, 1, buf);
}

static int decode_cookie(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	sct_nla_array(v, addr, len, 1, sct_nla_elem_u8);
	return 1;
}

static const struct sct_nla_decoder nlmsgerr_attrs[] = {
	[1] = { sct_nla_str },		/* NLMSGERR_ATTR_MSG */
	[2] = { sct_nla_u32 },		/* NLMSGERR_ATTR_OFFS */
	[3] = { decode_cookie },	/* NLMSGERR_ATTR_COOKIE */
};

static void nlmsgerr(const struct sct_nl *v, uint64_t addr, uint32_t len, int capped)
{
	struct nlmsgerr err;
	struct sct_out *o = v->o;

	if (len < sizeof(err)) {
		sct_nl_hex(v, addr, len);
		return;
	}
	if (!sct_nl_fetch(v, addr, &err, sizeof(err))) {
		sct_nl_addr(v, addr);
		return;
	}
	addr += offsetof(struct nlmsgerr, msg);
	len -= offsetof(struct nlmsgerr, msg);
	/* an invalid nlmsg_len below the header's size counts as that size, a valid one
	 * may exceed it, an invalid one the room left */
	uint32_t mlen = err.msg.nlmsg_len > sizeof(err.msg) ? err.msg.nlmsg_len : sizeof(err.msg);
	uint32_t payload = capped ? sizeof(err.msg) : mlen;

	if (payload > len)
		payload = len;
	if (len > payload)
		sct_out_putc(o, '[');
	sct_out_puts(o, "{error=");
	print_err(o, err.error);
	sct_out_puts(o, ", msg=");
	sct_nl_message(v, &err.msg, addr, payload);
	sct_out_putc(o, '}');
	if (len > payload) {
		sct_out_puts(o, ", ");
		sct_nla_decode(v, addr + payload, len - payload, X(nlmsgerr_attrs), "NLMSGERR_ATTR_???",
			       nlmsgerr_attrs, sizeof(nlmsgerr_attrs) / sizeof(nlmsgerr_attrs[0]), NULL);
		sct_out_putc(o, ']');
	}
}

/* NETLINK_SELINUX: {val=1} and {seqno=2}, as ints */
static int selinux(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	int32_t x;

	if (h->nlmsg_type != 0x10 && h->nlmsg_type != 0x11)	/* SETENFORCE, POLICYLOAD */
		return 0;
	if (len < sizeof(x))
		sct_nl_hex(v, addr, len);
	else if (!sct_nl_fetch(v, addr, &x, sizeof(x)))
		sct_nl_addr(v, addr);
	else if (h->nlmsg_type == 0x10) {
		sct_out_puts(v->o, "{val=");
		sct_out_dec(v->o, x);
		sct_out_putc(v->o, '}');
	} else {
		sct_out_puts(v->o, "{seqno=");
		sct_out_udec(v->o, (uint32_t)x);
		sct_out_putc(v->o, '}');
	}
	return 1;
}

static void payload(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	sct_nl_payload *fn = NULL;

	if (h->nlmsg_type == NLMSG_ERROR) {
		nlmsgerr(v, addr, len, (h->nlmsg_flags & NLM_F_CAPPED) != 0);
		return;
	}
	/* NLMSG_DONE goes to the family too: a few carry more than an int */
	if (h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) {
		if (v->proto == P_ROUTE)
			fn = sct_nl_route;
		else if (v->proto == P_SOCK_DIAG)
			fn = sct_nl_sock_diag;
		else if (v->proto == P_SELINUX)
			fn = selinux;
		else if (v->proto == P_NETFILTER)
			fn = sct_nl_netfilter;
	}
	if (fn && fn(v, h, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
		int32_t num;

		if (sct_nl_fetch(v, addr, &num, sizeof(num)))
			sct_out_dec(v->o, num);
		else
			sct_nl_addr(v, addr);
		return;
	}
	sct_nl_hex(v, addr, len);
}

void sct_nl_message(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint64_t len)
{
	uint64_t mlen = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (mlen > NLMSG_HDRLEN)
		sct_out_putc(v->o, '[');
	print_header(v, h);
	if (mlen > NLMSG_HDRLEN) {
		sct_out_puts(v->o, ", ");
		payload(v, h, addr + NLMSG_HDRLEN, (uint32_t)(mlen - NLMSG_HDRLEN));
		sct_out_putc(v->o, ']');
	}
}

void sct_nl_messages(const struct sct_nl *v, uint64_t addr, uint64_t len)
{
	int array = 0;
	struct nlmsghdr h;

	for (unsigned elt = 0;; elt++) {
		if (len < sizeof(h)) {
			sct_nl_hex(v, addr, len);
			break;
		}
		if (!sct_nl_fetch(v, addr, &h, sizeof(h))) {
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
		uint64_t mlen = NLMSG_ALIGN((uint64_t)h.nlmsg_len), next = 0, left = 0;

		if (h.nlmsg_len >= NLMSG_HDRLEN) {
			left = len >= mlen ? len - mlen : 0;
			if (left && addr + mlen > addr)
				next = addr + mlen;
		}
		if (!array && next) {
			sct_out_putc(v->o, '[');
			array = 1;
		}
		sct_nl_message(v, &h, addr, len);
		if (!next)
			break;
		sct_out_puts(v->o, ", ");
		addr = next;
		len = left;
	}
	if (array)
		sct_out_putc(v->o, ']');
}

/* NETLINK_KOBJECT_UEVENT: a libudev monitor's header, then its properties as a
 * string; anything else is a string (0: the caller prints it) */
static int kobject_uevent(const struct sct_nl *v, uint64_t addr, uint64_t len)
{
	static const char *const names[] = {
		"magic", "header_size", "properties_off", "properties_len",
		"filter_subsystem_hash", "filter_devtype_hash", "filter_tag_bloom_hi",
		"filter_tag_bloom_lo",
	};
	unsigned char h[40];
	struct sct_out *o = v->o;

	if (len < sizeof(h) || !sct_nl_fetch(v, addr, h, sizeof(h)) || memcmp(h, "libudev", 8))
		return 0;
	if (len > sizeof(h))
		sct_out_putc(o, '[');
	sct_out_puts(o, "{prefix=\"libudev\"");
	for (unsigned k = 0; k < 8; k++) {
		const unsigned char *p = h + 8 + 4 * k;
		uint32_t x;

		sct_out_puts(o, ", ");
		sct_out_puts(o, names[k]);
		sct_out_putc(o, '=');
		if (k >= 1 && k <= 3) {
			memcpy(&x, p, 4);
			sct_out_udec(o, x);
			continue;
		}
		x = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
		sct_out_puts(o, "htonl(");
		sct_out_hex(o, x);
		sct_out_putc(o, ')');
	}
	sct_out_putc(o, '}');
	if (len > sizeof(h)) {
		uint64_t max = v->d->f->strsize, rest = len - sizeof(h), n = rest < max ? rest : max;
		const unsigned char *p = sct_nl_get(v, addr + sizeof(h), rest < max + 1 ? rest : max + 1);

		sct_out_puts(o, ", ");
		if (p)
			sct_print_quoted(o, p, (size_t)n, (size_t)n, rest > n);
		else
			sct_nl_addr(v, addr + sizeof(h));
		sct_out_putc(o, ']');
	}
	return 1;
}

/* The blob's head, and its first buffer */
static int blob_view(const struct sct_dec *d, struct sct_nl *v, const struct sct_blob *b)
{
	const unsigned char *p = sct_blob_data(b);
	int32_t head[2];
	uint64_t seg[2];
	uint32_t meta[2];

	if (b->len < 32)
		return 0;
	memcpy(head, p, sizeof(head));
	memcpy(seg, p + 8, sizeof(seg));
	memcpy(meta, p + 24, sizeof(meta));
	if (head[1] < 1 || meta[0] > b->len - 32)
		return 0;
	v->d = d;
	v->o = d->o;
	v->proto = head[0] == SCT_NETLINK_UNKNOWN ? -1 : head[0];
	v->base = seg[0];
	v->data = p + 32;
	v->have = meta[0];
	return 1;
}

int sct_print_netlink_seg(const struct sct_dec *d, uint64_t k, uint64_t base, uint64_t len)
{
	const struct sct_blob *b = sct_rec_blob(d->r, SCT_BLOB_ARG_NETLINK, SCT_BLOB_IN);
	const unsigned char *p, *end;
	struct sct_nl v;
	int32_t head[2];

	if (!b)
		b = sct_rec_blob(d->r, SCT_BLOB_ARG_NETLINK, SCT_BLOB_OUT);
	if (!b || b->len < 8)
		return 0;
	p = sct_blob_data(b);
	end = p + b->len;
	memcpy(head, p, sizeof(head));
	if (head[0] == 15 || k >= (uint32_t)head[1])	/* KOBJECT_UEVENT: strings */
		return 0;
	p += 8;
	for (uint64_t n = 0;; n++) {
		uint64_t seg[2];
		uint32_t meta[2];

		if (end - p < 24)
			return 0;
		memcpy(seg, p, sizeof(seg));
		memcpy(meta, p + 16, sizeof(meta));
		if (meta[0] > (uint64_t)(end - p) - 24)
			return 0;
		if (n == k) {
			if (seg[0] != base)
				return 0;
			v.d = d;
			v.o = d->o;
			v.proto = head[0] == SCT_NETLINK_UNKNOWN ? -1 : head[0];
			v.base = base;
			v.data = p + 24;
			v.have = meta[0];
			sct_nl_messages(&v, base, len);
			return 1;
		}
		p += 24 + (((uint64_t)meta[0] + 7) & ~7ull);
	}
}

int sct_print_netlink_buf(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_rec_blob(d->r, SCT_BLOB_ARG_NETLINK, SCT_BLOB_IN);
	struct sct_nl v;
	uint64_t len;

	if (!b)
		b = sct_rec_blob(d->r, SCT_BLOB_ARG_NETLINK, SCT_BLOB_OUT);
	if (i != 1 || !b || !blob_view(d, &v, b))
		return 0;
	memcpy(&len, sct_blob_data(b) + 16, sizeof(len));
	if (!d->r->arg[1]) {
		sct_nl_addr(&v, 0);
		return 1;
	}
	if (v.proto == 15)	/* NETLINK_KOBJECT_UEVENT: strings, not messages */
		return kobject_uevent(&v, d->r->arg[1], len);
	sct_nl_messages(&v, d->r->arg[1], len);
	return 1;
}
