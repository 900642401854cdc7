/* bpf(2)'s capture (preload/capture_ext.c's SCT_K_BPF_ATTR): the attribute of the
 * commands format/bpf_cmds.h lists and what it points to that strace shows (strings,
 * arrays, -v's BPF_OBJ_GET_INFO_BY_FD information), each read fault-safe and bounded,
 * under argument slots format/bpf.c knows. */
#include "wrap.h"
#include "calls.h"
#include "capture.h"
#include "capture_int.h"
#include "sink.h"
#include "raw.h"
#include "bpf_cmds.h"

/* What a bpf(2) descriptor is, by its link as strace tells them apart: 1 a map,
 * 2 a program, 0 anything else */
static uint32_t bpf_fd_kind(int fd)
{
	static const char map[] = "anon_inode:bpf-map", prog[] = "anon_inode:bpf-prog";
	char path[32] = "/proc/self/fd/", digits[12], buf[24];
	size_t n = 0, len = 14;
	long r;

	if (fd < 0)
		return 0;
	do
		digits[n++] = (char)('0' + fd % 10);
	while ((fd /= 10) && n < sizeof(digits));
	while (n)
		path[len++] = digits[--n];
	path[len] = 0;
	r = sct_sys(SYS_readlink, path, buf, sizeof(buf));
	if (r == (long)sizeof(map) - 1 && !memcmp(buf, map, sizeof(map) - 1))
		return 1;
	if (r == (long)sizeof(prog) - 1 && !memcmp(buf, prog, sizeof(prog) - 1))
		return 2;
	return 0;
}

/* -v: BPF_OBJ_GET_INFO_BY_FD's struct bpf_map_info or bpf_prog_info as the call left
 * it (info_len bytes, at most strace's 88 or 220), under slot 1 after the call:
 * { u32 kind; u32 0; bytes }; a program's map_ids (slot 2) and xlated_prog_insns
 * (slot 4), as many as both the count before (`pre`) and after the call allow */
static void cap_bpf_info(struct sink *s, const void *p, const unsigned char *pre)
{
	uint32_t attr[4], hdr[2] = { 0, 0 }, m[2], was, nbefore;
	uint64_t at;
	const void *info;
	size_t n;

	if (!sct_cfg.noabbrev || sct_sink_peek(s, attr, p, 16) != 16)
		return;
	info = (const void *)(uintptr_t)((uint64_t)attr[3] << 32 | attr[2]);
	hdr[0] = bpf_fd_kind((int32_t)attr[0]);
	if (!hdr[0] || !info)
		return;
	n = attr[1] < (hdr[0] == 1 ? 88 : 220) ? attr[1] : (hdr[0] == 1 ? 88 : 220);
	if (!sct_sink_readable(s, info, n))
		return;
	sct_sink_blob_begin(s, 1, SCT_BLOB_OUT);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	sct_sink_put(s, info, n);
	sct_sink_blob_end(s, 0);
	if (hdr[0] != 2 || !pre)
		return;
	memcpy(&nbefore, pre + 8, 4);
	/* xlated_prog_len (20) and its insns (32), nr_map_ids (52) and map_ids (56) */
	if (nbefore != SCT_BPF_LOG_NONE && nbefore >= 24 && n >= 40 &&
	    sct_sink_peek(s, m, (const char *)info + 20, 4) == 4 &&
	    sct_sink_peek(s, &at, (const char *)info + 32, 8) == 8) {
		memcpy(&was, pre + 16 + 20, 4);
		sct_cap_array(s, 4, SCT_BLOB_OUT, (const void *)(uintptr_t)at,
			  (m[0] < was ? m[0] : was) / 8, 8);
	}
	if (nbefore != SCT_BPF_LOG_NONE && nbefore >= 56 && n >= 64 &&
	    sct_sink_peek(s, m, (const char *)info + 52, 4) == 4 &&
	    sct_sink_peek(s, &at, (const char *)info + 56, 8) == 8) {
		memcpy(&was, pre + 16 + 52, 4);
		sct_cap_array(s, 2, SCT_BLOB_OUT, (const void *)(uintptr_t)at, m[0] < was ? m[0] : was, 4);
	}
}

/* BPF_LINK_CREATE's arrays: BPF_TRACE_ITER's iter_info (u32 map_fd each) under
 * slot 2; BPF_TRACE_KPROBE_MULTI's addrs (slot 2), cookies (slot 4) and syms (slot 0:
 * { u32 n, k; } then per pointer read { u64 ptr; i32 len (-1: unreadable); u32 trunc }
 * and len bytes padded to 8) */
