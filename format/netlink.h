/* Netlink messages as strace shows them (format/netlink.c, nlattr.c and the family
 * files netlink_*.c): the data of the record's SCT_BLOB_ARG_NETLINK blob, read by
 * program address as strace reads the program's memory, so that what was not
 * readable prints as strace prints it, the address.  Internal to format/. */
#ifndef SCT_NETLINK_H
#define SCT_NETLINK_H

#include <stdint.h>
#include <linux/netlink.h>
#include "decode.h"

/* The netlink files name tables by their generated index: X(name) is the table,
 * T(name) its index (SCT_XLAT_name) */
#define X(t) (sct_xlat_tabs[SCT_XLAT_##t].x)
#define T(t) SCT_XLAT_##t

/* One buffer of the blob: `have` bytes at program address `base` were readable */
struct sct_nl {
	const struct sct_dec *d;
	struct sct_out *o;
	int proto;			/* NETLINK_*, or -1 */
	uint64_t base;
	const unsigned char *data;
	uint64_t have;
};

/* The n bytes at program address addr, or NULL when they were not all readable */
const unsigned char *sct_nl_get(const struct sct_nl *v, uint64_t addr, uint64_t n);
/* Copy them into dst: 0 when they were not all readable */
int sct_nl_fetch(const struct sct_nl *v, uint64_t addr, void *dst, uint64_t n);
/* strace's printstr_ex(addr, len, QUOTE_FORCE_HEX): "\x61\x62", cut at -s, the
 * address when the bytes shown were not readable */
void sct_nl_hex(const struct sct_nl *v, uint64_t addr, uint64_t len);
/* The same as a C string (decode_nla_str): "eth0" */
void sct_nl_str(const struct sct_nl *v, uint64_t addr, uint64_t len);
/* NUL-terminated (QUOTE_0_TERMINATED): "eth0", octal escapes, "..." when cut */
void sct_nl_cstr(const struct sct_nl *v, uint64_t addr, uint64_t len);
void sct_nl_addr(const struct sct_nl *v, uint64_t addr);	/* NULL or 0x7ff... */
/* flags of two tables, strace's printflags_ex(flags, dflt, t1, t2) */
void sct_nl_flags2(struct sct_out *o, uint64_t v, const struct sct_xlat *t1,
		   const struct sct_xlat *t2, const char *dflt);
/* the messages at addr, len bytes (decode_netlink) */
void sct_nl_messages(const struct sct_nl *v, uint64_t addr, uint64_t len);
/* a struct nlmsghdr and its payload, len bytes from addr (inside an NLMSG_ERROR too) */
void sct_nl_message(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr, uint64_t len);

/* After a struct's first `off` bytes are printed: ", " and the struct's `size`
 * bytes, or NULL once "...}" (len too short) or "ADDR}" (unreadable) is printed */
const unsigned char *sct_nl_struct_rest(const struct sct_nl *v, uint64_t addr, uint32_t len,
					uint32_t size, unsigned off);

/* A family's payload decoder: 1 when it printed the payload of h (len bytes at addr) */
typedef int sct_nl_payload(const struct sct_nl *v, const struct nlmsghdr *h, uint64_t addr,
			   uint32_t len);
sct_nl_payload sct_nl_route, sct_nl_sock_diag, sct_nl_netfilter;
/* NETLINK_NETFILTER's message type, and the table of its request flags (netlink_nf.c) */
void sct_nl_nf_type(struct sct_out *o, uint16_t type);
const struct sct_xlat *sct_nl_nf_flags(uint16_t type);
/* NETLINK_GENERIC's message type: the family's name, asked of the kernel once
 * (netlink_genl.c) */
void sct_nl_genl_type(struct sct_out *o, uint16_t type);

/* sendto/recvfrom's buffer (argument i) from the netlink blob; 0 when the record has
 * none (format/file.c then prints the buffer as a string) */
int sct_print_netlink_buf(const struct sct_dec *d, unsigned i);

/* sendmsg/recvmsg's iovec element k, at base, len bytes (format/iov.c); 0 when the
 * record has no netlink data for it */
int sct_print_netlink_seg(const struct sct_dec *d, uint64_t k, uint64_t base, uint64_t len);

#endif
