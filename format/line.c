/* One record -> one line of strace's text:
 *   [pid N] HH:MM:SS.uuuuuu name(arg, arg)     = ret <0.000123>
 * The '=' of the return part is at column -a (40 by default: the call is padded to
 * 39 columns, counting the prefix and timestamp), or one space after the ')' when the
 * call is longer, as strace's tabto() does. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "callidx.h"
#include "decode.h"

#define LINE_HEAD_ROOM 256		/* > prefix + timestamp + RET_COLUMN */

void sct_fmt_defaults(struct sct_fmt_opts *f)
{
	f->strsize = 32;
	f->tstamp = SCT_TS_NONE;
	f->tstamp_prec = 0;
	f->rtstamp = 0;
	f->rtstamp_prec = 6;
	f->rtstamp_prev = NULL;
	f->show_time = 0;
	f->time_prec = 6;
	f->prefix = 0;
	f->realtime_offset_ns = 0;
	f->acolumn = SCT_DEFAULT_ACOLUMN;
	f->xstyle = SCT_XSTR_NONE;
	f->cstyle = SCT_CONST_ABBREV;
	f->optmem_max = 0;
	f->status = SCT_STATUS_ALL;
	f->quiet = 0;
	f->signals = ~(uint64_t)0;
	f->decode_fds = 0;
	f->no_abbrev = NULL;
	f->not_verbose = NULL;
	f->raw = NULL;
	f->sock_cache = NULL;
	f->paths = NULL;
	f->npaths = 0;
	f->decode_pids = 0;
	f->pid_xlate = NULL;
	f->pid_comm = NULL;
	f->show_nr = 0;
	f->detached = 0;
	f->show_ip = 0;
	f->nr_cache = NULL;
	f->lead_cache = NULL;
	f->arg_mark = NULL;
	f->arg_mark_at = 0;
}

/* -i: strace's "[%016lx] ", "?" for each digit when not known (a line that is not a
 * call's, an exec's line: the old image's address is gone) */
static void print_ip(struct sct_out *o, const struct sct_rec *r)
{
	const struct sct_blob *b = r->kind == SCT_REC_CALL ?
		sct_rec_blob(r, SCT_BLOB_ARG_IP, SCT_BLOB_IN) : NULL;
	uint64_t ip;

	sct_out_putc(o, '[');
	if (b && b->len == sizeof(ip)) {
		memcpy(&ip, sct_blob_data(b), sizeof(ip));
		for (int shift = 60; shift >= 0; shift -= 4)
			sct_out_putc(o, "0123456789abcdef"[ip >> shift & 15]);
	} else {
		sct_out_puts(o, "????????????????");
	}
	sct_out_puts(o, "] ");
}

/* -n: strace's "[%4lu] ", the number of the call, or for a signal or exit line the
 * task's last call ("[ 231] +++ exited with 0 +++" after exit_group) */
static void print_nr(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f)
{
	struct sct_nr_cache *nc = f->nr_cache;
	int32_t tid = r->tid ? r->tid : r->pid;
	unsigned slot = (unsigned)tid % SCT_NR_CACHE;
	long nr = -1;

	if (r->kind == SCT_REC_CALL) {
		if (r->call & SCT_CALL_BY_NR)
			nr = r->call & 0x7fff;
		else if (r->call < sct_ncalls)
			nr = sct_nr_of_call[r->call];
		if (nc && nr >= 0) {
			nc->tid[slot] = tid;
			nc->nr[slot] = (int32_t)nr;
		}
	} else if (r->kind == SCT_REC_EXIT && !(nc && nc->tid[slot] == tid)) {
		nr = sct_nr_of_call[SCT_CALL_exit_group];
	} else if (nc && nc->tid[slot] == tid) {
		nr = nc->nr[slot];
	}
	sct_out_putc(o, '[');
	if (nr >= 0)
		sct_out_udec_pad(o, (uint64_t)nr, 4, ' ');
	else
		sct_out_puts(o, "???");
	sct_out_puts(o, "] ");
}

