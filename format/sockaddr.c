/* Socket addresses as strace 6.1 prints them, family by family: {sa_family=AF_INET,
 * sin_port=htons(80), ...}.  Layouts are x86-64's (<linux/in.h>, <linux/in6.h>,
 * <linux/un.h>, <linux/netlink.h>, <linux/if_packet.h>, <linux/ax25.h>,
 * <linux/ipx.h>, <linux/x25.h>, <net/bluetooth/bluetooth.h>, <linux/rxrpc.h>, <net/af_ieee802154.h>,
 * <linux/if_alg.h>, <linux/nfc.h>, <linux/vm_sockets.h>, <linux/qrtr.h>,
 * <linux/if_xdp.h>, <linux/mctp.h>); constants are gen/xlat data.  As strace does,
 * the address is read into a zeroed buffer, so fields past `len` read as zero, and a
 * family's fields print only when `len` covers its whole struct (else sa_data). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum {
	AF_UNIX_ = 1, AF_INET_ = 2, AF_AX25_ = 3, AF_IPX_ = 4, AF_X25_ = 9, AF_INET6_ = 10,
	AF_NETLINK_ = 16, AF_PACKET_ = 17, AF_BLUETOOTH_ = 31, AF_RXRPC_ = 33, AF_IEEE802154_ = 36, AF_ALG_ = 38,
	AF_NFC_ = 39, AF_VSOCK_ = 40, AF_QIPCRTR_ = 42, AF_XDP_ = 44, AF_MCTP_ = 45
};

#define SA_MAX 128		/* sizeof(struct sockaddr_storage) */
#define SIN6_MIN_LEN 24		/* up to sin6_scope_id */

static const char hexdig[] = "0123456789abcdef";

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint16_t get_be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void field(struct sct_out *o, const char *name)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
}

/* strace's %#0*x with the width of a `bytes`-byte field: 0x0042, or 00 for zero */
static void put_0x(struct sct_out *o, uint64_t v, int bytes)
{
	char tmp[16];
	int n = 0, width = bytes * 2;

	if (v)
		width -= 2;
	do {
		tmp[n++] = hexdig[v & 15];
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
static void xlat_verbose(struct sct_out *o, unsigned t, uint64_t v)
{
	int saved = o->cstyle;

	if (saved != SCT_CONST_RAW)
		o->cstyle = SCT_CONST_VERBOSE;
	sct_print_xlat(o, t, v);
	o->cstyle = saved;
}

/* n bytes exactly, quoted (strace's print_quoted_string: no -s limit) */
static void quoted(struct sct_out *o, const unsigned char *p, size_t n)
{
	sct_print_quoted(o, p, n, n, 0);
}

/* A char array that should end in NUL: up to the NUL, else all but its last byte
 * and "..." (QUOTE_0_TERMINATED | QUOTE_EXPECT_TRAILING_0) */
static void quoted_cstr(struct sct_out *o, const unsigned char *p, size_t size)
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

static void print_hexstr_style(struct sct_out *o, const unsigned char *p, size_t n)
{
	int saved = o->xstyle;

	o->xstyle = SCT_XSTR_ALL;
	quoted(o, p, n);
	o->xstyle = saved;
}

/* htons(80) / "\x00\x50" (raw) / "\x00\x50" / * htons(80) * / (verbose) */
static void print_net_port(struct sct_out *o, const unsigned char *p)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		print_hexstr_style(o, p, 2);
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
				sct_out_putc(o, hexdig[w[k] >> sh & 15]);
	}
}

/* inet_addr("127.0.0.1"), with -X as strace's print_inet_addr */
void sct_print_inet_addr(struct sct_out *o, const unsigned char *a)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		print_hexstr_style(o, a, 4);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* inet_addr(\"" : "inet_addr(\"");
	print_inet4(o, a);
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? "\") */" : "\")");
}

static void print_in_addr(struct sct_out *o, const unsigned char *a, const char *name)
{
	field(o, name);
	sct_print_inet_addr(o, a);
}

