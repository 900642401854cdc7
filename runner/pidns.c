/* The runner's numbers for tasks of other pid namespaces.
 *
 * A traced process in a namespace of its own (`unshare -pf`, a container's) names
 * itself and others by that namespace's numbers.  Its ring header says where it is
 * (preload/pidns.c: the namespace's inode and depth, and its pid and tid in the
 * runner's namespace and in /proc's); the runner keeps that per task, here, and uses
 * the runner's numbers everywhere (the pid prefix, exit lines, liveness).  The
 * numbers a call passes or returns (--pidns-translation) are found as strace finds
 * them: /proc/PID/status lists a process's pid, group and session at every level
 * from /proc's namespace down (NSpid, NSpgid, NSsid), so the entry at the traced
 * process's level that equals the number, in a process of its namespace, gives the
 * entry at the runner's level.  Each answer is cached per namespace, type and
 * number, and checked again with one read of that one status file.  Where every
 * traced process is in the runner's namespace none of this reads anything.
 *
 * When the runner's /proc is an outer namespace's (`unshare -Urpf sctrace ...`),
 * its own numbers are not /proc's: the tasks' /proc numbers come with their rings,
 * and the runner's own from /proc/self. */
#include <dirent.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "session.h"
#include "pidns.h"

#define NS_MAX 33		/* levels of pid namespaces the kernel allows, and one */
#define CACHE  256

struct task {
	int pid, tid;			/* the runner's numbers */
	int ppid, ptid;			/* /proc's */
	uint32_t ns, level;		/* its namespace (0: the runner's) and depth */
};

struct answer {
	uint32_t ns;
	int type, id;
	int proc;			/* the /proc pid whose status said it */
	int result;
};

static uint32_t self_ns;
static unsigned self_level;	/* the runner's depth below /proc's namespace */
static int self_proc;
static struct task *tasks;
static size_t ntasks, tcap;
static struct answer cache[CACHE];
static unsigned cache_next;

struct status {
	int v[3][NS_MAX];		/* NSpid, NSpgid, NSsid */
	unsigned n[3];
};

