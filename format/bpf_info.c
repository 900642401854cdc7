/* bpf(2)'s BPF_OBJ_GET_INFO_BY_FD with -v: the information the kernel wrote about a
 * map, as strace 6.1 prints it: the first six fields always, each later one when the
 * length the call returned reaches it:
 *   info={type=BPF_MAP_TYPE_ARRAY, id=153, key_size=4, value_size=8, max_entries=1,
 *         map_flags=0, name="test_map", ifindex=0, ..., btf_value_type_id=0}
 * struct bpf_map_info: type 0, id 4, key_size 8, value_size 12, max_entries 16,
 * map_flags 20, name[16] 24, ifindex 40, btf_vmlinux_value_type_id 44, netns_dev 48,
 * netns_ino 56, btf_id 64, btf_key_type_id 68, btf_value_type_id 72 (strace stops
 * there: map_extra at 80 is not shown). */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "bpf_filter.h"
#include "bpf_info.h"
#include "netfmt.h"
#include "xlattab.h"

#define MAP_INFO_SIZE 88
#define PROG_INFO_SIZE 220

static void field_u32(struct sct_out *o, const char *name, const unsigned char *p)
{
	sct_out_puts(o, name);
	sct_out_udec(o, sct_get32(p));
}

/* glibc's major() and minor() of a kernel dev_t */
static void print_dev(struct sct_out *o, uint64_t dev)
{
	sct_out_puts(o, "makedev(");
	sct_out_hex(o, ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
	sct_out_puts(o, ", ");
	sct_out_hex(o, (dev & 0xff) | ((dev >> 12) & ~0xffull));
	sct_out_putc(o, ')');
}

static void print_map_info(struct sct_out *o, const unsigned char *m, uint32_t len)
{
	size_t z;

	sct_out_puts(o, "{type=");
	sct_print_xlat(o, SCT_XLAT_bpf_map_types, sct_get32(m));
	field_u32(o, ", id=", m + 4);
	field_u32(o, ", key_size=", m + 8);
	field_u32(o, ", value_size=", m + 12);
	field_u32(o, ", max_entries=", m + 16);
	sct_out_puts(o, ", map_flags=");
	sct_print_xlat(o, SCT_XLAT_bpf_map_flags, sct_get32(m + 20));
	if (len > 24) {
		sct_out_puts(o, ", name=");
		for (z = 0; z < 16 && m[24 + z]; z++)
			;
		sct_print_quoted(o, m + 24, z, z, z == 16);
	}
	if (len > 40)
		field_u32(o, ", ifindex=", m + 40);
	if (len > 44)
		field_u32(o, ", btf_vmlinux_value_type_id=", m + 44);
	if (len > 48) {
		sct_out_puts(o, ", netns_dev=");
		print_dev(o, sct_get64(m + 48));
	}
	if (len > 56) {
		sct_out_puts(o, ", netns_ino=");
		sct_out_udec(o, sct_get64(m + 56));
	}
	if (len > 64)
		field_u32(o, ", btf_id=", m + 64);
	if (len > 68)
		field_u32(o, ", btf_key_type_id=", m + 68);
	if (len > 72)
		field_u32(o, ", btf_value_type_id=", m + 72);
	sct_out_putc(o, '}');
}


/* a count the call may rewrite: "0 => 2" (strace's "value changed") */
static void field_chg(struct sct_out *o, const char *name, const unsigned char *m,
		      const unsigned char *was, size_t off)
{
	uint32_t now = sct_get32(m + off), old = sct_get32(was + off);

	sct_out_puts(o, name);
	if (old != now) {
		sct_out_udec(o, old);
		sct_out_puts(o, " => ");
	}
	sct_out_udec(o, now);
}

static void field_addr_chg(struct sct_out *o, const char *name, const unsigned char *m,
			   const unsigned char *was, size_t off)
{
	uint64_t now = sct_get64(m + off), old = sct_get64(was + off);

	sct_out_puts(o, name);
	if (old != now) {
		sct_print_addr(o, old);
		sct_out_puts(o, " => ");
	}
	sct_print_addr(o, now);
}

static void field_addr(struct sct_out *o, const char *name, const unsigned char *p)
{
	sct_out_puts(o, name);
	sct_print_addr(o, sct_get64(p));
}

static void elem_insn(const struct sct_dec *d, const unsigned char *e)
{
	sct_print_ebpf_insn(d->o, e);
}

static void elem_u32(const struct sct_dec *d, const unsigned char *e)
{
	sct_out_udec(d->o, sct_get32(e));
}

/* load_time counts from boot: strace adds the offset of the real-time clock, in
 * seconds */
static void print_boottime(struct sct_out *o, uint64_t ns)
{
	struct timespec boot, rt;
	int64_t sec, nsec;

	if (o->cstyle == SCT_CONST_RAW || clock_gettime(CLOCK_BOOTTIME, &boot) ||
	    clock_gettime(CLOCK_REALTIME, &rt))
		return;
	sec = rt.tv_sec - boot.tv_sec;
	nsec = rt.tv_nsec - boot.tv_nsec;
	if (nsec < 0) {
		sec--;
		nsec += 1000000000;
	}
	nsec += (int64_t)(ns % 1000000000);
	sec += (int64_t)(ns / 1000000000) + nsec / 1000000000;
	sct_out_puts(o, " /* ");
	sct_print_date(o, sec, 0);
	sct_out_puts(o, " */");
}

/* struct bpf_prog_info, `len` bytes of it as the call left it (m), `was` as the
 * program gave it (the counts strace shows changed) */
static void print_prog_info(const struct sct_dec *d, const unsigned char *m,
			    const unsigned char *was, uint32_t len)
{
	struct sct_out *o = d->o;
	uint32_t n;
	size_t z;

	sct_out_puts(o, "{type=");
	sct_print_xlat(o, SCT_XLAT_bpf_prog_types, sct_get32(m));
	field_u32(o, ", id=", m + 4);
	sct_out_puts(o, ", tag=\"");
	for (z = 0; z < 8; z++) {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, "0123456789abcdef"[m[8 + z] >> 4]);
		sct_out_putc(o, "0123456789abcdef"[m[8 + z] & 15]);
	}
	sct_out_putc(o, '"');
	field_chg(o, ", jited_prog_len=", m, was, 16);
	/* the JIT image is not read: its address */
	field_addr(o, ", jited_prog_insns=", m + 24);
	field_chg(o, ", xlated_prog_len=", m, was, 20);
	sct_out_puts(o, ", xlated_prog_insns=");
	n = sct_get32(m + 20) < sct_get32(was + 20) ? sct_get32(m + 20) : sct_get32(was + 20);
	sct_print_array_at(d, 4, SCT_BLOB_OUT, sct_get64(m + 32), n / 8, 8, elem_insn, 4096);
	if (len <= 40)
		goto end;
	sct_out_puts(o, ", load_time=");
	sct_out_udec(o, sct_get64(m + 40));
	print_boottime(o, sct_get64(m + 40));
	sct_out_puts(o, ", created_by_uid=");
	sct_out_dec(o, sct_get32(m + 48) == 0xffffffffu ? -1 : (int64_t)sct_get32(m + 48));
	field_chg(o, ", nr_map_ids=", m, was, 52);
	sct_out_puts(o, ", map_ids=");
	n = sct_get32(m + 52) < sct_get32(was + 52) ? sct_get32(m + 52) : sct_get32(was + 52);
	sct_print_array_at(d, 2, SCT_BLOB_OUT, sct_get64(m + 56), n, 4, elem_u32, UINT64_MAX);
	sct_out_puts(o, ", name=");
	for (z = 0; z < 16 && m[64 + z]; z++)
		;
	sct_print_quoted(o, m + 64, z, z, z == 16);
	if (len <= 80)
		goto end;
	sct_out_puts(o, ", ifindex=");
	sct_print_ifindex(o, sct_get32(m + 80));
	sct_out_puts(o, ", gpl_compatible=");
	sct_out_udec(o, sct_get32(m + 84) & 1);
	sct_out_puts(o, ", netns_dev=");
	print_dev(o, sct_get64(m + 88));
	sct_out_puts(o, ", netns_ino=");
	sct_out_udec(o, sct_get64(m + 96));
	if (len <= 104)
		goto end;
	field_chg(o, ", nr_jited_ksyms=", m, was, 104);
	field_chg(o, ", nr_jited_func_lens=", m, was, 108);
	field_addr_chg(o, ", jited_ksyms=", m, was, 112);
	field_addr_chg(o, ", jited_func_lens=", m, was, 120);
	if (len <= 128)
		goto end;
	field_u32(o, ", btf_id=", m + 128);
	field_chg(o, ", func_info_rec_size=", m, was, 132);
	field_addr(o, ", func_info=", m + 136);
	field_chg(o, ", nr_func_info=", m, was, 144);
	field_chg(o, ", nr_line_info=", m, was, 148);
	field_addr(o, ", line_info=", m + 152);
	field_addr_chg(o, ", jited_line_info=", m, was, 160);
	field_chg(o, ", nr_jited_line_info=", m, was, 168);
	field_chg(o, ", line_info_rec_size=", m, was, 172);
	field_chg(o, ", jited_line_info_rec_size=", m, was, 176);
	field_chg(o, ", nr_prog_tags=", m, was, 180);
	field_addr(o, ", prog_tags=", m + 184);
	if (len <= 192)
		goto end;
	sct_out_puts(o, ", run_time_ns=");
	sct_out_udec(o, sct_get64(m + 192));
	sct_out_puts(o, ", run_cnt=");
	sct_out_udec(o, sct_get64(m + 200));
	if (len <= 208)
		goto end;
	sct_out_puts(o, ", recursion_misses=");
	sct_out_udec(o, sct_get64(m + 208));
	if (len <= 216)
		goto end;
	field_u32(o, ", verified_insns=", m + 216);
end:
	sct_out_putc(o, '}');
}

