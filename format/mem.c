/* Memory-mapping arguments: mmap/mprotect protection, mmap flags, madvise advice,
 * mremap flags.  x86-64 values from asm-generic/mman*.h and asm/mman.h; protection,
 * advice and mremap flags are data (gen/xlat/mmap_prot.in, madvise_advice.in,
 * mremap_flags.in). */
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include "decode.h"
#include "xlattab.h"

static const struct sct_xlat map_types[] = {
	{ 0, "MAP_FILE" }, { 1, "MAP_SHARED" }, { 2, "MAP_PRIVATE" },
	{ 3, "MAP_SHARED_VALIDATE" }, { 0, NULL }
};

/* strace's order, which is not numeric */
static const struct sct_xlat map_flags[] = {
	{ 0x10, "MAP_FIXED" },
	{ 0x20, "MAP_ANONYMOUS" },
	{ 0x40, "MAP_32BIT" },
	{ 0x4000, "MAP_NORESERVE" },
	{ 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" },
	{ 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" },
	{ 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" },
	{ 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
	{ 0, NULL }
};

#define MAP_TYPE_ 0xfu
#define MAP_HUGE_SHIFT_ 26
#define MAP_HUGE_MASK_ 0x3fu

int sct_dec_prot(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, SCT_XLAT_mmap_prot, d->r->arg[i]);
	return 0;
}

/* The sharing type, then the flags, then the huge page size:
 * MAP_PRIVATE|MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT */
int sct_dec_mapflags(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t v = (uint32_t)d->r->arg[i];
	uint32_t huge = (v >> MAP_HUGE_SHIFT_) & MAP_HUGE_MASK_;
	uint32_t rest = v & ~MAP_TYPE_ & ~(MAP_HUGE_MASK_ << MAP_HUGE_SHIFT_);
	int saved;

	if (!sct_composite_begin(o, v, 16, &saved))
		return 0;
	sct_print_xval(o, map_types, v & MAP_TYPE_, "MAP_???");
	if (rest) {
		sct_out_putc(o, '|');
		sct_print_flags(o, map_flags, rest, NULL);
	}
	if (huge) {
		sct_out_putc(o, '|');
		sct_out_udec(o, huge);
		sct_out_puts(o, "<<MAP_HUGE_SHIFT");
	}
	sct_composite_end(o, saved);
	return 0;
}

int sct_dec_madvice(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, SCT_XLAT_madvise_advice, d->r->arg[i]);
	return 0;
}

int sct_dec_mremapflags(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, SCT_XLAT_mremap_flags, d->r->arg[i]);
	return 0;
}

/* mremap's fifth argument exists only with MREMAP_FIXED (strace leaves it out). */
int sct_dec_mremap_addr(const struct sct_dec *d, unsigned i)
{
	unsigned a = d->c->arg[i].aux < SCT_MAX_ARGS ? d->c->arg[i].aux : 3;

	if (!(d->r->arg[a] & MREMAP_FIXED))
		return 1;
	sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

/* mincore(addr, length, vec): a byte per page of length, as strace prints them, the
 * first -s of them */
int sct_dec_mincore_vec(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	uint64_t len = d->r->arg[1], pages = len / 4096 + (len % 4096 != 0), k, have;

	if (sct_failed(d->r) || !b || !d->r->arg[i]) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	have = b->len < d->f->strsize ? b->len : d->f->strsize;
	sct_out_putc(d->o, '[');
	for (k = 0; k < pages && k < have; k++) {
		if (k)
			sct_out_puts(d->o, ", ");
		sct_out_udec(d->o, sct_blob_data(b)[k]);
	}
	if (k < pages)
		sct_out_puts(d->o, k ? ", ..." : "...");
	sct_out_putc(d->o, ']');
	return 0;
}

/* memfd_create's name: strace reads MFD_NAME_MAX_LEN + 1 (250) bytes at most, and says
 * "..." when there is no NUL among them */
int sct_dec_memfd_name(const struct sct_dec *d, unsigned i)
{
	sct_print_strarg(d, i, SCT_BLOB_IN, 0);
	return 0;
}

/* MFD_CLOEXEC|MFD_HUGETLB|30<<MFD_HUGE_SHIFT; 0 as a number */
int sct_dec_memfd_flags(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t v = (uint32_t)d->r->arg[i], huge = v & (0x3fu << 26), rest = v & ~(0x3fu << 26);
	int saved;

	if (!v) {
		sct_out_hex(o, 0);
		return 0;
	}
	if (!sct_composite_begin(o, v, 16, &saved))
		return 0;
	if (rest || !huge)
		sct_print_xlat(o, SCT_XLAT_memfd_flags, rest);
	if (huge) {
		if (rest)
			sct_out_putc(o, '|');
		sct_out_udec(o, huge >> 26);
		sct_out_puts(o, "<<MFD_HUGE_SHIFT");
	}
	sct_composite_end(o, saved);
	return 0;
}