static void print_in6_addr(struct sct_out *o, const unsigned char *a, const char *name)
{
	sct_out_puts(o, ", ");
	if (o->cstyle != SCT_CONST_ABBREV) {
		sct_out_puts(o, name);
		sct_out_putc(o, '=');
		print_hexstr_style(o, a, 16);
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

static void print_in(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sin_port=");
	print_net_port(o, p + 2);
	print_in_addr(o, p + 4, "sin_addr");
}

static void print_in6(struct sct_out *o, const unsigned char *p, size_t len)
{
	sct_out_puts(o, "sin6_port=");
	print_net_port(o, p + 2);
	field(o, "sin6_flowinfo");
	if (o->cstyle != SCT_CONST_ABBREV)
		print_hexstr_style(o, p + 4, 4);
	if (o->cstyle != SCT_CONST_RAW) {
		sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* htonl(" : "htonl(");
		sct_out_udec(o, get_be32(p + 4));
		sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? ") */" : ")");
	}
	print_in6_addr(o, p + 8, "sin6_addr");
	if (len <= SIN6_MIN_LEN)
		return;
	field(o, "sin6_scope_id");
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
		quoted(o, p + 3, n - 1);
	} else {
		while (z < n && p[2 + z])
			z++;
		quoted(o, p + 2, z);
	}
}

static void print_nl(struct sct_out *o, const unsigned char *p)
{
	if (get16(p + 2)) {
		sct_out_puts(o, "nl_pad=");
		sct_out_hex(o, get16(p + 2));
		sct_out_puts(o, ", ");
	}
	sct_out_puts(o, "nl_pid=");
	sct_out_dec(o, (int32_t)sct_get32(p + 4));
	field(o, "nl_groups");
	put_0x(o, sct_get32(p + 8), 4);
}

static void print_ll(struct sct_out *o, const unsigned char *p, size_t len)
{
	unsigned halen = p[11], oob = (unsigned)len - 12;

	sct_out_puts(o, "sll_protocol=");
	if (o->cstyle != SCT_CONST_ABBREV)
		print_hexstr_style(o, p + 2, 2);
	if (o->cstyle != SCT_CONST_RAW) {
		int saved = o->cstyle;

		sct_out_puts(o, saved == SCT_CONST_VERBOSE ? " /* htons(" : "htons(");
		o->cstyle = SCT_CONST_ABBREV;
		sct_print_xlat(o, SCT_XLAT_eth_protos, get_be16(p + 2));
		o->cstyle = saved;
		sct_out_puts(o, saved == SCT_CONST_VERBOSE ? ") */" : ")");
	}
	field(o, "sll_ifindex");
	sct_print_ifindex(o, sct_get32(p + 4));
	field(o, "sll_hatype");
	sct_print_xlat(o, SCT_XLAT_arp_hw_types, get16(p + 8));
	field(o, "sll_pkttype");
	sct_print_xlat(o, SCT_XLAT_packet_types, p[10]);
	field(o, "sll_halen");
	sct_out_udec(o, halen);
	if (!halen)
		return;
	field(o, "sll_addr");
	sct_out_putc(o, '[');
	for (unsigned k = 0; k < halen; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= oob) {
			sct_out_puts(o, "...");
			break;
		}
		put_0x(o, p[12 + k], 1);
	}
	sct_out_putc(o, ']');
}

static void print_ipx(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sipx_port=");
	print_net_port(o, p + 2);
	field(o, "sipx_network");
	sct_out_puts(o, "htonl(");
	sct_out_hex(o, get_be32(p + 4));
	sct_out_putc(o, ')');
	field(o, "sipx_node");
	sct_out_putc(o, '[');
	for (int k = 0; k < 6; k++) {
		if (k)
			sct_out_puts(o, ", ");
		put_0x(o, p[8 + k], 1);
	}
	sct_out_putc(o, ']');
	field(o, "sipx_type");
	put_0x(o, p[14], 1);
	if (p[15]) {
		field(o, "sipx_zero");
		sct_out_hex(o, p[15]);
	}
}

/* --- AX.25 ------------------------------------------------------------------------- */

enum { AX25_CALL = 7, AX25_MAX_DIGIS = 8, SAX25_LEN = 16 };

/* strace's check: can the callsign print as text (ABBREV), only with its raw bytes
 * beside it (VERBOSE), or only raw (RAW)? */
static int ax25_style(const unsigned char *a)
{
	int ret = -1, space = 0, chr = 0;

	for (int i = 0; i < AX25_CALL - 1; i++) {
		unsigned char c = a[i];

		if (c & 1)
			ret = SCT_CONST_VERBOSE;
		c >>= 1;
		if (c == ' ')
			space = 1;
		else
			chr = 1;
		if ((c < '0' || c > '9') && (c < 'A' || c > 'Z') && c != ' ')
			ret = SCT_CONST_VERBOSE;
		if (c != ' ' && space)
			ret = SCT_CONST_VERBOSE;
		if (c < ' ' || c > 0x7e || c == '*' || c == '/')
			return SCT_CONST_RAW;
	}
	if (a[AX25_CALL - 1] & ~0x1e)
		ret = SCT_CONST_VERBOSE;
	if (!chr && a[AX25_CALL - 1])
		ret = SCT_CONST_VERBOSE;
	return ret;
}

static void print_ax25_call(struct sct_out *o, const unsigned char *a)
{
	int style = ax25_style(a);
	char buf[AX25_CALL + 4], *q = buf;
	const char *text = buf;
	unsigned end, ssid;

	if (style < 0)
		style = o->cstyle;
	if (style != SCT_CONST_ABBREV) {
		sct_out_puts(o, "{ax25_call=");
		print_hexstr_style(o, a, AX25_CALL);
		sct_out_putc(o, '}');
	}
	if (style == SCT_CONST_RAW)
		return;
	for (end = AX25_CALL - 1; end; end--)
		if ((a[end - 1] >> 1) != ' ')
			break;
	for (unsigned i = 0; i < end; i++)
		*q++ = (char)(a[i] >> 1);
	*q++ = '-';
	ssid = (a[AX25_CALL - 1] >> 1) & 0xf;
	if (ssid > 9) {
		*q++ = '1';
		ssid -= 10;
	}
	*q++ = (char)('0' + ssid);
	*q = '\0';
	if (buf[0] == '-' && buf[1] == '0')
		text = "*";
	if (style == SCT_CONST_VERBOSE) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, text);
		sct_out_puts(o, " */");
	} else {
		sct_out_puts(o, text);
	}
}

