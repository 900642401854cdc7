/* Socket addresses (format/sockaddr.c) and the -X styles of the constant printers
 * (format/print.c): connect() records built by hand, compared with the lines strace
 * 6.1 prints for the same bytes (its net-sockaddr and sockaddr_xlat-X* tests and
 * small programs run on this machine). */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_connect = { "connect", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(SADDR_IN, 2), A(INT, NOAUX) } };
static const struct sct_call c_socket = { "socket", 0, 3, SCT_R_INT,
	{ A(SOCKFAM, NOAUX), A(SOCKTYPE, NOAUX), A(SOCKPROTO, 0) } };

static const char *addr(const void *sa, uint32_t len, int cstyle)
{
	trec_init(&t, -9, (uint64_t)-1, 0x7ffe0000, len, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, sa, len, 0);
	t.f.cstyle = cstyle;
	trec_out(&t);
	t.o.cstyle = cstyle;	/* the line sets it; a lone argument does not */
	{
		struct sct_dec d = { &t.o, trec_rec(&t), &c_connect, &t.f, 0 };

		sct_decoders[c_connect.arg[1].kind](&d, 1);
	}
	return trec_text(&t);
}

Test(format_sockaddr, packet)
{
	unsigned char ll[20] = { 17, 0, 0, 3, 0xed, 0xfe, 0xce, 0xfa, 1, 0, 0, 8,
				 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' };

	cr_assert_str_eq(addr(ll, 20, SCT_CONST_ABBREV), "{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=8, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]}");
	ll[11] = 9;		/* more than the address holds */
	cr_assert_str_eq(addr(ll, 20, SCT_CONST_ABBREV), "{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=9, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, ...]}");
	/* one byte short of the struct: sa_data */
	cr_assert_str_eq(addr(ll, 19, SCT_CONST_ABBREV), "{sa_family=AF_PACKET, sa_data=\"\\0\\3\\355\\376\\316\\372\\1\\0\\0\\tabcdefg\"}");
}

Test(format_sockaddr, netlink_ipx_x25)
{
	unsigned char nl[12] = { 16, 0, 0xff, 0xff, 0xd2, 0x02, 0x96, 0x49, 0xed, 0xfe, 0xce, 0xfa };
	unsigned char ipx[16] = { 4, 0, 0x30, 0x39, 0xfa, 0xce, 0xfe, 0xed, 'A', 'B', 'C', 'D',
				  'E', 'F', 0xff, 0x42 };
	unsigned char x25[18] = { 9, 0, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
				  'a', 'b', 'c', 'd', 'e', 'f' };

	cr_assert_str_eq(addr(nl, 12, SCT_CONST_ABBREV), "{sa_family=AF_NETLINK, nl_pad=0xffff, nl_pid=1234567890, nl_groups=0xfacefeed}");
	cr_assert_str_eq(addr(ipx, 16, SCT_CONST_ABBREV), "{sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff, sipx_zero=0x42}");
	cr_assert_str_eq(addr(x25, 18, SCT_CONST_ABBREV), "{sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789abcde\"...}}");
}

Test(format_sockaddr, vsock_qrtr_xdp_mctp)
{
	unsigned char vm[16] = { 40, 0, 0xad, 0xde, 0xef, 0xbe, 0xce, 0xfa, 2, 0, 0, 0, 2 };
	unsigned char qr[12] = { 42, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	unsigned char xdp[16] = { 44, 0, 0xad, 0xde, 0, 0, 0, 0, 0, 0, 0, 0, 7 };
	unsigned char mctp[12] = { 45, 0, 0, 0, 0, 0, 0, 0, 0xff, 1, 8, 0xea };

	cr_assert_str_eq(addr(vm, 16, SCT_CONST_ABBREV), "{sa_family=AF_VSOCK, svm_reserved1=0xdead, svm_cid=VMADDR_CID_HOST, svm_port=0xfacebeef, svm_flags=0x2 /* VMADDR_FLAG_??? */}");
	cr_assert_str_eq(addr(qr, 12, SCT_CONST_ABBREV), "{sa_family=AF_QIPCRTR, sq_node=QRTR_NODE_BCAST, sq_port=0xffffffff}");
	cr_assert_str_eq(addr(xdp, 16, SCT_CONST_ABBREV), "{sa_family=AF_XDP, sxdp_flags=XDP_SHARED_UMEM|XDP_ZEROCOPY|XDP_USE_NEED_WAKEUP|0xdea0, sxdp_ifindex=0, sxdp_queue_id=0, sxdp_shared_umem_fd=7}");
	cr_assert_str_eq(addr(mctp, 12, SCT_CONST_ABBREV), "{sa_family=AF_MCTP, smctp_network=MCTP_NET_ANY, smctp_addr={s_addr=MCTP_ADDR_ANY}, smctp_type=0x1, smctp_tag=0x8, __smctp_pad1=0xea}");
}

Test(format_sockaddr, bluetooth)
{
	unsigned char b[14] = { 31, 0, 5, 0, 2, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0, 0 };
	unsigned char l2[14] = { 31, 0, 0x85, 0, 0xaa, 0, 0, 0, 0, 0, 0x41, 0, 1, 0 };

	cr_assert_str_eq(addr(b, 6, SCT_CONST_ABBREV), "{sa_family=AF_BLUETOOTH, hci_dev=htobs(5), hci_channel=HCI_CHANNEL_MONITOR}");
	cr_assert_str_eq(addr(b, 8, SCT_CONST_ABBREV), "{sa_family=AF_BLUETOOTH, sco_bdaddr=05:00:02:00:11:22}");
	cr_assert_str_eq(addr(l2, 14, SCT_CONST_ABBREV), "{sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_LE_DYN_START+5), l2_bdaddr=aa:00:00:00:00:00, l2_cid=htobs(L2CAP_CID_DYN_START+1), l2_bdaddr_type=BDADDR_LE_PUBLIC}");
	cr_assert_str_eq(addr(l2, 12, SCT_CONST_VERBOSE), "{sa_family=0x1f /* AF_BLUETOOTH */, l2_psm=htobs(0x85 /* 0x80 /* L2CAP_PSM_LE_DYN_START */+5 */), l2_bdaddr=\"\\xaa\\x00\\x00\\x00\\x00\\x00\" /* aa:00:00:00:00:00 */, l2_cid=htobs(0x41 /* 0x40 /* L2CAP_CID_DYN_START */+1 */)}");
	/* a length no protocol has: sa_data */
	cr_assert_str_eq(addr(b, 7, SCT_CONST_ABBREV), "{sa_family=AF_BLUETOOTH, sa_data=\"\\5\\0\\2\\0\\21\"}");
}

Test(format_sockaddr, inet6_scope)
{
	unsigned char in6[28] = { 10, 0, 0x30, 0x39, 0x49, 0x96, 0x02, 0xd2, 0xfe, 0x80 };

	in6[24] = 1;
	/* link-local: the scope is an interface (1, the loopback), named */
	cr_assert_str_eq(addr(in6, 28, SCT_CONST_ABBREV), "{sa_family=AF_INET6, sin6_port=htons(12345), sin6_flowinfo=htonl(1234567890), inet_pton(AF_INET6, \"fe80::\", &sin6_addr), sin6_scope_id=if_nametoindex(\"lo\")}");
	cr_assert_str_eq(addr(in6, 28, SCT_CONST_VERBOSE), "{sa_family=0xa /* AF_INET6 */, sin6_port=\"\\x30\\x39\" /* htons(12345) */, sin6_flowinfo=\"\\x49\\x96\\x02\\xd2\" /* htonl(1234567890) */, sin6_addr=\"\\xfe\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\" /* inet_pton(AF_INET6, \"fe80::\") */, sin6_scope_id=1 /* if_nametoindex(\"lo\") */}");
	cr_assert_str_eq(addr(in6, 24, SCT_CONST_ABBREV), "{sa_family=AF_INET6, sin6_port=htons(12345), sin6_flowinfo=htonl(1234567890), inet_pton(AF_INET6, \"fe80::\", &sin6_addr)}");
	cr_assert_str_eq(addr(in6, 28, SCT_CONST_RAW), "{sa_family=0xa, sin6_port=\"\\x30\\x39\", sin6_flowinfo=\"\\x49\\x96\\x02\\xd2\", sin6_addr=\"\\xfe\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\", sin6_scope_id=1}");
}

Test(format_sockaddr, const_styles)
{
	unsigned char sin[16] = { 2, 0, 0x30, 0x39, 127, 0, 0, 1 };

	cr_assert_str_eq(addr(sin, 16, SCT_CONST_VERBOSE), "{sa_family=0x2 /* AF_INET */, sin_port=\"\\x30\\x39\" /* htons(12345) */, sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") */}");
	cr_assert_str_eq(addr(sin, 16, SCT_CONST_RAW), "{sa_family=0x2, sin_port=\"\\x30\\x39\", sin_addr=\"\\x7f\\x00\\x00\\x01\"}");

	/* the line's style reaches every printer: values, types, flags */
	trec_init(&t, 3, 2, 1 | 02000000, 6, 0, 0, 0);
	t.f.cstyle = SCT_CONST_RAW;
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(0x2, 0x1|0x80000, 0x6)           = 3\n");
	t.f.cstyle = SCT_CONST_VERBOSE;
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, 0x6 /* IPPROTO_TCP */) = 3\n");
	trec_init(&t, -22, 99, 1 | 0x40, 0, 0, 0, 0);
	t.f.cstyle = SCT_CONST_VERBOSE;
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(0x63 /* AF_??? */, 0x1 /* SOCK_STREAM */|0x40 /* SOCK_??? */, 0) = -1 EINVAL (Invalid argument)\n");
}

