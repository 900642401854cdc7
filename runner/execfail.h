/* The execve line of a command that could not be exec'd. */
#ifndef SCT_EXECFAIL_H
#define SCT_EXECFAIL_H

#include <stddef.h>

/* Build in buf the record the library would have written for the child's failed
 * execve(path, argv, envp) = -err (strace prints that line before the child's
 * "+++ exited with 1 +++").  Its size, or 0 when cap is too small. */
size_t sct_exec_failed(void *buf, size_t cap, const char *path, char *const *argv,
		       char *const *envp, unsigned strsize, int err, int pid);

#endif
