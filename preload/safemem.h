/* Fault-safe reads of the traced program's memory.
 *
 * The program may hand the kernel any pointer; the library reads program memory the
 * kernel has not just proven readable only through these.  A read that faults does
 * not kill the program: the library's SIGSEGV/SIGBUS handler (sigown.c) sees that the
 * faulting instruction is one of the copy routine's and resumes at its recovery label
 * (the kernel's exception-table idea).  No system call, so it works where seccomp
 * denies process_vm_readv.
 *
 * A fault while SIGSEGV/SIGBUS is blocked kills the process whatever the handler, so
 * callers bracket their reads with sct_safe_begin/sct_safe_end, which make sure the
 * two are deliverable in this thread (one rt_sigprocmask when something may fault). */
#ifndef SCT_SAFEMEM_H
#define SCT_SAFEMEM_H

#include <stddef.h>
#include <stdint.h>

/* Copy up to n bytes; stops at the first byte of src that cannot be read or of dst
 * that cannot be written.  The bytes copied. */
size_t sct_safe_copy(void *dst, const void *src, size_t n);

/* Length of the string at src if a NUL comes within max bytes, max if all max bytes
 * are readable and none is NUL, -1 if a byte before either is unreadable.  When dst
 * is not NULL, the bytes read are copied there too (no NUL added). */
long sct_safe_str(char *dst, const char *src, size_t max);

/* Are all n bytes at src readable (one byte read per page)? */
int sct_safe_readable(const void *src, size_t n);

/* For the fault handler: if uc's instruction pointer is in a copy routine, move it to
 * the recovery label and return 1. */
int sct_safe_fixup(void *uc);

/* Make SIGSEGV and SIGBUS deliverable in this thread for reads that may fault; returns
 * what sct_safe_end needs to put the mask back. */
uint64_t sct_safe_begin(void);
void sct_safe_end(uint64_t saved);

#endif
