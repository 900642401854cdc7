#include <cpuid.h>
#include <elf.h>
#include <link.h>
#include <ucontext.h>
#include <stdlib.h>
#include <time.h>
#include <sys/prctl.h>
#include <linux/seccomp.h>
#include <sys/syscall.h>
#include "clock.h"
#include "raw.h"
#include "spare.h"

int sct_use_tsc;
int sct_no_t1;

/* After prctl(PR_SET_TSC, PR_TSC_SIGSEGV) rdtsc faults in that thread and the children
 * it makes.  The records of a TSC ring must stay in ticks (the reader converts them
 * with the ring's rate), so from then on every thread makes its ticks from the vDSO
 * clock at that rate: tick = tick0 + (ns - ns0) / (mult >> shift). */
static struct sct_clock *own_clock;	/* the one sct_clock_init filled */
static uint64_t emul_tick0, emul_ns0;
static int emulating;
/* The vDSO's clock_gettime reads the TSC too (rdtscp): with it forbidden, the clock is
 * the system call (ours, raw: it is not the program's). */
static int raw_clock;
/* A thread in strict seccomp mode has neither rdtsc (the kernel forbids it there too)
 * nor clock_gettime: its clock stands still at the tick it entered the mode. */
static __thread int frozen __attribute__((tls_model("initial-exec")));
static __thread uint64_t frozen_tick __attribute__((tls_model("initial-exec")));

