/* bpf(2): the command by name, and the attribute of every command of
 * format/bpf_cmds.h as strace 6.1 prints it: BPF_MAP_CREATE, BPF_PROG_LOAD (-v: its
 * eBPF instructions) and BPF_OBJ_GET_INFO_BY_FD here, the others from
 * format/bpf_cmds.c's table; the fields the size given reaches (an older kernel's
 * struct is shorter), then bytes past strace's part that are not zero as ", ..." (-v:
 * extra_data="\x.." / * bytes 72..N * /).  Other commands: the address.  strace reads
 * the whole attribute before it prints: one byte it cannot read makes it the address.
 * What the attribute points to is recorded under argument slots other than its own
 * (preload/capture_bpf.c): the -y paths of its descriptors under 1, 3, 4 (iter_info's
 * under 5), strings under 3, arrays under 0, 2 and 4, what capture_pre.c saved before
 * the call under 5. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "bpf_info.h"
#include "bpf_cmds.h"
#include "bpf_filter.h"
#include "xlattab.h"

#define BPF_MAP_CREATE 0
#define BPF_PROG_LOAD 5
#define BPF_OBJ_GET_INFO_BY_FD 15
#define PROG_LOAD_SIZE 128		/* strace 6.1's struct, up to fd_array */

/* KERNEL_VERSION(5, 10, 0); -X raw the number, -X verbose both */
static void print_kernel_version(struct sct_out *o, uint32_t v)
{
	int saved;

	if (!sct_composite_begin(o, v, 16, &saved))
		return;
	sct_out_puts(o, "KERNEL_VERSION(");
	sct_out_udec(o, v >> 16);
	sct_out_puts(o, ", ");
	sct_out_udec(o, (v >> 8) & 0xff);
	sct_out_puts(o, ", ");
	sct_out_udec(o, v & 0xff);
	sct_out_putc(o, ')');
	sct_composite_end(o, saved);
}

static void field_u32(struct sct_out *o, const char *name, const unsigned char *p)
{
	sct_out_puts(o, name);
	sct_out_udec(o, sct_get32(p));
}

static void field_addr(struct sct_out *o, const char *name, const unsigned char *p)
{
	sct_out_puts(o, name);
	sct_print_addr(o, sct_get64(p));
}

/* A NUL-terminated string captured under argument slot `slot` from byte `skip` of
 * its blob (preload/capture_ext.c), cut at -s; its address when it was not read */
static void print_cstr(const struct sct_dec *d, unsigned slot, uint64_t addr, unsigned when,
		       size_t skip)
{
	const struct sct_blob *b = sct_rec_blob(d->r, slot, when);
	const unsigned char *p;
	size_t n, z = 0, max = d->f->strsize;

	if (!addr || !b || b->len < skip || (skip && sct_get32(sct_blob_data(b) + 4) == 0xffffffffu)) {
		sct_print_addr(d->o, addr);
		return;
	}
	p = sct_blob_data(b) + skip;
	n = b->len - skip;
	while (z < n && p[z])
		z++;
	sct_print_quoted(d->o, p, z, max, z == n && ((b->flags & SCT_BF_TRUNC) || skip));
}

/* A char[n] name (n: 16, or what the size given leaves of it) as strace's
 * print_quoted_cstring: at most n - 1 characters, "..." when no NUL ends them */
static void print_name(struct sct_out *o, const unsigned char *p, size_t n)
{
	size_t z = 0;

	while (z + 1 < n && p[z])
		z++;
	sct_print_quoted(o, p, z, z, n && z + 1 == n && p[z]);
}

