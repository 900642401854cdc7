/* TEE (Trusted Execution Environment) ioctls (type 0xa4, <linux/tee.h>), as strace
 * decodes them: the version, sessions opened, closed and cancelled, functions invoked
 * and the supplicant's requests with their parameters, shared memory allocated and
 * registered.  The commands that pass a buffer (struct tee_ioctl_buf_data: buf_ptr,
 * buf_len) come as preload/capture_tee.c captured them: the 16 bytes of the struct, then
 * { uint32_t n; uint32_t pad; the buffer's first n bytes }. */
#include "ioctl.h"
#include "xlattab.h"

enum {
	TEE_IOC_VERSION = 0x800ca400, TEE_IOC_SHM_ALLOC = 0xc010a401,
	TEE_IOC_OPEN_SESSION = 0x8010a402, TEE_IOC_INVOKE = 0x8010a403,
	TEE_IOC_CANCEL = 0x8008a404, TEE_IOC_CLOSE_SESSION = 0x8004a405,
	TEE_IOC_SUPPL_RECV = 0x8010a406, TEE_IOC_SUPPL_SEND = 0x8010a407,
	TEE_IOC_SHM_REGISTER_FD = 0xc020a408,	/* not upstream: strace decodes it */
	TEE_IOC_SHM_REGISTER = 0xc018a409,
};

#define TEE_MAX_ARG_SIZE 1024
#define PARAM_SIZE 32			/* struct tee_ioctl_param */
#define ATTR_META 0x100

static void param(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	uint64_t attr = sct_get64(p);

	sct_out_puts(o, "{attr=");
	sct_print_xval(o, sct_xlat_tee_param_attr_types, attr & ~(uint64_t)ATTR_META,
		       "TEE_IOCTL_PARAM_ATTR_");
	if (attr & ATTR_META)
		sct_out_puts(o, "|TEE_IOCTL_PARAM_ATTR_META");
	if (attr >= 5 && attr <= 7) {		/* a memory reference */
		sct_ioc_field_x(o, ", shm_offs=", sct_get64(p + 8));
		sct_ioc_field_x(o, ", size=", sct_get64(p + 16));
		sct_ioc_field_u(o, ", shm_id=", sct_get64(p + 24));
	} else if (attr) {
		sct_ioc_field_x(o, ", a=", sct_get64(p + 8));
		sct_ioc_field_x(o, ", b=", sct_get64(p + 16));
		sct_ioc_field_x(o, ", c=", sct_get64(p + 24));
	}
	sct_out_putc(o, '}');
}

/* ", params=[...]": the n parameters after the arg struct of size `size`, of which
 * the buffer's captured bytes hold `have`; as strace's print_array (NULL for none) */
static void params(const struct sct_dec *d, const unsigned char *buf, uint32_t have,
		   uint64_t ptr, uint32_t size, uint32_t n)
{
	struct sct_out *o = d->o;
	uint32_t fetched = have > size ? (have - size) / PARAM_SIZE : 0;
	int abbrev = !sct_no_abbrev(d);

	sct_out_puts(o, ", params=");
	if (!n) {
		sct_out_puts(o, "NULL");	/* strace passes no address for none */
		return;
	}
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= fetched) {
			if (!k) {
				sct_print_addr(o, ptr + size);
				return;
			}
			sct_out_puts(o, "... /* ");
			sct_out_hex(o, ptr + size + (uint64_t)k * PARAM_SIZE);
			sct_out_puts(o, " */]");
			return;
		}
		if (!k)
			sct_out_putc(o, '[');
		if (abbrev && k >= d->f->strsize) {
			sct_out_puts(o, "...");
			break;
		}
		param(d, buf + size + (size_t)k * PARAM_SIZE);
	}
	sct_out_putc(o, ']');
}

static uint32_t arg_size(uint32_t code)
{
	switch (code) {
	case TEE_IOC_OPEN_SESSION:
		return 56;
	case TEE_IOC_INVOKE:
		return 24;
	}
	return 8;	/* struct tee_iocl_supp_recv_arg, tee_iocl_supp_send_arg */
}

static void uuid(struct sct_out *o, const unsigned char *p)
{
	static const char hex[] = "0123456789abcdef";

	for (int k = 0; k < 16; k++) {
		if (k == 4 || k == 6 || k == 8 || k == 10)
			sct_out_putc(o, '-');
		sct_out_putc(o, hex[p[k] >> 4]);
		sct_out_putc(o, hex[p[k] & 15]);
	}
}

