/* Socket addresses of the less common families as strace 6.1 prints them: AF_IPX,
 * AF_AX25, AF_X25, AF_BLUETOOTH, AF_RXRPC, AF_IEEE802154, AF_ALG, AF_NFC, AF_VSOCK,
 * AF_QIPCRTR, AF_XDP, AF_MCTP.  Layouts are x86-64's (<linux/ipx.h>, <linux/ax25.h>,
 * <linux/x25.h>, <net/bluetooth/bluetooth.h>, <linux/rxrpc.h>,
 * <net/af_ieee802154.h>, <linux/if_alg.h>, <linux/nfc.h>, <linux/vm_sockets.h>,
 * <linux/qrtr.h>, <linux/if_xdp.h>, <linux/mctp.h>); sockaddr.c's dispatch calls
 * them with the address in a zeroed buffer at least as long as the family's struct. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"
#include "sockaddr_int.h"

enum { AF_INET_ = 2, AF_INET6_ = 10 };

void sct_sa_print_ipx(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sipx_port=");
	sct_sa_print_net_port(o, p + 2);
	sct_sa_field(o, "sipx_network");
	sct_out_puts(o, "htonl(");
	sct_out_hex(o, get_be32(p + 4));
	sct_out_putc(o, ')');
	sct_sa_field(o, "sipx_node");
	sct_out_putc(o, '[');
	for (int k = 0; k < 6; k++) {
		if (k)
			sct_out_puts(o, ", ");
		sct_sa_put_0x(o, p[8 + k], 1);
	}
	sct_out_putc(o, ']');
	sct_sa_field(o, "sipx_type");
	sct_sa_put_0x(o, p[14], 1);
	if (p[15]) {
		sct_sa_field(o, "sipx_zero");
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
		sct_sa_print_hexstr_style(o, a, AX25_CALL);
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

void sct_sa_print_ax25(const struct sct_dec *d, struct sct_out *o, const unsigned char *p,
		       size_t len)
{
	int32_t ndigis = (int32_t)sct_get32(p + 12);
	int full = ndigis || len > SAX25_LEN;
	size_t has, want, digis;

	if (full)
		sct_out_puts(o, "fsa_ax25={");
	sct_out_puts(o, "sax25_call=");
	print_ax25_call(o, p + 2);
	sct_sa_field(o, "sax25_ndigis");
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
		sct_sa_field(o, "fsa_digipeater");
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

void sct_sa_print_x25(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sx25_addr={x25_addr=");
	sct_sa_quoted_cstr(o, p + 2, 16);
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

void sct_print_mac(struct sct_out *o, const unsigned char *a, size_t n)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_sa_print_hexstr_style(o, a, n);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	for (size_t k = 0; k < n; k++) {
		if (k)
			sct_out_putc(o, ':');
		sct_out_putc(o, sct_sa_hexdig[a[k] >> 4]);
		sct_out_putc(o, sct_sa_hexdig[a[k] & 15]);
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

void sct_sa_print_bt(struct sct_out *o, const unsigned char *p, size_t len)
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
			sct_sa_field(o, "hci_channel");
			sct_print_xlat(o, SCT_XLAT_hci_channels, get16(p + 4));
		}
		return;
	case 8:			/* sockaddr_sco */
		sct_out_puts(o, "sco_bdaddr=");
		sct_print_mac(o, p + 2, 6);
		return;
	case 10:		/* sockaddr_rc */
		sct_out_puts(o, "rc_bdaddr=");
		sct_print_mac(o, p + 2, 6);
		sct_sa_field(o, "rc_channel");
		sct_out_udec(o, p[8]);
		return;
	case 12: case 14:	/* sockaddr_l2, before and after l2_bdaddr_type */
		sct_out_puts(o, "l2_psm=");
		print_l2(o, get16(p + 2), SCT_XLAT_l2cap_psms, psm, 2, "L2CAP_PSM_???");
		sct_out_puts(o, ", l2_bdaddr=");
		sct_print_mac(o, p + 4, 6);
		sct_sa_field(o, "l2_cid");
		print_l2(o, get16(p + 10), SCT_XLAT_l2cap_cids, cid, 1, "L2CAP_CID_???");
		if (len == 14) {
			sct_sa_field(o, "l2_bdaddr_type");
			sct_print_xlat(o, SCT_XLAT_bdaddr_types, p[12]);
		}
		return;
	}
	sct_out_puts(o, "sa_data=");
	sct_sa_quoted(o, p + 2, len - 2);
}

