/* The table of system calls sctrace can print.  Generated from gen/syscalls.spec
 * into the build folder (calltab.c); one row per kernel call. */
#ifndef SCT_CALLS_H
#define SCT_CALLS_H

#include <stdint.h>
#include "kinds.h"

struct sct_arg {
	uint8_t kind;			/* enum sct_kind */
	uint8_t aux;			/* index of a related argument, 0xff if none */
};

struct sct_call {
	const char *name;		/* as strace spells it: "openat", "newfstatat" */
	uint32_t classes;		/* SCT_C(FILE) | SCT_C(DESC) ... */
	uint8_t nargs;
	uint8_t ret;			/* enum sct_retkind */
	struct sct_arg arg[6];
};

extern const struct sct_call sct_calls[];
extern const unsigned sct_ncalls;

/* System call number -> index in sct_calls[] + 1; 0 for a number without a row. */
#define SCT_NR_TABLE 512
extern const uint16_t sct_nr_call[SCT_NR_TABLE];

/* Index of the call named `name`, or -1. */
int sct_call_lookup(const char *name);

/* Class bit for a class name without its leading '%' ("file", "network"), or 0. */
uint32_t sct_class_lookup(const char *name);

#endif
