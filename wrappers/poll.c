/* select, pselect and ppoll: the calls whose timeout glibc converts or copies before
 * the kernel sees it.
 *   select(tv)  -> pselect6(.., {tv_sec, tv_usec * 1000}, NULL); the time left comes
 *                  back into tv, so strace's "left {...}" is known (to the microsecond);
 *   pselect(ts) -> pselect6(.., copy of ts, {sigmask, 8});
 *   ppoll(ts)   -> ppoll(.., copy of ts, sigmask, 8).
 * For the last two the kernel writes the time left into glibc's copy, which we cannot
 * see: it is known only when the call timed out or the timeout was zero (then it is
 * {0, 0}); otherwise the record carries no "left" and the line ends without it.
 * All three are cancellation points (see preload/cancel.c). */
#include "hand.h"

static int (*real_select)(int, fd_set *, fd_set *, fd_set *, struct timeval *);
static int (*real_pselect)(int, fd_set *, fd_set *, fd_set *, const struct timespec *,
			   const sigset_t *);
static int (*real_ppoll)(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);

static const struct timespec zero;

/* Point argument i at the time left when it is known, else keep it out of the record. */
static void left_known(struct sct_thread *t, uint64_t *a, unsigned i, const struct timespec *ts,
		       int ret)
{
	if (ts && (ret == 0 || (ts->tv_sec == 0 && ts->tv_nsec == 0)))
		a[i] = (uintptr_t)&zero;
	else
		t->no_out |= 1u << i;
}

SCT_EXPORT int select(int n, fd_set *r, fd_set *w, fd_set *x, struct timeval *tv)
{
	struct sct_thread *t = sct_begin(SCT_CALL_pselect6);
	struct timespec given, left;
	unsigned char pre[SCT_PRE_MAX];
	uint64_t t0, t1;
	int ret, e;

	if (!t)
		return SCT_REAL(select)(n, r, w, x, tv);
	if (tv) {
		given.tv_sec = tv->tv_sec;
		given.tv_nsec = tv->tv_usec * 1000;
	}
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)n, (uintptr_t)r, (uintptr_t)w, (uintptr_t)x,
				     tv ? (uintptr_t)&given : 0, 0 };
	sct_pre(t, SCT_CALL_pselect6, a, pre);
	SCT_CANCEL_CALL(1, ret, SCT_REAL(select)(n, r, w, x, tv), t, SCT_CALL_pselect6, a, pre, t0, t1);
	e = errno;
	if (tv) {
		left.tv_sec = tv->tv_sec;
		left.tv_nsec = tv->tv_usec * 1000;
		a[4] = (uintptr_t)&left;
	}
	sct_done(t, SCT_CALL_pselect6, a, ret < 0 ? -(int64_t)e : ret, t0, t1, pre);
	errno = e;
	return ret;
}

SCT_EXPORT int pselect(int n, fd_set *r, fd_set *w, fd_set *x, const struct timespec *ts,
		       const sigset_t *mask)
{
	struct sct_thread *t = sct_begin(SCT_CALL_pselect6);
	/* what the kernel reads, plus the set behind the pointer for the decoder */
	struct { const sigset_t *ss; size_t len; uint64_t set; } data = { mask, 8, 0 };
	unsigned char pre[SCT_PRE_MAX];
	uint64_t t0, t1;
	int ret, e;

	if (!t)
		return SCT_REAL(pselect)(n, r, w, x, ts, mask);
	if (mask)
		memcpy(&data.set, mask, sizeof(data.set));
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)n, (uintptr_t)r, (uintptr_t)w, (uintptr_t)x,
				     (uintptr_t)ts, (uintptr_t)&data };
	sct_pre(t, SCT_CALL_pselect6, a, pre);
	SCT_CANCEL_CALL(1, ret, SCT_REAL(pselect)(n, r, w, x, ts, mask), t, SCT_CALL_pselect6, a, pre, t0, t1);
	e = errno;
	left_known(t, a, 4, ts, ret);
	sct_done(t, SCT_CALL_pselect6, a, ret < 0 ? -(int64_t)e : ret, t0, t1, pre);
	errno = e;
	return ret;
}

SCT_EXPORT int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask)
{
	struct sct_thread *t = sct_begin(SCT_CALL_ppoll);
	unsigned char pre[SCT_PRE_MAX];
	uint64_t t0, t1;
	int ret, e;

	if (!t)
		return SCT_REAL(ppoll)(fds, n, ts, mask);
	uint64_t a[SCT_MAX_ARGS] = { (uintptr_t)fds, n, (uintptr_t)ts, (uintptr_t)mask, 8 };
	sct_pre(t, SCT_CALL_ppoll, a, pre);
	SCT_CANCEL_CALL(1, ret, SCT_REAL(ppoll)(fds, n, ts, mask), t, SCT_CALL_ppoll, a, pre, t0, t1);
	e = errno;
	left_known(t, a, 2, ts, ret);
	sct_done(t, SCT_CALL_ppoll, a, ret < 0 ? -(int64_t)e : ret, t0, t1, pre);
	errno = e;
	return ret;
}

/* _FORTIFY_SOURCE's ppoll checks the array size, then is ppoll. */
int __ppoll_chk(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask,
		size_t fdslen);
SCT_EXPORT int __ppoll_chk(struct pollfd *fds, nfds_t n, const struct timespec *ts,
			   const sigset_t *mask, size_t fdslen)
{
	(void)fdslen;
	return ppoll(fds, n, ts, mask);
}
