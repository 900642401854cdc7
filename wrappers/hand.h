/* Shared by the hand-written wrappers. */
#ifndef SCT_HAND_H
#define SCT_HAND_H

#include <alloca.h>
#include "out.h"
#include "wrap.h"

/* The environment every exec passes: the caller's, with LD_PRELOAD and the SCTRACE_*
 * variables put back (no duplicates).  `slots` must hold sct_env_slots(envp) entries,
 * `ld` sct_env_ldlen(envp) bytes; both usually on the caller's stack (vfork children
 * must not allocate). */
size_t sct_env_slots(char *const *envp);
size_t sct_env_ldlen(char *const *envp);
char **sct_env_fix(char *const *envp, char **slots, size_t nslots, char *ld, size_t ldlen);

/* Declare `fixed`: envp with the tracer put back, built on this frame's stack (envp
 * itself when it cannot be read: the kernel then fails the call as untraced). */
#define WITH_ENV(envp, fixed) \
	size_t fixed##_n = sct_env_slots(envp), fixed##_l = sct_env_ldlen(envp); \
	char **fixed = sct_env_fix((envp), alloca(fixed##_n * sizeof(char *)), fixed##_n, \
				   alloca(fixed##_l), fixed##_l)

/* Announce in the trace that the image at `path` will run untraced (setuid/setgid,
 * statically linked, under a seccomp filter), just before exec'ing it.  Returns a
 * note slot to give to sct_note_cancel when the exec fails, or -1. */
int sct_exec_note(const char *path);

/* vfork's two sides (wrappers/fork.c), also used for clone(CLONE_VM|CLONE_VFORK): the
 * child runs on the suspended parent's state under its own pid; the parent restores
 * its state when the call returns. */

/* _exit of a clone(CLONE_VM) child sharing this thread's storage (wrappers/clone.c). */
void sct_clone_child_exit(void);

/* An exec wrapper records the call as the program made it (the environment it
 * passes differs): in complete mode the trapped execve is then not recorded again. */
static inline struct sct_thread *sct_exec_begin(unsigned call)
{
	if (!sct_self.trap)
		return sct_begin(call);
	sct_self.in_exec = 1;
	return sct_thread_any(call);
}

/* Record a finished call made by a hand-written wrapper. */
static inline void sct_hand_done(struct sct_thread *t, unsigned call, const uint64_t *a,
				 int64_t ret, uint64_t t0, uint64_t t1)
{
	if (t)
		sct_done(t, call, a, ret, t0, t1, NULL);
}

#endif
