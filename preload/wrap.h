/* What every wrapper uses: the per-thread state and the hot path.
 *
 * A wrapper is: sct_begin (is this call traced by this thread?), the real call
 * between two sct_now() readings, then sct_done (count it, or record it), with errno
 * saved and restored around our part.  Nothing here locks, allocates or calls libc. */
#ifndef SCT_WRAP_H
#define SCT_WRAP_H

#undef _FORTIFY_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/single_threaded.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "callidx.h"
#include "clock.h"
#include "config.h"
#include "record.h"
#include "ring.h"

/* An ASan build: ASan's own start-up calls wrapped functions (mkdir for
 * ASAN_OPTIONS=log_path=DIR/F) before its shadow memory exists, where an instrumented
 * frame or load faults; so the wrappers' own code is not instrumented, and a call
 * before our constructor goes straight through (sct_begin). */
#ifdef __SANITIZE_ADDRESS__
#define SCT_NO_ASAN __attribute__((no_sanitize_address))
#else
#define SCT_NO_ASAN
#endif
#define SCT_EXPORT __attribute__((visibility("default"))) SCT_NO_ASAN
/* Export `alias` as another name of function `name`, whatever C type headers give it. */
#define SCT_ALIAS(alias, name) \
	__asm__(".globl " #alias "\n.type " #alias ", @function\n.set " #alias ", " #name)
#define SCT_PRE_MAX 512			/* bytes of pre-call state (3 fd_sets + a socklen) */

/* SCT_T_SHARED: a clone(CLONE_VM) child runs on this thread's storage (wrappers/
 * clone.c); every call asks the kernel which of the two is calling. */
enum { SCT_T_NEW = 0, SCT_T_READY, SCT_T_OFF, SCT_T_SHARED };

struct sct_thread {
	uint8_t state;			/* SCT_T_* */
	uint8_t trap;			/* complete mode armed: the kernel traps this thread's
					 * calls (preload/dispatch.c), wrappers only call through */
	uint8_t sel;			/* Syscall User Dispatch selector (SCT_SEL_*) */
	uint8_t busy;			/* setting up: calls made meanwhile are not traced */
	uint8_t counting;		/* -c: counters only, no records; 2: min and max too */
	uint8_t vfork_child;		/* running as a vfork child on its parent's state */
	uint8_t no_out;			/* arguments whose state after the call is unknown (one record) */
	uint8_t in_exec;		/* an exec wrapper records the execve that traps */
	unsigned ring_gen;		/* n of "<pid>.<tid>.<n>.ring", 0 for "<pid>.<tid>.ring" */
	unsigned sharers;		/* clone(CLONE_VM) children on this storage (SCT_T_SHARED) */
	int pid, tid;
	struct sct_wring ring;
	void *map;			/* the ring's mapping (and, standalone, its text buffer) */
	size_t maplen;
	struct sct_thread_link *link;	/* standalone: this ring in the process's list */
	/* A wrapped call a signal handler cut short (preload/dispatch_cut.c) has had its
	 * line written: the wrapper's record of it (the same call and t0) is dropped
	 * (SCT_CUT_SAID: it ended with EINTR) or timed from t0new (SCT_CUT_RESTART). */
	struct {
		uint64_t t0, t0new;
		unsigned call;
		uint8_t how;
	} cut;
	/* -i: where the call was made.  ret_ip: the wrapper's return address into the
	 * program (sct_done, every traced call); trap_ip, when not 0, is used instead:
	 * the trapping instruction's (complete mode), or 1: not known. */
	uint64_t ret_ip, trap_ip;
};
enum { SCT_CUT_SAID = 1, SCT_CUT_RESTART = 2 };

extern __thread struct sct_thread sct_self __attribute__((tls_model("initial-exec")));

struct sct_thread *sct_thread_slow(struct sct_thread *t, unsigned call);
struct sct_thread *sct_thread_any(unsigned call);
struct sct_thread *sct_thread_exact(struct sct_thread *t, unsigned call);
void sct_record(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
		uint64_t t0, uint64_t t1, const unsigned char *pre);
/* sct_record with SCT_RF_* flags (-e inject=) */
void sct_record_flags(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
		      uint64_t t0, uint64_t t1, const unsigned char *pre, unsigned flags);
void sct_pre(struct sct_thread *t, unsigned call, const uint64_t *a, unsigned char *pre);
void *sct_resolve(const char *name);
int sct_fopen_flags(const char *mode);

/* Same as `*p += v`, in one instruction: a signal handler that counts on this thread
 * cannot fall between a load and a store.  No lock prefix: no other CPU writes p. */
static inline void sct_add_local(uint64_t *p, uint64_t v)
{
	__asm__ __volatile__("addq %1, %0" : "+m"(*p) : "er"(v) : "cc");
}

static inline int sct_traced(unsigned call)
{
	return (sct_cfg.filter[call >> 6] >> (call & 63)) & 1;
}

/* An exact wrapper (its libc function makes exactly the call it records) records
 * itself in complete mode too: the slow path only when the thread is not READY. */
static inline SCT_NO_ASAN struct sct_thread *sct_begin_exact(unsigned call)
{
	struct sct_thread *t = &sct_self;

	if (__builtin_expect(t->state != SCT_T_READY, 0))
		return sct_cfg.ready ? sct_thread_exact(t, call) : NULL;
	return sct_traced(call) ? t : NULL;
}

/* `expr` (the real libc call of an exact wrapper) with complete mode's selector open:
 * its system call is not trapped.  Outside complete mode sel is already ALLOW.  A
 * handler of the program that interrupts it runs with the selector blocked
 * (preload/dispatch.c, tramp). */
#define SCT_OPEN_CALL(expr) ({ \
	struct sct_thread *sct_o_ = &sct_self; \
	uint8_t sct_sel_ = sct_o_->sel; \
	sct_o_->sel = 0; \
	__asm__ __volatile__("" ::: "memory"); \
	__typeof__(expr) sct_r_ = (expr); \
	__asm__ __volatile__("" ::: "memory"); \
	sct_o_->sel = sct_sel_; \
	sct_r_; \
})

