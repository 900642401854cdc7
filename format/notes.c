/* The sentence of a note slot (format/notes.h), the same for the runner and for
 * standalone mode. */
#include "format.h"
#include "notes.h"
#include "out.h"

/* "sctrace: pid N: cannot trace new thread T: Too many open files\n"; 0, or -1 for
 * a slot that makes no sense (a scribble), which prints nothing. */
int sct_note_text(struct sct_out *o, const struct sct_note_slot *s)
{
	if (s->pid <= 0 || (s->what == SCT_NOTE_THREAD && s->tid <= 0))
		return -1;
	if (s->what != SCT_NOTE_THREAD && s->what != SCT_NOTE_PROCESS && s->what != SCT_NOTE_EXEC)
		return -1;
	sct_out_puts(o, "sctrace: pid ");
	sct_out_dec(o, s->pid);
	if (s->what == SCT_NOTE_THREAD) {
		sct_out_puts(o, ": cannot trace new thread ");
		sct_out_dec(o, s->tid);
	} else if (s->what == SCT_NOTE_PROCESS) {
		sct_out_puts(o, ": cannot trace this process");
	} else {
		sct_out_puts(o, ": cannot trace the image it execs");
	}
	sct_out_puts(o, ": ");
	sct_out_puts(o, sct_note_why(s->err, sct_errno_text));
	sct_out_putc(o, '\n');
	return 0;
}
