/* The runner forks the command and the child's execve fails before any library is
 * loaded, so nobody records the call; strace shows it, and so a trace file that ends
 * in "+++ exited with 1 +++" alone would be missing its one line.  The arguments are
 * the runner's own: the child was a copy of it, so the addresses are the ones the
 * kernel was given.  Blob layouts: format/kinds.h (PATH, ARGV, ENVP). */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "calls.h"
#include "execfail.h"
#include "record.h"

struct build {
	unsigned char *p, *end;
	struct sct_blob *blob;		/* the one being filled */
	int full;
};

static void put(struct build *b, const void *src, size_t n)
{
	if (b->full || n > (size_t)(b->end - b->p)) {
		b->full = 1;
		return;
	}
	memcpy(b->p, src, n);
	b->p += n;
}

static void pad8(struct build *b)
{
	static const unsigned char zero[8];
	size_t n = (size_t)((uintptr_t)b->p & 7u);

	if (n)
		put(b, zero, 8 - n);
}

static void blob_begin(struct build *b, unsigned arg)
{
	struct sct_blob h = { .arg = (uint8_t)arg, .when = SCT_BLOB_IN };

	b->blob = (struct sct_blob *)b->p;
	put(b, &h, sizeof(h));
}

static void blob_end(struct build *b, unsigned flags)
{
	if (b->full)
		return;
	b->blob->len = (uint32_t)(b->p - (unsigned char *)(b->blob + 1));
	b->blob->flags = (uint8_t)flags;
	pad8(b);
}

/* strlen up to max: the library's capture of a string argument */
static size_t str_len(const char *s, size_t max)
{
	const char *z = memchr(s, 0, max);

	return z ? (size_t)(z - s) : max;
}

/* An argv blob (format/kinds.h): the count, then the first `lim` strings. */
static void put_vec(struct build *b, unsigned arg, char *const *v, size_t lim)
{
	uint64_t count = 0;

	while (v[count])
		count++;
	blob_begin(b, arg);
	put(b, &count, sizeof(count));
	for (uint64_t i = 0; i < count && i < lim; i++) {
		uint32_t meta[2];
		size_t n = str_len(v[i], lim);
		meta[0] = (uint32_t)n;
		meta[1] = n == lim ? SCT_BF_TRUNC : 0;
		put(b, meta, sizeof(meta));
		put(b, v[i], n);
		pad8(b);
	}
	blob_end(b, 0);
}

size_t sct_exec_failed(void *buf, size_t cap, const char *path, char *const *argv,
		       char *const *envp, unsigned strsize, int err, int pid)
{
	struct build b = { buf, (unsigned char *)buf + cap, NULL, 0 };
	struct sct_rec *r = buf;
	struct timespec ts;
	size_t n, lim = (size_t)strsize + 1;
	int call = sct_call_lookup("execve");

	if (call < 0 || cap < sizeof(*r) || ((uintptr_t)buf & 7u))
		return 0;
	memset(r, 0, sizeof(*r));
	b.p += sizeof(*r);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	r->kind = SCT_REC_CALL;
	r->call = (uint16_t)call;
	r->pid = r->tid = pid;
	r->t0 = r->t1 = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	r->ret = -(int64_t)err;
	r->arg[0] = (uintptr_t)path;
	r->arg[1] = (uintptr_t)argv;
	r->arg[2] = (uintptr_t)envp;

	blob_begin(&b, 0);
	n = str_len(path, PATH_MAX);
	put(&b, path, n);
	blob_end(&b, n == PATH_MAX ? SCT_BF_TRUNC : 0);

	put_vec(&b, 1, argv, lim);
	put_vec(&b, 2, envp, lim);

	if (b.full)
		return 0;
	r->size = (uint32_t)(b.p - (unsigned char *)buf);
	return r->size;
}
