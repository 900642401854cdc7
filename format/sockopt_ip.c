/* Socket option values of the IP levels and their neighbours, as strace 6.1 prints
 * them: SOL_IP and SOL_IPV6 group memberships (ip_mreq, ipv6_mreq, group_req),
 * SOL_RAW's ICMP_FILTER, SOL_PACKET's rings, memberships and statistics, and
 * SOL_NETLINK's ints.  Struct layouts from <linux/in.h>, <linux/in6.h>,
 * <linux/icmp.h>, <linux/if_packet.h>. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "sockopt.h"
#include "xlattab.h"

enum { AF_INET_ = 2, AF_INET6_ = 10 };
enum {
	IP_ADD_MEMBERSHIP_ = 35, IP_DROP_MEMBERSHIP_ = 36,
	MCAST_JOIN_GROUP_ = 42, MCAST_LEAVE_GROUP_ = 45,
	IPV6_ADD_MEMBERSHIP_ = 20, IPV6_DROP_MEMBERSHIP_ = 21,
	IPV6_JOIN_ANYCAST_ = 27, IPV6_LEAVE_ANYCAST_ = 28,
	ICMP_FILTER_ = 1,
	PACKET_ADD_MEMBERSHIP_ = 1, PACKET_DROP_MEMBERSHIP_ = 2, PACKET_RX_RING_ = 5,
	PACKET_STATISTICS_ = 6, PACKET_TX_RING_ = 13,
	NETLINK_LIST_MEMBERSHIPS_ = 9,
};

/* sizeof struct ip_mreq, ipv6_mreq, group_req (x86-64), tpacket_req, packet_mreq */
enum { MREQ_SIZE = 8, MREQ6_SIZE = 20, GROUP_REQ_SIZE = 136, TPREQ_SIZE = 16,
       PMREQ_SIZE = 16 };

/* Whole structs only: a shorter optlen, or one the program could not back with
 * readable memory, prints the address. */
static int whole(const struct sopt *v, size_t size)
{
	if (v->len < (int32_t)size || v->n < size) {
		sct_sopt_addr(v);
		return 0;
	}
	return 1;
}

static void print_mreq(const struct sopt *v)
{
	struct sct_out *o = v->o;

	if (!whole(v, MREQ_SIZE))
		return;
	sct_out_puts(o, "{imr_multiaddr=inet_addr(\"");
	sct_print_inet_addr(o, AF_INET_, v->p);
	sct_out_puts(o, "\"), imr_interface=inet_addr(\"");
	sct_print_inet_addr(o, AF_INET_, v->p + 4);
	sct_out_puts(o, "\")}");
}

static void print_mreq6(const struct sopt *v)
{
	struct sct_out *o = v->o;

	if (!whole(v, MREQ6_SIZE))
		return;
	sct_out_puts(o, "{inet_pton(AF_INET6, \"");
	sct_print_inet_addr(o, AF_INET6_, v->p);
	sct_out_puts(o, "\", &ipv6mr_multiaddr), ipv6mr_interface=");
	sct_print_ifindex(o, sct_get32(v->p + 16));
	sct_out_putc(o, '}');
}

static void print_group_req(const struct sopt *v)
{
	struct sct_out *o = v->o;

	if (!whole(v, GROUP_REQ_SIZE))
		return;
	sct_out_puts(o, "{gr_interface=");
	sct_print_ifindex(o, sct_get32(v->p));
	/* gr_group is a sockaddr_storage after 4 bytes of padding */
	sct_out_puts(o, ", gr_group=");
	sct_print_sockaddr(o, v->p + 8, GROUP_REQ_SIZE - 8);
	sct_out_putc(o, '}');
}

/* The types an ICMP_FILTER blocks, a bit each: [ICMP_ECHO ICMP_REDIRECT], or the
 * ones it lets through, ~[...], when more than half are set (strace's choice). */
static void print_icmp_filter(const struct sopt *v)
{
	struct sct_out *o = v->o;
	uint32_t bits = UINT32_MAX;
	size_t len = v->len > 4 ? 4 : (size_t)(v->len > 0 ? v->len : 0);
	int first = 1;

	if (!len || v->n < len) {
		sct_sopt_addr(v);
		return;
	}
	for (size_t k = 0; k < len; k++)	/* a short value leaves the rest set */
		bits = (bits & ~(0xffu << 8 * k)) | (uint32_t)v->p[k] << 8 * k;
	if (__builtin_popcount(bits) > 16) {
		sct_out_putc(o, '~');
		bits = ~bits;
	}
	sct_out_putc(o, '[');
	for (unsigned b = 0; b < 32; b++) {
		if (!(bits >> b & 1))
			continue;
		if (!first)
			sct_out_putc(o, ' ');
		first = 0;
		sct_print_xlat(o, SCT_XLAT_icmp_filter_types, b);
	}
	sct_out_putc(o, ']');
}

