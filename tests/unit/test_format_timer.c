/* format/timer.c and the sigset size rule of format/sig.c, against strace 6.1's
 * timer_create and rt_sigpending tests. */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_create = { "timer_create", 0, 3, SCT_R_INT,
	{ A(CLOCKID, NOAUX), A(SIGEVENT, NOAUX), A(INT_OUT, NOAUX) } };
static const struct sct_call c_pending = { "rt_sigpending", 0, 2, SCT_R_INT,
	{ A(SIGSET_OUT, 1), A(ULONG, NOAUX) } };

#define EV 0x7ffc48340990ull

static void sigevent(uint64_t val, uint32_t signo, uint32_t notify, uint64_t u1, uint64_t u2)
{
	unsigned char ev[32];

	memcpy(ev, &val, 8);
	memcpy(ev + 8, &signo, 4);
	memcpy(ev + 12, &notify, 4);
	memcpy(ev + 16, &u1, 8);
	memcpy(ev + 24, &u2, 8);
	trec_blob(&t, 1, SCT_BLOB_IN, ev, sizeof(ev), 0);
}

Test(format_timer, sigevent)
{
	trec_init(&t, -22, 0, EV, 0, 0, 0, 0);
	sigevent(0xdeadbeefbadc0dedull, 0xfacefeed, 0xdefaced, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_create, 1),
			 "{sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded}, "
			 "sigev_signo=4207869677, sigev_notify=0xdefaced /* SIGEV_??? */}");
	trec_init(&t, 0, 1, EV, 0, 0, 0, 0);
	sigevent(0, 14, 4, 1234, 0);
	cr_assert_str_eq(trec_arg(&t, &c_create, 1),
			 "{sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=1234}");
	trec_init(&t, 0, 1, EV, 0, 0, 0, 0);
	sigevent(0, 14, 2, 0xdeadbeefbadc0dedull, 0xcafef00dfacefeedull);
	cr_assert_str_eq(trec_arg(&t, &c_create, 1),
			 "{sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD, sigev_notify_function=0xdeadbeefbadc0ded, "
			 "sigev_notify_attributes=0xcafef00dfacefeed}");
	trec_init(&t, 0, 1, EV, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_create, 1), "0x7ffc48340990");
}

Test(format_timer, sigset_sizes)
{
	uint8_t set = 1;	/* SIGHUP */

	/* rt_sigpending's set may be 1 to 8 bytes */
	trec_init(&t, 0, EV, 1, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, &set, 1, 0);
	cr_assert_str_eq(trec_arg(&t, &c_pending, 0), "[HUP]");
	trec_init(&t, -22, EV, 16, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_pending, 0), "0x7ffc48340990");
	/* a size of 0: nothing was written */
	trec_init(&t, 0, EV, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_pending, 0), "0x7ffc48340990");
}
