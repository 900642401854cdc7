/* Video4Linux2 ioctls (type 'V', <linux/videodev2.h>), as strace decodes them:
 * capabilities, formats (by buffer type), buffers, stream parameters, standards,
 * inputs; the controls, tuners, crops and frame sizes are in ioctl_v4l2_ctl.c.
 * A command that returns something shows it after what it was given: the struct as
 * given is the IN blob (copied before the call), as left the OUT blob. */
#include <string.h>
#include <linux/videodev2.h>
#include "ioctl.h"
#include "ioctl_v4l2.h"
#include "xlattab.h"

static const struct sct_xlat input_types[] = {
	{ V4L2_INPUT_TYPE_TUNER, "V4L2_INPUT_TYPE_TUNER" },
	{ V4L2_INPUT_TYPE_CAMERA, "V4L2_INPUT_TYPE_CAMERA" },
	{ V4L2_INPUT_TYPE_TOUCH, "V4L2_INPUT_TYPE_TOUCH" }, { 0, NULL }
};

void sct_v4l2_u(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_udec(o, v);
}

void sct_v4l2_d(struct sct_out *o, const char *name, int64_t v)
{
	sct_out_puts(o, name);
	sct_out_dec(o, v);
}

void sct_v4l2_x(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_hex(o, v);
}

void sct_v4l2_tab(struct sct_out *o, const char *name, unsigned tab, uint64_t v)
{
	sct_out_puts(o, name);
	sct_print_xlat(o, tab, v);
}

void sct_v4l2_rect(struct sct_out *o, const char *name, const unsigned char *p)
{
	sct_out_puts(o, name);
	sct_v4l2_d(o, "{left=", (int32_t)sct_get32(p));
	sct_v4l2_d(o, ", top=", (int32_t)sct_get32(p + 4));
	sct_v4l2_u(o, ", width=", sct_get32(p + 8));
	sct_v4l2_u(o, ", height=", sct_get32(p + 12));
	sct_out_putc(o, '}');
}

void sct_v4l2_fract(struct sct_out *o, const char *name, const unsigned char *p)
{
	sct_out_puts(o, name);
	sct_out_udec(o, sct_get32(p));
	sct_out_putc(o, '/');
	sct_out_udec(o, sct_get32(p + 4));
}

/* a char as strace's print_char with quotes: 'a', '\'', '\\', '\xfa' */
static void quoted_char(struct sct_out *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	sct_out_putc(o, '\'');
	if (c == '\'' || c == '\\') {
		sct_out_putc(o, '\\');
		sct_out_putc(o, (char)c);
	} else if (c >= ' ' && c < 0x7f) {
		sct_out_putc(o, (char)c);
	} else {
		sct_out_puts(o, "\\x");
		sct_out_putc(o, hex[c >> 4]);
		sct_out_putc(o, hex[c & 15]);
	}
	sct_out_putc(o, '\'');
}

/* v4l2_fourcc('R', 'G', 'B', '3') / * V4L2_PIX_FMT_RGB24 * /; -X raw the number */
void sct_v4l2_fourcc(struct sct_out *o, const char *name, uint32_t v, unsigned tab)
{
	const char *s;

	sct_out_puts(o, name);
	if (o->cstyle == SCT_CONST_RAW) {
		sct_out_hex(o, v);
		return;
	}
	sct_out_puts(o, "v4l2_fourcc(");
	for (int k = 0; k < 4; k++) {
		if (k)
			sct_out_puts(o, ", ");
		quoted_char(o, (unsigned char)(v >> (8 * k)));
	}
	sct_out_putc(o, ')');
	if (tab != SCT_V4L2_NOTAB && (s = sct_xlat_find(sct_xlat_tabs[tab].x, v))) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, s);
		sct_out_puts(o, " */");
	}
}

static void plane(const struct sct_dec *d, const unsigned char *e)
{
	sct_v4l2_u(d->o, "{sizeimage=", sct_get32(e));
	sct_v4l2_u(d->o, ", bytesperline=", sct_get32(e + 4));
	sct_out_putc(d->o, '}');
}

static void clip(const struct sct_dec *d, const unsigned char *e)
{
	sct_v4l2_rect(d->o, "{c=", e);
	sct_out_putc(d->o, '}');
}

