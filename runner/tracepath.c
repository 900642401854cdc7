/* -P PATH, --trace-path=PATH: the paths whose calls are shown (format/fdname.c
 * matches them), as strace's pathtrace_select_set keeps them. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "options.h"
#include "run.h"

/* strace's string_quote(QUOTE_0_TERMINATED) of a path, for the -P note */
static size_t quote_path(char *dst, const char *s)
{
	size_t n = 0;

	dst[n++] = '"';
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': case '\\': dst[n++] = '\\'; dst[n++] = (char)c; break;
		case '\n': dst[n++] = '\\'; dst[n++] = 'n'; break;
		case '\t': dst[n++] = '\\'; dst[n++] = 't'; break;
		case '\r': dst[n++] = '\\'; dst[n++] = 'r'; break;
		case '\f': dst[n++] = '\\'; dst[n++] = 'f'; break;
		case '\v': dst[n++] = '\\'; dst[n++] = 'v'; break;
		default:
			if (c >= ' ' && c < 0x7f) {
				dst[n++] = (char)c;
			} else {
				/* the shortest octal escape, unless an octal digit follows */
				int full = s[1] >= '0' && s[1] <= '7';
				dst[n++] = '\\';
				if (full || c >> 6)
					dst[n++] = (char)('0' + (c >> 6));
				if (full || c >> 3)
					dst[n++] = (char)('0' + ((c >> 3) & 7));
				dst[n++] = (char)('0' + (c & 7));
			}
		}
	}
	dst[n++] = '"';
	dst[n] = '\0';
	return n;
}

static int add_path(struct sct_opts *o, const char *p)
{
	const char **v;

	for (unsigned i = 0; i < o->npaths; i++)
		if (!strcmp(o->paths[i], p))
			return 0;
	v = realloc(o->paths, (o->npaths + 1) * sizeof(*v));
	if (!v)
		return -1;
	o->paths = v;
	o->paths[o->npaths++] = p;
	return 0;
}

/* -P PATH: PATH, and what it resolves to when that differs (strace's
 * pathtrace_select_set), with a note saying so unless -e quiet=path-resolution */
int sct_trace_path(struct sct_opts *o, const char *p, char *err, size_t errlen)
{
	char *r;

	if (add_path(o, p) < 0 || !(r = realpath(p, NULL)))
		goto out;
	if (strcmp(r, p)) {
		size_t have = o->path_notes ? strlen(o->path_notes) : 0;
		size_t need = have + 64 + strlen(sct_progname) + 4 * (strlen(p) + strlen(r));
		char *notes = realloc(o->path_notes, need);
		if (!notes || add_path(o, r) < 0) {
			free(notes == o->path_notes ? NULL : notes);
			goto out;
		}
		o->path_notes = notes;
		have += (size_t)sprintf(notes + have, "%s: Requested path ", sct_progname);
		have += quote_path(notes + have, p);
		have += (size_t)sprintf(notes + have, " resolved into ");
		have += quote_path(notes + have, r);
		sprintf(notes + have, "\n");
	} else {
		free(r);
	}
	return 0;
out:
	if (errno == ENOMEM) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	return 0;
}
