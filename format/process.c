/* Plain numbers, and the arguments of process calls: clone flags, execve's argv and
 * envp, wait4's status and options. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"

int sct_dec_int(const struct sct_dec *d, unsigned i)
{
	sct_out_dec(d->o, (int32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_uint(const struct sct_dec *d, unsigned i)
{
	sct_out_udec(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_long(const struct sct_dec *d, unsigned i)
{
	sct_out_dec(d->o, (int64_t)d->r->arg[i]);
	return 0;
}

int sct_dec_ulong(const struct sct_dec *d, unsigned i)
{
	sct_out_udec(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_hex(const struct sct_dec *d, unsigned i)
{
	sct_out_hex(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_xint(const struct sct_dec *d, unsigned i)
{
	sct_out_hex(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_ptr(const struct sct_dec *d, unsigned i)
{
	sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* strace shows a mode_t argument's low 16 bits: 0177777 for -1 */
int sct_dec_octal(const struct sct_dec *d, unsigned i)
{
	sct_print_umode(d->o, (uint16_t)d->r->arg[i]);
	return 0;
}

int sct_dec_hidden(const struct sct_dec *d, unsigned i)
{
	(void)d;
	(void)i;
	return 1;
}

/* --- clone ---------------------------------------------------------------------- */

#define CLONE_PIDFD_          0x00001000u
#define CLONE_SETTLS_         0x00080000u
#define CLONE_PARENT_SETTID_  0x00100000u
#define CLONE_CHILD_CLEARTID_ 0x00200000u
#define CLONE_CHILD_SETTID_   0x01000000u

#define CLONE_FLAG_NAMES \
	{ 0x00000100, "CLONE_VM" }, \
	{ 0x00000200, "CLONE_FS" }, \
	{ 0x00000400, "CLONE_FILES" }, \
	{ 0x00000800, "CLONE_SIGHAND" }, \
	{ 0x00001000, "CLONE_PIDFD" }, \
	{ 0x00002000, "CLONE_PTRACE" }, \
	{ 0x00004000, "CLONE_VFORK" }, \
	{ 0x00008000, "CLONE_PARENT" }, \
	{ 0x00010000, "CLONE_THREAD" }, \
	{ 0x00020000, "CLONE_NEWNS" }, \
	{ 0x00040000, "CLONE_SYSVSEM" }, \
	{ 0x00080000, "CLONE_SETTLS" }, \
	{ 0x00100000, "CLONE_PARENT_SETTID" }, \
	{ 0x00200000, "CLONE_CHILD_CLEARTID" }, \
	{ 0x00800000, "CLONE_UNTRACED" }, \
	{ 0x01000000, "CLONE_CHILD_SETTID" }, \
	{ 0x02000000, "CLONE_NEWCGROUP" }, \
	{ 0x04000000, "CLONE_NEWUTS" }, \
	{ 0x08000000, "CLONE_NEWIPC" }, \
	{ 0x10000000, "CLONE_NEWUSER" }, \
	{ 0x20000000, "CLONE_NEWPID" }, \
	{ 0x40000000, "CLONE_NEWNET" }, \
	{ 0x80000000, "CLONE_IO" },

static const struct sct_xlat clone_flags[] = {
	CLONE_FLAG_NAMES
	{ 0, NULL }
};

/* clone3's take three more (strace's clone() shows those bits as unknown) */
static const struct sct_xlat clone3_flags[] = {
	CLONE_FLAG_NAMES
	{ 0x00000080, "CLONE_NEWTIME" },
	{ 1ULL << 32, "CLONE_CLEAR_SIGHAND" },
	{ 1ULL << 33, "CLONE_INTO_CGROUP" },
	{ 0, NULL }
};

/* CLONE_VM|CLONE_FS|...|SIGCHLD: the low byte is the exit signal */
static void print_clone_flags(struct sct_out *o, uint64_t v)
{
	uint64_t flags = v & ~0xffull;
	unsigned sig = v & 0xff;

	if (flags)
		sct_print_flags(o, clone_flags, flags, "CLONE_???");
	if (sig) {
		if (flags)
			sct_out_putc(o, '|');
		sct_print_signal(o, (int)sig);
	}
	if (!v)
		sct_out_putc(o, '0');
}

int sct_dec_cloneflags(const struct sct_dec *d, unsigned i)
{
	print_clone_flags(d->o, d->r->arg[i]);
	return 0;
}