static void int_array(struct sct_out *o, const char *name, const unsigned char *p, unsigned n,
		      int sign)
{
	sct_out_puts(o, name);
	for (unsigned k = 0; k < n; k++) {
		sct_out_puts(o, k ? ", " : "[");
		if (sign)
			sct_out_dec(o, (int32_t)sct_get32(p + 4 * k));
		else
			sct_out_udec(o, sct_get32(p + 4 * k));
	}
	sct_out_putc(o, ']');
}

/* the fmt union of a v4l2_format (at f, of type `type`) after `prefix`; `extra`: what
 * the capture put after the struct (a window's clips), `xlen` its bytes.  0 for a type
 * strace does not decode, or a window whose clips it could not show. */
int sct_v4l2_fmt(const struct sct_dec *d, const char *prefix, uint32_t type,
		 const unsigned char *f, const unsigned char *extra, uint32_t xlen)
{
	struct sct_out *o = d->o;
	int rc = 1;

	switch (type) {
	case V4L2_BUF_TYPE_VIDEO_CAPTURE:
	case V4L2_BUF_TYPE_VIDEO_OUTPUT:
		sct_out_puts(o, prefix);
		sct_v4l2_u(o, "fmt.pix={width=", sct_get32(f));
		sct_v4l2_u(o, ", height=", sct_get32(f + 4));
		sct_v4l2_fourcc(o, ", pixelformat=", sct_get32(f + 8), SCT_XLAT_v4l2_pix_fmts);
		sct_v4l2_tab(o, ", field=", SCT_XLAT_v4l2_fields, sct_get32(f + 12));
		sct_v4l2_u(o, ", bytesperline=", sct_get32(f + 16));
		sct_v4l2_u(o, ", sizeimage=", sct_get32(f + 20));
		sct_v4l2_tab(o, ", colorspace=", SCT_XLAT_v4l2_colorspaces, sct_get32(f + 24));
		sct_out_putc(o, '}');
		break;
	case V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE:
	case V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE: {
		unsigned n = f[180] < VIDEO_MAX_PLANES ? f[180] : VIDEO_MAX_PLANES;

		sct_out_puts(o, prefix);
		sct_v4l2_u(o, "fmt.pix_mp={width=", sct_get32(f));
		sct_v4l2_u(o, ", height=", sct_get32(f + 4));
		sct_v4l2_fourcc(o, ", pixelformat=", sct_get32(f + 8), SCT_XLAT_v4l2_pix_fmts);
		sct_v4l2_tab(o, ", field=", SCT_XLAT_v4l2_fields, sct_get32(f + 12));
		sct_v4l2_tab(o, ", colorspace=", SCT_XLAT_v4l2_colorspaces, sct_get32(f + 16));
		sct_out_puts(o, ", plane_fmt=[");
		for (unsigned k = 0; k < n; k++) {
			if (k)
				sct_out_puts(o, ", ");
			plane(d, f + 20 + 20 * k);
		}
		sct_v4l2_u(o, "], num_planes=", f[180]);
		sct_out_putc(o, '}');
		break;
	}
	case V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY:
	case V4L2_BUF_TYPE_VIDEO_OVERLAY:
		sct_out_puts(o, prefix);
		sct_v4l2_rect(o, "fmt.win={w=", f);
		sct_v4l2_tab(o, ", field=", SCT_XLAT_v4l2_fields, sct_get32(f + 16));
		sct_v4l2_x(o, ", chromakey=", sct_get32(f + 20));
		sct_out_puts(o, ", clips=");
		rc = sct_ioctl_elems(d, extra, xlen, sct_get64(f + 24), sct_get32(f + 32), 24, clip);
		sct_v4l2_u(o, ", clipcount=", sct_get32(f + 32));
		sct_out_puts(o, ", bitmap=");
		sct_print_addr(o, sct_get64(f + 40));
		if (f[48])
			sct_v4l2_x(o, ", global_alpha=", f[48]);
		sct_out_putc(o, '}');
		break;
	case V4L2_BUF_TYPE_VBI_CAPTURE:
	case V4L2_BUF_TYPE_VBI_OUTPUT:
		sct_out_puts(o, prefix);
		sct_v4l2_u(o, "fmt.vbi={sampling_rate=", sct_get32(f));
		sct_v4l2_u(o, ", offset=", sct_get32(f + 4));
		sct_v4l2_u(o, ", samples_per_line=", sct_get32(f + 8));
		sct_v4l2_fourcc(o, ", sample_format=", sct_get32(f + 12), SCT_XLAT_v4l2_pix_fmts);
		int_array(o, ", start=", f + 16, 2, 1);
		int_array(o, ", count=", f + 24, 2, 0);
		sct_v4l2_tab(o, ", flags=", SCT_XLAT_v4l2_vbi_flags, sct_get32(f + 32));
		sct_out_putc(o, '}');
		break;
	case V4L2_BUF_TYPE_SLICED_VBI_CAPTURE:
	case V4L2_BUF_TYPE_SLICED_VBI_OUTPUT:
		sct_out_puts(o, prefix);
		sct_v4l2_tab(o, "fmt.sliced={service_set=", SCT_XLAT_v4l2_sliced_flags,
			     (uint32_t)(f[0] | f[1] << 8));
		sct_out_puts(o, ", service_lines=[");
		for (int r = 0; r < 2; r++) {
			sct_out_puts(o, r ? ", [" : "[");
			for (int k = 0; k < 24; k++) {
				if (k)
					sct_out_puts(o, ", ");
				sct_out_hex(o, (uint32_t)(f[2 + 48 * r + 2 * k] | f[3 + 48 * r + 2 * k] << 8));
			}
			sct_out_putc(o, ']');
		}
		sct_v4l2_u(o, "], io_size=", sct_get32(f + 100));
		sct_out_putc(o, '}');
		break;
	case V4L2_BUF_TYPE_SDR_OUTPUT:
	case V4L2_BUF_TYPE_SDR_CAPTURE:
		sct_out_puts(o, prefix);
		sct_v4l2_fourcc(o, "fmt.sdr={pixelformat=", sct_get32(f), SCT_XLAT_v4l2_sdr_fmts);
		if (sct_get32(f + 4))
			sct_v4l2_u(o, ", buffersize=", sct_get32(f + 4));
		sct_out_putc(o, '}');
		break;
	case V4L2_BUF_TYPE_META_OUTPUT:
	case V4L2_BUF_TYPE_META_CAPTURE:
		sct_out_puts(o, prefix);
		sct_v4l2_fourcc(o, "fmt.meta={dataformat=", sct_get32(f), SCT_XLAT_v4l2_meta_fmts);
		sct_v4l2_u(o, ", buffersize=", sct_get32(f + 4));
		sct_out_putc(o, '}');
		break;
	default:
		return 0;
	}
	return rc;
}

