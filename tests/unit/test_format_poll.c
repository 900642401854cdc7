/* poll, ppoll, pselect6 and epoll: records built by hand, compared with the lines
 * strace 6.1 printed on this machine (Debian 12, x86-64) for small programs making
 * the same calls (strace -o out ./prog; glibc 2.36 turns select into pselect6). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_poll = { "poll", 0, 3, SCT_R_POLL,
	{ A(POLLFDS, 1), A(UINT, NOAUX), A(INT, NOAUX) } };
static const struct sct_call c_ppoll = { "ppoll", 0, 5, SCT_R_POLL,
	{ A(POLLFDS, 1), A(UINT, NOAUX), A(TIMESPEC_IO, NOAUX), A(SIGSET, NOAUX), A(ULONG, NOAUX) } };
static const struct sct_call c_pselect6 = { "pselect6", 0, 6, SCT_R_SELECT,
	{ A(INT, NOAUX), A(FDSET, 0), A(FDSET, 0), A(FDSET, 0), A(TIMESPEC_IO, NOAUX), A(PSEL_SIG, NOAUX) } };
static const struct sct_call c_select = { "select", 0, 5, SCT_R_SELECT,
	{ A(INT, NOAUX), A(FDSET, 0), A(FDSET, 0), A(FDSET, 0), A(TIMEVAL_IO, NOAUX) } };
static const struct sct_call c_epoll_create1 = { "epoll_create1", 0, 1, SCT_R_INT,
	{ A(EPOLL_FL, NOAUX) } };
static const struct sct_call c_epoll_ctl = { "epoll_ctl", 0, 4, SCT_R_INT,
	{ A(FD, NOAUX), A(EPOLL_OP, NOAUX), A(FD, NOAUX), A(EPOLL_EV, NOAUX) } };
static const struct sct_call c_epoll_wait = { "epoll_wait", 0, 4, SCT_R_INT,
	{ A(FD, NOAUX), A(EPOLL_EVS, NOAUX), A(INT, NOAUX), A(INT, NOAUX) } };
static const struct sct_call c_epoll_pwait = { "epoll_pwait", 0, 6, SCT_R_INT,
	{ A(FD, NOAUX), A(EPOLL_EVS, NOAUX), A(INT, NOAUX), A(INT, NOAUX), A(SIGSET, NOAUX),
	  A(ULONG, NOAUX) } };

#define STACK 0x7ffc5c23cc30ull

struct pfd {
	int32_t fd;
	int16_t events, revents;
};

static void ts(unsigned arg, unsigned when, int64_t sec, int64_t nsec)
{
	int64_t v[2] = { sec, nsec };

	trec_blob(&t, arg, when, v, 16, 0);
}

/* an fd_set blob of 8 bytes with the given descriptors */
static void fds(unsigned arg, unsigned when, int a, int b)
{
	uint64_t set = 0;

	if (a >= 0)
		set |= 1ull << a;
	if (b >= 0)
		set |= 1ull << b;
	trec_blob(&t, arg, when, &set, 8, 0);
}

/* struct epoll_event, packed: 12 bytes */
static void epev(unsigned char *p, uint32_t events, uint64_t data)
{
	memcpy(p, &events, 4);
	memcpy(p + 4, &data, 8);
}

Test(format_poll, poll)
{
	struct pfd in[3] = { { 3, 1, 0 }, { 4, 4 | 1, 0 }, { -1, 1, 0 } };
	struct pfd out[3] = { { 3, 1, 1 }, { 4, 4 | 1, 4 }, { -1, 1, 0 } };

	trec_init(&t, 2, STACK, 3, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, in, sizeof(in), 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, out, sizeof(out), 0);
	cr_assert_str_eq(trec_line(&t, &c_poll),
			 "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}, {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])\n");

	/* poll([{fd=4, events=POLLIN|POLLPRI|POLLRDHUP}, {fd=99, events=POLLIN}], 2, 0) */
	{
		struct pfd i2[2] = { { 4, 1 | 2 | 0x2000, 0 }, { 99, 1, 0 } };
		struct pfd o2[2] = { { 4, 1 | 2 | 0x2000, 0 }, { 99, 1, 0x20 } };

		trec_init(&t, 1, STACK, 2, 0, 0, 0, 0);
		trec_blob(&t, 0, SCT_BLOB_IN, i2, sizeof(i2), 0);
		trec_blob(&t, 0, SCT_BLOB_OUT, o2, sizeof(o2), 0);
		cr_assert_str_eq(trec_line(&t, &c_poll),
				 "poll([{fd=4, events=POLLIN|POLLPRI|POLLRDHUP}, {fd=99, events=POLLIN}], 2, 0) = 1 ([{fd=99, revents=POLLNVAL}])\n");
		trec_init(&t, 0, STACK, 1, 10, 0, 0, 0);
		trec_blob(&t, 0, SCT_BLOB_IN, i2, 8, 0);
		trec_blob(&t, 0, SCT_BLOB_OUT, o2, 8, 0);
		cr_assert_str_eq(trec_line(&t, &c_poll),
				 "poll([{fd=4, events=POLLIN|POLLPRI|POLLRDHUP}], 1, 10) = 0 (Timeout)\n");
	}
	trec_init(&t, 0, 0, 0, 5, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_poll), "poll(NULL, 0, 5)                        = 0 (Timeout)\n");
	trec_init(&t, 0, STACK, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_poll), "poll([], 0, 0)                          = 0 (Timeout)\n");
	{
		struct pfd b[2] = { { 3, (int16_t)0x8000, 0 }, { 0, 0, 0 } };

		trec_init(&t, 0, STACK, 2, 0, 0, 0, 0);
		trec_blob(&t, 0, SCT_BLOB_IN, b, sizeof(b), 0);
		cr_assert_str_eq(trec_arg(&t, &c_poll, 0),
				 "[{fd=3, events=POLL_BUSY_LOOP}, {fd=0, events=0}]");
	}
	trec_init(&t, -14, 0x10, 2, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_poll), "poll(0x10, 2, 0)                        = -1 EFAULT (Bad address)\n");
}

