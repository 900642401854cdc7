/* NUMA memory policy (mbind, set_mempolicy, get_mempolicy) and move_pages, as strace
 * prints them (its numa.c):
 *   mbind(0x7f..., 4096, MPOL_BIND|MPOL_F_STATIC_NODES, [0x1], 2, MPOL_MF_STRICT)
 *   get_mempolicy([MPOL_DEFAULT], [0000000000000000], 64, NULL, 0)
 *   move_pages(1234, 2, [0x7f..., 0x7f...], NULL, [0, -EFAULT], MPOL_MF_MOVE) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define MPOL_FLAGS_ 0xe000u	/* MPOL_F_STATIC_NODES | _RELATIVE_NODES | _NUMA_BALANCING */

/* A mode and its flags: MPOL_BIND|MPOL_F_STATIC_NODES; an unknown mode with flags
 * prints as flags alone (MPOL_F_STATIC_NODES|0x6) */
static void print_mode(struct sct_out *o, uint64_t v)
{
	const struct sct_xlat *modes = sct_xlat_tabs[SCT_XLAT_mpol_modes].x;
	const char *name = sct_xlat_find(modes, v & ~(uint64_t)MPOL_FLAGS_);
	int saved;

	if (!(v & MPOL_FLAGS_)) {
		sct_print_xlat(o, SCT_XLAT_mpol_modes, v);
		return;
	}
	if (!name) {
		sct_print_xlat(o, SCT_XLAT_mpol_mode_flags, v);
		return;
	}
	if (!sct_composite_begin(o, v, 16, &saved))
		return;
	sct_out_puts(o, name);
	sct_out_putc(o, '|');
	sct_print_flags(o, sct_xlat_tabs[SCT_XLAT_mpol_mode_flags].x, v & MPOL_FLAGS_, NULL);
	sct_composite_end(o, saved);
}

int sct_dec_mpol_mode(const struct sct_dec *d, unsigned i)
{
	print_mode(d->o, d->r->arg[i]);
	return 0;
}

/* set_mempolicy's mode is an int */
int sct_dec_mpol_mode32(const struct sct_dec *d, unsigned i)
{
	print_mode(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

/* get_mempolicy's policy, written by a successful call */
int sct_dec_mpol_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);

	if (sct_failed(d->r) || !b || b->len < 4) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	sct_print_xlat(d->o, SCT_XLAT_mpol_modes, (uint64_t)(int64_t)(int32_t)sct_get32(sct_blob_data(b)));
	sct_out_putc(d->o, ']');
	return 0;
}

/* each long of a node mask as strace's "%#0*llx" of width 16: 0000000000000000,
 * 0x00000000000003 */
static void elem_node(const struct sct_dec *d, const unsigned char *e)
{
	sct_out_0x(d->o, sct_get64(e), 16);
}

/* maxnode (arg aux) bits in longs, as strace counts them */
int sct_dec_nodemask(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);
	uint64_t max = a >= 0 ? d->r->arg[a] : 0, n = (max + 62) / 64;

	if (n < max / 64 || (max && !n)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	if (d->c->arg[i].kind == SCT_K_NODEMASK_OUT && sct_failed(d->r))
		sct_print_addr(d->o, d->r->arg[i]);
	else
		sct_print_array(d, i, SCT_BLOB_OUT, n, 8, elem_node);
	return 0;
}

static uint64_t count(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);

	return a >= 0 ? d->r->arg[a] : 0;
}

int sct_dec_pages(const struct sct_dec *d, unsigned i)
{
	sct_print_array(d, i, SCT_BLOB_IN, count(d, i), 8, sct_elem_addr);
	return 0;
}

int sct_dec_nodes(const struct sct_dec *d, unsigned i)
{
	sct_print_array(d, i, SCT_BLOB_IN, count(d, i), 4, sct_elem_int);
	return 0;
}

/* a page's node, or the error that kept it where it was: -EFAULT */
static void elem_status(const struct sct_dec *d, const unsigned char *e)
{
	int32_t v = (int32_t)sct_get32(e);
	const char *name = v < 0 ? sct_errno_name(-v) : NULL;

	char neg[24] = "-";

	if (name) {
		for (size_t k = 0; name[k] && k + 2 < sizeof(neg); k++)
			neg[k + 1] = name[k];
		sct_print_named(d->o, v, 1, neg);
	} else {
		sct_out_dec(d->o, v);
	}
}

int sct_dec_page_status(const struct sct_dec *d, unsigned i)
{
	if (sct_failed(d->r)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_print_array(d, i, SCT_BLOB_OUT, count(d, i), 4, elem_status);
	return 0;
}
