/* Parsed form of gen/syscalls.spec (its format is documented at its top). */
#ifndef SCT_SPEC_H
#define SCT_SPEC_H

#include <stddef.h>
#include "xlat.h"

#define SPEC_MAX_ARGS   6
#define SPEC_MAX_PARAMS 8
#define SPEC_MAX_ALIAS  8
#define SPEC_MAX_CALLS  512	/* = SCT_MAX_CALLS */
#define SPEC_MAX_WRAPS  512
#define SPEC_MAX_XLATS  1000
#define SPEC_MAX_ARG_XLATS 255	/* an argument names its table in a uint8_t: the tables
				 * the spec names come first (spec_resolve) */

struct spec_call {
	char *name;
	int ret;			/* enum sct_retkind */
	unsigned classes;
	int nargs;
	int kind[SPEC_MAX_ARGS];	/* enum sct_kind */
	int aux[SPEC_MAX_ARGS];		/* related argument or table index, -1 if none */
	char *xname[SPEC_MAX_ARGS];	/* `flags:NAME`: the table gen/xlat/NAME.in, until resolved */
	int line;
};

struct spec_param {
	char *type;			/* "const char *" */
	char *name;			/* "path" */
	int variadic;			/* read with va_arg after the named ones */
};

struct spec_wrap {
	int hand;			/* written by hand in wrappers/: export only */
	char *rettype;			/* "int" */
	char *name;			/* "open" */
	int nparams;
	struct spec_param param[SPEC_MAX_PARAMS];
	int variadic;			/* prototype ends in "..." */
	int nalias;
	char *alias[SPEC_MAX_ALIAS];
	int call;			/* index in spec.calls; -1 for a hook */
	char *expr[SPEC_MAX_ARGS];	/* the call's arguments as C expressions */
	char *fail;			/* C condition on `r` meaning failure */
	char *retexpr;			/* the call's result from `r` on success */
	char *errexpr;			/* the error number on failure (default: errno) */
	char *cancel;			/* C condition on the parameters: a cancellation point */
	int compound;			/* libc may make other calls too: in complete mode the
					 * wrapper records nothing and the kernel's calls trap */
	int line;
};

#define SPEC_MAX_INCLUDES 32

struct spec {
	int ncalls, nwraps, nxlats, nincludes;
	char *include[SPEC_MAX_INCLUDES];	/* headers the wrapped prototypes need */
	struct spec_call calls[SPEC_MAX_CALLS];
	struct spec_wrap wraps[SPEC_MAX_WRAPS];
	struct spec_xlat xlats[SPEC_MAX_XLATS];
};

/* Parse `text` (the contents of file `path`).  On error returns -1 and leaves
 * "path:line: what is wrong" in err.  Strings are never freed: the generator is a
 * short-lived build tool. */
int spec_parse(struct spec *s, const char *path, const char *text, char *err, size_t errlen);

/* After spec_parse and the xlat tables are in s->xlats: point each `flags:NAME` /
 * `xval:NAME` argument at its table.  -1 with "path:line: what" in err. */
int spec_resolve(struct spec *s, const char *path, char *err, size_t errlen);

int spec_kind_lookup(const char *name);
int spec_ret_lookup(const char *name);

/* A NUL-terminated copy of n bytes of s (exits on no memory: the generator's only
 * use of the heap). */
char *spec_dupn(const char *s, size_t n);

#endif
