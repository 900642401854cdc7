/* Capture of the argument kinds whose method is EXT (format/kinds.h): structures whose
 * size or meaning depends on another argument, and arrays that strace reads element
 * by element.  Nothing here is proven readable by the call's success (a refused
 * call read nothing, and most of these the kernel reads only in part), so every read
 * is fault-safe, and what cannot be read is left out: the decoder then prints the
 * address, or strace's "... / * 0xADDR * /" after the elements it could read. */
#include "wrap.h"
#include "calls.h"
#include "capture.h"
#include "sink.h"
#include "quota.h"
#include "capture_int.h"

/* The count argument arg[aux] of argument i, or 0 without one. */
static uint64_t aux_arg(const struct sct_call *c, unsigned i, const uint64_t *a)
{
	unsigned x = c->arg[i].aux;

	return x < SCT_MAX_ARGS ? a[x] : 0;
}

/* The first elements of p[0..nmemb) that strace would read (-s + 1 of them, or all
 * with -v, at most MAX_ELEMS), those that can be read: the array blob of kinds.h. */
void sct_cap_array(struct sink *s, unsigned i, unsigned when, const void *p, uint64_t nmemb,
		      size_t es)
{
	uint64_t lim = sct_cfg.noabbrev ? MAX_ELEMS : (uint64_t)sct_cfg.strsize + 1;
	uint32_t hdr[2] = { 0, 0 };
	size_t k = 0, n;
	uintptr_t at = (uintptr_t)p;

	if (!p || !nmemb)
		return;
	if (lim > MAX_ELEMS)
		lim = MAX_ELEMS;
	n = (size_t)(nmemb < lim ? nmemb : lim);
	if (at + n * es < at)			/* wraps: strace prints the address */
		return;
	/* a page at a time: the first page that cannot be read ends the array */
	while (k < n) {
		size_t off = k * es, chunk = 4096 - ((at + off) & 4095);
		size_t m = (chunk + es - 1) / es;

		if (m > n - k)
			m = n - k;
		if (!sct_sink_readable(s, (const char *)p + off, m * es)) {
			while (m && sct_sink_readable(s, (const char *)p + k * es, es))
				k++, m--;
			break;
		}
		k += m;
	}
	hdr[0] = (uint32_t)n;
	sct_sink_blob_begin(s, i, when);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	sct_sink_put(s, p, k * es);
	sct_sink_blob_end(s, 0);
}

/* A structure that grows by version, `size` bytes at p, of which we know `base`: the
 * ext blob of kinds.h.  Nothing when our part cannot be read whole.  The rest is read
 * up to `most` bytes in all (the kernel's limit, a page), in small steps: the stack
 * under a signal handler may be small. */
void sct_cap_ext_keep(struct sink *s, unsigned i, const void *p, uint64_t size, size_t base,
			 size_t most, size_t keep)
{
	uint32_t hdr[4] = { 0, SCT_EXT_NONE, 0, 0 };
	const unsigned char *q = (const unsigned char *)p;
	size_t take = size < base ? (size_t)size : base, end;

	if (!p || !sct_sink_readable(s, p, take))
		return;
	hdr[0] = (uint32_t)take;
	end = size < most ? (size_t)size : most;
	if (end > base) {
		unsigned char buf[64];

		hdr[1] = SCT_EXT_ZERO;
		hdr[2] = (uint32_t)(end - base);
		for (size_t off = base; off < end && hdr[1] != SCT_EXT_BYTES; off += sizeof(buf)) {
			size_t n = end - off < sizeof(buf) ? end - off : sizeof(buf);

			if (sct_sink_peek(s, buf, q + off, n) != n) {
				hdr[1] = SCT_EXT_FAULT;
				break;
			}
			for (size_t k = 0; k < n; k++)
				if (buf[k])
					hdr[1] = SCT_EXT_BYTES;
		}
		/* strace reads the whole rest before it shows any: one bad byte hides all */
		if (hdr[1] == SCT_EXT_BYTES && !sct_sink_readable(s, q + base, end - base))
			hdr[1] = SCT_EXT_FAULT;
	}
	sct_sink_blob_begin(s, i, SCT_BLOB_IN);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	sct_sink_put(s, p, take);
	sct_sink_pad8(s);
	if (hdr[1] == SCT_EXT_BYTES)
		sct_sink_put(s, q + base, end - base < keep ? end - base : keep);
	sct_sink_blob_end(s, 0);
}

