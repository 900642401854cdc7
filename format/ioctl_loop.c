/* Loop device ioctls (type 'L', <linux/loop.h>), as strace decodes them: the status
 * structs (old and 64-bit), LOOP_CONFIGURE, the descriptor given, the numbers. */
#include <stddef.h>
#include <string.h>
#include <linux/loop.h>
#include "ioctl.h"
#include "xlattab.h"

/* strace's PRINT_FIELD_DEV: glibc's major() and minor(), 32 bits each */
static void dev_field(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_puts(o, "makedev(");
	sct_out_hex(o, (uint32_t)(((v >> 32) & 0xfffff000) | ((v >> 8) & 0xfff)));
	sct_out_puts(o, ", ");
	sct_out_hex(o, (uint32_t)(((v >> 12) & 0xffffff00) | (v & 0xff)));
	sct_out_putc(o, ')');
}

static void key(struct sct_out *o, const unsigned char *k, int32_t size)
{
	uint32_t n = (uint32_t)size < LO_KEY_SIZE ? (uint32_t)size : LO_KEY_SIZE;

	sct_out_puts(o, ", lo_encrypt_key=");
	sct_print_quoted(o, k, n, n, 0);
}

static void x_array(struct sct_out *o, const char *name, const unsigned char *p, unsigned n,
		    unsigned es)
{
	sct_out_puts(o, name);
	for (unsigned k = 0; k < n; k++) {
		sct_out_puts(o, k ? ", " : "[");
		sct_out_hex(o, es == 8 ? sct_get64(p + 8 * k) : p[k]);
	}
	sct_out_putc(o, ']');
}

static void loop_info(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	struct loop_info li;
	int full = sct_no_abbrev(d);

	memcpy(&li, p, sizeof(li));
	sct_ioc_field_d(o, "{lo_number=", li.lo_number);
	if (full) {
		dev_field(o, ", lo_device=", li.lo_device);
		sct_ioc_field_u(o, ", lo_inode=", li.lo_inode);
		dev_field(o, ", lo_rdevice=", li.lo_rdevice);
	}
	sct_ioc_field_x(o, ", lo_offset=", (uint32_t)li.lo_offset);
	if (full || li.lo_encrypt_type != LO_CRYPT_NONE) {
		sct_out_puts(o, ", lo_encrypt_type=");
		sct_print_xlat(o, SCT_XLAT_loop_crypt_types, (uint32_t)li.lo_encrypt_type);
		sct_ioc_field_u(o, ", lo_encrypt_key_size=", (uint32_t)li.lo_encrypt_key_size);
	}
	sct_out_puts(o, ", lo_flags=");
	sct_print_xlat(o, SCT_XLAT_loop_flags, (uint32_t)li.lo_flags);
	sct_out_puts(o, ", lo_name=");
	sct_ioctl_cstring(o, (const unsigned char *)li.lo_name, sizeof(li.lo_name));
	if (full || li.lo_encrypt_type != LO_CRYPT_NONE)
		key(o, li.lo_encrypt_key, li.lo_encrypt_key_size);
	if (full) {
		x_array(o, ", lo_init=", p + offsetof(struct loop_info, lo_init), 2, 8);
		x_array(o, ", reserved=", p + offsetof(struct loop_info, reserved), 4, 1);
		sct_out_putc(o, '}');
	} else {
		sct_out_puts(o, ", ...}");
	}
}

