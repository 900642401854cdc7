/* Starting the traced command: find it as strace does, find libsctrace.so, build
 * the environment of format/session.h, fork and exec. */
#ifndef SCT_SPAWN_H
#define SCT_SPAWN_H

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

/* strace's lookup: a name with '/' is used as is, else the first regular file with
 * an execute bit along $PATH (an empty entry is the current directory).  0, or
 * -errno of the final stat (-ENAMETOOLONG for an over-long name). */
int sct_resolve_command(const char *name, const char *pathvar, char *out, size_t len);

/* Why the resolved command `cmd` will run without the library (format/image.h), or
 * NULL. */
const char *sct_command_untraced(const char *cmd);

/* $SCTRACE_LIB, else libsctrace.so next to the running executable, else
 * $prefix/lib/sctrace/libsctrace.so; an absolute path.  0, or -errno with a
 * description of where it looked in `where`. */
int sct_find_library(char *out, size_t len, char *where, size_t wlen);

/* The environment for the command: `env` minus any SCTRACE_* variable the runner
 * sets, plus `set` (NULL-terminated "NAME=VALUE" strings), with LD_PRELOAD=`lib`
 * prepended to the existing list.  Returns a malloc'd NULL-terminated array whose
 * strings are either `env`'s, `set`'s, or owned by the array; NULL on ENOMEM. */
char **sct_build_env(char *const *env, char *const *set, const char *lib);

/* The name=value string in `envp` that the child rewrites with its own pid. */
#define SCT_ROOT_SLOT_LEN 32

/* -u USER: the command is to run as USER (strace's checks and messages: "You must be
 * root to use the -u/--username option", "Cannot find user 'USER'").  0, or -1 with
 * err.  sct_spawn then sets the groups, gid and uid in the child before its exec, as
 * strace does (a set-user-ID or set-group-ID command keeps its file's effective id). */
int sct_spawn_user(const char *name, char *err, size_t errlen);

/* The uid and gid of -u's user; 0 when no -u was given. */
int sct_spawn_user_ids(uid_t *uid, gid_t *gid);

/* Note the signals sctrace was given ignored, first thing: sct_spawn's command gets
 * them ignored again. */
void sct_spawn_note_ignored(void);

/* fork; in the child write "SCTRACE_ROOT=<pid>" into `root_slot`, restore `mask`
 * and SIGPIPE's `pipe_disp` and SIGCHLD's `chld_disp` (what sctrace was given), execve.  Returns the child's pid (or -errno of fork);
 * *exec_err is 0, or the errno of a failed execve (the child then exits 1). */
pid_t sct_spawn(const char *path, char *const *argv, char *const *envp, char *root_slot,
		const sigset_t *mask, void (*pipe_disp)(int), void (*chld_disp)(int),
		int *exec_err);

#endif
