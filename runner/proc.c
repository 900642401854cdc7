/* What /proc says of a task: alive, its parent chain, its start time.  The runner
 * asks it about the pids it finds in ring headers and records (runner/drain.c,
 * runner/loop.c); preload/reserve.c reads the same of the runner with raw calls. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "drain.h"
#include "pidns.h"

int sct_task_alive(int pid, int tid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", sct_pidns_proc(pid),
		 sct_pidns_proc_tid(pid, tid));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');		/* comm may hold spaces and parentheses */
	if (!p || p[1] != ' ')
		return 1;
	return p[2] != 'Z' && p[2] != 'X';
}

/* The fields of /proc/PID/stat after the command name (which may hold anything). */
static int read_stat(int pid, char *buf, size_t cap, char **rest)
{
	char path[64], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, cap - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	if (!p || p[1] != ' ')
		return -1;
	*rest = p + 2;		/* field 3, the state */
	return 0;
}

/* Field `n` (1-based, n >= 3) of /proc/PID/stat as a number; -1 if unknown. */
static long long stat_field(int pid, int n)
{
	char buf[1024], *p, *end;
	long long v;

	if (read_stat(pid, buf, sizeof(buf), &p) < 0)
		return -1;
	for (int i = 3; i < n; i++) {
		p = strchr(p, ' ');
		if (!p)
			return -1;
		p++;
	}
	v = strtoll(p, &end, 10);
	return end == p ? -1 : v;
}

uint64_t sct_proc_start_time(int pid)
{
	long long v = stat_field(pid, 22);

	return v > 0 ? (uint64_t)v : 0;
}

int sct_is_descendant(int pid)
{
	return sct_is_descendant_of(pid, sct_pidns_self());
}

int sct_is_descendant_of(int pid, int self)
{
	pid = sct_pidns_proc(pid);	/* the chain is /proc's */
	/* a chain deeper than this is no tree a traced command builds in practice */
	for (int depth = 0; depth < 4096 && pid > 1; depth++) {
		long long ppid = stat_field(pid, 4);

		if (ppid == self)
			return 1;
		if (ppid <= 0 || ppid == pid)
			return 0;
		pid = (int)ppid;
	}
	return 0;
}
