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
 * entry at the runner's level.  What is read is kept per namespace (see `struct
 * known`), and /proc is searched again only for a number not known.  Where every
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
#include "calls.h"
#include "session.h"
#include "pidns.h"

#define NS_MAX 33		/* levels of pid namespaces the kernel allows, and one */

struct task {
	int pid, tid;			/* the runner's numbers */
	int ppid, ptid;			/* /proc's */
	uint32_t ns, level;		/* its namespace (0: the runner's) and depth */
};


static uint32_t self_ns;
static unsigned (*miss_fn)(void *);	/* sct_pidns_on_miss */
static void *miss_arg;
static unsigned self_level;	/* the runner's depth below /proc's namespace */
static int self_proc;
static struct task *tasks;
static size_t ntasks, tcap;

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

static void learn(uint32_t ns, int id, int ours);
static void learn_task(const struct task *t);

/* Where a task is, in the runner's numbers and /proc's */
struct where {
	int pid, tid, ppid, ptid;
	unsigned level;
};

/* The task h names, looked for in /proc: a process of namespace h->pidns whose own
 * number is h->pid (and its thread h->tid).  For a task whose /proc was its own
 * namespace's (a container's), which could not say where it is.  A zombie's
 * namespace cannot be read: one is taken for the task when its depth is the one
 * another task of the namespace was found at (a thread gone is not found). */
static int locate(const struct sct_ring *h, struct where *w)
{
	struct dirent *e, *te;
	struct status s, zs;
	char path[64];
	DIR *dir, *tdir;
	unsigned level = 0;
	int found = 0, zombie = 0, zombies = 0;

	for (size_t i = 0; i < ntasks && !level; i++)	/* its depth, if a task said */
		if (tasks[i].ns == h->pidns)
			level = tasks[i].level;
	if (!(dir = opendir("/proc")))
		return 0;
	while (!found && (e = readdir(dir))) {
		int p = atoi(e->d_name);
		uint32_t its;

		snprintf(path, sizeof(path), "/proc/%d/ns/pid", p);
		if (p <= 0 || ((its = ns_of(path)) && its != h->pidns))
			continue;
		snprintf(path, sizeof(path), "/proc/%d/status", p);
		if (read_status(path, &s) < 0 || s.n[0] <= self_level)
			continue;
		if (its && !level)
			level = s.n[0] - 1;	/* any process of the namespace says its depth */
		if (s.v[0][s.n[0] - 1] != h->pid)
			continue;
		if (!its) {		/* a zombie: its namespace cannot be read */
			if (s.n[0] > 1 && !zombies++) {
				zombie = p;
				zs = s;
			}
			continue;
		}
		found = p;
	}
	closedir(dir);
	/* a zombie of the number: taken when it is at the namespace's depth, or when it
	 * is the only one of another namespace that has the number */
	if (!found && zombie && (level ? zs.n[0] == level + 1 : zombies == 1)) {
		found = zombie;
		s = zs;
	}
	if (!found)
		return 0;
	*w = (struct where){ s.v[0][self_level], 0, found, 0, s.n[0] - 1 };
	if (h->tid == h->pid) {
		w->tid = w->pid;
		w->ptid = found;
		return 1;
	}
	snprintf(path, sizeof(path), "/proc/%d/task", found);
	if (!(tdir = opendir(path)))
		return 0;
	while (!w->tid && (te = readdir(tdir))) {
		int t = atoi(te->d_name);

		snprintf(path, sizeof(path), "/proc/%d/task/%d/status", found, t);
		if (t > 0 && read_status(path, &s) == 0 && s.n[0] == w->level + 1 &&
		    s.v[0][w->level] == h->tid) {
			w->tid = s.v[0][self_level];
			w->ptid = t;
		}
	}
	closedir(tdir);
	return w->tid != 0;
}

void sct_pidns_ring(const struct sct_ring *h, int *pid, int *tid, int *own_pid, int *own_tid)
{
	struct where w = { h->ns_pid, h->ns_tid, h->proc_pid, h->proc_tid, h->ns_level };
	struct task *t;

	if (!h->pidns && !h->proc_pid)
		return;
	if (h->pidns && h->pidns != self_ns && (w.pid <= 0 || w.tid <= 0) && !locate(h, &w))
		w = (struct where){ 0, 0, 0, 0, 0 };
	if (w.pid > 0 && w.tid > 0 && (w.pid != *pid || w.tid != *tid)) {
		*own_pid = *pid;
		*own_tid = *tid;
		*pid = w.pid;
		*tid = w.tid;
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
	*t = (struct task){ *pid, *tid, w.ppid, w.ptid, h->pidns, w.level };
	if (t->ns && t->ns != self_ns) {
		learn(t->ns, h->pid, *pid);
		learn(t->ns, h->tid, *tid);
		learn_task(t);	/* its group and session, while it is there to say */
	}
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

/* What a namespace's numbers are in the runner's: a number names one kernel pid
 * (a process, thread, group leader or session leader) with one number at each
 * level, whatever type the call gives it, so one map per namespace serves every
 * type.  It is learned from what the tasks' rings say and from every status file
 * read, when the call is printed (the task may be gone by then: strace asks at the
 * call).  strace finds no number for a task reaped before it asks (the result of the
 * wait4 that reaped it, a kill after): the traced calls that reap say when
 * (sct_pidns_call), and after that time the number has no answer.  A number reused
 * since for another task is learned anew when a ring or a status file names it. */
struct known {
	uint32_t ns;
	int id, ours;
	uint64_t gone;			/* reaped at this time (CLOCK_MONOTONIC ns), or ~0 */
};
static struct known *map;
static size_t mapcap, mapused;

static size_t slot_of(uint32_t ns, int id, size_t cap)
{
	size_t h = ((size_t)ns * 0x9e3779b1u) ^ ((size_t)(unsigned)id * 0x85ebca6bu);

	for (h &= cap - 1; map[h].ns && (map[h].ns != ns || map[h].id != id); h = (h + 1) & (cap - 1))
		;
	return h;
}

static void learn(uint32_t ns, int id, int ours)
{
	size_t h;

	if (!ns || id <= 0 || ours <= 0)
		return;
	if (2 * (mapused + 1) > mapcap) {
		size_t ncap = mapcap ? 2 * mapcap : 1024;
		struct known *old = map, *n = calloc(ncap, sizeof(*n));

		if (!n)
			return;
		map = n;
		for (size_t i = 0; i < mapcap; i++)
			if (old[i].ns)
				map[slot_of(old[i].ns, old[i].id, ncap)] = old[i];
		free(old);
		mapcap = ncap;
	}
	h = slot_of(ns, id, mapcap);
	if (!map[h].ns)
		mapused++;
	map[h] = (struct known){ ns, id, ours, UINT64_MAX };
}

/* What ns's id is in ours at `when`: the number, 0 when gone then, -1 when not known */
static int known(uint32_t ns, int id, uint64_t when)
{
	size_t h;

	if (!mapcap)
		return -1;
	h = slot_of(ns, id, mapcap);
	if (!map[h].ns)
		return -1;
	return when >= map[h].gone ? 0 : map[h].ours;
}

/* Every number of a status file at `level` (the task's namespace ns): its pid, group
 * and session. */
static void learn_status(const struct status *s, uint32_t ns, unsigned level)
{
	for (int k = 0; k < 3; k++)
		if (s->n[k] > level && s->n[k] > self_level)
			learn(ns, s->v[k][level], s->v[k][self_level]);
}

static void learn_task(const struct task *t)
{
	struct status s;
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/status", t->ppid);
	if (t->ppid > 0 && read_status(path, &s) == 0 && s.n[0] == t->level + 1)
		learn_status(&s, t->ns, t->level);
}

/* Is the process whose /proc number is p in namespace ns?  A zombie's link cannot be
 * read: it counts (its level was checked). */
static int in_ns(int p, unsigned n, unsigned level, uint32_t ns)
{
	char path[64];
	uint32_t its;

	if (n != level + 1)
		return 0;	/* of a namespace below: its numbers at `level` are not learned */
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", p);
	its = ns_of(path);
	return !its || its == ns;
}

/* Every process of ns in /proc (and with `threads` their threads): learn them all. */
static void scan(uint32_t ns, unsigned level, int threads)
{
	struct dirent *e, *te;
	struct status s;
	char path[64];
	DIR *dir = opendir("/proc"), *tdir;

	if (!dir)
		return;
	while ((e = readdir(dir))) {
		int p = atoi(e->d_name);

		snprintf(path, sizeof(path), "/proc/%d/status", p);
		if (p <= 0 || read_status(path, &s) < 0 || !in_ns(p, s.n[0], level, ns))
			continue;
		learn_status(&s, ns, level);
		snprintf(path, sizeof(path), "/proc/%d/task", p);
		if (!threads || !(tdir = opendir(path)))
			continue;
		while ((te = readdir(tdir))) {
			int t = atoi(te->d_name);

			snprintf(path, sizeof(path), "/proc/%d/task/%d/status", p, t);
			if (t > 0 && t != p && read_status(path, &s) == 0)
				learn_status(&s, ns, level);
		}
		closedir(tdir);
	}
	closedir(dir);
}

int sct_pidns_xlate(int pid, int id, int type, uint64_t when)
{
	const struct task *t;
	int v;

	if (!ntasks || id <= 0 || !(t = find(pid, 0)) || !t->ns || t->ns == self_ns)
		return id;
	if ((v = known(t->ns, id, when)) >= 0)
		return v;
	scan(t->ns, t->level, type == SCT_PT_TID);
	if ((v = known(t->ns, id, when)) < 0 && miss_fn && miss_fn(miss_arg))
		v = known(t->ns, id, when);	/* a ring not mapped yet named it */
	return v > 0 ? v : 0;
}

void sct_pidns_on_miss(unsigned (*fn)(void *), void *arg)
{
	miss_fn = fn;
	miss_arg = arg;
}

/* The child a successful wait4 or waitid reaped (a stopped or continued one is not),
 * or 0. */
static int reaped(const struct sct_rec *r)
{
	static int wait4_call = -2, waitid_call = -2;
	const struct sct_blob *b;
	int32_t v[4];

	if (wait4_call == -2) {
		wait4_call = sct_call_lookup("wait4");
		waitid_call = sct_call_lookup("waitid");
	}
	if (r->kind != SCT_REC_CALL || r->ret < 0 || (r->call & SCT_CALL_BY_NR))
		return 0;
	if (r->call == wait4_call && r->ret > 0) {
		b = sct_rec_blob(r, 1, SCT_BLOB_OUT);
		if (b && b->len >= 4) {
			memcpy(v, sct_blob_data(b), 4);
			if ((v[0] & 0xff) == 0x7f || v[0] == 0xffff)
				return 0;	/* WIFSTOPPED, WIFCONTINUED */
		}
		return (int)r->ret;
	}
	if (r->call == waitid_call && !(r->arg[3] & 0x01000000)) {	/* WNOWAIT */
		b = sct_rec_blob(r, 2, SCT_BLOB_OUT);
		if (!b || b->len < 16)
			return 0;
		memcpy(v, sct_blob_data(b), 16);	/* signo, errno, code, pid */
		return v[2] >= 1 && v[2] <= 3 ? v[3] : 0;	/* CLD_EXITED, KILLED, DUMPED */
	}
	return 0;
}

void sct_pidns_call(const struct sct_rec *r)
{
	const struct task *t;
	int id;
	size_t h;

	if (!ntasks || !mapcap || !(id = reaped(r)) || !(t = find(r->pid, 0)) || !t->ns ||
	    t->ns == self_ns)
		return;
	h = slot_of(t->ns, id, mapcap);
	if (map[h].ns && r->t1 < map[h].gone)
		map[h].gone = r->t1;
}

/* The last name read of each task: a line of a task gone since its call is prefixed
 * with the name it had when last seen (strace: the one it read at attach or exec). */
static struct { int pid; char comm[16]; } comms[256];

void sct_pidns_comm(int pid, int last, char *buf, size_t cap)
{
	char path[64], name[64];
	int p = sct_pidns_proc(pid);
	unsigned slot = (unsigned)pid % 256;
	size_t n;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/comm", p);
	if (p > 0 && read_file(path, name, sizeof(name)) == 0) {
		n = strlen(name);
		if (n && name[n - 1] == '\n')
			name[n - 1] = '\0';
		comms[slot].pid = pid;
		snprintf(comms[slot].comm, sizeof(comms[slot].comm), "%s", name);
		snprintf(buf, cap, "%s", name);
		return;
	}
	if (last && comms[slot].pid == pid)
		snprintf(buf, cap, "%s", comms[slot].comm);
}
