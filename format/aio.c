/* Linux AIO (io_setup, io_submit, io_cancel, io_getevents, io_pgetevents), as strace
 * prints it (its aio.c):
 *   io_submit(0x7f..., 1, [{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3,
 *             aio_buf="abc", aio_nbytes=3, aio_offset=0}])
 *   io_getevents(0x7f..., 1, 2, [{data=0, obj=0x55..., res=3, res2=0}], NULL)
 * struct iocb on x86-64: aio_data 0, aio_key 8, aio_rw_flags 12, aio_lio_opcode 16,
 * aio_reqprio 18, aio_fildes 20, aio_buf 24, aio_nbytes 32, aio_offset 40,
 * aio_flags 56, aio_resfd 60 (64 bytes). */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define IOCB_SIZE 64
enum { SUB_NONE, SUB_COMMON, SUB_VECTOR, SUB_POLL };
enum { CMD_PWRITE = 1, CMD_POLL = 5, CMD_PREADV = 7, CMD_PWRITEV = 8 };
enum { FLAG_RESFD = 1, FLAG_IOPRIO = 2 };

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4); the number in hex under -X raw/verbose */
static void print_ioprio(struct sct_out *o, uint32_t v)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	sct_print_ioprio_value(o, v);
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

static unsigned print_header(struct sct_out *o, const unsigned char *cb)
{
	uint32_t key = sct_get32(cb + 8), rw = sct_get32(cb + 12), flags = sct_get32(cb + 56);
	uint16_t op = get16(cb + 16), prio = get16(cb + 18);

	sct_out_puts(o, "aio_data=");
	sct_out_hex(o, sct_get64(cb));
	if (key) {
		sct_out_puts(o, ", aio_key=");
		sct_out_udec(o, key);
	}
	if (rw) {
		sct_out_puts(o, ", aio_rw_flags=");
		sct_print_xlat(o, SCT_XLAT_rwf_flags, rw);
	}
	sct_out_puts(o, ", aio_lio_opcode=");
	sct_print_xlat(o, SCT_XLAT_aio_cmds, op);
	if (flags & FLAG_IOPRIO) {
		sct_out_puts(o, ", aio_reqprio=");
		print_ioprio(o, prio);
	} else if (prio) {
		sct_out_puts(o, ", aio_reqprio=");
		sct_out_dec(o, (int16_t)prio);
	}
	sct_out_puts(o, ", aio_fildes=");
	sct_out_dec(o, (int32_t)sct_get32(cb + 20));
	switch (op) {
	case 0: case CMD_PWRITE:
		return SUB_COMMON;
	case CMD_POLL:
		return SUB_POLL;
	case CMD_PREADV: case CMD_PWRITEV:
		return SUB_VECTOR;
	}
	return SUB_NONE;
}

static void print_common_flags(struct sct_out *o, const unsigned char *cb)
{
	uint32_t flags = sct_get32(cb + 56), resfd = sct_get32(cb + 60);

	if (flags) {
		sct_out_puts(o, ", aio_flags=");
		sct_print_xlat(o, SCT_XLAT_aio_iocb_flags, flags);
	}
	if (flags & FLAG_RESFD) {
		sct_out_puts(o, ", aio_resfd=");
		sct_out_dec(o, (int32_t)resfd);
	} else if (resfd) {
		sct_out_puts(o, ", aio_resfd=");
		sct_out_hex(o, resfd);
	}
}

/* One iocb and what it points to (`x`, `xlen` bytes: the iocbs blob's extra part) */
static void print_iocb(const struct sct_dec *d, const unsigned char *cb, const unsigned char *x,
		       uint32_t xlen)
{
	struct sct_out *o = d->o;
	uint64_t buf = sct_get64(cb + 24), len = sct_get64(cb + 32);
	int valid = (int64_t)len >= 0;

	sct_out_putc(o, '{');
	switch (print_header(o, cb)) {
	case SUB_COMMON:
		sct_out_puts(o, ", aio_buf=");
		if (get16(cb + 16) == CMD_PWRITE && valid) {
			uint32_t n = xlen >= 8 ? sct_get32(x) : 0, fl = xlen >= 8 ? sct_get32(x + 4) : SCT_BF_FAULT;

			if (!buf || (fl & SCT_BF_FAULT) || n > xlen - 8)
				sct_print_addr(o, buf);
			else
				sct_print_quoted(o, x + 8, n, d->f->strsize, len > d->f->strsize);
		} else {
			sct_out_hex(o, buf);
		}
		sct_out_puts(o, ", aio_nbytes=");
		sct_out_udec(o, len);
		sct_out_puts(o, ", aio_offset=");
		sct_out_dec(o, (int64_t)sct_get64(cb + 40));
		print_common_flags(o, cb);
		break;
	case SUB_VECTOR:
		if (valid) {
			sct_out_puts(o, ", aio_buf=");
			if (!buf || xlen < 8)
				sct_print_addr(o, buf);
			else
				sct_print_iov_elems(d, buf, x + 8, xlen - 8, len,
						    get16(cb + 16) == CMD_PREADV,
						    (sct_get32(x + 4) & SCT_BF_FAULT) != 0);
		} else {
			sct_out_puts(o, ", aio_buf=");
			sct_out_hex(o, buf);
			sct_out_puts(o, ", aio_nbytes=");
			sct_out_udec(o, len);
		}
		sct_out_puts(o, ", aio_offset=");
		sct_out_dec(o, (int64_t)sct_get64(cb + 40));
		print_common_flags(o, cb);
		break;
	case SUB_POLL:
		sct_out_puts(o, ", aio_buf=");
		sct_print_pollevents(o, buf);
		print_common_flags(o, cb);
		break;
	}
	sct_out_putc(o, '}');
}

