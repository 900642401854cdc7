/* The places a trapped system call is re-issued from when it cannot run inside the
 * SIGSYS handler's frame.  They lie in this library's code, which dispatch lets
 * through, so the `syscall` here is not trapped again.  The handler leaves the
 * program's registers as they were at its own `syscall` (rax = the number) and points
 * rip here; after the call each stub goes back to the instruction after the
 * program's `syscall`.  rcx and r11 are free: the kernel clobbers them on every call.
 *
 * sct_stub_sigreturn  rt_sigreturn with rsp at the frame glibc's restorer was given
 * sct_stub_restorer   the return path of our own SIGSYS handler
 * sct_stub_clone      clone with a new stack: the handler pushed on the child's stack
 * sct_stub_clone3       [rsp] = the register value to put back (clone: the stack,
 *                       rsi; clone3: the program's clone_args pointer, rdi),
 *                       [rsp+8] = how the child arms (sct_clone_child), [rsp+16] = where
 *                       to return.  The parent finds its way back in its thread
 *                       storage (sct_clone_parent) and records the call; it is given
 *                       the saved registers, to put the program's rdi/rsi back.
 * sct_stub_vfork      a child on the parent's own stack (vfork, clone(CLONE_VM)
 *                       without a stack): both sides ask sct_clone_vchild/parent.
 * Around the C calls every register the program may rely on is saved, the red zone
 * is skipped and the stack aligned.
 *
 * sct_perform_sys6    the one `syscall` that performs a trapped call inside the
 *                       handler (nr, the six arguments from an array): a signal that
 *                       interrupts it finds rip at sct_perform_insn (about to
 *                       restart) or just after it, which is how dispatch_sig.c
 *                       knows the call was cut short. */
#include "dispatch.h"

/* DW_CFA_expression: register r is saved at rsp + offset (SLEB128 of 1 or 2 bytes) */
#define REG(r, off) "	.cfi_escape 0x10, " #r ", 0x02, 0x77, " off "\n"
#define REG2(r, off) "	.cfi_escape 0x10, " #r ", 0x03, 0x77, " off "\n"

#define SAVE_AND_CALL(fn) \
	"	movq %rsp, %rcx\n" \
	"	subq $128, %rsp\n" \
	"	andq $-16, %rsp\n" \
	"	pushq %rcx\n" \
	"	pushq %rax\n" \
	"	pushq %rdi\n" \
	"	pushq %rsi\n" \
	"	pushq %rdx\n" \
	"	pushq %r8\n" \
	"	pushq %r9\n" \
	"	pushq %r10\n" \
	"	movq %rax, %rdi\n" \
	"	movq %rsp, %rsi\n" \
	"	call " fn "\n" \
	"	movq %rax, %r11\n" \
	"	popq %r10\n" \
	"	popq %r9\n" \
	"	popq %r8\n" \
	"	popq %rdx\n" \
	"	popq %rsi\n" \
	"	popq %rdi\n" \
	"	popq %rax\n" \
	"	popq %rcx\n" \
	"	movq %rcx, %rsp\n" \
	"	jmp *%r11\n"

