/* Socket ioctls (type 0x89, <linux/sockios.h>), as strace decodes them: the struct
 * ifreq of the interface commands (its name, then the field each command sets or
 * gets), bridge names, the process group and other ints, struct ifconf; the
 * commands strace does not decode further print their argument as an address. */
#include <stddef.h>
#include <string.h>
#include <linux/ioctl.h>
#include <net/if.h>
#include <linux/if_arp.h>
#include <linux/sockios.h>
#include "ioctl.h"
#include "netfmt.h"
#include "xlattab.h"

#define IFREQ_SIZE 40

static const struct sct_xlat iff_flags[] = {
	{ 1u << 0, "IFF_UP" }, { 1u << 1, "IFF_BROADCAST" }, { 1u << 2, "IFF_DEBUG" },
	{ 1u << 3, "IFF_LOOPBACK" }, { 1u << 4, "IFF_POINTOPOINT" },
	{ 1u << 5, "IFF_NOTRAILERS" }, { 1u << 6, "IFF_RUNNING" }, { 1u << 7, "IFF_NOARP" },
	{ 1u << 8, "IFF_PROMISC" }, { 1u << 9, "IFF_ALLMULTI" }, { 1u << 10, "IFF_MASTER" },
	{ 1u << 11, "IFF_SLAVE" }, { 1u << 12, "IFF_MULTICAST" }, { 1u << 13, "IFF_PORTSEL" },
	{ 1u << 14, "IFF_AUTOMEDIA" }, { 1u << 15, "IFF_DYNAMIC" }, { 1u << 16, "IFF_LOWER_UP" },
	{ 1u << 17, "IFF_DORMANT" }, { 1u << 18, "IFF_ECHO" }, { 0, NULL }
};

/* the bytes of a hardware address of type t, as strace's hwaddr_sizes; 14 (all of
 * sa_data) for the types it gives none */
static size_t hw_len(uint32_t t)
{
	switch (t) {
	case ARPHRD_NETROM: case ARPHRD_AX25: return 7;
	case ARPHRD_ETHER: case ARPHRD_IEEE802: case ARPHRD_LOOPBACK: case ARPHRD_FDDI:
	case ARPHRD_HIPPI: case ARPHRD_IEEE80211: return 6;
	case ARPHRD_ARCNET: case ARPHRD_MCTP: case ARPHRD_LOCALTLK: return 1;
	case ARPHRD_DLCI: return 2;
	case ARPHRD_IEEE1394: case ARPHRD_TUNNEL6: return 16;
	case ARPHRD_EUI64: return 8;
	case ARPHRD_INFINIBAND: return 20;
	case ARPHRD_ROSE: return 5;
	case ARPHRD_TUNNEL: case ARPHRD_SIT: case ARPHRD_IPGRE: case ARPHRD_IRDA: return 4;
	case ARPHRD_SLIP: case ARPHRD_X25: case ARPHRD_CAN: case ARPHRD_PPP:
	case ARPHRD_RAWHDLC: case ARPHRD_RAWIP: case ARPHRD_IPDDP: case ARPHRD_PIMREG: return 0;
	}
	return 14;
}

/* {sa_family=ARPHRD_ETHER, sa_data=01:02:03:04:05:06}: -X raw the 14 bytes in hex,
 * verbose both */
