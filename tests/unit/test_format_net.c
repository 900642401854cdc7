/* Sockets, socket addresses, options, iovecs and msghdrs: records built by hand,
 * compared with the lines strace 6.1 printed on this machine (Debian 12, x86-64)
 * for small programs that made the same calls (strace -o out ./prog). */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_socket = { "socket", 0, 3, SCT_R_INT,
	{ A(SOCKFAM, NOAUX), A(SOCKTYPE, NOAUX), A(SOCKPROTO, 0) } };
static const struct sct_call c_socketpair = { "socketpair", 0, 4, SCT_R_INT,
	{ A(SOCKFAM, NOAUX), A(SOCKTYPE, NOAUX), A(SOCKPROTO, 0), A(SOCKFDS, NOAUX) } };
static const struct sct_call c_connect = { "connect", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(SADDR_IN, 2), A(INT, NOAUX) } };
static const struct sct_call c_getsockname = { "getsockname", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(SADDR_OUT, 2), A(SOCKLEN_IO, NOAUX) } };
static const struct sct_call c_setsockopt = { "setsockopt", 0, 5, SCT_R_INT,
	{ A(FD, NOAUX), A(SOL, NOAUX), A(SOCKOPT, 1), A(SOPT_IN, 4), A(INT, NOAUX) } };
static const struct sct_call c_getsockopt = { "getsockopt", 0, 5, SCT_R_INT,
	{ A(FD, NOAUX), A(SOL, NOAUX), A(SOCKOPT, 1), A(SOPT_OUT, 4), A(SOCKLEN_IO, NOAUX) } };
static const struct sct_call c_sendto = { "sendto", 0, 6, SCT_R_INT,
	{ A(FD, NOAUX), A(BUF_IN, 2), A(ULONG, NOAUX), A(MSGFLAGS, NOAUX), A(SADDR_IN, 5),
	  A(INT, NOAUX) } };
static const struct sct_call c_recvfrom = { "recvfrom", 0, 6, SCT_R_INT,
	{ A(FD, NOAUX), A(BUF_OUT, 2), A(ULONG, NOAUX), A(MSGFLAGS, NOAUX), A(SADDR_OUT, 5),
	  A(SOCKLEN_IO, NOAUX) } };
static const struct sct_call c_shutdown = { "shutdown", 0, 2, SCT_R_INT,
	{ A(FD, NOAUX), A(SHUT_HOW, NOAUX) } };
#define STACK 0x7ffcd164dde4ull

static void u32blob(unsigned arg, unsigned when, uint32_t v)
{
	trec_blob(&t, arg, when, &v, 4, 0);
}