/* An exact wrapper's call that is not recorded (filtered out, or tracing off) passes
 * with the selector open too, except beside a clone(CLONE_VM) child that shares this
 * thread's storage (SCT_T_SHARED): the child is not armed but would toggle the
 * parent's selector byte under it; its calls then trap and are not recorded. */
#define SCT_PASS_CALL(expr) ({ \
	__typeof__(expr) sct_p_; \
	if (__builtin_expect(sct_self.state == SCT_T_SHARED, 0)) \
		sct_p_ = (expr); \
	else \
		sct_p_ = SCT_OPEN_CALL(expr); \
	sct_p_; \
})

/* The thread's state when `call` is to be traced now, NULL to just call through. */
static inline SCT_NO_ASAN struct sct_thread *sct_begin(unsigned call)
{
	struct sct_thread *t = &sct_self;

	if (__builtin_expect(t->state != SCT_T_READY || t->trap, 0))
		return sct_cfg.ready ? sct_thread_slow(t, call) : NULL;
	return sct_traced(call) ? t : NULL;
}

/* -c with min/max times or -O (counting 2): strace's per-call rule, the overhead
 * taken off down to 0, then the shortest and longest.  Out of line and cold: inlined,
 * its sct_cfg pointer took a register from the wrapper and the selector byte went to
 * the stack (callgrind, getppid under -c: 88 instructions before, 93 inlined, 89 out
 * of line; 110 with min and max kept). */
static __attribute__((noinline, cold)) uint64_t sct_count_extra(struct sct_count *c, uint64_t d)
{
	d = d > sct_cfg.overhead ? d - sct_cfg.overhead : 0;
	if (~d > c->min_inv)
		*(volatile uint64_t *)&c->min_inv = ~d;
	if (d > c->max)
		*(volatile uint64_t *)&c->max = d;
	return d;
}

