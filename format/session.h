/* The contract between the runner and the preloaded library: environment variables
 * set by `sctrace` for the traced command (and carried across every exec), and the
 * layout of the session directory. */
#ifndef SCT_SESSION_H
#define SCT_SESSION_H

#include <stddef.h>

/* Runner mode.  SCTRACE_SESSION names a directory the runner created (mode 0700);
 * each traced thread creates "<pid>.<tid>.ring" in it (mode 0600), a struct sct_ring
 * file (format/record.h); when that name is still taken (the same thread's previous
 * image, after an exec, before the runner has mapped its ring) it uses the first free
 * "<pid>.<tid>.<n>.ring", n = 1, 2, ...  The runner unlinks a ring file as soon as it has mapped it
 * (the mapping keeps the data), so the name is free again for the same pid and tid
 * after an exec; it retires the mapping once drained and SCT_RING_CLOSED, or once its
 * process is gone, or when a newer ring of the same pid and tid appears. */
#define SCT_ENV_SESSION   "SCTRACE_SESSION"	/* session directory */
#define SCT_ENV_MODE      "SCTRACE_MODE"	/* "trace" (records) or "count" (-c: counters only) */
#define SCT_ENV_STRSIZE   "SCTRACE_STRSIZE"	/* -s N: bytes captured per string/buffer is N + 1 */
#define SCT_ENV_FOLLOW    "SCTRACE_FOLLOW"	/* "1" with -f: children are traced too */
#define SCT_ENV_ROOT      "SCTRACE_ROOT"	/* pid of the traced command; without -f only it is traced */
#define SCT_ENV_RUNNER    "SCTRACE_RUNNER"	/* runner's pid: a writer stops waiting when it is gone */
#define SCT_ENV_FILTER    "SCTRACE_FILTER"	/* -e trace=: 64 hex digits, bit i = sct_calls[i] traced */
#define SCT_ENV_INJECT    "SCTRACE_INJECT"	/* -e inject=/fault=: the rules (format/inject.h) */
#define SCT_ENV_DUMP_READ "SCTRACE_DUMP_READ"	/* -e read=: "[!]HEX", up to 8192 hex digits, most
						 * significant first: bit fd = dump what fd reads */
#define SCT_ENV_DUMP_WRITE "SCTRACE_DUMP_WRITE"	/* -e write=: the same for what is written */
#define SCT_ENV_RINGSIZE  "SCTRACE_RING_SIZE"	/* bytes of record data per thread, power of two */
#define SCT_ENV_TSC       "SCTRACE_TSC"		/* "MULT:SHIFT": use the TSC; a rough rate, the runner converts (runner/calibrate.c) */
#define SCT_ENV_DROP      "SCTRACE_DROP"	/* "1": never wait for the runner, count drops */
#define SCT_ENV_NODUR     "SCTRACE_NODUR"	/* "1": no durations shown (no -T/-c/-C): skip t1 */
#define SCT_ENV_COUNT_EXTRA "SCTRACE_COUNT_EXTRA"	/* -c with -O, or min/max times asked for
					 * (-U, -S): "OVERHEAD_NS": each call's time, less
					 * that, is kept in min and max too */
#define SCT_ENV_DETACH    "SCTRACE_DETACH_EXEC"	/* -b execve: "1" for the command's image,
					 * which rewrites it in place to "2": an image exec'd
					 * after it detaches, and makes it "3" (silent) */
#define SCT_ENV_IP        "SCTRACE_IP"		/* "1" with -i: records carry the call's address */
#define SCT_ENV_LIBC_ONLY "SCTRACE_LIBC_ONLY"	/* "1": entry points only, no Syscall User Dispatch */
#define SCT_ENV_ENVNULL   "SCTRACE_ENVNULL"	/* set by an exec wrapper when the caller passed envp = NULL */
#define SCT_ENV_FDPATH    "SCTRACE_FDPATH"	/* -y/-P: "1" record each descriptor's path
						 * (readlink of /proc/self/fd/N) with the call, "3"
						 * also device numbers (-yy) */
#define SCT_ENV_NOABBREV  "SCTRACE_NOABBREV"	/* "1" with -v (execve unabbreviated): every
						 * element of argv and envp is captured, not -s */
#define SCT_ENV_SECCOMP   "SCTRACE_SECCOMP"	/* "1": set by the library once the program's seccomp filter is
						 * in force; an image exec'd under it stays dormant */
#define SCT_ENV_PIDNS     "SCTRACE_PIDNS"	/* "INO:DEV:LEVEL": the runner's pid namespace (inode),
						 * its /proc (st_dev) and its depth below that /proc's
						 * namespace: a task elsewhere says where it is
						 * (preload/pidns.c) */

/* Standalone mode (no SCTRACE_SESSION): the library prints by itself. */
#define SCT_ENV_OUTPUT    "SCTRACE_OUTPUT"	/* file to write the trace to (default stderr) */
#define SCT_ENV_COUNT     "SCTRACE_COUNT"	/* "1": print the -c table at exit instead */

/* Is `lib` one of the entries of an LD_PRELOAD value (separated by ':' or ' ', as the
 * loader reads it)?  Both sides use it so that the library is never listed twice. */
static inline int sct_ld_has(const char *list, const char *lib)
{
	size_t n = __builtin_strlen(lib);

	for (const char *p = list; p && *p;) {
		size_t len = 0;
		while (p[len] && p[len] != ':' && p[len] != ' ')
			len++;
		if (len == n && !__builtin_memcmp(p, lib, n))
			return 1;
		p += len + (p[len] != 0);
	}
	return 0;
}

#define SCT_RING_SUFFIX   ".ring"
#define SCT_DEFAULT_RING  (1u << 20)		/* 1 MiB of records per thread */
#define SCT_DEFAULT_STRSIZE 32

#endif
