/* Priorities.  ioprio_get and ioprio_set: who (a process or a group, as `which`
 * says, through format/pid.c) and an I/O priority, IOPRIO_PRIO_VALUE(class, data) as
 * strace shows it: its class in bits 13 and up, its data below.  sched_getscheduler's
 * policy. */
#include "decode.h"
#include "xlattab.h"

static void print_value(struct sct_out *o, uint32_t v)
{
	sct_out_puts(o, "IOPRIO_PRIO_VALUE(");
	sct_print_xlat(o, SCT_XLAT_ioprio_class, v >> 13);
	sct_out_puts(o, ", ");
	sct_out_udec(o, v & 0x1fff);
	sct_out_putc(o, ')');
}

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

/* -X raw: the number; -X verbose: the number, the value in a comment */
int sct_dec_ioprio(const struct sct_dec *d, unsigned i)
{
	int32_t v = (int32_t)d->r->arg[i];

	if (d->o->cstyle == SCT_CONST_ABBREV) {
		print_value(d->o, (uint32_t)v);
		return 0;
	}
	sct_out_dec(d->o, v);
	if (d->o->cstyle == SCT_CONST_VERBOSE) {
		sct_out_puts(d->o, " /* ");
		print_value(d->o, (uint32_t)v);
		sct_out_puts(d->o, " */");
	}
	return 0;
}

/* ioprio_get's result: "0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))" */
void sct_ret_ioprio(const struct sct_dec *d)
{
	sct_out_dec(d->o, d->r->ret);
	if (d->o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(d->o, " (");
	print_value(d->o, (uint32_t)d->r->ret);
	sct_out_putc(d->o, ')');
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