static void print_tid_ptr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? 0 : sct_arg_out(d, i);
	int32_t tid;

	if (b && b->len == sizeof(tid)) {
		memcpy(&tid, sct_blob_data(b), sizeof(tid));
		sct_out_putc(d->o, '[');
		if (d->r->arg[0] & CLONE_PARENT_SETTID_)
			sct_out_dec(d->o, tid);
		else			/* CLONE_PIDFD: a descriptor, with -y its path */
			sct_print_fd(d, i, tid);
		sct_out_putc(d->o, ']');
	} else {
		sct_print_addr(d->o, d->r->arg[i]);
	}
}

/* strace names clone's arguments and shows only those its flags use.  The record
 * holds them in x86-64 kernel order: flags, stack, parent_tid, child_tid, tls. */
void sct_print_clone_args(const struct sct_dec *d)
{
	struct sct_out *o = d->o;
	uint64_t flags = d->r->arg[0];

	sct_out_puts(o, "child_stack=");
	sct_print_addr(o, d->r->arg[1]);
	sct_out_puts(o, ", flags=");
	print_clone_flags(o, flags);
	if (flags & (CLONE_PARENT_SETTID_ | CLONE_PIDFD_)) {
		sct_out_puts(o, ", parent_tid=");
		print_tid_ptr(d, 2);
	}
	if (flags & CLONE_SETTLS_) {
		sct_out_puts(o, ", tls=");
		sct_print_addr(o, d->r->arg[4]);
	}
	if (flags & (CLONE_CHILD_SETTID_ | CLONE_CHILD_CLEARTID_)) {
		sct_out_puts(o, ", child_tidptr=");
		sct_print_addr(o, d->r->arg[3]);
	}
}

/* --- execve --------------------------------------------------------------------- */

/* ["ls", "-l"]: at most -s elements, then ", ..."; each string cut at -s; an element
 * that could not be read as its address */
int sct_dec_argv(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p, *end;
	uint64_t count, n;

	if (!b || b->len < sizeof(count) || d->r->arg[i] == 0) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	end = p + b->len;
	memcpy(&count, p, sizeof(count));
	p += sizeof(count);
	sct_out_putc(o, '[');
	for (n = 0; n < count && (n < d->f->strsize || sct_no_abbrev(d)); n++) {
		uint32_t len, flags;

		if (p + 8 > end)
			break;
		memcpy(&len, p, 4);
		memcpy(&flags, p + 4, 4);
		p += 8;
		if (len > (size_t)(end - p))
			len = (uint32_t)(end - p);
		if (n)
			sct_out_puts(o, ", ");
		if ((flags & SCT_BF_ADDR) && len == sizeof(uint64_t)) {
			uint64_t addr;
			memcpy(&addr, p, sizeof(addr));
			sct_print_addr(o, addr);
		} else {
			sct_print_quoted(o, p, len, d->f->strsize, (flags & SCT_BF_TRUNC) != 0);
		}
		p += sct_align8(len);
	}
	if (count > n) {
		sct_out_puts(o, n ? ", ..." : "...");
	} else if (b->flags & SCT_BF_UNTERM) {
		/* strace: ["x", ... / * 0x7f... * /], the address of the unreadable element */
		sct_out_puts(o, n ? ", ... /* " : "... /* ");
		sct_print_addr(o, d->r->arg[i] + count * sizeof(uint64_t));
		sct_out_puts(o, " */");
	}
	sct_out_putc(o, ']');
	return 0;
}

/* 0x7ffc... / * 20 vars * /, or / * 1 var, unterminated * / when an element after the
 * last one read could not be read (strace's printargc); the array itself when it could
 * not be read at all.  -v: printed as argv is. */
int sct_dec_envp(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	uint64_t count;

	if (sct_no_abbrev(d))
		return sct_dec_argv(d, i);
	sct_print_addr(d->o, d->r->arg[i]);
	if (!b || b->len < sizeof(count) || d->r->arg[i] == 0)
		return 0;
	memcpy(&count, sct_blob_data(b), sizeof(count));
	sct_out_puts(d->o, " /* ");
	sct_out_udec(d->o, count);
	sct_out_puts(d->o, count == 1 ? " var" : " vars");
	sct_out_puts(d->o, b->flags & SCT_BF_UNTERM ? ", unterminated */" : " */");
	return 0;
}

/* --- wait4 ---------------------------------------------------------------------- */

