/* Orphaned process groups.  When a process group loses its last member whose parent
 * is in another group of the same session, and a member of it is stopped, the kernel
 * sends the group SIGHUP then SIGCONT (POSIX job control: nobody is left to continue
 * it).  With -f the runner is a child subreaper, so the orphans come to it: a parent
 * in another group of the same session, and the kernel never sees the group orphaned;
 * the stopped orphan then waits forever, and so does whoever waits for it (strace's
 * orphaned_process_group and looping_threads, and the runner with them).  Under
 * strace the orphans go to init.  So the runner does what the kernel would have done
 * had they gone there: for a child it adopted stopped, it asks whether its group
 * would be orphaned with the runner counting as init, and if so signals the group
 * once.  (The signals are the runner's, SI_USER, where the kernel's are SI_KERNEL.) */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "orphans.h"
#include "pidns.h"

int sct_pstat(pid_t pid, struct sct_pstat *s)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strrchr(buf, ')');		/* comm may hold spaces and parentheses */
	if (!p || sscanf(p + 1, " %c %d %d %d", &s->state, &s->ppid, &s->pgrp, &s->session) != 4)
		return -1;
	return 0;
}

static int in(const pid_t *v, unsigned n, pid_t x)
{
	for (unsigned i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

static void add(pid_t *v, unsigned *n, pid_t x)
{
	if (*n == SCT_ORPHANS_MAX) {	/* forget the oldest */
		memmove(v, v + 1, (SCT_ORPHANS_MAX - 1) * sizeof(*v));
		(*n)--;
	}
	v[(*n)++] = x;
}

/* The kernel's will_become_orphaned_pgrp, with the runner taken for init: a member
 * whose parent is in another group of its session keeps the group attached (the
 * root is the runner's own child: its link counts). */
static int orphaned(pid_t pgrp, pid_t root)
{
	pid_t self = sct_pidns_self();
	struct dirent *e;
	DIR *dir = opendir("/proc");
	int attached = 0;

	if (!dir)
		return 0;
	while (!attached && (e = readdir(dir))) {
		struct sct_pstat m, p;
		pid_t pid = (pid_t)atoi(e->d_name);

		if (pid <= 0 || sct_pstat(pid, &m) < 0 || m.pgrp != pgrp ||
		    m.state == 'Z' || m.state == 'X')
			continue;
		if (m.ppid == self) {
			attached = pid == root;
			continue;
		}
		if (m.ppid <= 1 || sct_pstat(m.ppid, &p) < 0)
			continue;
		attached = p.pgrp != pgrp && p.session == m.session;
	}
	closedir(dir);
	return !attached;
}

void sct_orphans_check(struct sct_orphans *o, pid_t root)
{
	char path[64], buf[4096], *p, *end;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/task/%d/children", sct_pidns_self());
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (p = buf; *p; p = end) {
		struct sct_pstat s;
		pid_t pid = (pid_t)strtol(p, &end, 10);

		if (end == p)
			break;
		if (pid == root || in(o->seen, o->nseen, pid))
			continue;
		add(o->seen, &o->nseen, pid);
		/* only a child adopted stopped: the kernel looks when the group is orphaned */
		if (sct_pstat(pid, &s) < 0 || s.state != 'T' || in(o->hupped, o->nhupped, s.pgrp))
			continue;
		if (!orphaned(s.pgrp, root))
			continue;
		add(o->hupped, &o->nhupped, s.pgrp);
		kill(-s.pgrp, SIGHUP);
		kill(-s.pgrp, SIGCONT);
	}
}
