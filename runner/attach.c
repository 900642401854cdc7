/* `sctrace -p PID`: attach to a process started with the library and
 * SCTRACE_ATTACH=1, which lies dormant until told (format/attachpage.h).  No ptrace:
 * the runner finds the process's control file, claims it, writes the session's
 * variables into it and publishes them; each thread of the process joins at its next
 * wrapped call.  Detaching publishes the dormant state again. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "attach.h"
#include "attachpage.h"
#include "drain.h"
#include "format.h"
#include "merge.h"
#include "session.h"
#include "run.h"

struct attached {
	int pid;
	struct sct_attach_page *pg;
	int gone;			/* ended: nothing to detach */
};

static struct attached att[SCT_ATTACH_MAX];
static void release(struct sct_attach_page *pg);
static int natt;

/* strace's string_to_uint: a decimal from 0 to INT_MAX, leading blanks and '+' ok */
static long parse_pid(const char *s, size_t n)
{
	char buf[32], *end;
	long v;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (end == buf || *end || errno || v < 0 || v > 0x7fffffff)
		return -1;
	return v;
}

int sct_attach_parse_pids(struct sct_opts *o, const char *arg, char *err, size_t errlen)
{
	while (*arg) {
		size_t n = strcspn(arg, "\n\t ,");
		long pid = parse_pid(arg, n);
		int dup = 0;

		if (pid <= 0) {
			snprintf(err, errlen, "Invalid process id: '%.*s'", (int)n, arg);
			return -1;
		}
		if (pid == getpid()) {
			snprintf(err, errlen, "I'm sorry, I can't let you do that, Dave.");
			return -1;
		}
		for (int i = 0; i < o->npids; i++)
			dup |= o->pids[i] == pid;
		if (!dup && o->npids < SCT_ATTACH_MAX)
			o->pids[o->npids++] = (int)pid;
		if (!arg[n])
			break;
		arg += n + 1;
	}
	return 0;
}

/* The control file pid has mapped, found in /proc/PID/maps (whatever directory it
 * chose: its $SCTRACE_DIR need not be ours) into path: 1, 0 when it maps none (no
 * library, or a file left by an image that is gone), -1 when /proc cannot say. */
static int maps_find(int pid, uid_t uid, char *path, size_t cap)
{
	char name[64], tail[64], line[PATH_MAX + 256];
	FILE *f;
	int found = 0;

	snprintf(name, sizeof(name), "/proc/%d/maps", pid);
	snprintf(tail, sizeof(tail), "/sctrace-%u/%d" SCT_ATTACH_SUFFIX "\n", (unsigned)uid, pid);
	if (!(f = fopen(name, "re")))
		return -1;
	while (!found && fgets(line, sizeof(line), f)) {
		char *p = strchr(line, '/');
		size_t n = p ? strlen(p) : 0, t = strlen(tail);

		if (n > t && n - 1 < cap && !strcmp(p + n - t, tail)) {
			memcpy(path, p, n - 1);
			path[n - 1] = 0;
			found = 1;
		}
	}
	fclose(f);
	return found;
}

/* path's directory is the user's own, no one else's to write or read */
static int dir_private(const char *path, uid_t uid)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;

	if (!slash || (size_t)(slash - path) >= sizeof(dir))
		return 0;
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = 0;
	return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == uid &&
	       !(st.st_mode & 077);
}

static void no_library(int pid, char *err, size_t errlen)
{
	snprintf(err, errlen, "pid %d was not started with libsctrace.so and " SCT_ENV_ATTACH
		 "=1 (start it as: LD_PRELOAD=libsctrace.so " SCT_ENV_ATTACH "=1 PROGRAM)", pid);
}

/* The control page of pid, mapped; NULL with the reason in err. */
static struct sct_attach_page *open_page(int pid, uid_t uid, char *err, size_t errlen)
{
	const char *bases[] = { getenv("SCTRACE_DIR"), "/dev/shm", "/tmp" };
	char path[PATH_MAX + 32];
	struct sct_attach_page *pg;
	struct stat st;
	int fd = -1, where = maps_find(pid, uid, path, sizeof(path));

