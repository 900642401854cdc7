/* The one definition of what crosses from a traced process to the runner.
 *
 * A session directory holds one ring file per traced thread.  The file starts with
 * a struct sct_ring (one page), then the per-call counters used by -c (struct
 * sct_count[SCT_MAX_CALLS]), then `data_size` bytes of record data (a power of two,
 * 0 in counting mode).  Everything is native-endian; both sides are the same build.
 *
 * Ring protocol (single producer = the owning thread, single consumer = the runner):
 *   - the writer owns `head` (bytes ever committed), the reader owns `tail` (bytes
 *     ever consumed); offsets in the data area are `pos & (data_size - 1)`;
 *   - a record never wraps: when it does not fit before the end of the data area the
 *     writer first commits an SCT_REC_PAD record covering the rest;
 *   - records are 8-byte aligned and their `size` includes the header and blobs;
 *   - the writer publishes `head` with a release store after the record is complete;
 *     the reader loads `head` with acquire, copies, then stores `tail` with release.
 *
 * The ring lives in the traced program's memory, so the runner trusts nothing in it
 * (runner/drain.c checks every field against the ring's bounds).  The writer in turn
 * never waits on a ring nobody drains: the runner says who it is when it maps a ring
 * (`reader_pid`, `reader_start`), shows it is alive by bumping `reader_seq` on every
 * pass, and sets `abandoned` when it gives up on a corrupt ring; a writer that finds
 * no live reader drops records and counts them in `lost` (preload/reserve.c).
 *
 * The runner sleeps instead of polling: before it does it sets `reader_sleeps` in
 * every ring, then looks at each again; a writer that finds its ring full, and sees
 * `reader_sleeps` (each side fences between its store and its load, so one of the two
 * sees the other), sends the runner SIGURG, which wakes it (runner/loop.c).  So does,
 * earlier, the reservation that takes a ring past half full (the runner does not sleep
 * on a ring within two records of half, which covers that record's commit), and a new
 * ring once.  Below half full nothing is sent: the runner comes within SCT_LATENCY_MS.
 */
#ifndef SCT_RECORD_H
#define SCT_RECORD_H

#include <stddef.h>
#include <stdint.h>

#define SCT_RING_MAGIC   0x52544353u	/* "SCTR" */
#define SCT_RING_VERSION 5u	/* 3: counters for 512 calls; 4: the reader's fields;
				 * 5: the task's pid namespace */
#define SCT_MAX_ARGS     6
#define SCT_MAX_CALLS    512	/* rows of sct_calls[] a ring counts (gen/spec.h) */
#define SCT_RING_HDR     4096u		/* struct sct_ring lives in the first page */
#define SCT_COUNTS_SIZE  (SCT_MAX_CALLS * sizeof(struct sct_count))
#define SCT_DATA_OFFSET  (SCT_RING_HDR + ((SCT_COUNTS_SIZE + 4095u) & ~4095u))
#define SCT_REC_MAX      (64u * 1024)	/* largest record a writer builds */

/* Time base: records carry raw ticks; ns = ns_base + ((ticks - tick_base) * mult >> shift).
 * With the vDSO clock ticks are already ns: mult = 1, shift = 0, bases 0. */
struct sct_clock {
	uint64_t tick_base;
	uint64_t ns_base;		/* CLOCK_MONOTONIC */
	uint32_t mult;
	uint32_t shift;
};

/* ring->state.  SPARE: made ahead of a seccomp filter of the program's and not yet
 * any thread's (its tid is 0); CLAIMED: being taken by one.  The runner skips both
 * and maps the file once a thread has made it ACTIVE (preload/spare.c). */
enum { SCT_RING_ACTIVE = 1, SCT_RING_CLOSED = 2, SCT_RING_SPARE = 3, SCT_RING_CLAIMED = 4 };

/* The call a thread is in, published on entry (preload/inflight.h) so that the runner
 * can print "read(3,  <unfinished ...>" for a call that blocks while another task
 * prints, and the pending line of a task killed inside a call (runner/inflight.c).
 * `seq` is a sequence lock: its low two bits say idle (0), being written (1) or in
 * flight (2), the rest counts calls; a reader copies the fields between two reads of
 * seq and believes them only when both reads are the same "in flight" value.  A new
 * field at the end of the header: a writer of an older build leaves it idle (zeros). */
