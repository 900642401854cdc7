/* Where this process is, seen from the runner, when pid namespaces part them.
 *
 * A process of `unshare -pf`, or a container's, numbers itself in its own namespace:
 * its ring says "2.2", which in the runner's namespace is another process or none.
 * The runner passes its namespace (the inode of /proc/self/ns/pid), its /proc (st_dev,
 * one per procfs instance) and its depth below that /proc's namespace.  A process in
 * another namespace reads its NSpid line (its pid at each level, from /proc's
 * namespace down to its own) and writes into its ring header the pid and tid the
 * runner knows it by, and those /proc knows it by (the runner's /proc may be an outer
 * namespace's, as under `unshare -Urpf sctrace`).  A /proc of another instance (one
 * mounted for the inner namespace) cannot say: the fields stay 0, and the runner shows
 * the process's own numbers.  Only at ring creation; never under a seccomp filter of
 * the program's (the calls may be what it forbids). */
#include <fcntl.h>
#include <sys/stat.h>
#include "wrap.h"
#include "raw.h"
#include "spare.h"
#include "pidns.h"

int sct_pidns_foreign;

static uint32_t runner_ns, runner_level;
static uint64_t runner_procdev;

static const char *num(const char *s, uint64_t *v)
{
	*v = 0;
	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9')
		*v = *v * 10 + (uint64_t)(*s++ - '0');
	return s;
}

void sct_pidns_config(const char *s)
{
	uint64_t ino, dev, level;

	if (!s || !(s = num(s, &ino)) || *s++ != ':' || !(s = num(s, &dev)) || *s++ != ':' ||
	    !(s = num(s, &level)) || *s || ino > UINT32_MAX || level > 64)
		return;
	runner_ns = (uint32_t)ino;
	runner_procdev = dev;
	runner_level = (uint32_t)level;
}

/* "pid:[4026531836]" -> 4026531836; 0 when /proc cannot say */
static uint32_t own_ns(void)
{
	char buf[64];
	long n = sct_sys(SYS_readlink, "/proc/self/ns/pid", buf, sizeof(buf) - 1);
	uint64_t v;

	if (n < 7 || memcmp(buf, "pid:[", 5))
		return 0;
	buf[n] = 0;
	return num(buf + 5, &v) && v <= UINT32_MAX ? (uint32_t)v : 0;
}

/* The NSpid line of a status file of the runner's /proc: up to `max` numbers, how
 * many in *n; -1 when it is another /proc or says nothing.  Read in small pieces
 * (a long Groups line comes first): this runs on whatever stack the thread has,
 * a 4 KiB signal stack included. */
static int nspid(const char *path, int32_t *v, unsigned max, unsigned *n)
{
	static const char key[] = "\nNSpid:";
	char buf[128];
	struct stat st;
	long fd = sct_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC), len;
	unsigned matched = 1, in_line = 0;	/* the file starts at a line's start */
	uint64_t x = 0;
	int digits = 0;

	if (fd < 0)
		return -1;
	*n = 0;
	if (sct_sys(SYS_fstat, fd, &st) < 0 || (uint64_t)st.st_dev != runner_procdev)
		goto out;
	while (!in_line || *n < max) {
		if ((len = sct_sys(SYS_read, fd, buf, sizeof(buf))) <= 0)
			break;
		for (long i = 0; i < len; i++) {
			char c = buf[i];

			if (!in_line) {
				matched = c == key[matched] ? matched + 1 : c == '\n';
				in_line = matched == sizeof(key) - 1;
				continue;
			}
			if (c >= '0' && c <= '9') {
				x = x * 10 + (uint64_t)(c - '0');
				digits = 1;
				continue;
			}
			if (digits && *n < max)
				v[(*n)++] = (int32_t)x;
			x = 0;
			digits = 0;
			if (c == '\n')
				goto out;
		}
	}
out:
	sct_sys(SYS_close, fd);
	return *n ? 0 : -1;
}

void sct_pidns_fill(struct sct_ring *h, int pid, int tid)
{
	int32_t p[33], t[33];
	unsigned np, nt;
	uint32_t ns;

	h->pidns = h->ns_level = 0;
	h->ns_pid = h->ns_tid = h->proc_pid = h->proc_tid = 0;
	sct_pidns_foreign = 0;
	if (!runner_ns || sct_sandboxed || sct_cfg.standalone || !(ns = own_ns()))
		return;
	sct_pidns_foreign = ns != runner_ns;
	if (!sct_pidns_foreign && !runner_level)
		return;		/* the runner's namespace and /proc: nothing to say */
	h->pidns = sct_pidns_foreign ? ns : 0;
	if (nspid("/proc/self/status", p, 33, &np) < 0 || np <= runner_level)
		return;
	if (tid == pid) {
		nt = np;
		memcpy(t, p, sizeof(t));
	} else if (nspid("/proc/thread-self/status", t, 33, &nt) < 0 || nt != np) {
		return;
	}
	h->ns_level = np - 1;
	h->ns_pid = p[runner_level];
	h->ns_tid = t[runner_level];
	h->proc_pid = p[0];
	h->proc_tid = t[0];
}
