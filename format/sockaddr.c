/* Socket addresses as strace 6.1 prints them: {sa_family=AF_INET, sin_port=htons(80),
 * ...}.  Here the dispatch, the helpers the printers share (sockaddr_int.h) and the
 * common families, AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, with x86-64's
 * layouts (<linux/un.h>, <linux/in.h>, <linux/in6.h>, <linux/netlink.h>,
 * <linux/if_packet.h>); the rest are in sockaddr_other.c, constants are gen/xlat
 * data.  As strace does, the address is read into a zeroed buffer, so fields past
 * `len` read as zero, and a family's fields print only when `len` covers its whole
 * struct (else sa_data). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"
#include "sockaddr_int.h"

enum {
	AF_UNIX_ = 1, AF_INET_ = 2, AF_AX25_ = 3, AF_IPX_ = 4, AF_X25_ = 9, AF_INET6_ = 10,
	AF_NETLINK_ = 16, AF_PACKET_ = 17, AF_BLUETOOTH_ = 31, AF_RXRPC_ = 33,
	AF_IEEE802154_ = 36, AF_ALG_ = 38, AF_NFC_ = 39, AF_VSOCK_ = 40, AF_QIPCRTR_ = 42, AF_XDP_ = 44, AF_MCTP_ = 45
};

#define SA_MAX 128		/* sizeof(struct sockaddr_storage) */

void sct_sa_field(struct sct_out *o, const char *name)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
}

/* strace's %#0*x with the width of a `bytes`-byte field: 0x0042, or 00 for zero */
void sct_sa_put_0x(struct sct_out *o, uint64_t v, int bytes)
{
	char tmp[16];
	int n = 0, width = bytes * 2;

	if (v)
		width -= 2;
	do {
		tmp[n++] = sct_sa_hexdig[v & 15];
		v >>= 4;
	} while (v && n < 16);
	while (n < width)
		tmp[n++] = '0';
	if (width < bytes * 2)
		sct_out_puts(o, "0x");
	while (n)
		sct_out_putc(o, tmp[--n]);
}

/* A table's value printed as strace's PRINT_FIELD_XVAL_VERBOSE does: 0x1 / * NAME * /
 * unless -X raw */
void sct_sa_xlat_verbose(struct sct_out *o, unsigned t, uint64_t v)
{
	int saved = o->cstyle;

	if (saved != SCT_CONST_RAW)
		o->cstyle = SCT_CONST_VERBOSE;
	sct_print_xlat(o, t, v);
	o->cstyle = saved;
}

/* n bytes exactly, quoted (strace's print_quoted_string: no -s limit) */
void sct_sa_quoted(struct sct_out *o, const unsigned char *p, size_t n)
{
	sct_print_quoted(o, p, n, n, 0);
}

/* A char array that should end in NUL: up to the NUL, else all but its last byte
 * and "..." (QUOTE_0_TERMINATED | QUOTE_EXPECT_TRAILING_0) */
void sct_sa_quoted_cstr(struct sct_out *o, const unsigned char *p, size_t size)
{
	size_t z = 0;

	if (!size) {
		sct_out_puts(o, "\"\"...");
		return;
	}
	while (z < size - 1 && p[z])
		z++;
	sct_print_quoted(o, p, z, z, z == size - 1 && p[z]);
}

void sct_sa_print_hexstr_style(struct sct_out *o, const unsigned char *p, size_t n)
{
	int saved = o->xstyle;

	o->xstyle = SCT_XSTR_ALL;
	sct_sa_quoted(o, p, n);
	o->xstyle = saved;
}

/* htons(80) / "\x00\x50" (raw) / "\x00\x50" / * htons(80) * / (verbose) */
void sct_sa_print_net_port(struct sct_out *o, const unsigned char *p)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_sa_print_hexstr_style(o, p, 2);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* htons(" : "htons(");
	sct_out_udec(o, get_be16(p));
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? ") */" : ")");
}

static void print_inet4(struct sct_out *o, const unsigned char *a)
{
	for (int k = 0; k < 4; k++) {
		if (k)
			sct_out_putc(o, '.');
		sct_out_udec(o, a[k]);
	}
}

/* The text inet_ntop(AF_INET6) gives: the longest run (first of equals, at least two)
 * of zero groups becomes "::"; ::a.b.c.d and ::ffff:a.b.c.d keep the dotted quad. */
