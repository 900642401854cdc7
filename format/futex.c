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

/* futex_waitv's array of struct futex_waitv (at most FUTEX_WAITV_MAX shown):
 * [{val=0x1, uaddr=0x7f..., flags=FUTEX_32|FUTEX_PRIVATE_FLAG}] */
static void print_waiter(const struct sct_dec *d, const unsigned char *e)
{
	uint64_t v[2];
	uint32_t f[2];

	memcpy(v, e, sizeof(v));
	memcpy(f, e + 16, sizeof(f));
	sct_out_puts(d->o, "{val=");
	sct_out_hex(d->o, v[0]);
	sct_out_puts(d->o, ", uaddr=");
	sct_print_addr(d->o, v[1]);
	sct_out_puts(d->o, ", flags=");
	sct_print_xlat(d->o, SCT_XLAT_futex_waiter_flags, f[0]);
	if (f[1]) {
		sct_out_puts(d->o, ", __reserved=");
		sct_out_hex(d->o, f[1]);
	}
	sct_out_putc(d->o, '}');
}

int sct_dec_futex_waiters(const struct sct_dec *d, unsigned i)
{
	int a = d->c->arg[i].aux < SCT_MAX_ARGS ? d->c->arg[i].aux : 1;

	sct_print_array_max(d, i, SCT_BLOB_IN, (uint32_t)d->r->arg[a], 24, print_waiter, 128);
	return 0;
}
