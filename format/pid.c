/* A pid as strace prints one (its printpid): the number, then with -Y the command name
 * of the process or thread it names (4242<sh>), and with --pidns-translation, when
 * the traced process is in another pid namespace, the number the tracer's namespace
 * knows it by (2 / * 4242 in strace's PID NS * /).  Every pid of every decoder comes
 * here; the answers are the runner's (runner/pidns.c), and without them (standalone,
 * or neither option) the number prints alone. */
#include <string.h>
#include "decode.h"

void sct_print_pid(const struct sct_dec *d, int64_t id, int type)
{
	const struct sct_fmt_opts *f = d->f;
	char comm[64];
	int ours;

	sct_out_dec(d->o, (int32_t)id);
	if (!f || !f->decode_pids || !f->pid_xlate || (int32_t)id <= 0)
		return;
	if (!(ours = f->pid_xlate(d->r->pid, (int32_t)id, type, d->out ? d->r->t1 : d->r->t0)))
		return;
	if ((f->decode_pids & SCT_DECODE_PID_COMM) && f->pid_comm &&
	    (type == SCT_PT_TID || type == SCT_PT_TGID)) {
		f->pid_comm(ours, 0, comm, sizeof(comm));	/* strace: a task gone has none */
		sct_print_comm(d->o, comm);
	}
	if ((f->decode_pids & SCT_DECODE_PID_NS) && ours != (int32_t)id) {
		sct_out_puts(d->o, " /* ");
		sct_out_dec(d->o, ours);
		sct_out_puts(d->o, " in strace's PID NS */");
	}
}

/* kill's and wait4's: a process when positive, a group when below -1 */
void sct_print_pid_pgid(const struct sct_dec *d, int64_t id)
{
	int32_t v = (int32_t)id;

	if (v < -1) {
		/* the comment holds the group's number, without the sign */
		sct_out_putc(d->o, '-');
		sct_print_pid(d, -(int64_t)v, SCT_PT_PGID);
		return;
	}
	sct_print_pid(d, v, SCT_PT_TGID);
}

/* "<sh>": a command name, escaped as strace escapes it (no quotes, '<' and '>' too) */
void sct_print_comm(struct sct_out *o, const char *comm)
{
	size_t n = strlen(comm);

	if (!n)
		return;
	sct_out_putc(o, '<');
	sct_print_quoted_ex(o, (const unsigned char *)comm, n, n, 0,
			    SCT_QUOTE_BARE | SCT_QUOTE_ANGLES);
	sct_out_putc(o, '>');
}

int sct_dec_pid(const struct sct_dec *d, unsigned i)
{
	sct_print_pid(d, (int32_t)d->r->arg[i], SCT_PT_TGID);
	return 0;
}

int sct_dec_tid(const struct sct_dec *d, unsigned i)
{
	sct_print_pid(d, (int32_t)d->r->arg[i], SCT_PT_TID);
	return 0;
}

int sct_dec_pgid(const struct sct_dec *d, unsigned i)
{
	sct_print_pid(d, (int32_t)d->r->arg[i], SCT_PT_PGID);
	return 0;
}

int sct_dec_pid_pgid(const struct sct_dec *d, unsigned i)
{
	sct_print_pid_pgid(d, (int32_t)d->r->arg[i]);
	return 0;
}

/* getpriority's and setpriority's who: a process (PRIO_PROCESS), a group (PRIO_PGRP),
 * else a user's id */
int sct_dec_prio_who(const struct sct_dec *d, unsigned i)
{
	uint32_t which = (uint32_t)d->r->arg[0];

	if (which <= 1)
		sct_print_pid(d, (int32_t)d->r->arg[i], which ? SCT_PT_PGID : SCT_PT_TGID);
	else
		sct_out_dec(d->o, (int32_t)d->r->arg[i]);
	return 0;
}

/* waitid's id: a process (P_PID), a group (P_PGID), a pidfd (P_PIDFD), else a number */
int sct_dec_waitid_id(const struct sct_dec *d, unsigned i)
{
	int32_t id = (int32_t)d->r->arg[i];

	switch ((uint32_t)d->r->arg[0]) {
	case 1:
		sct_print_pid(d, id, SCT_PT_TGID);
		break;
	case 2:
		sct_print_pid(d, id, SCT_PT_PGID);
		break;
	case 3:
		sct_print_fd(d, i, id);
		break;
	default:
		sct_out_dec(d->o, id);
		break;
	}
	return 0;
}
