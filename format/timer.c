/* POSIX timers and timerfd: struct itimerspec (timer_settime, timer_gettime,
 * timerfd_settime, timerfd_gettime) and struct sigevent (timer_create), as strace
 * prints them:
 *   {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=5}}
 *   {sigev_value={sival_int=1, sival_ptr=0x1}, sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL} */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define ITIMERSPEC_SIZE 32
#define SIGEVENT_SIZE 32		/* what strace reads of the kernel's 64 bytes */

enum { SIGEV_SIGNAL_ = 0, SIGEV_THREAD_ = 2, SIGEV_THREAD_ID_ = 4 };

static void print_itimerspec(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "{it_interval=");
	sct_print_timespec(o, p);
	sct_out_puts(o, ", it_value=");
	sct_print_timespec(o, p + 16);
	sct_out_putc(o, '}');
}

/* the new value, as the program passed it */
int sct_dec_itimerspec(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!d->r->arg[i] || !b || b->len < ITIMERSPEC_SIZE)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_itimerspec(d->o, sct_blob_data(b));
	return 0;
}

/* the old or current value, which the kernel wrote only when the call succeeded */
int sct_dec_itimerspec_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!d->r->arg[i] || !b || b->len < ITIMERSPEC_SIZE)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_itimerspec(d->o, sct_blob_data(b));
	return 0;
}

/* strace shows sigev_value only when it is not 0, the signal by name only for the
 * notifications that send one, and the union's member that the notification uses */
void sct_print_sigevent(struct sct_out *o, const unsigned char *p)
{
	uint64_t val = sct_get64(p);
	uint32_t signo = sct_get32(p + 8), notify = sct_get32(p + 12);

	sct_out_putc(o, '{');
	if (val) {
		sct_out_puts(o, "sigev_value={sival_int=");
		sct_out_dec(o, (int32_t)val);
		sct_out_puts(o, ", sival_ptr=");
		sct_print_addr(o, val);
		sct_out_puts(o, "}, ");
	}
	sct_out_puts(o, "sigev_signo=");
	if (notify == SIGEV_SIGNAL_ || notify == SIGEV_THREAD_ || notify == SIGEV_THREAD_ID_)
		sct_print_signal(o, (int32_t)signo);
	else
		sct_out_udec(o, signo);
	sct_out_puts(o, ", sigev_notify=");
	sct_print_xlat(o, SCT_XLAT_sigev_notify, notify);
	if (notify == SIGEV_THREAD_ID_) {
		sct_out_puts(o, ", sigev_notify_thread_id=");
		sct_out_dec(o, (int32_t)sct_get32(p + 16));
	} else if (notify == SIGEV_THREAD_) {
		sct_out_puts(o, ", sigev_notify_function=");
		sct_print_addr(o, sct_get64(p + 16));
		sct_out_puts(o, ", sigev_notify_attributes=");
		sct_print_addr(o, sct_get64(p + 24));
	}
	sct_out_putc(o, '}');
}

int sct_dec_sigevent(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!d->r->arg[i] || !b || b->len < SIGEVENT_SIZE)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_sigevent(d->o, sct_blob_data(b));
	return 0;
}
