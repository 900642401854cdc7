/* Telling the user what could not be traced (format/notes.h has the channel). */
#ifndef SCT_UNTRACED_H
#define SCT_UNTRACED_H

/* This process now has a ring of its own at `ring_base`: its notes go there from now
 * on (a forked child stops using its parent's page). */
void sct_notes_own(void *ring_base);
/* In a forked child: keep the parent's note page until a ring of our own exists;
 * `unmapped` says the page went away with the parent's ring. */
void sct_notes_forked(int unmapped);
/* The page notes go to, or NULL. */
void *sct_notes_page(void);
/* Say once that `what` (SCT_NOTE_*) of pid/tid is not traced, for reason `err`
 * (errno or SCT_WHY_*): into the note page, or on standalone's output.  Returns the
 * slot (so an exec can take its note back when the exec fails), or -1. */
int sct_note_untraced(unsigned what, int pid, int tid, int err);
/* With -f: child `pid` of this process is not traced, and why (SCT_WHY_*). */
void sct_note_untraced_child(int pid, int why);
/* The exec the note in `slot` announced failed: forget it. */
void sct_note_cancel(int slot);

#endif
