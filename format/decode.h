/* The decoding vocabulary, after strace's printfd/printpath/printflags/printxval:
 * every argument decoder is composed from these.  Internal to format/. */
#ifndef SCT_DECODE_H
#define SCT_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include "calls.h"
#include "format.h"

/* A named constant: { value, "NAME" }, tables end with { 0, NULL }. */
struct sct_xlat {
	uint64_t val;
	const char *name;
};

/* A constant table of gen/xlat/NAME.in, as the generator emits it (xlattab.c). */
struct sct_xlat_tab {
	const struct sct_xlat *x;
	const char *unknown;		/* "MS_???" or NULL */
	uint8_t flags;			/* a set of bits, else one value */
	uint8_t bits64;			/* the whole argument, else its low 32 bits */
	uint8_t dec;			/* an unnamed value prints in decimal */
};
extern const struct sct_xlat_tab sct_xlat_tabs[];
extern const unsigned sct_nxlat_tabs;

/* Print v from table t as its data file says (flags or value, unknown comment). */
void sct_print_xlat(struct sct_out *o, unsigned t, uint64_t v);

/* What a decoder sees. */
struct sct_dec {
	struct sct_out *o;
	const struct sct_rec *r;
	const struct sct_call *c;
	const struct sct_fmt_opts *f;
	int out;			/* printing what the call left (its result, an out
					 * argument): strace looks at the time of its exit */
};

/* Print argument i of d->r.  Return 0 when something was printed, 1 when this
 * argument is omitted altogether (mode of openat without O_CREAT; no comma). */
typedef int sct_decoder(const struct sct_dec *d, unsigned i);

/* One decoder per enum sct_kind, in kind order (format/decode.c). */
extern sct_decoder *const sct_decoders[];

/* --- vocabulary ---------------------------------------------------------------- */

/* Quoted C string as strace prints it: "a\nb\0\t\"" with \ooo octal escapes for other
 * non-printables; at most `max` bytes shown; `more` (source longer than shown, or the
 * capture was truncated) appends "..." after the closing quote. */
void sct_print_quoted(struct sct_out *o, const unsigned char *s, size_t n, size_t max, int more);

/* The same with strace's QUOTE_* style: no quotes (SCT_QUOTE_BARE), '<' and '>'
 * escaped too (SCT_QUOTE_ANGLES): a descriptor's path in 3</a\76b> */
enum { SCT_QUOTE_BARE = 1, SCT_QUOTE_ANGLES = 2 };
void sct_print_quoted_ex(struct sct_out *o, const unsigned char *s, size_t n, size_t max,
			 int more, unsigned style);

/* Descriptor fd of argument `arg` (SCT_BLOB_ARG_RET: the result), with -y what the
 * record says it named: 3, 3</dev/null>, 3<socket:[1234]>, -yy 3</dev/null<char 1:3>> */
void sct_print_fd(const struct sct_dec *d, unsigned arg, int64_t fd);

/* -P: does the call name one of f->paths (format/fdname.c)? */
int sct_names_traced_path(const struct sct_rec *r, const struct sct_call *c,
			  const struct sct_fmt_opts *f);

/* The captured string or buffer behind argument i at `when`, cut at -s where
 * `limit` is 0 (PATH prints whole: pass limit = 4096).  Prints the address when
 * nothing was captured (NULL prints "NULL"). */
void sct_print_strarg(const struct sct_dec *d, unsigned i, unsigned when, size_t limit);

void sct_print_addr(struct sct_out *o, uint64_t p);		/* NULL or 0x7ffd1234 */

/* Flags: "O_RDONLY|O_CLOEXEC"; bits not in the table print as "0x40" after a '|';
 * a zero value prints "0" (or the table's zero entry if it has one, e.g. O_RDONLY).
 * These printers follow the line's -X style (o->cstyle): the one place it is applied. */
void sct_print_flags(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt);

