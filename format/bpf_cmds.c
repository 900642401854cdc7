/* bpf(2)'s simpler commands, their union bpf_attr part as strace 6.1 prints it, from
 * a table: each field by offset and kind; a field marked `cut` and those after it
 * show only when the size given reaches it (fields newer kernels added):
 *   bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=3, key=0x..., value=0x..., flags=BPF_ANY}, 32)
 *   bpf(BPF_LINK_UPDATE, {link_update={link_fd=-1, new_prog_fd=-2, flags=0}}, 16) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"
#include "bpf_cmds.h"
#include "bpf_info.h"

enum { END, FD, U32, ADDR, XLAT32, XLAT64, PATH, STR, BYTES, IDS, X64, DEC };

struct field {
	uint8_t kind, off, cut;
	const char *name;
	unsigned xlat;
};

struct cmd {
	uint32_t cmd;
	const char *wrap;	/* strace's name for the whole, or NULL */
	struct field f[16];
};

static const struct cmd cmds[] = {
	{ 1, NULL, { { FD, 0, 0, "map_fd", 0 }, { ADDR, 8, 0, "key", 0 }, { ADDR, 16, 0, "value", 0 },
		     { XLAT64, 24, 1, "flags", SCT_XLAT_bpf_map_lookup_elem_flags } } },
	{ 21, NULL, { { FD, 0, 0, "map_fd", 0 }, { ADDR, 8, 0, "key", 0 }, { ADDR, 16, 0, "value", 0 },
		      { XLAT64, 24, 1, "flags", SCT_XLAT_bpf_map_lookup_elem_flags } } },
	{ 2, NULL, { { FD, 0, 0, "map_fd", 0 }, { ADDR, 8, 0, "key", 0 }, { ADDR, 16, 0, "value", 0 },
		     { XLAT64, 24, 0, "flags", SCT_XLAT_bpf_map_update_elem_flags } } },
	{ 3, NULL, { { FD, 0, 0, "map_fd", 0 }, { ADDR, 8, 0, "key", 0 } } },
	{ 4, NULL, { { FD, 0, 0, "map_fd", 0 }, { ADDR, 8, 0, "key", 0 }, { ADDR, 16, 0, "next_key", 0 } } },
	{ 22, NULL, { { FD, 0, 0, "map_fd", 0 } } },
	{ 6, NULL, { { PATH, 0, 0, "pathname", 0 }, { FD, 8, 0, "bpf_fd", 0 },
		     { XLAT32, 12, 1, "file_flags", SCT_XLAT_bpf_file_mode_flags } } },
	{ 7, NULL, { { PATH, 0, 0, "pathname", 0 }, { FD, 8, 0, "bpf_fd", 0 },
		     { XLAT32, 12, 1, "file_flags", SCT_XLAT_bpf_file_mode_flags } } },
	{ 8, NULL, { { FD, 0, 0, "target_fd", 0 }, { FD, 4, 0, "attach_bpf_fd", 0 },
		     { XLAT32, 8, 0, "attach_type", SCT_XLAT_bpf_attach_type },
		     { XLAT32, 12, 0, "attach_flags", SCT_XLAT_bpf_attach_flags },
		     { FD, 16, 1, "replace_bpf_fd", 0 } } },
	{ 9, NULL, { { FD, 0, 0, "target_fd", 0 },
		     { XLAT32, 8, 0, "attach_type", SCT_XLAT_bpf_attach_type } } },
	{ 13, NULL, { { U32, 0, 0, "prog_id", 0 }, { U32, 4, 0, "next_id", 0 },
		      { XLAT32, 8, 1, "open_flags", SCT_XLAT_bpf_file_mode_flags } } },
	{ 14, NULL, { { U32, 0, 0, "map_id", 0 }, { U32, 4, 0, "next_id", 0 },
		      { XLAT32, 8, 1, "open_flags", SCT_XLAT_bpf_file_mode_flags } } },
	{ 19, NULL, { { U32, 0, 0, "btf_id", 0 } } },
	{ 30, NULL, { { U32, 0, 0, "link_id", 0 } } },
	{ 10, "test", { { FD, 0, 0, "prog_fd", 0 }, { U32, 4, 0, "retval", 0 },
			{ U32, 8, 0, "data_size_in", 0 }, { U32, 12, 0, "data_size_out", 0 },
			{ ADDR, 16, 0, "data_in", 0 }, { ADDR, 24, 0, "data_out", 0 },
			{ U32, 32, 0, "repeat", 0 }, { U32, 36, 0, "duration", 0 },
			{ U32, 40, 1, "ctx_size_in", 0 }, { U32, 44, 0, "ctx_size_out", 0 },
			{ ADDR, 48, 0, "ctx_in", 0 }, { ADDR, 56, 0, "ctx_out", 0 },
			{ XLAT32, 64, 1, "flags", SCT_XLAT_bpf_test_run_flags },
			{ U32, 68, 0, "cpu", 0 }, { U32, 72, 1, "batch_size", 0 } } },
#define NEXT_ID(c) { c, NULL, { { U32, 0, 0, "start_id", 0 }, { U32, 4, 0, "next_id", 0 }, \
		{ XLAT32, 8, 1, "open_flags", SCT_XLAT_bpf_file_mode_flags } } }
	NEXT_ID(11), NEXT_ID(12), NEXT_ID(23), NEXT_ID(31),
	{ 16, "query", { { FD, 0, 0, "target_fd", 0 },
			 { XLAT32, 4, 0, "attach_type", SCT_XLAT_bpf_attach_type },
			 { XLAT32, 8, 0, "query_flags", SCT_XLAT_bpf_query_flags },
			 { XLAT32, 12, 0, "attach_flags", SCT_XLAT_bpf_attach_flags },
			 { IDS, 16, 0, "prog_ids", 0 }, { U32, 24, 0, "prog_cnt", 0 } } },
	{ 17, "raw_tracepoint", { { STR, 0, 0, "name", 0 }, { FD, 8, 0, "prog_fd", 0 } } },
	{ 18, NULL, { { BYTES, 0, 0, "btf", 0 }, { ADDR, 8, 0, "btf_log_buf", 0 },
		      { U32, 16, 0, "btf_size", 0 }, { U32, 20, 0, "btf_log_size", 0 },
		      { U32, 24, 0, "btf_log_level", 0 } } },
	/* buf is written by the call: its address */
	{ 20, "task_fd_query", { { DEC, 0, 0, "pid", 0 }, { FD, 4, 0, "fd", 0 },
				 { U32, 8, 0, "flags", 0 }, { U32, 12, 0, "buf_len", 0 },
				 { ADDR, 16, 0, "buf", 0 }, { U32, 24, 0, "prog_id", 0 },
				 { XLAT32, 28, 0, "fd_type", SCT_XLAT_bpf_task_fd_type },
				 { X64, 32, 0, "probe_offset", 0 }, { X64, 40, 0, "probe_addr", 0 } } },
