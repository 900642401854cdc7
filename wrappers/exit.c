/* How a process ends: exit() and a return from main leave the exit code for the
 * destructor (which runs after the atexit handlers, whose calls come first in the
 * trace); _exit records at once since no destructor will run. */
#include <stdlib.h>
#include "hand.h"
#include "init.h"
#include "thread.h"

static void (*real_exit)(int);
static void (*real__exit)(int);
static int (*real___libc_start_main)(int (*)(int, char **, char **), int, char **,
				     void (*)(void), void (*)(void), void (*)(void), void *);
static int (*user_main)(int, char **, char **);

SCT_EXPORT __attribute__((noreturn)) void exit(int code)
{
	sct_note_exit(code);
	SCT_REAL(exit)(code);
	__builtin_unreachable();
}

SCT_EXPORT __attribute__((noreturn)) void _exit(int code)
{
	if (sct_shared_child(&sct_self)) {	/* a clone(CLONE_VM) child: not traced */
		sct_clone_child_exit();
		SCT_REAL(_exit)(code);
	}
	sct_record_end(SCT_CALL_exit_group, code);
	if (!sct_self.vfork_child)	/* a vfork child's state is its parent's */
		sct_finish();
	SCT_REAL(_exit)(code);
	__builtin_unreachable();
}

SCT_ALIAS(_Exit, _exit);

static int main_hook(int argc, char **argv, char **envp)
{
	int r = user_main(argc, argv, envp);

	sct_note_exit(r);
	return r;
}

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
		      void (*init)(void), void (*fini)(void), void (*rtld_fini)(void), void *stack_end);

SCT_EXPORT int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
				 void (*init)(void), void (*fini)(void), void (*rtld_fini)(void),
				 void *stack_end)
{
	user_main = main;
	return SCT_REAL(__libc_start_main)(main_hook, argc, argv, init, fini, rtld_fini, stack_end);
}
