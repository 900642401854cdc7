/* Strings, buffers and the flag sets of file calls: openat, faccessat, renameat2,
 * statx masks, getdents64.  Flag order follows what strace 6.1 prints, which is not
 * always numeric (O_SYNC before O_DSYNC, O_TMPFILE before O_DIRECTORY). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"
#include "netlink.h"

static const struct sct_xlat accmodes[] = {
	{ 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" }, { 3, "O_ACCMODE" },
	{ 0, NULL }
};

/* x86-64 values, octal as in asm-generic/fcntl.h */
static const struct sct_xlat open_flags[] = {
	{ 0100, "O_CREAT" },
	{ 0200, "O_EXCL" },
	{ 0400, "O_NOCTTY" },
	{ 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" },
	{ 04000, "O_NONBLOCK" },
	{ 04010000, "O_SYNC" },		/* includes O_DSYNC */
	{ 04000000, "__O_SYNC" },	/* O_SYNC's own bit, without O_DSYNC */
	{ 010000, "O_DSYNC" },
	{ 040000, "O_DIRECT" },
	{ 0100000, "O_LARGEFILE" },	/* 0 in 64-bit user space, but F_GETFL reports it */
	{ 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" },
	{ 020200000, "O_TMPFILE" },	/* includes O_DIRECTORY */
	{ 020000000, "__O_TMPFILE" },	/* O_TMPFILE's own bit, without O_DIRECTORY */
	{ 0200000, "O_DIRECTORY" },
	{ 020000, "FASYNC" },
	{ 0, NULL }
};

#define O_CREAT_ 0100u
#define O_TMPFILE_BIT 020000000u

/* openat2's struct open_how has 64 bits of flags; the others an int */
void sct_print_open_flags64(struct sct_out *o, uint64_t f)
{
	int saved;

	if (!sct_composite_begin(o, f, 16, &saved))
		return;
	sct_print_xval(o, accmodes, f & 3, NULL);
	if (f & ~3ull) {
		sct_out_putc(o, '|');
		sct_print_flags(o, open_flags, f & ~3ull, NULL);
	}
	sct_composite_end(o, saved);
}

/* the flags alone, no access mode: strace's open_mode_flags (seccomp's ADDFD) */
void sct_print_open_mode_flags(struct sct_out *o, uint64_t v)
{
	sct_print_flags(o, open_flags, v, "O_???");
}

void sct_print_open_flags(struct sct_out *o, uint64_t v)
{
	sct_print_open_flags64(o, (uint32_t)v);
}

static const struct sct_xlat at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x8000, "AT_RECURSIVE" },
	{ 0, NULL }
};

/* faccessat2: 0x200 means AT_EACCESS there */
/* strace names only the flags faccessat2 accepts */
static const struct sct_xlat at_flags_access[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_EACCESS" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0, NULL }
};

/* statx: the sync type comes first; AT_STATX_SYNC_AS_STAT (0) is always named */
static const struct sct_xlat at_flags_statx[] = {
	{ 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" },
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x8000, "AT_RECURSIVE" },
	{ 0, NULL }
};

