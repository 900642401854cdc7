/* The sentence of a note slot (format/notes.h), the same for the runner and for
 * standalone mode. */
#include "format.h"
#include "image.h"
#include "notes.h"
#include "out.h"

/* "sctrace: pid N: cannot trace new thread T: Too many open files\n"; 0, or -1 for
 * a slot that makes no sense (a scribble), which prints nothing. */
int sct_note_text(struct sct_out *o, const struct sct_note_slot *s)
{
	if (s->pid <= 0 || ((s->what == SCT_NOTE_THREAD || s->what == SCT_NOTE_CHILD) && s->tid <= 0))
		return -1;
	if (s->what < SCT_NOTE_THREAD || s->what > SCT_NOTE_CHILD)
		return -1;
	sct_out_puts(o, "sctrace: pid ");
	sct_out_dec(o, s->pid);
	switch (s->what) {
	case SCT_NOTE_THREAD:
		sct_out_puts(o, ": cannot trace new thread ");
		sct_out_dec(o, s->tid);
		break;
	case SCT_NOTE_PROCESS:
		sct_out_puts(o, ": cannot trace this process");
		break;
	case SCT_NOTE_EXEC:
		if (s->err < SCT_WHY_TEXT_MIN && s->err >= SCT_WHY_MIN) {
			/* -c, where the exec's path is not recorded */
			sct_out_puts(o, ": the image it execs ");
			sct_out_puts(o, sct_image_reason(s->err));
			sct_out_puts(o, ": not traced\n");
			return 0;
		}
		sct_out_puts(o, ": cannot trace the image it execs");
		break;
	case SCT_NOTE_NODISPATCH:
		sct_out_puts(o, ": complete mode is off (");
		sct_out_puts(o, sct_note_why(s->err, sct_errno_text));
		sct_out_puts(o, "): only calls through libc's entry points are traced\n");
		return 0;
	case SCT_NOTE_OWNSUD:
		sct_out_puts(o, ": the program uses Syscall User Dispatch itself: its threads "
				"that do are traced at libc's entry points only\n");
		return 0;
	case SCT_NOTE_CHILD:
		sct_out_puts(o, ": child ");
		sct_out_dec(o, s->tid);
		sct_out_putc(o, ' ');
		sct_out_puts(o, sct_note_why(s->err, sct_errno_text));
		sct_out_puts(o, ": its calls are not traced\n");
		return 0;
	}
	sct_out_puts(o, ": ");
	sct_out_puts(o, sct_note_why(s->err, sct_errno_text));
	sct_out_putc(o, '\n');
	return 0;
}
