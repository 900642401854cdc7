/* System V IPC as strace prints it: semop's and semtimedop's struct sembuf array,
 * [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}, ... / * 0x7f0000001000 * /] (at most -s
 * elements, and the address of an element that could not be read); the *get calls'
 * keys and flags; the *ctl calls' commands and the structs they read or write
 * (x86-64's msqid64_ds, semid64_ds, shmid64_ds, msginfo, seminfo, shminfo64, shm_info). */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define SEMBUF_SIZE 6			/* unsigned short num; short op; short flg */

int sct_dec_sembuf(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	struct sct_out *o = d->o;
	uint64_t count = (uint32_t)d->r->arg[d->c->arg[i].aux], have, k;
	const unsigned char *p;

	if (!d->r->arg[i]) {
		sct_out_puts(o, "NULL");
		return 0;
	}
	if (count && (!b || b->len < SEMBUF_SIZE)) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	have = b ? b->len / SEMBUF_SIZE : 0;
	if (have > d->f->strsize)
		have = d->f->strsize;
	p = b ? sct_blob_data(b) : NULL;
	sct_out_putc(o, '[');
	for (k = 0; k < count && k < have; k++, p += SEMBUF_SIZE) {
		uint16_t num, op, flg;

		memcpy(&num, p, 2);
		memcpy(&op, p + 2, 2);
		memcpy(&flg, p + 4, 2);
		if (k)
			sct_out_puts(o, ", ");
		sct_out_puts(o, "{sem_num=");
		sct_out_udec(o, num);
		sct_out_puts(o, ", sem_op=");
		sct_out_dec(o, (int16_t)op);
		sct_out_puts(o, ", sem_flg=");
		sct_print_xlat(o, SCT_XLAT_semop_flags, flg);
		sct_out_putc(o, '}');
	}
	if (k < count && b && (b->flags & SCT_BF_FAULT) && k == b->len / SEMBUF_SIZE) {
		/* the next element could not be read: strace names its address */
		sct_out_puts(o, ", ... /* ");
		sct_out_hex(o, d->r->arg[i] + SEMBUF_SIZE * k);
		sct_out_puts(o, " */");
	} else if (k < count) {
		sct_out_puts(o, k ? ", ..." : "...");
	}
	sct_out_putc(o, ']');
	return 0;
}

/* --- msgget, semget, shmget ------------------------------------------------------ */

#define IPC_64_ 0x100
#define SHM_HUGE_SHIFT_ 26

int sct_dec_ipc_key(const struct sct_dec *d, unsigned i)
{
	uint32_t key = (uint32_t)d->r->arg[i];

	if (key)
		sct_out_hex(d->o, key);
	else
		sct_print_named(d->o, 0, 0, "IPC_PRIVATE");
	return 0;
}

/* The flags by name, then '|' and the permission bits: IPC_CREAT|0600, or 0600 */
int sct_dec_ipc_flags(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t v = (uint32_t)d->r->arg[i], fl = v & ~0777u, huge = 0;
	int shm = d->c->name[0] == 's' && d->c->name[1] == 'h';

	if (shm) {			/* shmget: the huge page size, log2, in bits 26..31 */
		huge = fl & (0x3fu << SHM_HUGE_SHIFT_);
		fl &= ~huge;
	}
	if (fl)
		sct_print_xlat(o, shm ? SCT_XLAT_shm_resource_flags : SCT_XLAT_ipc_resource_flags, fl);
	if (huge) {
		if (fl)
			sct_out_putc(o, '|');
		sct_out_udec(o, huge >> SHM_HUGE_SHIFT_);
		sct_out_puts(o, "<<");
		sct_print_named(o, SHM_HUGE_SHIFT_, 1, "SHM_HUGE_SHIFT");
	}
	if (fl || huge)
		sct_out_putc(o, '|');
	sct_print_umode(o, v & 0777u);
	return 0;
}

/* --- msgctl, semctl, shmctl ------------------------------------------------------ */

static unsigned cmd_table(const struct sct_dec *d)
{
	return d->c->name[0] == 'm' ? SCT_XLAT_msgctl_cmds :
	       d->c->name[1] == 'e' ? SCT_XLAT_semctl_cmds : SCT_XLAT_shmctl_cmds;
}