Test(format_poll, poll_many)
{
	static struct pfd in[40], out[40];
	char want[4096], *w;

	for (int k = 0; k < 40; k++) {
		in[k] = (struct pfd){ 1, 4, 0 };
		out[k] = (struct pfd){ 1, 4, 4 };
	}
	trec_init(&t, 40, STACK, 40, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, in, sizeof(in), 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, out, sizeof(out), 0);
	w = stpcpy(want, "poll([");
	for (int k = 0; k < 32; k++)
		w = stpcpy(w, k ? ", {fd=1, events=POLLOUT}" : "{fd=1, events=POLLOUT}");
	w = stpcpy(w, ", ...], 40, 0) = 40 ([");
	for (int k = 0; k < 32; k++)
		w = stpcpy(w, k ? ", {fd=1, revents=POLLOUT}" : "{fd=1, revents=POLLOUT}");
	stpcpy(w, ", ...])\n");
	cr_assert_str_eq(trec_line(&t, &c_poll), want);
}

Test(format_poll, ppoll)
{
	struct pfd in[2] = { { 3, 1, 0 }, { 4, 4 | 1, 0 } };
	struct pfd out[2] = { { 3, 1, 1 }, { 4, 4 | 1, 4 } };
	uint64_t mask = 1ull << 1;

	trec_init(&t, 2, STACK, 2, STACK + 64, STACK + 96, 8, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, in, sizeof(in), 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, out, sizeof(out), 0);
	ts(2, SCT_BLOB_IN, 0, 1000);
	ts(2, SCT_BLOB_OUT, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, &mask, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c_ppoll),
			 "ppoll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}], 2, {tv_sec=0, tv_nsec=1000}, [INT], 8) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})\n");

	trec_init(&t, 0, STACK, 1, STACK + 64, 0, 8, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, &in[1], 8, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, &in[1], 8, 0);
	ts(2, SCT_BLOB_IN, 0, 100000000);
	ts(2, SCT_BLOB_OUT, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_ppoll),
			 "ppoll([{fd=4, events=POLLIN|POLLOUT}], 1, {tv_sec=0, tv_nsec=100000000}, NULL, 8) = 0 (Timeout)\n");
}

Test(format_poll, pselect6)
{
	trec_init(&t, 2, 5, STACK, STACK + 128, 0, STACK + 256, 0);
	fds(1, SCT_BLOB_IN, 3, 4);
	fds(1, SCT_BLOB_OUT, 3, -1);
	fds(2, SCT_BLOB_IN, 4, -1);
	fds(2, SCT_BLOB_OUT, 4, -1);
	ts(4, SCT_BLOB_IN, 1, 500000);
	ts(4, SCT_BLOB_OUT, 1, 496703);
	cr_assert_str_eq(trec_line(&t, &c_pselect6),
			 "pselect6(5, [3 4], [4], NULL, {tv_sec=1, tv_nsec=500000}, NULL) = 2 (in [3], out [4], left {tv_sec=1, tv_nsec=496703})\n");

	trec_init(&t, 0, 5, STACK, 0, 0, STACK + 256, 0);
	fds(1, SCT_BLOB_IN, 4, -1);
	fds(1, SCT_BLOB_OUT, -1, -1);
	ts(4, SCT_BLOB_IN, 0, 1000000);
	ts(4, SCT_BLOB_OUT, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_pselect6),
			 "pselect6(5, [4], NULL, NULL, {tv_sec=0, tv_nsec=1000000}, NULL) = 0 (Timeout)\n");

	trec_init(&t, 2, 5, STACK, STACK + 128, 0, 0, 0);
	fds(1, SCT_BLOB_IN, 3, -1);
	fds(1, SCT_BLOB_OUT, 3, -1);
	fds(2, SCT_BLOB_IN, 4, -1);
	fds(2, SCT_BLOB_OUT, 4, -1);
	cr_assert_str_eq(trec_line(&t, &c_pselect6),
			 "pselect6(5, [3], [4], NULL, NULL, NULL) = 2 (in [3], out [4])\n");

	trec_init(&t, 3, 3, 0, STACK, 0, STACK + 256, 0);
	fds(2, SCT_BLOB_IN, 0, 1);
	{
		uint64_t all = 7;

		trec_blob(&t, 2, SCT_BLOB_OUT, &all, 8, 0);
	}
	ts(4, SCT_BLOB_IN, 0, 0);
	ts(4, SCT_BLOB_OUT, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_pselect6),
			 "pselect6(3, NULL, [0 1], NULL, {tv_sec=0, tv_nsec=0}, NULL) = 3 (out [0 1 2], left {tv_sec=0, tv_nsec=0})\n");

	trec_init(&t, 0, 5, STACK, 0, 0, STACK + 256, 0);
	fds(1, SCT_BLOB_IN, -1, -1);
	ts(4, SCT_BLOB_IN, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_pselect6),
			 "pselect6(5, [], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 0 (Timeout)\n");

	/* bits at or past nfds are not shown */
	trec_init(&t, -9, 61, STACK, 0, 0, STACK + 256, 0);
	{
		uint64_t set = 1ull << 3 | 1ull << 60 | 1ull << 62;

		trec_blob(&t, 1, SCT_BLOB_IN, &set, 8, 0);
	}
	ts(4, SCT_BLOB_IN, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_pselect6),
			 "pselect6(61, [3 60], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = -1 EBADF (Bad file descriptor)\n");
}

