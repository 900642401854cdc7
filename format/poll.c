/* Waiting for descriptors: poll/ppoll's pollfd arrays, select/pselect6's fd_sets,
 * epoll's operations, events and flags, and the return values of poll and select,
 * which show what the call changed:
 *   poll(...) = 1 ([{fd=3, revents=POLLIN}])
 *   pselect6(...) = 2 (in [3], out [4], left {tv_sec=0, tv_nsec=999})
 * Arrays stop after -s elements with "...", as strace's do. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

static const struct sct_xlat poll_events[] = {
	{ 0x1, "POLLIN" }, { 0x2, "POLLPRI" }, { 0x4, "POLLOUT" }, { 0x8, "POLLERR" },
	{ 0x10, "POLLHUP" }, { 0x20, "POLLNVAL" }, { 0x40, "POLLRDNORM" },
	{ 0x80, "POLLRDBAND" }, { 0x100, "POLLWRNORM" }, { 0x200, "POLLWRBAND" },
	{ 0x400, "POLLMSG" }, { 0x1000, "POLLREMOVE" }, { 0x2000, "POLLRDHUP" },
	{ 0x8000, "POLL_BUSY_LOOP" }, { 0, NULL }
};

static const struct sct_xlat epoll_events[] = {
	{ 0x1, "EPOLLIN" }, { 0x2, "EPOLLPRI" }, { 0x4, "EPOLLOUT" }, { 0x8, "EPOLLERR" },
	{ 0x10, "EPOLLHUP" }, { 0x20, "EPOLLNVAL" }, { 0x40, "EPOLLRDNORM" },
	{ 0x80, "EPOLLRDBAND" }, { 0x100, "EPOLLWRNORM" }, { 0x200, "EPOLLWRBAND" },
	{ 0x400, "EPOLLMSG" }, { 0x2000, "EPOLLRDHUP" }, { 1u << 28, "EPOLLEXCLUSIVE" },
	{ 1u << 29, "EPOLLWAKEUP" }, { 1u << 30, "EPOLLONESHOT" }, { 1u << 31, "EPOLLET" },
	{ 0, NULL }
};

static const struct sct_xlat epoll_ops[] = {
	{ 1, "EPOLL_CTL_ADD" }, { 2, "EPOLL_CTL_DEL" }, { 3, "EPOLL_CTL_MOD" }, { 0, NULL }
};

static const struct sct_xlat epoll_fl[] = { { 02000000, "EPOLL_CLOEXEC" }, { 0, NULL } };

/* struct pollfd { int fd; short events, revents; } */
#define POLLFD_SIZE 8

/* Element k of an array printed so far: ", " between, "..." past the limit.
 * Returns 0 when the caller should stop. */
static int array_sep(const struct sct_dec *d, unsigned k)
{
	if (k >= d->f->strsize && !sct_no_abbrev(d)) {	/* -v: whole; -s 0: [...] */
		sct_out_puts(d->o, k ? ", ..." : "...");
		return 0;
	}
	if (k)
		sct_out_puts(d->o, ", ");
	return 1;
}

static unsigned count_of(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);

	return a >= 0 ? (uint32_t)d->r->arg[a] : 0;
}

