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
#include "bpf_info.h"
#include "netfmt.h"
#include "xlattab.h"

#define MAP_INFO_SIZE 88

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

int sct_bpf_print_info(const struct sct_dec *d, uint32_t len)
{
	const struct sct_blob *b = sct_rec_blob(d->r, 1, SCT_BLOB_OUT);
	unsigned char m[MAP_INFO_SIZE] = { 0 };
	uint32_t have;

	if (!sct_no_abbrev(d) || !b || b->len < 8 || sct_get32(sct_blob_data(b)) != 1)
		return 0;
	have = b->len - 8 < MAP_INFO_SIZE ? b->len - 8 : MAP_INFO_SIZE;
	memcpy(m, sct_blob_data(b) + 8, have);
	print_map_info(d->o, m, len);
	return 1;
}