static void print_inet6(struct sct_out *o, const unsigned char *a)
{
	unsigned w[8];
	int best = -1, bestlen = 0;

	for (int k = 0; k < 8; k++)
		w[k] = (unsigned)a[2 * k] << 8 | a[2 * k + 1];
	for (int k = 0; k < 8;) {
		int n = 0;

		while (k + n < 8 && w[k + n] == 0)
			n++;
		if (n > bestlen) {
			best = k;
			bestlen = n;
		}
		k += n ? n : 1;
	}
	if (bestlen < 2)
		best = -1;
	for (int k = 0; k < 8; k++) {
		if (k == best) {
			sct_out_putc(o, ':');
			k += bestlen - 1;
			if (k == 7)
				sct_out_putc(o, ':');
			continue;
		}
		if (k)
			sct_out_putc(o, ':');
		if (k == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && w[5] == 0xffff))) {
			print_inet4(o, a + 12);
			return;
		}
		for (int sh = 12; sh >= 0; sh -= 4)
			if (w[k] >> sh || !sh)
				sct_out_putc(o, sct_sa_hexdig[w[k] >> sh & 15]);
	}
}

void sct_print_inet_addr(struct sct_out *o, int family, const unsigned char *a)
{
	if (family == AF_INET6_)
		print_inet6(o, a);
	else
		print_inet4(o, a);
}

/* inet_addr("127.0.0.1"), with -X as strace's print_inet_addr */
void sct_print_inaddr(struct sct_out *o, const unsigned char *a)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_sa_print_hexstr_style(o, a, 4);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* inet_addr(\"" : "inet_addr(\"");
	print_inet4(o, a);
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? "\") */" : "\")");
}

static void print_in_addr(struct sct_out *o, const unsigned char *a, const char *name)
{
	sct_sa_field(o, name);
	sct_print_inaddr(o, a);
}

static void print_in6_addr(struct sct_out *o, const unsigned char *a, const char *name)
{
	sct_out_puts(o, ", ");
	if (o->cstyle != SCT_CONST_ABBREV) {
		sct_out_puts(o, name);
		sct_out_putc(o, '=');
		sct_sa_print_hexstr_style(o, a, 16);
	}
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* inet_pton(AF_INET6, \""
						      : "inet_pton(AF_INET6, \"");
	print_inet6(o, a);
	sct_out_putc(o, '"');
	if (o->cstyle == SCT_CONST_ABBREV) {
		sct_out_puts(o, ", &");
		sct_out_puts(o, name);
	}
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? ") */" : ")");
}

void sct_sa_print_in(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sin_port=");
	sct_sa_print_net_port(o, p + 2);
	print_in_addr(o, p + 4, "sin_addr");
}

void sct_sa_print_in6(struct sct_out *o, const unsigned char *p, size_t len)
{
	sct_out_puts(o, "sin6_port=");
	sct_sa_print_net_port(o, p + 2);
	sct_sa_field(o, "sin6_flowinfo");
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_sa_print_hexstr_style(o, p + 4, 4);
	if (o->cstyle != SCT_CONST_RAW) {
		sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* htonl(" : "htonl(");
		sct_out_udec(o, get_be32(p + 4));
		sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? ") */" : ")");
	}
	print_in6_addr(o, p + 8, "sin6_addr");
	if (len <= SIN6_MIN_LEN)
		return;
	sct_sa_field(o, "sin6_scope_id");
	/* strace names the scope of link-local and multicast link-local addresses */
	if ((p[8] == 0xfe && (p[9] & 0xc0) == 0x80) || (p[8] == 0xff && (p[9] & 0x0f) == 0x02))
		sct_print_ifindex(o, sct_get32(p + 24));
	else
		sct_out_udec(o, sct_get32(p + 24));
}

static void print_un(struct sct_out *o, const unsigned char *p, size_t len)
{
	size_t n = len - 2, z = 0;

	if (n > 108)
		n = 108;
	sct_out_puts(o, "sun_path=");
	if (p[2] == 0) {
		sct_out_putc(o, '@');
		sct_sa_quoted(o, p + 3, n - 1);
	} else {
		while (z < n && p[2 + z])
			z++;
		sct_sa_quoted(o, p + 2, z);
	}
}

/* nl_pid names a process (strace: printpid), when the call is at hand to say whose */
static void print_nl(const struct sct_dec *call, struct sct_out *o, const unsigned char *p)
{
	if (get16(p + 2)) {
		sct_out_puts(o, "nl_pad=");
		sct_out_hex(o, get16(p + 2));
		sct_out_puts(o, ", ");
	}
	sct_out_puts(o, "nl_pid=");
	if (call)
		sct_print_pid(call, (int32_t)sct_get32(p + 4), SCT_PT_TGID);
	else
		sct_out_dec(o, (int32_t)sct_get32(p + 4));
	sct_sa_field(o, "nl_groups");
	sct_sa_put_0x(o, sct_get32(p + 8), 4);
}

static void print_ll(struct sct_out *o, const unsigned char *p, size_t len)
{
	unsigned halen = p[11], oob = (unsigned)len - 12;

	sct_out_puts(o, "sll_protocol=");
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_sa_print_hexstr_style(o, p + 2, 2);
	if (o->cstyle != SCT_CONST_RAW) {
		int saved = o->cstyle;

		sct_out_puts(o, saved == SCT_CONST_VERBOSE ? " /* htons(" : "htons(");
		o->cstyle = SCT_CONST_ABBREV;
		sct_print_xlat(o, SCT_XLAT_eth_protos, get_be16(p + 2));
		o->cstyle = saved;
		sct_out_puts(o, saved == SCT_CONST_VERBOSE ? ") */" : ")");
	}
	sct_sa_field(o, "sll_ifindex");
	sct_print_ifindex(o, sct_get32(p + 4));
	sct_sa_field(o, "sll_hatype");
	sct_print_xlat(o, SCT_XLAT_arp_hw_types, get16(p + 8));
	sct_sa_field(o, "sll_pkttype");
	sct_print_xlat(o, SCT_XLAT_packet_types, p[10]);
	sct_sa_field(o, "sll_halen");
	sct_out_udec(o, halen);
	if (!halen)
		return;
	sct_sa_field(o, "sll_addr");
	sct_out_putc(o, '[');
	for (unsigned k = 0; k < halen; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= oob) {
			sct_out_puts(o, "...");
			break;
		}
		sct_sa_put_0x(o, p[12 + k], 1);
	}
	sct_out_putc(o, ']');
}