uint64_t sct_clock_slow(void)
{
	struct timespec ts;

	/* clock_gettime is not interposed and goes through the vDSO: no system call. */
	if (__builtin_expect(__atomic_load_n(&raw_clock, __ATOMIC_RELAXED), 0))
		sct_sys(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	else
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t sct_clock_ticks(void)
{
	uint64_t ns;

	if (__builtin_expect(frozen, 0))
		return frozen_tick;
	ns = sct_clock_slow();

	if (!__atomic_load_n(&emulating, __ATOMIC_ACQUIRE))
		return ns;
	return emul_tick0 + (uint64_t)(((unsigned __int128)(ns - emul_ns0) << own_clock->shift) /
				       own_clock->mult);
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* CPUID 0x80000007 EDX bit 8: the TSC runs at a constant rate in every power state. */
static int tsc_invariant(void)
{
	unsigned a, b, c, d;

	return __get_cpuid(0x80000007, &a, &b, &c, &d) && (d >> 8 & 1);
}

/* tsc_env is the runner's "MULT:SHIFT" (ns = ticks * MULT >> SHIFT), or NULL.  Without
 * it, an invariant TSC is still used and calibrated later (mult = 0 until then). */
void sct_clock_init(struct sct_clock *out, const char *tsc_env)
{
	char *end;
	unsigned long mult = 0, shift = 0;
	int notsc = 0;

	if (tsc_env) {
		mult = strtoul(tsc_env, &end, 10);
		if (*end == ':')
			shift = strtoul(end + 1, &end, 10);
		if (*end || !mult || shift > 63)
			mult = 0;
	}
	/* An image exec'd by a thread with rdtsc forbidden (the setting survives exec);
	 * under the program's seccomp filter (dormant) the prctl itself may be forbidden. */
	if (sct_sandboxed || sct_sys(SYS_prctl, PR_GET_TSC, &notsc, 0, 0, 0) < 0 ||
	    notsc == PR_TSC_SIGSEGV)
		mult = 0, tsc_env = "", raw_clock = notsc == PR_TSC_SIGSEGV;
	own_clock = out;
	if (mult || (!tsc_env && tsc_invariant())) {
		out->ns_base = sct_clock_slow();
		out->tick_base = rdtsc();
		out->mult = (uint32_t)mult;
		out->shift = (uint32_t)shift;
		sct_use_tsc = 1;
	} else {
		out->tick_base = out->ns_base = 0;
		out->mult = 1;
		out->shift = 0;
		sct_use_tsc = 0;
	}
}

/* Standalone: the TSC's rate, measured over the run so far (at least 1 ms). */
void sct_clock_calibrate(struct sct_clock *c)
{
	uint64_t ticks, ns;
	double ratio;

	if (c->mult)
		return;
	if (__atomic_load_n(&emulating, __ATOMIC_ACQUIRE)) {	/* rdtsc may fault now */
		c->mult = own_clock->mult;	/* a ring's copy of own_clock: same bases */
		c->shift = own_clock->shift;
		return;
	}
	do {
		ns = sct_clock_slow() - c->ns_base;
		ticks = rdtsc() - c->tick_base;
	} while (ns < 1000000 || !ticks);
	ratio = (double)ns / (double)ticks;
	c->shift = 32;
	while (c->shift > 0 && ratio * (double)(1ull << c->shift) >= 4294967296.0)
		c->shift--;
	c->mult = (uint32_t)(ratio * (double)(1ull << c->shift));
}

/* Called (on the thread making the prctl) while rdtsc still works there: the rate is
 * known first (standalone, measured now), then the base, then no thread reads the TSC
 * again.  Another thread may still be in an rdtsc it decided on: that thread's own
 * TSC is not forbidden, and its tick is on the same scale. */
void sct_clock_stop_tsc(void)
{
	if (!own_clock)
		return;
	if (sct_use_tsc) {
		sct_clock_calibrate(own_clock);
		emul_ns0 = sct_clock_slow();
		emul_tick0 = rdtsc();
		__atomic_store_n(&emulating, 1, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&raw_clock, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&sct_use_tsc, 0, __ATOMIC_RELEASE);
}

/* Before the thread's own prctl/seccomp call that may put it in strict mode (on = 1),
 * and after it failed (on = 0). */
void sct_clock_freeze(int on)
{
	if (on) {
		sct_clock_stop_tsc();
		frozen_tick = sct_clock_ticks();
	}
	frozen = on;
}

/* The calls after which this thread can no longer read the clock it did:
 * prctl(PR_SET_TSC, PR_TSC_SIGSEGV) forbids rdtsc (the vDSO's clock_gettime reads
 * it too); strict seccomp (prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) or
 * seccomp(SECCOMP_SET_MODE_STRICT)) forbids rdtsc and every call but
 * read/write/exit/rt_sigreturn.  Called before call nr with its arguments a[0..];
 * what it returns goes to sct_clock_after with the call's result. */
int sct_clock_before(long nr, const uint64_t *a)
{
	if (nr == SYS_prctl && a[0] == PR_SET_TSC && (uint32_t)a[1] == PR_TSC_SIGSEGV)
		sct_clock_stop_tsc();
	else if ((nr == SYS_prctl && a[0] == PR_SET_SECCOMP && a[1] == SECCOMP_MODE_STRICT) ||
		 (nr == SYS_seccomp && (uint32_t)a[0] == SECCOMP_SET_MODE_STRICT)) {
		sct_clock_freeze(1);
		return 1;
	}
	return 0;
}

int sct_strict_thread(void)
{
	return frozen;
}

void sct_clock_after(int froze, long r)
{
	if (froze && r < 0)		/* not in strict mode after all */
		sct_clock_freeze(0);
}

/* Is ip in this library's executable segment? */
static int ours(uintptr_t ip)
{
	extern const ElfW(Ehdr) __ehdr_start;
	const ElfW(Ehdr) *eh = &__ehdr_start;
	const ElfW(Phdr) *ph = (const ElfW(Phdr) *)((uintptr_t)eh + eh->e_phoff);

	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X))
			return ip - ((uintptr_t)eh + ph[i].p_vaddr) < ph[i].p_memsz;
	return 0;
}

/* SIGSEGV (preload/sigown.c) at an rdtsc of ours: the TSC was forbidden by a call we
 * did not see (a raw syscall instruction with --libc-only).  Stop reading it as
 * sct_clock_stop_tsc does, with the base projected from the constructor's at the rate
 * known (standalone, not measured yet: the records so far get ns for ticks), and
 * finish the instruction with the tick it would have read.  1 when handled. */
int sct_clock_fault(void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t ip = (uintptr_t)g[REG_RIP];
	uint64_t ns, t;

	if (!own_clock || !ours(ip) || ((const unsigned char *)ip)[0] != 0x0f ||
	    ((const unsigned char *)ip)[1] != 0x31)
		return 0;
	__atomic_store_n(&raw_clock, 1, __ATOMIC_RELEASE);
	if (!__atomic_load_n(&emulating, __ATOMIC_ACQUIRE)) {
		if (!own_clock->mult) {
			own_clock->mult = 1;
			own_clock->shift = 0;
		}
		ns = sct_clock_slow();
		emul_ns0 = ns;
		emul_tick0 = own_clock->tick_base +
			     (uint64_t)(((unsigned __int128)(ns - own_clock->ns_base) << own_clock->shift) /
					own_clock->mult);
		__atomic_store_n(&emulating, 1, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&sct_use_tsc, 0, __ATOMIC_RELEASE);
	t = sct_clock_ticks();
	g[REG_RAX] = (greg_t)(uint32_t)t;
	g[REG_RDX] = (greg_t)(t >> 32);
	g[REG_RIP] += 2;
	return 1;
}
