/* keyctl: the command, then each argument as that command uses it, as strace 6.1
 * prints them (an argument the command does not take is left out):
 *   keyctl(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, "keyring;0;"..., 256) = 26
 * What the arguments point to was captured by preload/keyctl.c. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum {
	GET_KEYRING_ID, JOIN, UPDATE, REVOKE, CHOWN, SETPERM, DESCRIBE, CLEAR, LINK, UNLINK,
	SEARCH, READ, INSTANTIATE, NEGATE, SET_REQKEY_KEYRING, SET_TIMEOUT, ASSUME_AUTHORITY,
	GET_SECURITY, SESSION_TO_PARENT, REJECT, INSTANTIATE_IOV, INVALIDATE, GET_PERSISTENT,
	DH_COMPUTE, PKEY_QUERY, PKEY_ENCRYPT, PKEY_DECRYPT, PKEY_SIGN, PKEY_VERIFY, RESTRICT,
	MOVE, CAPABILITIES,
};

/* Arguments each command takes after itself (strace's), -1: all four in hex */
static int nargs(int cmd)
{
	switch (cmd) {
	case SESSION_TO_PARENT: return 0;
	case JOIN: case REVOKE: case CLEAR: case INVALIDATE: case ASSUME_AUTHORITY:
	case SET_REQKEY_KEYRING: return 1;
	case GET_KEYRING_ID: case SETPERM: case LINK: case UNLINK: case SET_TIMEOUT:
	case GET_PERSISTENT: case CAPABILITIES: return 2;
	case UPDATE: case CHOWN: case DESCRIBE: case READ: case GET_SECURITY: case NEGATE:
	case RESTRICT: return 3;
	case SEARCH: case INSTANTIATE: case REJECT: case INSTANTIATE_IOV: case DH_COMPUTE:
	case PKEY_QUERY: case PKEY_ENCRYPT: case PKEY_DECRYPT: case PKEY_SIGN: case PKEY_VERIFY:
	case MOVE: return 4;
	}
	return -1;
}

int sct_dec_keyctl_cmd(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, SCT_XLAT_keyctl_commands, d->r->arg[i]);
	return 0;
}

static void serial(struct sct_out *o, uint64_t v)
{
	sct_print_xlat(o, SCT_XLAT_key_spec, (uint32_t)v);
}

static void uid(struct sct_out *o, uint64_t v)
{
	if ((uint32_t)v == UINT32_MAX)
		sct_out_puts(o, "-1");
	else
		sct_out_udec(o, (uint32_t)v);
}

/* A string of `len` bytes captured as blob `arg` (at most -s of them); its
 * address `p` when nothing was.  `nul`: a last NUL shown whole is left out. */
static void strn(const struct sct_dec *d, unsigned arg, unsigned when, uint64_t p, uint64_t len,
		 int nul)
{
	const struct sct_blob *b = p ? sct_rec_blob(d->r, arg, when) : NULL;
	size_t n;

	if (!b) {
		sct_print_addr(d->o, p);
		return;
	}
	n = b->len;
	if (nul && len <= d->f->strsize && n && n == len && !sct_blob_data(b)[n - 1])
		n--;
	sct_print_quoted(d->o, sct_blob_data(b), n, d->f->strsize, len > b->len);
}

/* A NUL-terminated string captured as blob `arg` */
static void str(const struct sct_dec *d, unsigned arg, uint64_t p)
{
	const struct sct_blob *b = p ? sct_rec_blob(d->r, arg, SCT_BLOB_IN) : NULL;

	if (!b)
		sct_print_addr(d->o, p);
	else
		sct_print_quoted(d->o, sct_blob_data(b), b->len, d->f->strsize,
				 (b->flags & SCT_BF_TRUNC) != 0);
}

/* ", __spare=[0, 0x1, ...]" of n u32 when any is not 0 */
static void spare(struct sct_out *o, const unsigned char *p, unsigned n)
{
	unsigned k;

	for (k = 0; k < n && !sct_get32(p + 4 * k); k++)
		;
	if (k == n)
		return;
	sct_out_puts(o, ", __spare=[");
	for (k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		sct_out_hex(o, sct_get32(p + 4 * k));
	}
	sct_out_putc(o, ']');
}

static const unsigned char *blob(const struct sct_dec *d, unsigned arg, unsigned when, uint32_t size)
{
	const struct sct_blob *b = d->r->arg[arg] ? sct_rec_blob(d->r, arg, when) : NULL;

	return b && b->len >= size ? sct_blob_data(b) : NULL;
}

static void dh_params(const struct sct_dec *d)
{
	const unsigned char *p = blob(d, 1, SCT_BLOB_IN, 12);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[1]);
		return;
	}
	sct_out_puts(d->o, "{private=");
	serial(d->o, sct_get32(p));
	sct_out_puts(d->o, ", prime=");
	serial(d->o, sct_get32(p + 4));
	sct_out_puts(d->o, ", base=");
	serial(d->o, sct_get32(p + 8));
	sct_out_putc(d->o, '}');
}

