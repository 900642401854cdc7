/* Before an exec: will the new image run without us (format/image.c says why)?  Such
 * an exec is announced in the trace at that point ("sctrace: pid N: '/bin/su' is
 * setuid: not traced") instead of going silent.  Only raw calls, on a descriptor
 * closed again at once. */
#include "hand.h"
#include "image.h"
#include "capture.h"
#include "raw.h"
#include "notes.h"
#include "spare.h"
#include "untraced.h"

static long raw_pread(int fd, void *buf, size_t len, off_t off)
{
	return sct_sys(SYS_pread64, fd, buf, len, off);
}

/* Why `path` will not be traced (SCT_WHY_*), or 0.  An unreadable image (mode 4711)
 * is still judged by its mode bits. */
static int untraced_reason(const char *path)
{
	struct stat st;
	long fd;
	int why;

	if (sct_sys(SYS_newfstatat, AT_FDCWD, path, &st, 0) < 0)
		return 0;
	fd = sct_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	why = sct_image_why((int)fd, &st, (uid_t)sct_sys0(SYS_getuid),
			    (gid_t)sct_sys0(SYS_getgid), raw_pread);
	if (fd >= 0)
		sct_sys(SYS_close, fd);
	return why;
}

int sct_exec_note(const char *path)
{
	struct sct_thread *t = &sct_self;
	char text[PATH_MAX + 64];
	struct sct_out o;
	int why;

	/* Under the program's seccomp filter the new image stays dormant (spare.c), and
	 * judging the image would take an openat the filter may forbid. */
	if (sct_sandboxed && t->state == SCT_T_READY)
		return sct_note_untraced(SCT_NOTE_EXEC, t->pid, t->tid, SCT_WHY_SECCOMP);
	if (t->state != SCT_T_READY || !path || !(why = untraced_reason(path)))
		return -1;
	/* -c has no record to carry the path: a numbered note without it */
	if (t->counting)
		return sct_note_untraced(SCT_NOTE_EXEC, t->pid, t->tid, why);
	sct_out_init(&o, text, sizeof(text), -1);
	sct_out_putc(&o, '\'');
	sct_out_puts(&o, path);
	sct_out_puts(&o, "' ");
	sct_out_puts(&o, sct_image_reason(why));
	sct_out_puts(&o, ": not traced");
	sct_record_note(t, text, o.len);
	return -1;
}
