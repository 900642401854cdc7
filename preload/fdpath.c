/* -y and -P: what a descriptor names, resolved inside the traced process at the call.
 *
 * The runner cannot find it out afterwards: by the time it formats the record the
 * program may have closed the descriptor, reused its number or exited.  So with
 * sct_cfg.fdpath set, each record of a call with descriptors carries an
 * SCT_BLOB_FDPATH blob per descriptor argument (and one for a returned descriptor):
 * readlink("/proc/self/fd/N") made with a raw system call (never a traced one), as
 * strace's getfdpath reads /proc/PID/fd/N from outside.  Paths are read after the
 * call, when they are still what they were at its entry (where strace prints
 * arguments), except for the descriptor a call closes or replaces (close, dup2 and
 * dup3's newfd: kind fd_pre), read before it by sct_fdpath_pre; -yy's socket
 * details are taken before the call too (connect, bind, listen change them).
 * Nothing here runs when fdpath is 0. */
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include "wrap.h"
#include "calls.h"
#include "raw.h"
#include "sink.h"
#include "fdpath.h"
#include "fdpath_int.h"
#include "ioctl.h"
#include "clock.h"
#include "spare.h"

static const char del_sfx[] = " (deleted)";
#define DEL_SFX_LEN (sizeof(del_sfx) - 1)

#define FDP_DELETED SCT_FDP_DELETED

/* /proc/self/fd/N; AT_FDCWD: /proc/self/cwd (strace shows AT_FDCWD</home/me>) */
static size_t fd_link(char *dst, int fd)
{
	static const char pre[] = "/proc/self/fd/", cwd[] = "/proc/self/cwd";
	char digits[12];
	size_t n = 0, len = sizeof(pre) - 1;

	if (fd == AT_FDCWD) {
		memcpy(dst, cwd, sizeof(cwd));
		return sizeof(cwd) - 1;
	}
	memcpy(dst, pre, len);
	do
		digits[n++] = (char)('0' + fd % 10);
	while ((fd /= 10) && n < sizeof(digits));
	while (n)
		dst[len++] = digits[--n];
	dst[len] = '\0';
	return len;
}

/* The path of a call's fd_pre argument (close, dup2, dup3), resolved before the call:
 * { struct sct_fdpath_ent; path }, fd -1 when nothing was resolved.  A path longer
 * than this prints bare. */
#define PRE_SIZE 512
#define PRE_ROOM (PRE_SIZE - sizeof(struct sct_fdpath_ent))

/* Where paths are read, with the link's name, stat buffers and the fd_pre path: one
 * mapping per thread, made at its first use.  Not on the stack, which may be a small
 * signal stack (e2e signals: a 4 KiB one, mostly used when the handler's write is
 * recorded), nor in thread-local storage, which glibc takes from each thread's stack
 * (the program would see its stacks shrink: e2e glibcint's madvise lengths).  A
 * handler that interrupts a resolution and resolves one of its own (a traced call in
 * it) leaves its path here: the interrupted record may then show that path or, when
 * the two capture passes disagree, none (sink.h's `over`). */
#define MEMO_MAX 8

struct scratch {
	char buf[PATH_MAX];
	unsigned char pre[PRE_SIZE];
	struct sct_fdpath_sock pre_sock;	/* the fd_pre socket's details (-yy) */
	/* -yy: each descriptor argument's socket details as they were before the call
	 * (connect, bind, listen, an autobinding send change them; strace prints the
	 * arguments at the call's entry) */
	struct { int fd, ok; struct sct_fdpath_sock k; } arg_sock[SCT_MAX_ARGS];
	int pre_arg;		/* the argument whose entry is being written, or -1 */
	/* The capture's two passes (measure, copy) show the same paths, read once: the
	 * first pass keeps what it read here, in order, the second takes it back */
	struct memo {
		int fd;
		long n;
		uint32_t flags;
		struct sct_fdpath_ent dev;
		char path[PATH_MAX];
	} memo[MEMO_MAX];
	unsigned nmemo, imemo;
	char link[32];
	char info[256];		/* a pidfd's /proc/self/fdinfo/N */
	struct stat st_link, st_path;
};
static __thread struct scratch *scratch __attribute__((tls_model("initial-exec")));

static struct scratch *get_scratch(void)
{
	long p;

