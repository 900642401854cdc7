/* SG_IO's structs, as strace decodes them: the SCSI generic v3 struct sg_io_hdr
 * (interface_id 'S') and the bsg v4 struct sg_io_v4 (guard 'Q'), the request and
 * what the call returned, with the buffers they point to: the command and sense
 * bytes in hex, the data in hex or, with an iovec count, as an iovec array.  As
 * preload/capture_sg.c captured them: the struct, then a section per buffer. */
#include <string.h>
#include "ioctl.h"
#include "xlattab.h"

#define SEC_FAULT 1

struct cursor {
	const unsigned char *p;
	uint32_t left;
};

/* the next section's header: n and flags, 0 when there is none */
static int sec_next(struct cursor *c, uint32_t *n, uint32_t *flags)
{
	if (c->left < 8)
		return 0;
	*n = sct_get32(c->p);
	*flags = sct_get32(c->p + 4);
	c->p += 8;
	c->left -= 8;
	return 1;
}

/* a buffer of len bytes in hex: -s of them, "..." when longer */
static void sec_hex(const struct sct_dec *d, struct cursor *c, uint64_t addr, uint64_t len)
{
	struct sct_out *o = d->o;
	uint32_t n = 0, flags = 0, shown;

	if (!sec_next(c, &n, &flags) || n > c->left || !addr || flags & SEC_FAULT) {
		if (n <= c->left) {
			c->p += n;
			c->left -= n;
		}
		sct_print_addr(o, addr);
		return;
	}
	shown = n < d->f->strsize ? n : (uint32_t)d->f->strsize;
	sct_out_putc(o, '"');
	for (uint32_t k = 0; k < shown; k++) {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, "0123456789abcdef"[c->p[k] >> 4]);
		sct_out_putc(o, "0123456789abcdef"[c->p[k] & 15]);
	}
	sct_out_putc(o, '"');
	if (len > shown)
		sct_out_puts(o, "...");
	c->p += n;
	c->left -= n;
}

/* count iovecs, `budget` bytes of data in all: strace's tprint_iov_upto */
static void sec_iov(const struct sct_dec *d, struct cursor *c, uint64_t addr, uint64_t count,
		    uint64_t budget)
{
	struct sct_out *o = d->o;
	uint32_t m = 0, flags = 0, n, ef;
	int abbrev = !sct_no_abbrev(d);

	if (!sec_next(c, &m, &flags))
		return;
	if (!addr) {
		sct_out_puts(o, "NULL");
		return;
	}
	if (!count) {
		sct_out_puts(o, "[]");
		return;
	}
	if (!m) {
		sct_print_addr(o, addr);
		return;
	}
	sct_out_putc(o, '[');
	for (uint64_t k = 0; k < count; k++) {
		uint64_t len, have;

		if (k)
			sct_out_puts(o, ", ");
		if (abbrev && k >= d->f->strsize) {
			sct_out_puts(o, "...");
			break;
		}
		if (k >= m || c->left < 24) {
			sct_out_puts(o, "... /* ");
			sct_out_hex(o, addr + 16 * k);
			sct_out_puts(o, " */");
			break;
		}
		len = sct_get64(c->p + 8);
		n = sct_get32(c->p + 16);
		ef = sct_get32(c->p + 20);
		have = len < budget ? len : budget;
		budget -= have;
		sct_out_puts(o, "{iov_base=");
		if (ef & SEC_FAULT || n > c->left - 24) {
			sct_print_addr(o, sct_get64(c->p));
			n = 0;
		} else {
			uint32_t shown = n < d->f->strsize ? n : (uint32_t)d->f->strsize;

			sct_print_quoted(o, c->p + 24, shown, shown, have > shown);
		}
		sct_ioc_field_u(o, ", iov_len=", len);
		sct_out_putc(o, '}');
		c->p += 24 + n;
		c->left -= 24 + n;
	}
	sct_out_putc(o, ']');
}

static void sec_buf(const struct sct_dec *d, struct cursor *c, uint64_t addr, uint64_t len,
		    uint32_t iovcnt)
{
	if (iovcnt)
		sec_iov(d, c, addr, iovcnt, len);
	else
		sec_hex(d, c, addr, len);
}

static uint64_t din(uint32_t len, int32_t resid)
{
	return resid > 0 && (uint32_t)resid <= len ? len - (uint32_t)resid : len;
}