enum { SCT_PEND_IDLE = 0, SCT_PEND_WRITING = 1, SCT_PEND_BUSY = 2, SCT_PEND_MASK = 3 };
struct sct_pending {
	uint64_t seq;
	uint32_t call;			/* index in sct_calls[] */
	uint32_t pad;
	uint64_t t0;			/* entry, in ticks (as a record's t0) */
	uint64_t arg[SCT_MAX_ARGS];	/* raw, as the kernel gets them */
};

struct sct_ring {
	uint32_t magic, version;
	int32_t pid, tid;
	uint32_t data_size;		/* bytes of record data, power of two or 0 */
	uint32_t state;			/* SCT_RING_*: CLOSED once the thread is gone */
	uint32_t ncalls;		/* entries of sct_calls[] the writer knows */
	uint32_t pad0;
	struct sct_clock clock;
	uint64_t lost;			/* records dropped (drop mode, or no reader) */
	uint64_t created_ns;		/* CLOCK_MONOTONIC at creation: of two rings of one
					 * pid and tid (an exec), the later is the newer */
	/* Where the task is when that is not simply the runner's pid namespace seen
	 * through the runner's /proc (preload/pidns.c, runner/pidns.c); all 0 then.  pid
	 * and tid above stay the task's own numbers: its records carry those. */
	uint32_t pidns;			/* inode of its pid namespace, 0: the runner's */
	uint32_t ns_level;		/* its namespace's depth below /proc's */
	int32_t ns_pid, ns_tid;		/* its pid and tid in the runner's namespace, 0: unknown */
	int32_t proc_pid, proc_tid;	/* ... and in /proc's, 0: unknown */
	_Alignas(64) uint64_t head;	/* written by the traced thread only */
	_Alignas(64) uint64_t tail;	/* written by the runner only */
	_Alignas(64) uint32_t waiting;	/* writer is waiting for room (futex word) */
	uint32_t abandoned;		/* runner: this ring is corrupt and read no more */
	uint64_t reader_seq;		/* runner: bumped on every pass over the ring */
	int32_t reader_pid;		/* runner: its pid, 0 until it maps the ring */
	uint32_t orphan;		/* writer: no reader came in time; drop, don't wait */
	uint64_t reader_start;		/* runner: its start time (/proc/PID/stat field 22),
					 * so that a reused pid is not taken for it */
	uint32_t reader_sleeps;		/* runner: asleep until a signal; a writer whose ring
					 * crosses half full, or fills, sends it SIGURG */
	_Alignas(64) struct sct_pending pending;	/* writer: the call in flight */
};

/* Bounds the runner holds a ring to (anything outside is corruption). */
#define SCT_RING_MIN_DATA 256u			/* smallest data_size, 0 aside */
#define SCT_RING_MAX_DATA (1u << 30)		/* largest data_size */
#define SCT_LOST_MAX      (1ull << 40)		/* more drops than a thread can make */

struct sct_count {
	uint64_t calls;
	uint64_t errors;
	uint64_t ticks;			/* summed t1 - t0, in clock ticks */
	uint64_t min_inv;		/* ~ the shortest call (0: none yet); with
					 * SCT_ENV_COUNT_EXTRA only */
	uint64_t max;			/* the longest call */
};

/* sct_rec.kind */
enum {
	SCT_REC_CALL = 0,	/* a completed call: call, args, ret, blobs */
	SCT_REC_PAD  = 1,	/* filler up to the end of the data area: skip */
	SCT_REC_EXIT = 2,	/* process is exiting: arg[0] = exit code (prints +++ exited with N +++) */
	SCT_REC_NOTE = 3,	/* a message for the user: blob 0 holds text, printed "sctrace: pid N: TEXT" */
	SCT_REC_SIGNAL = 4,	/* process killed: arg[0] = signal, arg[1] = core dumped */
	SCT_REC_SIGINFO = 5,	/* a signal delivered to a handler of the program (complete
				 * mode): arg[0] = signal, blob (arg 0, IN) = its siginfo_t,
				 * 128 bytes; printed "--- SIGUSR1 {si_signo=...} ---" */
	SCT_REC_DETACH = 6,	/* -b execve: this exec'd image goes untraced; comes just
				 * before its execve record, which then ends " <detached
				 * ...>"; "sctrace: Process N detached" */
};

/* The kernel's "interrupted by a signal" codes, which strace shows as "= ? NAME" */
#define SCT_ERESTARTSYS           512
#define SCT_ERESTARTNOHAND        514
#define SCT_ERESTART_RESTARTBLOCK 516