	if (__builtin_expect(sct_strict_thread(), 0))
		return NULL;	/* strict seccomp: readlink, fstat... are SIGKILL there */
	if (__builtin_expect(scratch != NULL, 1))
		return scratch;
	if (sct_sandboxed)		/* the program's seccomp filter may forbid mmap */
		return NULL;
	p = sct_sys(SYS_mmap, 0, sizeof(struct scratch), PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p < 0 && p > -4096)
		return NULL;
	scratch = (struct scratch *)p;
	for (unsigned i = 0; i < SCT_MAX_ARGS; i++)
		scratch->arg_sock[i].fd = -1;
	scratch->pre_arg = -1;
	return scratch;
}

/* Running on a small alternate signal stack, too near its end for the resolution
 * (e2e signals: a 4 KiB one, with a handler whose write and close are recorded)?
 * Then the descriptors print bare rather than overflow it into the program's data. */
#define STACK_NEED 2048

static int stack_low(void)
{
	stack_t ss;
	uintptr_t here = (uintptr_t)__builtin_frame_address(0);

	if (sct_sys(SYS_sigaltstack, NULL, &ss) != 0 || !(ss.ss_flags & SS_ONSTACK))
		return 0;
	return here - (uintptr_t)ss.ss_sp < STACK_NEED;
}

void sct_fdpath_thread_end(void)
{
	if (scratch)
		sct_sys(SYS_munmap, scratch, sizeof(struct scratch));
	scratch = NULL;
}

/* -yy: the process a pidfd refers to, from the "Pid:" line of its fdinfo (strace's
 * pidfd_get_pid); 0 when it cannot be told (-1 there: the process is gone). */
static long pidfd_pid(int fd)
{
	static const char pre[] = "/proc/self/fdinfo/";
	char *b = scratch->info;
	size_t len = sizeof(pre) - 1;
	long f, n, pid = 0;
	char digits[12];
	unsigned k = 0;

	memcpy(b, pre, len);
	do
		digits[k++] = (char)('0' + fd % 10);
	while ((fd /= 10) && k < sizeof(digits));
	while (k)
		b[len++] = digits[--k];
	b[len] = '\0';
	f = sct_sys(SYS_openat, AT_FDCWD, b, O_RDONLY | O_CLOEXEC);
	if (f < 0)
		return 0;
	n = sct_sys(SYS_read, f, b, sizeof(scratch->info) - 1);
	sct_sys(SYS_close, f);
	if (n <= 0)
		return 0;
	b[n] = '\0';
	for (char *p = b; *p; p++) {
		if ((p == b || p[-1] == '\n') && !memcmp(p, "Pid:", 4)) {
			for (p += 4; *p == ' ' || *p == '\t'; p++)
				;
			if (*p == '-')
				return 0;
			while (*p >= '0' && *p <= '9')
				pid = pid * 10 + (*p++ - '0');
			return pid;
		}
	}
	return 0;
}

/* The path of fd in `buf` (PATH_MAX bytes), its length, or -errno.  " (deleted)" is
 * cut off and said in *flags when the path no longer names the same file (strace's
 * get_proc_pid_fd_path: the suffix could be part of a real name).  The link is
 * scratch->link: fd's own, or with remote another process's descriptor, which is
 * then stat()ed through the link. */
static long resolve_link(int fd, int remote, char *buf, uint32_t *flags, struct sct_fdpath_ent *e)
{
	char *link = scratch->link;
	struct stat *st_link = &scratch->st_link, *st_path = &scratch->st_path;
	long n;

	*flags = 0;
	n = sct_sys(SYS_readlink, link, buf, PATH_MAX - 1);
	if (n < 0)
		return n;
	buf[n] = '\0';
	if (fd >= 0 && (size_t)n > DEL_SFX_LEN && !memcmp(buf + n - DEL_SFX_LEN, del_sfx, DEL_SFX_LEN) &&
	    (remote ? sct_sys(SYS_stat, link, st_link) : sct_sys(SYS_fstat, fd, st_link)) == 0) {
		/* the whole path: a file may be named "a (deleted)" */
		if (sct_sys(SYS_lstat, buf, st_path) != 0 || st_path->st_ino != st_link->st_ino ||
		    st_path->st_dev != st_link->st_dev) {
			n -= (long)DEL_SFX_LEN;
			buf[n] = '\0';
			*flags = FDP_DELETED;
		}
	}
	/* -yy: a character or block device also shows its numbers (strace's printdev) */
	if ((sct_cfg.fdpath & 2) && fd >= 0 && buf[0] == '/' &&
	    (remote ? sct_sys(SYS_stat, link, st_link) : sct_sys(SYS_fstat, fd, st_link)) == 0 &&
	    (S_ISCHR(st_link->st_mode) || S_ISBLK(st_link->st_mode))) {
		uint64_t d = st_link->st_rdev;
		e->dev_type = S_ISCHR(st_link->st_mode) ? 'c' : 'b';
		e->dev_major = (uint32_t)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffull));
		e->dev_minor = (uint32_t)((d & 0xff) | ((d >> 12) & ~0xffull));
	}
	/* -yy: a pidfd's process (shown <pid:N>), in dev_major */
	if ((sct_cfg.fdpath & 2) && fd >= 0 && !remote && n == 18 &&
	    !memcmp(buf, "anon_inode:[pidfd]", 18)) {
		long pid = pidfd_pid(fd);

		if (pid > 0) {
			e->dev_type = 'p';
			e->dev_major = (uint32_t)pid;
		}
	}
	return n;
}

