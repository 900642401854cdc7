/* The library's constructor and destructor: read the session from the environment,
 * record this image's execve, and at exit its exit_group and "+++ exited" lines. */
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include "inject.h"
#include "wrap.h"
#include "capture.h"
#include "dispatch.h"
#include "dump.h"
#include "attach.h"
#include "init.h"
#include "raw.h"
#include "pidns.h"
#include "session.h"
#include "sigown.h"
#include "spare.h"
#include "standalone.h"
#include "thread.h"
#include "notes.h"
#include "untraced.h"

struct sct_config sct_cfg;
static char keep_buf[8192];		/* copies of the SCTRACE_* variables */
static int exit_known, exit_code;

/* Where the settings come from: the environment, or (attach, preload/attach.c) the
 * variables a runner wrote into the control page. */
static const char *from_env(const char *name)
{
	return getenv(name);
}

static const char *(*cfg_get)(const char *name) = from_env;

static unsigned long env_num(const char *name, unsigned long dflt)
{
	const char *v = cfg_get(name);
	char *end;
	unsigned long n;

	if (!v || !*v)
		return dflt;
	n = strtoul(v, &end, 10);
	return *end ? dflt : n;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* SCTRACE_FILTER: SCT_MAX_CALLS/4 hex digits, most significant bit first. */
static void parse_filter(const char *v)
{
	memset(sct_cfg.filter, 0xff, sizeof(sct_cfg.filter));
	if (!v || strlen(v) != SCT_MAX_CALLS / 4)
		return;
	memset(sct_cfg.filter, 0, sizeof(sct_cfg.filter));
	for (unsigned d = 0; d < SCT_MAX_CALLS / 4; d++) {
		int x = hexval(v[d]);
		unsigned bit = SCT_MAX_CALLS - 4 - 4 * d;
		if (x < 0) {
			memset(sct_cfg.filter, 0xff, sizeof(sct_cfg.filter));
			return;
		}
		sct_cfg.filter[bit / 64] |= (uint64_t)x << (bit % 64);
	}
}

/* Keep copies of SCTRACE_* for every exec: the program may change its environment. */
static void keep_env(char **envp)
{
	size_t used = 0;

	for (char **e = envp; e && *e && sct_cfg.nkeep < SCT_ENV_KEEP_MAX; e++) {
		size_t n = strlen(*e) + 1;
		if (strncmp(*e, "SCTRACE_", 8) || used + n > sizeof(keep_buf) ||
		    !strncmp(*e, SCT_ENV_ENVNULL "=", sizeof(SCT_ENV_ENVNULL)))
			continue;
		memcpy(keep_buf + used, *e, n);
		sct_cfg.keep[sct_cfg.nkeep++] = keep_buf + used;
		used += n;
	}
}

/* The entries of LD_PRELOAD up to and including this library. */
static void keep_ld_head(const char *ld)
{
	size_t n = strlen(sct_cfg.lib);

	strcpy(sct_cfg.ld_head, sct_cfg.lib);
	for (const char *p = ld; p && *p;) {
		size_t len = strcspn(p, ": ");
		if (len == n && !strncmp(p, sct_cfg.lib, n)) {
			if ((size_t)(p + len - ld) < sizeof(sct_cfg.ld_head)) {
				memcpy(sct_cfg.ld_head, ld, (size_t)(p + len - ld));
				sct_cfg.ld_head[p + len - ld] = 0;
			}
			return;
		}
		p += len + (p[len] != 0);
	}
}

static void open_output(void)
{
	const char *path = getenv(SCT_ENV_OUTPUT);
	long fd = 2;

	if (path && *path) {
		fd = sct_sys(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd < 0)
			fd = 2;
	}
	/* A descriptor of our own, out of the program's way: it may close or reuse 2. */
	long hi = sct_sys(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 990);
	if (hi >= 0) {
		if (fd != 2)
			sct_sys(SYS_close, fd);
		fd = hi;
	}
	sct_cfg.out_fd = (int)fd;
}

/* -b execve: what this image is, from SCT_ENV_DETACH, which is moved on in place
 * (the string in envp is the one environ, forks and the exec wrappers pass on):
 * 0 no -b, 1 the command's own image, 2 an image to detach, 3 one detached before. */
static int detach_state(char **envp)
{
	static const char name[] = SCT_ENV_DETACH "=";
	size_t n = sizeof(name) - 1;

	for (char **e = envp; e && *e; e++) {
		char *v = *e + n;
		if (strncmp(*e, name, n) || v[0] < '1' || v[0] > '3' || v[1])
			continue;
		int state = v[0] - '0';
		if (state < 3)
			v[0] = (char)('1' + state);
		return state;
	}
	return 0;
}

static int detach_now;

/* The settings of a session: from the environment at start, from the control page
 * when a runner attaches.  0, or -1 when they name no usable session. */
static int session_config(void)
{
	const char *session = cfg_get(SCT_ENV_SESSION), *mode = cfg_get(SCT_ENV_MODE);
	unsigned long ring;
	int dormant = (!session || !*session) && sct_attach_wanted();

	sct_cfg.standalone = !session || !*session;
	/* Exec'd under the program's seccomp filter: our first openat might be what it
	 * kills.  The image that exec'd us said so (preload/spare.c); stay dormant. */
	if (getenv(SCT_ENV_SECCOMP))
		sct_sandboxed = 1;
	if (dormant) {		/* until a runner attaches: no output of our own */
		sct_cfg.standalone = 0;
		sct_cfg.mode = SCT_MODE_OFF;
		sct_cfg.out_fd = 2;
	} else if (sct_cfg.standalone && sct_sandboxed) {
		sct_cfg.mode = SCT_MODE_OFF;
		sct_cfg.out_fd = 2;
	} else if (sct_cfg.standalone) {
		sct_cfg.mode = env_num(SCT_ENV_COUNT, 0) ? SCT_MODE_COUNT : SCT_MODE_TRACE;
		sct_cfg.follow = 1;
		open_output();
	} else {
		if (strlen(session) >= sizeof(sct_cfg.session))
			return -1;
		strcpy(sct_cfg.session, session);
		sct_cfg.mode = mode && !strcmp(mode, "count") ? SCT_MODE_COUNT : SCT_MODE_TRACE;
		sct_cfg.follow = env_num(SCT_ENV_FOLLOW, 0) != 0;
		sct_cfg.root_pid = (int)env_num(SCT_ENV_ROOT, 0);
		sct_cfg.runner_pid = (int)env_num(SCT_ENV_RUNNER, 0);
		sct_pidns_config(getenv(SCT_ENV_PIDNS));
		sct_cfg.drop = env_num(SCT_ENV_DROP, 0) != 0;
		sct_no_t1 = env_num(SCT_ENV_NODUR, 0) != 0;
		if (sct_sandboxed)
			sct_cfg.mode = SCT_MODE_OFF;
		if (!sct_cfg.follow && sct_cfg.root_pid != (int)sct_sys0(SYS_getpid))
			sct_proc_off = 1;
	}
	sct_cfg.complete = !env_num(SCT_ENV_LIBC_ONLY, 0);
	sct_cfg.strsize = (unsigned)env_num(SCT_ENV_STRSIZE, SCT_DEFAULT_STRSIZE);
	if (sct_cfg.strsize > 1u << 20)
		sct_cfg.strsize = 1u << 20;
	sct_cfg.fdpath = (unsigned)env_num(SCT_ENV_FDPATH, 0) & 3;
	sct_cfg.noabbrev = env_num(SCT_ENV_NOABBREV, 0) != 0;
	sct_cfg.show_ip = env_num(SCT_ENV_IP, 0) != 0;
	ring = env_num(SCT_ENV_RINGSIZE, SCT_DEFAULT_RING);
	if (ring < 256 * 1024 || ring > (1ul << 30) || (ring & (ring - 1)))
		ring = SCT_DEFAULT_RING;	/* must hold two of the largest records */
	sct_cfg.ring_size = (uint32_t)ring;
	parse_filter(cfg_get(SCT_ENV_FILTER));
	sct_dump_init(cfg_get(SCT_ENV_DUMP_READ), cfg_get(SCT_ENV_DUMP_WRITE));
	sct_inject_init(cfg_get(SCT_ENV_INJECT));
	sct_clock_init(&sct_cfg.clock, cfg_get(SCT_ENV_TSC));
	if (cfg_get(SCT_ENV_COUNT_EXTRA)) {
		/* ns to this clock's ticks: ns = ticks * mult >> shift */
		unsigned __int128 ov = env_num(SCT_ENV_COUNT_EXTRA, 0);
		sct_cfg.count_extra = 1;
		sct_cfg.overhead = sct_cfg.clock.mult ?
			(uint64_t)((ov << sct_cfg.clock.shift) / sct_cfg.clock.mult) : 0;
	}
	return 0;
}

int sct_config_load(const char *(*get)(const char *name))
{
	int r;

	cfg_get = get;
	r = session_config();
	cfg_get = from_env;
	return r;
}

static void read_config(char **envp)
{
	Dl_info di;

	if (session_config() < 0)
		return;
	switch (sct_cfg.standalone ? 0 : detach_state(envp)) {
	case 2:
		detach_now = !sct_proc_off && sct_cfg.mode != SCT_MODE_OFF;
		break;
	case 3:
		sct_cfg.mode = SCT_MODE_OFF;
		break;
	}
	keep_env(envp);
	if (dladdr((void *)read_config, &di) && di.dli_fname && strlen(di.dli_fname) < PATH_MAX)
		strcpy(sct_cfg.lib, di.dli_fname);
	keep_ld_head(getenv("LD_PRELOAD"));
}

/* Complete mode was wanted but the kernel or a sandbox refuses it: say what is
 * therefore missed, and go on as with --libc-only. */
static void note_libc_only(void)
{
	/* the note goes into this process's ring page: make the ring first */
	(void)sct_thread_any(SCT_CALL_execve);
	sct_note_untraced(SCT_NOTE_NODISPATCH, (int)sct_sys0(SYS_getpid),
			  (int)sct_sys0(SYS_gettid), sct_dispatch_off_reason);
}

/* "/dev/fd/N": the kernel's name for an image run by execveat(N, "", AT_EMPTY_PATH),
 * which is what fexecve does; -1 otherwise. */
static int execveat_fd(const char *fn)
{
	char *end;
	long fd;

	if (strncmp(fn, "/dev/fd/", 8) || !fn[8])
		return -1;
	fd = strtol(fn + 8, &end, 10);
	return *end || fd < 0 ? -1 : (int)fd;
}

/* This image's execve, as the kernel ran it: AT_EXECFN is the path the caller passed.
 * The caller's exec wrapper leaves SCT_ENV_ENVNULL when it passed envp = NULL (we
 * only see the environment it was given instead). */
static void record_execve(char **argv, char **envp)
{
	const char *fn = (const char *)getauxval(AT_EXECFN);
	int fd = fn ? execveat_fd(fn) : -1;
	unsigned call = fd >= 0 ? SCT_CALL_execveat : SCT_CALL_execve;
	uint64_t env = getenv(SCT_ENV_ENVNULL) ? 0 : (uint64_t)(uintptr_t)envp;
	uint64_t a[SCT_MAX_ARGS] = { (uintptr_t)fn, (uintptr_t)argv, env };
	uint64_t b[SCT_MAX_ARGS] = { (uint64_t)fd, (uintptr_t)"", (uintptr_t)argv, env, AT_EMPTY_PATH };
	struct sct_thread *t = sct_thread_any(call);
	uint64_t now = sct_now();

	unsetenv(SCT_ENV_ENVNULL);	/* about this exec only, not the next */
	if (t) {
		t->trap_ip = 1;		/* -i: the old image's address is gone */
		sct_done(t, call, fd >= 0 ? b : a, 0, now, now, NULL);
		t->trap_ip = 0;
	}
}

/* CALL(N) = ? and +++ exited with N +++, in the calling thread's ring: exit_group at
 * process exit, exit when a thread ends. */
void sct_record_end(unsigned call, int code)
{
	if (!sct_self.trap)	/* else the kernel's own exit call traps and records */
		sct_record_last(call, code);
}

void sct_record_last(unsigned call, int code)
{
	struct sct_thread *t = sct_thread_any(call);
	struct sct_rec *r;

	if (!t) {
		t = &sct_self;
		if (t->state != SCT_T_READY)
			return;
	} else if (!t->counting && (r = sct_reserve(t, sizeof(*r)))) {
		/* (strace -c never counts a call that does not return) */
		sct_rec_header(t, r, sizeof(*r), SCT_REC_CALL, call);
		r->flags = SCT_RF_NORETURN;
		r->arg[0] = (uint64_t)(int64_t)code;
		sct_ring_commit(&t->ring);
	}
	if (!t->counting && (r = sct_reserve(t, sizeof(*r)))) {
		sct_rec_header(t, r, sizeof(*r), SCT_REC_EXIT, 0);
		r->arg[0] = (uint64_t)(code & 0xff);
		sct_ring_commit(&t->ring);
	}
}

void sct_note_exit(int code)
{
	exit_code = code;
	exit_known = 1;
}

/* Process exit through exit() or a return from main: after atexit handlers. */
void sct_finish(void)
{
	sct_attach_exit();
	if (!sct_cfg.ready || sct_self.trap)	/* trapped exit_group finishes */
		return;
	if (exit_known) {
		exit_known = 0;
		sct_record_end(SCT_CALL_exit_group, exit_code);
	}
	if (sct_cfg.standalone)
		sct_standalone_exit();
	else
		sct_thread_close(&sct_self);
}

/* The library is linked with -z initfirst: the loader runs this before the
 * constructors of every other library, libc's included, so that complete mode is armed
 * before other libraries' constructors make their calls (libselinux's statfs and
 * access in ls).  libc has not set environ yet then: it gets the same envp. */
extern char **environ;

__attribute__((constructor)) static void sct_init(int argc, char **argv, char **envp)
{
	(void)argc;
	if (!environ)
		environ = envp;
	read_config(envp);
	sct_sigown_init();	/* before anything reads program memory */
	sct_capture_init();
	sct_thread_init();
	sct_cfg.ready = 1;
	if (sct_cfg.mode == SCT_MODE_OFF && !sct_cfg.standalone && !sct_sandboxed &&
	    sct_attach_wanted() && !sct_cfg.session[0])
		sct_attach_init();	/* (failing, it stays off: nothing to tell it by) */
	if (detach_now)
		sct_record_detach();
	record_execve(argv, envp);
	if (detach_now) {	/* -b execve: strace detaches here, after the exec */
		sct_thread_close(&sct_self);
		sct_proc_off = 1;
		return;
	}
	if (sct_cfg.complete && sct_cfg.mode != SCT_MODE_OFF && !sct_proc_off &&
	    sct_dispatch_init() < 0)
		note_libc_only();
}

__attribute__((destructor)) static void sct_fini(void)
{
	sct_finish();
}

static long sct_enosys(void)
{
	errno = ENOSYS;
	return -1;
}

void *sct_resolve(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	return p ? p : (void *)sct_enosys;
}
