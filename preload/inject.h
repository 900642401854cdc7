/* -e inject= / -e fault= inside the traced process (preload/inject.c): a rule acts on
 * a call's entry, in a generated wrapper's inject twin (gen/emit.c) and in complete
 * mode's SIGSYS handler (dispatch.c), only for calls that are traced, as strace
 * tampers only with the calls it traces. */
#ifndef SCT_PRELOAD_INJECT_H
#define SCT_PRELOAD_INJECT_H

#include <stdint.h>
#include "injectset.h"

struct sct_thread;

/* What a rule does to this invocation, filled by sct_inject_enter. */
struct sct_inj {
	const struct sct_inject_rule *rule;
	int64_t ret;			/* the result to fake: -errno or the value */
	uint8_t fake;			/* error= or retval=: the call is not made */
	uint8_t poked;			/* poke_enter= wrote something */
};

extern struct sct_inject_set sct_inject_rules;

/* Once, in the constructor: SCTRACE_INJECT's rules; sets sct_cfg.inject when any. */
void sct_inject_init(const char *v);

/* Does a rule act on this invocation of `call` (counted per thread and per call, as
 * strace counts per tracee and per syscall)?  If so: poke_enter and delay_enter done,
 * j filled, 1.  0 otherwise (j untouched). */
int sct_inject_enter(struct sct_thread *t, unsigned call, const uint64_t *a, struct sct_inj *j);

/* The faked call: the syscall= substitute made (its result dropped, as strace drops
 * it), the result the program sees returned. */
int64_t sct_inject_fake(const struct sct_inj *j);

/* After the call (j NULL when no rule acted): poke_exit and delay_exit, the record
 * (flagged INJECTED / DELAYED for the runner), then the signal= delivery. */
void sct_inject_done(struct sct_thread *t, unsigned call, const uint64_t *a, int64_t ret,
		     uint64_t t0, uint64_t t1, const unsigned char *pre, const struct sct_inj *j);

#endif
