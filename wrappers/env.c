/* Putting the tracer back into an environment the program scrubbed or replaced.
 *
 * The program may pass any envp: the kernel answers EFAULT for one that runs into
 * unmapped memory.  The walks here read it through the fault-safe copy first; an envp
 * that cannot be read whole goes to the kernel as it was, so the program gets the
 * kernel's error as untraced. */
#include <stdlib.h>
#include "hand.h"
#include "safemem.h"
#include "session.h"
#include "spare.h"

#define ENV_STR_MAX (1u << 20)	/* the kernel refuses strings over 128 KiB (E2BIG) */

/* Is every element of envp, and the string it points to, readable up to the NULL? */
static int env_readable(char *const *envp)
{
	uint64_t saved = sct_safe_begin();
	int ok = 1;

	for (size_t i = 0; envp; i++) {
		char *p;
		long n;
		if (sct_safe_copy(&p, &envp[i], sizeof(p)) != sizeof(p)) {
			ok = 0;
			break;
		}
		if (!p)
			break;
		n = sct_safe_str(NULL, p, ENV_STR_MAX);
		if (n < 0 || n == ENV_STR_MAX) {
			ok = 0;
			break;
		}
	}
	sct_safe_end(saved);
	return ok;
}

static const char *ld_value(char *const *envp)
{
	for (char *const *e = envp; e && *e; e++)
		if (!strncmp(*e, "LD_PRELOAD=", 11))
			return *e + 11;
	return NULL;
}

size_t sct_env_slots(char *const *envp)
{
	size_t n = 0;

	if (!env_readable(envp))
		return 1;
	for (char *const *e = envp; e && *e; e++)
		n++;
	return n + (size_t)sct_cfg.nkeep + 4;
}

size_t sct_env_ldlen(char *const *envp)
{
	const char *v;

	if (!env_readable(envp))
		return 1;
	v = ld_value(envp);

	return sizeof("LD_PRELOAD=:") + strlen(sct_cfg.ld_head) + (v ? strlen(v) : 0);
}

/* Does the environment say which session it belongs to?  Then it is the caller's
 * (a program that kept its environment, or an sctrace started inside a traced
 * program, which names its own session): its SCTRACE_* variables stay as they are. */
static int has_session(char *const *envp)
{
	for (char *const *e = envp; e && *e; e++)
		if (!strncmp(*e, SCT_ENV_SESSION "=", sizeof(SCT_ENV_SESSION)) ||
		    !strncmp(*e, SCT_ENV_OUTPUT "=", sizeof(SCT_ENV_OUTPUT)) ||
		    !strncmp(*e, SCT_ENV_COUNT "=", sizeof(SCT_ENV_COUNT)))
			return 1;
	return 0;
}

char **sct_env_fix(char *const *envp, char **slots, size_t nslots, char *ld, size_t ldlen)
{
	const char *old;
	int own;
	size_t n = 0;

	if (!sct_cfg.ready || !sct_cfg.lib[0])
		return (char **)envp;
	/* checked again: the sizes came from an earlier look, and the memory may have
	 * changed since (another thread) */
	if (!env_readable(envp) || nslots != sct_env_slots(envp) || ldlen != sct_env_ldlen(envp))
		return (char **)envp;
	old = ld_value(envp);
	own = has_session(envp);
	for (char *const *e = envp; e && *e; e++)
		if ((own || strncmp(*e, "SCTRACE_", 8)) && strncmp(*e, "LD_PRELOAD=", 11))
			slots[n++] = *e;
	for (int i = 0; !own && i < sct_cfg.nkeep; i++)
		slots[n++] = (char *)sct_cfg.keep[i];
	if (!envp)
		slots[n++] = (char *)SCT_ENV_ENVNULL "=1";
	if (sct_sandboxed)		/* also into the program's own environment */
		slots[n++] = (char *)SCT_ENV_SECCOMP "=1";
	if (old && sct_ld_has(old, sct_cfg.lib)) {
		strcpy(ld, "LD_PRELOAD=");
		strcat(ld, old);
	} else {
		strcpy(ld, "LD_PRELOAD=");
		strcat(ld, sct_cfg.ld_head);
		if (old && *old) {
			strcat(ld, ":");
			strcat(ld, old);
		}
	}
	slots[n++] = ld;
	slots[n] = NULL;
	return slots;
}