static const struct sct_xlat access_modes[] = {
	{ 0, "F_OK" }, { 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" }, { 0, NULL }
};

static const struct sct_xlat rename_flags[] = {
	{ 1, "RENAME_NOREPLACE" }, { 2, "RENAME_EXCHANGE" }, { 4, "RENAME_WHITEOUT" },
	{ 0, NULL }
};

static const struct sct_xlat statx_masks[] = {
	{ 0xfff, "STATX_ALL" },
	{ 0x7ff, "STATX_BASIC_STATS" },
	{ 0x1, "STATX_TYPE" },
	{ 0x2, "STATX_MODE" },
	{ 0x4, "STATX_NLINK" },
	{ 0x8, "STATX_UID" },
	{ 0x10, "STATX_GID" },
	{ 0x20, "STATX_ATIME" },
	{ 0x40, "STATX_MTIME" },
	{ 0x80, "STATX_CTIME" },
	{ 0x100, "STATX_INO" },
	{ 0x200, "STATX_SIZE" },
	{ 0x400, "STATX_BLOCKS" },
	{ 0x800, "STATX_BTIME" },
	{ 0x1000, "STATX_MNT_ID" },
	{ 0x2000, "STATX_DIOALIGN" },
	{ 0, NULL }
};

void sct_print_statx_mask(struct sct_out *o, uint64_t v)
{
	sct_print_flags(o, statx_masks, (uint32_t)v, "STATX_???");
}

static int aux_of(const struct sct_dec *d, unsigned i)
{
	unsigned a = d->c->arg[i].aux;

	return a < SCT_MAX_ARGS ? (int)a : -1;
}

/* strace's printpath: at most PATH_MAX - 1 bytes, "..." when no NUL came by then */
int sct_dec_path(const struct sct_dec *d, unsigned i)
{
	sct_print_strarg(d, i, SCT_BLOB_IN, 4095);
	return 0;
}

int sct_dec_str(const struct sct_dec *d, unsigned i)
{
	sct_print_strarg(d, i, SCT_BLOB_IN, 0);
	return 0;
}

/* A captured buffer whose real length is `len`: at most -s bytes, "..." when cut. */
static void print_buf(const struct sct_dec *d, const struct sct_blob *b, uint64_t len, int cstr)
{
	const unsigned char *p = sct_blob_data(b);
	size_t n = b->len < len ? b->len : (size_t)len;
	int more = len > n;

	if (cstr) {
		size_t z = 0;

		while (z < n && p[z])
			z++;
		if (z < n)
			more = 0;
		n = z;
	}
	/* a path (getcwd) is never cut at -s */
	sct_print_quoted(d->o, p, n, cstr ? n : d->f->strsize, more);
}

int sct_dec_buf_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	int a = aux_of(d, i);

	if (sct_print_netlink_buf(d, i))	/* sendto on a netlink socket */
		return 0;

	if (!b) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	/* without a length argument, a truncated capture still shows "..." */
	print_buf(d, b, a >= 0 ? d->r->arg[a] : b->len + !!(b->flags & SCT_BF_TRUNC), 0);
	return 0;
}

/* setxattr's value (length arg aux): as strace prints it, the address for a length
 * over XATTR_SIZE_MAX (the kernel reads none of it) and without one trailing NUL */
int sct_dec_xattr_val(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	int a = aux_of(d, i);
	uint64_t len = a >= 0 ? d->r->arg[a] : 0;

	if (!b || len > 65536) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	if (len && b->len >= len && !sct_blob_data(b)[len - 1])
		len--;
	print_buf(d, b, len, 0);
	return 0;
}

/* listxattr's list (size arg aux): the address when the call failed or only asked
 * for the size (0), else the names as one string of ret bytes, as strace prints it */
int sct_dec_xattr_list(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	int a = aux_of(d, i);

	if (sct_failed(d->r) || !b || (a >= 0 && !d->r->arg[a])) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_buf(d, b, (uint64_t)d->r->ret, 0);
	return 0;
}

int sct_dec_buf_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);

	if (sct_failed(d->r) || !b || d->r->ret < 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	if (sct_print_netlink_buf(d, i))	/* recvfrom on a netlink socket */
		return 0;
	/* recvfrom(MSG_TRUNC) returns the datagram's length: strace shows the buffer */
	uint64_t len = (uint64_t)d->r->ret;
	int a = aux_of(d, i);
	if (a >= 0 && d->r->arg[a] < len)
		len = d->r->arg[a];
	/* getcwd returns the length with its NUL; strace shows the path */
	print_buf(d, b, len, strcmp(d->c->name, "getcwd") == 0);
	return 0;
}

int sct_dec_oflags(const struct sct_dec *d, unsigned i)
{
	sct_print_open_flags(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_oflags_na(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, open_flags, (uint32_t)d->r->arg[i], "O_???");
	return 0;
}

int sct_dec_mode_creat(const struct sct_dec *d, unsigned i)
{
	int a = aux_of(d, i);

	if (a >= 0 && !(d->r->arg[a] & (O_CREAT_ | O_TMPFILE_BIT)))
		return 1;
	sct_print_umode(d->o, (uint16_t)d->r->arg[i]);
	return 0;
}

int sct_dec_atflags(const struct sct_dec *d, unsigned i)
{
	uint32_t v = (uint32_t)d->r->arg[i];
	const char *name = d->c->name;

	if (strcmp(name, "statx") == 0) {
		if (v & 0x6000) {
			sct_print_flags(d->o, at_flags_statx, v, "AT_???");
			return 0;
		}
		sct_out_puts(d->o, "AT_STATX_SYNC_AS_STAT");
		if (v) {
			sct_out_putc(d->o, '|');
			sct_print_flags(d->o, at_flags, v, NULL);
		}
		return 0;
	}
	if (strcmp(name, "faccessat") == 0 || strcmp(name, "faccessat2") == 0)
		sct_print_flags(d->o, at_flags_access, v, "AT_???");
	else
		sct_print_flags(d->o, at_flags, v, "AT_???");
	return 0;
}

int sct_dec_accmode(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, access_modes, (uint32_t)d->r->arg[i], "?_OK");
	return 0;
}