#define BATCH_TAIL { U32, 32, 0, "count", 0 }, { FD, 36, 0, "map_fd", 0 }, \
		{ XLAT64, 40, 0, "elem_flags", SCT_XLAT_bpf_map_lookup_elem_flags }, \
		{ X64, 48, 0, "flags", 0 }
#define LOOKUP_BATCH(c) { c, "batch", { { ADDR, 0, 0, "in_batch", 0 }, \
		{ ADDR, 8, 0, "out_batch", 0 }, { ADDR, 16, 0, "keys", 0 }, \
		{ ADDR, 24, 0, "values", 0 }, BATCH_TAIL } }
	LOOKUP_BATCH(24), LOOKUP_BATCH(25),
	{ 26, "batch", { { ADDR, 16, 0, "keys", 0 }, { ADDR, 24, 0, "values", 0 }, BATCH_TAIL } },
	{ 27, "batch", { { ADDR, 16, 0, "keys", 0 }, BATCH_TAIL } },
	/* old_prog_fd only with BPF_F_REPLACE: below */
	{ 29, "link_update", { { FD, 0, 0, "link_fd", 0 }, { FD, 4, 0, "new_prog_fd", 0 },
			       { XLAT32, 8, 0, "flags", SCT_XLAT_bpf_attach_flags } } },
};

/* the slot -y recorded descriptor field `off` of command c under (bpf_cmds.h) */
static unsigned fd_slot(uint32_t c, unsigned off)
{
	const struct sct_bpf_cmd *bc = sct_bpf_cmd_find(c);

	for (unsigned k = 0; bc && k < 3; k++)
		if (bc->fd[k] == off)
			return sct_bpf_fd_slot(k);
	return 1;
}

