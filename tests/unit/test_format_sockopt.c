/* Socket option values (format/sockopt.c, sockopt_ip.c, ifindex.c): records built by
 * hand, compared with what strace 6.1 prints for the same values (its test suite's
 * so_linger, so_peercred, so_error, sockopt-sol_socket, net-icmp_filter, ip_mreq,
 * group_req, net-packet_mreq and net-tpacket_* expectations). */
#include <criterion/criterion.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "format_rec.h"
#include "netfmt.h"
#include "bpf_filter.h"

static struct trec t;

static const struct sct_call c_setsockopt = { "setsockopt", 0, 5, SCT_R_INT,
	{ A(FD, NOAUX), A(SOL, NOAUX), A(SOCKOPT, 1), A(SOPT_IN, 4), A(INT, NOAUX) } };
static const struct sct_call c_getsockopt = { "getsockopt", 0, 5, SCT_R_INT,
	{ A(FD, NOAUX), A(SOL, NOAUX), A(SOCKOPT, 1), A(SOPT_OUT, 4), A(SOCKLEN_IO, NOAUX) } };
#define VAL 0x7ffcd164dde4ull
#define LEN 0x7ffcd164ddf0ull

/* getsockopt(3, level, name, VAL, LEN) = 0 with *LEN ulen => rlen and `n` bytes of
 * value captured; its value argument as printed */
static const char *get(uint32_t level, uint32_t name, const void *v, uint32_t n, uint32_t ulen,
		       uint32_t rlen)
{
	trec_init(&t, 0, 3, level, name, VAL, LEN, 0);
	if (v)
		trec_blob(&t, 3, SCT_BLOB_OUT, v, n, 0);
	trec_blob(&t, 4, SCT_BLOB_IN, &ulen, 4, 0);
	trec_blob(&t, 4, SCT_BLOB_OUT, &rlen, 4, 0);
	return trec_arg(&t, &c_getsockopt, 3);
}

/* setsockopt(-1, level, name, VAL, len) = -1 EBADF with `n` bytes captured */
static const char *set(uint32_t level, uint32_t name, const void *v, uint32_t n, int32_t len)
{
	trec_init(&t, -9, (uint64_t)-1, level, name, VAL, (uint64_t)(int64_t)len, 0);
	if (v)
		trec_blob(&t, 3, SCT_BLOB_IN, v, n, 0);
	return trec_arg(&t, &c_setsockopt, 3);
}

Test(format_sockopt, linger_cut_at_returned_length)
{
	int32_t lg[2] = { 1, -1752346657 };

	cr_assert_str_eq(get(1, 13, lg, 8, 9, 8), "{l_onoff=1, l_linger=-1752346657}");
	cr_assert_str_eq(get(1, 13, lg, 3, 3, 3), "{l_onoff=\"\\x01\\x00\\x00\"}");
	cr_assert_str_eq(get(1, 13, lg, 4, 4, 4), "{l_onoff=1}");
	cr_assert_str_eq(get(1, 13, lg, 7, 7, 7), "{l_onoff=1, l_linger=\"\\xdf\\x4f\\x8d\"}");
	/* bytes the kernel reported but that could not be read: the address */
	cr_assert_str_eq(get(1, 13, lg, 4, 8, 8), "0x7ffcd164dde4");
	/* setsockopt: the whole struct or the address */
	cr_assert_str_eq(set(1, 13, lg, 8, 8), "{l_onoff=1, l_linger=-1752346657}");
	cr_assert_str_eq(set(1, 13, lg, 7, 7), "0x7ffcd164dde4");
	cr_assert_str_eq(set(1, 13, lg, 4, 8), "0x7ffcd164dde4");
}

Test(format_sockopt, peercred_ids)
{
	int32_t uc[3] = { 2702, -1, 1000 };

	cr_assert_str_eq(get(1, 17, uc, 12, 12, 12), "{pid=2702, uid=-1, gid=1000}");
	cr_assert_str_eq(get(1, 17, uc, 12, 13, 12), "{pid=2702, uid=-1, gid=1000}");
	cr_assert_str_eq(get(1, 17, uc, 11, 11, 11),
			 "{pid=2702, uid=-1, gid=\"\\xe8\\x03\\x00\"}");
	cr_assert_str_eq(get(1, 17, uc, 4, 4, 4), "{pid=2702}");
}