/* a v4l2_format (G_FMT, S_FMT, TRY_FMT): its type, its fmt as given (the setters), as
 * returned: ", fmt..." for G_FMT, "} => {fmt..." for the others */
static void format(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = sct_ioctl_in(d, i, 208), *q;
	int get = code == VIDIOC_G_FMT;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_tab(o, "{type=", SCT_XLAT_v4l2_buf_types, sct_get32(p));
	if (!get && !sct_v4l2_fmt(d, ", ", sct_get32(p), p + 8, p + 208, b->len - 208)) {
		sct_out_putc(o, '}');
		return;
	}
	if ((q = sct_ioctl_out(d, i, 208)))
		sct_v4l2_fmt(d, get ? ", " : "} => {", sct_get32(q), q + 8, p + 208, b->len - 208);
	sct_out_putc(o, '}');
}

static void buffer_flags(struct sct_out *o, uint32_t v)
{
	uint32_t ts_type = v & V4L2_BUF_FLAG_TIMESTAMP_MASK;
	uint32_t ts_src = v & V4L2_BUF_FLAG_TSTAMP_SRC_MASK, flags = v & ~ts_type & ~ts_src;

	sct_out_puts(o, ", flags=");
	if (o->cstyle == SCT_CONST_RAW) {
		sct_out_hex(o, v);
		return;
	}
	if (flags) {
		sct_print_xlat(o, SCT_XLAT_v4l2_buf_flags, flags);
		sct_out_putc(o, '|');
	}
	sct_print_xlat(o, SCT_XLAT_v4l2_buf_flags_ts_type, ts_type);
	sct_out_putc(o, '|');
	sct_print_xlat(o, SCT_XLAT_v4l2_buf_flags_ts_src, ts_src);
}

