/* strace's qualify_tokens(): the grammar of -e status=, quiet=, signal=, read=,
 * write=, decode-fds=: leading '!'s invert, "all", "none", else a comma-separated list
 * in which every token must be known. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "options.h"

int sct_qualify(const char *spec, const char *what, int (*each)(void *ctx, const char *tok),
		void *ctx, int *invert, int *all, char *err, size_t errlen)
{
	const char *s = spec;
	char *copy, *tok, *save;
	int any = 0;

	*invert = *all = 0;
	while (*s == '!') {
		*invert = !*invert;
		s++;
	}
	if (!strcmp(s, "all")) {
		*all = 1;
		return 0;
	}
	if (!strcmp(s, "none"))
		return 0;
	copy = strdup(s);
	if (!copy) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (each(ctx, tok) < 0) {
			snprintf(err, errlen, "invalid %s '%s'", what, tok);
			free(copy);
			return -1;
		}
		any = 1;
	}
	free(copy);
	if (!any) {
		snprintf(err, errlen, "invalid %s '%s'", what, spec);
		return -1;
	}
	return 0;
}

/* A descriptor set the grammar made, as the hex the library reads (options.h) */
static int numset_empty(const struct sct_numset *set)
{
	uint64_t any = 0;

	for (unsigned i = 0; i < SCT_NUMSET_MAX / 64; i++)
		any |= set->bits[i];
	return !any && !set->not;
}

int sct_numset_hex(const struct sct_numset *set, char out[SCT_NUMSET_HEX])
{
	static const char hex[] = "0123456789abcdef";
	char *p = out;

	if (numset_empty(set))
		return 0;
	unsigned top = 1;		/* digits: up to the highest number in the set */

	if (set->not)
		*p++ = '!';
	for (unsigned d = 0; d < SCT_NUMSET_MAX / 4; d++)
		if (set->bits[4 * d / 64] >> (4 * d % 64) & 15)
			top = d + 1;
	for (unsigned d = top; d-- > 0;)
		*p++ = hex[set->bits[4 * d / 64] >> (4 * d % 64) & 15];
	*p = '\0';
	return 1;
}