static long resolve(int fd, char *buf, uint32_t *flags, struct sct_fdpath_ent *e)
{
	fd_link(scratch->link, fd);
	return resolve_link(fd, 0, buf, flags, e);
}

/* -yy on a socket: its protocol's name (the kernel's, as strace reads it from the
 * system.sockprotoname attribute) and, for TCP and UDP, its addresses when sock_diag
 * would list it (bound: this kernel lists bound TCP sockets too); 0 when there is
 * nothing to say. */
static int sock_info(int fd, struct sct_fdpath_sock *k)
{
	struct sockaddr_in6 a;
	socklen_t len;
	int v = 0;
	long n;

	memset(k, 0, sizeof(*k));
	n = sct_sys(SYS_getxattr, scratch->link, "system.sockprotoname", k->proto,
		    sizeof(k->proto) - 1);
	if (n <= 0)
		return 0;
	k->proto[n] = '\0';
	len = sizeof(v);
	if (sct_sys(SYS_getsockopt, fd, SOL_SOCKET, SO_DOMAIN, &v, &len) != 0)
		return 1;
	if (v == AF_UNIX) {
		struct sockaddr_un un;
		len = sizeof(un);
		if (sct_sys(SYS_getsockname, fd, &un, &len) == 0 && len > sizeof(sa_family_t) &&
		    len <= sizeof(un)) {
			k->unix_len = (uint8_t)(len - sizeof(sa_family_t));
			memcpy(k->unix_path, un.sun_path, k->unix_len);
		}
		return 1;
	}
	if (v == AF_NETLINK) {
		/* NETLINK:[ROUTE:1234] when bound (sock_diag's protocol and port id) */
		struct sockaddr_nl nl;
		int proto = 0;

		len = sizeof(proto);
		if (sct_sys(SYS_getsockopt, fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) != 0 ||
		    (len = sizeof(nl), sct_sys(SYS_getsockname, fd, &nl, &len) != 0) ||
		    len < sizeof(nl) || !nl.nl_pid)
			return 1;
		k->family = AF_NETLINK;
		k->dport = (uint16_t)proto;
		memcpy(k->src, &nl.nl_pid, sizeof(nl.nl_pid));
		return 1;
	}
	if (v != AF_INET && v != AF_INET6)
		return 1;
	int tcp = !strncmp(k->proto, "TCP", 3), udp = !strncmp(k->proto, "UDP", 3);
	if (!tcp && !udp)
		return 1;
	len = sizeof(a);
	if (sct_sys(SYS_getsockname, fd, &a, &len) != 0)
		return 1;
	k->sport = (uint16_t)(a.sin6_port >> 8 | a.sin6_port << 8);
	memcpy(k->src, v == AF_INET ? (const void *)&((struct sockaddr_in *)&a)->sin_addr
				   : (const void *)&a.sin6_addr, v == AF_INET ? 4 : 16);
	len = sizeof(a);
	if (sct_sys(SYS_getpeername, fd, &a, &len) == 0) {
		k->has_dst = 1;
		k->dport = (uint16_t)(a.sin6_port >> 8 | a.sin6_port << 8);
		memcpy(k->dst, v == AF_INET ? (const void *)&((struct sockaddr_in *)&a)->sin_addr
					   : (const void *)&a.sin6_addr, v == AF_INET ? 4 : 16);
	} else if (!k->sport) {
		return 1;		/* unbound: in none of sock_diag's tables, PROTO:[inode] */
	}
	k->family = (uint16_t)v;
	return 1;
}