/* -e status=: strace's verdict on a call line, from what its return part shows */
static unsigned call_status(const struct sct_rec *r, const struct sct_call *c)
{
	unsigned kind = c ? c->ret : SCT_R_INT;

	if ((r->flags & SCT_RF_NORETURN) || kind == SCT_R_NONE)
		return SCT_STATUS_UNFINISHED;
	return sct_failed(r) ? SCT_STATUS_FAILED : SCT_STATUS_SUCCESSFUL;
}

/* -e signal=: strace filters both the delivery and the "killed by" line by it */
static int signal_shown(uint64_t sig, const struct sct_fmt_opts *f)
{
	if (sig >= 1 && sig <= 64)
		return (f->signals >> (sig - 1)) & 1;
	return f->signals == ~(uint64_t)0;
}

/* Is this record's line shown under -e status=, -e quiet= and -e signal=? */
static inline __attribute__((always_inline)) int
shown(const struct sct_rec *r, const struct sct_call *c, const struct sct_fmt_opts *f)
{
	if (r->kind == SCT_REC_EXIT)
		return !(f->quiet & SCT_QUIET_EXIT);
	if (r->kind == SCT_REC_SIGINFO || r->kind == SCT_REC_SIGNAL)
		return signal_shown(r->arg[0], f);
	if (r->kind != SCT_REC_CALL || (f->status == SCT_STATUS_ALL && !f->paths))
		return 1;
	if (!c && r->call < sct_ncalls)
		c = &sct_calls[r->call];
	if (f->paths && !sct_names_traced_path(r, c, f))
		return 0;
	return (call_status(r, c) & f->status) != 0;
}

static void print_prefix_text(struct sct_out *o, int64_t id, const struct sct_fmt_opts *f)
{
	char comm[64];

	comm[0] = 0;	/* (not the whole array: this runs for every line) */
	if (f->prefix && (f->decode_pids & SCT_DECODE_PID_COMM) && f->pid_comm)
		f->pid_comm((int)id, 1, comm, sizeof(comm));	/* -Y: "[pid  4242<sh>] " */
	if (f->prefix == 1) {
		sct_out_puts(o, "[pid ");
		sct_out_udec_pad(o, (uint64_t)id, 5, ' ');
		sct_print_comm(o, comm);
		sct_out_puts(o, "] ");
	} else if (f->prefix == 2 && comm[0]) {
		sct_out_dec(o, id);		/* strace: "%u" when a name follows */
		sct_print_comm(o, comm);
		sct_out_putc(o, ' ');
	} else if (f->prefix == 2) {
		/* strace -o file -f: "%-5d " */
		sct_out_dec_left(o, id, 5);
		sct_out_putc(o, ' ');
	}
}

/* Make lc the prefix of task id; 0 when it does not fit */
static int lead_fill(struct sct_lead_cache *lc, int64_t id, const struct sct_fmt_opts *f)
{
	struct sct_out t;

	sct_out_init(&t, lc->text, sizeof(lc->text), -1);
	print_prefix_text(&t, id, f);
	lc->id = (int32_t)id;
	lc->prefix = t.overflow ? 0 : (uint8_t)f->prefix;
	lc->len = (uint8_t)t.len;
	return !t.overflow;
}

/* inlined: on most lines a load, a compare and a fixed-size copy */
static inline __attribute__((always_inline)) void
print_prefix(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f)
{
	int64_t id = r->tid ? r->tid : r->pid;
	struct sct_lead_cache *lc;

	if (!f->prefix)
		return;
	if (!f->lead_cache || (f->decode_pids & SCT_DECODE_PID_COMM)) {
		print_prefix_text(o, id, f);
		return;
	}
	lc = &f->lead_cache[(uint32_t)id % SCT_LEAD_CACHE];
	if ((lc->id != (int32_t)id || lc->prefix != f->prefix) && !lead_fill(lc, id, f)) {
		print_prefix_text(o, id, f);
		return;
	}
	if (__builtin_expect(o->cap - o->len >= sizeof(lc->text), 1)) {
		__builtin_memcpy(o->buf + o->len, lc->text, sizeof(lc->text));	/* a fixed-size copy */
		o->len += lc->len;
	} else {
		sct_out_write(o, lc->text, lc->len);
	}
}

