/* readdir: glibc refills its buffer with getdents64 inside readdir, out of our
 * reach, so the wrapper reports that call after the fact.  It reads glibc's private
 * struct __dirstream (glibc 2.26 to at least 2.36 on x86-64: fd, lock, allocation,
 * size, offset, filepos, errcode, data), and checks the layout before believing it:
 * fd must be dirfd()'s answer and the sizes must make sense; otherwise nothing is
 * reported. */
#include "hand.h"

struct glibc_dirstream {
	int fd;
	int lock;
	size_t allocation;		/* bytes of data[] */
	size_t size;			/* valid bytes in data[] */
	size_t offset;			/* next entry in data[] */
	off_t filepos;
	int errcode;
	_Alignas(void *) char data[];
};

static struct dirent *(*real_readdir)(DIR *);

static int layout_ok(DIR *d, const struct glibc_dirstream *ds)
{
	return ds->fd == dirfd(d) && ds->allocation >= 512 && ds->allocation <= (1u << 24) &&
	       ds->size <= ds->allocation && ds->offset <= ds->size + 65536;
}

SCT_EXPORT struct dirent *readdir(DIR *d)
{
	struct sct_thread *t = sct_begin(SCT_CALL_getdents64);
	const struct glibc_dirstream *ds = (const void *)d;
	int refill, e0 = errno, e;
	uint64_t t0;
	struct dirent *r;

	if (!t || !layout_ok(d, ds))
		return SCT_REAL(readdir)(d);
	refill = ds->offset >= ds->size;
	t0 = sct_now();
	r = SCT_REAL(readdir)(d);
	e = errno;
	if (refill) {
		uint64_t a[SCT_MAX_ARGS] = { (uint64_t)ds->fd, (uintptr_t)ds->data, ds->allocation };
		int64_t ret = r ? (int64_t)ds->size : e != e0 ? -(int64_t)e : 0;
		sct_done(t, SCT_CALL_getdents64, a, ret, t0, sct_now(), NULL);
	}
	errno = e;
	return r;
}
SCT_ALIAS(readdir64, readdir);
