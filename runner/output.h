/* Where trace text goes: stderr, -o FILE, or with -ff -o FILE one FILE.TID per task. */
#ifndef SCT_OUTPUT_H
#define SCT_OUTPUT_H

#include <stddef.h>
#include "out.h"

struct sct_task_file;

struct sct_output {
	const char *base;		/* -o FILE, or NULL */
	int separate;			/* FILE.TID per task */
	int append;			/* -A: files are appended to, never truncated */
	int fd;				/* stderr or FILE */
	int pipe_pidfd;			/* -o '|CMD': its shell's pidfd, else -1 */
	struct sct_out main;		/* messages, the summary, and the trace unless separate */
	char buf[1 << 16];
	struct sct_task_file *files;
	size_t nfiles, cap;
};

/* Check that the output can be created (for -ff, that FILE's directory is
 * writable), without creating anything.  0, or -1 with the message in err. */
int sct_output_check(const char *file, int separate, char *err, size_t errlen);

/* Open the main stream (creates -o FILE unless separate).  `separate` is 1 for
 * FILE.TID files, | SCT_OUTPUT_APPEND for -A.  0, or -1 with err. */
#define SCT_OUTPUT_APPEND 2
int sct_output_open(struct sct_output *o, const char *file, int separate, char *err, size_t errlen);

/* The stream for a record of task `tid`: its FILE.TID when separate, else main. */
struct sct_out *sct_output_for(struct sct_output *o, int tid);

/* Task finished: flush and close its FILE.TID (reopened in append mode if the tid
 * writes again, e.g. a new ring after exec). */
void sct_output_task_done(struct sct_output *o, int tid);

void sct_output_flush(struct sct_output *o);
void sct_output_close(struct sct_output *o);

#endif