/* ns's fraction of a second in the first prec digits after a point (none when 0) */
static void print_fraction(struct sct_out *o, uint64_t ns, int prec)
{
	uint64_t frac = ns % 1000000000u;

	if (prec <= 0)
		return;
	for (int d = 9; d > prec; d--)
		frac /= 10;
	sct_out_putc(o, '.');
	sct_out_udec_pad(o, frac, prec, '0');
}

/* -r: the time since the previous line's stamp, "%6ld.%0*ld " (strace's); inside
 * "(+...)" after an absolute stamp. */
static void print_rtstamp(struct sct_out *o, uint64_t mono_ns, const struct sct_fmt_opts *f)
{
	uint64_t *prev = f->rtstamp_prev;
	uint64_t d = 0;

	if (prev) {
		if (*prev && mono_ns > *prev)
			d = mono_ns - *prev;
		if (mono_ns > *prev || !*prev)
			*prev = mono_ns;
	}
	if (f->tstamp)
		sct_out_puts(o, "(+");
	sct_out_udec_pad(o, d / 1000000000u, 6, ' ');
	print_fraction(o, d, f->rtstamp_prec);
	sct_out_puts(o, f->tstamp ? ") " : " ");
}

/* -t/-tt print the wall-clock time of day in UTC (no time-zone database can be read
 * from here); -ttt prints seconds since the epoch. */
static void print_tstamp(struct sct_out *o, uint64_t mono_ns, const struct sct_fmt_opts *f)
{
	int64_t ns = (int64_t)mono_ns + f->realtime_offset_ns;
	uint64_t sec;

	if (f->tstamp) {
		if (ns < 0)
			ns = 0;
		sec = (uint64_t)ns / 1000000000u;
		if (f->tstamp == SCT_TS_UNIX) {
			sct_out_udec(o, sec);
		} else {
			uint64_t sod = sec % 86400;

			sct_out_udec_pad(o, sod / 3600, 2, '0');
			sct_out_putc(o, ':');
			sct_out_udec_pad(o, sod / 60 % 60, 2, '0');
			sct_out_putc(o, ':');
			sct_out_udec_pad(o, sod % 60, 2, '0');
		}
		print_fraction(o, (uint64_t)ns, f->tstamp_prec);
		sct_out_putc(o, ' ');
	}
	if (f->rtstamp)
		print_rtstamp(o, mono_ns, f);
}

static void print_args(const struct sct_dec *d)
{
	struct sct_out *o = d->o;
	int printed = 0;

	for (unsigned i = 0; i < d->c->nargs && i < SCT_MAX_ARGS; i++) {
		unsigned kind = d->c->arg[i].kind;
		size_t before = o->len;
		unsigned long fl;

		if (printed) {
			/* ", " must not be split by a flush: it may have to be taken back */
			if (o->fd >= 0 && o->cap - o->len < 2)
				sct_out_flush(o);
			before = o->len;
			sct_out_puts(o, ", ");
		}
		if (d->f->arg_mark && i == d->f->arg_mark_at)
			*d->f->arg_mark = o->len;
		fl = sct_out_flushes();
		if (sct_not_verbose(d) && sct_kind_is_struct(kind)) {
			sct_print_addr(o, d->r->arg[i]);
		} else if (kind < SCT_NKINDS && sct_decoders[kind]) {
			if (sct_decoders[kind](d, i)) {
				if (fl == sct_out_flushes())
					o->len = before;
				continue;
			}
		} else {
			sct_out_hex(o, d->r->arg[i]);
		}
		printed = 1;
	}
}

static void print_error(struct sct_out *o, int err)
{
	const char *name = sct_errno_name(err);
	const char *why = sct_errno_restart_text(err);

	if (why) {
		sct_out_puts(o, "? ");
		sct_out_puts(o, name);
		sct_out_puts(o, " (");
		sct_out_puts(o, why);
		sct_out_putc(o, ')');
	} else if (name) {
		sct_out_puts(o, "-1 ");
		sct_out_puts(o, name);
		sct_out_puts(o, " (");
		sct_out_puts(o, sct_errno_text(err));
		sct_out_putc(o, ')');
	} else {
		sct_out_puts(o, "-1 (errno ");
		sct_out_dec(o, err);
		sct_out_putc(o, ')');
	}
}