/* An entry; `known`: the socket's details found before the call (fd_pre), else they
 * are asked now (the link of fd must be in scratch->link: resolve just ran). */
static void put_ent(struct sink *s, int fd, const char *path, uint32_t len, uint32_t flags,
		    const struct sct_fdpath_ent *dev, const struct sct_fdpath_sock *known)
{
	struct sct_fdpath_ent e = *dev;
	struct sct_fdpath_sock k;

	if (known)
		k = *known;
	else if (scratch->pre_arg >= 0 && scratch->arg_sock[scratch->pre_arg].fd == fd) {
		/* as it was before the call */
		k = scratch->arg_sock[scratch->pre_arg].k;
		if (scratch->arg_sock[scratch->pre_arg].ok)
			flags |= SCT_FDP_SOCK;
	} else if ((sct_cfg.fdpath & 2) && fd >= 0 && len > 8 && !memcmp(path, "socket:[", 8) &&
		   sock_info(fd, &k))
		flags |= SCT_FDP_SOCK;
	e.fd = fd;
	e.len = len;
	e.pad = flags;
	sct_sink_put_raw(s, &e, sizeof(e));
	sct_sink_put_raw(s, path, len);
	sct_sink_pad8(s);
	if (flags & SCT_FDP_SOCK)
		sct_sink_put_raw(s, &k, sizeof(k));
}

/* One entry for fd, resolved now; nothing when it names nothing. */
static void put_fd(struct sink *s, int fd)
{
	struct sct_fdpath_ent dev = { 0, 0, 0, 0, 0, 0 };
	struct scratch *sc = scratch;
	struct memo *m = NULL;
	uint32_t flags;
	char *buf = sc->buf;
	long n;

	if (!s->p && sc->nmemo < MEMO_MAX) {
		m = &sc->memo[sc->nmemo++];		/* measuring: keep it */
		buf = m->path;
	} else if (s->p && sc->imemo < sc->nmemo && sc->memo[sc->imemo].fd == fd) {
		m = &sc->memo[sc->imemo++];		/* copying: read already */
		fd_link(sc->link, fd);			/* for put_ent's socket questions */
		if (m->n >= 0)
			put_ent(s, fd, m->path, (uint32_t)m->n, m->flags, &m->dev, NULL);
		return;
	}
	n = resolve(fd, buf, &flags, &dev);
	if (m) {
		m->fd = fd;
		m->n = n;
		m->flags = flags;
		m->dev = dev;
	}
	if (n >= 0)
		put_ent(s, fd, buf, (uint32_t)n, flags, &dev, NULL);
}

void sct_fdpath_record(void)
{
	if (scratch)
		scratch->nmemo = scratch->imemo = 0;
}

/* /proc/PID/fd/N in `dst` (32 bytes) */
static void pid_fd_link(char *dst, long pid, int fd)
{
	static const char pre[] = "/proc/";
	char digits[12];
	size_t len = sizeof(pre) - 1;
	unsigned k = 0;

	memcpy(dst, pre, len);
	do
		digits[k++] = (char)('0' + pid % 10);
	while ((pid /= 10) && k < sizeof(digits));
	while (k)
		dst[len++] = digits[--k];
	memcpy(dst + len, "/fd/", 4);
	len += 4;
	do
		digits[k++] = (char)('0' + fd % 10);
	while ((fd /= 10) && k < sizeof(digits));
	while (k)
		dst[len++] = digits[--k];
	dst[len] = '\0';
}

void sct_fdpath_remote_fd(struct sink *s, unsigned arg, int pidfd, int fd)
{
	struct sct_fdpath_ent dev = { 0, 0, 0, 0, 0, 0 };
	struct sct_fdpath_sock none;
	uint32_t flags;
	long pid, n;

	if (pidfd < 0 || fd < 0 || (pid = pidfd_pid(pidfd)) <= 0)
		return;
	pid_fd_link(scratch->link, pid, fd);
	n = resolve_link(fd, 1, scratch->buf, &flags, &dev);
	if (n < 0)
		return;
	memset(&none, 0, sizeof(none));		/* no socket details: not ours to ask */
	sct_sink_blob_begin(s, arg, SCT_BLOB_FDPATH);
	put_ent(s, fd, scratch->buf, (uint32_t)n, flags & ~(uint32_t)SCT_FDP_SOCK, &dev, &none);
	sct_sink_blob_end(s, 0);
}

