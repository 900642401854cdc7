/* The structures of system queries: prlimit64's limits, statfs, sysinfo, uname, and
 * CPU sets (sched_getaffinity).  x86-64 layouts; output as strace 6.1 prints it. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

/* --- prlimit64 ------------------------------------------------------------------ */

/* strace: RLIM64_INFINITY, N*1024 for a multiple of 1024 above 1024, else N; under
 * -X raw the number, -X verbose the number and the name in a comment */
static void print_rlim(struct sct_out *o, uint64_t v)
{
	int named = v == UINT64_MAX || (v > 1024 && v % 1024 == 0);

	if (!named || o->cstyle != SCT_CONST_ABBREV)
		sct_out_udec(o, v);
	if (!named || o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	if (v == UINT64_MAX) {
		sct_out_puts(o, "RLIM64_INFINITY");
	} else {
		sct_out_udec(o, v / 1024);
		sct_out_puts(o, "*1024");
	}
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

static int print_rlimit(const struct sct_dec *d, unsigned i, const struct sct_blob *b)
{
	const unsigned char *p;

	if (!d->r->arg[i] || !b || b->len < 16) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	sct_out_puts(d->o, "{rlim_cur=");
	print_rlim(d->o, sct_get64(p));
	sct_out_puts(d->o, ", rlim_max=");
	print_rlim(d->o, sct_get64(p + 8));
	sct_out_putc(d->o, '}');
	return 0;
}

int sct_dec_rlimit64(const struct sct_dec *d, unsigned i)
{
	return print_rlimit(d, i, sct_arg_in(d, i));
}

int sct_dec_rlimit64_out(const struct sct_dec *d, unsigned i)
{
	return print_rlimit(d, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i));
}

/* --- statfs --------------------------------------------------------------------- */

/* A filled struct this decoder can show, or NULL (then the address is shown). */
static const unsigned char *out_struct(const struct sct_dec *d, unsigned i, uint32_t size)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!d->r->arg[i] || !b || b->len < size)
		return NULL;
	return sct_blob_data(b);
}

static void field(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_udec(o, v);
}

/* {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_fsid={val=[0x1, 0x2]}, f_namelen=255,
 *  f_frsize=4096, f_flags=ST_VALID|ST_RELATIME} */
int sct_dec_statfs(const struct sct_dec *d, unsigned i)
{
	static const char *const counts[] = { ", f_bsize=", ", f_blocks=", ", f_bfree=",
					      ", f_bavail=", ", f_files=", ", f_ffree=" };
	const unsigned char *p = out_struct(d, i, 120);
	struct sct_out *o = d->o;

	if (!p) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(o, "{f_type=");
	sct_print_xlat(o, SCT_XLAT_fs_magic, sct_get64(p));
	for (unsigned k = 0; k < 6; k++)
		field(o, counts[k], sct_get64(p + 8 + 8 * k));
	sct_out_puts(o, ", f_fsid={val=[");
	sct_out_hex(o, sct_get32(p + 56));
	sct_out_puts(o, ", ");
	sct_out_hex(o, sct_get32(p + 60));
	sct_out_puts(o, "]}");
	field(o, ", f_namelen=", sct_get64(p + 64));
	field(o, ", f_frsize=", sct_get64(p + 72));
	sct_out_puts(o, ", f_flags=");
	sct_print_xlat(o, SCT_XLAT_statfs_flags, sct_get64(p + 80));
	sct_out_putc(o, '}');
	return 0;
}

/* --- sysinfo -------------------------------------------------------------------- */

/* {uptime=1085, loads=[239904, 178720, 86624], totalram=..., procs=114, totalhigh=0,
 *  freehigh=0, mem_unit=1} */
int sct_dec_sysinfo(const struct sct_dec *d, unsigned i)
{
	static const char *const mem[] = { ", totalram=", ", freeram=", ", sharedram=",
					   ", bufferram=", ", totalswap=", ", freeswap=" };
	const unsigned char *p = out_struct(d, i, 112);
	struct sct_out *o = d->o;

	if (!p) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	field(o, "{uptime=", sct_get64(p));
	sct_out_puts(o, ", loads=[");
	for (unsigned k = 0; k < 3; k++) {
		if (k)
			sct_out_puts(o, ", ");
		sct_out_udec(o, sct_get64(p + 8 + 8 * k));
	}
	sct_out_putc(o, ']');
	for (unsigned k = 0; k < 6; k++)
		field(o, mem[k], sct_get64(p + 32 + 8 * k));
	field(o, ", procs=", p[80] | (unsigned)p[81] << 8);
	field(o, ", totalhigh=", sct_get64(p + 88));
	field(o, ", freehigh=", sct_get64(p + 96));
	field(o, ", mem_unit=", sct_get32(p + 104));
	sct_out_putc(o, '}');
	return 0;
}

/* --- uname ---------------------------------------------------------------------- */

/* {sysname="Linux", nodename="vm", ...}: strace's abbreviated form */
int sct_dec_utsname(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = out_struct(d, i, 130);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(d->o, "{sysname=");
	sct_print_quoted(d->o, p, strnlen((const char *)p, 65), 65, 0);
	sct_out_puts(d->o, ", nodename=");
	sct_print_quoted(d->o, p + 65, strnlen((const char *)p + 65, 65), 65, 0);
	if (sct_no_abbrev(d) && sct_arg_out(d, i)->len >= 390) {
		/* -v: every field, as strace prints them */
		static const char *const more[] = { "release", "version", "machine", "domainname" };
		for (unsigned k = 0; k < 4; k++) {
			const unsigned char *f = p + 65 * (k + 2);
			sct_out_puts(d->o, ", ");
			sct_out_puts(d->o, more[k]);
			sct_out_putc(d->o, '=');
			sct_print_quoted(d->o, f, strnlen((const char *)f, 65), 65, 0);
		}
		sct_out_putc(d->o, '}');
		return 0;
	}
	sct_out_puts(d->o, ", ...}");
	return 0;
}

/* --- CPU sets ------------------------------------------------------------------- */

/* [0 1 5]: the set bits of `n` bytes */
static void print_cpus(struct sct_out *o, const unsigned char *p, size_t n)
{
	int first = 1;

	sct_out_putc(o, '[');
	for (size_t k = 0; k < n * 8; k++) {
		if (!(p[k / 8] >> (k % 8) & 1))
			continue;
		if (!first)
			sct_out_putc(o, ' ');
		first = 0;
		sct_out_udec(o, k);
	}
	sct_out_putc(o, ']');
}

/* sched_getaffinity: the kernel returns the bytes it wrote */
int sct_dec_cpuset_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!d->r->arg[i] || !b) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_cpus(d->o, sct_blob_data(b), b->len);
	return 0;
}

int sct_dec_cpuset_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!d->r->arg[i] || !b) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_cpus(d->o, sct_blob_data(b), b->len);
	return 0;
}
