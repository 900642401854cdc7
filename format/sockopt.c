/* Socket options: levels, option names per level, and the values of SOL_SOCKET
 * options with strace 6.1's per-option rules (ints as [1], struct linger and ucred cut
 * at the returned length, SO_ERROR as [ECONNREFUSED]); the forms every other option
 * falls back to (an int when 4 bytes, else a string).  Other levels' values are in
 * sockopt_ip.c.  Also the names of control messages, which share the option tables.
 * The names are data: gen/xlat/sockopt_*.in. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "bpf_filter.h"
#include "netfmt.h"
#include "sockopt.h"
#include "xlattab.h"

enum {
	SO_ERROR_ = 4, SO_LINGER_ = 13, SO_PEERCRED_ = 17, SO_ATTACH_FILTER_ = 26,
	SO_TXREHASH_ = 74,
};

static const char hexdig[] = "0123456789abcdef";

/* SOL_SOCKET options whose value strace 6.1 prints as an int (net.c's "All known
 * int-like options"); others fall back to the default forms. */
static const uint8_t so_int_opts[] = {
	1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 27, 29, 30, 32, 33, 34, 35, 36,
	37, 40, 41, 42, 43, 44, 45, 46, 49, 53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 75,
};

void sct_print_hexstr(struct sct_out *o, const unsigned char *p, size_t n)
{
	sct_out_putc(o, '"');
	for (size_t k = 0; k < n; k++) {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, hexdig[p[k] >> 4]);
		sct_out_putc(o, hexdig[p[k] & 15]);
	}
	sct_out_putc(o, '"');
}

void sct_print_sol(struct sct_out *o, uint32_t level)
{
	sct_print_xlat(o, SCT_XLAT_sockopt_levels, level);
}

/* The option-name table of `level`, or -1 (strace prints those names as numbers). */
static int opt_table(uint32_t level)
{
	switch (level) {
	case SOL_SOCKET_:  return SCT_XLAT_sockopt_socket;
	case SOL_IP_:      return SCT_XLAT_sockopt_ip;
	case SOL_IPV6_:    return SCT_XLAT_sockopt_ipv6;
	case SOL_TCP_:     return SCT_XLAT_sockopt_tcp;
	case SOL_UDP_:     return SCT_XLAT_sockopt_udp;
	case SOL_RAW_:     return SCT_XLAT_sockopt_raw;
	case SOL_PACKET_:  return SCT_XLAT_sockopt_packet;
	case SOL_NETLINK_: return SCT_XLAT_sockopt_netlink;
	}
	return -1;
}

void sct_print_cmsg_type(struct sct_out *o, uint32_t level, uint32_t type)
{
	int t = level == SOL_SOCKET_ ? SCT_XLAT_scm_types : opt_table(level);

	if (t >= 0)
		sct_print_xlat(o, (unsigned)t, type);
	else
		sct_out_udec(o, type);
}

/* --- names ----------------------------------------------------------------------- */

static uint32_t level_of(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);

	if (d->c->arg[i].kind != SCT_K_SOCKOPT || a < 0)
		a = sct_find_kind(d, SCT_K_SOL);
	return a >= 0 ? (uint32_t)d->r->arg[a] : SOL_SOCKET_;
}