/* sct_rec.flags */
enum {
	SCT_RF_NORETURN = 1,	/* call never returned (execve success, exit_group): prints "= ?" */
	SCT_RF_INJECTED = 2,	/* -e inject=: the result was faked: " (INJECTED)" */
	SCT_RF_DELAYED = 4,	/* -e inject=:delay_*=: " (DELAYED)" */
	SCT_RF_POKED = 8,	/* -e inject=:poke_*=: memory written: " (INJECTED: args)" */
	SCT_RF_RETVAL = 16,	/* -e inject=:retval=: a success, whatever the value */
};

struct sct_rec {
	uint32_t size;			/* bytes including this header and blobs, multiple of 8 */
	uint16_t call;			/* index in sct_calls[], or SCT_CALL_BY_NR | nr (calls.h) */
	uint8_t kind;			/* SCT_REC_* */
	uint8_t flags;			/* SCT_RF_* */
	int32_t pid, tid;
	uint64_t t0, t1;		/* entry and exit, in ticks (runner converts to ns) */
	int64_t ret;			/* the kernel's value: -4095..-1 is -errno */
	uint64_t arg[SCT_MAX_ARGS];	/* the system call's arguments as the kernel saw them */
	/* struct sct_blob entries follow, up to `size` */
};

/* Captured memory behind an argument.  SCT_BLOB_FDPATH: what the descriptors of an
 * argument (or of the result, arg SCT_BLOB_ARG_RET) were in the process, with -y or
 * -P: entries { int32_t fd; uint32_t len; uint32_t dev_type; uint32_t dev_major;
 * uint32_t dev_minor; uint32_t pad; bytes[len] of readlink("/proc/self/fd/N") padded
 * to 8 } (preload/fdpath.c).  dev_type is 0, or 'c' / 'b' for a device (-yy only). */
enum { SCT_BLOB_IN = 0, SCT_BLOB_OUT = 1, SCT_BLOB_FDPATH = 2 };
enum {
	SCT_BF_TRUNC = 1,		/* the source was longer than what was captured */
	SCT_BF_UNTERM = 2,		/* argv/envp: an element could not be read before the NULL */
	SCT_BF_FAULT = 4,		/* iovec array: the element after the last captured could
					 * not be read; iovec element: its data could not be read;
					 * setgroups' list: the gid after the captured ones */
	SCT_BF_ADDR = 8,		/* argv/envp element: not readable, its 8 bytes are
					 * the pointer (strace prints the address) */
};

struct sct_fdpath_ent {
	int32_t fd;
	uint32_t len;
	uint32_t dev_type, dev_major, dev_minor, pad;	/* pad: SCT_FDP_* */
	/* len bytes, padded to 8; then, with SCT_FDP_SOCK, a struct sct_fdpath_sock */
};

enum {
	SCT_FDP_DELETED = 1,		/* strace's "(deleted)" after the '>' */
	SCT_FDP_SOCK = 2,		/* -yy on a socket: struct sct_fdpath_sock follows */
};

/* What -yy shows of a socket instead of socket:[N] (strace asks sock_diag; the
 * traced process asks the socket itself): the kernel's protocol name, and for a TCP
 * or UDP socket that sock_diag would list (listening, connected, or a bound UDP one)
 * its addresses; a bound UNIX socket's name (its peer, which sock_diag would add,
 * is not known); a bound netlink socket's protocol (in dport) and port id (the first 4
 * bytes of src, host order), family AF_NETLINK. */
struct sct_fdpath_sock {
	char proto[16];			/* "TCP", "UDPv6", "UNIX-STREAM"; "" when unknown */
	uint16_t family;		/* AF_INET, AF_INET6, AF_NETLINK when known, else 0 */
	uint8_t has_dst, pad;
	uint16_t sport, dport;		/* host order */
	uint8_t src[16], dst[16];
	uint8_t unix_len, pad2[7];	/* AF_UNIX: bytes of unix_path (0: unbound) */
	char unix_path[108];		/* its sun_path (abstract: starts with NUL) */
};

struct sct_blob {
	uint8_t arg;			/* argument index, or SCT_BLOB_ARG_RET / SCT_BLOB_ARG_TEXT */
	uint8_t when;			/* SCT_BLOB_IN (state before the call) / SCT_BLOB_OUT (after) */
	uint8_t flags;			/* SCT_BF_* */
	uint8_t pad;
	uint32_t len;			/* bytes of data that follow, padded to 8 */
	/* data */
};

