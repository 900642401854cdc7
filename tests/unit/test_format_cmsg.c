/* Control messages (format/cmsg.c) in sendmsg's msghdr: records built by hand,
 * compared with the lines strace 6.1 prints for the same bytes (its msg_control and
 * inet-cmsg tests, run on this machine). */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_sendmsg = { "sendmsg", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(MSG_IN, NOAUX), A(MSGFLAGS, NOAUX) } };

#define CTL 0x7f3846c4afe8ull

static struct {
	_Alignas(8) unsigned char b[1024];
	uint32_t len;
} m;

/* msghdr blob (kinds.h) with no name and no iovec, `cap` control bytes captured */
static void build(uint64_t ctllen, const void *ctl, uint32_t cap)
{
	uint64_t addr = CTL;

	memset(&m, 0, sizeof(m));
	memcpy(m.b + 32, &addr, 8);
	memcpy(m.b + 40, &ctllen, 8);
	memcpy(m.b + 60, &cap, 4);
	memcpy(m.b + 64, ctl, cap);
	m.len = 64 + sct_align8(cap);
	trec_init(&t, -9, (uint64_t)-1, 0x7ffe0000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
}

static void cmsg(unsigned char *p, uint64_t len, int32_t level, int32_t type, const void *data,
		 size_t n)
{
	memcpy(p, &len, 8);
	memcpy(p + 8, &level, 4);
	memcpy(p + 12, &type, 4);
	memcpy(p + 16, data, n);
}

static const char *ctl_text(void)
{
	const char *s = trec_arg(&t, &c_sendmsg, 1), *a = strstr(s, "msg_control=");

	return a ? a : s;
}

Test(format_cmsg, walk_and_tails)
{
	unsigned char c[64];
	int32_t fds[4] = { -10, -11, -12, -13 };

	/* a header whose length is shorter than a header ends the walk: the rest of
	 * the buffer is shown as its address */
	memset(c, 0, sizeof(c));
	cmsg(c, 0, 1, 1, fds, 0);
	build(17, c, 17);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=0, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* 0x7f3846c4aff8 */], msg_controllen=17, msg_flags=0}");
	/* no payload where strace prints none (cmsg_len 16..19: no whole fd) */
	cmsg(c, 16, 1, 1, fds, 0);
	build(16, c, 16);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}], msg_controllen=16, msg_flags=0}");
	/* the payload as far as the buffer goes */
	cmsg(c, 33, 1, 1, fds, 16);
	build(24, c, 24);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=33, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[-10, -11]}], msg_controllen=24, msg_flags=0}");
	/* unreadable: nothing captured, the address */
	build(16, c, 0);
	cr_assert_str_eq(ctl_text(), "msg_control=0x7f3846c4afe8, msg_controllen=16, msg_flags=0}");
	/* longer than net.core.optmem_max: ", ..." after what strace reads */
	cmsg(c, 262144, 1, 1, fds, 16);
	build(262144, c, 32);
	t.f.optmem_max = 32;
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=262144, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[-10, -11, -12, -13]}, ...], msg_controllen=262144, msg_flags=0}");
	/* an unknown level: the type in hex, no payload */
	cmsg(c, 16, 6, (int32_t)0xdeadbeef, fds, 0);
	build(16, c, 16);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=16, cmsg_level=SOL_TCP, cmsg_type=0xdeadbeef}], msg_controllen=16, msg_flags=0}");
}

Test(format_cmsg, sol_ip_payloads)
{
	unsigned char c[64];
	unsigned char pkt[12] = { 1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	uint32_t ttl = 0xfacefeed;
	unsigned char ee[32] = { 0xef, 0xbe, 0xad, 0xde, 2, 3, 4, 0, 0xed, 0xfe, 0xce, 0xfa,
				 0xed, 0x0d, 0xdc, 0xba, 2, 0, 0x30, 0x39, 127, 0, 0, 1 };

	memset(c, 0, sizeof(c));
	cmsg(c, 28, 0, 8, pkt, 12);
	build(32, c, 32);
	/* interface 1 is the loopback */
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=if_nametoindex(\"lo\"), ipi_spec_dst=inet_addr(\"1.2.3.4\"), ipi_addr=inet_addr(\"5.6.7.8\")}}], msg_controllen=32, msg_flags=0}");
	cmsg(c, 20, 0, 2, &ttl, 4);
	build(24, c, 24);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[4207869677]}], msg_controllen=24, msg_flags=0}");
	cmsg(c, 48, 0, 11, ee, 32);
	build(48, c, 48);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=48, cmsg_level=SOL_IP, cmsg_type=IP_RECVERR, cmsg_data={ee_errno=3735928559, ee_origin=2, ee_type=3, ee_code=4, ee_info=4207869677, ee_data=3134983661, offender={sa_family=AF_INET, sin_port=htons(12345), sin_addr=inet_addr(\"127.0.0.1\")}}}], msg_controllen=48, msg_flags=0}");
	/* a type strace does not decode at a known level: no cmsg_data */
	cmsg(c, 20, 0, 0x63, &ttl, 4);
	build(24, c, 24);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=0x63 /* IP_??? */}], msg_controllen=24, msg_flags=0}");
	/* SCM_SECURITY's label, and a timestamp too short for its struct */
	cmsg(c, 19, 1, 3, "abc", 3);
	build(24, c, 24);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=19, cmsg_level=SOL_SOCKET, cmsg_type=SCM_SECURITY, cmsg_data=\"abc\"}], msg_controllen=24, msg_flags=0}");
	cmsg(c, 24, 1, 29, "\1\0\0\0\0\0\0\0", 8);
	build(24, c, 24);
	cr_assert_str_eq(ctl_text(), "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data=???}], msg_controllen=24, msg_flags=0}");
}
