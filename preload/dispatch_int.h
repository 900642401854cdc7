/* What the parts of complete mode share (preload/dispatch.c, the handler and the
 * signal emulation; preload/dispatch_clone.c, clone, clone3 and vfork). */
#ifndef SCT_DISPATCH_INT_H
#define SCT_DISPATCH_INT_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <ucontext.h>

#define SIGSYS_BIT (1ULL << (SIGSYS - 1))
/* what the kernel never lets a mask hold */
#define NEVER_MASKED ((1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)))
#define K_SA_RESTORER 0x04000000UL

struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

/* The trapped call this thread is performing (the innermost), for a seccomp trap
 * or a signal that lands while we perform it: the program must see its own call. */
struct trap_ctx {
	ucontext_t *uc;
	const siginfo_t *si;
	/* While trap_call performs the call: a signal handler that interrupts it writes
	 * the call's line first, as strace shows it before the signal's (sct_dsig_cut). */
	struct sct_inflight *fl;
	long nr;
	int said;			/* the call's last line is written: no more */
};
extern __thread struct trap_ctx *sct_cur_trap __attribute__((tls_model("initial-exec")));

/* This library's executable segment: the one range dispatch lets through. */
extern uintptr_t sct_text_start, sct_text_len;
/* The program's SIGSYS action (its view; the kernel's is the library's). */
extern struct ksigaction sct_prog_sigsys;

/* The program's view: it blocked SIGSYS (the kernel's mask never holds it). */
extern __thread uint8_t sct_sigsys_blocked __attribute__((tls_model("initial-exec")));

/* Copy n bytes of the program's memory, fault-safe; 0 if they cannot be read. */
int sct_dispatch_peek(void *dst, uint64_t src, size_t n);

/* The system call nr with arguments a, from the library's code. */
long sct_dispatch_sys6(long nr, const uint64_t *a);
/* Its `syscall` instruction (dispatch_stub.c): where a signal that interrupts the
 * call finds the thread. */
extern const char sct_perform_insn[];

/* Index in sct_calls[] + 1 of system call nr; 0 for a number the spec lacks. */
unsigned sct_dispatch_call_of(long nr);

/* A trapped clone, clone3 or vfork: 0 when set up to be re-issued from a stub after
 * the handler returns, -1 when it can be performed in the handler (a copy). */
int sct_clone_redirect(greg_t *g, long nr, const uint64_t *a);

/* In the child of a copy performed in the handler. */
void sct_clone_forked(void);

/* The program's signals in complete mode (preload/dispatch_sig.c): the calls that
 * touch masks and actions, emulated so that SIGSYS stays ours and unblocked. */
uint64_t sct_dsig_strip_mask(uint64_t *a, unsigned i, uint64_t size, uint64_t *local);
long sct_dsig_sigprocmask(const uint64_t *a, uint64_t *frame_mask);
long sct_dsig_sigaction(uint64_t *a);
long sct_dsig_pselect6(uint64_t *a);
long sct_dsig_sigaltstack(const uint64_t *a);
/* About to change the program's action for sig: a vfork child keeps its parent's */
void sct_dsig_vfork_save(int sig);
/* A call a signal cut short (preload/dispatch_cut.c): its line is written before the
 * signal's; sct_dsig_uncut after the handler puts a call that restarts back in
 * flight. */
enum { SCT_CUT_NONE, SCT_CUT_TRAPPED, SCT_CUT_WRAPPED };
struct sct_cut {
	int how;			/* SCT_CUT_*: which call restarts */
	unsigned call;
	struct sct_thread *t;
	uint64_t a[6];
};
struct sct_cut sct_dsig_cut(const ucontext_t *uc);
void sct_dsig_uncut(struct sct_cut *cut);
/* rt_sigreturn({mask=...}) = rax for a signal frame the program returns from */
void sct_dsig_frame_sigreturn(const ucontext_t *uc);

#endif
