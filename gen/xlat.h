/* Constant tables as data: gen/xlat/NAME.in, one `NAME VALUE` line per constant (the
 * way strace keeps its xlat/ *.in files), turned into C at build time.
 *
 * A file may start with directives, one per line:
 *   @flags          the value is a set of bits (printed A|B|0x40); else one value
 *   @unknown TEXT   strace's comment for a value the table does not name ("MS_???")
 *   @bits 64        the whole 64-bit argument is the value (default: its low 32 bits)
 *   @dec            an unnamed value prints in decimal ("0 / * IP_??? * /"), not hex
 * '#' starts a comment line.  Order matters: flags print in the order of the file. */
#ifndef SCT_GEN_XLAT_H
#define SCT_GEN_XLAT_H

#include <stddef.h>

struct spec_xlat_ent {
	char *name;
	unsigned long long val;
};

struct spec_xlat {
	char *name;			/* file name without ".in": "msync_flags" */
	int flags, bits, dec;
	char *unknown;			/* "MS_???", or NULL */
	int n;
	struct spec_xlat_ent *ent;
};

/* Parse one data file's text; -1 with "path:line: what" in err. */
int xlat_parse(struct spec_xlat *x, const char *name, const char *path, const char *text,
	       char *err, size_t errlen);

#endif
