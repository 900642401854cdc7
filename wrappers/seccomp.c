/* The entry points that install a seccomp filter: prctl(PR_SET_SECCOMP,
 * SECCOMP_MODE_FILTER, prog) and syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, ...)
 * (glibc 2.36 has no seccomp(); libseccomp's seccomp_load goes through syscall()).
 * Before the filter goes in, spare rings are made for the threads and children that
 * start under it (preload/spare.c); before prctl(PR_SET_TSC, PR_TSC_SIGSEGV) the
 * library stops reading the TSC, before strict seccomp any clock (preload/clock.c).  Nothing is recorded: these hooks
 * only prepare.
 * A filter installed by a raw syscall instruction is not seen (README, Limits). */
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "hand.h"
#include "spare.h"
#include "clock.h"

static int (*real_prctl)(int, unsigned long, unsigned long, unsigned long, unsigned long);
static long (*real_syscall)(long, long, long, long, long, long, long);

/* Both read the unused variadic arguments as x86-64 passes them, in registers, as
 * glibc's own prctl and syscall do. */
SCT_EXPORT int prctl(int option, ...)
{
	unsigned long a[4];
	va_list ap;
	int filter, r, froze;

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		a[i] = va_arg(ap, unsigned long);
	va_end(ap);
	filter = option == PR_SET_SECCOMP && a[0] == SECCOMP_MODE_FILTER;
	if (filter)
		sct_spares_prepare();
	froze = sct_clock_before(SYS_prctl, (uint64_t[]){ (unsigned)option, a[0], a[1] });
	r = SCT_REAL(prctl)(option, a[0], a[1], a[2], a[3]);
	sct_clock_after(froze, r);
	if (filter && r == 0)
		sct_spares_sandboxed();
	return r;
}

SCT_EXPORT long syscall(long n, ...)
{
	long a[6], r;
	va_list ap;
	int filter, froze;

	va_start(ap, n);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	filter = n == SYS_seccomp && a[0] == SECCOMP_SET_MODE_FILTER;
	if (filter)
		sct_spares_prepare();
	froze = sct_clock_before(n, (uint64_t *)a);
	r = SCT_REAL(syscall)(n, a[0], a[1], a[2], a[3], a[4], a[5]);
	sct_clock_after(froze, r);
	if (filter && r >= 0)
		sct_spares_sandboxed();
	return r;
}