/* --- the dispatch ---------------------------------------------------------------------- */

/* The shortest address each family's fields need (strace's sa_printers min_len). */
static size_t min_len(unsigned fam)
{
	switch (fam) {
	case AF_UNIX_: case AF_BLUETOOTH_: return 3;
	case AF_INET_: case AF_IPX_: case AF_AX25_: case AF_NFC_: case AF_VSOCK_:
	case AF_XDP_: return 16;
	case AF_X25_: return 18;
	case AF_INET6_: return SIN6_MIN_LEN;
	case AF_NETLINK_: case AF_QIPCRTR_: case AF_MCTP_: return 12;
	case AF_PACKET_: case AF_IEEE802154_: return 20;
	case AF_RXRPC_: return 36;
	case AF_ALG_: return 25;
	}
	return 0;
}

static void print_sockaddr_fields(const struct sct_dec *d, struct sct_out *o,
				  const unsigned char *p, size_t len, unsigned fam,
				  const struct sct_dec *call)
{
	size_t need = min_len(fam);

	if (!need || len < need) {
		sct_out_puts(o, "sa_data=");
		sct_sa_quoted(o, p + 2, len - 2);
		return;
	}
	switch (fam) {
	case AF_UNIX_: print_un(o, p, len); break;
	case AF_INET_: sct_sa_print_in(o, p); break;
	case AF_INET6_: sct_sa_print_in6(o, p, len); break;
	case AF_AX25_: sct_sa_print_ax25(d, o, p, len); break;
	case AF_IPX_: sct_sa_print_ipx(o, p); break;
	case AF_X25_: sct_sa_print_x25(o, p); break;
	case AF_NETLINK_: print_nl(call, o, p); break;
	case AF_PACKET_: print_ll(o, p, len); break;
	case AF_BLUETOOTH_: sct_sa_print_bt(o, p, len); break;
	case AF_RXRPC_: sct_sa_print_rxrpc(o, p, len); break;
	case AF_IEEE802154_: sct_sa_print_ieee802154(o, p); break;
	case AF_ALG_: sct_sa_print_alg(o, p, len); break;
	case AF_NFC_: sct_sa_print_nfc(o, p, len); break;
	case AF_VSOCK_: sct_sa_print_vsock(o, p); break;
	case AF_QIPCRTR_: sct_sa_print_qrtr(o, p); break;
	case AF_XDP_: sct_sa_print_xdp(o, p, call); break;
	case AF_MCTP_: sct_sa_print_mctp(o, p); break;
	}
}

static void print_sockaddr_d(const struct sct_dec *d, struct sct_out *o,
			     const unsigned char *src, size_t len, const struct sct_dec *call)
{
	unsigned char p[SA_MAX + 1];
	unsigned fam;

	if (len > SA_MAX)
		len = SA_MAX;
	memset(p, 0, sizeof(p));
	memcpy(p, src, len);
	fam = get16(p);
	sct_out_puts(o, "{sa_family=");
	sct_print_xlat(o, SCT_XLAT_addrfams, fam);
	if (len > 2) {
		sct_out_puts(o, ", ");
		print_sockaddr_fields(d, o, p, len, fam, call);
	}
	sct_out_putc(o, '}');
}

void sct_print_sockaddr(struct sct_out *o, const unsigned char *p, size_t len)
{
	print_sockaddr_d(NULL, o, p, len, NULL);
}

void sct_print_sockaddr_of(const struct sct_dec *d, const unsigned char *p, size_t len)
{
	print_sockaddr_d(NULL, d->o, p, len, d);
}