/* Exact value: "SEEK_SET"; unknown prints "0x9 / * SEEK_??? * /" as strace does, with
 * `dflt` being "SEEK_???" (the number in decimal or hex as strace prints that table). */
void sct_print_xval(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt);
/* The same with the number in hex (dec 0), in decimal (1: strace's printxval_d), or
 * in decimal as a 32-bit int (2). */
void sct_print_xval_style(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt,
			  int dec);
const char *sct_xlat_find(const struct sct_xlat *t, uint64_t v);

/* A value a decoder composes from several tables (mmap flags, socket type) under
 * -X, as strace's composite printers: raw prints the number and begin returns 0
 * (print nothing more); verbose prints "0x22 / * " and the abbreviated text follows,
 * closed by end.  `base`: 16, or 8 for modes (0100644). */
int sct_composite_begin(struct sct_out *o, uint64_t v, int base, int *saved);
void sct_composite_end(struct sct_out *o, int saved);

/* A value with a name of its own (AT_FDCWD, SIG_IGN) under -X, as strace's
 * print_xlat_ex: NAME, the number (decimal when `dec`), or -100 / * AT_FDCWD * /. */
void sct_print_named(struct sct_out *o, int64_t v, int dec, const char *name);

void sct_print_signame(struct sct_out *o, int sig);		/* SIGINT, SIGRTMIN, SIGRT_3, 99 */
void sct_print_signal(struct sct_out *o, int sig);		/* the same as an argument: with -X */
void sct_print_sigset(struct sct_out *o, const uint64_t *mask);	/* [INT TERM], ~[KILL STOP], [] */

/* Blob lookup shortcuts. */
const struct sct_blob *sct_arg_in(const struct sct_dec *d, unsigned i);
const struct sct_blob *sct_arg_out(const struct sct_dec *d, unsigned i);

/* -v, -e abbrev=: is this record's call printed unabbreviated? */
static inline int sct_no_abbrev(const struct sct_dec *d)
{
	const uint64_t *m = d->f->no_abbrev;
	unsigned call = d->r->call;

	return m && call < SCT_MAX_CALLS && (m[call / 64] >> (call % 64) & 1);
}

/* -e verbose=: is this record's call left out (its structures print as addresses,
 * format/line.c)? */
int sct_kind_is_struct(unsigned kind);	/* a kind -e verbose= leaves out (decode.c) */
static inline int sct_not_verbose(const struct sct_dec *d)
{
	const uint64_t *m = d->f->not_verbose;
	unsigned call = d->r->call;

	return m && call < SCT_MAX_CALLS && (m[call / 64] >> (call % 64) & 1);
}

/* 2023-11-14T22:13:20.000000123+0000 (format/time.c) */
void sct_print_date(struct sct_out *o, int64_t sec, int64_t nsec);
/* " / * DATE * /" as strace's sprinttime_nsec comment: none for a bad nsec (time.c) */
void sct_print_date_comment(struct sct_out *o, int64_t sec, int64_t nsec);

/* The call failed (ret in -4095..-1). */
static inline int sct_failed(const struct sct_rec *r)
{
	return r->ret < 0 && r->ret >= -4095 && !(r->flags & SCT_RF_RETVAL);
}

/* --- decoders, one per enum sct_kind (named sct_dec_<spec name>) ----------------- */

/* plain numbers (format/process.c) */
sct_decoder sct_dec_int, sct_dec_uint, sct_dec_long, sct_dec_ulong, sct_dec_hex,
	sct_dec_xint, sct_dec_ptr, sct_dec_octal, sct_dec_hidden;
/* pids (format/pid.c): a process, a thread, a group, kill's process or -group */
sct_decoder sct_dec_pid, sct_dec_tid, sct_dec_pgid, sct_dec_pid_pgid, sct_dec_prio_who,
	sct_dec_waitid_id;
