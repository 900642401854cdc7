/* Putting the tracer back into an environment the program scrubbed or replaced. */
#include <stdlib.h>
#include "hand.h"
#include "session.h"
#include "spare.h"

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

	for (char *const *e = envp; e && *e; e++)
		n++;
	return n + (size_t)sct_cfg.nkeep + 4;
}

size_t sct_env_ldlen(char *const *envp)
{
	const char *v = ld_value(envp);

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

char **sct_env_fix(char *const *envp, char **slots, char *ld)
{
	const char *old = ld_value(envp);
	int own = has_session(envp);
	size_t n = 0;

	if (!sct_cfg.ready || !sct_cfg.lib[0])
		return (char **)envp;
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
