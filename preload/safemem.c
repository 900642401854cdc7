/* Fault-safe reads (see safemem.h).  Two copy routines in assembly, so that the
 * addresses of the only instructions that may fault on the program's memory are
 * known: a fault on one of them resumes at its recovery label with the count so far
 * in %rax (sct_safe_fixup, called by the SIGSEGV/SIGBUS handler of sigown.c).
 *
 * sct_safe_copy moves 8 bytes at a time; a word that faults (its load, or its store:
 * the one write into the program's memory, clone's words on a child's stack, goes
 * through it too) is retried byte by byte, so the copy stops exactly at the first
 * byte that cannot be read or written.  sct_safe_str reads bytes
 * up to a NUL.
 *
 * Cost, measured on this (2-core VM) machine: one 8-byte copy 4-6 ns, a 100-byte
 * string 136-156 ns (a byte loop: a word-at-a-time scan would cut it); the guard
 * sct_safe_begin/end, once per record or pre-call read that needs it, is one
 * rt_sigprocmask, 270-400 ns here.  Callgrind, standalone, per traced call: write
 * 2256 -> 2260 instructions, getppid 1242 -> 1242 (succeeded calls use memcpy: the hot
 * path is unchanged), getsockname 3367 -> 3560 (its *len is read before the call,
 * guarded, plus the syscall callgrind does not count). */
#include <signal.h>
#include <ucontext.h>
#include "safemem.h"
#include "clock.h"
#include "raw.h"

#define HIDDEN_FN(name) ".globl " #name "\n.hidden " #name "\n.type " #name ", @function\n" #name ":\n"
#define HIDDEN_LABEL(name) ".globl " #name "\n.hidden " #name "\n" #name ":\n"

__asm__(
	".text\n"
	".p2align 4\n"
	HIDDEN_FN(sct_safe_copy)
	"	xorl %eax, %eax\n"
	"	cmpq $8, %rdx\n"
	"	jb 2f\n"
	"	leaq -8(%rdx), %rcx\n"
	"1:\n"
	HIDDEN_LABEL(sct_safe_wload)
	"	movq (%rsi,%rax), %r8\n"
	HIDDEN_LABEL(sct_safe_wstore)
	"	movq %r8, (%rdi,%rax)\n"
	"	addq $8, %rax\n"
	"	cmpq %rcx, %rax\n"
	"	jbe 1b\n"
	HIDDEN_LABEL(sct_safe_bytes)
	"2:	cmpq %rdx, %rax\n"
	"	jae 4f\n"
	"3:\n"
	HIDDEN_LABEL(sct_safe_bload)
	"	movzbl (%rsi,%rax), %r8d\n"
	HIDDEN_LABEL(sct_safe_bstore)
	"	movb %r8b, (%rdi,%rax)\n"
	"	incq %rax\n"
	"	cmpq %rdx, %rax\n"
	"	jb 3b\n"
	HIDDEN_LABEL(sct_safe_copy_done)
	"4:	ret\n"
	".size sct_safe_copy, .-sct_safe_copy\n"

	".p2align 4\n"
	HIDDEN_FN(sct_safe_str)
	"	xorl %eax, %eax\n"
	"	testq %rdx, %rdx\n"
	"	je 3f\n"
	"1:\n"
	HIDDEN_LABEL(sct_safe_sload)
	"	movzbl (%rsi,%rax), %ecx\n"
	"	testq %rdi, %rdi\n"
	"	je 2f\n"
	"	movb %cl, (%rdi,%rax)\n"
	"2:	testl %ecx, %ecx\n"
	"	je 3f\n"
	"	incq %rax\n"
	"	cmpq %rdx, %rax\n"
	"	jb 1b\n"
	"3:	ret\n"
	HIDDEN_LABEL(sct_safe_str_fault)
	"	movq $-1, %rax\n"
	"	ret\n"
	".size sct_safe_str, .-sct_safe_str\n");

extern const char sct_safe_wload[], sct_safe_wstore[], sct_safe_bytes[], sct_safe_bload[],
	sct_safe_bstore[], sct_safe_copy_done[], sct_safe_sload[], sct_safe_str_fault[];

int sct_safe_fixup(void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *rip = &uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t at = (uintptr_t)*rip;

	if (at == (uintptr_t)sct_safe_wload || at == (uintptr_t)sct_safe_wstore)
		*rip = (greg_t)(uintptr_t)sct_safe_bytes;
	else if (at == (uintptr_t)sct_safe_bload || at == (uintptr_t)sct_safe_bstore)
		*rip = (greg_t)(uintptr_t)sct_safe_copy_done;
	else if (at == (uintptr_t)sct_safe_sload)
		*rip = (greg_t)(uintptr_t)sct_safe_str_fault;
	else
		return 0;
	return 1;
}

int sct_safe_readable(const void *src, size_t n)
{
	uintptr_t p = (uintptr_t)src, end = p + n;
	char c;

	if (!n)
		return 1;
	if (end < p)
		return 0;
	/* mappings are whole pages: one byte of each page the range touches */
	for (; p < end; p = (p | 4095) + 1)
		if (sct_safe_copy(&c, (const void *)p, 1) != 1)
			return 0;
	return 1;
}

#define FAULT_SIGS ((1ULL << (SIGSEGV - 1)) | (1ULL << (SIGBUS - 1)))

uint64_t sct_safe_begin(void)
{
	uint64_t set = FAULT_SIGS, old = 0;

	if (sct_strict_thread())	/* strict seccomp: rt_sigprocmask is SIGKILL there */
		return 0;
	if (sct_sys(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, &old, 8) < 0)
		return 0;
	return old & FAULT_SIGS;
}

void sct_safe_end(uint64_t saved)
{
	if (saved)
		sct_sys(SYS_rt_sigprocmask, SIG_BLOCK, &saved, 0, 8);
}