/* ioprio_get's and ioprio_set's who, sched_getscheduler's result (format/sched.c) */
sct_decoder sct_dec_ioprio_who;
void sct_ret_sched(const struct sct_dec *d);

/* A pid of type SCT_PT_* with what -Y and --pidns-translation add (format/pid.c);
 * kill's and wait4's pid (a group when below -1); "<sh>", a command name escaped. */
void sct_print_pid(const struct sct_dec *d, int64_t id, int type);
void sct_print_pid_pgid(const struct sct_dec *d, int64_t id);
void sct_print_comm(struct sct_out *o, const char *comm);
/* constant tables of gen/xlat/ (format/consts.c) */
sct_decoder sct_dec_flags, sct_dec_xval;
/* descriptors (format/fdname.c: fd, dirfd; format/fd.c: the rest) */
sct_decoder sct_dec_fd, sct_dec_dirfd, sct_dec_whence, sct_dec_fcntl_cmd,
	sct_dec_fcntl_arg, sct_dec_ioctl_req, sct_dec_ioctl_arg, sct_dec_pipefd;
void sct_ret_ioctl(const struct sct_dec *d);	/* return of kind SCT_R_IOCTL (ioctl.c) */
/* strings, buffers, files (format/file.c) */
sct_decoder sct_dec_path, sct_dec_str, sct_dec_buf_in, sct_dec_buf_out, sct_dec_buf_out_hex,
	sct_dec_oflags, sct_dec_oflags_na, sct_dec_mode_creat, sct_dec_atflags,
	sct_dec_accmode, sct_dec_renameflags, sct_dec_statx_mask, sct_dec_dirents;
/* stat structures (format/stat.c) */
sct_decoder sct_dec_stat, sct_dec_statx;
/* network (format/net.c) */
sct_decoder sct_dec_sockfamily, sct_dec_socktype, sct_dec_sockproto,
	sct_dec_sockaddr_in, sct_dec_sockaddr_out, sct_dec_socklen_io, sct_dec_sockfds,
	sct_dec_msgflags, sct_dec_shut_how, sct_dec_sol, sct_dec_sockopt,
	sct_dec_sockopt_in, sct_dec_sockopt_out, sct_dec_iov_in, sct_dec_iov_out,
	sct_dec_msghdr_in, sct_dec_msghdr_out;
/* polling (format/poll.c) */
sct_decoder sct_dec_pollfds, sct_dec_fdset, sct_dec_epoll_op, sct_dec_epoll_event,
	sct_dec_epoll_events, sct_dec_epoll_flags;
/* time (format/time.c) */
sct_decoder sct_dec_pselect_sig;
sct_decoder sct_dec_mremap_addr;
sct_decoder sct_dec_loff_io, sct_dec_loff_in, sct_dec_closerange_flags;
sct_decoder sct_dec_timeval, sct_dec_timespec, sct_dec_timespec_out,
	sct_dec_clockid, sct_dec_timerflags, sct_dec_utimens;
/* memory (format/mem.c) */
sct_decoder sct_dec_prot, sct_dec_mapflags, sct_dec_madvice, sct_dec_mremapflags;
/* processes (format/process.c) */
sct_decoder sct_dec_cloneflags, sct_dec_clone_args, sct_dec_argv, sct_dec_envp, sct_dec_wstatus,
	sct_dec_woptions;
/* system queries (format/system.c) */
sct_decoder sct_dec_rlimit64, sct_dec_rlimit64_out, sct_dec_statfs, sct_dec_sysinfo,
	sct_dec_utsname, sct_dec_cpuset_out, sct_dec_cpuset_in;
