/* posix_spawn and posix_spawnp: the child gets the tracer back into the environment
 * it is given (its execve is then recorded by the new image under -f).  The clone3
 * and the child's set-up happen inside glibc and are not reported. */
#include "hand.h"

static int (*real_posix_spawn)(pid_t *, const char *, const posix_spawn_file_actions_t *,
			       const posix_spawnattr_t *, char *const[], char *const[]);
static int (*real_posix_spawnp)(pid_t *, const char *, const posix_spawn_file_actions_t *,
				const posix_spawnattr_t *, char *const[], char *const[]);

SCT_EXPORT int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
			   const posix_spawnattr_t *at, char *const argv[], char *const envp[])
{
	WITH_ENV(envp, fixed);

	return SCT_REAL(posix_spawn)(pid, path, fa, at, argv, fixed);
}

SCT_EXPORT int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
			    const posix_spawnattr_t *at, char *const argv[], char *const envp[])
{
	WITH_ENV(envp, fixed);

	return SCT_REAL(posix_spawnp)(pid, file, fa, at, argv, fixed);
}