/* struct bpf_attr for BPF_MAP_CREATE, `len` of its bytes given */
static void print_map_create(const struct sct_dec *d, const unsigned char *a, uint32_t len)
{
	struct sct_out *o = d->o;
	uint32_t flags = sct_get32(a + 16);

	sct_out_puts(o, "{map_type=");
	sct_print_xlat(o, SCT_XLAT_bpf_map_types, sct_get32(a));
	field_u32(o, ", key_size=", a + 4);
	field_u32(o, ", value_size=", a + 8);
	field_u32(o, ", max_entries=", a + 12);
	if (len <= 16)
		return;
	sct_out_puts(o, ", map_flags=");
	sct_print_xlat(o, SCT_XLAT_bpf_map_flags, flags);
	if (len <= 20)
		return;
	sct_out_puts(o, ", inner_map_fd=");
	sct_print_fd(d, 1, (int32_t)sct_get32(a + 20));
	if (len <= 24)
		return;
	if (flags & 4) {	/* BPF_F_NUMA_NODE; -1 is the kernel's NUMA_NO_NODE */
		field_u32(o, ", numa_node=", a + 24);
		if (sct_get32(a + 24) == 0xffffffffu)
			sct_out_puts(o, " /* NUMA_NO_NODE */");
	}
	if (len <= 28)
		return;
	sct_out_puts(o, ", map_name=");
	print_name(o, a + 28, len - 28 < 16 ? len - 28 : 16);
	if (len <= 44)
		return;
	sct_out_puts(o, ", map_ifindex=");
	sct_print_ifindex(o, sct_get32(a + 44));
	if (len <= 48)
		return;
	sct_out_puts(o, ", btf_fd=");
	sct_print_fd(d, 3, (int32_t)sct_get32(a + 48));
	field_u32(o, ", btf_key_type_id=", a + 52);
	field_u32(o, ", btf_value_type_id=", a + 56);
	if (len <= 60)
		return;
	field_u32(o, ", btf_vmlinux_value_type_id=", a + 60);
	if (len <= 64)
		return;
	sct_out_puts(o, ", map_extra=");
	sct_out_udec(o, sct_get64(a + 64));
}

/* struct bpf_attr for BPF_OBJ_GET_INFO_BY_FD: info_len as given, and as the call
 * rewrote it (slot 5: its value before the call) */
static void print_obj_info(const struct sct_dec *d, const unsigned char *a, uint32_t len)
{
	struct sct_out *o = d->o;
	const struct sct_blob *pre = sct_rec_blob(d->r, 5, SCT_BLOB_IN);
	uint32_t now = sct_get32(a + 4), was = len > 4 && pre && pre->len >= 4 ?
					   sct_get32(sct_blob_data(pre)) : now;

	sct_out_puts(o, "{info={bpf_fd=");
	sct_print_fd(d, 1, (int32_t)sct_get32(a));
	field_u32(o, ", info_len=", (const unsigned char *)&was);
	if (!sct_failed(d->r) && was != now) {
		sct_out_puts(o, " => ");
		sct_out_udec(o, now);
	}
	sct_out_puts(o, ", info=");
	if (!sct_bpf_print_info(d, now))
		sct_print_addr(o, sct_get64(a + 8));
	sct_out_putc(o, '}');
}

static void elem_insn(const struct sct_dec *d, const unsigned char *e)
{
	sct_print_ebpf_insn(d->o, e);
}

