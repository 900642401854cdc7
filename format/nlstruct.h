/* The fixed structs that start netlink payloads (ifinfomsg, rtmsg, unix_diag_req...),
 * described as data: each field's name, offset, size and how it prints; strace's
 * decode_<struct> made once (format/nlstruct.c).  Internal to format/. */
#ifndef SCT_NLSTRUCT_H
#define SCT_NLSTRUCT_H

#include "nlattr.h"

enum {
	SCT_NF_U,		/* unsigned decimal */
	SCT_NF_X,		/* hex */
	SCT_NF_XNZ,		/* hex, left out when 0 */
	SCT_NF_XVAL,		/* a value of table `xlat` (dflt NULL: no comment) */
	SCT_NF_FLAGS,		/* flags of table `xlat` */
	SCT_NF_IFINDEX,		/* if_nametoindex("lo") */
	SCT_NF_SHIFT,		/* 1<<NAME: bits numbered by table `xlat` */
	SCT_NF_SHIFT1,		/* 1<<(NAME-1): bits numbered from 1 by table `xlat` */
	SCT_NF_COOKIE,		/* two u32: [1, 2] */
	SCT_NF_SOCKID,		/* struct inet_diag_sockid of the struct's family */
	SCT_NF_SOCKID4,		/* the same, always AF_INET (smc_diag) */
	SCT_NF_NDIAG_PROTO,	/* NDIAG_PROTO_ALL or a NETLINK_* */
	SCT_NF_0X,		/* hex in the field's width: 0x0000abcd */
	SCT_NF_D,		/* signed decimal */
	SCT_NF_HWADDR,		/* 00:11:22:33:44:55 (size bytes) */
	SCT_NF_ETHER_BE,	/* htons(ETH_P_8021Q): a big-endian ethertype */
	SCT_NF_U64_PAIR,	/* u64[2] by index: [[NAME0]=1, [NAME1]=2], names of `xlat` */
};

struct sct_nl_field {
	const char *name;
	uint8_t off, size, how;
	int16_t xlat;			/* SCT_XLAT_*, or -1 */
	const char *dflt;
};

/* A struct: its first byte (the family) field's name, its size, the fields after the
 * family (none: the family alone whatever the length), then its attributes */
struct sct_nl_struct {
	const char *family;
	uint8_t size;
	uint8_t nfields;
	const struct sct_nl_field *f;
	int16_t attrs;			/* SCT_XLAT_* of the attribute names, -1: none */
	const char *attr_dflt;
	const struct sct_nla_decoder *dec;
	unsigned ndec;
};

/* An attribute whose payload is a struct of `fields`: at least `min` bytes (else
 * hex), a field shown when the payload holds it */
struct sct_nla_fields {
	uint16_t min, size;
	uint8_t nfields;
	const struct sct_nl_field *f;
	uint8_t rest;			/* bytes past the struct follow in hex */
};
sct_nla_fn sct_nla_fields_fn;
#define SCT_NLA_FIELDS(min, size, fields) \
	{ sct_nla_fields_fn, &(const struct sct_nla_fields){ min, size, SCT_NL_N(fields), 0 } }
#define SCT_NLA_FIELDS_REST(size, fields) \
	{ sct_nla_fields_fn, &(const struct sct_nla_fields){ size, size, SCT_NL_N(fields), 1 } }

/* an unsigned field of 1, 2, 4 or 8 bytes at offset off */
#define U8(name, off) { name, off, 1, SCT_NF_U, -1, NULL }
#define U16(name, off) { name, off, 2, SCT_NF_U, -1, NULL }
#define U32(name, off) { name, off, 4, SCT_NF_U, -1, NULL }
#define U64(name, off) { name, off, 8, SCT_NF_U, -1, NULL }

#define SCT_NL_N(a) (uint8_t)(sizeof(a) / sizeof((a)[0])), a

/* {family=AF_X, fields...}, then ", " and the attributes when len goes past the
 * struct; the attribute decoders get the struct's bytes as opaque data */
void sct_nl_struct_print(const struct sct_nl *v, const struct sct_nl_struct *s, uint8_t family,
			 uint64_t addr, uint32_t len);

#endif
