/* Signals the library owns: the kernel's action is the library's handler, the
 * program's action lives in a table and is run by sct_sig_forward as the kernel would
 * have run it.  SIGSEGV and SIGBUS are owned from start-up (fault-safe reads,
 * safemem.h); complete mode adds SIGSYS with its own first-chance handler.
 *
 * The kernel action mirrors the program's mask and SA_ONSTACK/SA_RESTART/SA_NODEFER,
 * so a signal is delivered as it would be untraced (on the alternate stack for a
 * stack-overflow handler, with the program's mask already applied when the handler
 * runs).  A fork child inherits the table with the memory; an exec starts afresh in
 * the new image's library. */
#ifndef SCT_SIGOWN_H
#define SCT_SIGOWN_H

#include <signal.h>
#include <stdint.h>

/* struct sigaction as the kernel takes it (x86-64 rt_sigaction, sigsetsize 8) */
struct sct_kaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

#define SCT_SA_RESTORER 0x04000000UL

/* Runs first when an owned signal arrives; returns 1 if it dealt with it (the
 * program's action is then not run). */
typedef int (*sct_sig_first)(int sig, siginfo_t *si, void *uc);

/* Take over sig: the program's action so far (inherited SIG_IGN, a handler set before
 * the library's constructor) moves into the table.  0 or -errno. */
int sct_sig_own(int sig, sct_sig_first first);
int sct_sig_owned(int sig);

/* The program's action in kernel form (SIG_DFL initially). */
void sct_sig_get(int sig, struct sct_kaction *act);
/* Set the program's action as the kernel would store it, and mirror it into the
 * kernel's.  Signals are blocked in this thread meanwhile. */
void sct_sig_set(int sig, const struct sct_kaction *act);

/* A vfork child starts on this thread's memory (vfork, posix_spawn's clone): what it
 * sets is its own, the parent's entries come back at sct_sig_vfork_end. */
void sct_sig_vfork_begin(void);
void sct_sig_vfork_end(void);

/* libc's signal restorer (what glibc's sigaction puts in sa_restorer), NULL before
 * the first owned signal. */
void *sct_sig_restorer(void);

/* Run the program's action for sig, from the library's handler: SIG_DFL dies of the
 * signal (core flag as untraced), SIG_IGN ignores (a fault cannot be ignored: dies),
 * a handler runs with or without SA_SIGINFO, SA_RESETHAND resets it first. */
void sct_sig_forward(int sig, siginfo_t *si, void *uc);

/* At start-up: own SIGSEGV and SIGBUS for the fault-safe reads. */
void sct_sigown_init(void);

#endif
