/* The table of system calls sctrace can print.  Generated from gen/syscalls.spec
 * into the build folder (calltab.c); one row per kernel call. */
#ifndef SCT_CALLS_H
#define SCT_CALLS_H

#include <stdint.h>
#include "kinds.h"
#include "record.h"

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

/* sct_calls[i].name is a row of SCT_NAME_ROW bytes, sct_call_namelen[i] long (0: a
 * name too long for a row, not in one): a line copies the whole row (format/line.c) */
#define SCT_NAME_ROW 32
extern const uint8_t sct_call_namelen[];

extern const struct sct_call sct_calls[];
extern const unsigned sct_ncalls;

/* System call numbers (x86-64) and rows of sct_calls[], both ways, from __NR_<name>
 * of <sys/syscall.h>.  Complete mode knows a trapped call only by its number. */
#define SCT_NR_MAX     512		/* numbers below this have a row in sct_call_of_nr */
#define SCT_CALL_NONE  0xffffu		/* sct_call_of_nr[]: no line in the spec */
#define SCT_CALL_BY_NR 0x8000u		/* sct_rec.call = SCT_CALL_BY_NR | nr: printed as
					 * strace prints a call it does not know,
					 * syscall_0x1c8(0x1, 0x2, 0, 0, 0, 0) */
extern const uint16_t sct_call_of_nr[SCT_NR_MAX];
extern const int16_t sct_nr_of_call[];	/* -1: the headers have no number for it */

/* The sct_rec.call value for system call number nr. */
static inline unsigned sct_call_for_nr(unsigned long nr)
{
	unsigned c = nr < SCT_NR_MAX ? sct_call_of_nr[nr] : SCT_CALL_NONE;

	if (c != SCT_CALL_NONE)
		return c;
	return SCT_CALL_BY_NR | (nr < 0x7fff ? (unsigned)nr : 0x7fffu);
}

/* The count or length argument that argument `ar` of call c refers to (ar->aux), as
 * the kernel takes it: an int or unsigned int parameter is the register's low 32
 * bits (strace's ppoll test passes nfds 0xffffffff00000004: the kernel reads 4
 * pollfds, and so must the library and the runner).  0 when there is none. */
static inline uint64_t sct_aux_value(const struct sct_call *c, const struct sct_arg *ar,
				     const uint64_t *a)
{
	unsigned k;

	if (ar->aux >= SCT_MAX_ARGS)
		return 0;
	k = c->arg[ar->aux].kind;
	if (k == SCT_K_UINT || k == SCT_K_INT || k == SCT_K_XINT)
		return (uint32_t)a[ar->aux];
	return a[ar->aux];
}

/* Index of the call named `name`, or -1. */
int sct_call_lookup(const char *name);

/* Class bit for a class name without its leading '%' ("file", "network"), or 0. */
uint32_t sct_class_lookup(const char *name);

#endif