#define SCT_KEYCTL_HASHNAME  0x44	/* keyctl(KEYCTL_DH_COMPUTE): the strings its KDF */
#define SCT_KEYCTL_OTHERINFO 0x84	/* parameters (argument 4) point to */
#define SCT_BLOB_ARG_NETLINK 0xfa	/* sendto, recvfrom, sendmsg, recvmsg on a netlink
					 * socket: the data as netlink messages, whole (IN
					 * sent, OUT received): { int32_t proto (NETLINK_*, or
					 * SCT_NETLINK_UNKNOWN); uint32_t nseg } then per
					 * buffer { uint64_t base; uint64_t len (bytes strace
					 * decodes); uint32_t captured (the readable start);
					 * uint32_t flags (SCT_BF_TRUNC: readable past
					 * SCT_NETLINK_MAX); bytes padded to 8 } */
#define SCT_NETLINK_MAX (48u * 1024)	/* bytes of netlink data one record carries at most */
#define SCT_NETLINK_UNKNOWN 0x7fffffff
#define SCT_BLOB_ARG_IP   0xfb		/* -i: 8 bytes, the address strace would show */
#define SCT_BLOB_ARG_RET  0xfc		/* the result (SCT_BLOB_FDPATH of a returned fd) */
#define SCT_BLOB_ARG_DUMP 0xfd		/* -e read=/-e write=: the data a call read (OUT) or
					 * wrote (IN), whole: { uint32_t nseg; uint32_t iov (1:
					 * strace's " * N bytes in buffer K" lines); uint32_t more
					 * (buffers past the 1024th left out); uint32_t pad } then
					 * per buffer { uint64_t len (bytes strace dumps);
					 * uint32_t captured; uint32_t flags (SCT_BF_FAULT:
					 * unreadable, nothing shown); bytes padded to 8 } */
#define SCT_DUMP_MAX (32u * 1024)	/* bytes of dumped data one record carries at most */
#define SCT_BLOB_ARG_TEXT 0xfe		/* text of an SCT_REC_NOTE */
#define SCT_BLOB_ARG_FILL 0xff		/* nothing: space the writer could not use */

static inline const unsigned char *sct_blob_data(const struct sct_blob *b)
{
	return (const unsigned char *)(b + 1);
}

static inline uint32_t sct_align8(uint32_t n)
{
	return (n + 7u) & ~7u;
}

/* Clock ticks of a ring to a duration / to CLOCK_MONOTONIC ns.  The product is taken
 * in 128 bits: a TSC delta times a 32-bit mult overflows 64 bits within minutes. */
static inline uint64_t sct_ticks_dur(const struct sct_clock *c, uint64_t ticks)
{
	return (uint64_t)((unsigned __int128)ticks * c->mult >> c->shift);
}

static inline uint64_t sct_ticks_ns(const struct sct_clock *c, uint64_t ticks)
{
	if (ticks >= c->tick_base)
		return c->ns_base + sct_ticks_dur(c, ticks - c->tick_base);
	return c->ns_base - sct_ticks_dur(c, c->tick_base - ticks);
}

/* Bytes a blob takes in its record, header and padding included; 64 bits, so that a
 * `len` near 4 GiB does not wrap round to a small step. */
static inline uint64_t sct_blob_span(const struct sct_blob *b)
{
	return sizeof(*b) + (((uint64_t)b->len + 7u) & ~(uint64_t)7u);
}

/* Find the blob of argument `arg` captured at `when`; NULL if none.  A blob that does
 * not fit in the record ends the search: it is never returned, nor stepped over. */
static inline const struct sct_blob *sct_rec_blob(const struct sct_rec *r, unsigned arg, unsigned when)
{
	const unsigned char *p = (const unsigned char *)(r + 1);
	const unsigned char *end = (const unsigned char *)r + r->size;

	if (r->size < sizeof(*r))
		return 0;
	while ((size_t)(end - p) >= sizeof(struct sct_blob)) {
		const struct sct_blob *b = (const struct sct_blob *)p;
		uint64_t span = sct_blob_span(b);

		if (span > (uint64_t)(end - p))
			return 0;
		if (b->arg == arg && b->when == when)
			return b;
		p += span;
	}
	return 0;
}

#endif