/* struct bpf_attr for BPF_PROG_LOAD, `len` of its bytes given (the rest zero) */
static void print_prog_load(const struct sct_dec *d, const unsigned char *a,
			    uint32_t len)
{
	struct sct_out *o = d->o;

	sct_out_puts(o, "{prog_type=");
	sct_print_xlat(o, SCT_XLAT_bpf_prog_types, sct_get32(a));
	field_u32(o, ", insn_cnt=", a + 4);
	/* -v: the instructions (slot 4), at most BPF_MAXINSNS */
	sct_out_puts(o, ", insns=");
	if (sct_no_abbrev(d))
		sct_print_array_at(d, 4, SCT_BLOB_IN, sct_get64(a + 8), sct_get32(a + 4), 8,
				   elem_insn, 4096);
	else
		sct_print_addr(o, sct_get64(a + 8));
	sct_out_puts(o, ", license=");
	print_cstr(d, 3, sct_get64(a + 16), SCT_BLOB_IN, 0);
	if (len <= 24)
		return;
	field_u32(o, ", log_level=", a + 24);
	field_u32(o, ", log_size=", a + 28);
	sct_out_puts(o, ", log_buf=");
	print_cstr(d, 5, sct_get64(a + 32), SCT_BLOB_IN, 8);
	if (len <= 40)
		return;
	sct_out_puts(o, ", kern_version=");
	print_kernel_version(o, sct_get32(a + 40));
	if (len <= 44)
		return;
	sct_out_puts(o, ", prog_flags=");
	sct_print_xlat(o, SCT_XLAT_bpf_prog_flags, sct_get32(a + 44));
	if (len <= 48)
		return;
	sct_out_puts(o, ", prog_name=");
	print_name(o, a + 48, len - 48 < 16 ? len - 48 : 16);
	if (len <= 64)
		return;
	sct_out_puts(o, ", prog_ifindex=");
	sct_print_ifindex(o, sct_get32(a + 64));
	if (len <= 68)
		return;
	sct_out_puts(o, ", expected_attach_type=");
	sct_print_xlat(o, SCT_XLAT_bpf_attach_type, sct_get32(a + 68));
	if (len <= 72)
		return;
	sct_out_puts(o, ", prog_btf_fd=");
	sct_print_fd(d, 1, (int32_t)sct_get32(a + 72));
	field_u32(o, ", func_info_rec_size=", a + 76);
	field_addr(o, ", func_info=", a + 80);
	field_u32(o, ", func_info_cnt=", a + 88);
	field_u32(o, ", line_info_rec_size=", a + 92);
	field_addr(o, ", line_info=", a + 96);
	field_u32(o, ", line_info_cnt=", a + 104);
	if (len <= 108)
		return;
	field_u32(o, ", attach_btf_id=", a + 108);
	if (len <= 112)
		return;
	sct_out_puts(o, ", attach_prog_fd=");
	sct_print_fd(d, 3, (int32_t)sct_get32(a + 112));
	if (len <= 120)
		return;
	field_addr(o, ", fd_array=", a + 120);
}

int sct_dec_bpf_attr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	uint32_t size = (uint32_t)d->r->arg[2], base, state;
	uint32_t cmd = (uint32_t)d->r->arg[0], full;
	unsigned char attr[PROG_LOAD_SIZE];
	const unsigned char *p;

	const struct sct_bpf_cmd *bc = sct_bpf_cmd_find(cmd);

	full = bc ? bc->size : 0;
	if (!full || !size || size > 4096 || !b ||
	    b->len < 16 || !(p = sct_ext_struct(d, i, &base)) || base > full ||
	    (state = sct_get32(sct_blob_data(b) + 4)) == SCT_EXT_FAULT) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	memset(attr, 0, sizeof(attr));
	memcpy(attr, p, base);
	if (cmd == BPF_MAP_CREATE)
		print_map_create(d, attr, base);
	else if (cmd == BPF_PROG_LOAD)
		print_prog_load(d, attr, base);
	else if (cmd == BPF_OBJ_GET_INFO_BY_FD)
		print_obj_info(d, attr, base);
	else
		sct_bpf_print_cmd(d, cmd, attr, base);
	if (state == SCT_EXT_BYTES) {
		if (sct_no_abbrev(d)) {
			/* -v: the bytes (those captured, -s of them) and where they are */
			const unsigned char *x = sct_blob_data(b) + 16 + sct_align8(base);
			size_t have = b->len - 16 - sct_align8(base), n = size - base;

			sct_out_puts(d->o, ", extra_data=\"");
			for (size_t k = 0; k < have && k < n; k++) {
				sct_out_puts(d->o, "\\x");
				sct_out_putc(d->o, "0123456789abcdef"[x[k] >> 4]);
				sct_out_putc(d->o, "0123456789abcdef"[x[k] & 15]);
			}
			sct_out_putc(d->o, '"');
			if (have < n)
				sct_out_puts(d->o, "...");
			sct_out_puts(d->o, " /* bytes ");
			sct_out_udec(d->o, base);
			sct_out_puts(d->o, "..");
			sct_out_udec(d->o, size - 1);
			sct_out_puts(d->o, " */");
		} else {
			sct_out_puts(d->o, ", ...");
		}
	}
	sct_out_putc(d->o, '}');
	return 0;
}
