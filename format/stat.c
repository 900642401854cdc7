/* struct stat and struct statx, abbreviated as strace prints them without -v:
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
	const char *type = sct_xlat_find(file_types, mode & S_IFMT_);

	int saved;

	if (!type) {
		sct_print_umode(o, mode);
		return;
	}
	if (!sct_composite_begin(o, mode, 8, &saved))
		return;
	sct_out_puts(o, type);
	sct_out_putc(o, '|');
	if (mode & 04000)
		sct_out_puts(o, "S_ISUID|");
	if (mode & 02000)
		sct_out_puts(o, "S_ISGID|");
	if (mode & 01000)
		sct_out_puts(o, "S_ISVTX|");
	sct_print_umode(o, mode & 0777);
	sct_composite_end(o, saved);
}

/* glibc's gnu_dev_major/gnu_dev_minor */
static void print_dev(struct sct_out *o, uint64_t dev)
{
	uint64_t major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull);
	uint64_t minor = (dev & 0xff) | ((dev >> 12) & ~0xffull);

	sct_out_puts(o, "makedev(");
	sct_out_hex(o, major);
	sct_out_puts(o, ", ");
	sct_out_hex(o, minor);
	sct_out_putc(o, ')');
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

int sct_dec_stat(const struct sct_dec *d, unsigned i)
{
	const unsigned char *p = struct_out(d, i, 56);
	uint32_t mode;
	uint64_t rdev;
	int64_t size;

	if (!p)
		return 0;
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