int sct_dec_ipc_cmd(const struct sct_dec *d, unsigned i)
{
	uint32_t cmd = (uint32_t)d->r->arg[i];

	if (cmd & IPC_64_) {
		sct_print_named(d->o, IPC_64_, 0, "IPC_64");
		sct_out_putc(d->o, '|');
	}
	sct_print_xlat(d->o, cmd_table(d), cmd & ~IPC_64_);
	return 0;
}

/* struct ipc64_perm: IPC_SET shows only what it sets */
static void print_perm(struct sct_out *o, const unsigned char *p, int set)
{
	sct_out_puts(o, "{uid=");
	sct_print_ugid(o, sct_get32(p + 4));
	sct_out_puts(o, ", gid=");
	sct_print_ugid(o, sct_get32(p + 8));
	sct_out_puts(o, ", mode=");
	sct_print_umode(o, sct_get32(p + 20));
	if (!set) {
		sct_out_puts(o, ", key=");
		sct_out_udec(o, sct_get32(p));
		sct_out_puts(o, ", cuid=");
		sct_print_ugid(o, sct_get32(p + 12));
		sct_out_puts(o, ", cgid=");
		sct_print_ugid(o, sct_get32(p + 16));
	}
	sct_out_putc(o, '}');
}

/* "name=" and an unsigned long, or (is_int) a signed int, at offset off */
struct field {
	const char *name;
	uint8_t off, is_int;
};

static void print_fields(struct sct_out *o, const unsigned char *p, const struct field *f, unsigned n,
			 int first)
{
	for (unsigned k = 0; k < n; k++) {
		if (k || !first)
			sct_out_puts(o, ", ");
		sct_out_puts(o, f[k].name);
		sct_out_putc(o, '=');
		if (f[k].is_int)
			sct_out_dec(o, (int32_t)sct_get32(p + f[k].off));
		else
			sct_out_udec(o, sct_get64(p + f[k].off));
	}
}

