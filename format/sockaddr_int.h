/* What the socket address printers share (sockaddr.c: the common families and the
 * dispatch; sockaddr_other.c: the rest).  Internal to format/. */
#ifndef SCT_SOCKADDR_INT_H
#define SCT_SOCKADDR_INT_H

#include <stddef.h>
#include <stdint.h>
#include "decode.h"

#define SIN6_MIN_LEN 24		/* struct sockaddr_in6 up to sin6_scope_id */

static const char sct_sa_hexdig[] = "0123456789abcdef";

static inline uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint16_t get_be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ", name=" */
void sct_sa_field(struct sct_out *o, const char *name);
/* strace's %#0*x with the width of a `bytes`-byte field: 0x0042, or 00 for zero */
void sct_sa_put_0x(struct sct_out *o, uint64_t v, int bytes);
/* A table's value as PRINT_FIELD_XVAL_VERBOSE: 0x1 / * NAME * / unless -X raw */
void sct_sa_xlat_verbose(struct sct_out *o, unsigned t, uint64_t v);
/* n bytes exactly, quoted, no -s limit */
void sct_sa_quoted(struct sct_out *o, const unsigned char *p, size_t n);
/* A char array that should end in NUL: up to it, else all but the last byte and "..." */
void sct_sa_quoted_cstr(struct sct_out *o, const unsigned char *p, size_t size);
/* "\x00\x50": bytes in forced hex */
void sct_sa_print_hexstr_style(struct sct_out *o, const unsigned char *p, size_t n);
/* htons(80), with -X */
void sct_sa_print_net_port(struct sct_out *o, const unsigned char *p);
/* The fields of struct sockaddr_in and sockaddr_in6 (p at sa_family) */
void sct_sa_print_in(struct sct_out *o, const unsigned char *p);
void sct_sa_print_in6(struct sct_out *o, const unsigned char *p, size_t len);

/* The other families' fields (sockaddr_other.c), p at sa_family, len >= their struct */
void sct_sa_print_ipx(struct sct_out *o, const unsigned char *p);
void sct_sa_print_ax25(const struct sct_dec *d, struct sct_out *o, const unsigned char *p,
		       size_t len);
void sct_sa_print_x25(struct sct_out *o, const unsigned char *p);
void sct_sa_print_bt(struct sct_out *o, const unsigned char *p, size_t len);
void sct_sa_print_rxrpc(struct sct_out *o, const unsigned char *p, size_t len);
void sct_sa_print_ieee802154(struct sct_out *o, const unsigned char *p);
void sct_sa_print_alg(struct sct_out *o, const unsigned char *p, size_t len);
void sct_sa_print_nfc(struct sct_out *o, const unsigned char *p, size_t len);
void sct_sa_print_vsock(struct sct_out *o, const unsigned char *p);
void sct_sa_print_qrtr(struct sct_out *o, const unsigned char *p);
/* call: the record, for -y on the shared umem's descriptor (NULL: a number) */
void sct_sa_print_xdp(struct sct_out *o, const unsigned char *p, const struct sct_dec *call);
void sct_sa_print_mctp(struct sct_out *o, const unsigned char *p);

#endif
