/* sctgen SPEC OUTDIR [XLATDIR]: turn the spec and the constant tables (XLATDIR/ *.in)
 * into the build folder's generated sources. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emit.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			cap = (cap + 4096) * 2;
			if (!(buf = realloc(buf, cap)))
				exit(1);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = 0;
	return buf;
}

static int only_in(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 3 && !strcmp(e->d_name + n - 3, ".in");
}

/* Every XLATDIR/NAME.in, in name order, into s->xlats. */
static int load_xlats(struct spec *s, const char *dir, char *err, size_t errlen)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, only_in, alphasort);

	if (n < 0) {
		snprintf(err, errlen, "%s: cannot read the directory", dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char path[4096], name[256];
		char *text;

		if (s->nxlats == SPEC_MAX_XLATS) {
			snprintf(err, errlen, "%s: more than %d tables", dir, SPEC_MAX_XLATS);
			return -1;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, ents[i]->d_name);
		snprintf(name, sizeof(name), "%.*s", (int)strlen(ents[i]->d_name) - 3, ents[i]->d_name);
		if (!(text = slurp(path))) {
			snprintf(err, errlen, "%.400s: cannot read", path);
			return -1;
		}
		if (xlat_parse(&s->xlats[s->nxlats++], name, path, text, err, errlen) < 0)
			return -1;
		free(text);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct spec s;
	char err[512];
	char *text;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: sctgen SPEC OUTDIR [XLATDIR]\n");
		return 2;
	}
	if (!(text = slurp(argv[1]))) {
		perror(argv[1]);
		return 1;
	}
	if (spec_parse(&s, argv[1], text, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if ((argc == 4 && load_xlats(&s, argv[3], err, sizeof(err)) < 0) ||
	    spec_resolve(&s, argv[1], err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	return emit_all(&s, argv[2]) < 0 ? 1 : 0;
}