static void print_ax25(const struct sct_dec *d, struct sct_out *o, const unsigned char *p,
		       size_t len)
{
	int32_t ndigis = (int32_t)sct_get32(p + 12);
	int full = ndigis || len > SAX25_LEN;
	size_t has, want, digis;

	if (full)
		sct_out_puts(o, "fsa_ax25={");
	sct_out_puts(o, "sax25_call=");
	print_ax25_call(o, p + 2);
	field(o, "sax25_ndigis");
	sct_out_dec(o, ndigis);
	if (!full)
		return;
	sct_out_putc(o, '}');
	has = (len - SAX25_LEN) / AX25_CALL;
	if (has > AX25_MAX_DIGIS)
		has = AX25_MAX_DIGIS;
	want = ndigis > 0 ? (size_t)ndigis : 0;
	if (want > AX25_MAX_DIGIS)
		want = AX25_MAX_DIGIS;
	digis = has < want ? has : want;
	if (want) {
		field(o, "fsa_digipeater");
		sct_out_putc(o, '[');
		for (size_t k = 0; k < digis; k++) {
			if (k)
				sct_out_puts(o, ", ");
			if (k >= (d ? d->f->strsize : 32)) {
				sct_out_puts(o, "...");
				break;
			}
			print_ax25_call(o, p + SAX25_LEN + k * AX25_CALL);
		}
		if (want > has)
			sct_out_puts(o, digis ? ", ..." : "...");
		sct_out_putc(o, ']');
	}
	if (len > has * AX25_CALL + SAX25_LEN)
		sct_out_puts(o, ", ...");
}

static void print_x25(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sx25_addr={x25_addr=");
	quoted_cstr(o, p + 2, 16);
	sct_out_putc(o, '}');
}

/* --- Bluetooth (strace tells the protocols apart by the length alone) -------------- */

/* A value with a name of its own, as strace's print_xlat_ex: NAME, 0x80, or
 * 0x80 / * NAME * / */
static void print_named(struct sct_out *o, uint64_t v, const char *name)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, name);
		sct_out_puts(o, " */");
	} else {
		sct_out_puts(o, name);
	}
}

/* 01:02:03:04:05:06, with -X as strace's print_mac_addr */
static void print_mac(struct sct_out *o, const unsigned char *a, size_t n)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		print_hexstr_style(o, a, n);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	for (size_t k = 0; k < n; k++) {
		if (k)
			sct_out_putc(o, ':');
		sct_out_putc(o, hexdig[a[k] >> 4]);
		sct_out_putc(o, hexdig[a[k] & 15]);
	}
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

