/* perf_event_open's struct perf_event_attr, as strace prints it (its perf.c): without
 * -v the fields up to the flags (those set), with -v all the fields its size covers:
 *   {type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_HW_CPU_CYCLES,
 *    sample_period=0, sample_type=0, read_format=0, disabled=1, precise_ip=0
 *    / * arbitrary skid * /, ...}
 * and the size the kernel wrote back on E2BIG: size=0xa0 / * PERF_ATTR_SIZE_??? * / => ...
 * Layout (x86-64, 128 bytes): type 0, size 4, config 8, sample_period/freq 16,
 * sample_type 24, read_format 32, the bit fields 40, wakeup_events 48, bp_type 52,
 * bp_addr/config1 56, bp_len/config2 64, branch_sample_type 72, sample_regs_user 80,
 * sample_stack_user 88, clockid 92, sample_regs_intr 96, aux_watermark 104,
 * sample_max_stack 108, __reserved_2 110, aux_sample_size 112, __reserved_3 116,
 * sig_data 120.  The capture: preload/capture_ext.c. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum { HARDWARE = 0, SOFTWARE = 1, TRACEPOINT = 2, HW_CACHE = 3, BREAKPOINT = 5 };
#define ATTR_MAX 128
#define ABBREV_SIZE 48		/* offsetof(wakeup_events): what strace reads without -v */
#define SAMPLE_BRANCH_STACK (1u << 11)
#define SAMPLE_STACK_USER (1u << 13)

/* the one-bit flags of the bit field word, by bit; precise_ip (bits 15-16) apart */
static const char *const flag_names[] = {
	"disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel",
	"exclude_hv", "exclude_idle", "mmap", "comm", "freq", "inherit_stat",
	"enable_on_exec", "task", "watermark", NULL, NULL, "mmap_data", "sample_id_all",
	"exclude_host", "exclude_guest", "exclude_callchain_kernel", "exclude_callchain_user",
	"mmap2", "comm_exec", "use_clockid", "context_switch", "write_backward", "namespaces",
	"ksymbol", "bpf_event", "aux_output", "cgroup", "text_poke", "build_id",
	"inherit_thread", "remove_on_exec", "sigtrap"
};

static const char *const precise_ip_desc[] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid"
};

static void field(struct sct_out *o, const char *name)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
}

/* config, as the type reads it: PERF_COUNT_HW_CACHE_RESULT_MISS<<16|...|PERF_COUNT_HW_CACHE_L1D */
static void print_config(struct sct_out *o, uint32_t type, uint64_t config)
{
	field(o, "config");
	if ((type == HARDWARE || type == HW_CACHE) && config >> 32) {
		sct_out_hex(o, config >> 32);
		sct_out_puts(o, "<<32|");
	}
	switch (type) {
	case HARDWARE:
		sct_print_xlat(o, SCT_XLAT_perf_hw_id, config & 0xffffffff);
		return;
	case SOFTWARE:
		sct_print_xlat(o, SCT_XLAT_perf_sw_ids, config);
		return;
	case TRACEPOINT:
		sct_out_udec(o, config);
		return;
	case HW_CACHE:
		if ((config & 0xffffffff) >> 24) {
			sct_out_hex(o, (config & 0xffffffff) >> 24);
			sct_out_puts(o, "<<24|");
		}
		sct_print_xlat(o, SCT_XLAT_perf_hw_cache_op_result_id, (config >> 16) & 0xff);
		sct_out_puts(o, "<<16|");
		sct_print_xlat(o, SCT_XLAT_perf_hw_cache_op_id, (config >> 8) & 0xff);
		sct_out_puts(o, "<<8|");
		sct_print_xlat(o, SCT_XLAT_perf_hw_cache_id, config & 0xff);
		return;
	}
	sct_out_hex(o, config);
}

static void print_flags(struct sct_out *o, uint64_t bits, int all)
{
	for (unsigned k = 0; k < sizeof(flag_names) / sizeof(flag_names[0]); k++) {
		if (k == 15) {
			field(o, "precise_ip");
			sct_out_udec(o, (bits >> 15) & 3);
			sct_out_puts(o, " /* ");
			sct_out_puts(o, precise_ip_desc[(bits >> 15) & 3]);
			sct_out_puts(o, " */");
		}
		if (!flag_names[k] || (!all && !(bits >> k & 1)))
			continue;
		field(o, flag_names[k]);
		sct_out_udec(o, bits >> k & 1);
	}
	if (bits >> 38) {
		field(o, "__reserved_1");
		sct_out_hex(o, bits >> 38);
		sct_out_puts(o, " /* Bits 63..38 */");
	}
}