static int print_ret(const struct sct_dec *d)
{
	struct sct_out *o = d->o;
	const struct sct_rec *r = d->r;
	unsigned kind = d->c ? d->c->ret : SCT_R_INT;
	struct sct_dec at_exit = *d;

	at_exit.out = 1;
	if (r->flags & SCT_RF_NORETURN) {
		sct_out_putc(o, '?');
		return 0;
	}
	if (sct_failed(r)) {		/* even exit: a seccomp filter can fail it */
		print_error(o, (int)-r->ret);
		return 1;
	}
	if (kind == SCT_R_NONE) {
		sct_out_putc(o, '?');
		return 0;
	}
	switch (kind) {
	case SCT_R_FD:     sct_print_fd(d, SCT_BLOB_ARG_RET, r->ret); break;
	case SCT_R_HEX:    sct_out_hex(o, (uint64_t)r->ret); break;
	case SCT_R_OCTAL:  sct_print_umode(o, (uint64_t)r->ret); break;
	case SCT_R_FCNTL:  sct_print_fcntl_ret(d); break;
	case SCT_R_POLL:   sct_ret_poll(d); break;
	case SCT_R_SELECT: sct_ret_select(d); break;
	case SCT_R_TIME:   sct_ret_time(d); break;
	case SCT_R_PRCTL:  sct_ret_prctl(d); break;
	case SCT_R_PID:    sct_print_pid(&at_exit, r->ret, SCT_PT_TGID); break;
	case SCT_R_TID:    sct_print_pid(&at_exit, r->ret, SCT_PT_TID); break;
	case SCT_R_PGID:   sct_print_pid(&at_exit, r->ret, SCT_PT_PGID); break;
	case SCT_R_SID:    sct_print_pid(&at_exit, r->ret, SCT_PT_SID); break;
	case SCT_R_SCHED:  sct_ret_sched(d); break;
	case SCT_R_IOPRIO: sct_ret_ioprio(d); break;
	case SCT_R_ADJTIMEX: sct_ret_adjtimex(d); break;
	case SCT_R_RECVMMSG: sct_ret_recvmmsg(d); break;
	case SCT_R_LDT:    sct_ret_ldt(d); break;
	case SCT_R_PERSONA: sct_ret_personality(d); break;
	case SCT_R_BPF:
		if (SCT_BPF_RET_FD((uint32_t)r->arg[0]))
			sct_print_fd(d, SCT_BLOB_ARG_RET, r->ret);
		else
			sct_out_dec(o, r->ret);
		break;
	case SCT_R_LL_RULESET:
		if (d->r->arg[2] & 1)	/* LANDLOCK_CREATE_RULESET_VERSION: a number */
			sct_out_dec(o, r->ret);
		else
			sct_print_fd(d, SCT_BLOB_ARG_RET, r->ret);
		break;
	case SCT_R_IOCTL:  sct_ret_ioctl(d); break;
	case SCT_R_SIGNO:
		sct_out_dec(o, r->ret);
		sct_out_puts(o, " (");
		sct_print_signame(o, (int)r->ret);
		sct_out_putc(o, ')');
		break;
	/* strace: RVAL_UDECIMAL, its default (a faked retval=0x8000000000000000) */
	default:           sct_out_udec(o, (uint64_t)r->ret); break;
	}
	return 1;
}

/* -e raw=: strace's printargs(), every argument in hex */
static void print_raw_args(const struct sct_dec *d)
{
	for (unsigned i = 0; i < d->c->nargs && i < SCT_MAX_ARGS; i++) {
		if (i)
			sct_out_puts(d->o, ", ");
		sct_out_hex(d->o, d->r->arg[i]);
	}
}

