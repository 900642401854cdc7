/* Lookups over the generated call table. */
#include <string.h>
#include "calls.h"

int sct_call_lookup(const char *name)
{
	for (unsigned i = 0; i < sct_ncalls; i++)
		if (!strcmp(sct_calls[i].name, name))
			return (int)i;
	return -1;
}

uint32_t sct_class_lookup(const char *name)
{
#define C(id, nm) nm,
	static const char *const names[] = { SCT_CLASSES(C) };
#undef C
	if (!strcmp(name, "net"))	/* strace accepts both spellings */
		name = "network";
	else if (!strcmp(name, "%stat"))	/* strace's %%stat: every stat-like call */
		name = "statlike";
	else if (!strcmp(name, "%statfs"))	/* strace's %%statfs: statfs, fstatfs, ustat */
		name = "statfslike";
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], name))
			return 1u << i;
	return 0;
}