/* struct keyctl_kdf_params: hashname, otherinfo, otherinfolen, __spare[8] */
static void kdf_params(const struct sct_dec *d)
{
	const unsigned char *p = blob(d, 4, SCT_BLOB_IN, 52);
	uint32_t len;

	if (!p) {
		sct_print_addr(d->o, d->r->arg[4]);
		return;
	}
	len = sct_get32(p + 16);
	sct_out_puts(d->o, "{hashname=");
	str(d, SCT_KEYCTL_HASHNAME, sct_get64(p));
	sct_out_puts(d->o, ", otherinfo=");
	if (len)	/* the kernel reads it only then */
		strn(d, SCT_KEYCTL_OTHERINFO, SCT_BLOB_IN, sct_get64(p + 8), len, 0);
	else
		sct_print_addr(d->o, sct_get64(p + 8));
	sct_out_puts(d->o, ", otherinfolen=");
	sct_out_udec(d->o, len);
	spare(d->o, p + 20, 8);
	sct_out_putc(d->o, '}');
}

static void pkey_query(const struct sct_dec *d)
{
	static const char *const sizes[] = { ", max_data_size=", ", max_sig_size=",
					     ", max_enc_size=", ", max_dec_size=" };
	const unsigned char *p = sct_failed(d->r) ? NULL : blob(d, 4, SCT_BLOB_OUT, 56);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[4]);
		return;
	}
	sct_out_puts(d->o, "{supported_ops=");
	sct_print_xlat(d->o, SCT_XLAT_keyctl_pkey_ops, sct_get32(p));
	sct_out_puts(d->o, ", key_size=");
	sct_out_udec(d->o, sct_get32(p + 4));
	for (unsigned k = 0; k < 4; k++) {
		sct_out_puts(d->o, sizes[k]);
		sct_out_udec(d->o, (uint32_t)p[8 + 2 * k] | (uint32_t)p[9 + 2 * k] << 8);
	}
	spare(d->o, p + 16, 10);
	sct_out_putc(d->o, '}');
}

/* struct keyctl_pkey_params: key_id, in_len, out_len (in2_len for VERIFY), __spare[7] */
static const unsigned char *pkey_params(const struct sct_dec *d, int verify)
{
	const unsigned char *p = blob(d, 1, SCT_BLOB_IN, 40);

	if (!p) {
		sct_print_addr(d->o, d->r->arg[1]);
		return NULL;
	}
	sct_out_puts(d->o, "{key_id=");
	serial(d->o, sct_get32(p));
	sct_out_puts(d->o, ", in_len=");
	sct_out_udec(d->o, sct_get32(p + 4));
	sct_out_puts(d->o, verify ? ", in2_len=" : ", out_len=");
	sct_out_udec(d->o, sct_get32(p + 8));
	spare(d->o, p + 12, 7);
	sct_out_putc(d->o, '}');
	return p;
}

/* KEYCTL_CAPABILITIES: a byte each, [KEYCTL_CAPS0_..., KEYCTL_CAPS1_..., 0x..] */
static void capabilities(const struct sct_dec *d)
{
	const struct sct_blob *b = sct_failed(d->r) || !d->r->arg[1] ? NULL :
				   sct_rec_blob(d->r, 1, SCT_BLOB_OUT);
	uint64_t count = (uint64_t)d->r->ret < d->r->arg[2] ? (uint64_t)d->r->ret : d->r->arg[2];
	const unsigned char *p;

	if (!b) {
		sct_print_addr(d->o, d->r->arg[1]);
		return;
	}
	p = sct_blob_data(b);
	sct_out_putc(d->o, '[');
	for (uint32_t k = 0; k < b->len; k++) {
		if (k)
			sct_out_puts(d->o, ", ");
		if (k < 2)
			sct_print_xlat(d->o, k ? SCT_XLAT_keyctl_caps1 : SCT_XLAT_keyctl_caps0, p[k]);
		else
			sct_out_hex(d->o, p[k]);
	}
	if (count > b->len)
		sct_out_puts(d->o, b->len ? ", ..." : "...");
	sct_out_putc(d->o, ']');
}

/* INSTANTIATE_IOV's iovec array (count argument 3), as writev's */
static void iov(const struct sct_dec *d)
{
	struct sct_call c = *d->c;
	struct sct_dec d2 = *d;

	c.arg[2].kind = SCT_K_IOV_IN;
	c.arg[2].aux = 3;
	d2.c = &c;
	sct_dec_iov_in(&d2, 2);
}