int sct_dec_pollfds(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	unsigned n = count_of(d, i);
	const unsigned char *p;
	int cut = 0;

	if (!d->r->arg[i] || (!b && n)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	if (b && b->len / POLLFD_SIZE < n)
		n = b->len / POLLFD_SIZE;
	p = b ? sct_blob_data(b) : NULL;
	sct_out_putc(d->o, '[');
	for (unsigned k = 0; k < n; k++, p += POLLFD_SIZE) {
		int32_t fd = (int32_t)sct_get32(p);

		if (!array_sep(d, k)) {
			cut = 1;
			break;
		}
		sct_out_puts(d->o, "{fd=");
		sct_print_fd(d, i, fd);
		if (fd >= 0) {
			sct_out_puts(d->o, ", events=");
			sct_print_flags(d->o, poll_events, (uint16_t)(p[4] | p[5] << 8), "POLL???");
		}
		sct_out_putc(d->o, '}');
	}
	if (b && (b->flags & SCT_BF_TRUNC) && n < count_of(d, i) && n < d->f->strsize)
		sct_out_puts(d->o, n ? ", ..." : "...");
	if (b && (b->flags & SCT_BF_FAULT) && !cut && n < count_of(d, i)) {
		/* the next element could not be read: strace names its address */
		sct_out_puts(d->o, ", ... /* ");
		sct_out_hex(d->o, d->r->arg[i] + (uint64_t)n * POLLFD_SIZE);
		sct_out_puts(d->o, " */");
	}
	sct_out_putc(d->o, ']');
	return 0;
}

/* ", left {tv_sec=0, tv_nsec=99}" from the timeout as the kernel left it, when that
 * was captured (an OUT copy: timespec_io for ppoll/pselect6, timeval for select). */
static void print_left(const struct sct_dec *d, int first)
{
	static const unsigned kinds[] = { SCT_K_TIMESPEC_IO, SCT_K_TIMESPEC, SCT_K_TIMEVAL_IO };
	const struct sct_blob *b;
	int a = -1;
	unsigned k;

	for (k = 0; k < 3 && a < 0; k++)
		a = sct_find_kind(d, kinds[k]);
	if (a < 0 || !d->r->arg[a])
		return;
	b = sct_rec_blob(d->r, (unsigned)a, SCT_BLOB_OUT);
	if (!b || b->len < 16)
		return;
	sct_out_puts(d->o, first ? "left " : ", left ");
	if (kinds[k - 1] == SCT_K_TIMEVAL_IO)
		sct_print_timeval(d->o, sct_blob_data(b));
	else
		sct_print_timespec(d->o, sct_blob_data(b));
}

void sct_ret_poll(const struct sct_dec *d)
{
	int a = sct_find_kind(d, SCT_K_POLLFDS);
	const struct sct_blob *b;
	const unsigned char *p;
	unsigned n, shown = 0;

	sct_out_dec(d->o, d->r->ret);
	if (d->r->ret == 0) {
		sct_out_puts(d->o, " (Timeout)");
		return;
	}
	if (a < 0 || !(b = sct_rec_blob(d->r, (unsigned)a, SCT_BLOB_OUT)))
		return;
	n = count_of(d, (unsigned)a);
	if (b->len / POLLFD_SIZE < n)
		n = b->len / POLLFD_SIZE;
	p = sct_blob_data(b);
	sct_out_puts(d->o, " ([");
	for (unsigned k = 0; k < n; k++, p += POLLFD_SIZE) {
		uint16_t rev = (uint16_t)(p[6] | p[7] << 8);

		if (!rev)
			continue;
		if (!array_sep(d, shown++))
			break;
		sct_out_puts(d->o, "{fd=");
		sct_out_dec(d->o, (int32_t)sct_get32(p));
		sct_out_puts(d->o, ", revents=");
		sct_print_flags(d->o, poll_events, rev, "POLL???");
		sct_out_putc(d->o, '}');
	}
	sct_out_putc(d->o, ']');
	print_left(d, 0);
	sct_out_putc(d->o, ')');
}

/* The descriptors set in an fd_set of `nfds` bits: "[3 4]", with -y "[3</dev/null>]"
 * when d is given (the sets as passed).  Returns how many. */
static unsigned print_fdset(struct sct_out *o, const struct sct_blob *b, unsigned nfds, int quiet,
			    const struct sct_dec *d, unsigned arg)
{
	const unsigned char *p = sct_blob_data(b);
	unsigned n = 0;

	if (nfds > b->len * 8u)
		nfds = b->len * 8u;
	if (!quiet)
		sct_out_putc(o, '[');
	for (unsigned fd = 0; fd < nfds; fd++) {
		if (!(p[fd / 8] >> (fd % 8) & 1))
			continue;
		if (!quiet) {
			if (n)
				sct_out_putc(o, ' ');
			if (d)
				sct_print_fd(d, arg, fd);
			else
				sct_out_udec(o, fd);
		}
		n++;
	}
	if (!quiet)
		sct_out_putc(o, ']');
	return n;
}

int sct_dec_fdset(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	/* a negative nfds makes strace's set size 0: it reads nothing */
	if (!d->r->arg[i] || !b || (int32_t)count_of(d, i) < 0)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_fdset(d->o, b, count_of(d, i), 0, d, i);
	return 0;
}

void sct_ret_select(const struct sct_dec *d)
{
	static const char *const labels[] = { "in ", "out ", "except " };
	unsigned set = 0, shown = 0;

	sct_out_dec(d->o, d->r->ret);
	if (d->r->ret == 0) {
		sct_out_puts(d->o, " (Timeout)");
		return;
	}
	sct_out_puts(d->o, " (");
	for (unsigned j = 0; j < d->c->nargs && j < SCT_MAX_ARGS && set < 3; j++) {
		const struct sct_blob *b;

		if (d->c->arg[j].kind != SCT_K_FDSET)
			continue;
		b = d->r->arg[j] ? sct_rec_blob(d->r, j, SCT_BLOB_OUT) : NULL;
		if (b && print_fdset(d->o, b, count_of(d, j), 1, NULL, 0)) {
			if (shown++)
				sct_out_puts(d->o, ", ");
			sct_out_puts(d->o, labels[set]);
			print_fdset(d->o, b, count_of(d, j), 0, NULL, 0);
		}
		set++;
	}
	print_left(d, !shown);
	sct_out_putc(d->o, ')');
}

int sct_dec_epoll_op(const struct sct_dec *d, unsigned i)
{
	sct_print_xval(d->o, epoll_ops, (uint32_t)d->r->arg[i], "EPOLL_CTL_???");
	return 0;
}

/* struct epoll_event is packed on x86-64: { uint32_t events; uint64_t data; } */
#define EPEV_SIZE 12

static void print_epev(struct sct_out *o, const unsigned char *p)
{
	uint64_t data = sct_get64(p + 4);

	sct_out_puts(o, "{events=");
	sct_print_flags(o, epoll_events, sct_get32(p), "EPOLL???");
	sct_out_puts(o, ", data={u32=");
	sct_out_udec(o, (uint32_t)data);
	sct_out_puts(o, ", u64=");
	sct_out_udec(o, data);
	sct_out_puts(o, "}}");
}

int sct_dec_epoll_event(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	/* EPOLL_CTL_DEL reads no event: strace shows its address */
	if (!d->r->arg[i] || !b || b->len < EPEV_SIZE || (uint32_t)d->r->arg[1] == 2)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_epev(d->o, sct_blob_data(b));
	return 0;
}

int sct_dec_epoll_events(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	const unsigned char *p;
	uint64_t n;

	/* (a ret below -4095 is no error but no count either: from a forged record) */
	if (sct_failed(d->r) || !d->r->arg[i] || (!b && d->r->ret != 0)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	n = (uint64_t)d->r->ret;
	if (b && b->len / EPEV_SIZE < n)
		n = b->len / EPEV_SIZE;
	p = b ? sct_blob_data(b) : NULL;
	sct_out_putc(d->o, '[');
	for (unsigned k = 0; k < n; k++, p += EPEV_SIZE) {
		if (!array_sep(d, k))
			break;
		print_epev(d->o, p);
	}
	sct_out_putc(d->o, ']');
	return 0;
}

int sct_dec_epoll_flags(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, epoll_fl, (uint32_t)d->r->arg[i], "EPOLL_???");
	return 0;
}

/* POLLIN|POLLOUT: an aio IOCB_CMD_POLL's events (format/aio.c) */
void sct_print_pollevents(struct sct_out *o, uint64_t v)
{
	sct_print_flags(o, poll_events, v, "POLL???");
}