/* struct v4l2_buffer (QUERYBUF, QBUF, DQBUF) */
static void buffer(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 88), *q;
	uint32_t mem;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_tab(o, "{type=", SCT_XLAT_v4l2_buf_types, sct_get32(p + 4));
	if (code != VIDIOC_DQBUF)
		sct_v4l2_u(o, ", index=", sct_get32(p));
	if ((q = sct_ioctl_out(d, i, 88))) {
		if (code == VIDIOC_DQBUF)
			sct_v4l2_u(o, ", index=", sct_get32(q));
		mem = sct_get32(q + 60);
		sct_v4l2_tab(o, ", memory=", SCT_XLAT_v4l2_memories, mem);
		if (mem == V4L2_MEMORY_MMAP)
			sct_v4l2_x(o, ", m.offset=", sct_get32(q + 64));
		else if (mem == V4L2_MEMORY_USERPTR) {
			sct_out_puts(o, ", m.userptr=");
			sct_print_addr(o, sct_get64(q + 64));
		}
		sct_v4l2_u(o, ", length=", sct_get32(q + 72));
		sct_v4l2_u(o, ", bytesused=", sct_get32(q + 8));
		buffer_flags(o, sct_get32(q + 12));
		if (code == VIDIOC_DQBUF) {
			sct_v4l2_d(o, ", timestamp={tv_sec=", (int64_t)sct_get64(q + 24));
			sct_v4l2_d(o, ", tv_usec=", (int64_t)sct_get64(q + 32));
			sct_out_putc(o, '}');
		}
		sct_out_puts(o, ", ...");
	}
	sct_out_putc(o, '}');
}

/* struct v4l2_streamparm (G_PARM, S_PARM): a capture's or an output's */
static void parm(struct sct_out *o, uint32_t type, const unsigned char *p)
{
	int cap = type == V4L2_BUF_TYPE_VIDEO_CAPTURE;

	sct_out_puts(o, cap ? "parm.capture=" : "parm.output=");
	sct_v4l2_tab(o, "{capability=", SCT_XLAT_v4l2_streaming_capabilities, sct_get32(p));
	sct_v4l2_tab(o, cap ? ", capturemode=" : ", outputmode=", SCT_XLAT_v4l2_capture_modes,
		     sct_get32(p + 4));
	sct_v4l2_fract(o, ", timeperframe=", p + 8);
	sct_v4l2_x(o, ", extendedmode=", sct_get32(p + 16));
	sct_v4l2_u(o, cap ? ", readbuffers=" : ", writebuffers=", sct_get32(p + 20));
	sct_out_putc(o, '}');
}

static void streamparm(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 204), *q;
	uint32_t type;
	int get = code == VIDIOC_G_PARM;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	type = sct_get32(p);
	sct_v4l2_tab(o, "{type=", SCT_XLAT_v4l2_buf_types, type);
	if (type != V4L2_BUF_TYPE_VIDEO_CAPTURE && type != V4L2_BUF_TYPE_VIDEO_OUTPUT) {
		sct_out_putc(o, '}');
		return;
	}
	if (!get) {
		sct_out_puts(o, ", ");
		parm(o, type, p + 4);
	}
	if ((q = sct_ioctl_out(d, i, 204))) {
		sct_out_puts(o, get ? ", " : "} => {");
		parm(o, sct_get32(q) == V4L2_BUF_TYPE_VIDEO_CAPTURE ? V4L2_BUF_TYPE_VIDEO_CAPTURE : 0,
		     q + 4);
	}
	sct_out_putc(o, '}');
}