Test(format_net, socket)
{
	/* socket(AF_INET,SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK,IPPROTO_TCP) etc. */
	trec_init(&t, 3, 2, 1 | 02000000 | 04000, 6, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_TCP) = 3\n");
	trec_init(&t, 4, 2, 2, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4\n");
	trec_init(&t, 7, 1, 1, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(AF_UNIX, SOCK_STREAM, 0)         = 7\n");
	trec_init(&t, 8, 16, 3, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 8\n");
	trec_init(&t, 9, 17, 3, 0x300, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 9\n");
	trec_init(&t, 7, 17, 2, 0x3412, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_PACKET, SOCK_DGRAM, htons(0x1234 /* ETH_P_??? */)) = 7\n");
	trec_init(&t, -97, 99, 1, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(0x63 /* AF_??? */, SOCK_STREAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)\n");
	trec_init(&t, -22, 2, 77, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_INET, 0x4d /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -22, 2, 1 | 0x40, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_INET, SOCK_STREAM|0x40 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -22, 2, 1 | 04000 | 0x40, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK|0x40, IPPROTO_IP) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -93, 2, 1, 99, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_INET, SOCK_STREAM, 0x63 /* IPPROTO_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)\n");
	trec_init(&t, -93, 16, 3, 99, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket),
			 "socket(AF_NETLINK, SOCK_RAW, 0x63 /* NETLINK_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)\n");
	trec_init(&t, 11, 10, 3, 58, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socket), "socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) = 11\n");
}

Test(format_net, socketpair)
{
	int32_t fds[2] = { 14, 15 };

	trec_init(&t, 0, 1, 2, 0, STACK, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, fds, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_socketpair),
			 "socketpair(AF_UNIX, SOCK_DGRAM, 0, [14, 15]) = 0\n");
	trec_init(&t, -14, 1, 2, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_socketpair),
			 "socketpair(AF_UNIX, SOCK_DGRAM, 0, NULL) = -1 EFAULT (Bad address)\n");
}

Test(format_net, connect_inet)
{
	unsigned char a[16];

	mk_sin(a, 8080, 127, 0, 0, 1);
	trec_init(&t, -115, 3, STACK, 16, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 16, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 EINPROGRESS (Operation now in progress)\n");
	/* connect(s, &a, 8): too short for sockaddr_in */
	trec_init(&t, 0, 3, STACK, 8, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_INET, sa_data=\"\\37\\220\\177\\0\\0\\1\"}, 8) = 0\n");
	trec_init(&t, -22, 3, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 2, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_INET}, 2)      = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -22, 3, STACK, 1, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 1, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, 0x7ffcd164dde4, 1)           = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -22, 3, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, NULL, 0)                     = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -14, 3, 1, 16, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, 0x1, 16)                     = -1 EFAULT (Bad address)\n");
}

Test(format_net, connect_other_families)
{
	unsigned char a[128];

	/* AF_UNSPEC, 16 bytes */
	memset(a, 0, sizeof(a));
	trec_init(&t, 0, 3, STACK, 16, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 16, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_UNSPEC, sa_data=\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = 0\n");
	/* AF_NETLINK: nl_pid=5, nl_groups=3, and all zero */
	a[0] = 16;
	a[4] = 5;
	a[8] = 3;
	trec_init(&t, -22, 3, STACK, 12, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 12, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_NETLINK, nl_pid=5, nl_groups=0x000003}, 12) = -1 EINVAL (Invalid argument)\n");
	a[4] = 0;
	a[8] = 0;
	trec_init(&t, -22, 3, STACK, 12, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 12, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = -1 EINVAL (Invalid argument)\n");
	/* unknown family 99, 10 bytes: "a" then zeros */
	memset(a, 0, sizeof(a));
	a[0] = 99;
	a[2] = 'a';
	trec_init(&t, -22, 3, STACK, 10, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 10, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=0x63 /* AF_??? */, sa_data=\"a\\0\\0\\0\\0\\0\\0\\0\"}, 10) = -1 EINVAL (Invalid argument)\n");
}

Test(format_net, connect_inet6)
{
	unsigned char a[28];
	static const unsigned char loop[16] = { [15] = 1 };
	static const unsigned char doc[16] = { 0x20, 0x01, 0x0d, 0xb8, [10] = 0xff, 0x00, 0x00,
					       0x42, 0x83, 0x29 };
	static const unsigned char mapped[16] = { [10] = 0xff, 0xff, 1, 2, 3, 4 };
	static const unsigned char compat[16] = { [12] = 1, 2, 3, 4 };
	static const unsigned char ones[16] = { 0, 1, [7] = 2, [15] = 3 };

	memset(a, 0, sizeof(a));
	a[0] = 10;
	a[3] = 80;
	memcpy(a + 8, loop, 16);
	trec_init(&t, -106, 3, STACK, 28, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 28, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 EISCONN (Transport endpoint is already connected)\n");

	a[3] = 0;
	memcpy(a + 8, doc, 16);
	trec_init(&t, 0, 3, STACK, 24, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 24, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:db8::ff00:42:8329\", &sin6_addr)}");

	memcpy(a + 8, mapped, 16);
	a[7] = 5;		/* flowinfo htonl(5) */
	trec_init(&t, 0, 3, STACK, 28, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 28, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::ffff:1.2.3.4\", &sin6_addr), sin6_scope_id=0}");
	a[7] = 0;

	memcpy(a + 8, compat, 16);
	trec_init(&t, 0, 3, STACK, 28, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 28, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1.2.3.4\", &sin6_addr), sin6_scope_id=0}");

	memcpy(a + 8, ones, 16);
	trec_init(&t, 0, 3, STACK, 28, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 28, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"1:0:0:2::3\", &sin6_addr), sin6_scope_id=0}");

	memset(a + 8, 0, 16);
	trec_init(&t, 0, 3, STACK, 28, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 28, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::\", &sin6_addr), sin6_scope_id=0}");

	/* 20 bytes: too short for sockaddr_in6 */
	memcpy(a + 8, doc, 16);
	trec_init(&t, 0, 3, STACK, 20, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 20, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_INET6, sa_data=\"\\0\\0\\0\\0\\0\\0 \\1\\r\\270\\0\\0\\0\\0\\0\\0\\377\\0\"}");
}

Test(format_net, connect_unix)
{
	unsigned char a[110];

	memset(a, 0, sizeof(a));
	a[0] = 1;
	memcpy(a + 2, "/tmp/s", 6);
	trec_init(&t, -2, 12, STACK, 110, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 110, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(12, {sa_family=AF_UNIX, sun_path=\"/tmp/s\"}, 110) = -1 ENOENT (No such file or directory)\n");
	memcpy(a + 2, "\0abs\nx", 6);
	trec_init(&t, -111, 12, STACK, 8, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(12, {sa_family=AF_UNIX, sun_path=@\"abs\\nx\"}, 8) = -1 ECONNREFUSED (Connection refused)\n");
	memcpy(a + 2, "\0ab\0cd", 6);
	trec_init(&t, -22, 3, STACK, 8, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 8, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1), "{sa_family=AF_UNIX, sun_path=@\"ab\\0cd\"}");
	trec_init(&t, -22, 3, STACK, 3, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 3, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1), "{sa_family=AF_UNIX, sun_path=@\"\"}");
	memcpy(a + 2, "ab\0cd", 6);
	trec_init(&t, -22, 3, STACK, 8, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 8, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1), "{sa_family=AF_UNIX, sun_path=\"ab\"}");
	/* a whole sun_path of 'x', no NUL, never cut at -s */
	memset(a + 2, 'x', 108);
	trec_init(&t, -97, 3, STACK, 110, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 110, 0);
	cr_assert_str_eq(trec_arg(&t, &c_connect, 1),
			 "{sa_family=AF_UNIX, sun_path=\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}");
	trec_init(&t, -22, 12, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, a, 2, 0);
	cr_assert_str_eq(trec_line(&t, &c_connect),
			 "connect(12, {sa_family=AF_UNIX}, 2)     = -1 EINVAL (Invalid argument)\n");
}

Test(format_net, getsockname_and_lengths)
{
	unsigned char a[16];

	mk_sin(a, 59279, 127, 0, 0, 1);
	trec_init(&t, 0, 3, STACK, STACK + 64, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, a, 16, 0);
	u32blob(2, SCT_BLOB_IN, 16);
	u32blob(2, SCT_BLOB_OUT, 16);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(3, {sa_family=AF_INET, sin_port=htons(59279), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0\n");

	trec_init(&t, 0, 3, STACK, STACK + 64, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, a, 16, 0);
	u32blob(2, SCT_BLOB_IN, 128);
	u32blob(2, SCT_BLOB_OUT, 16);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(3, {sa_family=AF_INET, sin_port=htons(59279), sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 0\n");

	/* a 4-byte buffer: the kernel wrote 4 bytes and says 16 */
	trec_init(&t, 0, 3, STACK, STACK + 64, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, a, 16, 0);
	u32blob(2, SCT_BLOB_IN, 4);
	u32blob(2, SCT_BLOB_OUT, 16);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(3, {sa_family=AF_INET, sa_data=\"\\347\\217\"}, [4 => 16]) = 0\n");

	trec_init(&t, -9, 99, 0x7fffa140df00, 0x7fffa140df8c, 0, 0, 0);
	u32blob(2, SCT_BLOB_IN, 128);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(99, 0x7fffa140df00, [128])  = -1 EBADF (Bad file descriptor)\n");
	trec_init(&t, -14, 3, 0x7fffa140df00, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(3, 0x7fffa140df00, NULL)    = -1 EFAULT (Bad address)\n");
	trec_init(&t, -14, 3, 0, 0x7fffa140df8c, 0, 0, 0);
	u32blob(2, SCT_BLOB_IN, 128);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(3, NULL, 0x7fffa140df8c)    = -1 EFAULT (Bad address)\n");

	/* unnamed AF_UNIX socket */
	memset(a, 0, sizeof(a));
	a[0] = 1;
	trec_init(&t, 0, 6, STACK, STACK + 64, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, a, 2, 0);
	u32blob(2, SCT_BLOB_IN, 128);
	u32blob(2, SCT_BLOB_OUT, 2);
	cr_assert_str_eq(trec_line(&t, &c_getsockname),
			 "getsockname(6, {sa_family=AF_UNIX}, [128 => 2]) = 0\n");
}

Test(format_net, sendto_recvfrom)
{
	unsigned char a[16];

	mk_sin(a, 59279, 127, 0, 0, 1);
	trec_init(&t, 5, 3, 0x1000, 5, 0x40, STACK, 16);
	trec_blob(&t, 1, SCT_BLOB_IN, "hello", 5, 0);
	trec_blob(&t, 4, SCT_BLOB_IN, a, 16, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendto),
			 "sendto(3, \"hello\", 5, MSG_DONTWAIT, {sa_family=AF_INET, sin_port=htons(59279), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 5\n");
	trec_init(&t, -89, 3, 0x1000, 1, 0x4000 | 0x8000, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "x", 1, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendto),
			 "sendto(3, \"x\", 1, MSG_NOSIGNAL|MSG_MORE, NULL, 0) = -1 EDESTADDRREQ (Destination address required)\n");
	trec_init(&t, -95, 3, 0x1000, 0, 0x1 | 0x4 | 0x8 | 0x10 | 0x80 | 0x100 | 0x200 | 0x400 |
		  0x800 | 0x1000 | 0x2000 | 0x10000 | 0x40000 | 0x4000000 | 0x20000000 | 0x80000000ull,
		  0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "", 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendto, 3),
			 "MSG_OOB|MSG_DONTROUTE|MSG_CTRUNC|MSG_PROBE|MSG_EOR|MSG_WAITALL|MSG_FIN|MSG_SYN|MSG_CONFIRM|MSG_RST|MSG_ERRQUEUE|MSG_WAITFORONE|MSG_BATCH|MSG_ZEROCOPY|MSG_FASTOPEN|MSG_CMSG_COMPAT");
	trec_init(&t, -89, 3, 0x1000, 0, 0x10000000, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendto, 3), "0x10000000 /* MSG_??? */");

	trec_init(&t, 5, 3, 0x1000, 64, 0x40, STACK, STACK + 64);
	trec_blob(&t, 1, SCT_BLOB_OUT, "hello", 5, 0);
	trec_blob(&t, 4, SCT_BLOB_OUT, a, 16, 0);
	u32blob(5, SCT_BLOB_IN, 128);
	u32blob(5, SCT_BLOB_OUT, 16);
	cr_assert_str_eq(trec_line(&t, &c_recvfrom),
			 "recvfrom(3, \"hello\", 64, MSG_DONTWAIT, {sa_family=AF_INET, sin_port=htons(59279), sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 5\n");
	trec_init(&t, -11, 3, 0x7fffa140dec0, 64, 0x40, 0x7fffa140df00, STACK);
	u32blob(5, SCT_BLOB_IN, 128);
	cr_assert_str_eq(trec_line(&t, &c_recvfrom),
			 "recvfrom(3, 0x7fffa140dec0, 64, MSG_DONTWAIT, 0x7fffa140df00, [128]) = -1 EAGAIN (Resource temporarily unavailable)\n");
	trec_init(&t, -11, 3, 0x7fffa140dec0, 64, 0x2 | 0x20 | 0x40 | 0x40000000, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvfrom),
			 "recvfrom(3, 0x7fffa140dec0, 64, MSG_PEEK|MSG_TRUNC|MSG_DONTWAIT|MSG_CMSG_CLOEXEC, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)\n");
	/* a connected TCP socket leaves the address empty */
	trec_init(&t, 1, 5, 0x1000, 8, 0, 0x7ffef44bb0e0, STACK);
	trec_blob(&t, 1, SCT_BLOB_OUT, "x", 1, 0);
	trec_blob(&t, 4, SCT_BLOB_OUT, a, 0, 0);
	u32blob(5, SCT_BLOB_IN, 128);
	u32blob(5, SCT_BLOB_OUT, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvfrom),
			 "recvfrom(5, \"x\", 8, 0, 0x7ffef44bb0e0, [128 => 0]) = 1\n");
}

Test(format_net, shutdown)
{
	trec_init(&t, 0, 3, 1, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_shutdown), "shutdown(3, SHUT_WR)                    = 0\n");
	trec_init(&t, -22, 3, 7, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_shutdown),
			 "shutdown(3, 0x7 /* SHUT_??? */)         = -1 EINVAL (Invalid argument)\n");
}

Test(format_net, setsockopt)
{
	int32_t one = 1;
	int64_t seven = 7;
	int32_t linger[2] = { 1, 5 };

	trec_init(&t, 0, 3, 1, 2, STACK, 4, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &one, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0\n");
	trec_init(&t, 0, 3, 6, 1, STACK, 4, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &one, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0\n");
	trec_init(&t, -92, 3, 1, 999, STACK, 4, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &one, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, 0x3e7 /* SO_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)\n");
	trec_init(&t, -22, 3, 1, 2, STACK, 2, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &one, 2, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x7ffcd164dde4, 2) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, -14, 3, 1, 2, 0, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, NULL, 4) = -1 EFAULT (Bad address)\n");
	trec_init(&t, 0, 3, 1, 13, STACK, 8, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, linger, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0\n");
	trec_init(&t, 0, 3, 1, 9, STACK, 8, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &seven, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, SO_KEEPALIVE, [7], 8) = 0\n");
	trec_init(&t, -92, 3, 77, 1, STACK, 4, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &one, 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, 0x4d /* SOL_?? */, 1, [1], 4) = -1 ENOPROTOOPT (Protocol not available)\n");
	/* other levels: anything but 4 bytes is a string */
	trec_init(&t, 0, 3, 0, 1, STACK, 1, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, "\1", 1, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_IP, IP_TOS, \"\\1\", 1)  = 0\n");
	trec_init(&t, 0, 3, 0, 2, STACK, 8, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, "\1\0\0\0\1\0\0\0", 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_IP, IP_TTL, \"\\1\\0\\0\\0\\1\\0\\0\\0\", 8) = 0\n");
	trec_init(&t, -22, 3, 0, 2, STACK, 40, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, "0123456789012345678901234567890123456789", 40, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_IP, IP_TTL, \"01234567890123456789012345678901\"..., 40) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 0, 3, 1, 25, STACK, 3, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, "lo\0", 3, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"lo\\0\", 3) = 0\n");
	trec_init(&t, -92, 3, 17, 1, STACK, 4, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, "\0\0\0\0", 4, 0);
	cr_assert_str_eq(trec_line(&t, &c_setsockopt),
			 "setsockopt(3, SOL_UDP, UDP_CORK, [0], 4) = -1 ENOPROTOOPT (Protocol not available)\n");
}

Test(format_net, getsockopt)
{
	int32_t v = 16384;
	int32_t cred[3] = { 0, -1, -1 };

	trec_init(&t, 0, 3, 1, 7, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, &v, 4, 0);
	u32blob(4, SCT_BLOB_IN, 4);
	u32blob(4, SCT_BLOB_OUT, 4);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_SOCKET, SO_SNDBUF, [16384], [4]) = 0\n");
	v = 212992;
	trec_init(&t, 0, 3, 1, 8, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, &v, 4, 0);
	u32blob(4, SCT_BLOB_IN, 8);
	u32blob(4, SCT_BLOB_OUT, 4);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_SOCKET, SO_RCVBUF, [212992], [8 => 4]) = 0\n");
	trec_init(&t, -9, 99, 1, 4, 0x7ffcd164ddcc, STACK + 8, 0);
	u32blob(4, SCT_BLOB_IN, 4);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(99, SOL_SOCKET, SO_ERROR, 0x7ffcd164ddcc, [4]) = -1 EBADF (Bad file descriptor)\n");
	/* short buffers: SOL_SOCKET ints in hex, others as a string */
	trec_init(&t, 0, 3, 1, 8, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, "\0\0\x80", 3, 0);
	u32blob(4, SCT_BLOB_IN, 3);
	u32blob(4, SCT_BLOB_OUT, 3);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_SOCKET, SO_RCVBUF, \"\\x00\\x00\\x80\", [3]) = 0\n");
	trec_init(&t, 0, 3, 6, 1, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, "\1\0\0", 3, 0);
	u32blob(4, SCT_BLOB_IN, 3);
	u32blob(4, SCT_BLOB_OUT, 3);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_TCP, TCP_NODELAY, \"\\1\\0\\0\", [3]) = 0\n");
	trec_init(&t, 0, 3, 0, 1, 0x7fffa140dfb0, STACK + 8, 0);
	u32blob(4, SCT_BLOB_IN, 0);
	u32blob(4, SCT_BLOB_OUT, 0);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_IP, IP_TOS, 0x7fffa140dfb0, [0]) = 0\n");
	trec_init(&t, -14, 3, 0, 1, 0, STACK + 8, 0);
	u32blob(4, SCT_BLOB_IN, 4);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_IP, IP_TOS, NULL, [4]) = -1 EFAULT (Bad address)\n");
	trec_init(&t, -14, 3, 0, 1, 0x7fffa140dfb0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_IP, IP_TOS, 0x7fffa140dfb0, NULL) = -1 EFAULT (Bad address)\n");
	/* structures */
	trec_init(&t, 0, 3, 1, 13, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, "\0\0\0\0\0\0\0\0", 8, 0);
	u32blob(4, SCT_BLOB_IN, 4);
	u32blob(4, SCT_BLOB_OUT, 4);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=0}, [4]) = 0\n");
	trec_init(&t, 0, 3, 1, 17, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, cred, 12, 0);
	u32blob(4, SCT_BLOB_IN, 16);
	u32blob(4, SCT_BLOB_OUT, 12);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=0, uid=-1, gid=-1}, [16 => 12]) = 0\n");
	trec_init(&t, 0, 3, 1, 25, STACK, STACK + 8, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, "lo\0", 3, 0);
	u32blob(4, SCT_BLOB_IN, 16);
	u32blob(4, SCT_BLOB_OUT, 3);
	cr_assert_str_eq(trec_line(&t, &c_getsockopt),
			 "getsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"lo\\0\", [16 => 3]) = 0\n");
}
