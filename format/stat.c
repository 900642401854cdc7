/* struct stat and struct statx, abbreviated as strace prints them without -v (and in
 * full with it: every field, times with their date):
 *   {st_mode=S_IFREG|0644, st_size=1221, ...}
 *   {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}
 *   {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=1221, ...}
 * Layouts are x86-64's (asm/stat.h, linux/stat.h). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"

static const struct sct_xlat file_types[] = {
	{ 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
	{ 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
	{ 0010000, "S_IFIFO" }, { 0, NULL }
};

static const struct sct_xlat statx_attrs[] = {
	{ 0x4, "STATX_ATTR_COMPRESSED" },
	{ 0x10, "STATX_ATTR_IMMUTABLE" },
	{ 0x20, "STATX_ATTR_APPEND" },
	{ 0x40, "STATX_ATTR_NODUMP" },
	{ 0x800, "STATX_ATTR_ENCRYPTED" },
	{ 0x1000, "STATX_ATTR_AUTOMOUNT" },
	{ 0x2000, "STATX_ATTR_MOUNT_ROOT" },
	{ 0x100000, "STATX_ATTR_VERITY" },
	{ 0x200000, "STATX_ATTR_DAX" },
	{ 0, NULL }
};

#define S_IFMT_ 0170000u

/* S_IFDIR|S_ISVTX|0777 */
static void print_mode(struct sct_out *o, uint32_t mode)
{
	/* no type bits: the rest alone (mknod's "S_ISUID|0644"); an unknown type: octal */
	const char *type = mode & S_IFMT_ ? sct_xlat_find(file_types, mode & S_IFMT_) : "";
	int saved;

	if (!type) {
		sct_print_umode(o, mode);
		return;
	}
	if (!sct_composite_begin(o, mode, 8, &saved))
		return;
	if (*type) {
		sct_out_puts(o, type);
		sct_out_putc(o, '|');
	}
	if (mode & 04000)
		sct_out_puts(o, "S_ISUID|");
	if (mode & 02000)
		sct_out_puts(o, "S_ISGID|");
	if (mode & 01000)
		sct_out_puts(o, "S_ISVTX|");
	sct_print_umode(o, mode & 0777);
	sct_composite_end(o, saved);
}

/* glibc's gnu_dev_major/gnu_dev_minor; -X raw the number, -X verbose both (strace's
 * print_dev_t) */
static void print_dev(struct sct_out *o, uint64_t dev)
{
	uint64_t major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull);
	uint64_t minor = (dev & 0xff) | ((dev >> 12) & ~0xffull);
	int saved;

	if (!sct_composite_begin(o, dev, 16, &saved))
		return;
	sct_out_puts(o, "makedev(");
	sct_out_hex(o, major);
	sct_out_puts(o, ", ");
	sct_out_hex(o, minor);
	sct_out_putc(o, ')');
	sct_composite_end(o, saved);
}

/* mknod's mode_t, of which strace shows 16 bits, and its device number, shown only
 * for a character or block device (an unsigned int) */
int sct_dec_mknod_mode(const struct sct_dec *d, unsigned i)
{
	print_mode(d->o, (uint16_t)d->r->arg[i]);
	return 0;
}