/* prctl, arch_prctl (format/prctl.c) */
sct_decoder sct_dec_prctl_arg, sct_dec_arch_prctl_arg;
void sct_ret_prctl(const struct sct_dec *d);	/* return of kind SCT_R_PRCTL */
/* futex (format/futex.c) */
sct_decoder sct_dec_futex_op, sct_dec_futex_arg, sct_dec_futex_waiters;
/* signals (format/sig.c) */
sct_decoder sct_dec_signum, sct_dec_sighow, sct_dec_sigset, sct_dec_sigset_out,
	sct_dec_sigaction, sct_dec_sigaction_out, sct_dec_sigreturn_mask,
	sct_dec_stack_t, sct_dec_stack_t_out;
/* time (format/time.c) */
sct_decoder sct_dec_rusage, sct_dec_timeval_out, sct_dec_timeval_pair, sct_dec_timezone,
	sct_dec_timezone_out, sct_dec_itimerval, sct_dec_itimerval_out, sct_dec_tms_out,
	sct_dec_time_out, sct_dec_utimbuf;
/* a number behind a pointer (format/value.c) */
sct_decoder sct_dec_int_in, sct_dec_int_out, sct_dec_uint_out;
/* group lists (format/creds.c) */
sct_decoder sct_dec_gids_in, sct_dec_gids_out, sct_dec_ugid;
/* A uid or gid as strace prints it (printuid): unsigned 32 bits (the kernel takes the
 * low word of the register), except (uid_t)-1, "no change", printed -1. */
void sct_print_ugid(struct sct_out *o, uint32_t id);
sct_decoder sct_dec_mincore_vec, sct_dec_xattr_val, sct_dec_xattr_list;
/* mknod (format/stat.c), fanotify_init (format/fanotify.c) */
sct_decoder sct_dec_mknod_mode, sct_dec_mknod_dev, sct_dec_fan_init_flags, sct_dec_fan_dirfd;
sct_decoder sct_dec_memfd_name, sct_dec_memfd_flags;	/* format/mem.c */
sct_decoder sct_dec_dev;				/* format/stat.c */
sct_decoder sct_dec_mount_str, sct_dec_mount_flags, sct_dec_mount_attr;	/* format/mount.c */
sct_decoder sct_dec_reboot_arg;				/* format/reboot.c */
sct_decoder sct_dec_syslog_type, sct_dec_syslog_buf, sct_dec_syslog_len;	/* format/syslog.c */
sct_decoder sct_dec_kexec_segments, sct_dec_kexec_flags;	/* format/kexec.c */
sct_decoder sct_dec_kcmp_idx;				/* format/kcmp.c */
sct_decoder sct_dec_personality;			/* format/personality.c */
sct_decoder sct_dec_bpf_attr;				/* format/bpf.c */
sct_decoder sct_dec_fsconfig_key, sct_dec_fsconfig_val, sct_dec_fsconfig_aux;	/* format/fsconfig.c */

void sct_ret_personality(const struct sct_dec *d);	/* its result, kind SCT_R_PERSONA */
/* I/O priorities (format/ioprio.c): the argument, ioprio_get's result, and the text
 * IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4) of a value */
sct_decoder sct_dec_ioprio;
void sct_ret_ioprio(const struct sct_dec *d);
void sct_print_ioprio_value(struct sct_out *o, uint32_t v);
/* NUMA memory policy, move_pages (format/mempolicy.c) */
sct_decoder sct_dec_mpol_mode, sct_dec_mpol_mode32, sct_dec_mpol_out, sct_dec_nodemask,
	sct_dec_pages, sct_dec_nodes, sct_dec_page_status;