/* the arg struct in the buffer as given */
static void buf_in(const struct sct_dec *d, uint32_t code, const unsigned char *a, uint32_t have,
		   uint64_t ptr)
{
	struct sct_out *o = d->o;
	uint32_t login, size = arg_size(code), n;

	sct_out_putc(o, '{');
	switch (code) {
	case TEE_IOC_OPEN_SESSION:
		sct_out_puts(o, "uuid=");
		uuid(o, a);
		sct_out_puts(o, ", clnt_login=");
		login = sct_get32(a + 32);
		sct_print_xlat(o, SCT_XLAT_tee_login_types, login);
		if (login == 2 || login == 6) {		/* a group: its gid */
			sct_out_puts(o, ", clnt_uuid=");
			if (sct_get32(a + 16) == 0xffffffff)
				sct_out_puts(o, "-1");
			else
				sct_out_udec(o, sct_get32(a + 16));
		} else if (login > 6 || login == 3) {	/* not a login strace knows */
			sct_out_puts(o, ", clnt_uuid=");
			sct_ioctl_array(d, a + 16, 16, 1, 1);
		}
		sct_ioc_field_u(o, ", cancel_id=", sct_get32(a + 36));
		n = sct_get32(a + 52);
		break;
	case TEE_IOC_INVOKE:
		sct_ioc_field_u(o, "func=", sct_get32(a));
		sct_ioc_field_x(o, ", session=", sct_get32(a + 4));
		sct_ioc_field_u(o, ", cancel_id=", sct_get32(a + 8));
		n = sct_get32(a + 20);
		break;
	case TEE_IOC_SUPPL_RECV:
		sct_ioc_field_u(o, "func=", sct_get32(a));
		n = sct_get32(a + 4);
		break;
	default:
		n = sct_get32(a + 4);
		break;
	}
	if (code == TEE_IOC_SUPPL_SEND)
		sct_ioc_field_u(o, "num_params=", n);
	else
		sct_ioc_field_u(o, ", num_params=", n);
	params(d, a, have, ptr, size, n);
	sct_out_putc(o, '}');
}

/* what a successful call left in the buffer */
static void buf_out(const struct sct_dec *d, uint32_t code, const unsigned char *a, uint32_t have,
		    uint64_t ptr)
{
	struct sct_out *o = d->o;
	uint32_t size = arg_size(code), n;

	sct_out_putc(o, '{');
	switch (code) {
	case TEE_IOC_OPEN_SESSION:
		sct_ioc_field_x(o, "session=", sct_get32(a + 40));
		sct_ioc_field_u(o, ", ret=", sct_get32(a + 44));
		sct_out_puts(o, ", ret_origin=");
		sct_print_xlat(o, SCT_XLAT_tee_origins, sct_get32(a + 48));
		n = sct_get32(a + 52);
		break;
	case TEE_IOC_INVOKE:
		sct_ioc_field_u(o, "ret=", sct_get32(a + 12));
		sct_out_puts(o, ", ret_origin=");
		sct_print_xlat(o, SCT_XLAT_tee_origins, sct_get32(a + 16));
		n = sct_get32(a + 20);
		break;
	case TEE_IOC_SUPPL_RECV:
		n = sct_get32(a + 4);
		sct_ioc_field_u(o, "num_params=", n);
		break;
	default:
		sct_ioc_field_u(o, "ret=", sct_get32(a));
		n = sct_get32(a + 4);
		break;
	}
	params(d, a, have, ptr, size, n);
	sct_out_putc(o, '}');
}

/* struct tee_ioctl_buf_data and the buffer it points to; 0 when only the struct
 * could be shown (strace's tee_fetch_buf_data) */
static int buf_data(const struct sct_dec *d, const struct sct_blob *b, uint32_t code, int in,
		    const unsigned char **a, uint32_t *have)
{
	const unsigned char *p = sct_blob_data(b);
	uint64_t len = sct_get64(p + 8);
	uint32_t size = arg_size(code);

	*have = b->len >= 24 ? sct_get32(p + 16) : 0;
	if (*have > b->len - 24)
		*have = b->len >= 24 ? b->len - 24 : 0;
	*a = p + 24;
	if (len > TEE_MAX_ARG_SIZE || len < size || *have < size)
		return 0;
	if (in) {
		uint32_t nf = code == TEE_IOC_OPEN_SESSION ? 52 : code == TEE_IOC_INVOKE ? 20 : 4;

		if (size + (uint64_t)PARAM_SIZE * sct_get32(*a + nf) != len)
			return 0;
	}
	(void)d;
	return 1;
}

static void print_buf(struct sct_out *o, const unsigned char *p)
{
	sct_ioc_field_u(o, "{buf_len=", sct_get64(p + 8));
	sct_out_puts(o, ", buf_ptr=");
	sct_print_addr(o, sct_get64(p));
	sct_out_putc(o, '}');
}

