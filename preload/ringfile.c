/* Making a ring file in the session directory without ever hurting the program.
 *
 * Three ways the old open + ftruncate + mmap could raise a signal in the program:
 *   - RLIMIT_FSIZE below the ring's size: ftruncate (and fallocate: both go through
 *     the kernel's inode_newsize_ok) sends SIGXFSZ, whose default action kills.  The
 *     signal is sent to the whole process (send_sig_info, PIDTYPE_TGID), so blocking
 *     it in this thread would not keep it from another thread; instead the size is
 *     checked against the limit first and never asked for when it is over.
 *   - a tmpfs with no room left: ftruncate makes a sparse file and the first touch of
 *     a page that cannot be allocated is a SIGBUS.  fallocate reserves every page now
 *     and fails with ENOSPC instead.  Where fallocate is not supported, ftruncate.
 *   - RLIMIT_AS, RLIMIT_NOFILE, a directory we may no longer write: plain errors.
 * On any failure the file is removed and the descriptor closed: the program is left
 * as it was (raw calls, errno untouched), and the caller says what was not traced. */
#include <sys/resource.h>
#include "wrap.h"
#include "out.h"
#include "raw.h"
#include "session.h"
#include "ringfile.h"

/* "<session>/<pid>.<tid>.ring", or "<session>/<pid>.<tid>.<gen>.ring" for gen > 0 */
void sct_ring_path(char *buf, size_t cap, int pid, int tid, unsigned gen)
{
	struct sct_out o;

	sct_out_init(&o, buf, cap - 1, -1);
	sct_out_puts(&o, sct_cfg.session);
	sct_out_putc(&o, '/');
	sct_out_udec(&o, (unsigned)pid);
	sct_out_putc(&o, '.');
	sct_out_udec(&o, (unsigned)tid);
	if (gen) {
		sct_out_putc(&o, '.');
		sct_out_udec(&o, gen);
	}
	sct_out_puts(&o, SCT_RING_SUFFIX);
	buf[o.len] = 0;
}

/* -EFBIG when a file of `len` bytes would raise SIGXFSZ. */
static long fsize_allows(size_t len)
{
	struct rlimit rl;

	if (sct_sys(SYS_prlimit64, 0, RLIMIT_FSIZE, 0, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
		return 0;
	return len > rl.rlim_cur ? -EFBIG : 0;
}

static long reserve(long fd, size_t len)
{
	long r = sct_sys(SYS_fallocate, fd, 0, 0, len);

	if (r == -EOPNOTSUPP || r == -ENOSYS)
		r = sct_sys(SYS_ftruncate, fd, len);
	return r;
}

/* The session's path is the runner's, with every symlink resolved (runner/sessdir.c):
 * no component may be a symlink now.  One that is was swapped in during the run, and
 * must not lead the traced program (maybe root's) to create files elsewhere.
 * openat2 (Linux 5.6) checks every component; without it, O_NOFOLLOW the last one. */
static long open_nofollow(const char *path, uint64_t flags, uint64_t mode)
{
	struct { uint64_t flags, mode, resolve; } how = {
		flags | O_NOFOLLOW | O_CLOEXEC, mode, 0x04 /* RESOLVE_NO_SYMLINKS */
	};
	long fd = sct_sys(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));

	if (fd != -ENOSYS && fd != -EPERM)
		return fd;
	return sct_sys(SYS_openat, AT_FDCWD, path, how.flags, mode);
}

static long create_nofollow(const char *path)
{
	return open_nofollow(path, O_RDWR | O_CREAT | O_EXCL, 0600);
}

long sct_session_dirfd(void)
{
	return open_nofollow(sct_cfg.session, O_PATH | O_DIRECTORY, 0);
}

void *sct_ringfile_map(int pid, int tid, size_t len, unsigned *gen, long *err)
{
	char path[PATH_MAX + 64];
	long fd, r;
	void *m;

	if ((r = fsize_allows(len)) < 0) {
		*err = r;
		return NULL;
	}
	/* The name may still be the previous image's (an exec) or a dead thread's whose
	 * id was reused: take the next free one rather than wait for the runner. */
	for (*gen = 0;; ++*gen) {
		sct_ring_path(path, sizeof(path), pid, tid, *gen);
		fd = create_nofollow(path);
		if (fd != -EEXIST || *gen == 1000)
			break;
	}
	if (fd < 0) {
		*err = fd;
		return NULL;
	}
	if ((r = reserve(fd, len)) < 0) {
		sct_sys(SYS_close, fd);
		sct_sys(SYS_unlink, path);
		*err = r;
		return NULL;
	}
	m = (void *)sct_sys(SYS_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	sct_sys(SYS_close, fd);
	if ((unsigned long)m > -4096UL) {
		sct_sys(SYS_unlink, path);
		*err = (long)m;
		return NULL;
	}
	return m;
}