void sct_fdpath_blob_fd(struct sink *s, unsigned arg, int fd)
{
	if (fd < 0 && fd != AT_FDCWD)
		return;
	sct_sink_blob_begin(s, arg, SCT_BLOB_FDPATH);
	put_fd(s, fd);
	sct_sink_blob_end(s, 0);
}

/* Several descriptors of one argument in one blob, the negative ones left out */
void sct_fdpath_blob_fds(struct sink *s, unsigned arg, const int *fds, unsigned n)
{
	sct_sink_blob_begin(s, arg, SCT_BLOB_FDPATH);
	for (unsigned k = 0; k < n; k++)
		if (fds[k] >= 0)
			put_fd(s, fds[k]);
	sct_sink_blob_end(s, 0);
}

void sct_fdpath_pre(const struct sct_call *c, const uint64_t *a)
{
	struct scratch *sc = get_scratch();

	if (!sc || stack_low())
		return;
	for (unsigned i = 0; i < c->nargs && i < SCT_MAX_ARGS; i++) {
		struct sct_fdpath_ent e = { -1, 0, 0, 0, 0, 0 };
		uint32_t flags;
		int fd = (int)a[i];
		long n;

		sc->arg_sock[i].fd = -1;
		if (c->arg[i].kind == SCT_K_FD && (sct_cfg.fdpath & 2) && fd >= 0) {
			/* only a socket's details: its path does not change */
			fd_link(sc->link, fd);
			n = sct_sys(SYS_readlink, sc->link, sc->buf, 16);
			if (n > 8 && !memcmp(sc->buf, "socket:[", 8)) {
				sc->arg_sock[i].ok = sock_info(fd, &sc->arg_sock[i].k);
				sc->arg_sock[i].fd = fd;
			}
			continue;
		}
		if (c->arg[i].kind != SCT_K_FD_PRE)
			continue;
		if (fd >= 0 && (n = resolve(fd, sc->buf, &flags, &e)) >= 0 && (size_t)n <= PRE_ROOM) {
			if ((sct_cfg.fdpath & 2) && n > 8 && !memcmp(sc->buf, "socket:[", 8) &&
			    sock_info(fd, &sc->pre_sock))
				flags |= SCT_FDP_SOCK;
			e.fd = fd;
			e.len = (uint32_t)n;
			e.pad = flags;
			memcpy(sc->pre + sizeof(e), sc->buf, (size_t)n);
		}
		memcpy(sc->pre, &e, sizeof(e));
	}
}

static int dup_cmd(uint64_t cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC;
}

int sct_fdpath_wanted(const struct sct_call *c)
{
	if (c->ret == SCT_R_FD || c->ret == SCT_R_FCNTL || c->ret == SCT_R_LL_RULESET)
		return 1;
	for (unsigned i = 0; i < c->nargs; i++)
		switch (c->arg[i].kind) {
		case SCT_K_FD: case SCT_K_FD_PRE: case SCT_K_DIRFD: case SCT_K_PIPEFD: case SCT_K_FAN_DIRFD:
		case SCT_K_KCMP_IDX: case SCT_K_SADDR_IN: case SCT_K_CLONEFL: case SCT_K_MOUNT_ATTR:
		case SCT_K_FSCFG_AUX: case SCT_K_PIDFD_TFD:
		case SCT_K_SOCKFDS: case SCT_K_POLLFDS: case SCT_K_FDSET:
			return 1;
		}
	return 0;
}

#define MAX_SET_FDS 256			/* descriptors of one poll array or fd_set */

/* select's sets as passed (the pre-call copy, `bytes` of them): an entry per set bit */
void sct_fdpath_fdset(struct sink *s, unsigned arg, const unsigned char *set, size_t bytes,
		      uint64_t nfds)
{
	unsigned n = 0;

	if (!get_scratch() || stack_low())
		return;
	sct_sink_blob_begin(s, arg, SCT_BLOB_FDPATH);
	for (uint64_t fd = 0; fd < nfds && fd / 8 < bytes && n < MAX_SET_FDS; fd++)
		if (set[fd / 8] >> (fd % 8) & 1) {
			put_fd(s, (int)fd);
			n++;
		}
	sct_sink_blob_end(s, 0);
}