int sct_dec_keyctl_arg(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const uint64_t *a = d->r->arg;
	int cmd = (int32_t)a[0], n = nargs(cmd);
	const char *name;

	if (n < 0) {
		sct_out_hex(o, a[i]);
		return 0;
	}
	if ((int)i > n)
		return 1;
	switch (cmd) {
	case JOIN:
		str(d, 1, a[1]);
		return 0;
	case UPDATE:
	case INSTANTIATE:
		if (i == 2)
			strn(d, 2, SCT_BLOB_IN, a[2], a[3], 0);
		else if (i == 3)
			sct_out_udec(o, a[3]);
		else
			serial(o, a[i]);
		return 0;
	case CHOWN:
		if (i == 1)
			serial(o, a[1]);
		else
			uid(o, a[i]);
		return 0;
	case SETPERM:
		if (i == 1)
			serial(o, a[1]);
		else
			sct_print_xlat(o, SCT_XLAT_key_perms, a[2]);
		return 0;
	case DESCRIBE:
	case READ:
	case GET_SECURITY:
		if (i == 1)
			serial(o, a[1]);
		else if (i == 3)
			sct_out_udec(o, a[3]);
		else if (sct_failed(d->r))
			sct_print_addr(o, a[2]);
		else
			strn(d, 2, SCT_BLOB_OUT, a[2], (uint64_t)d->r->ret < a[3] ? (uint64_t)d->r->ret : a[3],
			     cmd != READ);
		return 0;
	case SEARCH:
	case RESTRICT:
		if (i == 2 || i == 3)
			str(d, i, a[i]);
		else
			serial(o, a[i]);
		return 0;
	case NEGATE:
	case SET_TIMEOUT:
	case REJECT:
		if (i == 2 || (cmd == REJECT && i == 3 && !(name = sct_errno_name((int)(uint32_t)a[3]))))
			sct_out_udec(o, (uint32_t)a[i]);
		else if (cmd == REJECT && i == 3)
			sct_print_named(o, (uint32_t)a[3], 1, name);
		else
			serial(o, a[i]);
		return 0;
	case SET_REQKEY_KEYRING:
		sct_print_xlat(o, SCT_XLAT_key_reqkeys, a[1]);
		return 0;
	case INSTANTIATE_IOV:
		if (i == 2)
			iov(d);
		else if (i == 3)
			sct_out_udec(o, a[3]);
		else
			serial(o, a[i]);
		return 0;
	case GET_PERSISTENT:
		if (i == 1)
			uid(o, a[1]);
		else
			serial(o, a[2]);
		return 0;
	case DH_COMPUTE:
		if (i == 1)
			dh_params(d);
		else if (i == 2 && sct_failed(d->r))
			sct_print_addr(o, a[2]);
		else if (i == 2)
			strn(d, 2, SCT_BLOB_OUT, a[2], (uint64_t)d->r->ret < a[3] ? (uint64_t)d->r->ret : a[3], 0);
		else if (i == 3)
			sct_out_udec(o, a[3]);
		else
			kdf_params(d);
		return 0;
	case PKEY_QUERY:
		if (i == 1)
			serial(o, a[1]);
		else if (i == 2)
			sct_out_hex(o, a[2]);
		else if (i == 3)
			str(d, 3, a[3]);
		else
			pkey_query(d);
		return 0;
	case PKEY_ENCRYPT:
	case PKEY_DECRYPT:
	case PKEY_SIGN:
	case PKEY_VERIFY: {
		const unsigned char *p = blob(d, 1, SCT_BLOB_IN, 40);

		if (i == 1)
			pkey_params(d, cmd == PKEY_VERIFY);
		else if (i == 2)
			str(d, 2, a[2]);
		else if (!p)
			sct_print_addr(o, a[i]);
		else if (i == 3)
			strn(d, 3, SCT_BLOB_IN, a[3], sct_get32(p + 4), 0);
		else if (cmd == PKEY_VERIFY)
			strn(d, 4, SCT_BLOB_IN, a[4], sct_get32(p + 8), 0);
		else if (sct_failed(d->r))
			sct_print_addr(o, a[4]);
		else
			strn(d, 4, SCT_BLOB_OUT, a[4], sct_get32(p + 8), 0);
		return 0;
	}
	case MOVE:
		if (i == 4)
			sct_print_xlat(o, SCT_XLAT_keyctl_move_flags, a[4]);
		else
			serial(o, a[i]);
		return 0;
	case CAPABILITIES:
		if (i == 1)
			capabilities(d);
		else
			sct_out_udec(o, a[2]);
		return 0;
	case GET_KEYRING_ID:
		if (i == 2) {
			sct_out_dec(o, (int32_t)a[2]);
			return 0;
		}
		break;
	}
	serial(o, a[i]);	/* REVOKE, CLEAR, LINK, UNLINK, ... */
	return 0;
}