static void v3(const struct sct_dec *d, const unsigned char *p, struct cursor *c)
{
	struct sct_out *o = d->o;
	int32_t dir = (int32_t)sct_get32(p + 4);
	uint32_t iovcnt = (uint32_t)(p[10] | p[11] << 8), len = sct_get32(p + 12);
	uint64_t n;

	sct_out_puts(o, ", dxfer_direction=");
	sct_print_xlat(o, SCT_XLAT_sg_io_dxfer_direction, (uint32_t)dir);
	sct_ioc_field_u(o, ", cmd_len=", p[8]);
	sct_out_puts(o, ", cmdp=");
	sec_hex(d, c, sct_get64(p + 24), p[8]);
	sct_ioc_field_u(o, ", mx_sb_len=", p[9]);
	sct_ioc_field_u(o, ", iovec_count=", iovcnt);
	sct_ioc_field_u(o, ", dxfer_len=", len);
	sct_ioc_field_u(o, ", timeout=", sct_get32(p + 40));
	sct_out_puts(o, ", flags=");
	sct_print_xlat(o, SCT_XLAT_sg_io_flags, sct_get32(p + 44));
	if (dir == -2 || dir == -4) {
		sct_out_puts(o, ", dxferp=");
		sec_buf(d, c, sct_get64(p + 16), len, iovcnt);
	}
	n = din(len, (int32_t)sct_get32(p + 72));
	if (dir == -3) {
		sct_out_puts(o, ", dxferp=");
		sec_buf(d, c, sct_get64(p + 16), n, iovcnt);
	} else if (dir == -4 && n) {	/* what it read in after what it wrote out */
		sct_out_puts(o, " => dxferp=");
		sec_buf(d, c, sct_get64(p + 16), n, iovcnt);
	}
	sct_ioc_field_x(o, ", status=", p[64]);
	sct_ioc_field_x(o, ", masked_status=", p[65]);
	sct_ioc_field_x(o, ", msg_status=", p[66]);
	sct_ioc_field_u(o, ", sb_len_wr=", p[67]);
	sct_out_puts(o, ", sbp=");
	sec_hex(d, c, sct_get64(p + 32), p[67]);
	sct_ioc_field_x(o, ", host_status=", (unsigned)(p[68] | p[69] << 8));
	sct_ioc_field_x(o, ", driver_status=", (unsigned)(p[70] | p[71] << 8));
	sct_ioc_field_d(o, ", resid=", (int32_t)sct_get32(p + 72));
	sct_ioc_field_u(o, ", duration=", sct_get32(p + 76));
	sct_out_puts(o, ", info=");
	sct_print_xlat(o, SCT_XLAT_sg_io_info, sct_get32(p + 80));
}

static void v4(const struct sct_dec *d, const unsigned char *p, struct cursor *c)
{
	struct sct_out *o = d->o;

	sct_out_puts(o, ", protocol=");
	sct_print_xlat(o, SCT_XLAT_bsg_protocol, sct_get32(p + 4));
	sct_out_puts(o, ", subprotocol=");
	sct_print_xlat(o, SCT_XLAT_bsg_subprotocol, sct_get32(p + 8));
	sct_ioc_field_u(o, ", request_len=", sct_get32(p + 12));
	sct_out_puts(o, ", request=");
	sec_hex(d, c, sct_get64(p + 16), sct_get32(p + 12));
	sct_ioc_field_x(o, ", request_tag=", sct_get64(p + 24));
	sct_ioc_field_u(o, ", request_attr=", sct_get32(p + 32));
	sct_ioc_field_u(o, ", request_priority=", sct_get32(p + 36));
	sct_ioc_field_u(o, ", request_extra=", sct_get32(p + 40));
	sct_ioc_field_u(o, ", max_response_len=", sct_get32(p + 44));
	sct_ioc_field_u(o, ", dout_iovec_count=", sct_get32(p + 56));
	sct_ioc_field_u(o, ", dout_xfer_len=", sct_get32(p + 60));
	sct_ioc_field_u(o, ", din_iovec_count=", sct_get32(p + 64));
	sct_ioc_field_u(o, ", din_xfer_len=", sct_get32(p + 68));
	sct_out_puts(o, ", dout_xferp=");
	sec_buf(d, c, sct_get64(p + 72), sct_get32(p + 60), sct_get32(p + 56));
	sct_ioc_field_u(o, ", timeout=", sct_get32(p + 88));
	sct_out_puts(o, ", flags=");
	sct_print_xlat(o, SCT_XLAT_bsg_flags, sct_get32(p + 92));
	sct_ioc_field_x(o, ", usr_ptr=", sct_get64(p + 96));
	sct_ioc_field_u(o, ", response_len=", sct_get32(p + 132));
	sct_out_puts(o, ", response=");
	sec_hex(d, c, sct_get64(p + 48), sct_get32(p + 132));
	sct_out_puts(o, ", din_xferp=");
	sec_buf(d, c, sct_get64(p + 80), din(sct_get32(p + 68), (int32_t)sct_get32(p + 136)),
		sct_get32(p + 64));
	sct_ioc_field_x(o, ", driver_status=", sct_get32(p + 108));
	sct_ioc_field_x(o, ", transport_status=", sct_get32(p + 112));
	sct_ioc_field_x(o, ", device_status=", sct_get32(p + 116));
	sct_ioc_field_u(o, ", retry_delay=", sct_get32(p + 120));
	sct_out_puts(o, ", info=");
	sct_print_xlat(o, SCT_XLAT_sg_io_info, sct_get32(p + 124));
	sct_ioc_field_u(o, ", duration=", sct_get32(p + 128));
	sct_ioc_field_u(o, ", response_len=", sct_get32(p + 132));
	sct_ioc_field_d(o, ", din_resid=", (int32_t)sct_get32(p + 136));
	sct_ioc_field_d(o, ", dout_resid=", (int32_t)sct_get32(p + 140));
	sct_ioc_field_x(o, ", generated_tag=", sct_get64(p + 144));
}

/* SG_IO whose struct begins with 'S' or 'Q' */
void sct_ioctl_sg_io(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = sct_blob_data(b);
	uint32_t size = p[0] == 'S' ? 88 : 160;
	struct cursor c;

	sct_out_puts(o, p[0] == 'S' ? "{interface_id='S', " : "{guard='Q', ");
	if (b->len < size) {
		sct_print_addr(o, arg + 4);
		sct_out_putc(o, '}');
		return;
	}
	o->len -= 2;		/* the fields print their own ", " */
	c.p = p + size;
	c.left = b->len - size;
	if (p[0] == 'S')
		v3(d, p, &c);
	else
		v4(d, p, &c);
	sct_out_putc(o, '}');
}
