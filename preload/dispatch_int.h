/* What the parts of complete mode share (preload/dispatch.c, the handler and the
 * signal emulation; preload/dispatch_clone.c, clone, clone3 and vfork). */
#ifndef SCT_DISPATCH_INT_H
#define SCT_DISPATCH_INT_H

#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

/* The program's view: it blocked SIGSYS (the kernel's mask never holds it). */
extern __thread uint8_t sct_sigsys_blocked __attribute__((tls_model("initial-exec")));

/* Copy n bytes of the program's memory, fault-safe; 0 if they cannot be read. */
int sct_dispatch_peek(void *dst, uint64_t src, size_t n);

/* Index in sct_calls[] + 1 of system call nr; 0 for a number the spec lacks. */
unsigned sct_dispatch_call_of(long nr);

/* A trapped clone, clone3 or vfork: 0 when set up to be re-issued from a stub after
 * the handler returns, -1 when it can be performed in the handler (a copy). */
int sct_clone_redirect(greg_t *g, long nr, const uint64_t *a);

/* In the child of a copy performed in the handler. */
void sct_clone_forked(void);

#endif