/* poll's array: an entry per descriptor, as the program passed them */
static void blob_pollfds(struct sink *s, unsigned arg, const struct pollfd *p, uint64_t cnt)
{
	struct pollfd pf;

	if (!p || !cnt)
		return;
	sct_sink_blob_begin(s, arg, SCT_BLOB_FDPATH);
	for (uint64_t k = 0; k < cnt && k < MAX_SET_FDS; k++) {
		if (sct_sink_peek(s, &pf, &p[k], sizeof(pf)) != sizeof(pf))
			break;
		if (pf.fd >= 0)
			put_fd(s, pf.fd);
	}
	sct_sink_blob_end(s, 0);
}

void sct_fdpath_capture(struct sink *s, const struct sct_call *c, const uint64_t *a, int64_t ret)
{
	int ok = !(ret < 0 && ret >= -4095);

	if (!get_scratch() || stack_low())
		return;

	for (unsigned i = 0; i < c->nargs; i++) {
		const struct sct_fdpath_ent *e = (const void *)scratch->pre;
		int fds[2];

		switch (c->arg[i].kind) {
		case SCT_K_FD:
			if ((int)a[i] >= 0) {
				scratch->pre_arg = (int)i;
				sct_fdpath_blob_fd(s, i, (int)a[i]);
				scratch->pre_arg = -1;
			}
			break;
		case SCT_K_DIRFD: case SCT_K_FAN_DIRFD:
			sct_fdpath_blob_fd(s, i, (int)a[i]);
			break;
		case SCT_K_KCMP_IDX: case SCT_K_LL_RULE: case SCT_K_CLONEFL: case SCT_K_FSCFG_AUX:
		case SCT_K_MOUNT_ATTR: case SCT_K_SADDR_IN: case SCT_K_URING_PARAMS:
		case SCT_K_PIDFD_TFD: case SCT_K_BPF_ATTR: case SCT_K_URING_REG_ARG: case SCT_K_MSG_IN:
		case SCT_K_MSG_OUT:
			sct_fdpath_arg(s, c, i, a, ret);	/* preload/fdpath_args.c */
			break;
		case SCT_K_IOCTL_ARG: {	/* a descriptor in the command's struct */
			int off = sct_ioctl_fd_offset((uint32_t)a[1], ok);

			if (off >= 0)
				sct_fdpath_blob_field_fd(s, i, a[i], (size_t)off);
			else if (off == SCT_IOCTL_FD_ARG && (int)a[i] >= 0)
				sct_fdpath_blob_fd(s, i, (int)a[i]);
			break;
		}
		case SCT_K_FD_PRE:
			if (e->fd < 0 || e->fd != (int)a[i] || e->len > PRE_ROOM)
				break;
			sct_sink_blob_begin(s, i, SCT_BLOB_FDPATH);
			put_ent(s, e->fd, (const char *)(e + 1), e->len, e->pad, e,
				(e->pad & SCT_FDP_SOCK) ? &scratch->pre_sock : NULL);
			sct_sink_blob_end(s, 0);
			break;
		case SCT_K_POLLFDS:
			if (c->arg[i].aux < SCT_MAX_ARGS)
				/* nfds is an unsigned int to the kernel (capture.c) */
				blob_pollfds(s, i, (const struct pollfd *)(uintptr_t)a[i],
					     (uint32_t)a[c->arg[i].aux]);
			break;
		case SCT_K_PIPEFD:
		case SCT_K_SOCKFDS:
			/* [3<pipe:[1]>, 4<pipe:[1]>]: the pair the call wrote */
			if (!ok || !a[i])
				break;
			/* the kernel wrote them: readable */
			memcpy(fds, (const void *)(uintptr_t)a[i], sizeof(fds));
			sct_sink_blob_begin(s, i, SCT_BLOB_FDPATH);
			if (fds[0] >= 0)
				put_fd(s, fds[0]);
			if (fds[1] >= 0)
				put_fd(s, fds[1]);
			sct_sink_blob_end(s, 0);
			break;
		}
	}
	if (ok && ret >= 0 && (c->ret == SCT_R_FD || (c->ret == SCT_R_FCNTL && dup_cmd(a[1])) ||
			       (c->ret == SCT_R_LL_RULESET && !(a[2] & 1)) ||
			       (c->ret == SCT_R_BPF && SCT_BPF_RET_FD((uint32_t)a[0]))))
		sct_fdpath_blob_fd(s, SCT_BLOB_ARG_RET, (int)ret);
	if (s->p)		/* the record is written: what sct_fdpath_pre saw is spent */
		for (unsigned i = 0; i < SCT_MAX_ARGS; i++)
			scratch->arg_sock[i].fd = -1;
}
