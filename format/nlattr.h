/* Netlink attributes, as strace's decode_nlattr: [{nla_len=8, nla_type=IFLA_MTU},
 * 1500], nested tables, and the decoders of common payloads (format/nlattr.c). */
#ifndef SCT_NLATTR_H
#define SCT_NLATTR_H

#include "netlink.h"

/* A payload decoder: 1 when it printed the len bytes at addr, 0 to have them shown
 * in hex.  `opaque` is the table's, or with size 0 the attribute's type. */
typedef int sct_nla_fn(const struct sct_nl *v, uint64_t addr, uint32_t len, const void *opaque);
struct sct_nla_decoder {
	sct_nla_fn *fn;
	const void *arg;		/* passed as opaque instead of the table's, when set */
};

/* The attributes at addr, len bytes; names from table t (dflt "IFLA_???"), payload
 * decoders by type from decoders[size] */
void sct_nla_decode(const struct sct_nl *v, uint64_t addr, uint32_t len, const struct sct_xlat *t,
		    const char *dflt, const struct sct_nla_decoder *decoders, unsigned size,
		    const void *opaque);

sct_nla_fn sct_nla_str, sct_nla_strn, sct_nla_u8, sct_nla_u16, sct_nla_u32, sct_nla_u64,
	sct_nla_s8, sct_nla_s16, sct_nla_s32, sct_nla_s64, sct_nla_x8, sct_nla_x16, sct_nla_x32,
	sct_nla_x64, sct_nla_xint, sct_nla_be16, sct_nla_be64, sct_nla_in_addr, sct_nla_in6_addr,
	sct_nla_fd, sct_nla_uid, sct_nla_ifindex, sct_nla_meminfo, sct_nla_clock_t,
	sct_nla_hwaddr;	/* 00:11:22:33:44:55, up to 32 bytes */

/* decode_nla_xval / decode_nla_flags: an integer of at most 8 bytes (at least
 * `size`, and only `size` of them read when set) named by table `xlat`; the
 * decoder's arg points at one of these */
struct sct_nla_xlat {
	int16_t xlat;			/* SCT_XLAT_* */
	uint8_t size;
	uint8_t flags;			/* printed as flags, else as a value */
	const char *dflt;
};
sct_nla_fn sct_nla_xlat_fn;
#define SCT_NLA_XVAL(t, size, dflt) \
	{ sct_nla_xlat_fn, &(const struct sct_nla_xlat){ SCT_XLAT_##t, size, 0, dflt } }
#define SCT_NLA_FLAGS(t, size, dflt) \
	{ sct_nla_xlat_fn, &(const struct sct_nla_xlat){ SCT_XLAT_##t, size, 1, dflt } }

/* Nested attributes: names from table `xlat`, payloads by decoders[ndec] */
struct sct_nla_nest {
	int16_t xlat;
	const char *dflt;
	const struct sct_nla_decoder *dec;
	unsigned ndec;
};
sct_nla_fn sct_nla_nested;
#define SCT_NLA_NEST(t, dflt, dec) \
	{ sct_nla_nested, &(const struct sct_nla_nest){ SCT_XLAT_##t, dflt, dec, \
							  sizeof(dec) / sizeof((dec)[0]) } }

/* strace's print_inet_addr: inet_addr("1.2.3.4"), inet_pton(AF_INET6, "::1", &name)
 * (no name: without the &name), the len bytes in hex for another family; with -X
 * the bytes too; name NULL: no "name=" */
void sct_nl_inet_addr(struct sct_out *o, int af, const unsigned char *a, size_t len,
		      const char *name);

/* strace's print_array over len / es elements at addr, each printed by fn */
typedef void sct_nla_elem(struct sct_out *o, const unsigned char *e);
void sct_nla_array(const struct sct_nl *v, uint64_t addr, uint32_t len, uint32_t es,
		   sct_nla_elem *fn);
sct_nla_elem sct_nla_elem_u8, sct_nla_elem_u32;
/* the same with PAF_PRINT_INDICES: [[NAME]=1, ...], elements of es bytes (4 or 8),
 * signed when sgn, indices named by table t (| SCT_NLA_MINUS1: index k is the
 * table's k + 1, named NAME-1) */
#define SCT_NLA_MINUS1 2
void sct_nla_indexed(const struct sct_nl *v, uint64_t addr, uint32_t len, uint32_t es,
		     const struct sct_xlat *t, const char *dflt, int sgn);

#endif