/* htobs(L2CAP_PSM_SDP), htobs(L2CAP_PSM_DYN_START+4): a PSM or CID named, or named
 * by the dynamic range it falls in (`r`: first, last, the first one's name). */
struct l2range { unsigned lo, hi; const char *name; };

static void print_l2(struct sct_out *o, unsigned v, unsigned t, const struct l2range *r,
		     size_t nr, const char *unknown)
{
	const char *name = sct_xlat_find(sct_xlat_tabs[t].x, v);
	const struct l2range *in = NULL;
	int named;

	for (size_t k = 0; !name && k < nr; k++)
		if (v >= r[k].lo && v <= r[k].hi)
			in = &r[k];
	named = name || in;
	sct_out_puts(o, "htobs(");
	if (o->cstyle != SCT_CONST_ABBREV || !named)
		sct_out_hex(o, v);
	if (o->cstyle != SCT_CONST_RAW) {
		if (o->cstyle == SCT_CONST_VERBOSE || !named)
			sct_out_puts(o, " /* ");
		if (name) {
			sct_out_puts(o, name);
		} else if (in) {
			print_named(o, in->lo, in->name);
			sct_out_putc(o, '+');
			sct_out_udec(o, v - in->lo);
		} else {
			sct_out_puts(o, unknown);
		}
		if (o->cstyle == SCT_CONST_VERBOSE || !named)
			sct_out_puts(o, " */");
	}
	sct_out_putc(o, ')');
}

static void print_bt(struct sct_out *o, const unsigned char *p, size_t len)
{
	static const struct l2range psm[] = {
		{ 0x80, 0xff, "L2CAP_PSM_LE_DYN_START" }, { 0x1001, 0xffff, "L2CAP_PSM_DYN_START" }
	};
	static const struct l2range cid[] = { { 0x40, 0xffff, "L2CAP_CID_DYN_START" } };

	switch (len) {
	case 4: case 6:		/* sockaddr_hci, before and after hci_channel */
		sct_out_puts(o, "hci_dev=htobs(");
		sct_out_udec(o, get16(p + 2));
		sct_out_putc(o, ')');
		if (len == 6) {
			field(o, "hci_channel");
			sct_print_xlat(o, SCT_XLAT_hci_channels, get16(p + 4));
		}
		return;
	case 8:			/* sockaddr_sco */
		sct_out_puts(o, "sco_bdaddr=");
		print_mac(o, p + 2, 6);
		return;
	case 10:		/* sockaddr_rc */
		sct_out_puts(o, "rc_bdaddr=");
		print_mac(o, p + 2, 6);
		field(o, "rc_channel");
		sct_out_udec(o, p[8]);
		return;
	case 12: case 14:	/* sockaddr_l2, before and after l2_bdaddr_type */
		sct_out_puts(o, "l2_psm=");
		print_l2(o, get16(p + 2), SCT_XLAT_l2cap_psms, psm, 2, "L2CAP_PSM_???");
		sct_out_puts(o, ", l2_bdaddr=");
		print_mac(o, p + 4, 6);
		field(o, "l2_cid");
		print_l2(o, get16(p + 10), SCT_XLAT_l2cap_cids, cid, 1, "L2CAP_CID_???");
		if (len == 14) {
			field(o, "l2_bdaddr_type");
			sct_print_xlat(o, SCT_XLAT_bdaddr_types, p[12]);
		}
		return;
	}
	sct_out_puts(o, "sa_data=");
	quoted(o, p + 2, len - 2);
}

/* --- the newer families -------------------------------------------------------------- */

