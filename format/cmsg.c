/* Control messages (msg_control of sendmsg/recvmsg) as strace 6.1 prints them: the
 * walk over struct cmsghdr (x86-64: cmsg_len is 8 bytes, the whole header 16, each
 * message aligned to 8), the names of their types per level and the payloads it
 * decodes (SOL_SOCKET: fds, credentials, security label, timestamps; SOL_IP: pktinfo,
 * ttl, tos, options, extended errors, original destination).  Constants from
 * <linux/socket.h>, <asm-generic/socket.h>, <linux/in.h>, <linux/errqueue.h>. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define CMSG_HDR 16u

enum { SOL_IP_ = 0, SOL_SOCKET_ = 1 };

/* SOL_SOCKET types */
enum {
	SCM_RIGHTS_ = 1, SCM_CREDENTIALS_ = 2, SCM_SECURITY_ = 3, SO_TIMESTAMP_OLD_ = 29,
	SO_TIMESTAMPNS_OLD_ = 35, SO_TIMESTAMPING_OLD_ = 37, SO_TIMESTAMP_NEW_ = 63,
	SO_TIMESTAMPNS_NEW_ = 64, SO_TIMESTAMPING_NEW_ = 65
};

/* SOL_IP types */
enum {
	IP_TOS_ = 1, IP_TTL_ = 2, IP_RECVOPTS_ = 6, IP_RETOPTS_ = 7, IP_PKTINFO_ = 8,
	IP_RECVERR_ = 11, IP_ORIGDSTADDR_ = 20, IP_CHECKSUM_ = 23
};

/* [a, b, ...]: n elements of `size` bytes, at most -s of them but with -v (strace's
 * print_local_array) */
static void print_array(const struct sct_dec *d, const unsigned char *p, size_t n,
			size_t size, void (*elem)(struct sct_out *, const unsigned char *))
{
	struct sct_out *o = d->o;

	sct_out_putc(o, '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= d->f->strsize && !sct_no_abbrev(d)) {
			sct_out_puts(o, "...");
			break;
		}
		elem(o, p + k * size);
	}
	sct_out_putc(o, ']');
}

/* SCM_RIGHTS: descriptors, with -y what each named (recorded under the msghdr's
 * argument, 1 for every call that has one) */
static void print_fds(const struct sct_dec *d, const unsigned char *p, size_t n)
{
	sct_out_putc(d->o, '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(d->o, ", ");
		if (k >= d->f->strsize && !sct_no_abbrev(d)) {
			sct_out_puts(d->o, "...");
			break;
		}
		sct_print_fd(d, 1, (int32_t)sct_get32(p + k * 4));
	}
	sct_out_putc(d->o, ']');
}

static void elem_uint(struct sct_out *o, const unsigned char *p)
{
	sct_out_udec(o, sct_get32(p));
}

static void elem_xbyte(struct sct_out *o, const unsigned char *p)
{
	sct_out_hex(o, p[0]);
}

static void print_id(struct sct_out *o, uint32_t v)
{
	/* strace's PRINT_FIELD_ID: -1 stays -1 */
	if (v == UINT32_MAX)
		sct_out_puts(o, "-1");
	else
		sct_out_udec(o, v);
}