static void elem_u32(const struct sct_dec *d, const unsigned char *e)
{
	sct_out_udec(d->o, sct_get32(e));
}

/* n bytes (strace's printstrn): -s of them, "..." past */
static void print_bytes(const struct sct_dec *d, uint64_t addr, uint32_t n)
{
	const struct sct_blob *b = sct_rec_blob(d->r, 3, SCT_BLOB_IN);

	if (!addr || !b) {
		sct_print_addr(d->o, addr);
		return;
	}
	sct_print_quoted(d->o, sct_blob_data(b), b->len, d->f->strsize, n > b->len);
}

/* a NUL-terminated string captured under slot 3, at most max characters shown */
static void print_path(const struct sct_dec *d, uint64_t addr, size_t max)
{
	const struct sct_blob *b = sct_rec_blob(d->r, 3, SCT_BLOB_IN);
	const unsigned char *p;
	size_t z = 0;

	if (!addr || !b) {
		sct_print_addr(d->o, addr);
		return;
	}
	p = sct_blob_data(b);
	while (z < b->len && p[z])
		z++;
	sct_print_quoted(d->o, p, z, max, z == b->len && (b->flags & SCT_BF_TRUNC));
}

static void elem_x64(const struct sct_dec *d, const unsigned char *e)
{
	sct_out_hex(d->o, sct_get64(e));
}

static void elem_iter(const struct sct_dec *d, const unsigned char *e)
{
	sct_out_puts(d->o, "{map={map_fd=");
	sct_print_fd(d, 5, (int32_t)sct_get32(e));	/* -y: slot 5 (fdpath_args.c) */
	sct_out_puts(d->o, "}}");
}

/* kprobe_multi.syms: cnt pointers to names (slot 0, preload/capture_ext.c) */
static void print_syms(const struct sct_dec *d, uint64_t addr, uint32_t cnt)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_rec_blob(d->r, 0, SCT_BLOB_IN);
	const unsigned char *p, *end;
	uint32_t want, k = 0;

	if (!addr || !cnt) {
		sct_out_puts(o, addr ? "[]" : "NULL");
		return;
	}
	if (!b || b->len < 8 || b->len - 8 < 16) {
		sct_print_addr(o, addr);
		return;
	}
	want = sct_get32(sct_blob_data(b));
	p = sct_blob_data(b) + 8;
	end = sct_blob_data(b) + b->len;
	sct_out_putc(o, '[');
	for (; k < cnt && k < want && end - p >= 16; k++) {
		uint64_t ptr = sct_get64(p);
		int32_t len = (int32_t)sct_get32(p + 8);

		if (k)
			sct_out_puts(o, ", ");
		p += 16;
		if (len < 0 || (size_t)len > (size_t)(end - p)) {
			sct_print_addr(o, ptr);
			continue;
		}
		sct_print_quoted(o, p, (size_t)len, d->f->strsize,
				 (size_t)len == d->f->strsize + 1);
		p += sct_align8((uint32_t)len);
	}
	if (k < cnt) {
		if (k >= want) {
			sct_out_puts(o, ", ...");
		} else {
			sct_out_puts(o, ", ... /* ");
			sct_out_hex(o, addr + 8ull * k);
			sct_out_puts(o, " */");
		}
	}
	sct_out_putc(o, ']');
}

