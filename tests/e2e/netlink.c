/* Netlink: an RTM_GETLINK dump request sent with sendto and its answer read with
 * recvmsg (msg_name an AF_NETLINK address), which strace prints as netlink
 * messages.  The socket binds a fixed port id so that the answers' nlmsg_pid is the
 * same in both runs; run with -s 4, which keeps the lines to the first messages and
 * attributes (counters further on change from run to run). */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include "e2e.h"

int main(void)
{
	struct {
		struct nlmsghdr nlh;
		struct ifinfomsg ifi;
	} req;
	struct sockaddr_nl sa, from;
	static char buf[32768];
	struct iovec iov = { buf, sizeof buf };
	struct msghdr mh;
	int fd, done = 0;
	long n;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	CHECK(fd >= 0);
	memset(&sa, 0, sizeof sa);
	sa.nl_family = AF_NETLINK;
	sa.nl_pid = 0x5c7e1092u;
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		sa.nl_pid = 0;		/* the port id is taken: the lines will differ */
		CHECK(bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0);
	}
	memset(&req, 0, sizeof req);
	req.nlh.nlmsg_len = sizeof req;
	req.nlh.nlmsg_type = RTM_GETLINK;
	req.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.nlh.nlmsg_seq = 1234;
	req.ifi.ifi_family = AF_UNSPEC;

	E2E_BEGIN();
	CHECK(sendto(fd, &req, sizeof req, 0, NULL, 0) == (long)sizeof req);
	while (!done) {
		memset(&mh, 0, sizeof mh);
		mh.msg_name = &from;
		mh.msg_namelen = sizeof from;
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		n = recvmsg(fd, &mh, 0);
		CHECK(n > 0);
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (unsigned long)n);
		     h = NLMSG_NEXT(h, n))
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				done = 1;
	}
	/* a message too short for a header, and one the kernel refuses */
	CHECK(sendto(fd, "abcd", 4, MSG_DONTWAIT, NULL, 0) >= -1);
	E2E_END();
	close(fd);
	return 0;
}