static const char *const tpreq_f[] = { "tp_block_size", "tp_block_nr", "tp_frame_size",
				       "tp_frame_nr" };
static const char *const tpstats_f[] = { "tp_packets", "tp_drops", "tp_freeze_q_cnt" };

/* strace reads these two only when optlen is exactly the struct's size */
static int exact(const struct sopt *v, size_t size)
{
	if (v->len != (int32_t)size || v->n < size) {
		sct_sopt_addr(v);
		return 0;
	}
	return 1;
}

static void print_packet_mreq(const struct sopt *v)
{
	struct sct_out *o = v->o;
	unsigned alen;

	if (!exact(v, PMREQ_SIZE))
		return;
	alen = (unsigned)v->p[6] | (unsigned)v->p[7] << 8;
	sct_out_puts(o, "{mr_ifindex=");
	sct_print_ifindex(o, sct_get32(v->p));
	sct_out_puts(o, ", mr_type=");
	sct_print_xlat(o, SCT_XLAT_packet_mreq_types, (unsigned)v->p[4] | (unsigned)v->p[5] << 8);
	sct_out_puts(o, ", mr_alen=");
	sct_out_udec(o, alen);
	sct_out_puts(o, ", mr_address=");
	sct_print_mac(o, v->p + 8, alen < 8 ? alen : 8);	/* 00:11:22, with -X */
	sct_out_putc(o, '}');
}

/* NETLINK_LIST_MEMBERSHIPS: the group bitmap as an array of u32 */
static void print_u32_array(const struct sopt *v)
{
	struct sct_out *o = v->o;
	size_t cnt = (size_t)(v->ulen < v->len ? v->ulen : v->len) / 4;

	if (!cnt) {
		sct_out_puts(o, "[]");
		return;
	}
	if (v->n < 4) {
		sct_sopt_addr(v);
		return;
	}
	sct_out_putc(o, '[');
	for (size_t k = 0; k < cnt; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= v->strsize || 4 * k + 4 > v->n) {
			sct_out_puts(o, "...");
			break;
		}
		sct_out_udec(o, sct_get32(v->p + 4 * k));
	}
	sct_out_putc(o, ']');
}

int sct_sopt_ip(const struct sopt *v, uint32_t level, uint32_t name)
{
	switch (level) {
	case SOL_IP_:
		if (v->get)
			return -1;
		if (name == IP_ADD_MEMBERSHIP_ || name == IP_DROP_MEMBERSHIP_)
			print_mreq(v);
		else if (name == MCAST_JOIN_GROUP_ || name == MCAST_LEAVE_GROUP_)
			print_group_req(v);
		else
			return -1;
		return 0;
	case SOL_IPV6_:
		if (v->get)
			return -1;
		if (name == IPV6_ADD_MEMBERSHIP_ || name == IPV6_DROP_MEMBERSHIP_ ||
		    name == IPV6_JOIN_ANYCAST_ || name == IPV6_LEAVE_ANYCAST_)
			print_mreq6(v);
		else if (name == MCAST_JOIN_GROUP_ || name == MCAST_LEAVE_GROUP_)
			print_group_req(v);
		else
			return -1;
		return 0;
	case SOL_RAW_:
		if (name != ICMP_FILTER_)
			return -1;
		print_icmp_filter(v);
		return 0;
	case SOL_PACKET_:
		if (v->get && name == PACKET_STATISTICS_)
			sct_sopt_fields(v, (size_t)v->len, tpstats_f, "uuu");
		else if (!v->get && (name == PACKET_RX_RING_ || name == PACKET_TX_RING_)) {
			if (exact(v, TPREQ_SIZE))
				sct_sopt_fields(v, TPREQ_SIZE, tpreq_f, "uuuu");
		} else if (!v->get && (name == PACKET_ADD_MEMBERSHIP_ ||
				       name == PACKET_DROP_MEMBERSHIP_))
			print_packet_mreq(v);
		else
			return -1;
		return 0;
	case SOL_NETLINK_:
		/* strace reads an int whatever the length, and prints the address of a
		 * shorter setsockopt value */
		if (v->get && name == NETLINK_LIST_MEMBERSHIPS_)
			print_u32_array(v);
		else if (!v->get && v->len < 4)
			sct_sopt_addr(v);
		else
			sct_sopt_int(v);
		return 0;
	}
	return -1;
}
