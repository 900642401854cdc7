/* The runner's side of the note slots (format/notes.h): what the traced processes
 * could not trace, printed on stderr as "sctrace: pid N: cannot trace ...". */
#ifndef SCT_RNOTES_H
#define SCT_RNOTES_H

#include "drain.h"
#include "output.h"

/* Print every note not printed yet, from every mapped ring; for rings about to be
 * retired also the count of notes that found no slot. */
void sct_notes_poll(struct sct_drain *d, struct sct_output *out);

/* Print and remove the notes named in the session directory (format/notes.h). */
void sct_notes_scan_dir(int dirfd, struct sct_output *out);

#endif
