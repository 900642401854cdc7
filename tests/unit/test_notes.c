/* format/notes.c: the sentences the runner composes from a note slot's numbers. */
#include <criterion/criterion.h>
#include <string.h>
#include "format.h"
#include "notes.h"
#include "out.h"

static char text[512];

/* The note's sentence, or NULL when the slot is refused. */
static const char *say(unsigned what, int pid, int tid, int err)
{
	struct sct_note_slot s = { SCT_NOTE_READY, what, pid, tid, err, 0 };
	struct sct_out o;

	sct_out_init(&o, text, sizeof(text) - 1, -1);
	if (sct_note_text(&o, &s) < 0)
		return NULL;
	text[o.len] = 0;
	return text;
}

Test(notes, thread_process_exec_with_errno_or_reason)
{
	cr_assert_str_eq(say(SCT_NOTE_THREAD, 10, 11, 24),
			 "sctrace: pid 10: cannot trace new thread 11: Too many open files\n");
	cr_assert_str_eq(say(SCT_NOTE_PROCESS, 10, 10, SCT_WHY_NO_SPARE),
			 "sctrace: pid 10: cannot trace this process: no spare ring left under "
			 "the program's seccomp filter\n");
	cr_assert_str_eq(say(SCT_NOTE_EXEC, 10, 10, SCT_WHY_SECCOMP),
			 "sctrace: pid 10: cannot trace the image it execs: the program's seccomp "
			 "filter stays in force across exec\n");
}

Test(notes, exec_of_an_image_without_the_library)
{
	cr_assert_str_eq(say(SCT_NOTE_EXEC, 7, 7, SCT_WHY_STATIC),
			 "sctrace: pid 7: the image it execs is statically linked: not traced\n");
	cr_assert_str_eq(say(SCT_NOTE_EXEC, 7, 7, SCT_WHY_SETUID),
			 "sctrace: pid 7: the image it execs is setuid: not traced\n");
}

Test(notes, complete_mode_off_own_dispatch_and_children)
{
	cr_assert_str_eq(say(SCT_NOTE_NODISPATCH, 5, 5, SCT_WHY_SUD_REFUSED),
			 "sctrace: pid 5: complete mode is off (Syscall User Dispatch is refused "
			 "here): only calls through libc's entry points are traced\n");
	cr_assert_str_eq(say(SCT_NOTE_OWNSUD, 5, 6, 0),
			 "sctrace: pid 5: the program uses Syscall User Dispatch itself: its "
			 "threads that do are traced at libc's entry points only\n");
	cr_assert_str_eq(say(SCT_NOTE_CHILD, 5, 99, SCT_WHY_CLONE_VM),
			 "sctrace: pid 5: child 99 shares this process's memory and thread state "
			 "(clone with CLONE_VM): its calls are not traced\n");
}

/* The slots live in memory the program can write: any numbers make at worst a wrong
 * number or a refusal, never words from the program or a read out of a table. */
Test(notes, scribbled_slots)
{
	cr_assert_null(say(0, 5, 5, 1));
	cr_assert_null(say(SCT_NOTE_CHILD + 1, 5, 5, 1));
	cr_assert_null(say(0xffffffffu, 5, 5, 1));
	cr_assert_null(say(SCT_NOTE_THREAD, 0, 5, 1));
	cr_assert_null(say(SCT_NOTE_CHILD, 5, -1, 1));
	cr_assert_str_eq(say(SCT_NOTE_PROCESS, 5, 5, -1000),
			 "sctrace: pid 5: cannot trace this process: unknown reason\n");
	cr_assert_str_eq(say(SCT_NOTE_CHILD, 5, 6, SCT_WHY_GO),
			 "sctrace: pid 5: child 6 unknown reason: its calls are not traced\n");
	cr_assert_str_eq(say(SCT_NOTE_NODISPATCH, 5, 5, 1 << 30),
			 "sctrace: pid 5: complete mode is off (unknown error): only calls "
			 "through libc's entry points are traced\n");
	for (int err = -100; err < 5000; err += 7)
		for (unsigned what = 0; what < 10; what++)
			(void)say(what, 1, 1, err);
}
