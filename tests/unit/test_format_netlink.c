/* Netlink messages (format/netlink.c, nlattr.c, netlink_route.c): records with a
 * netlink blob built by hand, compared with what strace 6.1 prints for the same
 * bytes, and blobs that lie about their lengths (the runner trusts nothing). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_sendto = { "sendto", 0, 6, SCT_R_INT,
	{ A(FD, NOAUX), A(BUF_IN, 2), A(ULONG, NOAUX), A(MSGFLAGS, NOAUX), A(SADDR_IN, 5),
	  A(INT, NOAUX) } };

#define BASE 0x7f0000001000ull

/* a netlink blob of one buffer at BASE: `len` bytes for strace, `cap` captured */
static void nl_blob(int32_t proto, uint64_t len, const void *data, uint32_t cap)
{
	static _Alignas(8) unsigned char b[4096];
	int32_t head[2] = { proto, 1 };
	uint64_t seg[2] = { BASE, len };
	uint32_t meta[2] = { cap, 0 };

	memset(b, 0, sizeof(b));
	memcpy(b, head, 8);
	memcpy(b + 8, seg, 16);
	memcpy(b + 24, meta, 8);
	memcpy(b + 32, data, cap);
	trec_blob(&t, SCT_BLOB_ARG_NETLINK, SCT_BLOB_IN, b, 32 + sct_align8(cap), 0);
}

struct getlink {
	struct nlmsghdr h;
	struct ifinfomsg i;
	struct rtattr a;
	char name[4];
};

static const struct getlink req = {
	{ sizeof(struct getlink), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1234, 0 },
	{ AF_UNSPEC, 0, 0, 0, 0, 0 },
	{ 8, IFLA_IFNAME }, "lo"
};

/* the name's payload is "lo\0\0": strace leaves out only the last NUL */
Test(format_netlink, route_request_with_attribute)
{
	trec_init(&t, sizeof(req), 3, BASE, sizeof(req), 0, 0, 0);
	nl_blob(NETLINK_ROUTE, sizeof(req), &req, sizeof(req));
	cr_assert_str_eq(trec_line(&t, &c_sendto),
		"sendto(3, [{nlmsg_len=40, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
		"nlmsg_seq=1234, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
		"ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=8, nla_type=IFLA_IFNAME}, \"lo\\0\"]], "
		"40, 0, NULL, 0) = 40\n");
}

/* what was not captured prints as the address of what strace could not read */
Test(format_netlink, unreadable_payload_prints_its_address)
{
	trec_init(&t, -14, 3, BASE, sizeof(req), 0, 0, 0);
	nl_blob(NETLINK_ROUTE, sizeof(req), &req, 20);
	cr_assert_str_eq(trec_line(&t, &c_sendto),
		"sendto(3, [{nlmsg_len=40, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
		"nlmsg_seq=1234, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, 0x7f0000001011}], "
		"40, 0, NULL, 0) = -1 EFAULT (Bad address)\n");
}

/* shorter than a header: hex, as strace's printstr_ex(QUOTE_FORCE_HEX) */
Test(format_netlink, short_buffer_in_hex)
{
	trec_init(&t, 4, 3, BASE, 4, 0, 0, 0);
	nl_blob(NETLINK_SOCK_DIAG, 4, "abcd", 4);
	cr_assert_str_eq(trec_line(&t, &c_sendto),
		"sendto(3, \"\\x61\\x62\\x63\\x64\", 4, 0, NULL, 0) = 4\n");
}

/* a blob whose captured length exceeds the blob, or a record with none: the
 * buffer prints as the string captured for it, never out of bounds */
Test(format_netlink, lying_blob_is_ignored)
{
	static _Alignas(8) unsigned char b[64];
	int32_t head[2] = { NETLINK_ROUTE, 1 };
	uint64_t seg[2] = { BASE, 40 };
	uint32_t meta[2] = { 0x7fffffff, 0 };

	memcpy(b, head, 8);
	memcpy(b + 8, seg, 16);
	memcpy(b + 24, meta, 8);
	trec_init(&t, 4, 3, BASE, 4, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, "abcd", 4, 0);
	trec_blob(&t, SCT_BLOB_ARG_NETLINK, SCT_BLOB_IN, b, 40, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendto),
			 "sendto(3, \"abcd\", 4, 0, NULL, 0)        = 4\n");
}

/* nlmsg_len 0 in a long buffer must not loop: one message, then nothing */
Test(format_netlink, zero_length_message_ends_the_walk)
{
	static const struct nlmsghdr h[2] = { { 0, NLMSG_NOOP, 0, 0, 0 }, { 16, NLMSG_NOOP, 0, 0, 0 } };

	trec_init(&t, 32, 3, BASE, 32, 0, 0, 0);
	nl_blob(NETLINK_ROUTE, 32, h, 32);
	cr_assert_str_eq(trec_line(&t, &c_sendto),
		"sendto(3, {nlmsg_len=0, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=0, "
		"nlmsg_pid=0}, 32, 0, NULL, 0) = 32\n");
}

/* random messages of every protocol, mostly well framed (headers and attributes
 * with plausible lengths) so that the decoders below the framing run: nothing may
 * crash, loop or write past the line buffer */
static uint64_t rnd_state = 88172645463325252ull;

static uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (uint32_t)rnd_state;
}

static void random_attrs(unsigned char *p, uint32_t len, int depth)
{
	while (len >= 4) {
		uint16_t alen = (uint16_t)(4 + rnd() % (len - 3)), type = (uint16_t)(rnd() % 64);

		if (depth < 3 && rnd() % 3 == 0)
			type |= 0x8000;
		memcpy(p, &alen, 2);
		memcpy(p + 2, &type, 2);
		for (uint32_t k = 4; k < alen; k++)
			p[k] = (unsigned char)rnd();
		if (depth < 3 && alen > 8 && rnd() % 2)
			random_attrs(p + 4, alen - 4u, depth + 1);
		alen = (uint16_t)((alen + 3) & ~3);
		if (alen >= len)
			break;
		p += alen;
		len -= alen;
	}
}

Test(format_netlink, random_messages_do_not_crash)
{
	static const int protos[] = { 0, 4, 6, 7, 9, 12, 15, 16, 21, 99, -1 };
	static unsigned char m[2048];

	for (int i = 0; i < 20000; i++) {
		uint32_t len = 16 + rnd() % 600, cap = rnd() % 4 ? len : rnd() % (len + 1);
		struct nlmsghdr h;
		uint32_t off = 16 + (rnd() % 4) * 4;

		for (uint32_t k = 0; k < len; k++)
			m[k] = (unsigned char)rnd();
		h.nlmsg_len = rnd() % 3 ? len : rnd() % 1024;
		h.nlmsg_type = (uint16_t)(rnd() % 3 ? 16 + rnd() % 110 : rnd());
		h.nlmsg_flags = (uint16_t)rnd();
		h.nlmsg_seq = rnd();
		h.nlmsg_pid = rnd();
		memcpy(m, &h, sizeof(h));
		m[16] = (unsigned char)(rnd() % 3 ? rnd() % 48 : rnd());	/* a family */
		if (len > off + 8 + 16)
			random_attrs(m + off + 16, len - off - 16, 0);
		trec_init(&t, len, 3, BASE, len, 0, 0, 0);
		t.f.strsize = rnd() % 4 ? 32 : rnd() % 8;
		nl_blob(protos[rnd() % 11], len, m, cap);
		const char *s = trec_line(&t, &c_sendto);
		cr_assert(strlen(s) < sizeof(t.text));
	}
}