int sct_bpf_print_info(const struct sct_dec *d, uint32_t len)
{
	const struct sct_blob *b = sct_rec_blob(d->r, 1, SCT_BLOB_OUT);
	const struct sct_blob *pre = sct_rec_blob(d->r, 5, SCT_BLOB_IN);
	unsigned char m[PROG_INFO_SIZE] = { 0 }, was[PROG_INFO_SIZE] = { 0 };
	uint32_t have, kind, n;

	if (!sct_no_abbrev(d) || !b || b->len < 8)
		return 0;
	kind = sct_get32(sct_blob_data(b));
	if (kind != 1 && kind != 2)
		return 0;
	have = b->len - 8 < PROG_INFO_SIZE ? b->len - 8 : PROG_INFO_SIZE;
	memcpy(m, sct_blob_data(b) + 8, have);
	if (kind == 1) {
		print_map_info(d->o, m, len < MAP_INFO_SIZE ? len : MAP_INFO_SIZE);
		return 1;
	}
	/* what the program gave (capture_pre.c), else as now */
	memcpy(was, m, sizeof(was));
	if (pre && pre->len >= 8 && (n = sct_get32(sct_blob_data(pre) + 4)) != 0xffffffffu &&
	    n <= pre->len - 8)
		memcpy(was, sct_blob_data(pre) + 8, n < sizeof(was) ? n : sizeof(was));
	print_prog_info(d, m, was, len < PROG_INFO_SIZE ? len : PROG_INFO_SIZE);
	return 1;
}