/* the same keeping -s bytes of the rest */
static void cap_ext(struct sink *s, unsigned i, const void *p, uint64_t size, size_t base,
		    size_t most)
{
	sct_cap_ext_keep(s, i, p, size, base, most, sct_cfg.strsize);
}

/* `n` bytes of a structure, or nothing when they cannot all be read */
void sct_cap_struct(struct sink *s, unsigned i, unsigned when, const void *p, size_t n)
{
	sct_sink_blob_mem(s, i, when, p, n, 0);
}

/* What an iocb points to, as strace shows it: IOCB_CMD_PWRITE's data, the iovecs of
 * IOCB_CMD_PREADV (addresses) and IOCB_CMD_PWRITEV (with data) */
static void cap_iocb_extra(struct sink *s, const uint64_t *cb)
{
	uint32_t op = (uint16_t)cb[2], meta[2] = { 0, 0 };
	uint64_t buf = cb[3], len = cb[4];
	const void *bp = (const void *)(uintptr_t)buf;

	if ((int64_t)len < 0)
		return;
	if (op == 1) {			/* IOCB_CMD_PWRITE */
		size_t n = len < (uint64_t)sct_cfg.strsize + 1 ? (size_t)len : sct_cfg.strsize + 1;

		if (!bp || !sct_sink_readable(s, bp, n)) {
			meta[1] = SCT_BF_FAULT;
			n = 0;
		}
		meta[0] = (uint32_t)n;
		if (n < len)
			meta[1] |= SCT_BF_TRUNC;
		sct_sink_put_raw(s, meta, sizeof(meta));
		sct_sink_put(s, bp, n);
		sct_sink_pad8(s);
	} else if (op == 7 || op == 8) {	/* IOCB_CMD_PREADV, IOCB_CMD_PWRITEV */
		size_t n = len < MAX_ELEMS ? (size_t)len : MAX_ELEMS;
		size_t m = sct_sink_iov_readable(s, bp, n);

		meta[0] = (uint32_t)m;
		meta[1] = m < n ? SCT_BF_FAULT : 0;
		sct_sink_put_raw(s, meta, sizeof(meta));
		sct_sink_put_iov(s, bp, m, op == 8 ? UINT64_MAX : 0);
	}
}

/* io_submit's array of iocb pointers: the iocbs blob of kinds.h */
static void cap_iocbs(struct sink *s, unsigned i, const void *p, uint64_t nmemb)
{
	uint64_t lim = sct_cfg.noabbrev ? MAX_ELEMS : (uint64_t)sct_cfg.strsize + 1;
	uint32_t hdr[2] = { 0, 0 };
	const uint64_t *v = p;
	size_t n;

	if (!p || !nmemb)
		return;
	n = (size_t)(nmemb < lim ? nmemb : lim);
	if (n > MAX_ELEMS)
		n = MAX_ELEMS;
	hdr[0] = (uint32_t)n;
	sct_sink_blob_begin(s, i, SCT_BLOB_IN);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	for (size_t k = 0; k < n; k++) {
		uint64_t ptr, cb[8];
		uint32_t meta[2] = { 0, 0 };
		uint32_t at;

		if (!sct_sink_readable(s, &v[k], 8))
			break;
		sct_sink_peek(s, &ptr, &v[k], 8);
		meta[0] = ptr && sct_sink_readable(s, (const void *)(uintptr_t)ptr, sizeof(cb));
		sct_sink_put_raw(s, &ptr, 8);
		at = s->n;
		sct_sink_put_raw(s, meta, sizeof(meta));
		if (!meta[0])
			continue;
		sct_sink_peek(s, cb, (const void *)(uintptr_t)ptr, sizeof(cb));
		sct_sink_put_raw(s, cb, sizeof(cb));
		cap_iocb_extra(s, cb);
		/* the extra part's length, known now: written into its place */
		meta[1] = s->n - at - 8 - (uint32_t)sizeof(cb);
		if (s->p && !s->over && at + 8 <= s->lim)
			memcpy(s->p + at, meta, sizeof(meta));
	}
	sct_sink_blob_end(s, 0);
}

