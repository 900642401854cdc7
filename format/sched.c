/* Whose priority and which policy: ioprio_get's and ioprio_set's who (a process or a
 * group, as `which` says, through format/pid.c; the priority itself is
 * format/ioprio.c's), sched_getscheduler's policy; sched_setattr/sched_getattr's
 * struct sched_attr, whose first field says its size (48 bytes in the first version,
 * 56 with the utilisation clamps): {size=56, sched_policy=SCHED_OTHER, ...}. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
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

/* --- struct sched_attr ------------------------------------------------------------ */

#define ATTR_MIN 48			/* SCHED_ATTR_SIZE_VER0 */
#define ATTR_MAX 56			/* SCHED_ATTR_SIZE_VER1: what is captured */
#define KEEP_POLICY 0x08
#define KEEP_PARAMS 0x10

/* `size` bytes of the struct were read (at least 4); `more`: the struct was said
 * to be longer than what is shown.  sched_setattr leaves out what the flags say the
 * kernel keeps. */
static void print_attr(struct sct_out *o, const unsigned char *p, uint32_t size, int set, int more)
{
	uint32_t policy = sct_get32(p + 4);
	uint64_t flags = sct_get64(p + 8);

	sct_out_puts(o, "{size=");
	sct_out_udec(o, sct_get32(p));
	if (size >= ATTR_MIN) {
		if (!set || (int32_t)policy < 0 || !(flags & (KEEP_POLICY | KEEP_PARAMS))) {
			sct_out_puts(o, ", sched_policy=");
			sct_print_xlat(o, SCT_XLAT_sched_policy, policy);
		}
		sct_out_puts(o, ", sched_flags=");
		sct_print_xlat(o, SCT_XLAT_sched_flags, flags);
		if (!set || !(flags & KEEP_PARAMS)) {
			sct_out_puts(o, ", sched_nice=");
			sct_out_dec(o, (int32_t)sct_get32(p + 16));
			sct_out_puts(o, ", sched_priority=");
			sct_out_udec(o, sct_get32(p + 20));
			sct_out_puts(o, ", sched_runtime=");
			sct_out_udec(o, sct_get64(p + 24));
			sct_out_puts(o, ", sched_deadline=");
			sct_out_udec(o, sct_get64(p + 32));
			sct_out_puts(o, ", sched_period=");
			sct_out_udec(o, sct_get64(p + 40));
		}
		if (size >= ATTR_MAX) {
			sct_out_puts(o, ", sched_util_min=");
			sct_out_udec(o, sct_get32(p + 48));
			sct_out_puts(o, ", sched_util_max=");
			sct_out_udec(o, sct_get32(p + 52));
		}
	}
	if (more)
		sct_out_puts(o, ", ...");
	sct_out_putc(o, '}');
}

/* sched_setattr's, as passed (copied before the call: the kernel writes its own
 * size into a struct it finds too long or too short, E2BIG, which strace shows as
 * "{size=1} => {size=56}") */
int sct_dec_sched_attr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *in = sct_arg_in(d, i), *out = sct_arg_out(d, i);
	unsigned char buf[ATTR_MAX];
	uint32_t usize, size;

	if (!d->r->arg[i] || !in || in->len < 4) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	memset(buf, 0, sizeof(buf));
	memcpy(buf, sct_blob_data(in), in->len < ATTR_MAX ? in->len : ATTR_MAX);
	usize = sct_get32(buf);
	if (!usize)
		usize = ATTR_MIN;
	size = usize < ATTR_MAX ? usize : ATTR_MAX;
	if (size >= ATTR_MIN && in->len < size) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_attr(d->o, buf, size, 1, usize > size);
	if (d->r->ret == -7 && out && out->len >= 4) {	/* E2BIG */
		sct_out_puts(d->o, " => {size=");
		sct_out_udec(d->o, sct_get32(sct_blob_data(out)));
		sct_out_putc(d->o, '}');
	}
	return 0;
}

/* sched_getattr's, as the kernel wrote it: the size it gives (arg aux) bounds what
 * is read, the struct's own size field what is shown */
int sct_dec_sched_attr_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);
	int a = sct_aux(d, i);
	uint32_t usize = a >= 0 ? (uint32_t)d->r->arg[a] : ATTR_MAX, size;
	unsigned char buf[ATTR_MAX];

	size = usize < ATTR_MAX ? usize : ATTR_MAX;
	if (!d->r->arg[i] || !usize || !b || b->len < size || size < 4) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	memset(buf, 0, sizeof(buf));
	memcpy(buf, sct_blob_data(b), size);
	print_attr(d->o, buf, sct_get32(buf), 0, 0);
	return 0;
}