static void cap_link_create(struct sink *s, const void *p, uint32_t base)
{
	uint64_t f[4];
	uint32_t hdr[2] = { 0, 0 };
	size_t lim = sct_cfg.strsize + 1;
	uint64_t n;

	f[1] = 0;	/* iter_info_len ends the attribute: read its 4 bytes only */
	if (base == 28 && sct_sink_peek(s, f, (const char *)p + 16, 12) == 12)
		sct_cap_array(s, 2, SCT_BLOB_IN, (const void *)(uintptr_t)f[0], (uint32_t)f[1], 4);
	if (base != 48 || sct_sink_peek(s, f, (const char *)p + 16, 32) != 32)
		return;
	n = (uint32_t)(f[0] >> 32);
	sct_cap_array(s, 2, SCT_BLOB_IN, (const void *)(uintptr_t)f[2], n, 8);
	sct_cap_array(s, 4, SCT_BLOB_IN, (const void *)(uintptr_t)f[3], n, 8);
	if (!f[1] || !n)
		return;
	hdr[0] = (uint32_t)(n < lim ? n : lim);
	if (sct_cfg.noabbrev)
		hdr[0] = (uint32_t)(n < MAX_ELEMS ? n : MAX_ELEMS);
	sct_sink_blob_begin(s, 0, SCT_BLOB_IN);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	for (uint32_t k = 0; k < hdr[0]; k++) {
		uint64_t ptr;
		int32_t meta[3];
		long len;

		if (sct_sink_peek(s, &ptr, (const char *)(uintptr_t)f[1] + 8 * k, 8) != 8)
			break;
		len = ptr ? sct_sink_str_len(s, (const char *)(uintptr_t)ptr, lim) : -1;
		memcpy(meta, &ptr, 8);
		meta[2] = (int32_t)len;
		sct_sink_put_raw(s, meta, sizeof(meta));
		sct_sink_put_raw(s, &hdr[1], 4);	/* pad */
		if (len > 0) {
			sct_sink_put(s, (const char *)(uintptr_t)ptr, (size_t)len);
			sct_sink_pad8(s);
		}
	}
	sct_sink_blob_end(s, 0);
}

/* bpf(2)'s union bpf_attr for the commands format/bpf.c decodes, strace's size of
 * each (BPF_MAP_CREATE 72, BPF_PROG_LOAD 128, BPF_OBJ_GET_INFO_BY_FD 16); under
 * argument slot 5 what it was before the call (capture_pre.c: info_len, log_buf),
 * under slot 3 BPF_PROG_LOAD's license */
void sct_cap_bpf(struct sink *s, unsigned i, const void *p, const uint64_t *a,
		    const unsigned char *pre)
{
	uint32_t cmd = (uint32_t)a[0], size = (uint32_t)a[2];
	const struct sct_bpf_cmd *bc = sct_bpf_cmd_find(cmd);
	size_t base = bc ? bc->size : 0;
	uint64_t lic;
	uint32_t icnt;

	if (!base || !size || size > 4096 || !p)
		return;
	if (cmd == 28) {
		if (size > 16 && sct_sink_peek(s, &icnt, (const char *)p + 8, 4) == 4)
			base = sct_bpf_link_create_size(icnt);
		else
			base = 16;
	}
	/* -v: strace shows every byte past its part (at most a page) */
	sct_cap_ext_keep(s, i, p, size, base, 4096, sct_cfg.noabbrev ? 4096 : sct_cfg.strsize);
	if (cmd == 28 && size > 16)
		cap_link_create(s, p, (uint32_t)base);
	if (pre) {
		uint32_t n;

		memcpy(&n, pre + 8, 4);
		sct_sink_blob_begin(s, 5, SCT_BLOB_IN);
		sct_sink_put_raw(s, pre + 4, 8);
		if (n != SCT_BPF_LOG_NONE)
			sct_sink_put_raw(s, pre + 16, n);
		sct_sink_blob_end(s, 0);
	}
	if (cmd == 15 && size >= 16)
		cap_bpf_info(s, p, pre);
	if (cmd == 5 && size >= 16 && sct_cfg.noabbrev)	/* -v: the instructions */
		if (sct_sink_peek(s, &lic, (const char *)p + 8, 8) == 8 &&
		    sct_sink_peek(s, &icnt, (const char *)p + 4, 4) == 4)
			sct_cap_array(s, 4, SCT_BLOB_IN, (const void *)(uintptr_t)lic, icnt, 8);
	if ((cmd == 6 || cmd == 7) && sct_sink_peek(s, &lic, p, 8) == 8 && lic)
		sct_sink_blob_str(s, 3, (const char *)(uintptr_t)lic, PATH_MAX);
	/* BPF_RAW_TRACEPOINT_OPEN's name (at most 128), BPF_BTF_LOAD's btf_size bytes,
	 * BPF_PROG_QUERY's prog_cnt ids */
	if (cmd == 17 && sct_sink_peek(s, &lic, p, 8) == 8 && lic)
		sct_sink_blob_str(s, 3, (const char *)(uintptr_t)lic,
				  sct_cfg.strsize + 1 < 128 ? sct_cfg.strsize + 1 : 128);
	if (cmd == 18 && sct_sink_peek(s, &lic, p, 8) == 8 && lic &&
	    sct_sink_peek(s, &icnt, (const char *)p + 16, 4) == 4)
		sct_cap_struct(s, 3, SCT_BLOB_IN, (const void *)(uintptr_t)lic,
			   icnt < sct_cfg.strsize + 1 ? icnt : sct_cfg.strsize + 1);
	if (cmd == 16 && size >= 28 && sct_sink_peek(s, &lic, (const char *)p + 16, 8) == 8 &&
	    sct_sink_peek(s, &icnt, (const char *)p + 24, 4) == 4)
		sct_cap_array(s, 2, SCT_BLOB_OUT, (const void *)(uintptr_t)lic, icnt, 4);
	if (cmd == 5 && size >= 24 && sct_sink_peek(s, &lic, (const char *)p + 16, 8) == 8 && lic)
		sct_sink_blob_str(s, 3, (const char *)(uintptr_t)lic, sct_cfg.strsize + 1);
}
