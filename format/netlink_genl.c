/* NETLINK_GENERIC's message types are family ids the kernel hands out: strace names
 * them by asking the kernel (CTRL_CMD_GETFAMILY), once; so do we, with raw system
 * calls (this code also runs inside the traced process, standalone mode, where a
 * libc call would be traced). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/netlink.h>
#include <linux/genetlink.h>
#include "netlink.h"
#include "out.h"

#define MAX_FAMILIES 128

static long raw6(long n, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ volatile ("syscall"
			  : "=a"(ret)
			  : "0"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			  : "rcx", "r11", "memory");
	return ret;
}

static char names[MAX_FAMILIES][GENL_NAMSIZ];
static struct sct_xlat families[MAX_FAMILIES + 1];
static int state;		/* 0: not asked, 1: being asked, 2: known */

/* one answer: a genlmsghdr, then CTRL_ATTR_FAMILY_ID and CTRL_ATTR_FAMILY_NAME */
static void parse(const unsigned char *p, uint32_t len, unsigned *n)
{
	uint32_t off = GENL_HDRLEN;
	uint16_t id = 0;
	const char *name = NULL;
	size_t name_len = 0;

	while (off + 4 <= len) {
		uint16_t alen, type;

		memcpy(&alen, p + off, 2);
		memcpy(&type, p + off + 2, 2);
		if (alen < 4 || off + alen > len)
			break;
		if ((type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID && alen >= 6)
			memcpy(&id, p + off + 4, 2);
		if ((type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_NAME) {
			name = (const char *)p + off + 4;
			name_len = alen - 4u;
		}
		off += NLA_ALIGN(alen);
	}
	if (!name || !name_len || *n >= MAX_FAMILIES)
		return;
	if (name_len >= GENL_NAMSIZ)
		name_len = GENL_NAMSIZ - 1;
	memcpy(names[*n], name, name_len);
	names[*n][name_len] = 0;
	families[*n].val = id;
	families[*n].name = names[*n];
	(*n)++;
}

static void ask(void)
{
	static unsigned char buf[16384];
	struct {
		struct nlmsghdr h;
		struct genlmsghdr g;
	} req = { { sizeof(req), GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, 1, 0 },
		  { CTRL_CMD_GETFAMILY, 1, 0 } };
	unsigned n = 0;
	int done = 0;
	long fd = raw6(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC, 0, 0, 0);

	if (fd < 0)
		return;
	if (raw6(SYS_sendto, fd, (long)&req, sizeof(req), 0, 0, 0) == (long)sizeof(req)) {
		/* the kernel answers a dump as it is read: no wait needed */
		while (!done) {
			long got = raw6(SYS_recvfrom, fd, (long)buf, sizeof(buf), MSG_DONTWAIT, 0, 0);
			uint32_t off = 0;

			if (got <= 0)
				break;
			while (off + NLMSG_HDRLEN <= (uint64_t)got) {
				struct nlmsghdr h;

				memcpy(&h, buf + off, sizeof(h));
				if (h.nlmsg_len < NLMSG_HDRLEN || off + h.nlmsg_len > (uint64_t)got)
					break;
				if (h.nlmsg_type == NLMSG_DONE || h.nlmsg_type == NLMSG_ERROR)
					done = 1;
				else if (h.nlmsg_type == GENL_ID_CTRL)
					parse(buf + off + NLMSG_HDRLEN, h.nlmsg_len - NLMSG_HDRLEN, &n);
				off += NLMSG_ALIGN(h.nlmsg_len);
			}
		}
	}
	raw6(SYS_close, fd, 0, 0, 0, 0, 0);
}

void sct_nl_genl_type(struct sct_out *o, uint16_t type)
{
	int s = __atomic_load_n(&state, __ATOMIC_ACQUIRE), zero = 0;

	if (s == 0 && __atomic_compare_exchange_n(&state, &zero, 1, 0, __ATOMIC_ACQ_REL,
						  __ATOMIC_ACQUIRE)) {
		ask();
		__atomic_store_n(&state, 2, __ATOMIC_RELEASE);
		s = 2;
	}
	/* another thread asking now: the number, as for a family not known */
	sct_print_xval(o, s == 2 ? families : families + MAX_FAMILIES, type, "GENERIC_FAMILY_???");
}
