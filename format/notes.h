/* What could not be traced, told to the runner through a ring that already exists.
 *
 * A thread whose ring cannot be made (RLIMIT_NOFILE, RLIMIT_AS, a full tmpfs, a
 * seccomp filter, a uid that lost access to the session directory) has no ring to
 * write a note into.  So each ring's header page carries, after struct sct_ring, a
 * small array of note slots, and a process writes its notes into the header page of
 * the first ring it made: its "note page".  A forked child that has no ring yet uses
 * its parent's note page, which it still has mapped (MAP_SHARED: the parent, the
 * child and the runner see the same page).  Slots hold numbers only (what, pid, tid,
 * errno), never text: the runner composes the sentence, so a program that scribbles
 * here can make it print at worst a wrong number, never words of its choice.
 *
 * Writers (any thread of any process sharing the page, also in a signal handler):
 *   i = fetch_add(&next, 1); if i >= SCT_NOTE_SLOTS: fetch_add(&overflow, 1), done;
 *   fill slot[i]; store slot[i].state = SCT_NOTE_READY with release.
 * The reader (runner) prints each READY slot once (it remembers which), and the
 * overflow count once, when the ring retires. */
#ifndef SCT_NOTES_H
#define SCT_NOTES_H

#include <stdint.h>
#include "record.h"

/* A process with no ring at all names its note instead: a symbolic link
 * "<pid>.<tid>.<what>.<err>.note" in the session directory (preload/untraced.c). */
#define SCT_NOTE_SUFFIX  ".note"

#define SCT_NOTES_OFFSET 2048u		/* in the ring's first page, after struct sct_ring */
#define SCT_NOTE_SLOTS   64		/* the runner keeps one bit per slot */

enum { SCT_NOTE_FREE = 0, SCT_NOTE_READY = 2 };

/* sct_note_slot.what */
enum {
	SCT_NOTE_THREAD = 1,	/* "cannot trace new thread TID: REASON" */
	SCT_NOTE_PROCESS = 2,	/* "cannot trace this process: REASON" */
	SCT_NOTE_EXEC = 3,	/* "the image it execs is not traced: REASON" */
	SCT_NOTE_NODISPATCH = 4, /* "complete mode is off (REASON): ...", once a session */
	SCT_NOTE_OWNSUD = 5,	/* the program arms Syscall User Dispatch itself (tid) */
	SCT_NOTE_CHILD = 6,	/* "child TID REASON: its calls are not traced" */
};

/* sct_note_slot.err: an errno (1..4095), or one of these reasons */
enum {
	SCT_WHY_NO_SPARE = -1,	/* seccomp filter in force and the spare rings used up */
	SCT_WHY_SECCOMP = -2,	/* a seccomp filter in force would stop the new image */
	SCT_WHY_NO_CODE = -3,	/* complete mode: the library's code not found */
	SCT_WHY_NO_SIGSYS = -4,	/* complete mode: no SIGSYS handler */
	SCT_WHY_NO_SUD = -5,	/* complete mode: the kernel lacks Syscall User Dispatch */
	SCT_WHY_SUD_REFUSED = -6, /* complete mode: prctl refused (a sandbox) */
	SCT_WHY_CLONE_VM = -7,	/* a child on this process's memory and thread storage */
	SCT_WHY_SETTLS = -8,	/* a child with thread storage not glibc's */
	SCT_WHY_TEXT_MIN = -8,	/* the reasons above are sentences of sct_note_why */
	/* an image that runs without the library (format/image.h), in SCT_NOTE_EXEC */
	SCT_WHY_SETUID = -9,
	SCT_WHY_SETGID = -10,
	SCT_WHY_STATIC = -11,
	SCT_WHY_GO = -12,
	SCT_WHY_MIN = -12,
};

struct sct_note_slot {
	uint32_t state;			/* SCT_NOTE_* */
	uint32_t what;			/* SCT_NOTE_* */
	int32_t pid, tid;
	int32_t err;			/* errno or SCT_WHY_* */
	uint32_t pad;
};

struct sct_notes {
	uint32_t next;			/* slots taken (may run past SCT_NOTE_SLOTS) */
	uint32_t overflow;		/* notes that found no free slot */
	uint64_t pad;
	struct sct_note_slot slot[SCT_NOTE_SLOTS];
};

_Static_assert(sizeof(struct sct_ring) <= SCT_NOTES_OFFSET, "ring header overlaps the notes");
_Static_assert(SCT_NOTES_OFFSET + sizeof(struct sct_notes) <= SCT_RING_HDR, "notes leave the first page");

struct sct_out;
/* "sctrace: pid N: cannot trace new thread T: REASON\n" (format/notes.c); -1 and
 * nothing printed for a slot that makes no sense. */
int sct_note_text(struct sct_out *o, const struct sct_note_slot *s);

static inline struct sct_notes *sct_ring_notes(void *ring_base)
{
	return (struct sct_notes *)((char *)ring_base + SCT_NOTES_OFFSET);
}

/* The reason of a note, as printed: the errno text or the SCT_WHY_* sentence. */
static inline const char *sct_note_why(int err, const char *(*errtext)(int))
{
	static const char *const why[] = {
		[-SCT_WHY_NO_SPARE] = "no spare ring left under the program's seccomp filter",
		[-SCT_WHY_SECCOMP] = "the program's seccomp filter stays in force across exec",
		[-SCT_WHY_NO_CODE] = "cannot find the library's code",
		[-SCT_WHY_NO_SIGSYS] = "cannot install a SIGSYS handler",
		[-SCT_WHY_NO_SUD] = "the kernel has no Syscall User Dispatch (Linux >= 5.11)",
		[-SCT_WHY_SUD_REFUSED] = "Syscall User Dispatch is refused here",
		[-SCT_WHY_CLONE_VM] = "shares this process's memory and thread state (clone with CLONE_VM)",
		[-SCT_WHY_SETTLS] = "has thread storage that is not glibc's (clone with CLONE_SETTLS)",
	};
	const char *t;

	if (err < 0)
		return err >= SCT_WHY_TEXT_MIN ? why[-err] : "unknown reason";
	t = err > 0 && err < 4096 ? errtext(err) : 0;
	return t ? t : "unknown error";
}

#endif