/* io_submit's array of iocb pointers (the iocbs blob of kinds.h), as print_array
 * shows it: each iocb, or its address when it cannot be read */
int sct_dec_iocbs(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	int64_t nr = (int64_t)d->r->arg[1];
	uint64_t addr = d->r->arg[i], limit = sct_no_abbrev(d) ? UINT64_MAX : d->f->strsize;
	const unsigned char *p, *end;
	uint64_t k, want;

	if (!addr) {
		sct_out_puts(o, "NULL");
		return 0;
	}
	if (nr < 0 || (nr && (!b || b->len < 8))) {
		sct_print_addr(o, addr);
		return 0;
	}
	if (!nr) {
		sct_out_puts(o, "[]");
		return 0;
	}
	p = sct_blob_data(b);
	end = p + b->len;
	want = sct_get32(p);
	p += 8;
	for (k = 0; k < (uint64_t)nr; k++) {
		uint32_t has, extra;
		uint64_t ptr;

		if (end - p < 16) {		/* not captured: unreadable, or past -v's cap */
			if (k >= want) {
				sct_out_puts(o, ", ...");
				break;
			}
			if (!k) {
				sct_print_addr(o, addr);
				return 0;
			}
			sct_out_puts(o, ", ... /* ");
			sct_out_hex(o, addr + k * 8);
			sct_out_puts(o, " */");
			break;
		}
		sct_out_puts(o, k ? ", " : "[");
		if (k >= limit) {
			sct_out_puts(o, "...");
			break;
		}
		ptr = sct_get64(p);
		has = sct_get32(p + 8);
		extra = sct_get32(p + 12);
		p += 16;
		if (!has || end - p < IOCB_SIZE || extra > (uint64_t)(end - p) - IOCB_SIZE) {
			sct_print_addr(o, ptr);
			if (has)
				break;
			continue;
		}
		print_iocb(d, p, p + IOCB_SIZE, extra);
		p += IOCB_SIZE + extra;
	}
	sct_out_putc(o, ']');
	return 0;
}

/* io_cancel's iocb: its header only */
int sct_dec_iocb_hdr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!b || b->len < IOCB_SIZE) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '{');
	print_header(d->o, sct_blob_data(b));
	sct_out_putc(d->o, '}');
	return 0;
}

static void print_event(const struct sct_dec *d, const unsigned char *e)
{
	struct sct_out *o = d->o;

	sct_out_puts(o, "{data=");
	sct_out_hex(o, sct_get64(e));
	sct_out_puts(o, ", obj=");
	sct_out_hex(o, sct_get64(e + 8));
	sct_out_puts(o, ", res=");
	sct_out_dec(o, (int64_t)sct_get64(e + 16));
	sct_out_puts(o, ", res2=");
	sct_out_dec(o, (int64_t)sct_get64(e + 24));
	sct_out_putc(o, '}');
}

/* io_cancel's result event, written when it succeeded */
int sct_dec_io_event(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!b || b->len < 32)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_event(d, sct_blob_data(b));
	return 0;
}

/* the events io_getevents returned: ret of them; the address when it failed */
int sct_dec_io_events(const struct sct_dec *d, unsigned i)
{
	sct_print_array(d, i, SCT_BLOB_OUT, sct_failed(d->r) ? UINT64_MAX : (uint64_t)d->r->ret, 32,
			print_event);
	return 0;
}

/* io_pgetevents' struct __aio_sigset: the set when its size is a sigset's (8) and it
 * could be read, else its address */
int sct_dec_aio_sigset(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;
	uint64_t set;

	if (!b || b->len < 16) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(o, "{sigmask=");
	if (b->len >= 24) {
		set = sct_get64(p + 16);
		sct_print_sigset(o, &set);
	} else {
		sct_print_addr(o, sct_get64(p));
	}
	sct_out_puts(o, ", sigsetsize=");
	sct_out_udec(o, sct_get64(p + 8));
	sct_out_putc(o, '}');
	return 0;
}
