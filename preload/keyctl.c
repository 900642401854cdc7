/* keyctl: what each command's arguments point to, as strace reads it (format/keyctl.c
 * prints it).  Blobs are those of the arguments (1..4), and for DH_COMPUTE's KDF
 * parameters (argument 4) the strings they point to, as SCT_KEYCTL_HASHNAME and
 * SCT_KEYCTL_OTHERINFO.  Which arguments the kernel reads depends on the command and
 * on how far it got, so every read is fault-safe. */
#include <string.h>
#include "wrap.h"
#include "calls.h"
#include "sink.h"
#include "arrays.h"

enum {
	JOIN = 1, UPDATE = 2, DESCRIBE = 6, SEARCH = 10, READ = 11, INSTANTIATE = 12,
	GET_SECURITY = 17, INSTANTIATE_IOV = 20, DH_COMPUTE = 23, PKEY_QUERY = 24,
	PKEY_ENCRYPT = 25, PKEY_VERIFY = 28, RESTRICT = 29, CAPABILITIES = 31,
};

static void str(struct sink *s, unsigned arg, uint64_t p, size_t lim)
{
	sct_sink_blob_str(s, arg, (const char *)(uintptr_t)p, lim);
}

/* printstrn: len bytes, at most -s of them */
static void strn(struct sink *s, unsigned arg, unsigned when, uint64_t p, uint64_t len, size_t lim)
{
	size_t n = len < lim - 1 ? (size_t)len : lim - 1;

	sct_sink_blob_mem(s, arg, when, (const void *)(uintptr_t)p, n, n < len ? SCT_BF_TRUNC : 0);
}

static uint64_t umin(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

void sct_keyctl_capture(struct sink *s, const uint64_t *a, int64_t ret, int ok, size_t lim,
			unsigned arg)
{
	unsigned cmd = (uint32_t)a[0];
	uint64_t got = ok && ret > 0 ? (uint64_t)ret : 0;
	uint32_t pk[3];

	if (arg != 1)		/* the first keyctl_arg captures for all four */
		return;
	s->safe = 0;
	switch (cmd) {
	case JOIN:
		str(s, 1, a[1], lim);
		break;
	case UPDATE:
	case INSTANTIATE:
		strn(s, 2, SCT_BLOB_IN, a[2], a[3], lim);
		break;
	case DESCRIBE:
	case READ:
	case GET_SECURITY:
		if (ok)		/* the kernel's length, at most the buffer's */
			strn(s, 2, SCT_BLOB_OUT, a[2], umin(got, a[3]), lim);
		break;
	case SEARCH:
	case RESTRICT:
		str(s, 2, a[2], lim);
		str(s, 3, a[3], lim);
		break;
	case INSTANTIATE_IOV:
		sct_sink_blob_iov(s, 2, SCT_BLOB_IN, (const struct iovec *)(uintptr_t)a[2],
				  (size_t)umin(a[3], MAX_ELEMS), UINT64_MAX);
		break;
	case DH_COMPUTE: {
		struct { uint64_t hashname, otherinfo; uint32_t len, spare[8]; } kdf;

		sct_sink_blob_mem(s, 1, SCT_BLOB_IN, (const void *)(uintptr_t)a[1], 12, 0);
		if (ok)
			strn(s, 2, SCT_BLOB_OUT, a[2], umin(got, a[3]), lim);
		if (!a[4] || !sct_sink_readable(s, (const void *)(uintptr_t)a[4], sizeof(kdf)))
			break;
		sct_sink_peek(s, &kdf, (const void *)(uintptr_t)a[4], sizeof(kdf));
		sct_sink_blob_mem(s, 4, SCT_BLOB_IN, (const void *)(uintptr_t)a[4], sizeof(kdf), 0);
		str(s, SCT_KEYCTL_HASHNAME, kdf.hashname, lim);
		if (kdf.len)
			strn(s, SCT_KEYCTL_OTHERINFO, SCT_BLOB_IN, kdf.otherinfo, kdf.len, lim);
		break;
	}
	case PKEY_QUERY:
		str(s, 3, a[3], lim);
		if (ok)
			sct_sink_blob_mem(s, 4, SCT_BLOB_OUT, (const void *)(uintptr_t)a[4], 56, 0);
		break;
	case PKEY_ENCRYPT: case PKEY_ENCRYPT + 1: case PKEY_ENCRYPT + 2: case PKEY_VERIFY:
		/* struct keyctl_pkey_params: key_id, in_len, out_len or in2_len, spare */
		str(s, 2, a[2], lim);
		if (!a[1] || !sct_sink_readable(s, (const void *)(uintptr_t)a[1], 40))
			break;
		sct_sink_peek(s, pk, (const void *)(uintptr_t)a[1], sizeof(pk));
		sct_sink_blob_mem(s, 1, SCT_BLOB_IN, (const void *)(uintptr_t)a[1], 40, 0);
		strn(s, 3, SCT_BLOB_IN, a[3], pk[1], lim);
		if (cmd == PKEY_VERIFY)
			strn(s, 4, SCT_BLOB_IN, a[4], pk[2], lim);
		else if (ok)
			strn(s, 4, SCT_BLOB_OUT, a[4], pk[2], lim);
		break;
	case CAPABILITIES:
		if (ok)
			strn(s, 1, SCT_BLOB_OUT, a[1], umin(got, a[2]), lim);
		break;
	}
}