int sct_dec_renameflags(const struct sct_dec *d, unsigned i)
{
	sct_print_flags(d->o, rename_flags, (uint32_t)d->r->arg[i], "RENAME_???");
	return 0;
}

int sct_dec_statx_mask(const struct sct_dec *d, unsigned i)
{
	sct_print_statx_mask(d->o, d->r->arg[i]);
	return 0;
}

/* -v: the entries, as strace's decode_dents: getdents' {d_ino, d_off, d_reclen,
 * d_name, d_type} (the type in the record's last byte), getdents64's {..., d_type,
 * d_name}; the bytes captured (4 KiB) after the count */
static void print_dents(const struct sct_dec *d, const unsigned char *p, size_t len, int trunc)
{
	int is64 = !strcmp(d->c->name, "getdents64");
	size_t hdr = is64 ? 19 : 18, off = 0;
	struct sct_out *o = d->o;

	sct_out_putc(o, '[');
	while (len - off >= hdr) {
		uint16_t reclen;
		size_t namelen, z;

		memcpy(&reclen, p + off + 16, 2);
		if (reclen < hdr || reclen > len - off)
			break;
		if (off)
			sct_out_puts(o, ", ");
		sct_out_puts(o, "{d_ino=");
		sct_out_udec(o, sct_get64(p + off));
		sct_out_puts(o, ", d_off=");
		sct_out_udec(o, sct_get64(p + off + 8));
		sct_out_puts(o, ", d_reclen=");
		sct_out_udec(o, reclen);
		/* the name: at most reclen - hdr - 1 bytes (getdents: less its type byte) */
		namelen = reclen - hdr - (is64 ? 0 : 1);
		namelen = namelen ? namelen - 1 : 0;
		for (z = 0; z < namelen && p[off + hdr + z]; z++)
			;
		if (is64) {
			sct_out_puts(o, ", d_type=");
			sct_print_xlat(o, SCT_XLAT_dirent_types, p[off + 18]);
		}
		if (reclen - hdr - (is64 ? 0 : 1)) {
			sct_out_puts(o, ", d_name=");
			sct_print_quoted(o, p + off + hdr, z, z, 0);
		}
		if (!is64) {
			sct_out_puts(o, ", d_type=");
			sct_print_xlat(o, SCT_XLAT_dirent_types, p[off + reclen - 1]);
		}
		sct_out_putc(o, '}');
		off += reclen;
	}
	if (trunc || off < len)
		sct_out_puts(o, off ? ", ..." : "...");
	sct_out_putc(o, ']');
}

int sct_dec_dirents(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_out(d, i);
	uint64_t n;

	if (sct_no_abbrev(d) && !sct_failed(d->r) && b && b->len >= sizeof(n) &&
	    (b->len > sizeof(n) || d->r->ret == 0)) {
		print_dents(d, sct_blob_data(b) + sizeof(n), b->len - sizeof(n),
			    (b->flags & SCT_BF_TRUNC) != 0);
		return 0;
	}
	sct_print_addr(d->o, d->r->arg[i]);
	if (sct_failed(d->r) || !b || b->len < sizeof(n))
		return 0;
	memcpy(&n, sct_blob_data(b), sizeof(n));
	sct_out_puts(d->o, " /* ");
	sct_out_udec(d->o, n);
	sct_out_puts(d->o, " entries */");
	return 0;
}

/* getrandom's buffer: strace shows every byte as \xNN */
int sct_dec_buf_out_hex(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);
	const unsigned char *p;
	size_t n, max = d->f->strsize;

	if (!b || !d->r->arg[i]) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	n = b->len < max ? b->len : max;
	sct_out_putc(d->o, '"');
	for (size_t k = 0; k < n; k++) {
		sct_out_puts(d->o, "\\x");
		sct_out_putc(d->o, "0123456789abcdef"[p[k] >> 4]);
		sct_out_putc(d->o, "0123456789abcdef"[p[k] & 15]);
	}
	sct_out_putc(d->o, '"');
	if (b->len > max || (b->flags & SCT_BF_TRUNC))
		sct_out_puts(d->o, "...");
	return 0;
}