/* BPF_LINK_CREATE: its union by attach type, as strace guesses it */
static void print_link_create(const struct sct_dec *d, const unsigned char *a, uint32_t len)
{
	struct sct_out *o = d->o;
	uint32_t type = sct_get32(a + 8), cnt;

	sct_out_puts(o, "{link_create={prog_fd=");
	sct_print_fd(d, 1, (int32_t)sct_get32(a));
	sct_out_puts(o, ", target_fd=");
	sct_print_fd(d, 3, (int32_t)sct_get32(a + 4));
	sct_out_puts(o, ", attach_type=");
	sct_print_xlat(o, SCT_XLAT_bpf_attach_type, type);
	sct_out_puts(o, ", flags=");
	sct_out_hex(o, sct_get32(a + 12));
	if (len > 16 && type == 0 && sct_get32(a + 16)) {
		sct_out_puts(o, ", target_btf_id=");
		sct_out_udec(o, sct_get32(a + 16));
	} else if (len > 16 && type == 28) {
		sct_out_puts(o, ", iter_info=");
		sct_print_array_at(d, 2, SCT_BLOB_IN, sct_get64(a + 16), sct_get32(a + 24), 4,
				   elem_iter, UINT64_MAX);
		sct_out_puts(o, ", iter_info_len=");
		sct_out_udec(o, sct_get32(a + 24));
	} else if (len > 16 && type == 41) {
		sct_out_puts(o, ", perf_event={bpf_cookie=");
		sct_out_hex(o, sct_get64(a + 16));
		sct_out_putc(o, '}');
	} else if (len > 16 && type == 42) {
		cnt = sct_get32(a + 20);
		sct_out_puts(o, ", kprobe_multi={flags=");
		sct_print_xlat(o, SCT_XLAT_bpf_link_create_kprobe_multi_flags, sct_get32(a + 16));
		sct_out_puts(o, ", cnt=");
		sct_out_udec(o, cnt);
		sct_out_puts(o, ", syms=");
		print_syms(d, sct_get64(a + 24), cnt);
		sct_out_puts(o, ", addrs=");
		sct_print_array_at(d, 2, SCT_BLOB_IN, sct_get64(a + 32), cnt, 8, elem_x64, UINT64_MAX);
		sct_out_puts(o, ", cookies=");
		sct_print_array_at(d, 4, SCT_BLOB_IN, sct_get64(a + 40), cnt, 8, elem_x64, UINT64_MAX);
		sct_out_putc(o, '}');
	}
	sct_out_putc(o, '}');
}

int sct_bpf_print_cmd(const struct sct_dec *d, uint32_t c, const unsigned char *a, uint32_t len)
{
	struct sct_out *o = d->o;
	const struct cmd *t = NULL;

	for (unsigned k = 0; k < sizeof(cmds) / sizeof(cmds[0]); k++)
		if (cmds[k].cmd == c)
			t = &cmds[k];
	if (c == 28) {
		print_link_create(d, a, len);
		return 1;
	}
	if (!t)
		return 0;
	sct_out_putc(o, '{');
	if (t->wrap) {
		sct_out_puts(o, t->wrap);
		sct_out_puts(o, "={");
	}
	for (const struct field *f = t->f; f < t->f + 16 && f->kind != END; f++) {
		if (f->cut && len <= f->off)
			break;
		if (f != t->f)
			sct_out_puts(o, ", ");
		sct_out_puts(o, f->name);
		sct_out_putc(o, '=');
		switch (f->kind) {
		case FD:
			sct_print_fd(d, fd_slot(c, f->off), (int32_t)sct_get32(a + f->off));
			break;
		case U32:
			sct_out_udec(o, sct_get32(a + f->off));
			break;
		case ADDR:
			sct_print_addr(o, sct_get64(a + f->off));
			break;
		case XLAT32:
			sct_print_xlat(o, f->xlat, sct_get32(a + f->off));
			break;
		case XLAT64:
			sct_print_xlat(o, f->xlat, sct_get64(a + f->off));
			break;
		case PATH:
			print_path(d, sct_get64(a + f->off), 4096);
			break;
		case STR:
			print_path(d, sct_get64(a + f->off), d->f->strsize);
			break;
		case BYTES:	/* btf_size bytes (arg + 16) */
			print_bytes(d, sct_get64(a + f->off), sct_get32(a + 16));
			break;
		case IDS:	/* prog_cnt u32 ids (arg + 24), written by a call that succeeded */
			if (sct_failed(d->r) && sct_get32(a + 24) && sct_get64(a + f->off))
				sct_print_addr(o, sct_get64(a + f->off));
			else
				sct_print_array_at(d, 2, SCT_BLOB_OUT, sct_get64(a + f->off),
						   sct_get32(a + 24), 4, elem_u32, UINT64_MAX);
			break;
		case X64:
			sct_out_hex(o, sct_get64(a + f->off));
			break;
		case DEC:
			sct_out_dec(o, (int32_t)sct_get32(a + f->off));
			break;
		}
	}
	if (c == 29 && (sct_get32(a + 8) & 4)) {	/* BPF_F_REPLACE */
		sct_out_puts(o, ", old_prog_fd=");
		sct_print_fd(d, fd_slot(c, 12), (int32_t)sct_get32(a + 12));
	}
	if (t->wrap)
		sct_out_putc(o, '}');
	return 1;
}