/* seccomp (format/seccomp.c) */
sct_decoder sct_dec_seccomp_flags, sct_dec_seccomp_arg;
sct_decoder sct_dec_ptr_out, sct_dec_ulong_out;	/* format/value.c */
sct_decoder sct_dec_iov_addr;			/* format/iov.c */
sct_decoder sct_dec_uring_reg_arg;		/* format/uring_register.c */
sct_decoder sct_dec_open_how;			/* format/openat2.c */
sct_decoder sct_dec_landlock_ruleset_attr, sct_dec_landlock_rule_attr;	/* format/landlock.c */
sct_decoder sct_dec_user_desc;			/* format/thread_area.c, and modify_ldt's */
void sct_ret_ldt(const struct sct_dec *d);	/* modify_ldt's result (thread_area.c) */
sct_decoder sct_dec_quota_cmd, sct_dec_quota_id, sct_dec_quota_addr;	/* format/quota.c */
sct_decoder sct_dec_sysctl_args;		/* format/sysctl.c */
sct_decoder sct_dec_swap_flags;			/* format/swapon.c */
sct_decoder sct_dec_io_events, sct_dec_io_event, sct_dec_iocb_hdr, sct_dec_iocbs,
	sct_dec_aio_sigset;				/* format/aio.c */
sct_decoder sct_dec_perf_attr;			/* format/perf.c */
sct_decoder sct_dec_io_uring_params;		/* format/io_uring.c */
void sct_print_clockid(struct sct_out *o, uint32_t v);	/* CLOCK_MONOTONIC (time.c) */
void sct_print_pollevents(struct sct_out *o, uint64_t v);	/* POLLIN|POLLOUT (poll.c) */
/* count elements of an iovec blob (kinds.h) inside another blob (iov.c) */
void sct_print_iov_elems(const struct sct_dec *d, uint64_t addr, const unsigned char *p,
			 size_t avail, uint64_t count, int addrs, int cut);
/* The IN ext blob of argument i: our part and its length in *base (NULL: none).  Then
 * what strace's print_nonzero_bytes shows of the rest, before the closing brace:
 * nothing (all zeros), ", ???" (unreadable) or ", / * bytes 24..31 * / "\x80..."" */
const unsigned char *sct_ext_struct(const struct sct_dec *d, unsigned i, uint32_t *base);
void sct_ext_rest(const struct sct_dec *d, unsigned i);
/* strace's "%#0*llx": 0x00000003 in `width` characters, 00000000 for zero */
void sct_out_0x(struct sct_out *o, uint64_t v, int width);
/* POSIX timers, timerfd, message queues (format/timer.c, format/mq.c) */
sct_decoder sct_dec_itimerspec, sct_dec_itimerspec_out, sct_dec_sigevent, sct_dec_mq_attr,
	sct_dec_mq_attr_out, sct_dec_mq_open_attr;
void sct_print_sigevent(struct sct_out *o, const unsigned char *p);	/* 32 bytes */
sct_decoder sct_dec_sembuf, sct_dec_ipc_key, sct_dec_ipc_flags, sct_dec_ipc_cmd,
	sct_dec_ipc_buf, sct_dec_msgbuf;	/* format/ipc.c */
sct_decoder sct_dec_keyctl_cmd, sct_dec_keyctl_arg;	/* format/keyctl.c */
sct_decoder sct_dec_sched_attr, sct_dec_sched_attr_out;	/* format/sched.c */
sct_decoder sct_dec_timex;	/* format/adjtimex.c */
sct_decoder sct_dec_mmsghdr;	/* format/mmsg.c */
void sct_ret_recvmmsg(const struct sct_dec *d);	/* return of kind SCT_R_RECVMMSG */
/* A msghdr blob (format/iov.c): `before` is msg_namelen as passed (UINT32_MAX: as
 * `out` says), `limit` the bytes of data received (-1: all, as sent) */
void sct_print_msghdr(const struct sct_dec *d, uint32_t before, const struct sct_blob *out,
		      int64_t limit);
int sct_msghdr_ok(const struct sct_blob *b);	/* long enough to print */
void sct_ret_adjtimex(const struct sct_dec *d);	/* return of kind SCT_R_ADJTIMEX */
/* siginfo_t (format/siginfo.c) */
sct_decoder sct_dec_siginfo, sct_dec_siginfo_out;
#define SCT_SIGINFO_SIZE 128		/* x86-64 siginfo_t */
/* {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} from SCT_SIGINFO_SIZE bytes */
void sct_print_siginfo(const struct sct_dec *d, const unsigned char *si);
/* "--- SIGUSR1 {si_signo=SIGUSR1, ...} ---" of an SCT_REC_SIGINFO record */
void sct_print_delivery(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f);
/* -e read=/-e write=: the hex dump lines after a call's line, if it carries one (hexdump.c) */
void sct_print_dumps(struct sct_out *o, const struct sct_rec *r);

