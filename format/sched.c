/* Whose priority and which policy: ioprio_get's and ioprio_set's who (a process or a
 * group, as `which` says, through format/pid.c; the priority itself is
 * format/ioprio.c's), sched_getscheduler's policy. */
#include "decode.h"
#include "xlattab.h"

/* who: IOPRIO_WHO_PROCESS a process, IOPRIO_WHO_PGRP a group, else a number */
int sct_dec_ioprio_who(const struct sct_dec *d, unsigned i)
{
	uint32_t which = (uint32_t)d->r->arg[0];
	int32_t who = (int32_t)d->r->arg[i];

	if (which == 1 || which == 2)
		sct_print_pid(d, who, which == 1 ? SCT_PT_TGID : SCT_PT_PGID);
	else
		sct_out_dec(d->o, who);
	return 0;
}

/* sched_getscheduler's result: "0 (SCHED_OTHER)"; a value the table does not name
 * exactly (SCHED_RESET_ON_FORK added) prints alone, as strace's xlookup */
void sct_ret_sched(const struct sct_dec *d)
{
	const char *name = sct_xlat_find(sct_xlat_tabs[SCT_XLAT_sched_policy].x,
					 (uint64_t)d->r->ret);

	sct_out_dec(d->o, d->r->ret);
	if (name) {
		sct_out_puts(d->o, " (");
		sct_out_puts(d->o, name);
		sct_out_putc(d->o, ')');
	}
}