static void print_rxrpc(struct sct_out *o, const unsigned char *p, size_t len)
{
	unsigned tlen = get16(p + 6), fam = get16(p + 8);
	int eff = (int)tlen < (int)len - 8 ? (int)tlen : (int)len - 8;
	int rest = eff - 2 > 0 ? eff - 2 : 0;

	sct_out_puts(o, "srx_service=");
	xlat_verbose(o, SCT_XLAT_rxrpc_services, get16(p + 2));
	field(o, "transport_type");
	sct_print_xlat(o, SCT_XLAT_sock_types, get16(p + 4));
	field(o, "transport_len");
	sct_out_udec(o, tlen);
	sct_out_puts(o, ", transport={");
	if (fam == AF_INET_ || fam == AF_INET6_) {
		sct_out_puts(o, fam == AF_INET_ ? "sin={sin_family=" : "sin6={sin6_family=");
		sct_print_xlat(o, SCT_XLAT_addrfams, fam);
		if (tlen >= (fam == AF_INET_ ? 16u : (unsigned)SIN6_MIN_LEN)) {
			sct_out_puts(o, ", ");
			if (fam == AF_INET_)
				print_in(o, p + 8);
			else
				print_in6(o, p + 8, (size_t)eff);
		} else if (rest > 0) {
			sct_out_puts(o, ", ");
			quoted(o, p + 10, (size_t)rest);
		}
		sct_out_putc(o, '}');
	} else {
		sct_out_puts(o, "family=");
		sct_print_xlat(o, SCT_XLAT_addrfams, fam);
		if (rest > 0) {
			sct_out_puts(o, ", ");
			quoted(o, p + 10, (size_t)rest);
		}
	}
	sct_out_putc(o, '}');
}

static void print_ieee802154(struct sct_out *o, const unsigned char *p)
{
	uint32_t type = sct_get32(p + 4);

	sct_out_puts(o, "addr={addr_type=");
	xlat_verbose(o, SCT_XLAT_ieee802154_addr_types, type);
	field(o, "pan_id");
	xlat_verbose(o, SCT_XLAT_ieee802154_pan_ids, get16(p + 8));
	if (type == 2) {		/* IEEE802154_ADDR_SHORT */
		field(o, "short_addr");
		xlat_verbose(o, SCT_XLAT_ieee802154_addrs, get16(p + 10));
	} else if (type != 0) {		/* not IEEE802154_ADDR_NONE */
		field(o, "hwaddr");
		if (o->cstyle != SCT_CONST_ABBREV)
			print_hexstr_style(o, p + 10, 8);
		if (o->cstyle != SCT_CONST_RAW) {
			if (o->cstyle == SCT_CONST_VERBOSE)
				sct_out_puts(o, " /* ");
			for (int k = 0; k < 8; k++) {
				if (k)
					sct_out_putc(o, ':');
				sct_out_putc(o, hexdig[p[10 + k] >> 4]);
				sct_out_putc(o, hexdig[p[10 + k] & 15]);
			}
			if (o->cstyle == SCT_CONST_VERBOSE)
				sct_out_puts(o, " */");
		}
	}
	sct_out_putc(o, '}');
}

static void flags_verbose(struct sct_out *o, unsigned t, uint64_t v)
{
	xlat_verbose(o, t, v);
}

static void print_alg(struct sct_out *o, const unsigned char *p, size_t len)
{
	sct_out_puts(o, "salg_type=");
	quoted_cstr(o, p + 2, 14);
	field(o, "salg_feat");
	flags_verbose(o, SCT_XLAT_alg_flags, sct_get32(p + 16));
	field(o, "salg_mask");
	flags_verbose(o, SCT_XLAT_alg_flags, sct_get32(p + 20));
	field(o, "salg_name");
	quoted_cstr(o, p + 24, len - 24);
}

static void print_nfc(struct sct_out *o, const unsigned char *p, size_t len)
{
	uint64_t snlen;

	sct_out_puts(o, "dev_idx=");
	sct_print_ifindex(o, sct_get32(p + 4));
	field(o, "target_idx");
	sct_out_hex(o, sct_get32(p + 8));
	field(o, "nfc_protocol");
	sct_print_xlat(o, SCT_XLAT_nfc_protos, sct_get32(p + 12));
	if (len < 96) {		/* struct sockaddr_nfc_llcp */
		if (len > 16)
			sct_out_puts(o, ", ...");
		return;
	}
	snlen = sct_get64(p + 88);
	field(o, "dsap");
	xlat_verbose(o, SCT_XLAT_nfc_saps, p[16]);
	field(o, "ssap");
	xlat_verbose(o, SCT_XLAT_nfc_saps, p[17]);
	field(o, "service_name");
	quoted(o, p + 18, snlen < 63 ? (size_t)snlen : 63);
	field(o, "service_name_len");
	sct_out_udec(o, snlen);
}

