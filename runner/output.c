/* Output streams.  Files are created with fopen's "w" semantics (0666 & ~umask,
 * truncated), or its "a" with -A, as strace does; per-task files only when the task first prints. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "opipe.h"
#include "output.h"
#include "run.h"

struct sct_task_file {
	int tid;
	int created;			/* created once: reopen appends */
	int failed;			/* could not be opened: its text is dropped */
	struct sct_out out;		/* fd -1 while closed (or when it could not open) */
	char *buf;
};

#define TASK_BUF 8192

int sct_output_check(const char *file, int separate, char *err, size_t errlen)
{
	char tmp[4096], *dir;

	if (!file || !separate)
		return 0;
	snprintf(tmp, sizeof(tmp), "%s", file);
	dir = dirname(tmp);
	if (access(dir, W_OK | X_OK) < 0) {
		snprintf(err, errlen, "Can't fopen '%s.PID': %s", file, strerror(errno));
		return -1;
	}
	return 0;
}

int sct_output_open(struct sct_output *o, const char *file, int separate, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->base = file;
	o->separate = file && (separate & 1);
	o->append = (separate & SCT_OUTPUT_APPEND) != 0;
	o->fd = 2;
	o->pipe_pidfd = -1;
	if (file && !o->separate && (file[0] == '|' || file[0] == '!')) {
		o->fd = sct_opipe_start(file + 1, &o->pipe_pidfd);
		if (o->fd < 0) {
			snprintf(err, errlen, "Can't popen '%s': %s", file + 1, strerror(-o->fd));
			return -1;
		}
	} else if (file && !o->separate) {
		o->fd = open(file, O_WRONLY | O_CREAT | O_CLOEXEC |
			     (o->append ? O_APPEND : O_TRUNC), 0666);
		if (o->fd < 0) {
			snprintf(err, errlen, "Can't fopen '%s': %s", file, strerror(errno));
			return -1;
		}
	}
	sct_out_init(&o->main, o->buf, sizeof(o->buf), o->fd);
	return 0;
}

static struct sct_task_file *find(struct sct_output *o, int tid)
{
	for (size_t i = 0; i < o->nfiles; i++)
		if (o->files[i].tid == tid)
			return &o->files[i];
	return NULL;
}

static void open_task(struct sct_output *o, struct sct_task_file *t)
{
	char path[4096];
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (t->created || o->append ? O_APPEND : O_TRUNC);
	int fd;

	snprintf(path, sizeof(path), "%s.%d", o->base, t->tid);
	fd = open(path, flags, 0666);
	if (fd < 0) {
		sct_out_flush(&o->main);
		fprintf(stderr, "%s: Can't fopen '%s': %s\n", sct_progname, path, strerror(errno));
		t->failed = 1;
	}
	t->created = 1;
	sct_out_init(&t->out, t->buf, TASK_BUF, fd);
}

struct sct_out *sct_output_for(struct sct_output *o, int tid)
{
	struct sct_task_file *t;

	if (!o->separate)
		return &o->main;
	t = find(o, tid);
	if (!t) {
		if (o->nfiles == o->cap) {
			size_t cap = o->cap ? 2 * o->cap : 16;
			void *p = realloc(o->files, cap * sizeof(*o->files));
			if (!p)
				return &o->main;
			o->files = p;
			o->cap = cap;
		}
		t = &o->files[o->nfiles];
		memset(t, 0, sizeof(*t));
		t->tid = tid;
		t->buf = malloc(TASK_BUF);
		if (!t->buf)
			return &o->main;
		t->out.fd = -1;
		o->nfiles++;
	}
	if (t->out.fd < 0 && !t->failed)
		open_task(o, t);
	if (t->failed)
		t->out.len = 0;		/* keep discarding */
	return &t->out;
}

static void close_task(struct sct_task_file *t)
{
	if (t->out.fd >= 0) {
		sct_out_flush(&t->out);
		close(t->out.fd);
	}
	t->out.fd = -1;
	t->out.len = 0;
}

void sct_output_task_done(struct sct_output *o, int tid)
{
	struct sct_task_file *t = o->separate ? find(o, tid) : NULL;

	if (t)
		close_task(t);
}

void sct_output_flush(struct sct_output *o)
{
	for (size_t i = 0; i < o->nfiles; i++)
		sct_out_flush(&o->files[i].out);
	sct_out_flush(&o->main);
}

void sct_output_close(struct sct_output *o)
{
	for (size_t i = 0; i < o->nfiles; i++) {
		close_task(&o->files[i]);
		free(o->files[i].buf);
	}
	free(o->files);
	o->files = NULL;
	o->nfiles = 0;
	sct_out_flush(&o->main);
	if (o->fd > 2)
		close(o->fd);
	o->fd = -1;
	sct_opipe_wait(o->pipe_pidfd);	/* as strace's pclose */
	o->pipe_pidfd = -1;
}