/* ustat's device: a 32-bit dev_t */
int sct_dec_dev(const struct sct_dec *d, unsigned i)
{
	print_dev(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_mknod_dev(const struct sct_dec *d, unsigned i)
{
	unsigned a = d->c->arg[i].aux < SCT_MAX_ARGS ? d->c->arg[i].aux : i - 1;
	uint32_t type = (uint16_t)d->r->arg[a] & S_IFMT_;

	if (type != 0020000 && type != 0060000)
		return 1;
	print_dev(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

/* The blob behind argument i when the call succeeded, else NULL (address printed). */
static const unsigned char *struct_out(const struct sct_dec *d, unsigned i, size_t need)
{
	const struct sct_blob *b = sct_arg_out(d, i);

	if (sct_failed(d->r) || !b || b->len < need) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	return sct_blob_data(b);
}

static void field_u(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
	sct_out_udec(o, v);
}

/* st_atime=1700000000 / * 2023-11-14T22:13:20.123+0000 * /, st_atime_nsec=123 */
static void stat_time(struct sct_out *o, const char *name, const unsigned char *p)
{
	int64_t sec, nsec;

	memcpy(&sec, p, sizeof(sec));
	memcpy(&nsec, p + 8, sizeof(nsec));
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_putc(o, '=');
	sct_out_dec(o, sec);
	if (sec || nsec) {
		sct_out_puts(o, " /* ");
		sct_print_date(o, sec, nsec);
		sct_out_puts(o, " */");
	}
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_puts(o, "_nsec=");
	sct_out_udec(o, (uint64_t)nsec);
}

/* -v: {st_dev=makedev(0xfe, 0), st_ino=861, st_mode=..., st_nlink=1, st_uid=0,
 * st_gid=0, st_blksize=4096, st_blocks=8, st_size=1221 (st_rdev=... for a device),
 * st_atime=..., st_atime_nsec=..., st_mtime..., st_ctime...} */
static void stat_full(struct sct_out *o, const unsigned char *p)
{
	uint64_t v[8];
	uint32_t mode, uid, gid;

	memcpy(v, p, sizeof(v));	/* dev ino nlink mode|uid gid|pad rdev size blksize */
	memcpy(&mode, p + 24, 4);
	memcpy(&uid, p + 28, 4);
	memcpy(&gid, p + 32, 4);
	sct_out_puts(o, "{st_dev=");
	print_dev(o, v[0]);
	field_u(o, "st_ino", v[1]);
	sct_out_puts(o, ", st_mode=");
	print_mode(o, mode);
	field_u(o, "st_nlink", v[2]);
	field_u(o, "st_uid", uid);
	field_u(o, "st_gid", gid);
	field_u(o, "st_blksize", v[7]);
	memcpy(&v[0], p + 64, 8);
	field_u(o, "st_blocks", v[0]);
	if ((mode & S_IFMT_) == 0020000 || (mode & S_IFMT_) == 0060000) {
		sct_out_puts(o, ", st_rdev=");
		print_dev(o, v[5]);
	} else {
		sct_out_puts(o, ", st_size=");
		sct_out_dec(o, (int64_t)v[6]);
	}
	stat_time(o, "st_atime", p + 72);
	stat_time(o, "st_mtime", p + 88);
	stat_time(o, "st_ctime", p + 104);
	sct_out_putc(o, '}');
}

int sct_dec_stat(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = struct_out(d, i, 56);
	uint32_t mode;
	uint64_t rdev;
	int64_t size;

	if (!p)
		return 0;
	if (sct_no_abbrev(d) && sct_arg_out(d, i)->len >= 120) {
		stat_full(d->o, p);
		return 0;
	}
	memcpy(&mode, p + 24, sizeof(mode));
	memcpy(&rdev, p + 40, sizeof(rdev));
	memcpy(&size, p + 48, sizeof(size));
	sct_out_puts(d->o, "{st_mode=");
	print_mode(d->o, mode);
	if ((mode & S_IFMT_) == 0020000 || (mode & S_IFMT_) == 0060000) {
		sct_out_puts(d->o, ", st_rdev=");
		print_dev(d->o, rdev);
	} else {
		sct_out_puts(d->o, ", st_size=");
		sct_out_dec(d->o, size);
	}
	sct_out_puts(d->o, ", ...}");
	return 0;
}

/* stx_atime={tv_sec=..., tv_nsec=...} / * date * / */
static void statx_time(struct sct_out *o, const char *name, const unsigned char *p)
{
	int64_t sec;
	uint32_t nsec;

	memcpy(&sec, p, sizeof(sec));
	memcpy(&nsec, p + 8, sizeof(nsec));
	sct_out_puts(o, ", ");
	sct_out_puts(o, name);
	sct_out_puts(o, "={tv_sec=");
	sct_out_dec(o, sec);
	sct_out_puts(o, ", tv_nsec=");
	sct_out_udec(o, nsec);
	sct_out_putc(o, '}');
	if (sec || nsec) {
		sct_out_puts(o, " /* ");
		sct_print_date(o, sec, nsec);
		sct_out_puts(o, " */");
	}
}

/* -v: the fields of struct statx (linux/stat.h) in strace's order, those stx_mask
 * vouches for (STATX_NLINK 0x4, _UID 0x8, _GID 0x10, _TYPE|_MODE 0x3, _INO 0x100,
 * _SIZE 0x200, _BLOCKS 0x400, _ATIME 0x20, _BTIME 0x800, _CTIME 0x80, _MTIME 0x40,
 * _MNT_ID 0x1000) and the others */
static void statx_full(struct sct_out *o, const unsigned char *p)
{
	uint32_t u[4], mask;
	uint64_t q[4];
	uint16_t mode;

	memcpy(&mask, p, 4);
	sct_out_puts(o, "{stx_mask=");
	sct_print_statx_mask(o, mask);
	memcpy(&u[1], p + 4, 4);
	field_u(o, "stx_blksize", u[1]);
	memcpy(&q[0], p + 8, 8);
	sct_out_puts(o, ", stx_attributes=");
	sct_print_flags(o, statx_attrs, q[0], "STATX_ATTR_???");
	memcpy(u, p + 16, 12);
	if (mask & 0x4)
		field_u(o, "stx_nlink", u[0]);
	if (mask & 0x8)
		field_u(o, "stx_uid", u[1]);
	if (mask & 0x10)
		field_u(o, "stx_gid", u[2]);
	memcpy(&mode, p + 28, 2);
	if (mask & 0x3) {
		sct_out_puts(o, ", stx_mode=");
		print_mode(o, mode);
	}
	memcpy(q, p + 32, 32);		/* ino size blocks attributes_mask */
	if (mask & 0x100)
		field_u(o, "stx_ino", q[0]);
	if (mask & 0x200)
		field_u(o, "stx_size", q[1]);
	if (mask & 0x400)
		field_u(o, "stx_blocks", q[2]);
	sct_out_puts(o, ", stx_attributes_mask=");
	sct_print_flags(o, statx_attrs, q[3], "STATX_ATTR_???");
	if (mask & 0x20)
		statx_time(o, "stx_atime", p + 64);
	if (mask & 0x800)
		statx_time(o, "stx_btime", p + 80);
	if (mask & 0x80)
		statx_time(o, "stx_ctime", p + 96);
	if (mask & 0x40)
		statx_time(o, "stx_mtime", p + 112);
	memcpy(u, p + 128, 16);
	field_u(o, "stx_rdev_major", u[0]);
	field_u(o, "stx_rdev_minor", u[1]);
	field_u(o, "stx_dev_major", u[2]);
	field_u(o, "stx_dev_minor", u[3]);
	memcpy(u, p, 4);
	if (u[0] & 0x1000) {		/* STATX_MNT_ID */
		memcpy(&q[0], p + 144, 8);
		sct_out_puts(o, ", stx_mnt_id=");
		sct_out_hex(o, q[0]);
	}
	sct_out_putc(o, '}');
}

int sct_dec_statx(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = struct_out(d, i, 48);
	uint32_t mask;
	uint64_t attrs, size;
	uint16_t mode;

	if (!p)
		return 0;
	memcpy(&mask, p, sizeof(mask));
	memcpy(&attrs, p + 8, sizeof(attrs));
	memcpy(&mode, p + 28, sizeof(mode));
	memcpy(&size, p + 40, sizeof(size));
	if (sct_no_abbrev(d) && sct_arg_out(d, i)->len >= 152) {
		statx_full(d->o, p);
		return 0;
	}
	sct_out_puts(d->o, "{stx_mask=");
	sct_print_statx_mask(d->o, mask);
	sct_out_puts(d->o, ", stx_attributes=");
	sct_print_flags(d->o, statx_attrs, attrs, "STATX_ATTR_???");
	sct_out_puts(d->o, ", stx_mode=");
	print_mode(d->o, mode);
	sct_out_puts(d->o, ", stx_size=");
	sct_out_udec(d->o, size);
	sct_out_puts(d->o, ", ...}");
	return 0;
}