/* --- the newer families -------------------------------------------------------------- */

void sct_sa_print_rxrpc(struct sct_out *o, const unsigned char *p, size_t len)
{
	unsigned tlen = get16(p + 6), fam = get16(p + 8);
	int eff = (int)tlen < (int)len - 8 ? (int)tlen : (int)len - 8;
	int rest = eff - 2 > 0 ? eff - 2 : 0;

	sct_out_puts(o, "srx_service=");
	sct_sa_xlat_verbose(o, SCT_XLAT_rxrpc_services, get16(p + 2));
	sct_sa_field(o, "transport_type");
	sct_print_xlat(o, SCT_XLAT_sock_types, get16(p + 4));
	sct_sa_field(o, "transport_len");
	sct_out_udec(o, tlen);
	sct_out_puts(o, ", transport={");
	if (fam == AF_INET_ || fam == AF_INET6_) {
		sct_out_puts(o, fam == AF_INET_ ? "sin={sin_family=" : "sin6={sin6_family=");
		sct_print_xlat(o, SCT_XLAT_addrfams, fam);
		if (tlen >= (fam == AF_INET_ ? 16u : (unsigned)SIN6_MIN_LEN)) {
			sct_out_puts(o, ", ");
			if (fam == AF_INET_)
				sct_sa_print_in(o, p + 8);
			else
				sct_sa_print_in6(o, p + 8, (size_t)eff);
		} else if (rest > 0) {
			sct_out_puts(o, ", ");
			sct_sa_quoted(o, p + 10, (size_t)rest);
		}
		sct_out_putc(o, '}');
	} else {
		sct_out_puts(o, "family=");
		sct_print_xlat(o, SCT_XLAT_addrfams, fam);
		if (rest > 0) {
			sct_out_puts(o, ", ");
			sct_sa_quoted(o, p + 10, (size_t)rest);
		}
	}
	sct_out_putc(o, '}');
}

void sct_sa_print_ieee802154(struct sct_out *o, const unsigned char *p)
{
	uint32_t type = sct_get32(p + 4);

	sct_out_puts(o, "addr={addr_type=");
	sct_sa_xlat_verbose(o, SCT_XLAT_ieee802154_addr_types, type);
	sct_sa_field(o, "pan_id");
	sct_sa_xlat_verbose(o, SCT_XLAT_ieee802154_pan_ids, get16(p + 8));
	if (type == 2) {		/* IEEE802154_ADDR_SHORT */
		sct_sa_field(o, "short_addr");
		sct_sa_xlat_verbose(o, SCT_XLAT_ieee802154_addrs, get16(p + 10));
	} else if (type != 0) {		/* not IEEE802154_ADDR_NONE */
		sct_sa_field(o, "hwaddr");
		if (o->cstyle != SCT_CONST_ABBREV)
			sct_sa_print_hexstr_style(o, p + 10, 8);
		if (o->cstyle != SCT_CONST_RAW) {
			if (o->cstyle == SCT_CONST_VERBOSE)
				sct_out_puts(o, " /* ");
			for (int k = 0; k < 8; k++) {
				if (k)
					sct_out_putc(o, ':');
				sct_out_putc(o, sct_sa_hexdig[p[10 + k] >> 4]);
				sct_out_putc(o, sct_sa_hexdig[p[10 + k] & 15]);
			}
			if (o->cstyle == SCT_CONST_VERBOSE)
				sct_out_puts(o, " */");
		}
	}
	sct_out_putc(o, '}');
}

void sct_sa_print_alg(struct sct_out *o, const unsigned char *p, size_t len)
{
	sct_out_puts(o, "salg_type=");
	sct_sa_quoted_cstr(o, p + 2, 14);
	sct_sa_field(o, "salg_feat");
	sct_sa_xlat_verbose(o, SCT_XLAT_alg_flags, sct_get32(p + 16));
	sct_sa_field(o, "salg_mask");
	sct_sa_xlat_verbose(o, SCT_XLAT_alg_flags, sct_get32(p + 20));
	sct_sa_field(o, "salg_name");
	sct_sa_quoted_cstr(o, p + 24, len - 24);
}