static void hwaddr(struct sct_out *o, const unsigned char *p)
{
	uint32_t t = (uint32_t)(p[0] | p[1] << 8);
	size_t n = hw_len(t) < 14 ? hw_len(t) : 14;
	int style = o->cstyle;

	sct_out_puts(o, "{sa_family=");
	sct_print_xlat(o, SCT_XLAT_arp_hw_types, t);
	sct_out_puts(o, ", sa_data=");
	if (style != SCT_CONST_ABBREV) {
		int saved = o->xstyle;

		o->xstyle = SCT_XSTR_ALL;
		sct_print_quoted(o, p + 2, 14, 14, 0);
		o->xstyle = saved;
	}
	if (style == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	if (style != SCT_CONST_RAW) {
		o->cstyle = SCT_CONST_ABBREV;
		for (size_t k = 0; k < n; k++) {
			static const char hex[] = "0123456789abcdef";

			if (k)
				sct_out_putc(o, ':');
			sct_out_putc(o, hex[p[2 + k] >> 4]);
			sct_out_putc(o, hex[p[2 + k] & 15]);
		}
		o->cstyle = style;
	}
	if (style == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
	sct_out_putc(o, '}');
}

static void name(struct sct_out *o, const char *field, const unsigned char *p)
{
	sct_out_puts(o, field);
	sct_ioctl_cstring(o, p, IFNAMSIZ);
}

/* the union after ifr_name (at 16), as command `code` uses it */
static void ifreq_field(const struct sct_dec *d, uint32_t code, const unsigned char *p)
{
	struct sct_out *o = d->o;
	const unsigned char *u = p + IFNAMSIZ;

	switch (code) {
	case SIOCSIFADDR: case SIOCGIFADDR:
		sct_out_puts(o, "ifr_addr=");
		sct_print_sockaddr_of(d, u, 16);
		break;
	case SIOCSIFDSTADDR: case SIOCGIFDSTADDR:
		sct_out_puts(o, "ifr_dstaddr=");
		sct_print_sockaddr_of(d, u, 16);
		break;
	case SIOCSIFBRDADDR: case SIOCGIFBRDADDR:
		sct_out_puts(o, "ifr_broadaddr=");
		sct_print_sockaddr_of(d, u, 16);
		break;
	case SIOCSIFNETMASK: case SIOCGIFNETMASK:
		sct_out_puts(o, "ifr_netmask=");
		sct_print_sockaddr_of(d, u, 16);
		break;
	case SIOCADDMULTI: case SIOCDELMULTI: case SIOCGIFHWADDR: case SIOCSIFHWADDR:
	case SIOCSIFHWBROADCAST:
		sct_out_puts(o, "ifr_hwaddr=");
		hwaddr(o, u);
		break;
	case SIOCSIFFLAGS: case SIOCGIFFLAGS:
		sct_out_puts(o, "ifr_flags=");
		sct_print_flags(o, iff_flags, (uint32_t)(u[0] | u[1] << 8), "IFF_???");
		break;
	case SIOCGIFINDEX:
		sct_ioc_field_d(o, "ifr_ifindex=", (int32_t)sct_get32(u));
		break;
	case SIOCSIFMETRIC: case SIOCGIFMETRIC:
		sct_ioc_field_d(o, "ifr_metric=", (int32_t)sct_get32(u));
		break;
	case SIOCSIFMTU: case SIOCGIFMTU:
		sct_ioc_field_d(o, "ifr_mtu=", (int32_t)sct_get32(u));
		break;
	case SIOCSIFSLAVE: case SIOCGIFSLAVE:
		name(o, "ifr_slave=", u);
		break;
	case SIOCSIFNAME:
		name(o, "ifr_newname=", u);
		break;
	case SIOCGIFNAME:
		name(o, "ifr_name=", p);
		break;
	case SIOCSIFTXQLEN: case SIOCGIFTXQLEN:
		sct_ioc_field_d(o, "ifr_qlen=", (int32_t)sct_get32(u));
		break;
	case SIOCSIFMAP: case SIOCGIFMAP:
		sct_out_puts(o, "ifr_map={mem_start=");
		sct_out_hex(o, sct_get64(u));
		sct_out_puts(o, ", mem_end=");
		sct_out_hex(o, sct_get64(u + 8));
		sct_out_puts(o, ", base_addr=");
		sct_out_hex(o, (uint32_t)(u[16] | u[17] << 8));
		sct_out_puts(o, ", irq=");
		sct_out_hex(o, u[18]);
		sct_out_puts(o, ", dma=");
		sct_out_hex(o, u[19]);
		sct_out_puts(o, ", port=");
		sct_out_hex(o, u[20]);
		sct_out_putc(o, '}');
		break;
	}
}

static void ifc_len(struct sct_out *o, int32_t len)
{
	uint32_t n = (uint32_t)len / IFREQ_SIZE;

	sct_out_dec(o, len);
	if (len > 0 && n * IFREQ_SIZE == (uint32_t)len) {
		sct_out_puts(o, " /* ");
		sct_out_udec(o, n);
		sct_out_puts(o, " * sizeof(struct ifreq) */");
	}
}

/* struct ifconf (16 bytes: ifc_len, ifc_buf) as given, and as returned with the
 * ifreqs it got after it (the OUT blob, when the call succeeded) */
static void ifconf(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *e = sct_ioctl_in(d, i, 16), *x = sct_ioctl_out(d, i, 16);
	const struct sct_blob *b = x ? sct_ioctl_out_blob(d, i) : NULL;
	int32_t elen, xlen;
	uint64_t ebuf, xbuf;
	uint32_t n, have;

	if (!e) {
		sct_print_addr(o, arg);
		return;
	}
	if (!x)
		x = e;		/* a failed call left it as it was */
	elen = (int32_t)sct_get32(e);
	ebuf = sct_get64(e + 8);
	xlen = (int32_t)sct_get32(x);
	xbuf = sct_get64(x + 8);
	sct_out_puts(o, "{ifc_len=");
	if (ebuf)
		ifc_len(o, elen);
	if (ebuf && elen != xlen)
		sct_out_puts(o, " => ");
	if (!ebuf || elen != xlen)
		ifc_len(o, xlen);
	sct_out_puts(o, ", ifc_buf=");
	if (!ebuf || sct_failed(d->r) || !b) {
		sct_print_addr(o, ebuf);
		if (ebuf != xbuf) {
			sct_out_puts(o, " => ");
			sct_print_addr(o, xbuf);
		}
	} else if (!(n = (uint32_t)xlen / IFREQ_SIZE)) {
		sct_out_puts(o, "[]");
	} else if (!(have = (b->len - 16) / IFREQ_SIZE)) {
		sct_print_addr(o, xbuf);
	} else {
		for (uint32_t k = 0; k < n && k < have; k++) {
			const unsigned char *r = x + 16 + IFREQ_SIZE * k;

			sct_out_puts(o, k ? ", " : "[");
			if (!sct_no_abbrev(d) && k >= d->f->strsize) {
				sct_out_puts(o, "...");
				break;
			}
			name(o, "{ifr_name=", r);
			sct_out_puts(o, ", ifr_addr=");
			sct_print_sockaddr_of(d, r + IFNAMSIZ, 16);
			sct_out_putc(o, '}');
		}
		sct_out_putc(o, ']');
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_sock(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case SIOCGIFCONF:
		ifconf(d, i, arg);
		return SCT_IOCTL_DONE;
	case SIOCBRADDBR:
	case SIOCBRDELBR:
		sct_print_strarg(d, i, SCT_BLOB_IN, IFNAMSIZ);
		return SCT_IOCTL_DONE;
	case FIOGETOWN: case SIOCATMARK: case SIOCGIFENCAP: case SIOCGPGRP: case SIOCOUTQNSD:
		sct_ioctl_int(d, i, 1, 1);
		return SCT_IOCTL_DONE;
	case FIOSETOWN: case SIOCSIFENCAP: case SIOCSPGRP:
		sct_ioctl_int(d, i, 0, 1);
		return SCT_IOCTL_DONE;
	case SIOCBRADDIF:
	case SIOCBRDELIF:
		if (!(p = sct_ioctl_in(d, i, IFREQ_SIZE))) {
			sct_print_addr(o, arg);
			return SCT_IOCTL_DONE;
		}
		sct_out_puts(o, "{ifr_ifindex=");
		sct_print_ifindex(o, sct_get32(p + IFNAMSIZ));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case SIOCADDMULTI: case SIOCDELMULTI: case SIOCSIFADDR: case SIOCSIFBRDADDR:
	case SIOCSIFDSTADDR: case SIOCSIFFLAGS: case SIOCSIFHWADDR: case SIOCSIFHWBROADCAST:
	case SIOCSIFMAP: case SIOCSIFMETRIC: case SIOCSIFMTU: case SIOCSIFNAME:
	case SIOCSIFNETMASK: case SIOCSIFSLAVE: case SIOCSIFTXQLEN:
		if (!(p = sct_ioctl_in(d, i, IFREQ_SIZE))) {
			sct_print_addr(o, arg);
			return SCT_IOCTL_DONE;
		}
		name(o, "{ifr_name=", p);
		sct_out_puts(o, ", ");
		ifreq_field(d, code, p);
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case SIOCGIFADDR: case SIOCGIFBRDADDR: case SIOCGIFDSTADDR: case SIOCGIFFLAGS:
	case SIOCGIFHWADDR: case SIOCGIFINDEX: case SIOCGIFMAP: case SIOCGIFMETRIC:
	case SIOCGIFMTU: case SIOCGIFNAME: case SIOCGIFNETMASK: case SIOCGIFSLAVE:
	case SIOCGIFTXQLEN:
		if (!(p = sct_ioctl_in(d, i, IFREQ_SIZE))) {
			sct_print_addr(o, arg);
			return SCT_IOCTL_DONE;
		}
		if (code == SIOCGIFNAME)
			sct_ioc_field_d(o, "{ifr_ifindex=", (int32_t)sct_get32(p + IFNAMSIZ));
		else
			name(o, "{ifr_name=", p);
		if ((p = sct_ioctl_out(d, i, IFREQ_SIZE))) {
			sct_out_puts(o, ", ");
			ifreq_field(d, code, p);
		}
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case SIOCADDDLCI: case SIOCADDRT: case SIOCBONDCHANGEACTIVE: case SIOCBONDENSLAVE:
	case SIOCBONDINFOQUERY: case SIOCBONDRELEASE: case SIOCBONDSETHWADDR:
	case SIOCBONDSLAVEINFOQUERY: case SIOCDARP: case SIOCDELDLCI: case SIOCDELRT:
	case SIOCDIFADDR: case SIOCDRARP: case SIOCETHTOOL: case SIOCGARP: case SIOCGHWTSTAMP:
	case SIOCGIFBR: case SIOCGIFCOUNT: case SIOCGIFMEM: case SIOCGIFPFLAGS: case SIOCGIFVLAN:
	case SIOCGMIIPHY: case SIOCGMIIREG: case SIOCGRARP: case SIOCGSKNS:
	case SIOCGSTAMP_OLD: case SIOCGSTAMP_NEW: case SIOCGSTAMPNS_OLD: case SIOCGSTAMPNS_NEW:
	case SIOCRTMSG: case SIOCSARP: case SIOCSHWTSTAMP: case SIOCSIFBR: case SIOCSIFLINK:
	case SIOCSIFMEM: case SIOCSIFPFLAGS: case SIOCSIFVLAN: case SIOCSMIIREG: case SIOCSRARP:
	case SIOCWANDEV:
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	return SCT_IOCTL_DEFAULT;
}

/* bytes of the socket commands, which their numbers do not say */
int sct_ioctl_sock_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	(void)out;
	if (code >= 0x8901 && code <= 0x8905) {	/* FIOSETOWN..SIOCATMARK: an int */
		*in = 4;
		return 1;
	}
	switch (code) {
	case SIOCGIFENCAP: case SIOCSIFENCAP: case SIOCOUTQNSD:
		*in = 4;
		return 1;
	case SIOCBRADDIF: case SIOCBRDELIF:
	case SIOCADDMULTI: case SIOCDELMULTI: case SIOCSIFADDR: case SIOCSIFBRDADDR:
	case SIOCSIFDSTADDR: case SIOCSIFFLAGS: case SIOCSIFHWADDR: case SIOCSIFHWBROADCAST:
	case SIOCSIFMAP: case SIOCSIFMETRIC: case SIOCSIFMTU: case SIOCSIFNAME:
	case SIOCSIFNETMASK: case SIOCSIFSLAVE: case SIOCSIFTXQLEN:
	case SIOCGIFADDR: case SIOCGIFBRDADDR: case SIOCGIFDSTADDR: case SIOCGIFFLAGS:
	case SIOCGIFHWADDR: case SIOCGIFINDEX: case SIOCGIFMAP: case SIOCGIFMETRIC:
	case SIOCGIFMTU: case SIOCGIFNAME: case SIOCGIFNETMASK: case SIOCGIFSLAVE:
	case SIOCGIFTXQLEN:
		*in = IFREQ_SIZE;
		return 1;
	}
	return 0;
}