static void with_buf(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i), *after;
	const unsigned char *a;
	uint32_t have;

	if (!arg || !b || b->len < 16) {
		sct_print_addr(o, arg);
		return;
	}
	if (!buf_data(d, b, code, 1, &a, &have)) {
		print_buf(o, sct_blob_data(b));
		return;
	}
	sct_ioc_field_u(o, "{buf_len=", sct_get64(sct_blob_data(b) + 8));
	sct_out_puts(o, ", buf_ptr=");
	buf_in(d, code, a, have, sct_get64(sct_blob_data(b)));
	if (!sct_failed(d->r) && (after = sct_arg_out(d, i)) && after->len >= 16) {
		sct_out_puts(o, " => ");
		if (buf_data(d, after, code, 0, &a, &have))
			buf_out(d, code, a, have, sct_get64(sct_blob_data(after)));
		else
			print_buf(o, sct_blob_data(after));
	}
	sct_out_putc(o, '}');
}

static void shm(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t size = SCT_IOC_SIZE(code);
	const unsigned char *p = sct_ioctl_in(d, i, size), *q = sct_ioctl_out(d, i, size);

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	if (code == TEE_IOC_SHM_ALLOC) {
		sct_ioc_field_x(o, "{size=", sct_get64(p));
	} else if (code == TEE_IOC_SHM_REGISTER) {
		sct_out_puts(o, "{addr=");
		sct_print_addr(o, sct_get64(p));
		sct_ioc_field_x(o, ", length=", sct_get64(p + 8));
	} else {
		sct_out_puts(o, "{fd=");
		sct_print_fd(d, i, (int32_t)sct_get64(p));
	}
	sct_out_puts(o, ", flags=");
	sct_print_xlat(o, SCT_XLAT_tee_shm_flags, sct_get32(p + (code == TEE_IOC_SHM_ALLOC ? 8 : 16)));
	sct_out_putc(o, '}');
	if (!q)
		return;
	sct_out_puts(o, " => ");
	if (code == TEE_IOC_SHM_ALLOC) {
		sct_ioc_field_x(o, "{size=", sct_get64(q));
		sct_out_puts(o, ", flags=");
		sct_print_xlat(o, SCT_XLAT_tee_shm_flags, sct_get32(q + 8));
		sct_ioc_field_d(o, ", id=", (int32_t)sct_get32(q + 12));
	} else if (code == TEE_IOC_SHM_REGISTER) {
		sct_ioc_field_x(o, "{length=", sct_get64(q + 8));
		sct_out_puts(o, ", flags=");
		sct_print_xlat(o, SCT_XLAT_tee_shm_flags, sct_get32(q + 16));
		sct_ioc_field_d(o, ", id=", (int32_t)sct_get32(q + 20));
	} else {
		sct_ioc_field_x(o, "{size=", sct_get64(q + 8));
		sct_ioc_field_d(o, ", id=", (int32_t)sct_get32(q + 24));
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_tee(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case TEE_IOC_VERSION:
		if (!(p = sct_ioctl_out(d, i, 12))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_puts(o, "{impl_id=");
		sct_print_xlat(o, SCT_XLAT_tee_impl_ids, sct_get32(p));
		sct_out_puts(o, ", gen_caps=");
		sct_print_xlat(o, SCT_XLAT_tee_gen_caps, sct_get32(p + 8));
		sct_out_puts(o, ", impl_caps=");
		if (sct_get32(p) == 1)
			sct_print_xlat(o, SCT_XLAT_tee_optee_caps, sct_get32(p + 4));
		else
			sct_out_hex(o, sct_get32(p + 4));
		sct_out_putc(o, '}');
		break;
	case TEE_IOC_OPEN_SESSION: case TEE_IOC_INVOKE: case TEE_IOC_SUPPL_RECV:
	case TEE_IOC_SUPPL_SEND:
		with_buf(d, i, code, arg);
		break;
	case TEE_IOC_CANCEL:
		if (!(p = sct_ioctl_in(d, i, 8))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_ioc_field_u(o, "{cancel_id=", sct_get32(p));
		sct_ioc_field_x(o, ", session=", sct_get32(p + 4));
		sct_out_putc(o, '}');
		break;
	case TEE_IOC_CLOSE_SESSION:
		if (!(p = sct_ioctl_in(d, i, 4))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_ioc_field_x(o, "{session=", sct_get32(p));
		sct_out_putc(o, '}');
		break;
	case TEE_IOC_SHM_ALLOC: case TEE_IOC_SHM_REGISTER: case TEE_IOC_SHM_REGISTER_FD:
		shm(d, i, code, arg);
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}
