/* Sockets over loopback: TCP, UDP and unix, in one process.  Ports come from bind
 * to port 0 and getsockname (run.sh maps them to PORTn by first appearance). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "e2e.h"

#define DIR_NAME "e2e-sockets.d"

static void loopback(struct sockaddr_in *sa)
{
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

int main(void)
{
	struct sockaddr_in sa, peer, got;
	struct sockaddr_un su;
	socklen_t len;
	int ls, c, s, c2, s2, u1, u2, one = 1, val, sv[2];
	char buf[64];
	struct iovec iov[2];
	struct msghdr mh;

	e2e_fresh_dir(DIR_NAME);

	E2E_BEGIN_N(0);
	/* TCP */
	ls = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(ls >= 0);
	CHECK(setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
	loopback(&sa);
	CHECK(bind(ls, (struct sockaddr *)&sa, sizeof sa) == 0);
	CHECK(listen(ls, 8) == 0);
	len = sizeof sa;
	CHECK(getsockname(ls, (struct sockaddr *)&sa, &len) == 0 && len == sizeof sa && sa.sin_port != 0);
	c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	CHECK(c >= 0);
	CHECK(connect(c, (struct sockaddr *)&sa, sizeof sa) == 0);
	len = sizeof peer;
	s = accept(ls, (struct sockaddr *)&peer, &len);
	CHECK(s >= 0 && len == sizeof peer);
	len = sizeof got;
	CHECK(getpeername(c, (struct sockaddr *)&got, &len) == 0 && got.sin_port == sa.sin_port);
	len = sizeof got;
	CHECK(getsockname(c, (struct sockaddr *)&got, &len) == 0 && got.sin_port == peer.sin_port);
	CHECK(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
	len = sizeof val;
	CHECK(getsockopt(c, SOL_SOCKET, SO_TYPE, &val, &len) == 0 && val == SOCK_STREAM);
	len = sizeof val;
	CHECK(getsockopt(c, SOL_SOCKET, SO_ERROR, &val, &len) == 0 && val == 0);
	CHECK(send(c, "hello", 5, 0) == 5);
	CHECK(recv(s, buf, sizeof buf, MSG_WAITALL | MSG_DONTWAIT) == 5 && memcmp(buf, "hello", 5) == 0);
	CHECK(sendto(s, "back", 4, MSG_NOSIGNAL, NULL, 0) == 4);
	CHECK(recvfrom(c, buf, sizeof buf, 0, NULL, NULL) == 4 && memcmp(buf, "back", 4) == 0);
	CHECK(shutdown(c, SHUT_WR) == 0);
	CHECK(recv(s, buf, sizeof buf, 0) == 0);
	c2 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(c2 >= 0);
	CHECK(connect(c2, (struct sockaddr *)&sa, sizeof sa) == 0);
	s2 = accept4(ls, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	CHECK(s2 >= 0);
	CHECK(recv(s2, buf, sizeof buf, 0) == -1 && errno == EAGAIN);
	CHECK(close(s2) == 0 && close(c2) == 0 && close(s) == 0 && close(c) == 0 && close(ls) == 0);
	E2E_END_N(0);

	E2E_BEGIN_N(1);
	/* UDP */
	u1 = socket(AF_INET, SOCK_DGRAM, 0);
	u2 = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	CHECK(u1 >= 0 && u2 >= 0);
	loopback(&sa);
	CHECK(bind(u1, (struct sockaddr *)&sa, sizeof sa) == 0);
	len = sizeof sa;
	CHECK(getsockname(u1, (struct sockaddr *)&sa, &len) == 0);
	CHECK(sendto(u2, "ping", 4, 0, (struct sockaddr *)&sa, sizeof sa) == 4);
	len = sizeof peer;
	CHECK(recvfrom(u1, buf, sizeof buf, 0, (struct sockaddr *)&peer, &len) == 4 && len == sizeof peer);
	CHECK(connect(u1, (struct sockaddr *)&peer, sizeof peer) == 0);
	CHECK(send(u1, "pong", 4, 0) == 4);
	CHECK(recv(u2, buf, sizeof buf, 0) == 4 && memcmp(buf, "pong", 4) == 0);
	CHECK(recv(u2, buf, sizeof buf, 0) == -1 && errno == EAGAIN);
	CHECK(close(u1) == 0 && close(u2) == 0);
	E2E_END_N(1);

	E2E_BEGIN_N(2);
	/* unix: a pair with sendmsg/recvmsg, and a bound stream socket */
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	iov[0].iov_base = "scatter ";
	iov[0].iov_len = 8;
	iov[1].iov_base = "gather";
	iov[1].iov_len = 6;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	CHECK(sendmsg(sv[0], &mh, 0) == 14);
	iov[0].iov_base = buf;
	iov[0].iov_len = 4;
	iov[1].iov_base = buf + 4;
	iov[1].iov_len = sizeof buf - 4;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	CHECK(recvmsg(sv[1], &mh, 0) == 14 && memcmp(buf, "scatter gather", 14) == 0);
	CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);

	memset(&su, 0, sizeof su);
	su.sun_family = AF_UNIX;
	strcpy(su.sun_path, DIR_NAME "/sock");
	ls = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(ls >= 0);
	CHECK(bind(ls, (struct sockaddr *)&su, sizeof su) == 0);
	CHECK(listen(ls, 1) == 0);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(c >= 0);
	CHECK(connect(c, (struct sockaddr *)&su, sizeof su) == 0);
	s = accept(ls, NULL, NULL);
	CHECK(s >= 0);
	CHECK(write(c, "unix", 4) == 4);
	CHECK(read(s, buf, sizeof buf) == 4 && memcmp(buf, "unix", 4) == 0);
	CHECK(close(s) == 0 && close(c) == 0 && close(ls) == 0);
	CHECK(unlink(DIR_NAME "/sock") == 0);
	E2E_END_N(2);

	e2e_rmtree_at(AT_FDCWD, DIR_NAME);
	printf("sockets: ok\n");
	return 0;
}
