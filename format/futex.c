/* futex(2): which arguments strace shows depends on the command, and so does what
 * each one means (a timeout, a count, a second address, a bitset or an operation).
 * Each argument's decoder leaves itself out when the command does not use it. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "xlattab.h"

#define PRIVATE_ 128u
#define CLOCK_REALTIME_ 256u

enum {
	WAIT = 0, WAKE = 1, FD = 2, REQUEUE = 3, CMP_REQUEUE = 4, WAKE_OP = 5, LOCK_PI = 6,
	UNLOCK_PI = 7, TRYLOCK_PI = 8, WAIT_BITSET = 9, WAKE_BITSET = 10,
	WAIT_REQUEUE_PI = 11, CMP_REQUEUE_PI = 12, LOCK_PI2 = 13, NCMDS
};

/* What each argument after the command is for one command. */
enum use { NO, VAL, TIMEOUT, VAL2, ADDR2, VAL3, BITSET, WAKEOP, HEX };

static const uint8_t uses[NCMDS][4] = {
	/* val   timeout/val2  uaddr2  val3 */
	[WAIT] = { VAL, TIMEOUT, NO, NO },
	[WAKE] = { VAL, NO, NO, NO },
	[FD] = { VAL, NO, NO, NO },
	[REQUEUE] = { VAL, VAL2, ADDR2, NO },
	[CMP_REQUEUE] = { VAL, VAL2, ADDR2, VAL3 },
	[WAKE_OP] = { VAL, VAL2, ADDR2, WAKEOP },
	[LOCK_PI] = { NO, TIMEOUT, NO, NO },
	[UNLOCK_PI] = { NO, NO, NO, NO },
	[TRYLOCK_PI] = { NO, NO, NO, NO },
	[WAIT_BITSET] = { VAL, TIMEOUT, NO, BITSET },
	[WAKE_BITSET] = { VAL, NO, NO, BITSET },
	[WAIT_REQUEUE_PI] = { VAL, TIMEOUT, ADDR2, NO },
	[CMP_REQUEUE_PI] = { VAL, VAL2, ADDR2, VAL3 },
	[LOCK_PI2] = { NO, TIMEOUT, NO, NO },
};

/* An unknown command shows everything, val3 in hex. */
static const uint8_t unknown_uses[4] = { VAL, TIMEOUT, ADDR2, HEX };

static unsigned cmd_of(const struct sct_dec *d)
{
	return (uint32_t)d->r->arg[1] & ~(PRIVATE_ | CLOCK_REALTIME_);
}

/* FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME */
int sct_dec_futex_op(const struct sct_dec *d, unsigned i)
{
	uint32_t op = (uint32_t)d->r->arg[i];
	unsigned cmd = op & ~(PRIVATE_ | CLOCK_REALTIME_);
	const char *name = sct_xlat_find(sct_xlat_futex_ops, cmd);

	/* strace knows FUTEX_CLOCK_REALTIME only with the waits that take an absolute
	 * time; with another command the whole op is unknown (0x101 / * FUTEX_??? * /) */
	if (!name || ((op & CLOCK_REALTIME_) && cmd != WAIT && cmd != WAIT_BITSET &&
		      cmd != WAIT_REQUEUE_PI)) {
		sct_print_xlat(d->o, SCT_XLAT_futex_ops, op);
		return 0;
	}
	sct_out_puts(d->o, name);
	if ((op & PRIVATE_) && cmd == FD)	/* its one entry without a _PRIVATE name */
		sct_out_puts(d->o, "|FUTEX_PRIVATE_FLAG");
	else if (op & PRIVATE_)
		sct_out_puts(d->o, "_PRIVATE");
	if (op & CLOCK_REALTIME_)
		sct_out_puts(d->o, "|FUTEX_CLOCK_REALTIME");
	return 0;
}

/* NAME<<28, or 0x7<<28 / * FUTEX_OP_??? * / */
static void shifted(struct sct_out *o, const struct sct_xlat *t, uint32_t v, const char *shift,
		    const char *unknown)
{
	const char *name = sct_xlat_find(t, v);

	if (name)
		sct_out_puts(o, name);
	else
		sct_out_hex(o, v);
	sct_out_puts(o, shift);
	if (!name) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, unknown);
		sct_out_puts(o, " */");
	}
}

/* FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_EQ<<24|0x1 */
static void print_wake_op(struct sct_out *o, uint32_t v)
{
	if (v & (8u << 28))
		sct_out_puts(o, "FUTEX_OP_OPARG_SHIFT<<28|");
	shifted(o, sct_xlat_futex_wake_ops, (v >> 28) & 7, "<<28", "FUTEX_OP_???");
	sct_out_putc(o, '|');
	sct_out_hex(o, (v >> 12) & 0xfff);
	sct_out_puts(o, "<<12|");
	shifted(o, sct_xlat_futex_wake_cmps, (v >> 24) & 0xf, "<<24", "FUTEX_OP_CMP_???");
	sct_out_putc(o, '|');
	sct_out_hex(o, v & 0xfff);
}

/* Arguments 2..5 (val, timeout or val2, uaddr2, val3). */
int sct_dec_futex_arg(const struct sct_dec *d, unsigned i)
{
	unsigned cmd = cmd_of(d);
	uint64_t v = d->r->arg[i];

	if (i < 2 || i > 5)
		return 1;
	switch (cmd < NCMDS ? uses[cmd][i - 2] : unknown_uses[i - 2]) {
	case VAL:
	case VAL2:
	case VAL3:
		sct_out_udec(d->o, (uint32_t)v);
		return 0;
	case TIMEOUT:
		return sct_dec_timespec(d, i);
	case ADDR2:
		sct_print_addr(d->o, v);
		return 0;
	case BITSET:
		if ((uint32_t)v == 0xffffffffu)
			sct_out_puts(d->o, "FUTEX_BITSET_MATCH_ANY");
		else
			sct_out_hex(d->o, (uint32_t)v);
		return 0;
	case WAKEOP:
		print_wake_op(d->o, (uint32_t)v);
		return 0;
	case HEX:
		sct_out_hex(d->o, (uint32_t)v);
		return 0;
	default:
		return 1;
	}
}

/* futex_waitv's waiters: [{val=0x1, uaddr=0x7f..., flags=FUTEX_32|FUTEX_PRIVATE_FLAG}],
 * at most 128 (FUTEX_WAITV_MAX) and -s of them, __reserved only when it is not 0,
 * the address of the first that could not be read */
int sct_dec_futex_waitv(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	struct sct_out *o = d->o;
	uint64_t count = (uint32_t)d->r->arg[d->c->arg[i].aux], have, k;
	const unsigned char *p;
	uint32_t res;

	if (!d->r->arg[i] || (count && (!b || b->len < 24))) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	have = b ? b->len / 24 : 0;
	if (have > d->f->strsize)
		have = d->f->strsize;
	if (have > 128)
		have = 128;
	p = b ? sct_blob_data(b) : NULL;
	sct_out_putc(o, '[');
	for (k = 0; k < count && k < have; k++, p += 24) {
		uint64_t val, uaddr;
		uint32_t flags;

		memcpy(&val, p, 8);
		memcpy(&uaddr, p + 8, 8);
		memcpy(&flags, p + 16, 4);
		memcpy(&res, p + 20, 4);
		sct_out_puts(o, k ? ", {val=" : "{val=");
		sct_out_hex(o, val);
		sct_out_puts(o, ", uaddr=");
		sct_print_addr(o, uaddr);
		sct_out_puts(o, ", flags=");
		sct_print_xlat(o, SCT_XLAT_futex_waiter_flags, flags);
		if (res) {
			sct_out_puts(o, ", __reserved=");
			sct_out_hex(o, res);
		}
		sct_out_putc(o, '}');
	}
	if (k < count && b && (b->flags & SCT_BF_FAULT) && k == b->len / 24) {
		sct_out_puts(o, ", ... /* ");
		sct_out_hex(o, d->r->arg[i] + 24 * k);
		sct_out_puts(o, " */");
	} else if (k < count) {
		sct_out_puts(o, k ? ", ..." : "...");
	}
	sct_out_putc(o, ']');
	return 0;
}
