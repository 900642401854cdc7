/* Capture of the TEE ioctls that pass a buffer (struct tee_ioctl_buf_data,
 * <linux/tee.h>): the struct, then { uint32_t n; uint32_t pad; the buffer's first n
 * bytes }, at most TEE_MAX_ARG_SIZE (1024, the most the kernel takes), as
 * format/ioctl_tee.c reads it; after a successful call the same again, as it was left
 * (the OUT blob). */
#include <string.h>
#include "wrap.h"
#include "capture.h"
#include "sink.h"

#define TEE_MAX_ARG_SIZE 1024

static void buf_blob(struct sink *s, unsigned i, unsigned when, const unsigned char *p)
{
	uint64_t bd[2];
	uint32_t hdr[2] = { 0, 0 };
	const void *buf;

	if (sct_sink_peek(s, bd, p, 16) != 16)
		return;
	buf = (const void *)(uintptr_t)bd[0];	/* buf_ptr, buf_len */
	if (bd[1] <= TEE_MAX_ARG_SIZE && buf)
		hdr[0] = (uint32_t)sct_sink_readable_prefix(s, buf, (size_t)bd[1]);
	sct_sink_blob_begin(s, i, when);
	sct_sink_put_raw(s, bd, 16);
	sct_sink_put_raw(s, hdr, 8);
	if (hdr[0])
		sct_sink_put(s, buf, hdr[0]);
	sct_sink_blob_end(s, 0);
}

int sct_capture_tee(struct sink *s, unsigned i, const unsigned char *p, uint32_t code, int64_t ret)
{
	switch (code) {
	case 0x8010a402:	/* TEE_IOC_OPEN_SESSION */
	case 0x8010a403:	/* TEE_IOC_INVOKE */
	case 0x8010a406:	/* TEE_IOC_SUPPL_RECV */
	case 0x8010a407:	/* TEE_IOC_SUPPL_SEND */
		buf_blob(s, i, SCT_BLOB_IN, p);
		if (!(ret < 0 && ret >= -4095))
			buf_blob(s, i, SCT_BLOB_OUT, p);
		return 1;
	}
	return 0;
}