static void print_duration(struct sct_out *o, uint64_t t0, uint64_t t1, int prec)
{
	uint64_t ns = t1 > t0 ? t1 - t0 : 0;

	sct_out_puts(o, " <");
	sct_out_udec(o, ns / 1000000000u);
	print_fraction(o, ns, prec);
	sct_out_putc(o, '>');
}

static void format_call(struct sct_out *o, const struct sct_rec *r, const struct sct_call *c,
			const struct sct_fmt_opts *f, size_t start, unsigned long start_fl)
{
	struct sct_dec d = { o, r, c, f, 0 };
	struct sct_call unknown;

	if (c) {
		/* given by the caller */
	} else if (r->call < sct_ncalls) {
		d.c = &sct_calls[r->call];
	} else {
		/* a call the spec has no line for: strace's syscall_0x1c8(0x1, 0, ...),
		 * all six arguments in hex */
		memset(&unknown, 0, sizeof(unknown));
		unknown.name = "syscall_";
		unknown.nargs = SCT_MAX_ARGS;
		for (unsigned i = 0; i < SCT_MAX_ARGS; i++)
			unknown.arg[i].kind = SCT_K_HEX;
		d.c = &unknown;
	}
	if (r->call < sct_ncalls && d.c->name == sct_calls[r->call].name && sct_call_namelen[r->call] &&
	    __builtin_expect(o->cap - o->len >= SCT_NAME_ROW, 1)) {
		__builtin_memcpy(o->buf + o->len, d.c->name, SCT_NAME_ROW);	/* its whole row */
		o->len += sct_call_namelen[r->call];
	} else {
		sct_out_puts(o, d.c->name);
	}
	if (d.c == &unknown)
		sct_out_hex(o, r->call & SCT_CALL_BY_NR ? r->call & ~SCT_CALL_BY_NR : r->call);
	sct_out_putc(o, '(');
	int raw = f->raw && d.c != &unknown && r->call < SCT_MAX_CALLS &&
		  (f->raw[r->call / 64] >> (r->call % 64) & 1);
	if (raw)
		print_raw_args(&d);
	else if (d.c->name[0] == 'c' && strcmp(d.c->name, "clone") == 0)
		sct_print_clone_args(&d);
	else
		print_args(&d);
	if (f->detached) {	/* strace -b execve: the exec's line as strace leaves it */
		sct_out_puts(o, " <detached ...>");
		return;
	}
	sct_out_putc(o, ')');
	if (sct_out_flushes() == start_fl && o->len >= start && o->len - start + 1 < f->acolumn)
		sct_out_fill(o, ' ', f->acolumn - 1 - (o->len - start));
	sct_out_puts(o, " = ");
	int ret_shown = 1;
	if (raw && !sct_failed(r) && !(r->flags & SCT_RF_NORETURN))
		sct_out_hex(o, (uint64_t)r->ret);	/* strace: "= %#lx" */
	else
		ret_shown = print_ret(&d);
	/* -e inject=: strace's print_injected_note() */
	if (r->flags & (SCT_RF_INJECTED | SCT_RF_POKED | SCT_RF_DELAYED)) {
		if ((r->flags & SCT_RF_INJECTED) && (r->flags & SCT_RF_POKED))
			sct_out_puts(o, " (INJECTED: args, retval)");
		else if (r->flags & SCT_RF_POKED)
			sct_out_puts(o, " (INJECTED: args)");
		else if (r->flags & SCT_RF_INJECTED)
			sct_out_puts(o, " (INJECTED)");
		if (r->flags & SCT_RF_DELAYED)
			sct_out_puts(o, " (DELAYED)");
	}
	if (ret_shown && f->show_time)
		print_duration(o, r->t0, r->t1, f->time_prec);
}

/* Up to the first NUL, at most NOTE_MAX bytes, printable ASCII as is and everything
 * else as an escape (strace's: \n, \t, ..., octal). */
#define NOTE_MAX 1024