static int read_file(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, cap - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

static void parse_line(const char *p, int *v, unsigned *n)
{
	char *end;

	for (*n = 0; *n < NS_MAX; (*n)++) {
		long x = strtol(p, &end, 10);

		if (end == p)
			break;
		v[*n] = (int)x;
		p = end;
	}
}

static int read_status(const char *path, struct status *s)
{
	static const char *const names[3] = { "\nNSpid:", "\nNSpgid:", "\nNSsid:" };
	char buf[4096];

	memset(s->n, 0, sizeof(s->n));
	if (read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	for (int i = 0; i < 3; i++) {
		const char *p = strstr(buf, names[i]);

		if (p)
			parse_line(p + strlen(names[i]), s->v[i], &s->n[i]);
	}
	return s->n[0] ? 0 : -1;
}

static uint32_t ns_of(const char *path)
{
	char buf[64];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);

	if (n < 6 || memcmp(buf, "pid:[", 5))
		return 0;
	buf[n] = '\0';
	return (uint32_t)strtoul(buf + 5, NULL, 10);
}

void sct_pidns_init(char *env, size_t cap)
{
	struct status s;
	struct stat st;

	env[0] = '\0';
	self_ns = ns_of("/proc/self/ns/pid");
	if (!self_ns || stat("/proc/self/status", &st) < 0 ||
	    read_status("/proc/self/status", &s) < 0)
		return;
	self_level = s.n[0] - 1;
	self_proc = s.v[0][0];
	snprintf(env, cap, SCT_ENV_PIDNS "=%" PRIu32 ":%" PRIu64 ":%u", self_ns,
		 (uint64_t)st.st_dev, self_level);
}

int sct_pidns_self(void)
{
	return self_level && self_proc ? self_proc : getpid();
}

static struct task *find(int pid, int tid)
{
	for (size_t i = ntasks; i-- > 0;)
		if (tasks[i].pid == pid && (tasks[i].tid == tid || !tid))
			return &tasks[i];
	return NULL;
}

void sct_pidns_ring(const struct sct_ring *h, int *pid, int *tid, int *own_pid, int *own_tid)
{
	struct task *t;

	if (!h->pidns && !h->proc_pid)
		return;
	if (h->ns_pid > 0 && h->ns_tid > 0 && (h->ns_pid != *pid || h->ns_tid != *tid)) {
		*own_pid = *pid;
		*own_tid = *tid;
		*pid = h->ns_pid;
		*tid = h->ns_tid;
	}
	if (!(t = find(*pid, *tid))) {
		if (ntasks == tcap) {
			size_t ncap = tcap ? 2 * tcap : 64;
			struct task *n = realloc(tasks, ncap * sizeof(*n));

			if (!n)
				return;
			tasks = n;
			tcap = ncap;
		}
		t = &tasks[ntasks++];
	}
	*t = (struct task){ *pid, *tid, h->proc_pid, h->proc_tid, h->pidns, h->ns_level };
}

/* A runner-namespace pid (thread tid, or 0 for the process) in /proc's namespace:
 * from the rings, else by looking for it. */
static int to_proc(int pid, int tid)
{
	const struct task *t;
	struct dirent *e;
	struct status s;
	char path[64];
	DIR *dir;
	int found = 0;

	if (!self_level)
		return tid ? tid : pid;
	if ((t = find(pid, tid)) && t->ppid)
		return tid ? t->ptid : t->ppid;
	if (tid && tid != pid)
		return 0;	/* a thread no ring has named */
	if (!(dir = opendir("/proc")))
		return 0;
	while (!found && (e = readdir(dir))) {
		int p = atoi(e->d_name);

		snprintf(path, sizeof(path), "/proc/%d/status", p);
		if (p > 0 && read_status(path, &s) == 0 && s.n[0] > self_level &&
		    s.v[0][self_level] == pid)
			found = p;
	}
	closedir(dir);
	return found;
}

int sct_pidns_proc(int pid)
{
	return to_proc(pid, 0);
}

int sct_pidns_proc_tid(int pid, int tid)
{
	return to_proc(pid, tid);
}

/* Is the process whose /proc number is p in namespace ns?  A zombie's link cannot be
 * read: it counts (its level was checked). */
static int in_ns(int p, unsigned n, unsigned level, uint32_t ns)
{
	char path[64];
	uint32_t its;

	if (n != level + 1)
		return 1;	/* deeper: of a namespace below ns, or of a sibling's */
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", p);
	its = ns_of(path);
	return !its || its == ns;
}

/* The entry of the status at `path` that says id at `level` as `type` says it:
 * the runner's number for it, or 0. */
static int match(const char *path, int type, int id, unsigned level)
{
	int k = type == SCT_PT_PGID ? 1 : type == SCT_PT_SID ? 2 : 0;
	struct status s;

	if (read_status(path, &s) < 0 || s.n[k] <= level || s.v[k][level] != id ||
	    s.n[k] <= self_level)
		return 0;
	return s.v[k][self_level];
}

static int search_tasks(int p, int id, unsigned level, int *result)
{
	char path[64];
	struct dirent *e;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/task", p);
	if (!(dir = opendir(path)))
		return 0;
	while (!*result && (e = readdir(dir))) {
		int t = atoi(e->d_name);

		snprintf(path, sizeof(path), "/proc/%d/task/%d/status", p, t);
		if (t > 0)
			*result = match(path, SCT_PT_TID, id, level);
	}
	closedir(dir);
	return *result != 0;
}

static int search(uint32_t ns, unsigned level, int id, int type, int *proc)
{
	struct dirent *e;
	struct status s;
	char path[64];
	int result = 0;
	DIR *dir = opendir("/proc");

	if (!dir)
		return 0;
	while (!result && (e = readdir(dir))) {
		int p = atoi(e->d_name);

		snprintf(path, sizeof(path), "/proc/%d/status", p);
		if (p <= 0 || read_status(path, &s) < 0 || s.n[0] <= level ||
		    !in_ns(p, s.n[0], level, ns))
			continue;
		if (type == SCT_PT_TID) {
			search_tasks(p, id, level, &result);
		} else {
			int k = type == SCT_PT_PGID ? 1 : type == SCT_PT_SID ? 2 : 0;

			if (s.n[k] > level && s.v[k][level] == id && s.n[k] > self_level)
				result = s.v[k][self_level];
		}
		if (result)
			*proc = p;
	}
	closedir(dir);
	return result;
}

int sct_pidns_xlate(int pid, int id, int type)
{
	const struct task *t;
	struct answer *a;
	char path[64];
	int proc = 0, result;

	if (!ntasks || id <= 0 || !(t = find(pid, 0)) || !t->ns || t->ns == self_ns)
		return id;
	for (a = cache; a < cache + CACHE; a++) {
		if (!a->proc || a->ns != t->ns || a->type != type || a->id != id)
			continue;
		/* still so? (a thread's answer is checked through its process's tasks) */
		if (type == SCT_PT_TID) {
			result = 0;
			if (search_tasks(a->proc, id, t->level, &result) && result == a->result)
				return result;
		} else {
			snprintf(path, sizeof(path), "/proc/%d/status", a->proc);
			if (match(path, type, id, t->level) == a->result)
				return a->result;
		}
		a->proc = 0;
	}
	if (!(result = search(t->ns, t->level, id, type, &proc)))
		return 0;
	cache[cache_next] = (struct answer){ t->ns, type, id, proc, result };
	cache_next = (cache_next + 1) % CACHE;
	return result;
}

void sct_pidns_comm(int pid, char *buf, size_t cap)
{
	char path[64];
	int p = sct_pidns_proc(pid);
	size_t n;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/comm", p);
	if (p <= 0 || read_file(path, buf, cap) < 0)
		return;
	n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
}