/* The fields only -v shows, as far as `size` reaches */
static void print_verbose(struct sct_out *o, const unsigned char *a, uint32_t size)
{
	uint32_t type = sct_get32(a);
	uint64_t sample_type = sct_get64(a + 24), bits = sct_get64(a + 40);
	uint32_t bp_type = sct_get32(a + 52);
	uint16_t v16;

	field(o, bits >> 14 & 1 ? "wakeup_watermark" : "wakeup_events");
	sct_out_udec(o, sct_get32(a + 48));
	if (type == BREAKPOINT) {
		field(o, "bp_type");
		sct_print_xval(o, sct_xlat_tabs[SCT_XLAT_hw_breakpoint_type].x, bp_type,
			       bp_type <= 7 ? "HW_BREAKPOINT_INVALID" : "HW_BREAKPOINT_???");
	}
	field(o, type == BREAKPOINT ? "bp_addr" : "config1");
	sct_out_hex(o, sct_get64(a + 56));
	if (size <= 64)
		return;
	if (type == BREAKPOINT) {
		field(o, "bp_len");
		sct_out_udec(o, sct_get64(a + 64));
	} else {
		field(o, "config2");
		sct_out_hex(o, sct_get64(a + 64));
	}
	if (size <= 72)
		return;
	if (sample_type & SAMPLE_BRANCH_STACK) {
		field(o, "branch_sample_type");
		sct_print_xlat(o, SCT_XLAT_perf_branch_sample_type, sct_get64(a + 72));
	}
	if (size <= 80)
		return;
	field(o, "sample_regs_user");
	sct_out_hex(o, sct_get64(a + 80));
	if (size <= 88)
		return;
	if (sample_type & SAMPLE_STACK_USER) {
		field(o, "sample_stack_user");
		sct_out_hex(o, sct_get32(a + 88));
	}
	if (bits >> 25 & 1) {		/* use_clockid */
		if (size <= 92)
			return;
		field(o, "clockid");
		sct_print_clockid(o, sct_get32(a + 92));
	}
	if (size <= 96)
		return;
	field(o, "sample_regs_intr");
	sct_out_hex(o, sct_get64(a + 96));
	if (size <= 104)
		return;
	field(o, "aux_watermark");
	sct_out_udec(o, sct_get32(a + 104));
	if (size <= 108)
		return;
	memcpy(&v16, a + 108, 2);
	field(o, "sample_max_stack");
	sct_out_udec(o, v16);
	if (size <= 110)
		return;
	memcpy(&v16, a + 110, 2);
	if (v16) {
		sct_out_puts(o, " /* bytes 110..111: ");
		sct_out_hex(o, v16);
		sct_out_puts(o, " */");
	}
	if (size <= 112)
		return;
	field(o, "aux_sample_size");
	sct_out_udec(o, sct_get32(a + 112));
	if (size <= 116)
		return;
	if (sct_get32(a + 116)) {
		sct_out_puts(o, " /* bytes 116..119: ");
		sct_out_hex(o, sct_get32(a + 116));
		sct_out_puts(o, " */");
	}
	if (size <= 120)
		return;
	field(o, "sig_data");
	sct_out_hex(o, sct_get64(a + 120));
}

int sct_dec_perf_attr(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;
	unsigned char a[ATTR_MAX];
	uint32_t given, size, have;
	uint64_t bits;
	int full = sct_no_abbrev(d);

	if (!b || b->len < 16) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	given = sct_get32(p);
	size = given > ATTR_MAX ? ATTR_MAX : given ? given : 64;
	if (size >= 64 && !full)	/* strace checks the size before it abbreviates */
		size = ABBREV_SIZE;
	else if (size < 64)
		size = 0;		/* older than the first version: the address */
	have = b->len - 16;
	if (!size || have < size) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	memset(a, 0, sizeof(a));
	memcpy(a, p + 16, size);
	sct_out_puts(o, "{type=");
	sct_print_xlat(o, SCT_XLAT_perf_type_id, sct_get32(a));
	sct_out_puts(o, ", size=");
	sct_print_xlat(o, SCT_XLAT_perf_attr_size, given);
	if (sct_get32(p + 8)) {		/* E2BIG: the size the kernel wants */
		sct_out_puts(o, " => ");
		if (sct_get32(p + 8) == 1)
			sct_print_xlat(o, SCT_XLAT_perf_attr_size, sct_get32(p + 4));
		else
			sct_out_puts(o, "???");
	}
	print_config(o, sct_get32(a), sct_get64(a + 8));
	bits = sct_get64(a + 40);
	field(o, bits >> 10 & 1 ? "sample_freq" : "sample_period");
	sct_out_udec(o, sct_get64(a + 16));
	field(o, "sample_type");
	sct_print_xlat(o, SCT_XLAT_perf_sample_format, sct_get64(a + 24));
	field(o, "read_format");
	sct_print_xlat(o, SCT_XLAT_perf_read_format, sct_get64(a + 32));
	print_flags(o, bits, full);
	if (full)
		print_verbose(o, a, size);
	if ((given && given > size) || (!given && size < 64))
		sct_out_puts(o, ", ...");
	sct_out_putc(o, '}');
	return 0;
}
