/* NETLINK_SOCK_DIAG messages (strace's netlink_sock_diag.c and its per-family
 * files): a request or an answer by the address family of its first byte, the
 * attributes after it; a family without a decoder as {family=AF_X, data="\x.."}. */
#include <string.h>
#include <sys/socket.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include "netlink.h"
#include "nlattr.h"
#include "netlink_route.h"
#include "xlattab.h"
#include "out.h"

#define X(t) (sct_xlat_tabs[SCT_XLAT_##t].x)

/* what follows a struct that was read: "field=" and its value */
static void field(struct sct_out *o, const char *name)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
}

static void print_family(const struct sct_nl *v, const char *name, uint8_t family)
{
	sct_out_putc(v->o, '{');
	sct_out_puts(v->o, name);
	sct_out_putc(v->o, '=');
	sct_print_xval(v->o, X(addrfams), family, "AF_???");
}

/* decode_family: {family=AF_X, data="\x.."} */
static void family_only(const struct sct_nl *v, uint8_t family, uint64_t addr, uint32_t len)
{
	print_family(v, "family", family);
	if (len > 1) {
		field(v->o, "data");
		sct_nl_hex(v, addr + 1, len - 1);
	}
	sct_out_putc(v->o, '}');
}

/* The rest of a struct of `size` bytes whose first byte, the family, is printed:
 * its bytes, or NULL after printing "..." (too short) or the address (unreadable) */
const unsigned char *sct_nl_struct_rest(const struct sct_nl *v, uint64_t addr, uint32_t len,
					uint32_t size, unsigned off)
{
	const unsigned char *p;

	sct_out_puts(v->o, ", ");
	if (len < size) {
		sct_out_puts(v->o, "...}");
		return NULL;
	}
	if (!(p = sct_nl_get(v, addr + off, size - off))) {
		sct_nl_addr(v, addr + off);
		sct_out_putc(v->o, '}');
		return NULL;
	}
	return p - off;
}

static void cookie(struct sct_out *o, const uint32_t *c)
{
	sct_out_putc(o, '[');
	sct_out_udec(o, c[0]);
	sct_out_puts(o, ", ");
	sct_out_udec(o, c[1]);
	sct_out_putc(o, ']');
}

static void unix_req(const struct sct_nl *v, uint64_t addr, uint32_t len)
{
	struct unix_diag_req r;
	const unsigned char *p;
	struct sct_out *o = v->o;

	print_family(v, "sdiag_family", AF_UNIX);
	if (!(p = sct_nl_struct_rest(v, addr, len, sizeof(r), 1)))
		return;
	memcpy(&r, p, sizeof(r));
	sct_out_puts(o, "sdiag_protocol=");
	sct_out_udec(o, r.sdiag_protocol);
	field(o, "udiag_states");
	sct_nl_shift_flags(o, X(tcp_states), r.udiag_states, "1<<TCP_???");
	field(o, "udiag_ino");
	sct_out_udec(o, r.udiag_ino);
	field(o, "udiag_show");
	sct_print_flags(o, X(unix_diag_show), r.udiag_show, "UDIAG_SHOW_???");
	field(o, "udiag_cookie");
	cookie(o, r.udiag_cookie);
	sct_out_putc(o, '}');
}

static int unix_vfs(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct unix_diag_vfs uv;

	(void)opaque;
	if (len < sizeof(uv))
		return 0;
	if (!sct_nl_fetch(v, addr, &uv, sizeof(uv))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{udiag_vfs_dev=makedev(");
	sct_out_hex(v->o, (uv.udiag_vfs_dev >> 8) & 0xfff);
	sct_out_puts(v->o, ", ");
	sct_out_hex(v->o, (uv.udiag_vfs_dev & 0xff) | ((uv.udiag_vfs_dev >> 12) & ~0xffu));
	sct_out_puts(v->o, "), udiag_vfs_ino=");
	sct_out_udec(v->o, uv.udiag_vfs_ino);
	sct_out_putc(v->o, '}');
	return 1;
}

static int u32_array(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return 0;
	sct_nla_array(v, addr, len, 4, sct_nla_elem_u32);
	return 1;
}

static int unix_rqlen(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque)
{
	struct unix_diag_rqlen q;

	(void)opaque;
	if (len < sizeof(q))
		return 0;
	if (!sct_nl_fetch(v, addr, &q, sizeof(q))) {
		sct_nl_addr(v, addr);
		return 1;
	}
	sct_out_puts(v->o, "{udiag_rqueue=");
	sct_out_udec(v->o, q.udiag_rqueue);
	sct_out_puts(v->o, ", udiag_wqueue=");
	sct_out_udec(v->o, q.udiag_wqueue);
	sct_out_putc(v->o, '}');
	return 1;
}

static const struct sct_nla_decoder unix_attrs[] = {
	[UNIX_DIAG_NAME] = { sct_nla_str },
	[UNIX_DIAG_VFS] = { unix_vfs },
	[UNIX_DIAG_PEER] = { sct_nla_u32 },
	[UNIX_DIAG_ICONS] = { u32_array },
	[UNIX_DIAG_RQLEN] = { unix_rqlen },
	[UNIX_DIAG_MEMINFO] = { sct_nla_meminfo },
	[UNIX_DIAG_SHUTDOWN] = { sct_nla_u8 },
	[UNIX_DIAG_UID] = { sct_nla_uid },
};

static void unix_msg(const struct sct_nl *v, uint64_t addr, uint32_t len)
{
	struct unix_diag_msg m;
	const unsigned char *p;
	struct sct_out *o = v->o;

	print_family(v, "udiag_family", AF_UNIX);
	if (!(p = sct_nl_struct_rest(v, addr, len, sizeof(m), 1)))
		return;
	memcpy(&m, p, sizeof(m));
	sct_out_puts(o, "udiag_type=");
	sct_print_xval(o, X(sock_types), m.udiag_type, "SOCK_???");
	field(o, "udiag_state");
	sct_print_xval(o, X(tcp_states), m.udiag_state, "TCP_???");
	field(o, "udiag_ino");
	sct_out_udec(o, m.udiag_ino);
	field(o, "udiag_cookie");
	cookie(o, m.udiag_cookie);
	sct_out_putc(o, '}');
	if (len > NLMSG_ALIGN(sizeof(m))) {
		sct_out_puts(o, ", ");
		sct_nla_decode(v, addr + NLMSG_ALIGN(sizeof(m)), len - NLMSG_ALIGN(sizeof(m)),
			       X(unix_diag_attrs), "UNIX_DIAG_???", unix_attrs,
			       sizeof(unix_attrs) / sizeof(unix_attrs[0]), NULL);
	}
}

int sct_nl_sock_diag(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	uint8_t family;
	int req = (h->nlmsg_flags & NLM_F_REQUEST) != 0;

	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (!sct_nl_fetch(v, addr, &family, 1)) {
		sct_nl_addr(v, addr);
		return 1;
	}
	if (len > 1 && family == AF_UNIX) {
		if (req)
			unix_req(v, addr, len);
		else
			unix_msg(v, addr, len);
		return 1;
	}
	family_only(v, family, addr, len);
	return 1;
}