/* perf_event_open's struct perf_event_attr: its size as given (`pre`: its first 8
 * bytes before the call), as the kernel rewrote it on E2BIG, and the bytes strace reads:
 * the size it says (64 for 0, at most ours, 128), or the 48 it shows without -v */
static void cap_perf_attr(struct sink *s, unsigned i, const void *p, int64_t ret,
			  const unsigned char *pre)
{
	uint32_t hdr[4] = { 0, 0, 0, 0 }, size;
	size_t n;

	if (!p)
		return;
	if (pre)
		memcpy(&hdr[0], pre + 4, 4);
	else if (sct_sink_peek(s, &hdr[0], (const char *)p + 4, 4) != 4)
		return;
	if (ret == -E2BIG)
		hdr[2] = sct_sink_peek(s, &hdr[1], (const char *)p + 4, 4) == 4 ? 1 : 2;
	size = hdr[0] > 128 ? 128 : hdr[0] ? hdr[0] : 64;
	n = size >= 64 && sct_sink_readable(s, p, size) ? size :
	    sct_sink_readable(s, p, 48) ? 48 : 0;
	sct_sink_blob_begin(s, i, SCT_BLOB_IN);
	sct_sink_put_raw(s, hdr, sizeof(hdr));
	sct_sink_put(s, p, n);
	sct_sink_blob_end(s, 0);
}