/* the commands that ask by index and show what they got: ENUM_FMT, ENUMSTD, ENUMINPUT */
static void enumerated(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t size = SCT_IOC_SIZE(code);
	const unsigned char *p = sct_ioctl_in(d, i, size), *q;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_u(o, "{index=", sct_get32(p));
	if (code == VIDIOC_ENUM_FMT)
		sct_v4l2_tab(o, ", type=", SCT_XLAT_v4l2_buf_types, sct_get32(p + 4));
	if ((q = sct_ioctl_out(d, i, size))) {
		switch (code) {
		case VIDIOC_ENUM_FMT:
			sct_v4l2_tab(o, ", flags=", SCT_XLAT_v4l2_format_description_flags,
				     sct_get32(q + 8));
			sct_out_puts(o, ", description=");
			sct_ioctl_cstring(o, q + 12, 32);
			sct_v4l2_fourcc(o, ", pixelformat=", sct_get32(q + 44), SCT_XLAT_v4l2_pix_fmts);
			break;
		case VIDIOC_ENUMSTD:
			sct_out_puts(o, ", name=");
			sct_ioctl_cstring(o, q + 16, 24);
			sct_v4l2_fract(o, ", frameperiod=", q + 40);
			sct_v4l2_u(o, ", framelines=", sct_get32(q + 48));
			break;
		case VIDIOC_ENUMINPUT:
			sct_out_puts(o, ", name=");
			sct_ioctl_cstring(o, q + 4, 32);
			sct_out_puts(o, ", type=");
			sct_print_xval(o, input_types, sct_get32(q + 36), "V4L2_INPUT_TYPE_???");
			break;
		}
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_v4l2(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	int out = 0;

	switch (code) {
	case VIDIOC_QUERYCAP:
		if (!(p = sct_ioctl_out(d, i, 104)))
			break;
		sct_out_puts(o, "{driver=");
		sct_ioctl_cstring(o, p, 16);
		sct_out_puts(o, ", card=");
		sct_ioctl_cstring(o, p + 16, 32);
		sct_out_puts(o, ", bus_info=");
		sct_ioctl_cstring(o, p + 48, 32);
		sct_out_puts(o, ", version=");
		sct_v4l2_kernel_version(o, sct_get32(p + 80));
		sct_v4l2_tab(o, ", capabilities=", SCT_XLAT_v4l2_device_capabilities_flags,
			     sct_get32(p + 84));
		if (sct_get32(p + 88))
			sct_v4l2_tab(o, ", device_caps=", SCT_XLAT_v4l2_device_capabilities_flags,
				     sct_get32(p + 88));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case VIDIOC_ENUM_FMT:
	case VIDIOC_ENUMSTD:
	case VIDIOC_ENUMINPUT:
		enumerated(d, i, code, arg);
		return SCT_IOCTL_DONE;
	case VIDIOC_G_FMT:
	case VIDIOC_S_FMT:
	case VIDIOC_TRY_FMT:
		format(d, i, code, arg);
		return SCT_IOCTL_DONE;
	case VIDIOC_REQBUFS:
		if (!(p = sct_ioctl_in(d, i, 20)))
			break;
		sct_v4l2_tab(o, "{type=", SCT_XLAT_v4l2_buf_types, sct_get32(p + 4));
		sct_v4l2_tab(o, ", memory=", SCT_XLAT_v4l2_memories, sct_get32(p + 8));
		sct_v4l2_u(o, ", count=", sct_get32(p));
		if ((p = sct_ioctl_out(d, i, 20)))
			sct_v4l2_u(o, " => ", sct_get32(p));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case VIDIOC_QUERYBUF:
	case VIDIOC_QBUF:
	case VIDIOC_DQBUF:
		buffer(d, i, code, arg);
		return SCT_IOCTL_DONE;
	case VIDIOC_G_FBUF:
	case VIDIOC_S_FBUF:
		p = code == VIDIOC_G_FBUF ? sct_ioctl_out(d, i, 48) : sct_ioctl_in(d, i, 48);
		if (!p)
			break;
		sct_v4l2_x(o, "{capability=", sct_get32(p));
		sct_v4l2_x(o, ", flags=", sct_get32(p + 4));
		sct_out_puts(o, ", base=");
		sct_print_addr(o, sct_get64(p + 8));
		sct_out_putc(o, '}');
		return SCT_IOCTL_DONE;
	case VIDIOC_STREAMON:
	case VIDIOC_STREAMOFF:
		if (!(p = sct_ioctl_in(d, i, 4)))
			break;
		sct_v4l2_tab(o, "[", SCT_XLAT_v4l2_buf_types, sct_get32(p));
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	case VIDIOC_G_PARM:
	case VIDIOC_S_PARM:
		streamparm(d, i, code, arg);
		return SCT_IOCTL_DONE;
	case VIDIOC_G_STD:
		out = 1;
		/* fall through */
	case VIDIOC_S_STD:
		if (!(p = out ? sct_ioctl_out(d, i, 8) : sct_ioctl_in(d, i, 8)))
			break;
		sct_v4l2_x(o, "[", sct_get64(p));
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	case VIDIOC_G_INPUT:
		out = 1;
		/* fall through */
	case VIDIOC_S_INPUT:
		if (!(p = out ? sct_ioctl_out(d, i, 4) : sct_ioctl_in(d, i, 4)))
			break;
		sct_v4l2_u(o, "[", sct_get32(p));
		sct_out_putc(o, ']');
		return SCT_IOCTL_DONE;
	default:
		return sct_ioctl_v4l2_ctl(d, i, code, arg);
	}
	sct_print_addr(o, arg);
	return SCT_IOCTL_DONE;
}