void sct_sa_print_nfc(struct sct_out *o, const unsigned char *p, size_t len)
{
	uint64_t snlen;

	sct_out_puts(o, "dev_idx=");
	sct_print_ifindex(o, sct_get32(p + 4));
	sct_sa_field(o, "target_idx");
	sct_out_hex(o, sct_get32(p + 8));
	sct_sa_field(o, "nfc_protocol");
	sct_print_xlat(o, SCT_XLAT_nfc_protos, sct_get32(p + 12));
	if (len < 96) {		/* struct sockaddr_nfc_llcp */
		if (len > 16)
			sct_out_puts(o, ", ...");
		return;
	}
	snlen = sct_get64(p + 88);
	sct_sa_field(o, "dsap");
	sct_sa_xlat_verbose(o, SCT_XLAT_nfc_saps, p[16]);
	sct_sa_field(o, "ssap");
	sct_sa_xlat_verbose(o, SCT_XLAT_nfc_saps, p[17]);
	sct_sa_field(o, "service_name");
	sct_sa_quoted(o, p + 18, snlen < 63 ? (size_t)snlen : 63);
	sct_sa_field(o, "service_name_len");
	sct_out_udec(o, snlen);
}

void sct_sa_print_vsock(struct sct_out *o, const unsigned char *p)
{
	if (get16(p + 2)) {
		sct_out_puts(o, "svm_reserved1=");
		sct_out_hex(o, get16(p + 2));
		sct_out_puts(o, ", ");
	}
	sct_out_puts(o, "svm_cid=");
	sct_print_xlat(o, SCT_XLAT_vsock_cids, sct_get32(p + 8));
	sct_sa_field(o, "svm_port");
	sct_print_xlat(o, SCT_XLAT_vsock_ports, sct_get32(p + 4));
	sct_sa_field(o, "svm_flags");
	sct_print_xlat(o, SCT_XLAT_vsock_flags, p[12]);
	if (p[13] || p[14] || p[15]) {
		sct_sa_field(o, "svm_zero");
		sct_sa_print_hexstr_style(o, p + 13, 3);
	}
}

void sct_sa_print_qrtr(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "sq_node=");
	sct_print_xlat(o, SCT_XLAT_qrtr_nodes, sct_get32(p + 4));
	sct_sa_field(o, "sq_port");
	sct_print_xlat(o, SCT_XLAT_qrtr_ports, sct_get32(p + 8));
}

void sct_sa_print_xdp(struct sct_out *o, const unsigned char *p, const struct sct_dec *call)
{
	int arg = call ? sct_find_kind(call, SCT_K_SADDR_IN) : -1;

	uint16_t flags = get16(p + 2);
	uint32_t fd = sct_get32(p + 12);

	sct_out_puts(o, "sxdp_flags=");
	sct_print_xlat(o, SCT_XLAT_xdp_flags, flags);
	sct_sa_field(o, "sxdp_ifindex");
	sct_print_ifindex(o, sct_get32(p + 4));
	sct_sa_field(o, "sxdp_queue_id");
	sct_out_udec(o, sct_get32(p + 8));
	if (flags & 1) {		/* XDP_SHARED_UMEM: the fd is one */
		sct_sa_field(o, "sxdp_shared_umem_fd");
		if (arg >= 0 && call->o == o)	/* -y: its path (preload/fdpath.c) */
			sct_print_fd(call, (unsigned)arg, (int32_t)fd);
		else
			sct_out_dec(o, (int32_t)fd);
	} else if (fd) {
		sct_sa_field(o, "sxdp_shared_umem_fd");
		sct_out_hex(o, fd);
	}
}

void sct_sa_print_mctp(struct sct_out *o, const unsigned char *p)
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
	sct_sa_field(o, "smctp_type");
	sct_out_hex(o, p[9]);
	sct_sa_field(o, "smctp_tag");
	sct_out_hex(o, p[10]);
	if (p[11]) {
		sct_sa_field(o, "__smctp_pad1");
		sct_out_hex(o, p[11]);
	}
}