static void print_vsock(struct sct_out *o, const unsigned char *p)
{
	if (get16(p + 2)) {
		sct_out_puts(o, "svm_reserved1=");
		sct_out_hex(o, get16(p + 2));
		sct_out_puts(o, ", ");
	}
	sct_out_puts(o, "svm_cid=");
	sct_print_xlat(o, SCT_XLAT_vsock_cids, sct_get32(p + 8));
	field(o, "svm_port");
	sct_print_xlat(o, SCT_XLAT_vsock_ports, sct_get32(p + 4));
	field(o, "svm_flags");
	sct_print_xlat(o, SCT_XLAT_vsock_flags, p[12]);
	if (p[13] || p[14] || p[15]) {
		field(o, "svm_zero");
		print_hexstr_style(o, p + 13, 3);
	}
}

static void print_qrtr(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sq_node=");
	sct_print_xlat(o, SCT_XLAT_qrtr_nodes, sct_get32(p + 4));
	field(o, "sq_port");
	sct_print_xlat(o, SCT_XLAT_qrtr_ports, sct_get32(p + 8));
}

static void print_xdp(struct sct_out *o, const unsigned char *p)
{
	uint16_t flags = get16(p + 2);
	uint32_t fd = sct_get32(p + 12);

	sct_out_puts(o, "sxdp_flags=");
	sct_print_xlat(o, SCT_XLAT_xdp_flags, flags);
	field(o, "sxdp_ifindex");
	sct_print_ifindex(o, sct_get32(p + 4));
	field(o, "sxdp_queue_id");
	sct_out_udec(o, sct_get32(p + 8));
	if (flags & 1) {		/* XDP_SHARED_UMEM: the fd is one */
		field(o, "sxdp_shared_umem_fd");
		sct_out_dec(o, (int32_t)fd);
	} else if (fd) {
		field(o, "sxdp_shared_umem_fd");
		sct_out_hex(o, fd);
	}
}

static void print_mctp(struct sct_out *o, const unsigned char *p)
{
	if (get16(p + 2)) {
		sct_out_puts(o, "__smctp_pad0=");
		sct_out_hex(o, get16(p + 2));
		sct_out_puts(o, ", ");
	}
	sct_out_puts(o, "smctp_network=");
	sct_print_xlat(o, SCT_XLAT_mctp_nets, sct_get32(p + 4));
	sct_out_puts(o, ", smctp_addr={s_addr=");
	sct_print_xlat(o, SCT_XLAT_mctp_addrs, p[8]);
	sct_out_putc(o, '}');
	field(o, "smctp_type");
	sct_out_hex(o, p[9]);
	field(o, "smctp_tag");
	sct_out_hex(o, p[10]);
	if (p[11]) {
		field(o, "__smctp_pad1");
		sct_out_hex(o, p[11]);
	}
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
				  const unsigned char *p, size_t len, unsigned fam)
{
	size_t need = min_len(fam);

	if (!need || len < need) {
		sct_out_puts(o, "sa_data=");
		quoted(o, p + 2, len - 2);
		return;
	}
	switch (fam) {
	case AF_UNIX_: print_un(o, p, len); break;
	case AF_INET_: print_in(o, p); break;
	case AF_INET6_: print_in6(o, p, len); break;
	case AF_AX25_: print_ax25(d, o, p, len); break;
	case AF_IPX_: print_ipx(o, p); break;
	case AF_X25_: print_x25(o, p); break;
	case AF_NETLINK_: print_nl(o, p); break;
	case AF_PACKET_: print_ll(o, p, len); break;
	case AF_BLUETOOTH_: print_bt(o, p, len); break;
	case AF_RXRPC_: print_rxrpc(o, p, len); break;
	case AF_IEEE802154_: print_ieee802154(o, p); break;
	case AF_ALG_: print_alg(o, p, len); break;
	case AF_NFC_: print_nfc(o, p, len); break;
	case AF_VSOCK_: print_vsock(o, p); break;
	case AF_QIPCRTR_: print_qrtr(o, p); break;
	case AF_XDP_: print_xdp(o, p); break;
	case AF_MCTP_: print_mctp(o, p); break;
	}
}

static void print_sockaddr_d(const struct sct_dec *d, struct sct_out *o,
			     const unsigned char *src, size_t len)
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
		print_sockaddr_fields(d, o, p, len, fam);
	}
	sct_out_putc(o, '}');
}

void sct_print_sockaddr(struct sct_out *o, const unsigned char *p, size_t len)
{
	print_sockaddr_d(NULL, o, p, len);
}