static const struct sct_xlat wait_options[] = {
	{ 0x1, "WNOHANG" },
	{ 0x4, "WEXITED" },
	{ 0x2, "WSTOPPED" },
	{ 0x8, "WCONTINUED" },
	{ 0x1000000, "WNOWAIT" },
	{ 0x80000000, "__WCLONE" },
	{ 0x40000000, "__WALL" },
	{ 0x20000000, "__WNOTHREAD" },
	{ 0, NULL }
};

int sct_dec_woptions(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, wait_options, (uint32_t)d->r->arg[i], "W???");
	return 0;
}

static void print_status(struct sct_out *o, uint32_t s)
{
	if ((s & 0xff) == 0x7f) {
		sct_out_puts(o, "[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
		sct_print_signame(o, (int)((s >> 8) & 0x7f));
		if (s & 0x8000)
			sct_out_puts(o, " | 0x80");
		sct_out_putc(o, '}');
		s &= ~0xffffu;
	} else if ((s & 0x7f) != 0 && s != 0xffff) {
		sct_out_puts(o, "[{WIFSIGNALED(s) && WTERMSIG(s) == ");
		sct_print_signame(o, (int)(s & 0x7f));
		if (s & 0x80)
			sct_out_puts(o, " && WCOREDUMP(s)");
		sct_out_putc(o, '}');
		s &= ~0xffu;
	} else if ((s & 0x7f) == 0) {
		sct_out_puts(o, "[{WIFEXITED(s) && WEXITSTATUS(s) == ");
		sct_out_udec(o, (s >> 8) & 0xff);
		sct_out_putc(o, '}');
		s &= ~0xff00u;
	} else {
		sct_out_puts(o, "[{WIFCONTINUED(s)}");
		s = 0;
	}
	if (s) {
		sct_out_puts(o, " | ");
		sct_out_hex(o, s);
	}
	sct_out_putc(o, ']');
}

/* strace shows the status only when a child was reaped (ret > 0) */
int sct_dec_wstatus(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	uint32_t s;

	if (d->r->ret <= 0 || !b || b->len < sizeof(s)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	memcpy(&s, sct_blob_data(b), sizeof(s));
	print_status(d->o, s);
	return 0;
}

/* --- clone3 --------------------------------------------------------------------- */

#define CLONE_PARENT_SETTID3_ 0x00100000u

/* [1, 2, 3], at most -s elements, then "..." */
static void print_int_array(const struct sct_dec *d, const unsigned char *p, size_t n)
{
	int32_t v;

	sct_out_putc(d->o, '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(d->o, ", ");
		if (k == d->f->strsize) {
			sct_out_puts(d->o, "...");
			break;
		}
		memcpy(&v, p + 4 * k, sizeof(v));
		sct_out_dec(d->o, v);
	}
	sct_out_putc(d->o, ']');
}

/* The bytes of a clone_args longer than ours (capture.c keeps up to 256), after `sep`:
 * "???" when they could not be read, "/ * bytes 88..95 * / "\xde\xc0..."" when one is
 * not zero, nothing when all are (then 0 is returned). */
static int clone_args_tail(const struct sct_dec *d, const struct sct_blob *b, size_t from,
			   const char *sep)
{
	const unsigned char *p = sct_blob_data(b);
	uint64_t size = d->r->arg[1];
	size_t have = b->len, want = size < 256 ? (size_t)size : 256, k;

	if (have < want) {
		sct_out_puts(d->o, sep);
		sct_out_puts(d->o, "???");
		return 1;
	}
	for (k = from; k < have && !p[k]; k++)
		;
	if (k == have)
		return 0;
	sct_out_puts(d->o, sep);
	sct_out_puts(d->o, "/* bytes ");
	sct_out_udec(d->o, from);
	sct_out_puts(d->o, "..");
	sct_out_udec(d->o, size - 1);
	sct_out_puts(d->o, " */ \"");
	for (k = from; k < have && k - from < d->f->strsize; k++) {
		sct_out_puts(d->o, "\\x");
		sct_out_putc(d->o, "0123456789abcdef"[p[k] >> 4]);
		sct_out_putc(d->o, "0123456789abcdef"[p[k] & 15]);
	}
	sct_out_putc(d->o, '"');
	if (k < size)
		sct_out_puts(d->o, "...");
	return 1;
}

/* " => {pidfd=[3], parent_tid=[42]}": what strace reads back at a successful
 * clone3's exit (capture.c's clone_exit_words), then the long struct's tail again */
static void clone_args_exit(const struct sct_dec *d, const struct sct_blob *b, const uint64_t *f)
{
	const struct sct_blob *w = sct_arg_out(d, 1);
	int32_t v[3] = { 0, 0, 0 };
	const char *sep = " => {";

	if (w && w->len >= sizeof(v))
		memcpy(v, sct_blob_data(w), sizeof(v));
	for (unsigned k = 0; k < 2; k++) {
		uint64_t addr = k ? f[3] : f[1];

		if (!(f[0] & (k ? CLONE_PARENT_SETTID3_ : CLONE_PIDFD_)))
			continue;
		sct_out_puts(d->o, sep);
		sct_out_puts(d->o, k ? "parent_tid=" : "pidfd=");
		sep = ", ";
		if (!(v[0] & (1 << k))) {
			sct_print_addr(d->o, addr);
			continue;
		}
		sct_out_putc(d->o, '[');
		if (k)
			sct_print_pid(d, v[2], SCT_PT_TID);
		else
			sct_out_dec(d->o, v[1]);
		sct_out_putc(d->o, ']');
	}
	if (d->r->arg[1] > 88 && clone_args_tail(d, b, 88, sep))
		sep = ", ";
	if (*sep == ',')		/* something was printed */
		sct_out_putc(d->o, '}');
}

/* struct clone_args as passed: {flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD,
 * stack=0x7f..., stack_size=0x9000}.  strace leaves out what the flags do not use,
 * shows stack and stack_size always, set_tid and cgroup when set and within the size.  After a successful call with CLONE_PARENT_SETTID it adds
 * " => {parent_tid=[N]}", the word the kernel wrote there: the child's tid in the
 * caller's pid namespace, which is the call's result, so nothing is captured for it. */
int sct_dec_clone_args(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	struct sct_out *o = d->o;
	uint64_t f[11];

	if (!d->r->arg[i] || !b || b->len < 64) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	memset(f, 0, sizeof(f));
	memcpy(f, sct_blob_data(b), b->len < sizeof(f) ? b->len : sizeof(f));
	sct_out_puts(o, "{flags=");
	sct_print_flags(o, clone3_flags, f[0], "CLONE_???");
	if (f[0] & CLONE_PIDFD_) {
		sct_out_puts(o, ", pidfd=");
		sct_print_addr(o, f[1]);
	}
	if (f[0] & (CLONE_CHILD_SETTID_ | CLONE_CHILD_CLEARTID_)) {
		sct_out_puts(o, ", child_tid=");
		sct_print_addr(o, f[2]);
	}
	if (f[0] & CLONE_PARENT_SETTID3_) {
		sct_out_puts(o, ", parent_tid=");
		sct_print_addr(o, f[3]);
	}
	sct_out_puts(o, ", exit_signal=");
	/* a 64-bit field: only a value of int size can be a signal's number */
	if (f[4] && f[4] <= INT32_MAX)
		sct_print_signal(o, (int)f[4]);	/* follows -X */
	else
		sct_out_udec(o, f[4]);
	sct_out_puts(o, ", stack=");
	sct_print_addr(o, f[5]);
	sct_out_puts(o, ", stack_size=");
	sct_out_hex(o, f[6]);
	if (f[0] & CLONE_SETTLS_) {
		sct_out_puts(o, ", tls=");
		sct_print_addr(o, f[7]);
	}
	/* the fields of the longer versions, when the size given has them */
	if (d->r->arg[1] >= 80 && (f[8] || f[9])) {
		const struct sct_blob *t = sct_arg_out(d, i);	/* set_tid's ints (capture.c) */
		sct_out_puts(o, ", set_tid=");
		if (t && f[9] && f[9] <= 32 && t->len == f[9] * 4)
			print_int_array(d, sct_blob_data(t), (size_t)f[9]);
		else
			sct_print_addr(o, f[8]);
		sct_out_puts(o, ", set_tid_size=");
		sct_out_udec(o, f[9]);
	}
	if (d->r->arg[1] >= 88 && (f[10] || (f[0] & (1ULL << 33)))) {
		sct_out_puts(o, ", cgroup=");
		sct_out_udec(o, f[10]);
	}
	if (d->r->arg[1] > sizeof(f))
		clone_args_tail(d, b, sizeof(f), ", ");
	sct_out_putc(o, '}');
	if (!sct_failed(d->r))
		clone_args_exit(d, b, f);
	return 0;
}