static const struct field msqid_ds[] = {
	{ "msg_stime", 48, 0 }, { "msg_rtime", 56, 0 }, { "msg_ctime", 64, 0 },
	{ "msg_qnum", 80, 0 }, { "msg_qbytes", 88, 0 }, { "msg_lspid", 96, 1 },
	{ "msg_lrpid", 100, 1 },
};
static const struct field msginfo[] = {
	{ "msgpool", 0, 1 }, { "msgmap", 4, 1 }, { "msgmax", 8, 1 }, { "msgmnb", 12, 1 },
	{ "msgmni", 16, 1 }, { "msgssz", 20, 1 }, { "msgtql", 24, 1 },
};
static const struct field semid_ds[] = {
	{ "sem_otime", 48, 0 }, { "sem_ctime", 64, 0 }, { "sem_nsems", 80, 0 },
};
static const struct field seminfo[] = {
	{ "semmap", 0, 1 }, { "semmni", 4, 1 }, { "semmns", 8, 1 }, { "semmnu", 12, 1 },
	{ "semmsl", 16, 1 }, { "semopm", 20, 1 }, { "semume", 24, 1 }, { "semusz", 28, 1 },
	{ "semvmx", 32, 1 }, { "semaem", 36, 1 },
};
static const struct field shmid_ds[] = {
	{ "shm_segsz", 48, 0 }, { "shm_cpid", 80, 1 }, { "shm_lpid", 84, 1 },
	{ "shm_nattch", 88, 0 }, { "shm_atime", 56, 0 }, { "shm_dtime", 64, 0 },
	{ "shm_ctime", 72, 0 },
};
static const struct field shminfo[] = {
	{ "shmmax", 0, 0 }, { "shmmin", 8, 0 }, { "shmmni", 16, 0 }, { "shmseg", 24, 0 },
	{ "shmall", 32, 0 },
};
static const struct field shm_info[] = {
	{ "used_ids", 0, 1 }, { "shm_tot", 8, 0 }, { "shm_rss", 16, 0 }, { "shm_swp", 24, 0 },
	{ "swap_attempts", 32, 0 }, { "swap_successes", 40, 0 },
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A *_ds struct: the perm, then its fields; IPC_SET only the perm's settable part
 * (and msgctl's msg_qbytes) */
static void print_ds(struct sct_out *o, const unsigned char *p, const char *perm,
		     const struct field *f, unsigned n, int set)
{
	sct_out_putc(o, '{');
	sct_out_puts(o, perm);
	sct_out_putc(o, '=');
	print_perm(o, p, set);
	if (set && f == msqid_ds)
		print_fields(o, p, msqid_ds + 4, 1, 0);
	else if (!set)
		print_fields(o, p, f, n, 0);
	sct_out_putc(o, '}');
}

static void print_info(struct sct_out *o, const unsigned char *p, const struct field *f, unsigned n)
{
	sct_out_putc(o, '{');
	print_fields(o, p, f, n, 1);
	if (f == msginfo) {		/* an unsigned short last */
		sct_out_puts(o, ", msgseg=");
		sct_out_udec(o, (uint32_t)p[28] | (uint32_t)p[29] << 8);
	}
	sct_out_putc(o, '}');
}

int sct_dec_ipc_buf(const struct sct_dec *d, unsigned i)
{
	unsigned kind = d->c->arg[i].kind;
	int a = sct_aux(d, i);
	uint32_t cmd = a >= 0 ? (uint32_t)d->r->arg[a] & ~IPC_64_ : 0;
	const struct sct_blob *b = cmd == 1 ? sct_arg_in(d, i) :
				   sct_failed(d->r) ? NULL : sct_arg_out(d, i);
	const unsigned char *p = b && d->r->arg[i] ? sct_blob_data(b) : NULL;
	struct sct_out *o = d->o;
	size_t len = b ? b->len : 0;

	if (p && kind == SCT_K_MSGCTL_BUF && len >= 120 && (cmd == 1 || cmd == 2 || cmd == 11 || cmd == 13))
		print_ds(o, p, "msg_perm", msqid_ds, N(msqid_ds), cmd == 1);
	else if (p && kind == SCT_K_MSGCTL_BUF && len >= 32 && (cmd == 3 || cmd == 12))
		print_info(o, p, msginfo, N(msginfo));
	else if (p && kind == SCT_K_SEMCTL_ARG && len >= 104 && (cmd == 1 || cmd == 2 || cmd == 18 || cmd == 20))
		print_ds(o, p, "sem_perm", semid_ds, N(semid_ds), cmd == 1);
	else if (p && kind == SCT_K_SEMCTL_ARG && len >= 40 && (cmd == 3 || cmd == 19))
		print_info(o, p, seminfo, N(seminfo));
	else if (p && kind == SCT_K_SHMCTL_BUF && len >= 112 && (cmd == 1 || cmd == 2 || cmd == 13 || cmd == 15))
		print_ds(o, p, "shm_perm", shmid_ds, N(shmid_ds), cmd == 1);
	else if (p && kind == SCT_K_SHMCTL_BUF && len >= 40 && cmd == 3)
		print_info(o, p, shminfo, N(shminfo));
	else if (p && kind == SCT_K_SHMCTL_BUF && len >= 48 && cmd == 14)
		print_info(o, p, shm_info, N(shm_info));
	else
		sct_print_addr(o, d->r->arg[i]);
	return 0;
}

/* msgsnd's and msgrcv's {mtype=1, mtext="hello"}: strace shows msgrcv's text to the
 * size asked for, not to the size received */
int sct_dec_msgbuf(const struct sct_dec *d, unsigned i)
{
	int recv = d->c->arg[i].kind == SCT_K_MSGBUF_OUT, a = sct_aux(d, i);
	const struct sct_blob *b = recv ? (sct_failed(d->r) ? NULL : sct_arg_out(d, i)) : sct_arg_in(d, i);
	uint64_t size = a >= 0 ? d->r->arg[a] : 0;
	struct sct_out *o = d->o;

	if (!d->r->arg[i] || !b || b->len < 8) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(o, "{mtype=");
	sct_out_dec(o, (int64_t)sct_get64(sct_blob_data(b)));
	sct_out_puts(o, ", mtext=");
	if (b->flags & SCT_BF_FAULT)
		sct_print_addr(o, d->r->arg[i] + 8);
	else
		sct_print_quoted(o, sct_blob_data(b) + 8, b->len - 8, d->f->strsize, size > d->f->strsize);
	sct_out_putc(o, '}');
	return 0;
}
