/* sctgen SPEC OUTDIR: turn the spec into the build folder's generated sources. */
#include <stdio.h>
#include <stdlib.h>
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

int main(int argc, char **argv)
{
	static struct spec s;
	char err[512];
	char *text;

	if (argc != 3) {
		fprintf(stderr, "usage: sctgen SPEC OUTDIR\n");
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
	return emit_all(&s, argv[2]) < 0 ? 1 : 0;
}
