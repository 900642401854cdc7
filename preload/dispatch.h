/* Complete mode: Syscall User Dispatch (Linux >= 5.11) traps every system call made
 * outside this library's code into our SIGSYS handler, which performs it, records it
 * and hands the result back (preload/dispatch.c).  The kernel turns dispatch off in
 * every new thread, process and image: each arms itself (sct_dispatch_arm). */
#ifndef SCT_DISPATCH_H
#define SCT_DISPATCH_H

#include <stdint.h>

/* The per-thread selector byte the kernel reads on every system call. */
enum { SCT_SEL_ALLOW = 0, SCT_SEL_BLOCK = 1 };

/* At start-up, once: install the SIGSYS handler and arm the calling thread.  Returns
 * 0, or -errno when the kernel refuses (then the library stays in entry-point mode). */
int sct_dispatch_init(void);

/* Arm the calling thread; 0 or -errno. */
int sct_dispatch_arm(void);

/* Back in a vfork child's parent: the program's actions as the parent had them (the
 * child's changes were to its own copy in the kernel). */
void sct_dispatch_vfork_end(void);

/* Why complete mode is off in this process (SCT_WHY_* or -errno, format/notes.h), for
 * the note at start-up; 0 if on. */
extern int sct_dispatch_off_reason;

/* The assembly side (preload/dispatch_stub.c): where a trapped call that cannot run
 * inside the handler's frame is re-issued from, after the handler returns. */
void sct_stub_sigreturn(void);
void sct_stub_clone(void);
void sct_stub_clone3(void);
void sct_stub_vfork(void);
void sct_stub_restorer(void);

/* Called from the stubs (hidden, but referenced from assembly). */
uint64_t sct_clone_parent(long ret, uint64_t *saved);
uint64_t sct_clone_vchild(void);
void sct_clone_child(uint64_t how);

#endif