void sct_capture_ext(struct sink *s, const struct sct_call *c, unsigned i, const uint64_t *a,
		     int64_t ret, const unsigned char *pre)
{
	const void *p = (const void *)(uintptr_t)a[i];
	uint64_t n = aux_arg(c, i, a);
	int ok = !(ret < 0 && ret >= -4095);

	s->safe = 0;
	switch (c->arg[i].kind) {
	case SCT_K_MPOL_OUT:
		if (ok)
			sct_cap_struct(s, i, SCT_BLOB_OUT, p, 4);
		break;
	case SCT_K_NODEMASK_OUT:
		if (!ok)
			break;
		/* fall through */
	case SCT_K_NODEMASK:
		/* maxnode bits in longs, as strace counts them (numa.c) */
		if (n && (n + 62) / 64 >= n / 64)
			sct_cap_array(s, i, SCT_BLOB_OUT, p, (n + 62) / 64, 8);
		break;
	case SCT_K_PAGES:
		sct_cap_array(s, i, SCT_BLOB_IN, p, n, 8);
		break;
	case SCT_K_NODES:
		sct_cap_array(s, i, SCT_BLOB_IN, p, n, 4);
		break;
	case SCT_K_PAGE_STATUS:
		if (ok)
			sct_cap_array(s, i, SCT_BLOB_OUT, p, n, 4);
		break;
	case SCT_K_SECCOMP_ARG:
		/* by operation: SECCOMP_SET_MODE_FILTER's struct sock_fprog,
		 * SECCOMP_GET_ACTION_AVAIL's action, SECCOMP_GET_NOTIF_SIZES' three sizes */
		if ((uint32_t)a[0] == 1)
			sct_cap_struct(s, i, SCT_BLOB_IN, p, 16);
		else if ((uint32_t)a[0] == 2)
			sct_cap_struct(s, i, SCT_BLOB_IN, p, 4);
		else if ((uint32_t)a[0] == 3 && ok)
			sct_cap_struct(s, i, SCT_BLOB_OUT, p, 6);
		break;
	case SCT_K_OPEN_HOW:
		if (n >= 24)
			cap_ext(s, i, p, n, 24, 4096);
		break;
	case SCT_K_FSCFG_KEY:		/* format/fsconfig.c: at most 256 bytes, -s of them */
	case SCT_K_FSCFG_VAL: {
		uint32_t cmd = (uint32_t)a[1];
		/* strace reads -s + 1 bytes, or 256 when that is fewer: no NUL in them, "..." */
		size_t lim = sct_cfg.strsize < 256 ? sct_cfg.strsize + 1 : 256;
		int32_t len = (int32_t)a[4];

		s->safe = 0;		/* the kernel may have refused before reading */
		if (c->arg[i].kind == SCT_K_FSCFG_KEY ? cmd <= 5 : cmd == 1)
			sct_sink_blob_str(s, i, p, lim);
		else if (cmd == 3 || cmd == 4)
			sct_sink_blob_str(s, i, p, PATH_MAX);
		else if (cmd == 2 && len >= 0 && len <= 1024 * 1024)
			sct_cap_struct(s, i, SCT_BLOB_IN, p,
				   (size_t)len < sct_cfg.strsize ? (size_t)len : sct_cfg.strsize);
		break;
	}
	case SCT_K_BPF_ATTR:		/* the commands decoded (format/bpf.c) */
		sct_cap_bpf(s, i, p, a, pre);
		break;
	case SCT_K_MOUNT_ATTR:		/* a struct mount_attr needs its first 32 bytes */
		if (n >= 32)
			cap_ext(s, i, p, n, 32, 4096);
		break;
	case SCT_K_LL_RULESET:
		if (n >= 8)
			cap_ext(s, i, p, n, 8, 8);
		break;
	case SCT_K_LL_RULE:		/* LANDLOCK_RULE_PATH_BENEATH's packed struct */
		if ((uint32_t)a[1] == 1)
			sct_cap_struct(s, i, SCT_BLOB_IN, p, 12);
		break;
	case SCT_K_USER_DESC:
		sct_cap_struct(s, i, SCT_BLOB_IN, p, 16);
		break;
	case SCT_K_LDT_DESC:		/* modify_ldt reads one when given its size */
		if (a[2] == 16)
			sct_cap_struct(s, i, SCT_BLOB_IN, p, 16);
		break;
	case SCT_K_USER_DESC_GET:	/* the entry number it is asked for */
		sct_cap_struct(s, i, SCT_BLOB_IN, p, 4);
		break;
	case SCT_K_QUOTA_ADDR: {	/* as the command (arg aux) uses it */
		uint32_t cmd = sct_qcmd_cmd(n);
		int out;
		unsigned size = sct_quota_size(cmd, &out);

		if (cmd == SCT_Q_QUOTAON)
			sct_sink_blob_str(s, i, p, PATH_MAX);
		else if (size && (ok || !out))
			sct_cap_struct(s, i, out ? SCT_BLOB_OUT : SCT_BLOB_IN, p, size);
		break;
	}
	case SCT_K_SYSCTL_ARGS:		/* struct __sysctl_args */
		sct_cap_struct(s, i, SCT_BLOB_IN, p, 80);
		break;
	case SCT_K_FUTEX_WAITERS:	/* struct futex_waitv[], a 32-bit count */
		sct_cap_array(s, i, SCT_BLOB_IN, p, (uint32_t)n, 24);
		break;
	case SCT_K_IO_EVENTS:		/* struct io_event[ret] */
		if (ok && ret > 0)
			sct_cap_array(s, i, SCT_BLOB_OUT, p, (uint64_t)ret, 32);
		break;
	case SCT_K_IO_EVENT:
		if (ok)
			sct_cap_struct(s, i, SCT_BLOB_OUT, p, 32);
		break;
	case SCT_K_IOCB_HDR:		/* struct iocb */
		sct_cap_struct(s, i, SCT_BLOB_IN, p, 64);
		break;
	case SCT_K_IOCBS:
		if ((int64_t)n >= 0)
			cap_iocbs(s, i, p, n);
		break;
	case SCT_K_AIO_SIGSET: {	/* struct __aio_sigset, and the set it points to */
		uint64_t ss[3];

		if (!p || sct_sink_peek(s, ss, p, 16) != 16)
			break;
		ss[2] = 0;
		n = ss[0] && ss[1] == 8 &&
		    sct_sink_peek(s, &ss[2], (const void *)(uintptr_t)ss[0], 8) == 8 ? 24 : 16;
		sct_sink_blob_begin(s, i, SCT_BLOB_IN);
		sct_sink_put_raw(s, ss, (size_t)n);
		sct_sink_blob_end(s, 0);
		break;
	}
	case SCT_K_URING_PARAMS:	/* struct io_uring_params, read back by the kernel */
		sct_cap_struct(s, i, SCT_BLOB_IN, p, 120);
		break;
	case SCT_K_MOUNT_TYPE:		/* strings the kernel may not read: fault-safe */
	case SCT_K_MOUNT_DATA:
		sct_sink_blob_str(s, i, p, sct_cfg.strsize + 1);
		break;
	case SCT_K_REBOOT_ARG:		/* LINUX_REBOOT_CMD_RESTART2's, 255 bytes at most */
		if ((uint32_t)a[2] == 0xa1b2c3d4u)
			sct_sink_blob_str(s, i, p, sct_cfg.strsize + 1 < 255 ? sct_cfg.strsize + 1 : 255);
		break;
	case SCT_K_SYSLOG_BUF:		/* SYSLOG_ACTION_READ, _READ_ALL, _READ_CLEAR wrote ret bytes */
		if (ok && ret > 0 && (uint32_t)a[0] >= 2 && (uint32_t)a[0] <= 4)
			sct_cap_struct(s, i, SCT_BLOB_OUT, p, (uint64_t)ret < (uint64_t)sct_cfg.strsize + 1 ?
				   (size_t)ret : sct_cfg.strsize + 1);
		break;
	case SCT_K_KEXEC_SEGS:		/* struct kexec_segment[], KEXEC_SEGMENT_MAX (16) at most */
		if (n <= 16)
			sct_cap_array(s, i, SCT_BLOB_IN, p, n, 32);
		break;
	case SCT_K_KCMP_IDX:		/* KCMP_EPOLL_TFD's struct kcmp_epoll_slot */
		if (i == 4 && (uint32_t)a[2] == 7)
			sct_cap_struct(s, i, SCT_BLOB_IN, p, 12);
		break;
	case SCT_K_MEMFD_NAME: {	/* MFD_NAME_MAX_LEN + 1 bytes at most, as strace reads */
		size_t max = sct_cfg.strsize + 1 < 250 ? sct_cfg.strsize + 1 : 250;

		sct_sink_blob_str(s, i, p, max);
		break;
	}
	case SCT_K_PERF_ATTR:
		cap_perf_attr(s, i, p, ret, pre);
		break;
	case SCT_K_URING_REG_ARG:	/* by opcode (format/uring_register.c) */
		if ((uint32_t)a[1] == 0)
			sct_sink_blob_iov(s, i, SCT_BLOB_IN, p, (size_t)(uint32_t)n, 0);
		else if ((uint32_t)a[1] == 2 || (uint32_t)a[1] == 4 || (uint32_t)a[1] == 7)
			sct_cap_array(s, i, SCT_BLOB_IN, p, (uint32_t)n, 4);
		else if ((uint32_t)a[1] == 6 && p) {
			uint64_t fds;

			sct_cap_struct(s, i, SCT_BLOB_IN, p, 16);
			if (sct_sink_peek(s, &fds, (const char *)p + 8, 8) == 8)
				sct_cap_array(s, 4, SCT_BLOB_IN, (const void *)(uintptr_t)fds,
					      (uint32_t)n, 4);
		}
		break;
	case SCT_K_IOV_ADDR:
		sct_sink_blob_iov(s, i, SCT_BLOB_IN, p, (size_t)n, 0);
		break;
	}
}
