/* NETLINK_ROUTE messages (strace's netlink_route.c and rtnl_*.c): the message's
 * struct by its type, the attributes after it; a type without a decoder as
 * {family=AF_X, data="\x.."}. */
#include <string.h>
#include <linux/rtnetlink.h>
#include "netlink.h"
#include "nlattr.h"
#include "xlattab.h"
#include "out.h"

#define X(t) (sct_xlat_tabs[SCT_XLAT_##t].x)

int sct_nl_route(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (!sct_nl_fetch(v, addr, &family, 1)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{family=");
	sct_print_xval(v->o, X(addrfams), family, "AF_???");
	if (len > 1) {
		sct_out_puts(v->o, ", data=");
		sct_nl_hex(v, addr + 1, len - 1);
	}
	sct_out_putc(v->o, '}');
	return 1;
}