static void loop_info64(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	struct loop_info64 li;
	int full = sct_no_abbrev(d);

	memcpy(&li, p, sizeof(li));
	if (full) {
		dev_field(o, "{lo_device=", li.lo_device);
		sct_ioc_field_u(o, ", lo_inode=", li.lo_inode);
		dev_field(o, ", lo_rdevice=", li.lo_rdevice);
		sct_ioc_field_x(o, ", lo_offset=", li.lo_offset);
		sct_ioc_field_u(o, ", lo_sizelimit=", li.lo_sizelimit);
		sct_ioc_field_u(o, ", lo_number=", li.lo_number);
	} else {
		sct_ioc_field_x(o, "{lo_offset=", li.lo_offset);
		sct_ioc_field_u(o, ", lo_number=", li.lo_number);
	}
	if (full || li.lo_encrypt_type != LO_CRYPT_NONE) {
		sct_out_puts(o, ", lo_encrypt_type=");
		sct_print_xlat(o, SCT_XLAT_loop_crypt_types, li.lo_encrypt_type);
		sct_ioc_field_u(o, ", lo_encrypt_key_size=", li.lo_encrypt_key_size);
	}
	sct_out_puts(o, ", lo_flags=");
	sct_print_xlat(o, SCT_XLAT_loop_flags, li.lo_flags);
	sct_out_puts(o, ", lo_file_name=");
	sct_ioctl_cstring(o, li.lo_file_name, sizeof(li.lo_file_name));
	if (full || li.lo_encrypt_type != LO_CRYPT_NONE) {
		sct_out_puts(o, ", lo_crypt_name=");
		sct_ioctl_cstring(o, li.lo_crypt_name, sizeof(li.lo_crypt_name));
		key(o, li.lo_encrypt_key, (int32_t)li.lo_encrypt_key_size);
	}
	if (full) {
		x_array(o, ", lo_init=", p + offsetof(struct loop_info64, lo_init), 2, 8);
		sct_out_putc(o, '}');
	} else {
		sct_out_puts(o, ", ...}");
	}
}

int sct_ioctl_loop(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case LOOP_GET_STATUS:
	case LOOP_SET_STATUS:
		p = code == LOOP_GET_STATUS ? sct_ioctl_out(d, i, sizeof(struct loop_info)) :
		    sct_ioctl_in(d, i, sizeof(struct loop_info));
		if (p)
			loop_info(d, p);
		else
			sct_print_addr(o, arg);
		break;
	case LOOP_GET_STATUS64:
	case LOOP_SET_STATUS64:
		p = code == LOOP_GET_STATUS64 ? sct_ioctl_out(d, i, sizeof(struct loop_info64)) :
		    sct_ioctl_in(d, i, sizeof(struct loop_info64));
		if (p)
			loop_info64(d, p);
		else
			sct_print_addr(o, arg);
		break;
	case LOOP_CONFIGURE:
		if (!(p = sct_ioctl_in(d, i, sizeof(struct loop_config)))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_puts(o, "{fd=");
		sct_print_fd(d, i, (int32_t)sct_get32(p));
		sct_ioc_field_u(o, ", block_size=", sct_get32(p + 4));
		sct_out_puts(o, ", info=");
		loop_info64(d, p + offsetof(struct loop_config, info));
		p += offsetof(struct loop_config, __reserved);
		for (unsigned k = 0; k < 8; k++)
			if (sct_get64(p + 8 * k)) {
				x_array(o, ", __reserved=", p, 8, 8);
				break;
			}
		sct_out_putc(o, '}');
		break;
	case LOOP_CLR_FD:
	case LOOP_SET_CAPACITY:
	case LOOP_CTL_GET_FREE:
		return SCT_IOCTL_OMIT;
	case LOOP_SET_FD:
	case LOOP_CHANGE_FD:
		sct_print_fd(d, i, (int32_t)arg);
		break;
	case LOOP_CTL_ADD:
	case LOOP_CTL_REMOVE:
		sct_out_dec(o, (int32_t)arg);
		break;
	case LOOP_SET_DIRECT_IO:
	case LOOP_SET_BLOCK_SIZE:
		sct_out_udec(o, arg);
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}

int sct_ioctl_loop_size(uint32_t code, uint16_t *in, uint16_t *out)
{
	switch (code) {
	case LOOP_GET_STATUS: *out = sizeof(struct loop_info); return 1;
	case LOOP_SET_STATUS: *in = sizeof(struct loop_info); return 1;
	case LOOP_GET_STATUS64: *out = sizeof(struct loop_info64); return 1;
	case LOOP_SET_STATUS64: *in = sizeof(struct loop_info64); return 1;
	case LOOP_CONFIGURE: *in = sizeof(struct loop_config); return 1;
	}
	return 0;
}
