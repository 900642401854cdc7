/* Video4Linux2 ioctls (type 'V', <linux/videodev2.h>): the inputs and standards, as
 * strace decodes them.  The formats, buffers and controls strace also decodes are
 * not yet: their argument prints as its address (strace's tests ioctl_v4l2*). */
#include <linux/videodev2.h>
#include "ioctl.h"

static const struct sct_xlat input_types[] = {
	{ V4L2_INPUT_TYPE_TUNER, "V4L2_INPUT_TYPE_TUNER" },
	{ V4L2_INPUT_TYPE_CAMERA, "V4L2_INPUT_TYPE_CAMERA" },
	{ V4L2_INPUT_TYPE_TOUCH, "V4L2_INPUT_TYPE_TOUCH" }, { 0, NULL }
};

int sct_ioctl_v4l2(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;

	switch (code) {
	case VIDIOC_ENUMINPUT:	/* the index asked, what the input is */
		if (!(p = sct_ioctl_in(d, i, sizeof(struct v4l2_input)))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_puts(o, "{index=");
		sct_out_udec(o, sct_get32(p));
		if ((p = sct_ioctl_out(d, i, sizeof(struct v4l2_input)))) {
			sct_out_puts(o, ", name=");
			sct_ioctl_cstring(o, p + 4, 32);
			sct_out_puts(o, ", type=");
			sct_print_xval(o, input_types, sct_get32(p + 36), "V4L2_INPUT_TYPE_???");
		}
		sct_out_putc(o, '}');
		break;
	case VIDIOC_G_INPUT:
	case VIDIOC_S_INPUT:
		p = code == VIDIOC_G_INPUT ? sct_ioctl_out(d, i, 4) : sct_ioctl_in(d, i, 4);
		if (!p) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_putc(o, '[');
		sct_out_udec(o, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case VIDIOC_G_STD:
	case VIDIOC_S_STD:
		p = code == VIDIOC_G_STD ? sct_ioctl_out(d, i, 8) : sct_ioctl_in(d, i, 8);
		if (!p) {
			sct_print_addr(o, arg);
			break;
		}
		sct_out_putc(o, '[');
		sct_out_hex(o, sct_get64(p));
		sct_out_putc(o, ']');
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}
