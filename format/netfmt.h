/* Helpers shared by the network, iovec, polling, signal and time decoders
 * (net.c, iov.c, poll.c, sig.c, time.c).  Internal to format/. */
#ifndef SCT_NETFMT_H
#define SCT_NETFMT_H

#include <stddef.h>
#include <stdint.h>
#include "decode.h"

/* A sockaddr of `len` bytes as strace prints it: {sa_family=AF_INET, ...}.
 * The caller prints the address instead when len < 2. */
void sct_print_sockaddr(struct sct_out *o, const unsigned char *p, size_t len);
/* The same for an argument of call d: a pid in it (AF_NETLINK's nl_pid) prints
 * through format/pid.c */
void sct_print_sockaddr_of(const struct sct_dec *d, const unsigned char *p, size_t len);

/* msg_control of `len` bytes at `addr`, `cap` of them captured at p (cmsg.c). */
void sct_print_msg_control(const struct sct_dec *d, uint64_t addr, uint64_t len,
			   const unsigned char *p, size_t cap);

/* The 4 (AF_INET) or 16 (AF_INET6) bytes of an address as inet_ntop prints them
 * (sockaddr.c). */
void sct_print_inet_addr(struct sct_out *o, int family, const unsigned char *a);

/* inet_addr("127.0.0.1") for 4 bytes in network order, following -X as strace's
 * print_inet_addr: "\x7f\x00\x00\x01" (raw), both (verbose) (sockaddr.c). */
void sct_print_inaddr(struct sct_out *o, const unsigned char *a);

/* if_nametoindex("lo"), or the number when no interface has that index; -X raw
 * prints the number, verbose both (ifindex.c). */
void sct_print_ifindex(struct sct_out *o, uint32_t idx);

/* A hardware address as 01:02:03:04:05:06, with -X as strace's print_mac_addr:
 * "\x01\x02..." (raw), both (verbose) (sockaddr_other.c). */
void sct_print_mac(struct sct_out *o, const unsigned char *a, size_t n);

/* MSG_DONTWAIT|MSG_NOSIGNAL or 0. */
void sct_print_msgflags(struct sct_out *o, uint64_t v);

/* cmsg_type of a control message at `level` (SCM_RIGHTS, IP_TOS, or a number). */
void sct_print_cmsg_type(struct sct_out *o, uint32_t level, uint32_t type);

/* SOL_SOCKET, SOL_TCP, or 0x4d / * SOL_?? * /. */
void sct_print_sol(struct sct_out *o, uint32_t level);

/* Bytes as "\x00\x09" (strace's forced hex quoting). */
void sct_print_hexstr(struct sct_out *o, const unsigned char *p, size_t n);

/* {tv_sec=1, tv_nsec=0} / {tv_sec=1, tv_usec=0} from 16 captured bytes. */
void sct_print_timespec(struct sct_out *o, const unsigned char *p);
void sct_print_timeval(struct sct_out *o, const unsigned char *p);

/* The socklen_t behind argument `a` before (IN) or after (OUT) the call; 0 when
 * it was captured. */
int sct_socklen_at(const struct sct_dec *d, int a, unsigned when, uint32_t *v);

/* Index of the first argument of `kind` in d's call, or -1. */
int sct_find_kind(const struct sct_dec *d, unsigned kind);

/* Argument `i`'s related argument (aux), or -1 when the spec gave none. */
static inline int sct_aux(const struct sct_dec *d, unsigned i)
{
	unsigned a = d->c->arg[i].aux;

	return a < SCT_MAX_ARGS ? (int)a : -1;
}

/* Little helpers for reading captured bytes of any alignment. */
static inline uint32_t sct_get32(const unsigned char *p)
{
	uint32_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline uint64_t sct_get64(const unsigned char *p)
{
	uint64_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

#endif
