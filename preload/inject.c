/* -e inject= / -e fault=: strace's tampering, done from inside the process.
 *
 * strace rewrites a call at its ptrace stops: on entry it replaces the number by -1
 * (or by a pure call, syscall=) and on exit writes the result it was told; it sends a
 * signal by resuming the tracee with it, which the kernel delivers as the call returns
 * (si_code SI_KERNEL); it sleeps before resuming for a delay.  Here the wrapper's twin
 * or the SIGSYS handler does the same around the call it makes for the program: it
 * does not make it, returns the result, queues the signal to its own thread after the
 * record, and sleeps with a raw nanosleep.
 *
 * Counting (when=) follows strace's tamper_with_syscall_entering(): a counter pair
 * (first, last) per call and per task, copied from the rule when the task first meets
 * an injectable call; a forked child starts again, as strace's new tcb does.  The
 * pairs are in a page the thread maps when it first meets a call with a rule (not in
 * thread-local storage, whose size the program sees: glibc's madvise of a finished
 * thread's stack is a page shorter with 2 KiB more of it); a fork copies the page, so
 * `owner` tells a child it must start again.  An exec starts again too, where strace
 * goes on counting (said in README).  The page is not unmapped when the thread ends. */
#include <string.h>
#include <time.h>
#include "wrap.h"
#include "calls.h"
#include "inject.h"
#include "raw.h"
#include "safemem.h"

struct sct_inject_set sct_inject_rules;

struct counter {
	uint16_t first, last;
};

static __thread struct counter *counters __attribute__((tls_model("initial-exec")));
static __thread int owner __attribute__((tls_model("initial-exec")));

void sct_inject_init(const char *v)
{
	if (!v || sct_inject_decode(&sct_inject_rules, v) < 0 || !sct_inject_rules.n)
		return;
	sct_cfg.inject = 1;
	memcpy(sct_cfg.inject_of, sct_inject_rules.of, sizeof(sct_cfg.inject_of));
}

/* 0, or -1 when no page can be had (a seccomp filter of the program's may refuse
 * mmap): then nothing is tampered with in this thread. */
static int start_counting(int tid)
{
	if (!counters) {
		long p = sct_sys(SYS_mmap, 0, SCT_MAX_CALLS * sizeof(struct counter),
				 PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p < 0 && p >= -4095)
			return -1;
		counters = (struct counter *)p;
	}
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++) {
		unsigned r = sct_inject_rules.of[i];
		counters[i].first = r ? sct_inject_rules.rule[r - 1].first : 0;
		counters[i].last = r ? sct_inject_rules.rule[r - 1].last : 0;
	}
	owner = tid;
	return 0;
}

static void delay(uint64_t ns)
{
	struct timespec ts = { (time_t)(ns / 1000000000u), (long)(ns % 1000000000u) };

	/* the whole delay, whatever signal handler runs meanwhile */
	while (sct_sys(SYS_nanosleep, &ts, &ts) == -EINTR)
		;
}

/* Write each poke of this side into the memory its argument points to; 1 if any was
 * written.  An address that cannot be written is skipped, as strace's upoken fails. */
static int poke(const struct sct_inject_rule *u, unsigned call, const uint64_t *a, int exit_side)
{
	int poked = 0;
	uint64_t saved = 0;
	int guarded = 0;

	for (unsigned i = 0; i < u->npokes; i++) {
		const struct sct_inject_poke *pk = &u->poke[i];
		if (pk->exit != exit_side || pk->arg > sct_calls[call].nargs)
			continue;
		if (!guarded) {
			saved = sct_safe_begin();
			guarded = 1;
		}
		if (sct_safe_copy((void *)(uintptr_t)a[pk->arg - 1], u->data + pk->off, pk->len))
			poked = 1;
	}
	if (guarded)
		sct_safe_end(saved);
	return poked;
}

int sct_inject_enter(struct sct_thread *t, unsigned call, const uint64_t *a, struct sct_inj *j)
{
	unsigned r = call < SCT_MAX_CALLS ? sct_inject_rules.of[call] : 0;
	const struct sct_inject_rule *u;
	struct counter *c;

	if (!r)
		return 0;
	if ((owner != t->tid || !counters) && start_counting(t->tid) < 0)
		return 0;
	c = &counters[call];
	if (c->first == 0 || c->last == 0)
		return 0;
	if (c->last != SCT_INJECT_LAST_INF)
		c->last--;
	if (--c->first != 0)
		return 0;
	u = &sct_inject_rules.rule[r - 1];
	c->first = u->step;
	j->rule = u;
	j->poked = 0;
	j->fake = (u->flags & (SCT_INJ_ERROR | SCT_INJ_RETVAL)) != 0;
	j->ret = u->flags & SCT_INJ_ERROR ? -(int64_t)u->val : (int64_t)u->val;
	if (u->flags & SCT_INJ_POKE_ENTER)
		j->poked = (uint8_t)poke(u, call, a, 0);
	if (u->flags & SCT_INJ_DELAY_ENTER)
		delay(u->delay_enter_ns);
	return 1;
}

int64_t sct_inject_fake(const struct sct_inj *j)
{
	if (j->rule->flags & SCT_INJ_SYSCALL)
		sct_sys0(j->rule->sub);
	return j->ret;
}

/* The signal as the kernel sends the one a tracer resumes its tracee with: from the
 * kernel (SI_KERNEL), to this thread.  Only a process's own main thread may queue an
 * SI_KERNEL siginfo to itself (rt_tgsigqueueinfo compares the caller's tid with the
 * target's tgid); other threads send it with tgkill (SI_TKILL). */
static void send_signal(struct sct_thread *t, int sig)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_KERNEL;
	if (t->tid != t->pid || sct_sys(SYS_rt_tgsigqueueinfo, t->pid, t->tid, sig, &si) < 0)
		sct_sys(SYS_tgkill, t->pid, t->tid, sig);
}

void sct_inject_done(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
		     uint64_t t0, uint64_t t1, const unsigned char *pre, const struct sct_inj *j)
{
	const struct sct_inject_rule *u = j ? j->rule : NULL;
	unsigned flags = 0;

	/* sct_record, not sct_done, which would take this function's return address for
	 * -i's (the wrapper set it) */
	if (!u) {
		if (t->counting)
			sct_done(t, call, a, ret, t0, t1, pre);
		else
			sct_record(t, call, a, ret, t0, t1, pre);
		return;
	}
	if ((u->flags & SCT_INJ_POKE_EXIT) && poke(u, call, a, 1))
		flags |= SCT_RF_POKED;
	if (u->flags & SCT_INJ_DELAY_EXIT)
		delay(u->delay_exit_ns);
	if (j->fake)
		flags |= SCT_RF_INJECTED | (u->flags & SCT_INJ_RETVAL ? SCT_RF_RETVAL : 0);
	if (j->poked)
		flags |= SCT_RF_POKED;
	if (u->flags & (SCT_INJ_DELAY_ENTER | SCT_INJ_DELAY_EXIT))
		flags |= SCT_RF_DELAYED;
	if (t->counting)
		sct_done(t, call, a, ret, t0, t1, pre);
	else
		sct_record_flags(t, call, a, ret, t0, t1, pre, flags);
	if (u->flags & SCT_INJ_SIGNAL)
		send_signal(t, u->signo);
}