static void print_note_text(struct sct_out *o, const unsigned char *s, size_t len)
{
	size_t n = 0;

	while (n < len && n < NOTE_MAX && s[n])
		n++;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c >= ' ' && c < 0x7f && c != '\\') {
			sct_out_putc(o, (char)c);
		} else {
			char esc[4] = { '\\', 0, 0, 0 };
			switch (c) {
			case '\\': esc[1] = '\\'; break;
			case '\t':  esc[1] = 't'; break;
			case '\n':  esc[1] = 'n'; break;
			case '\r':  esc[1] = 'r'; break;
			default:
				esc[1] = (char)('0' + (c >> 6));
				esc[2] = (char)('0' + ((c >> 3) & 7));
				esc[3] = (char)('0' + (c & 7));
				sct_out_write(o, esc, 4);
				continue;
			}
			sct_out_write(o, esc, 2);
		}
	}
	if (n == NOTE_MAX && n < len && s[n])
		sct_out_puts(o, "...");
}

/* strace's printleader: the text before the call's name */
static inline __attribute__((always_inline)) void
print_head(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f)
{
	print_prefix(o, r, f);
	if (f->tstamp || f->rtstamp)
		print_tstamp(o, r->t0, f);
	if (f->show_nr)
		print_nr(o, r, f);
	if (f->show_ip)
		print_ip(o, r);
}

int sct_format_line_head(struct sct_out *o, const struct sct_rec *r, const struct sct_call *c,
			 const struct sct_fmt_opts *f)
{
	if (r->kind == SCT_REC_PAD || !shown(r, c, f))
		return 0;
	print_head(o, r, f);
	return 1;
}

void sct_format_record(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f)
{
	sct_format_record_call(o, r, 0, f);
}

void sct_format_record_call(struct sct_out *o, const struct sct_rec *r,
			    const struct sct_call *c, const struct sct_fmt_opts *f)
{
	size_t start;
	unsigned long start_fl;
	const struct sct_blob *b;

	if (r->kind == SCT_REC_PAD || !shown(r, c, f))
		return;
	/* sct_print_quoted has only the output at hand: the line's string style rides on it */
	o->xstyle = f->xstyle;
	o->cstyle = f->cstyle;
	if (r->kind == SCT_REC_NOTE) {
		/* The text comes from the program's memory: it is escaped, so that it can
		 * hold no newline or terminal control, and it follows "pid N says:", so that
		 * it cannot pass for a message of sctrace's own. */
		sct_out_puts(o, "sctrace: pid ");
		sct_out_dec(o, r->pid);
		sct_out_puts(o, " says: ");
		b = sct_rec_blob(r, SCT_BLOB_ARG_TEXT, SCT_BLOB_IN);
		if (!b)
			b = sct_rec_blob(r, SCT_BLOB_ARG_TEXT, SCT_BLOB_OUT);
		if (b)
			print_note_text(o, sct_blob_data(b), b->len);
		sct_out_putc(o, '\n');
		return;
	}
	/* A line starts with room for its first columns: padding to the return column
	 * is only needed when they are few, and must not straddle a flush. */
	if (o->fd >= 0 && o->cap - o->len < LINE_HEAD_ROOM)
		sct_out_flush(o);
	start = o->len;
	start_fl = sct_out_flushes();
	print_head(o, r, f);
	switch (r->kind) {
	case SCT_REC_CALL:
		format_call(o, r, c, f, start, start_fl);
		break;
	case SCT_REC_EXIT:
		sct_out_puts(o, "+++ exited with ");
		sct_out_dec(o, (int)r->arg[0]);
		sct_out_puts(o, " +++");
		break;
	case SCT_REC_SIGNAL:
		sct_out_puts(o, "+++ killed by ");
		sct_print_signame(o, (int)r->arg[0]);
		if (r->arg[1])
			sct_out_puts(o, " (core dumped)");
		sct_out_puts(o, " +++");
		break;
	case SCT_REC_SIGINFO:
		sct_print_delivery(o, r, f);
		break;
	default:
		sct_out_puts(o, "sctrace: unknown record kind ");
		sct_out_udec(o, r->kind);
		break;
	}
	sct_out_putc(o, '\n');
	if (r->kind == SCT_REC_CALL)
		sct_print_dumps(o, r);
}