int sct_dec_sol(const struct sct_dec *d, unsigned i)
{
	sct_print_sol(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_sockopt(const struct sct_dec *d, unsigned i)
{
	uint32_t level = level_of(d, i), v = (uint32_t)d->r->arg[i];
	int t = opt_table(level);

	/* getsockopt reads the filter back under another name */
	if (level == SOL_SOCKET_ && v == SO_ATTACH_FILTER_ && sct_find_kind(d, SCT_K_SOPT_OUT) >= 0)
		sct_print_named(d->o, v, 0, "SO_GET_FILTER");
	else if (t >= 0)
		sct_print_xlat(d->o, (unsigned)t, v);
	else
		sct_out_udec(d->o, v);
	return 0;
}

/* --- values ---------------------------------------------------------------------- */

void sct_sopt_addr(const struct sopt *v)
{
	sct_print_addr(v->o, v->addr);
}

void sct_sopt_int(const struct sopt *v)
{
	if (v->n < 4) {
		sct_sopt_addr(v);
		return;
	}
	sct_out_putc(v->o, '[');
	sct_out_dec(v->o, (int32_t)sct_get32(v->p));
	sct_out_putc(v->o, ']');
}

/* strace's printstrn: the first -s bytes (it reads one more to know there are more),
 * or the address when they cannot be read. */
static void sopt_str(const struct sopt *v, uint64_t len)
{
	uint64_t want = len < (uint64_t)v->strsize + 1 ? len : (uint64_t)v->strsize + 1;

	if (v->n < want) {
		sct_sopt_addr(v);
		return;
	}
	sct_print_quoted(v->o, v->p, (size_t)want, v->strsize, len > v->strsize);
}

/* A value shorter than an int, in hex (strace's QUOTE_FORCE_HEX). */
static void sopt_short(const struct sopt *v)
{
	if (v->n < (size_t)v->len)
		sct_sopt_addr(v);
	else
		sct_print_hexstr(v->o, v->p, (size_t)v->len);
}

void sct_sopt_fields(const struct sopt *v, size_t len, const char *const *names,
		     const char *kinds)
{
	struct sct_out *o = v->o;
	size_t nf = 0;

	while (kinds[nf])
		nf++;
	if (len > 4 * nf)
		len = 4 * nf;
	if (v->n < len) {
		sct_sopt_addr(v);
		return;
	}
	sct_out_putc(o, '{');
	for (size_t k = 0; k < nf && len > 4 * k; k++) {
		uint32_t x = 0;

		if (k)
			sct_out_puts(o, ", ");
		sct_out_puts(o, names[k]);
		sct_out_putc(o, '=');
		if (len < 4 * k + 4) {
			sct_print_hexstr(o, v->p + 4 * k, len - 4 * k);
			break;
		}
		x = sct_get32(v->p + 4 * k);
		if (kinds[k] == 'p' && v->d) {	/* a pid: -Y, --pidns-translation */
			struct sct_dec at = *v->d;

			at.out = v->get;
			sct_print_pid(&at, (int32_t)x, SCT_PT_TGID);
		} else if (kinds[k] == 'd' || (kinds[k] == 'i' && x == UINT32_MAX)) {
			sct_out_dec(o, (int32_t)x);
		} else {
			sct_out_udec(o, x);
		}
	}
	sct_out_putc(o, '}');
}

static int so_is_int(uint32_t name)
{
	for (size_t k = 0; k < sizeof(so_int_opts); k++)
		if (so_int_opts[k] == name)
			return 1;
	return 0;
}

static const char *const linger_f[] = { "l_onoff", "l_linger" };
static const char *const ucred_f[] = { "pid", "uid", "gid" };

/* SOL_SOCKET values; -1 for the default forms. */
static int so_value(const struct sopt *v, uint32_t name)
{
	struct sct_out *o = v->o;

	switch (name) {
	case SO_LINGER_:
		if (v->get)
			sct_sopt_fields(v, (size_t)v->len, linger_f, "dd");
		else if (v->len < 8)
			sct_sopt_addr(v);
		else
			sct_sopt_fields(v, 8, linger_f, "dd");
		return 0;
	case SO_PEERCRED_:
		if (!v->get)
			return -1;
		sct_sopt_fields(v, (size_t)v->len, ucred_f, "pii");
		return 0;
	case SO_ERROR_: {
		uint32_t err;
		const char *e;

		if (!v->get)
			break;
		if (v->len < 4) {
			sopt_short(v);
			return 0;
		}
		if (v->n < 4) {
			sct_sopt_addr(v);
			return 0;
		}
		err = sct_get32(v->p);
		e = err < 4096 ? sct_errno_name((int)err) : NULL;
		sct_out_putc(o, '[');
		if (e)
			sct_out_puts(o, e);
		else
			sct_out_udec(o, err);
		sct_out_putc(o, ']');
		return 0;
	}
	case SO_ATTACH_FILTER_:
	case 51:		/* SO_ATTACH_REUSEPORT_CBPF: a struct sock_fprog */
		if (v->get && name == 51)
			break;
		/* the program's instructions print with -v (captured by preload/capture.c):
		 * SO_GET_FILTER's as many as it returned (the length counts instructions),
		 * when the buffer held them */
		if (v->get) {
			if (sct_no_abbrev(v->d) && v->len > 0 && v->len <= v->ulen && v->n)
				sct_print_bpf_insns(o, v->p, v->n, (uint64_t)v->len);
			else
				sct_sopt_addr(v);
			return 0;
		}
		if (v->len != 16 || v->n < 16) {
			sct_sopt_addr(v);
			return 0;
		}
		sct_out_puts(o, "{len=");
		sct_out_udec(o, (unsigned)v->p[0] | (unsigned)v->p[1] << 8);
		sct_out_puts(o, ", filter=");
		{
			int a = sct_find_kind(v->d, SCT_K_SOPT_IN);
			const struct sct_blob *b = a >= 0 ? sct_arg_out(v->d, (unsigned)a) : NULL;
			unsigned cnt = (unsigned)v->p[0] | (unsigned)v->p[1] << 8;

			if (sct_no_abbrev(v->d) && b && sct_get64(v->p + 8))
				sct_print_bpf_insns(o, sct_blob_data(b), b->len, cnt);
			else if (sct_no_abbrev(v->d) && !cnt)
				sct_out_puts(o, sct_get64(v->p + 8) ? "[]" : "NULL");
			else
				sct_print_addr(o, sct_get64(v->p + 8));
		}
		sct_out_putc(o, '}');
		return 0;
	case SO_TXREHASH_:
		if (v->len < 4) {
			if (v->get)
				sopt_short(v);
			else
				sct_sopt_addr(v);
		} else if (v->n < 4) {
			sct_sopt_addr(v);
		} else {
			sct_out_putc(o, '[');
			sct_print_xlat(o, SCT_XLAT_sockopt_txrehash, sct_get32(v->p));
			sct_out_putc(o, ']');
		}
		return 0;
	}
	if (!so_is_int(name))
		return -1;
	if (v->len >= 4)
		sct_sopt_int(v);
	else if (v->get)
		sopt_short(v);
	else
		sct_sopt_addr(v);
	return 0;
}

static void print_value(const struct sopt *v, uint32_t level, uint32_t name)
{
	if (v->addr) {
		if (level == SOL_SOCKET_ && !so_value(v, name))
			return;
		if (level != SOL_SOCKET_ && !sct_sopt_ip(v, level, name))
			return;
	}
	if (v->len == 4)
		sct_sopt_int(v);
	else if (!v->addr)
		sct_sopt_addr(v);
	else
		/* a negative optlen reaches the kernel as a huge one */
		sopt_str(v, v->get ? (uint64_t)(uint32_t)v->len : (uint64_t)(int64_t)v->len);
}

static void sopt_init(const struct sct_dec *d, unsigned i, const struct sct_blob *b,
		      struct sopt *v)
{
	v->o = d->o;
	v->d = d;
	v->addr = d->r->arg[i];
	v->p = b ? sct_blob_data(b) : NULL;
	v->n = b ? b->len : 0;
	v->strsize = d->f->strsize;
}

static uint32_t name_of(const struct sct_dec *d)
{
	int a = sct_find_kind(d, SCT_K_SOCKOPT);

	return a >= 0 ? (uint32_t)d->r->arg[a] : 0;
}

int sct_dec_sockopt_in(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);
	struct sopt v;

	if (a < 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sopt_init(d, i, sct_arg_in(d, i), &v);
	v.len = v.ulen = (int32_t)d->r->arg[a];
	v.get = 0;
	print_value(&v, level_of(d, i), name_of(d));
	return 0;
}

int sct_dec_sockopt_out(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);
	uint32_t ulen, rlen;
	struct sopt v;

	/* the kernel neither takes nor returns a negative length: forged, strace says */
	if (sct_failed(d->r) || !d->r->arg[i] ||
	    sct_socklen_at(d, a, SCT_BLOB_IN, &ulen) || sct_socklen_at(d, a, SCT_BLOB_OUT, &rlen) ||
	    (int32_t)ulen <= 0 || (int32_t)rlen <= 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sopt_init(d, i, sct_arg_out(d, i), &v);
	v.len = (int32_t)rlen;
	v.ulen = (int32_t)ulen;
	v.get = 1;
	print_value(&v, level_of(d, i), name_of(d));
	return 0;
}
