/* fork and vfork.  The child's rings are set up by the atfork handler
 * (preload/thread.c); here the parent records the call as the kernel saw it. */
#include <pthread.h>
#include "hand.h"
#include "raw.h"
#include "thread.h"

static pid_t (*real_fork)(void);

/* glibc's fork is clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD) with the
 * thread's tid field (struct pthread + 0x2d0 on x86-64 glibc 2.36) as child_tidptr. */
#define FORK_FLAGS (CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD)
#define TID_OFFSET 0x2d0

SCT_EXPORT pid_t fork(void)
{
	struct sct_thread *t = sct_begin(SCT_CALL_clone);
	uint64_t a[SCT_MAX_ARGS] = { FORK_FLAGS, 0, 0, (uint64_t)pthread_self() + TID_OFFSET, 0 };
	uint64_t t0 = sct_now();
	pid_t r = SCT_REAL(fork)();
	int e = errno;

	if (r == 0)
		return 0;		/* the child: sct_self was reset by the atfork handler */
	sct_hand_done(t, SCT_CALL_clone, a, r < 0 ? -(int64_t)e : r, t0, sct_now());
	errno = e;
	return r;
}

/* vfork: the child borrows our stack until it execs or exits, so the wrapper cannot
 * keep a frame across the call.  The stub below pops its return address into %rbx
 * (callee-saved, and registers are not shared with the child), keeps the caller's %rbx
 * in a thread-local slot, and calls glibc's vfork with nothing of ours on the stack
 * above it.  The child shares our memory and TLS: sct_vfork_child points sct_self at
 * the child's pid (its records go to the parent's ring, tagged with its own pid, while
 * the parent is suspended); sct_vfork_parent restores it and records vfork() = pid. */
__thread uint64_t sct_vfork_rbx __attribute__((tls_model("initial-exec"), visibility("hidden")));
static __thread uint64_t vfork_t0 __attribute__((tls_model("initial-exec")));
static pid_t (*real_vfork)(void);

__attribute__((used, visibility("hidden"))) void *sct_vfork_prepare(void);
__attribute__((used, visibility("hidden"))) void sct_vfork_parent(pid_t pid);

#ifdef __SANITIZE_ADDRESS__
/* The child ran on this stack and left ASan's shadow poisoned below us; ASan's own
 * vfork interceptor, which this stub bypasses, clears it the same way. */
void __asan_handle_vfork(void *sp);
#define AFTER_VFORK_CHILD() __asan_handle_vfork(__builtin_frame_address(0))
#else
#define AFTER_VFORK_CHILD() ((void)0)
#endif

void *sct_vfork_prepare(void)
{
	vfork_t0 = sct_now();
	return (void *)SCT_REAL(vfork);
}

__attribute__((no_sanitize_address)) void sct_vfork_parent(pid_t pid)
{
	struct sct_thread *t;
	uint64_t a[SCT_MAX_ARGS] = { 0 };

	AFTER_VFORK_CHILD();
	sct_vfork_restore();
	if (pid != 0 && (t = sct_begin(SCT_CALL_vfork)))
		sct_done(t, SCT_CALL_vfork, a, pid < 0 ? -(int64_t)errno : pid, vfork_t0, sct_now(), NULL);
}

__asm__(
	"	.text\n"
	"	.globl vfork\n"
	"	.type vfork, @function\n"
	"vfork:\n"
	"	subq $8, %rsp\n"
	"	call sct_vfork_prepare\n"
	"	addq $8, %rsp\n"
	"	movq %rax, %r11\n"
	"	movq sct_vfork_rbx@gottpoff(%rip), %rcx\n"
	"	movq %rbx, %fs:(%rcx)\n"
	"	popq %rbx\n"			/* our return address, out of the child's reach */
	"	call *%r11\n"
	"	pushq %rbx\n"
	"	pushq %rax\n"			/* keeps %rsp 16-byte aligned for the calls */
	"	testl %eax, %eax\n"
	"	jnz 1f\n"
	"	call sct_vfork_child\n"
	"	jmp 2f\n"
	"1:	movl %eax, %edi\n"
	"	call sct_vfork_parent\n"
	"2:	popq %rax\n"
	"	movq sct_vfork_rbx@gottpoff(%rip), %rcx\n"
	"	movq %fs:(%rcx), %rbx\n"
	"	ret\n"
	"	.size vfork, .-vfork\n");