/* --- helpers shared inside format/ -------------------------------------------- */

/* An array behind argument i of nmemb elements of es bytes, from its array blob
 * (kinds.h), each element printed by fn, as strace's print_array (format/array.c). */
typedef void sct_elem_printer(const struct sct_dec *d, const unsigned char *e);
void sct_print_array(const struct sct_dec *d, unsigned i, unsigned when, uint64_t nmemb,
		     size_t es, sct_elem_printer *fn);
/* the same showing at most `max` elements whatever -s and -v say */
void sct_print_array_max(const struct sct_dec *d, unsigned i, unsigned when, uint64_t nmemb,
			 size_t es, sct_elem_printer *fn, uint64_t max);
/* the same for an array at addr inside a structure, its blob under slot i */
void sct_print_array_at(const struct sct_dec *d, unsigned i, unsigned when, uint64_t addr,
			uint64_t nmemb, size_t es, sct_elem_printer *fn, uint64_t max);
sct_elem_printer sct_elem_addr, sct_elem_int;	/* 0x7f..., -1 */

static inline unsigned long sct_out_flushes(void)	/* flushes made by this thread (out.h) */
{
	return sct_out_nflushes;
}
void sct_print_umode(struct sct_out *o, uint64_t mode);	/* strace's %#03o: 000, 022, 0644 */
void sct_print_open_flags(struct sct_out *o, uint64_t v);	/* O_RDWR|O_CREAT (file.c) */
void sct_print_open_flags64(struct sct_out *o, uint64_t v);	/* the same, not cut to an int */
void sct_print_open_mode_flags(struct sct_out *o, uint64_t v);	/* O_CLOEXEC, no access mode */
void sct_print_statx_mask(struct sct_out *o, uint64_t v);	/* STATX_ALL|STATX_MNT_ID (file.c) */
void sct_print_fcntl_ret(const struct sct_dec *d);	/* return of kind SCT_R_FCNTL (fd.c) */
void sct_print_clone_args(const struct sct_dec *d);	/* clone's named arguments (process.c) */
const char *sct_errno_restart_text(int err);	/* ERESTARTSYS..: strace's text, or NULL */
/* What r's line has before the call's name (prefix, time stamps, -n, -i), as
 * sct_format_record_call prints it; 0 (nothing printed) when that line is not shown. */
int sct_format_line_head(struct sct_out *o, const struct sct_rec *r, const struct sct_call *c,
			 const struct sct_fmt_opts *f);
/* sct_format_record / sct_format_summary with an explicit call table entry/table
 * (NULL: sct_calls[]), so that tests can describe calls of their own. */
void sct_format_record_call(struct sct_out *o, const struct sct_rec *r,
			    const struct sct_call *c, const struct sct_fmt_opts *f);
void sct_format_summary_calls(struct sct_out *o, const struct sct_count *counts, unsigned n,
			      const struct sct_call *calls);

/* Return values of kind SCT_R_POLL / SCT_R_SELECT (format/poll.c): print the whole
 * return part after "= " for a successful call, e.g. "1 ([{fd=3, revents=POLLIN}])"
 * or "1 (in [3], left {tv_sec=0, tv_usec=99})".  Errors are printed by line.c. */
void sct_ret_poll(const struct sct_dec *d);
void sct_ret_select(const struct sct_dec *d);
/* SCT_R_TIME (format/time.c): "1796015681 (2026-11-30T05:14:41+0000)" */
void sct_ret_time(const struct sct_dec *d);

#endif
