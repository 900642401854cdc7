/* A program whose seccomp filter kills it on getsockopt, then talks netlink with
 * sendto, recvfrom and recvmsg: the tracer, which asks a socket its protocol with
 * getsockopt, must ask nothing once the filter is in (it would kill the program). */
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/filter.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/seccomp.h>
#include "e2e.h"

static int filter(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getsockopt, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

int main(void)
{
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
	} req = { { sizeof(req), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0 }, { AF_UNSPEC } };
	struct sockaddr_nl from;
	static char buf[32768];
	struct iovec iov = { buf, sizeof buf };
	struct msghdr mh = { &from, sizeof from, &iov, 1, NULL, 0, 0 };
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	CHECK(fd >= 0);
	CHECK(filter() == 0);
	CHECK(sendto(fd, &req, sizeof req, 0, NULL, 0) == (long)sizeof req);
	CHECK(recvfrom(fd, buf, 16, MSG_PEEK, NULL, NULL) > 0);
	CHECK(recvmsg(fd, &mh, 0) > 0);
	CHECK(sendto(fd, "abc", 3, MSG_DONTWAIT, NULL, 0) >= -1);
	printf("netlink under a filter: ok\n");
	return 0;
}
