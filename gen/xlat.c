/* Parser for the constant data files gen/xlat/NAME.in (format in xlat.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "spec.h"
#include "xlat.h"


static int is_ident(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (i && s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

int xlat_parse(struct spec_xlat *x, const char *name, const char *path, const char *text,
	       char *err, size_t errlen)
{
	int line = 0, cap = 0;

	memset(x, 0, sizeof(*x));
	x->name = spec_dupn(name, strlen(name));
	x->bits = 32;
	if (!is_ident(name, strlen(name))) {
		snprintf(err, errlen, "%s: table name '%s' is not a C identifier", path, name);
		return -1;
	}
	while (*text) {
		size_t n = strcspn(text, "\n");
		char *l = spec_dupn(text, n), *p = l, *e;

		line++;
		text += n + (text[n] == '\n');
		while (*p == ' ' || *p == '\t')
			p++;
		for (e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'); e--)
			e[-1] = 0;
		if (!*p || *p == '#') {
			free(l);
			continue;
		}
		if (*p == '@') {
			if (!strcmp(p, "@flags")) {
				x->flags = 1;
			} else if (!strcmp(p, "@dec")) {
				x->dec = 1;
			} else if (!strcmp(p, "@bits 64")) {
				x->bits = 64;
			} else if (!strncmp(p, "@unknown ", 9) && p[9]) {
				x->unknown = spec_dupn(p + 9, strlen(p + 9));
			} else {
				snprintf(err, errlen, "%s:%d: unknown directive '%s'", path, line, p);
				free(l);
				return -1;
			}
			free(l);
			continue;
		}
		size_t w = strcspn(p, " \t");
		char *v = p + w, *end;
		unsigned long long val;

		while (*v == ' ' || *v == '\t')
			v++;
		if (!is_ident(p, w) || !*v) {
			snprintf(err, errlen, "%s:%d: expected 'NAME VALUE'", path, line);
			free(l);
			return -1;
		}
		val = strtoull(v, &end, 0);
		if (*end || end == v || (x->bits == 32 && val > 0xffffffffull)) {
			snprintf(err, errlen, "%s:%d: bad value '%s'%s", path, line, v,
				 x->bits == 32 && !*end ? " (wider than 32 bits: say @bits 64)" : "");
			free(l);
			return -1;
		}
		if (x->n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(x->ent = realloc(x->ent, cap * sizeof(*x->ent)))) {
				perror("sctgen");
				exit(1);
			}
		}
		x->ent[x->n].name = spec_dupn(p, w);
		x->ent[x->n].val = val;
		x->n++;
		free(l);
	}
	if (!x->n) {
		snprintf(err, errlen, "%s: no constants", path);
		return -1;
	}
	return 0;
}