	if (where > 0 && dir_private(path, uid))
		fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	/* /proc hides its maps from us (not dumpable), or it is between an exec and its
	 * new image's constructor, which maps the file again: where the library puts it */
	for (size_t i = 0; where <= 0 && i < sizeof(bases) / sizeof(bases[0]) && fd < 0; i++) {
		if (!bases[i] || !*bases[i])
			continue;
		snprintf(path, sizeof(path), "%s/sctrace-%u/%d" SCT_ATTACH_SUFFIX, bases[i],
			 (unsigned)uid, pid);
		if (dir_private(path, uid))
			fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0) {
		no_library(pid, err, errlen);
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != uid ||
	    (st.st_mode & 077) || st.st_size < SCT_ATTACH_SIZE) {
		close(fd);
		snprintf(err, errlen, "pid %d: control file '%s' is not the process owner's "
			 "alone: not attaching", pid, path);
		return NULL;
	}
	pg = mmap(NULL, SCT_ATTACH_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (pg == MAP_FAILED) {
		snprintf(err, errlen, "pid %d: mmap: %s", pid, strerror(errno));
		return NULL;
	}
	if (__atomic_load_n(&pg->magic, __ATOMIC_ACQUIRE) != SCT_ATTACH_MAGIC || pg->pid != pid) {
		munmap(pg, SCT_ATTACH_SIZE);
		snprintf(err, errlen, "pid %d: control file '%s' is not one of sctrace's", pid, path);
		return NULL;
	}
	if (where <= 0 && pg->start && pg->start != sct_proc_start_time(pid)) {
		munmap(pg, SCT_ATTACH_SIZE);	/* left by a process gone, whose pid this is */
		no_library(pid, err, errlen);
		return NULL;
	}
	return pg;
}

/* Take the page for us: refused while another runner that is alive holds it. */
static int claim(struct sct_attach_page *pg, int pid, char *err, size_t errlen)
{
	uint32_t state = __atomic_load_n(&pg->state, __ATOMIC_ACQUIRE);

	for (;;) {
		int holder = __atomic_load_n(&pg->runner, __ATOMIC_ACQUIRE);

		if (state != SCT_AT_DORMANT && holder > 0 && holder != getpid() &&
		    (kill(holder, 0) == 0 || errno == EPERM)) {
			snprintf(err, errlen, "pid %d is already traced by sctrace (pid %d)", pid,
				 holder);
			return -1;
		}
		if (__atomic_compare_exchange_n(&pg->state, &state, SCT_AT_CLAIMED, 0,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			break;
	}
	__atomic_store_n(&pg->runner, getpid(), __ATOMIC_RELEASE);
	return 0;
}

/* The session's variables into the page; SCTRACE_ROOT names the process. */
static int write_env(struct sct_attach_page *pg, int pid, char *const *set)
{
	size_t used = 0, cap = sizeof(pg->env) - 1;
	char root[48];

	snprintf(root, sizeof(root), SCT_ENV_ROOT "=%d", pid);
	for (char *const *v = set; *v; v++) {
		const char *s = strncmp(*v, SCT_ENV_ROOT "=", sizeof(SCT_ENV_ROOT)) ? *v : root;
		size_t n = strlen(s) + 1;

		if (used + n > cap)
			return -1;
		memcpy(pg->env + used, s, n);
		used += n;
	}
	pg->env[used] = 0;
	__atomic_store_n(&pg->env_len, (uint32_t)used, __ATOMIC_RELEASE);
	return 0;
}

/* pid's threads, each made known to m (announced with it, not again) */
static unsigned count_threads(int pid, struct sct_merge *m)
{
	char path[64];
	struct dirent *de;
	unsigned n = 0;
	DIR *d;

	sct_merge_known(m, pid);
	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	if (!(d = opendir(path)))
		return 1;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		sct_merge_known(m, atoi(de->d_name));
		n++;
	}
	closedir(d);
	return n ? n : 1;
}

static int attach_one(const struct sct_opts *o, int pid, char *const *set, struct sct_merge *m)
{
	char err[PATH_MAX + 256] = "", path[64];
	struct sct_attach_page *pg;
	struct stat st;
	unsigned n;

	snprintf(path, sizeof(path), "/proc/%d", pid);
	if (kill(pid, 0) < 0 && errno == ESRCH) {
		fprintf(stderr, "%s: attach: pid %d: %s\n", sct_progname, pid, strerror(ESRCH));
		return -1;
	}
	if (stat(path, &st) < 0) {
		fprintf(stderr, "%s: attach: pid %d: %s\n", sct_progname, pid, strerror(errno));
		return -1;
	}
	if (getuid() != 0 && st.st_uid != geteuid()) {
		fprintf(stderr, "%s: attach: pid %d: %s\n", sct_progname, pid, strerror(EPERM));
		return -1;
	}
	if (!(pg = open_page(pid, st.st_uid, err, sizeof(err))) ||
	    claim(pg, pid, err, sizeof(err)) < 0 || write_env(pg, pid, set) < 0) {
		if (pg && !err[0]) {	/* claimed: give it back */
			snprintf(err, sizeof(err), "pid %d: the session's settings do not fit", pid);
			release(pg);
		}
		fprintf(stderr, "%s: attach: %s\n", sct_progname, err);
		if (pg)
			munmap(pg, SCT_ATTACH_SIZE);
		return -1;
	}
	__atomic_store_n(&pg->threads, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->state, SCT_AT_ATTACHED, __ATOMIC_RELEASE);
	__atomic_add_fetch(&pg->gen, 1, __ATOMIC_RELEASE);
	att[natt].pid = pid;
	att[natt].pg = pg;
	att[natt].gone = 0;
	natt++;
	n = o->follow ? count_threads(pid, m) : 1;
	sct_merge_known(m, pid);
	m->attached += n;
	if (o->quiet & SCT_QUIET_ATTACH)
		return 0;
	if (n > 1)
		fprintf(stderr, "%s: Process %d attached with %u threads\n", sct_progname, pid, n);
	else
		fprintf(stderr, "%s: Process %d attached\n", sct_progname, pid);
	return 0;
}

int sct_attach_all(const struct sct_opts *o, char *const *set, struct sct_merge *m)
{
	for (int i = 0; i < o->npids; i++)
		attach_one(o, o->pids[i], set, m);
	return natt;
}

int sct_attach_ours(int pid)
{
	for (int i = 0; i < natt; i++)
		if (att[i].pid == pid)
			return 1;
	if (sct_is_descendant(pid))
		return 1;
	for (int i = 0; i < natt; i++)	/* -f: their children */
		if (sct_is_descendant_of(pid, att[i].pid))
			return 1;
	return 0;
}

static void release(struct sct_attach_page *pg)
{
	if (__atomic_load_n(&pg->runner, __ATOMIC_ACQUIRE) != getpid())
		return;		/* taken over (we were stopped long enough to look dead) */
	__atomic_store_n(&pg->state, SCT_AT_DORMANT, __ATOMIC_RELEASE);
	__atomic_add_fetch(&pg->gen, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&pg->runner, 0, __ATOMIC_RELEASE);
}

int sct_attach_alive(void)
{
	int n = 0;

	for (int i = 0; i < natt; i++) {
		if (!att[i].gone && !sct_task_alive(att[i].pid, att[i].pid)) {
			att[i].gone = 1;
			release(att[i].pg);	/* its pid, reused, is no one we attached */
		}
		n += !att[i].gone;
	}
	return n;
}

void sct_attach_release(void)
{
	for (int i = 0; i < natt; i++)
		release(att[i].pg);
}

void sct_attach_detach_all(const struct sct_opts *o)
{
	sct_attach_release();
	for (int i = 0; i < natt; i++) {
		if (!att[i].gone && sct_task_alive(att[i].pid, att[i].pid) &&
		    !(o->quiet & SCT_QUIET_ATTACH))
			fprintf(stderr, "%s: Process %d detached\n", sct_progname, att[i].pid);
		munmap(att[i].pg, SCT_ATTACH_SIZE);
	}
	natt = 0;
}