Test(format_poll, select_timeval)
{
	/* the shape of select(2) itself: the timeval that is left */
	trec_init(&t, 1, 5, STACK, 0, 0, STACK + 256, 0);
	fds(1, SCT_BLOB_IN, 3, -1);
	fds(1, SCT_BLOB_OUT, 3, -1);
	ts(4, SCT_BLOB_IN, 0, 1000);
	ts(4, SCT_BLOB_OUT, 0, 999);
	cr_assert_str_eq(trec_line(&t, &c_select),
			 "select(5, [3], NULL, NULL, {tv_sec=0, tv_usec=1000}) = 1 (in [3], left {tv_sec=0, tv_usec=999})\n");
}

Test(format_poll, epoll)
{
	unsigned char ev[12 * 4];

	trec_init(&t, 5, 02000000, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_create1), "epoll_create1(EPOLL_CLOEXEC)            = 5\n");
	trec_init(&t, 6, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_create1), "epoll_create1(0)                        = 6\n");

	epev(ev, 1 | 1u << 31, 0x100000003ull);
	trec_init(&t, 0, 5, 1, 3, STACK, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, ev, 12, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_ctl),
			 "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=3, u64=4294967299}}) = 0\n");
	trec_init(&t, 0, 5, 2, 4, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_ctl), "epoll_ctl(5, EPOLL_CTL_DEL, 4, NULL)    = 0\n");
	epev(ev, 4, 0x100000004ull);
	trec_init(&t, -22, 5, 7, 4, STACK, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, ev, 12, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_ctl),
			 "epoll_ctl(5, 0x7 /* EPOLL_CTL_??? */, 4, {events=EPOLLOUT, data={u32=4, u64=4294967300}}) = -1 EINVAL (Invalid argument)\n");
	epev(ev, 1 | 4 | 0x2000 | 2 | 8 | 0x10 | 1u << 30 | 1u << 28 | 1u << 29, 0x100000004ull);
	trec_init(&t, -9, 5, 1, 99, STACK, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, ev, 12, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_ctl),
			 "epoll_ctl(5, EPOLL_CTL_ADD, 99, {events=EPOLLIN|EPOLLPRI|EPOLLOUT|EPOLLERR|EPOLLHUP|EPOLLRDHUP|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT, data={u32=4, u64=4294967300}}) = -1 EBADF (Bad file descriptor)\n");
	epev(ev, 0, 0x100000004ull);
	trec_init(&t, 0, 5, 1, 4, STACK, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_IN, ev, 12, 0);
	cr_assert_str_eq(trec_arg(&t, &c_epoll_ctl, 3), "{events=0, data={u32=4, u64=4294967300}}");

	epev(ev, 1, 0x100000003ull);
	trec_init(&t, 1, 5, STACK, 4, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, ev, 12, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_wait),
			 "epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=4294967299}}], 4, 0) = 1\n");
	trec_init(&t, 0, 5, STACK, 4, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_wait), "epoll_wait(5, [], 4, 0)                 = 0\n");
	trec_init(&t, -9, 99, STACK, 4, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_epoll_wait),
			 "epoll_wait(99, 0x7ffc5c23cc30, 4, 0)    = -1 EBADF (Bad file descriptor)\n");
	{
		uint64_t mask = 2;

		trec_init(&t, 0, 5, STACK, 4, 1, STACK + 64, 8);
		trec_blob(&t, 4, SCT_BLOB_IN, &mask, 8, 0);
		cr_assert_str_eq(trec_line(&t, &c_epoll_pwait),
				 "epoll_pwait(5, [], 4, 1, [INT], 8)      = 0\n");
	}
	trec_init(&t, 0, 5, STACK, 4, 1, 0, 8);
	cr_assert_str_eq(trec_line(&t, &c_epoll_pwait), "epoll_pwait(5, [], 4, 1, NULL, 8)       = 0\n");
}