__asm__(
	"	.text\n"
	"	.globl sct_perform_sys6\n"
	"	.hidden sct_perform_sys6\n"
	"	.type sct_perform_sys6, @function\n"
	"	.globl sct_perform_insn\n"
	"	.hidden sct_perform_insn\n"
	"sct_perform_sys6:\n"
	"	.cfi_startproc\n"
	"	movq %rdi, %rax\n"
	"	movq %rsi, %r11\n"
	"	movq (%r11), %rdi\n"
	"	movq 8(%r11), %rsi\n"
	"	movq 16(%r11), %rdx\n"
	"	movq 24(%r11), %r10\n"
	"	movq 32(%r11), %r8\n"
	"	movq 40(%r11), %r9\n"
	"	xorl %ecx, %ecx\n"	/* the kernel sets rcx: then it entered the call */
	"sct_perform_insn:\n"
	"	syscall\n"
	"	ret\n"
	"	.cfi_endproc\n"
	"	.size sct_perform_sys6, .-sct_perform_sys6\n"
	"	.globl sct_stub_sigreturn\n"
	"	.hidden sct_stub_sigreturn\n"
	"	.type sct_stub_sigreturn, @function\n"
	"sct_stub_sigreturn:\n"
	"	movl $15, %eax\n"
	"	syscall\n"
	"	hlt\n"
	"	.size sct_stub_sigreturn, .-sct_stub_sigreturn\n"

	/* A signal frame for the unwinder (pthread_cancel unwinds from a handler that
	 * interrupted a call we make for the program): rsp points at the ucontext; the
	 * CFA and every register are read from its gregs (offset 40 + 8 * REG_x). */
	"	.globl sct_stub_restorer\n"
	"	.hidden sct_stub_restorer\n"
	"	.type sct_stub_restorer, @function\n"
	"	.cfi_startproc simple\n"
	"	.cfi_signal_frame\n"
	"	.cfi_escape 0x0f, 0x04, 0x77, 0xa0, 0x01, 0x06\n"	/* CFA = *(rsp + 160) */
	REG(0x08, "0x28") REG(0x09, "0x30") REG(0x0a, "0x38")		/* r8-r10 */
	REG2(0x0b, "0xc0, 0x00") REG2(0x0c, "0xc8, 0x00")		/* r11, r12 */
	REG2(0x0d, "0xd0, 0x00") REG2(0x0e, "0xd8, 0x00")		/* r13, r14 */
	REG2(0x0f, "0xe0, 0x00") REG2(0x05, "0xe8, 0x00")		/* r15, rdi */
	REG2(0x04, "0xf0, 0x00") REG2(0x06, "0xf8, 0x00")		/* rsi, rbp */
	REG2(0x03, "0x80, 0x01") REG2(0x01, "0x88, 0x01")		/* rbx, rdx */
	REG2(0x00, "0x90, 0x01") REG2(0x02, "0x98, 0x01")		/* rax, rcx */
	REG2(0x07, "0xa0, 0x01") REG2(0x10, "0xa8, 0x01")		/* rsp, rip */
	"	nop\n"
	"sct_stub_restorer:\n"
	"	movl $15, %eax\n"
	"	syscall\n"
	"	hlt\n"
	"	.cfi_endproc\n"
	"	.size sct_stub_restorer, .-sct_stub_restorer\n"

	"	.globl sct_stub_clone\n"
	"	.hidden sct_stub_clone\n"
	"	.type sct_stub_clone, @function\n"
	"sct_stub_clone:\n"
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz .Lsct_parent\n"
	"	popq %rsi\n"
	"	jmp .Lsct_child\n"
	"	.size sct_stub_clone, .-sct_stub_clone\n"

	"	.globl sct_stub_clone3\n"
	"	.hidden sct_stub_clone3\n"
	"	.type sct_stub_clone3, @function\n"
	"sct_stub_clone3:\n"
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz .Lsct_parent\n"
	"	popq %rdi\n"
	/* the child, on its new stack: [rsp] = how, [rsp+8] = return address */
	".Lsct_child:\n"
	"	movq %rsp, %rcx\n"
	"	andq $-16, %rsp\n"
	"	pushq %rcx\n"
	"	pushq %rdi\n"
	"	pushq %rsi\n"
	"	pushq %rdx\n"
	"	pushq %r8\n"
	"	pushq %r9\n"
	"	pushq %r10\n"
	"	pushq %rcx\n"
	"	movq (%rcx), %rdi\n"
	"	call sct_clone_child\n"
	"	popq %rcx\n"
	"	popq %r10\n"
	"	popq %r9\n"
	"	popq %r8\n"
	"	popq %rdx\n"
	"	popq %rsi\n"
	"	popq %rdi\n"
	"	popq %rcx\n"
	"	leaq 8(%rcx), %rsp\n"
	"	xorl %eax, %eax\n"
	"	ret\n"
	".Lsct_parent:\n"
	SAVE_AND_CALL("sct_clone_parent")

	"	.globl sct_stub_vfork\n"
	"	.hidden sct_stub_vfork\n"
	"	.type sct_stub_vfork, @function\n"
	"sct_stub_vfork:\n"
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz .Lsct_parent\n"
	SAVE_AND_CALL("sct_clone_vchild")
	"	.size sct_stub_vfork, .-sct_stub_vfork\n");