static void print_creds(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{pid=");
	sct_out_dec(o, (int32_t)sct_get32(p));
	sct_out_puts(o, ", uid=");
	print_id(o, sct_get32(p + 4));
	sct_out_puts(o, ", gid=");
	print_id(o, sct_get32(p + 8));
	sct_out_putc(o, '}');
}

static void print_timestamps(struct sct_out *o, const unsigned char *p, size_t n,
			     unsigned count, void (*one)(struct sct_out *, const unsigned char *))
{
	if (n < 16u * count) {
		sct_out_puts(o, "???");
		return;
	}
	if (count == 1) {
		one(o, p);
		return;
	}
	sct_out_putc(o, '[');
	for (unsigned k = 0; k < count; k++) {
		if (k)
			sct_out_puts(o, ", ");
		one(o, p + 16 * k);
	}
	sct_out_putc(o, ']');
}

static void print_pktinfo(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{ipi_ifindex=");
	sct_print_ifindex(o, sct_get32(p));
	sct_out_puts(o, ", ipi_spec_dst=");
	sct_print_inaddr(o, p + 4);
	sct_out_puts(o, ", ipi_addr=");
	sct_print_inaddr(o, p + 8);
	sct_out_putc(o, '}');
}

/* struct sock_extended_err followed by the offender's sockaddr_in */
static void print_recverr(struct sct_out *o, const unsigned char *p)
{
	static const char *const names[] = { "{ee_errno=", ", ee_origin=", ", ee_type=",
					     ", ee_code=", ", ee_info=", ", ee_data=" };
	uint32_t v[6] = { sct_get32(p), p[4], p[5], p[6], sct_get32(p + 8),
			  sct_get32(p + 12) };

	for (int k = 0; k < 6; k++) {
		sct_out_puts(o, names[k]);
		sct_out_udec(o, v[k]);
	}
	sct_out_puts(o, ", offender=");
	sct_print_sockaddr(o, p + 16, 16);
	sct_out_putc(o, '}');
}

/* ", cmsg_data=..." for the types strace decodes when their payload is long enough,
 * nothing otherwise. */
static void print_data(const struct sct_dec *d, uint32_t level, uint32_t type,
		       const unsigned char *p, size_t n)
{
	struct sct_out *o = d->o;
	size_t min = 1;

	if (level == SOL_SOCKET_) {
		switch (type) {
		case SCM_RIGHTS_: min = 4; break;
		case SCM_CREDENTIALS_: min = 12; break;
		case SCM_SECURITY_: case SO_TIMESTAMP_OLD_: case SO_TIMESTAMPNS_OLD_:
		case SO_TIMESTAMPING_OLD_: case SO_TIMESTAMP_NEW_: case SO_TIMESTAMPNS_NEW_:
		case SO_TIMESTAMPING_NEW_: break;
		default: return;
		}
	} else if (level == SOL_IP_) {
		switch (type) {
		case IP_PKTINFO_: min = 12; break;
		case IP_TTL_: case IP_CHECKSUM_: min = 4; break;
		case IP_RECVERR_: min = 32; break;
		case IP_ORIGDSTADDR_: min = 16; break;
		case IP_TOS_: case IP_RECVOPTS_: case IP_RETOPTS_: case SCM_SECURITY_: break;
		default: return;
		}
	} else {
		return;
	}
	if (n < min)
		return;
	sct_out_puts(o, ", cmsg_data=");
	if (level == SOL_SOCKET_) {
		switch (type) {
		case SCM_RIGHTS_: print_fds(d, p, n / 4); break;
		case SCM_CREDENTIALS_: print_creds(o, p); break;
		case SCM_SECURITY_: sct_print_quoted(o, p, n, n, 0); break;
		case SO_TIMESTAMP_OLD_: case SO_TIMESTAMP_NEW_:
			print_timestamps(o, p, n, 1, sct_print_timeval);
			break;
		case SO_TIMESTAMPNS_OLD_: case SO_TIMESTAMPNS_NEW_:
			print_timestamps(o, p, n, 1, sct_print_timespec);
			break;
		default:
			print_timestamps(o, p, n, 3, sct_print_timespec);
		}
		return;
	}
	switch (type) {
	case IP_PKTINFO_: print_pktinfo(o, p); break;
	case IP_TTL_: case IP_CHECKSUM_: print_array(d, p, n / 4, 4, elem_uint); break;
	case IP_RECVERR_: print_recverr(o, p); break;
	case IP_ORIGDSTADDR_: sct_print_sockaddr(o, p, n > 128 ? 128 : n); break;
	case SCM_SECURITY_: sct_print_quoted(o, p, n, n, 0); break;
	default: print_array(d, p, n, 1, elem_xbyte);
	}
}

static void print_type(struct sct_out *o, uint32_t level, uint32_t type)
{
	if (level == SOL_SOCKET_)
		sct_print_xlat(o, SCT_XLAT_scm_types, type);
	else if (level == SOL_IP_)
		sct_print_xlat(o, SCT_XLAT_ip_cmsg_types, type);
	else
		sct_out_hex(o, type);	/* strace: %#x, whatever -X says */
}

/* strace's decode_msg_control: `inlen` is msg_controllen; it reads min(inlen,
 * optmem_max) bytes and prints the address when it cannot read them all (the
 * capture then holds none: cap == 0).  `p` holds `cap` bytes of it (the capture keeps
 * the first 512): a message past them ends the array in "...". */
void sct_print_msg_control(const struct sct_dec *d, uint64_t addr, uint64_t inlen,
			   const unsigned char *p, size_t cap)
{
	struct sct_out *o = d->o;
	uint64_t optmem = d->f->optmem_max ? d->f->optmem_max : SCT_OPTMEM_MAX_DEFAULT;
	uint64_t ctl_len = inlen > optmem ? optmem : inlen, buf_len = ctl_len, off = 0;

	if (!addr || ctl_len < CMSG_HDR || cap == 0) {
		sct_print_addr(o, addr);
		return;
	}
	if (cap > ctl_len)
		cap = (size_t)ctl_len;
	sct_out_putc(o, '[');
	while (buf_len >= CMSG_HDR) {
		const unsigned char *m = p + off;
		uint64_t clen, len;
		uint32_t level, type;
		size_t have;

		if (off + CMSG_HDR > cap) {
			/* past what was captured: say there is more, not what */
			if (off)
				sct_out_puts(o, ", ");
			sct_out_puts(o, "...");
			sct_out_putc(o, ']');
			return;
		}
		clen = sct_get64(m);
		level = sct_get32(m + 8);
		type = sct_get32(m + 12);
		if (off)
			sct_out_puts(o, ", ");
		sct_out_puts(o, "{cmsg_len=");
		sct_out_udec(o, clen);
		sct_out_puts(o, ", cmsg_level=");
		sct_print_xlat(o, SCT_XLAT_socket_levels, level);
		sct_out_puts(o, ", cmsg_type=");
		print_type(o, level, type);
		len = clen > buf_len ? buf_len : clen;
		have = len > CMSG_HDR ? (size_t)(len - CMSG_HDR) : 0;
		if (off + CMSG_HDR + have > cap)
			have = cap - (size_t)off - CMSG_HDR;
		print_data(d, level, type, m + CMSG_HDR, have);
		sct_out_putc(o, '}');
		if (len < CMSG_HDR) {
			buf_len -= CMSG_HDR;
			break;
		}
		len = (clen + 7) & ~(uint64_t)7;
		if (len >= buf_len || clen > UINT64_MAX - 7) {
			buf_len = 0;
			break;
		}
		off += len;
		buf_len -= len;
	}
	if (buf_len) {
		sct_out_puts(o, ", ... /* ");
		sct_out_hex(o, addr + (ctl_len - buf_len));
		sct_out_puts(o, " */");
	} else if (ctl_len < inlen) {
		sct_out_puts(o, ", ...");
	}
	sct_out_putc(o, ']');
}
