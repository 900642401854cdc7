/* Socket option values, shared by sockopt.c (levels, names, SOL_SOCKET, the
 * fallbacks) and sockopt_ip.c (SOL_IP, SOL_IPV6, SOL_RAW, SOL_PACKET).  Internal to
 * format/. */
#ifndef SCT_SOCKOPT_H
#define SCT_SOCKOPT_H

#include <stddef.h>
#include <stdint.h>
#include "decode.h"

enum {
	SOL_IP_ = 0, SOL_SOCKET_ = 1, SOL_TCP_ = 6, SOL_UDP_ = 17, SOL_IPV6_ = 41,
	SOL_RAW_ = 255, SOL_PACKET_ = 263, SOL_NETLINK_ = 270,
};

/* One option value as strace sees it: for setsockopt `len` is optlen; for getsockopt
 * the length the kernel returned (and `ulen` the one passed in). */
struct sopt {
	struct sct_out *o;
	const struct sct_dec *d;	/* the call's (a ucred's pid prints through it) */
	uint64_t addr;
	const unsigned char *p;		/* the captured start of the value */
	size_t n;			/* bytes captured (fewer than asked: a fault) */
	int32_t len, ulen;
	int get;
	unsigned strsize;
};

/* The value of an option whose level this file knows; 0 when printed, -1 when the
 * caller prints the default form. */
int sct_sopt_ip(const struct sopt *v, uint32_t level, uint32_t name);

/* Default forms: [int] when 4 bytes can be read, else the address. */
void sct_sopt_int(const struct sopt *v);
void sct_sopt_addr(const struct sopt *v);

/* A struct of 32-bit fields, {a=1, b=2}; `kinds` has one letter a field: 'd' signed,
 * 'u' unsigned, 'i' an id (-1 or unsigned), 'p' a pid (format/pid.c).  Only the first `len` bytes (at most the
 * struct) are printed, as strace does: a field cut short as "\x01\x00", and the
 * fields after it not at all.  The address when those bytes were not captured. */
void sct_sopt_fields(const struct sopt *v, size_t len, const char *const *names,
		     const char *kinds);

#endif