static const struct sct_call c_openat = { "openat", 0, 4, SCT_R_INT,
	{ A(DIRFD, NOAUX), A(PATH, NOAUX), A(OFLAGS, NOAUX), A(MODE_CREAT, 2) } };
static const struct sct_call c_sigprocmask = { "rt_sigprocmask", 0, 4, SCT_R_INT,
	{ A(SIGHOW, NOAUX), A(SIGSET, NOAUX), A(SIGSET_OUT, NOAUX), A(ULONG, NOAUX) } };
static const struct sct_call c_kill = { "kill", 0, 2, SCT_R_INT,
	{ A(PID, NOAUX), A(SIGNUM, NOAUX) } };

/* Values decoders compose or name themselves follow -X too (strace 6.1's lines for
 * the same calls under -Xraw and -Xverbose) */
Test(format_sockaddr, const_styles_elsewhere)
{
	uint64_t set = 1u << 1;		/* SIGINT */

	trec_init(&t, 3, (uint64_t)-100, 0x5555, 02000000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "/etc/passwd", 12, 0);
	t.f.cstyle = SCT_CONST_RAW;
	cr_assert_str_eq(trec_line(&t, &c_openat), "openat(-100, \"/etc/passwd\", 0x80000)    = 3\n");
	t.f.cstyle = SCT_CONST_VERBOSE;
	cr_assert_str_eq(trec_line(&t, &c_openat), "openat(-100 /* AT_FDCWD */, \"/etc/passwd\", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3\n");

	trec_init(&t, 0, 0, 0x5555, 0, 8, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, &set, 8, 0);
	t.f.cstyle = SCT_CONST_RAW;
	cr_assert_str_eq(trec_line(&t, &c_sigprocmask), "rt_sigprocmask(0, [2], NULL, 8)         = 0\n");
	t.f.cstyle = SCT_CONST_VERBOSE;
	cr_assert_str_eq(trec_line(&t, &c_sigprocmask), "rt_sigprocmask(0 /* SIG_BLOCK */, [2 /* INT */], NULL, 8) = 0\n");

	trec_init(&t, 0, 42, 18, 0, 0, 0, 0);
	t.f.cstyle = SCT_CONST_VERBOSE;
	cr_assert_str_eq(trec_line(&t, &c_kill), "kill(42, 18 /* SIGCONT */)              = 0\n");
}
