/* Socket option values (issue 9): getsockopt and setsockopt with whole, partial,
 * negative and unreadable values, as strace prints them.  Values sit at the end of a
 * readable page followed by a PROT_NONE one, so that a value can end exactly where
 * readable memory ends.  Calls whose result depends on the machine (memberships,
 * filters, rings) go to fd -1: the line shows how the value is decoded, the same
 * under both tracers. */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include "e2e.h"

#ifndef SO_TXREHASH
#define SO_TXREHASH 74
#endif

/* A value of n bytes that ends where the readable page ends. */
static void *at_end(char *end, size_t n)
{
	return end - n;
}

int main(void)
{
	char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end;
	socklen_t *len;
	int sv[2], *ip, nl, u, r;
	struct sockaddr_in sa;
	socklen_t sl = sizeof(sa);

	CHECK(pg != MAP_FAILED && mprotect(pg + 4096, 4096, PROT_NONE) == 0);
	end = pg + 4096;
	len = (socklen_t *)pg;
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);

	/* getsockopt: structs cut at the returned length, the SO_ERROR name */
	E2E_BEGIN_N(0);
	{
		struct linger lg = { 1, 7 };
		CHECK(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) == 0);
		for (socklen_t n = 1; n <= 9; n += 2) {
			*len = n;
			CHECK(getsockopt(sv[0], SOL_SOCKET, SO_LINGER, at_end(end, 8), len) == 0);
		}
		/* an unconnected socket has no peer: {pid=0, uid=-1, gid=-1}, the same in
		 * every run (a peer's pid would differ) */
		int lone = socket(AF_UNIX, SOCK_STREAM, 0);
		CHECK(lone >= 0);
		for (socklen_t n = 3; n <= 15; n += 4) {
			*len = n;
			CHECK(getsockopt(lone, SOL_SOCKET, SO_PEERCRED, at_end(end, 12), len) == 0);
		}
		CHECK(close(lone) == 0);
		*len = 4;
		CHECK(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, at_end(end, 4), len) == 0);
		*len = 3;
		CHECK(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, at_end(end, 4), len) == 0);
		*len = 3;
		CHECK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, at_end(end, 4), len) == 0);
		*len = 3;
		CHECK(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, at_end(end, 4), len) == 0);
		*len = 16;
		CHECK(getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, at_end(end, 16), len) == 0);
		*len = 4;
		(void)getsockopt(sv[0], SOL_SOCKET, SO_TXREHASH, at_end(end, 4), len);
		*len = (socklen_t)-1;
		CHECK_ERR(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, at_end(end, 4), len), EINVAL);
	}
	E2E_END_N(0);

	/* setsockopt: ints, short and negative lengths, values running into the bad page */
	E2E_BEGIN_N(1);
	ip = at_end(end, 4);
	*ip = 4096;
	CHECK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, ip, 4) == 0);
	CHECK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, ip, 5) == 0);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, ip, 3), EINVAL);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, ip, -1), EINVAL);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, ip, 5), ENOPROTOOPT);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, at_end(end, 40), 40), ENOPROTOOPT);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, at_end(end, 40), -1), EINVAL);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, at_end(end, 4), 8), EFAULT);
	CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, at_end(end, 8), 7), EINVAL);
	{
		struct sock_filter acc = BPF_STMT(BPF_RET | BPF_K, 0xffff);
		struct sock_fprog *fp = at_end(end, sizeof(*fp));
		fp->len = 1;
		fp->filter = &acc;
		CHECK(setsockopt(sv[1], SOL_SOCKET, SO_ATTACH_FILTER, fp, sizeof(*fp)) == 0);
		CHECK_ERR(setsockopt(sv[1], SOL_SOCKET, SO_ATTACH_FILTER, fp, sizeof(*fp) - 1),
			  EINVAL);
	}
	E2E_END_N(1);

	/* the IP levels' structs, on fd -1 */
	E2E_BEGIN_N(2);
	{
		struct ip_mreq *m = at_end(end, sizeof(*m));
		struct ipv6_mreq *m6 = at_end(end, sizeof(*m6));
		struct group_req *g = at_end(end, sizeof(*g));
		struct sockaddr_in *gs = (struct sockaddr_in *)&g->gr_group;
		struct packet_mreq *pm = at_end(end, sizeof(*pm));
		struct tpacket_req *tr = at_end(end, sizeof(*tr));
		struct icmp_filter *f = at_end(end, sizeof(*f));

		/* each value is filled whole just before its call (they share the page) */

		m->imr_multiaddr.s_addr = htonl(0xe0000003);
		m->imr_interface.s_addr = htonl(INADDR_LOOPBACK);
		CHECK_ERR(setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, m, sizeof(*m)), EBADF);
		CHECK_ERR(setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, m, sizeof(*m) - 1), EBADF);
		CHECK_ERR(setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, (char *)m + 1, sizeof(*m)), EBADF);
		CHECK(inet_pton(AF_INET6, "ff01::c", &m6->ipv6mr_multiaddr) == 1);
		m6->ipv6mr_interface = 1;	/* lo, where there is one */
		CHECK_ERR(setsockopt(-1, SOL_IPV6, IPV6_ADD_MEMBERSHIP, m6, sizeof(*m6)), EBADF);
		m6->ipv6mr_interface = 12345678;
		CHECK_ERR(setsockopt(-1, SOL_IPV6, IPV6_JOIN_ANYCAST, m6, sizeof(*m6)), EBADF);
		memset(g, 0, sizeof(*g));
		g->gr_interface = 1;
		gs->sin_family = AF_INET;
		gs->sin_port = htons(4242);
		gs->sin_addr.s_addr = htonl(0xe0000003);
		CHECK_ERR(setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, g, sizeof(*g)), EBADF);
		CHECK_ERR(setsockopt(-1, SOL_IPV6, MCAST_LEAVE_GROUP, g, sizeof(*g) - 1), EBADF);
		f->data = (1 << ICMP_ECHO) | (1 << ICMP_REDIRECT) | (1 << 1);
		CHECK_ERR(setsockopt(-1, SOL_RAW, ICMP_FILTER, f, sizeof(*f)), EBADF);
		f->data = ~f->data;
		CHECK_ERR(setsockopt(-1, SOL_RAW, ICMP_FILTER, f, 2), EBADF);
		CHECK_ERR(setsockopt(-1, SOL_RAW, ICMP_FILTER, f, 8), EBADF);
		CHECK_ERR(setsockopt(-1, SOL_RAW, ICMP_FILTER, f, -1), EBADF);
		memset(pm, 0, sizeof(*pm));
		pm->mr_ifindex = 1;
		pm->mr_type = PACKET_MR_PROMISC;
		pm->mr_alen = 6;
		memcpy(pm->mr_address, "\x02\x00\x5e\x10\x20\x30", 6);
		CHECK_ERR(setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, pm, sizeof(*pm)), EBADF);
		tr->tp_block_size = 4096;
		tr->tp_block_nr = 2;
		tr->tp_frame_size = 2048;
		tr->tp_frame_nr = 4;
		CHECK_ERR(setsockopt(-1, SOL_PACKET, PACKET_RX_RING, tr, sizeof(*tr)), EBADF);
		CHECK_ERR(setsockopt(-1, SOL_PACKET, PACKET_TX_RING, tr, sizeof(*tr) + 1), EBADF);
	}
	E2E_END_N(2);

	/* NETLINK_LIST_MEMBERSHIPS says 8 bytes but writes the 4 there is room for: the
	 * bytes after them are not the program's (the tracer once read them, and the
	 * program died of SIGSEGV) */
	nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (nl >= 0) {
		int g = RTNLGRP_LINK;
		E2E_BEGIN_N(3);
		CHECK(setsockopt(nl, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &g, sizeof(g)) == 0);
		*len = 5;
		CHECK(getsockopt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, at_end(end, 4), len) == 0);
		*len = 4;
		CHECK(getsockopt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, at_end(end, 4), len) == 0);
		CHECK(close(nl) == 0);
		E2E_END_N(3);
	}

	/* SO_ERROR holding an error: a UDP datagram to a closed loopback port */
	u = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(u >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(u, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
	    getsockname(u, (struct sockaddr *)&sa, &sl) == 0) {
		int v = socket(AF_INET, SOCK_DGRAM, 0);
		struct pollfd p = { v, 0, 0 };
		CHECK(v >= 0 && close(u) == 0);	/* the port is closed now */
		CHECK(connect(v, (struct sockaddr *)&sa, sizeof(sa)) == 0);
		CHECK(send(v, "x", 1, 0) == 1);
		r = poll(&p, 1, 5000);	/* the ICMP error arrives */
		if (r == 1 && (p.revents & POLLERR)) {
			E2E_BEGIN_N(4);
			*len = 4;
			CHECK(getsockopt(v, SOL_SOCKET, SO_ERROR, at_end(end, 4), len) == 0);
			*len = 4;
			CHECK(getsockopt(v, SOL_SOCKET, SO_ERROR, at_end(end, 4), len) == 0);
			E2E_END_N(4);
		}
		close(v);
	}
	printf("sockopt: done\n");
	return 0;
}
