/* io_uring_register(2)'s argument by opcode, as strace 6.1 prints the ones decoded so
 * far: IORING_REGISTER_BUFFERS' iovecs, the descriptor arrays of
 * IORING_REGISTER_FILES / _EVENTFD / _EVENTFD_ASYNC, IORING_REGISTER_FILES_UPDATE's
 * struct io_uring_files_update and its descriptors (-2 is IORING_REGISTER_FILES_SKIP);
 * the address for the others (and the opcodes that take none).
 *   io_uring_register(3, IORING_REGISTER_FILES, [4</dev/full>, 0</dev/null>, -1], 3) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

#define FILES_SKIP (-2)

static void elem_fd(const struct sct_dec *d, const unsigned char *e)
{
	sct_print_fd(d, 2, (int32_t)sct_get32(e));
}

/* the update's fds: under slot 4 (preload/capture_ext.c) */
static void elem_update_fd(const struct sct_dec *d, const unsigned char *e)
{
	int32_t fd = (int32_t)sct_get32(e);

	if (fd == FILES_SKIP)
		sct_print_named(d->o, fd, 1, "IORING_REGISTER_FILES_SKIP");
	else
		sct_print_fd(d, 4, fd);
}

static void print_files_update(const struct sct_dec *d, unsigned i, uint32_t n)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p;

	if (!d->r->arg[i] || !b || b->len < 16) {
		sct_print_addr(o, d->r->arg[i]);
		return;
	}
	p = sct_blob_data(b);
	sct_out_puts(o, "{offset=");
	sct_out_udec(o, sct_get32(p));
	if (sct_get32(p + 4)) {
		sct_out_puts(o, ", resv=");
		sct_out_hex(o, sct_get32(p + 4));
	}
	sct_out_puts(o, ", fds=");
	sct_print_array_at(d, 4, SCT_BLOB_IN, sct_get64(p + 8), n, 4, elem_update_fd, UINT64_MAX);
	sct_out_putc(o, '}');
}

int sct_dec_uring_reg_arg(const struct sct_dec *d, unsigned i)
{
	uint32_t op = (uint32_t)d->r->arg[1], n = (uint32_t)d->r->arg[3];

	switch (op) {
	case 0: {	/* IORING_REGISTER_BUFFERS: nr_args iovecs, their addresses */
		const struct sct_blob *b = sct_arg_in(d, i);

		if (!d->r->arg[i] || (!b && n))
			sct_print_addr(d->o, d->r->arg[i]);
		else
			sct_print_iov_elems(d, d->r->arg[i], b ? sct_blob_data(b) : NULL,
					    b ? b->len : 0, n, 1, b && (b->flags & SCT_BF_FAULT));
		return 0;
	}
	case 2:		/* IORING_REGISTER_FILES */
	case 4:		/* IORING_REGISTER_EVENTFD */
	case 7:		/* IORING_REGISTER_EVENTFD_ASYNC */
		sct_print_array(d, i, SCT_BLOB_IN, n, 4, elem_fd);
		return 0;
	case 6:		/* IORING_REGISTER_FILES_UPDATE */
		print_files_update(d, i, n);
		return 0;
	}
	sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}