/* plain -c (counting 1): the call counted, its time added, and its error */
static inline __attribute__((always_inline)) void sct_count(struct sct_thread *t, unsigned call,
							     int64_t ret, uint64_t d)
{
	struct sct_count *c = &t->ring.counts[call];

	sct_add_local(&c->calls, 1);
	sct_add_local(&c->ticks, d);
	if (ret < 0 && ret >= -4095)
		sct_add_local(&c->errors, 1);
}

/* always inlined: -i's __builtin_return_address(0) below must be the exported
 * wrapper's (an ASan build did not inline it, and recorded an address of ours) */
static inline __attribute__((always_inline)) void
sct_done(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
			    uint64_t t0, uint64_t t1, const unsigned char *pre)
{
	/* plain -c tested first: its path is one instruction longer than before min and
	 * max (callgrind, getppid: 88 -> 89 under -c, 227 -> 233 traced with -i's
	 * address below; tested the other way round, 91 and 230) */
	if (__builtin_expect(t->counting == 1, 1) || t->counting) {
		struct sct_count *c = &t->ring.counts[call];
		uint64_t d = t1 - t0;
		if (__builtin_expect(t->counting != 1, 0))
			d = sct_count_extra(c, d);
		sct_add_local(&c->calls, 1);
		sct_add_local(&c->ticks, d);
		if (ret < 0 && ret >= -4095)
			sct_add_local(&c->errors, 1);
		return;
	}
	/* inlined into the exported wrapper: the address its caller resumes at */
	t->ret_ip = (uint64_t)(uintptr_t)__builtin_return_address(0);
	sct_record(t, call, a, ret, t0, t1, pre);
}

/* A call in progress at a cancellation point.  pthread_cancel acting inside the call
 * unwinds the thread's stack through the wrapper's frame instead of returning; the
 * wrapper's cleanup then records the call as strace sees it, interrupted:
 * "= ? ERESTARTSYS".  The wrappers are built with -fexceptions for this; the normal
 * return path only stores the struct and clears `t`.  With sct_testcancel, a
 * cancellation point costs 24 instructions more in a threaded program (callgrind,
 * write() under -c: 136 -> 160); no time difference showed in 2M writes (1.17 us per
 * call either way). */
struct sct_inflight {
	struct sct_thread *t;		/* NULL once the call has returned */
	const uint64_t *a;
	const unsigned char *pre;
	uint64_t t0;
	unsigned call;
};

void sct_unwound(const struct sct_inflight *f);
/* What the kernel returns from `call` when a signal cuts it short, before the signal
 * is handled (ERESTARTSYS, ERESTARTNOHAND, ...): strace prints that (cancel.c). */
int sct_interrupted_errno(unsigned call, const uint64_t *a);

static inline void sct_inflight_end(const struct sct_inflight *f)
{
	if (__builtin_expect(f->t != NULL, 0))
		sct_unwound(f);
}

/* A cancellation point acts on a pending cancel before its system call.  Doing that
 * here first means an unwinding that reaches the in-flight call came from inside the
 * call, not from before it.  glibc 2.36 checks only when the process has more than
 * one thread (SYSCALL_CANCEL tests __libc_single_threaded), and so does this. */
static inline void sct_testcancel(void)
{
	if (!__libc_single_threaded)
		pthread_testcancel();
}

/* `r = expr` timed into t0/t1, at a cancellation point (when `point` holds): the
 * call is recorded as interrupted if pthread_cancel unwinds out of it. */
#define SCT_CANCEL_CALL(point, r, expr, t, call, a, pre, t0, t1) do { \
	if (point) \
		sct_testcancel(); \
	t0 = sct_now(); \
	struct sct_inflight sct_fl_ __attribute__((cleanup(sct_inflight_end))) = \
		{ t, a, pre, t0, call }; \
	r = (expr); \
	sct_fl_.t = NULL; \
	t1 = sct_end(t0); \
} while (0)

/* The next definition of a libc function, resolved on first use: calls can arrive
 * from other libraries' constructors before ours has run. */
#define SCT_REAL(name) ({ \
	if (__builtin_expect(real_##name == NULL, 0)) \
		real_##name = (__typeof(real_##name))sct_resolve(#name); \
	real_##name; \
})

#endif
