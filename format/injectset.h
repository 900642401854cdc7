/* -e inject= and -e fault= (strace's "Tampering"): the rules the runner parses
 * (runner/inject.c) and the library applies on a call's entry (preload/inject.c), and
 * their form in SCTRACE_INJECT, the one place both sides agree on it. */
#ifndef SCT_INJECTSET_H
#define SCT_INJECTSET_H

#include <stddef.h>
#include <stdint.h>
#include "record.h"

/* Rules with different options; strace has no limit, 16 keeps SCTRACE_INJECT (which
 * the library copies for every exec) short. */
#define SCT_INJECT_MAX 16
#define SCT_INJECT_LAST_INF 0xffffu	/* when=F+: no last invocation */

enum {
	SCT_INJ_ERROR = 1,		/* :error=E   the call is not made; it fails with E */
	SCT_INJ_RETVAL = 2,		/* :retval=V  the call is not made; it returns V */
	SCT_INJ_SIGNAL = 4,		/* :signal=S  S is delivered after the call */
	SCT_INJ_SYSCALL = 8,		/* :syscall=N with error/retval: N is made instead */
	SCT_INJ_DELAY_ENTER = 16,	/* :delay_enter=T  sleep before the call */
	SCT_INJ_DELAY_EXIT = 32,	/* :delay_exit=T   sleep after it */
	SCT_INJ_POKE_ENTER = 64,	/* :poke_enter=@argN=HEX  write the program's memory */
	SCT_INJ_POKE_EXIT = 128,	/* :poke_exit=@argN=HEX   ... after the call */
};

/* Bytes of poke data a rule carries (strace allows 1024 per argument). */
#define SCT_INJECT_POKE_MAX 1024

struct sct_inject_poke {
	uint8_t exit;			/* 0: poke_enter, 1: poke_exit */
	uint8_t arg;			/* 1..7 as strace numbers them (@arg1 is the first) */
	uint16_t len;			/* bytes at data[off] */
	uint16_t off;
};

#define SCT_INJECT_POKES 8

struct sct_inject_rule {
	uint32_t flags;			/* SCT_INJ_* */
	uint16_t first, last, step;	/* when=FIRST..LAST+STEP, counted as strace counts */
	int16_t sub;			/* syscall=: its number (x86-64) */
	int32_t signo;
	uint64_t val;			/* error: the errno; retval: the value */
	uint64_t delay_enter_ns, delay_exit_ns;
	unsigned npokes;
	struct sct_inject_poke poke[SCT_INJECT_POKES];
	uint16_t poke_bytes;		/* of data used */
	uint8_t data[SCT_INJECT_POKE_MAX];
};

struct sct_inject_set {
	unsigned n;			/* rules in use */
	uint8_t of[SCT_MAX_CALLS];	/* sct_calls[i]'s rule + 1; 0: none (the last
					 * option that names a call is the one it follows) */
	struct sct_inject_rule rule[SCT_INJECT_MAX];
};

/* SCTRACE_INJECT's value: SCT_MAX_CALLS characters ('.' none, 'a' + rule), then per
 * rule ";FLAGS,FIRST,LAST,STEP,SUB,SIGNO,VAL,DELAY_ENTER,DELAY_EXIT" in hex and, per
 * poke, ",EXIT/ARG/HEXDATA".  Returns the length written, -1 when out is too small. */
int sct_inject_encode(const struct sct_inject_set *s, char *out, size_t outlen);
/* 0, or -1 for a value that is not what sct_inject_encode writes (then s->n is 0). */
int sct_inject_decode(struct sct_inject_set *s, const char *v);

#endif