Test(format_sockopt, so_error_by_name)
{
	uint32_t e = 111, z = 0, odd = 5000;

	cr_assert_str_eq(get(1, 4, &e, 4, 4, 4), "[ECONNREFUSED]");
	cr_assert_str_eq(get(1, 4, &e, 4, 5, 4), "[ECONNREFUSED]");
	cr_assert_str_eq(get(1, 4, &z, 4, 4, 4), "[0]");
	cr_assert_str_eq(get(1, 4, &odd, 4, 4, 4), "[5000]");
	cr_assert_str_eq(get(1, 4, &e, 3, 3, 3), "\"\\x6f\\x00\\x00\"");
}

Test(format_sockopt, ints_and_strings)
{
	int32_t v = 1234567890;
	char big[40];

	memset(big, 'a', sizeof(big));
	/* SOL_SOCKET ints: 4 bytes of a longer optlen; shorter is the address on set,
	 * hex on get */
	cr_assert_str_eq(set(1, 7, &v, 4, 5), "[1234567890]");
	cr_assert_str_eq(set(1, 7, &v, 4, 3), "0x7ffcd164dde4");
	cr_assert_str_eq(get(1, 7, &v, 3, 3, 3), "\"\\xd2\\x02\\x96\"");
	/* other options: an int at exactly 4 bytes, else strace's printstrn, which
	 * prints the address when it cannot read min(len, -s + 1) bytes */
	cr_assert_str_eq(set(1, 3, &v, 4, 4), "[1234567890]");
	cr_assert_str_eq(set(1, 3, &v, 4, 5), "0x7ffcd164dde4");
	cr_assert_str_eq(get(1, 3, "\2\0\0", 3, 3, 3), "\"\\2\\0\\0\"");
	cr_assert_str_eq(set(1, 3, "\0\0\0", 3, 3), "\"\\0\\0\\0\"");
	cr_assert_str_eq(set(1, 3, NULL, 0, 4), "0x7ffcd164dde4");
	/* a negative optlen reaches the kernel as a huge one */
	cr_assert_str_eq(set(0, 2, big, 33, -1), "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"...");
	cr_assert_str_eq(set(0, 2, big, 32, -1), "0x7ffcd164dde4");
	cr_assert_str_eq(set(1, 13, big, 33, -1), "0x7ffcd164dde4");
}

Test(format_sockopt, txrehash_and_names)
{
	int32_t d = 255, u = 2;

	cr_assert_str_eq(set(1, 74, &d, 4, 4), "[SOCK_TXREHASH_DEFAULT]");
	cr_assert_str_eq(get(1, 74, &u, 4, 4, 4), "[2 /* SOCK_TXREHASH_??? */]");
	/* getsockopt reads the filter back as SO_GET_FILTER */
	get(1, 26, NULL, 0, 4, 4);
	cr_assert_str_eq(trec_arg(&t, &c_getsockopt, 2), "SO_GET_FILTER");
	set(1, 26, NULL, 0, 4);
	cr_assert_str_eq(trec_arg(&t, &c_setsockopt, 2), "SO_ATTACH_FILTER");
	{
		/* struct sock_fprog { unsigned short len; struct sock_filter *filter; } */
		unsigned char fp[16] = { 3, 0, [8] = 0x20, 0x30, 0x40, 0x50, 0xfc, 0x7f };
		cr_assert_str_eq(set(1, 26, fp, 16, 16), "{len=3, filter=0x7ffc50403020}");
		cr_assert_str_eq(set(1, 51, fp, 16, 16), "{len=3, filter=0x7ffc50403020}");
		cr_assert_str_eq(set(1, 26, fp, 16, 17), "0x7ffcd164dde4");
		cr_assert_str_eq(set(1, 26, fp, 8, 16), "0x7ffcd164dde4");
		cr_assert_str_eq(get(1, 26, fp, 16, 16, 16), "0x7ffcd164dde4");
	}
	set(41, 42, NULL, 0, 4);
	cr_assert_str_eq(trec_arg(&t, &c_setsockopt, 2), "MCAST_JOIN_GROUP");
	set(255, 1, NULL, 0, 4);
	cr_assert_str_eq(trec_arg(&t, &c_setsockopt, 2), "ICMP_FILTER");
	set(270, 9, NULL, 0, 4);
	cr_assert_str_eq(trec_arg(&t, &c_setsockopt, 2), "NETLINK_LIST_MEMBERSHIPS");
}

Test(format_sockopt, icmp_filter)
{
	uint32_t f = 1u << 0 | 1u << 8 | 1u << 5;
	uint32_t all = UINT32_MAX, none = 0, odd = 1u << 1;
	uint32_t many = ~(1u << 3 | 1u << 11);

	cr_assert_str_eq(set(255, 1, &f, 4, 4), "[ICMP_ECHOREPLY ICMP_REDIRECT ICMP_ECHO]");
	cr_assert_str_eq(set(255, 1, &all, 4, 4), "~[]");
	cr_assert_str_eq(set(255, 1, &none, 4, 4), "[]");
	cr_assert_str_eq(set(255, 1, &odd, 4, 4), "[0x1 /* ICMP_??? */]");
	cr_assert_str_eq(set(255, 1, &many, 4, 8), "~[ICMP_DEST_UNREACH ICMP_TIME_EXCEEDED]");
	/* a short value: the bytes not given stay set */
	cr_assert_str_eq(set(255, 1, &none, 1, 1),
			 "~[ICMP_ECHOREPLY 0x1 /* ICMP_??? */ 0x2 /* ICMP_??? */ ICMP_DEST_UNREACH "
			 "ICMP_SOURCE_QUENCH ICMP_REDIRECT 0x6 /* ICMP_??? */ 0x7 /* ICMP_??? */]");
	cr_assert_str_eq(set(255, 1, &f, 4, -2), "0x7ffcd164dde4");
	cr_assert_str_eq(set(255, 1, &f, 0, 4), "0x7ffcd164dde4");
	cr_assert_str_eq(get(255, 1, &f, 4, 4, 4), "[ICMP_ECHOREPLY ICMP_REDIRECT ICMP_ECHO]");
}

Test(format_sockopt, memberships)
{
	unsigned char m[8] = { 224, 0, 0, 3, 127, 0, 0, 1 };
	unsigned char m6[20] = { 0xff, 1, [15] = 0xc };
	unsigned char g[136] = { 0 };
	uint32_t idx = 12345678;

	memcpy(m6 + 16, &idx, 4);
	cr_assert_str_eq(set(0, 35, m, 8, 8),
			 "{imr_multiaddr=inet_addr(\"224.0.0.3\"), imr_interface=inet_addr(\"127.0.0.1\")}");
	cr_assert_str_eq(set(0, 36, m, 8, 2147483647),
			 "{imr_multiaddr=inet_addr(\"224.0.0.3\"), imr_interface=inet_addr(\"127.0.0.1\")}");
	cr_assert_str_eq(set(0, 35, m, 7, 7), "0x7ffcd164dde4");
	cr_assert_str_eq(set(0, 35, m, 7, 8), "0x7ffcd164dde4");
	cr_assert_str_eq(set(41, 20, m6, 20, 20),
			 "{inet_pton(AF_INET6, \"ff01::c\", &ipv6mr_multiaddr), ipv6mr_interface=12345678}");
	cr_assert_str_eq(set(41, 27, m6, 19, 19), "0x7ffcd164dde4");
	memcpy(g, &idx, 4);
	g[8] = 2;
	g[10] = 0xff;
	g[11] = 0xff;
	memcpy(g + 12, m, 4);
	cr_assert_str_eq(set(0, 42, g, 136, 136),
			 "{gr_interface=12345678, gr_group={sa_family=AF_INET, sin_port=htons(65535), sin_addr=inet_addr(\"224.0.0.3\")}}");
	cr_assert_str_eq(set(41, 45, g, 135, 135), "0x7ffcd164dde4");
}

Test(format_sockopt, packet)
{
	uint32_t tp[4] = { 4096, 2, 2048, 4 };
	unsigned char pm[16] = { 0x4e, 0x61, 0xbc, 0, 1, 0, 3, 0, 0xa, 0xb, 0xc, 0xd };

	cr_assert_str_eq(set(263, 5, tp, 16, 16),
			 "{tp_block_size=4096, tp_block_nr=2, tp_frame_size=2048, tp_frame_nr=4}");
	cr_assert_str_eq(set(263, 13, tp, 16, 17), "0x7ffcd164dde4");
	cr_assert_str_eq(get(263, 6, tp, 12, 12, 12), "{tp_packets=4096, tp_drops=2, tp_freeze_q_cnt=2048}");
	cr_assert_str_eq(get(263, 6, tp, 8, 8, 8), "{tp_packets=4096, tp_drops=2}");
	cr_assert_str_eq(set(263, 1, pm, 16, 16),
			 "{mr_ifindex=12345678, mr_type=PACKET_MR_PROMISC, mr_alen=3, mr_address=0a:0b:0c}");
}

Test(format_sockopt, ifindex)
{
	char name[IF_NAMESIZE], want[64];
	struct sct_out o;
	char buf[64];

	/* the interface with index 1 (lo, where there is one) by name, as strace asks */
	if (if_indextoname(1, name))
		snprintf(want, sizeof(want), "if_nametoindex(\"%s\")", name);
	else
		snprintf(want, sizeof(want), "1");
	sct_out_init(&o, buf, sizeof(buf) - 1, -1);
	sct_print_ifindex(&o, 1);
	buf[o.len] = 0;
	cr_assert_str_eq(buf, want);
	sct_out_init(&o, buf, sizeof(buf) - 1, -1);
	sct_print_ifindex(&o, 0);
	buf[o.len] = 0;
	cr_assert_str_eq(buf, "0");
}

Test(format_sockopt, cmsg_type_names)
{
	struct sct_out o;
	char buf[64];

	sct_out_init(&o, buf, sizeof(buf) - 1, -1);
	sct_print_cmsg_type(&o, 1, 29);
	buf[o.len] = 0;
	cr_assert_str_eq(buf, "SO_TIMESTAMP_OLD");
	sct_out_init(&o, buf, sizeof(buf) - 1, -1);
	sct_print_cmsg_type(&o, 1, 64);
	buf[o.len] = 0;
	cr_assert_str_eq(buf, "SO_TIMESTAMPNS_NEW");
}

/* -v: a socket filter's classic BPF instructions, names under each -X style (strace's
 * sock_filter-v expectations): a jump, an absolute load from SKF_NET_OFF, a return */
Test(format_sockopt, bpf_insns)
{
	static const unsigned char prog[] = {
		0x30, 0, 0, 0, 0x08, 0x00, 0xf0, 0xff,		/* ld b [SKF_NET_OFF+8] */
		0x15, 0, 0, 5, 0x11, 0, 0, 0,			/* jeq #0x11, 0, 5 */
		0x06, 0, 0, 0, 0xff, 0xff, 0xff, 0xff,		/* ret #0xffffffff */
	};
	struct sct_out o;
	char buf[512];

	sct_out_init(&o, buf, sizeof(buf) - 1, -1);
	sct_print_bpf_insns(&o, prog, sizeof(prog), 3);
	buf[o.len] = 0;
	cr_assert_str_eq(buf, "[BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+8), "
			 "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x11, 0, 0x5), BPF_STMT(BPF_RET|BPF_K, 0xffffffff)]");
	sct_out_init(&o, buf, sizeof(buf) - 1, -1);
	o.cstyle = SCT_CONST_RAW;
	sct_print_bpf_insns(&o, prog, 8, 3);	/* one captured of three */
	buf[o.len] = 0;
	cr_assert_str_eq(buf, "[BPF_STMT(0|0x10|0x20, 0xfff00000+8), ...]");
}
