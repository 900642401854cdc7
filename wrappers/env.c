/* Putting the tracer back into an environment the program scrubbed or replaced. */
#include <stdlib.h>
#include "hand.h"
#include "session.h"

static const char *ld_value(char *const *envp)
{
	for (char *const *e = envp; e && *e; e++)
		if (!strncmp(*e, "LD_PRELOAD=", 11))
			return *e + 11;
	return NULL;
}

/* Is `lib` one of the ':'/' '-separated entries of v? */
static int has_lib(const char *v, const char *lib)
{
	size_t n = strlen(lib);

	for (const char *p = v; p && *p;) {
		size_t len = strcspn(p, ": ");
		if (len == n && !strncmp(p, lib, n))
			return 1;
		p += len + (p[len] != 0);
	}
	return 0;
}

size_t sct_env_slots(char *const *envp)
{
	size_t n = 0;

	for (char *const *e = envp; e && *e; e++)
		n++;
	return n + (size_t)sct_cfg.nkeep + 3;
}

size_t sct_env_ldlen(char *const *envp)
{
	const char *v = ld_value(envp);

	return sizeof("LD_PRELOAD=:") + strlen(sct_cfg.lib) + (v ? strlen(v) : 0);
}

char **sct_env_fix(char *const *envp, char **slots, char *ld)
{
	const char *old = ld_value(envp);
	size_t n = 0;

	if (!sct_cfg.ready || !sct_cfg.lib[0])
		return (char **)envp;
	for (char *const *e = envp; e && *e; e++)
		if (strncmp(*e, "SCTRACE_", 8) && strncmp(*e, "LD_PRELOAD=", 11))
			slots[n++] = *e;
	for (int i = 0; i < sct_cfg.nkeep; i++)
		slots[n++] = (char *)sct_cfg.keep[i];
	if (!envp)
		slots[n++] = (char *)SCT_ENV_ENVNULL "=1";
	if (old && has_lib(old, sct_cfg.lib)) {
		strcpy(ld, "LD_PRELOAD=");
		strcat(ld, old);
	} else {
		strcpy(ld, "LD_PRELOAD=");
		strcat(ld, sct_cfg.lib);
		if (old && *old) {
			strcat(ld, ":");
			strcat(ld, old);
		}
	}
	slots[n++] = ld;
	slots[n] = NULL;
	return slots;
}
