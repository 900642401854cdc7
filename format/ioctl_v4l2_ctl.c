/* Video4Linux2 ioctls, continued (format/ioctl_v4l2.c has the formats and buffers):
 * controls (by id, class+offset when unnamed), extended controls with their values
 * and strings, tuners, crops, frame sizes and intervals, buffer creation. */
#include <stdio.h>
#include <string.h>
#include <linux/videodev2.h>
#include "ioctl.h"
#include "ioctl_v4l2.h"
#include "xlattab.h"

static const struct sct_xlat query_flags[] = {
	{ V4L2_CTRL_FLAG_NEXT_CTRL, "V4L2_CTRL_FLAG_NEXT_CTRL" },
	{ V4L2_CTRL_FLAG_NEXT_COMPOUND, "V4L2_CTRL_FLAG_NEXT_COMPOUND" }, { 0, NULL }
};

void sct_v4l2_kernel_version(struct sct_out *o, uint32_t v)
{
	if (o->cstyle != SCT_CONST_ABBREV)
		sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	sct_v4l2_u(o, "KERNEL_VERSION(", v >> 16);
	sct_v4l2_u(o, ", ", (v >> 8) & 0xff);
	sct_v4l2_u(o, ", ", v & 0xff);
	sct_out_putc(o, ')');
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

/* strace's print_xlat_ex: NAME, the number, or both; `dflt`: NAME is "???" text */
static void named(struct sct_out *o, uint32_t v, const char *name, int dflt)
{
	if (o->cstyle == SCT_CONST_ABBREV && !dflt) {
		sct_out_puts(o, name);
		return;
	}
	sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, " /* ");
	sct_out_puts(o, name);
	sct_out_puts(o, " */");
}

/* a control id: V4L2_CID_BRIGHTNESS, V4L2_CTRL_CLASS_USER+0x1, with the NEXT flags
 * of a query first */
static void cid(struct sct_out *o, const char *field, uint32_t id, int next)
{
	const struct sct_xlat *c, *best = NULL;
	const char *s;
	char buf[96];

	sct_out_puts(o, field);
	if (o->cstyle == SCT_CONST_RAW) {
		sct_out_hex(o, id);
		return;
	}
	if (next && (id & (V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND))) {
		sct_print_flags(o, query_flags,
				id & (V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND),
				"V4L2_CTRL_FLAG_NEXT_???");
		sct_out_putc(o, '|');
		id &= ~(uint32_t)(V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND);
	}
	if ((s = sct_xlat_find(sct_xlat_v4l2_control_ids, id))) {
		named(o, id, s, 0);
		return;
	}
	for (c = sct_xlat_v4l2_control_classes; c->name; c++)
		if (c->val <= id && (!best || c->val > best->val))
			best = c;
	if (!best || id - best->val >= 0x10000) {
		named(o, id, "V4L2_CID_???", 1);
		return;
	}
	if (id == best->val)
		snprintf(buf, sizeof(buf), "%s+0", best->name);
	else
		snprintf(buf, sizeof(buf), "%s+%#x", best->name, (unsigned)(id - best->val));
	named(o, id, buf, 0);
}

static void control(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 8), *q;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	cid(o, "{id=", sct_get32(p), 0);
	if (code == VIDIOC_S_CTRL)
		sct_v4l2_d(o, ", value=", (int32_t)sct_get32(p + 4));
	if ((q = sct_ioctl_out(d, i, 8)))
		sct_v4l2_d(o, code == VIDIOC_S_CTRL ? " => " : ", value=", (int32_t)sct_get32(q + 4));
	sct_out_putc(o, '}');
}

static void tuner_body(struct sct_out *o, const unsigned char *p)
{
	sct_out_puts(o, "name=");
	sct_ioctl_cstring(o, p + 4, 32);
	sct_v4l2_tab(o, ", type=", SCT_XLAT_v4l2_tuner_types, sct_get32(p + 36));
	sct_v4l2_tab(o, ", capability=", SCT_XLAT_v4l2_tuner_capabilities, sct_get32(p + 40));
	sct_v4l2_u(o, ", rangelow=", sct_get32(p + 44));
	sct_v4l2_u(o, ", rangehigh=", sct_get32(p + 48));
	sct_v4l2_tab(o, ", rxsubchans=", SCT_XLAT_v4l2_tuner_rxsubchanses, sct_get32(p + 52));
	sct_v4l2_tab(o, ", audmode=", SCT_XLAT_v4l2_tuner_audmodes, sct_get32(p + 56));
	sct_v4l2_d(o, ", signal=", (int32_t)sct_get32(p + 60));
	sct_v4l2_d(o, ", afc=", (int32_t)sct_get32(p + 64));
}

static void tuner(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 84), *q;
	int get = code == VIDIOC_G_TUNER;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_u(o, "{index=", sct_get32(p));
	if (!get) {
		sct_out_puts(o, ", ");
		tuner_body(o, p);
	}
	if ((q = sct_ioctl_out(d, i, 84))) {
		sct_out_puts(o, get ? ", " : "} => {");
		tuner_body(o, q);
	}
	sct_out_putc(o, '}');
}

static void x_array(struct sct_out *o, const char *name, const unsigned char *p, unsigned n)
{
	sct_out_puts(o, name);
	for (unsigned k = 0; k < n; k++) {
		sct_out_puts(o, k ? ", " : "[");
		sct_out_hex(o, sct_get32(p + 4 * k));
	}
	sct_out_putc(o, ']');
}

static int zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* VIDIOC_QUERYCTRL (68 bytes) and VIDIOC_QUERY_EXT_CTRL (232) */
static void queryctrl(const struct sct_dec *d, unsigned i, int ext, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t size = ext ? 232 : 68, n;
	const unsigned char *p = sct_ioctl_in(d, i, size), *q;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	cid(o, "{id=", sct_get32(p), 1);
	if ((q = sct_ioctl_out(d, i, size))) {
		if (sct_get32(q) != sct_get32(p))
			cid(o, " => ", sct_get32(q), 0);
		sct_v4l2_tab(o, ", type=", SCT_XLAT_v4l2_control_types, sct_get32(q + 4));
		sct_out_puts(o, ", name=");
		sct_ioctl_cstring(o, q + 8, 32);
		if (!sct_no_abbrev(d)) {
			sct_out_puts(o, ", ...");
		} else if (!ext) {
			sct_v4l2_d(o, ", minimum=", (int32_t)sct_get32(q + 40));
			sct_v4l2_d(o, ", maximum=", (int32_t)sct_get32(q + 44));
			sct_v4l2_d(o, ", step=", (int32_t)sct_get32(q + 48));
			sct_v4l2_d(o, ", default_value=", (int32_t)sct_get32(q + 52));
			sct_v4l2_tab(o, ", flags=", SCT_XLAT_v4l2_control_flags, sct_get32(q + 56));
			if (!zero(q + 60, 8))
				x_array(o, ", reserved=", q + 60, 2);
		} else {
			sct_v4l2_d(o, ", minimum=", (int64_t)sct_get64(q + 40));
			sct_v4l2_d(o, ", maximum=", (int64_t)sct_get64(q + 48));
			sct_v4l2_u(o, ", step=", sct_get64(q + 56));
			sct_v4l2_d(o, ", default_value=", (int64_t)sct_get64(q + 64));
			sct_v4l2_tab(o, ", flags=", SCT_XLAT_v4l2_control_flags, sct_get32(q + 72));
			sct_v4l2_u(o, ", elem_size=", sct_get32(q + 76));
			sct_v4l2_u(o, ", elems=", sct_get32(q + 80));
			sct_v4l2_u(o, ", nr_of_dims=", n = sct_get32(q + 84));
			sct_out_puts(o, ", dims=");
			sct_ioctl_array(d, q + 88, n < 4 ? n : 4, 4, 0);
			if (!zero(q + 104, 128))
				x_array(o, ", reserved=", q + 104, 32);
		}
	}
	sct_out_putc(o, '}');
}

/* --- extended controls ------------------------------------------------------- */

/* the strings of the controls that have a size follow the elements: { uint32_t
 * bytes; uint32_t fault; bytes, to 8 }; `at` walks them as elements are printed */
struct ext_walk {
	const unsigned char *base;
	uint32_t at, len;
};
static __thread struct ext_walk walk;	/* the printer has no context argument */
static __thread const struct sct_dec *walk_d;

static void ext_control(const struct sct_dec *d, const unsigned char *e)
{
	struct sct_out *o = d->o;
	uint32_t size = sct_get32(e + 4), n, fault;
	uint64_t str = sct_get64(e + 12);

	sct_out_puts(o, "{id=");
	sct_print_xlat(o, SCT_XLAT_v4l2_control_ids, sct_get32(e));
	sct_v4l2_u(o, ", size=", size);
	if (!size) {
		sct_v4l2_d(o, ", value=", (int32_t)sct_get32(e + 12));
		sct_v4l2_d(o, ", value64=", (int64_t)str);
		sct_out_putc(o, '}');
		return;
	}
	sct_out_puts(o, ", string=");
	if (walk.at + 8 > walk.len) {
		sct_print_addr(o, str);
	} else {
		n = sct_get32(walk.base + walk.at);
		fault = sct_get32(walk.base + walk.at + 4);
		if (!str)
			sct_out_puts(o, "NULL");
		else if (fault || walk.at + 8 + n > walk.len)
			sct_print_addr(o, str);
		else
			sct_print_quoted(o, walk.base + walk.at + 8, n, walk_d->f->strsize,
					 size > walk_d->f->strsize);
		walk.at = sct_align8(walk.at + 8 + n);
	}
	sct_out_putc(o, '}');
}

static int ext_array(const struct sct_dec *d, const unsigned char *p, uint32_t len)
{
	uint32_t fetched = len >= 40 ? sct_get32(p + 32) : 0;

	if (fetched > (len >= 40 ? (len - 40) / 20 : 0))
		fetched = len >= 40 ? (len - 40) / 20 : 0;
	walk.base = p;
	walk.len = len;
	walk.at = 40 + 20 * fetched;
	walk_d = d;
	return sct_ioctl_elems(d, p + 32, len >= 32 ? len - 32 : 0, sct_get64(p + 24),
			       sct_get32(p + 4), 20, ext_control);
}

static void ext_controls(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i), *a = sct_arg_out(d, i);
	const unsigned char *p = sct_ioctl_in(d, i, 32);
	int get = code == VIDIOC_G_EXT_CTRLS;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_tab(o, "{ctrl_class=", SCT_XLAT_v4l2_control_classes, sct_get32(p));
	sct_v4l2_u(o, ", count=", sct_get32(p + 4));
	if (!sct_get32(p + 4)) {
		sct_out_putc(o, '}');
		return;
	}
	if (!get) {
		sct_out_puts(o, ", controls=");
		if (!ext_array(d, p, b->len)) {
			sct_out_putc(o, '}');
			return;
		}
	}
	if (a && a->len >= 32) {	/* read back whatever the result */
		sct_out_puts(o, get ? ", controls=" : "} => {controls=");
		ext_array(d, p, b->len);
		if (sct_failed(d->r))
			sct_v4l2_u(o, ", error_idx=", sct_get32(sct_blob_data(a) + 8));
	}
	sct_out_putc(o, '}');
}

/* --- the rest ---------------------------------------------------------------- */

static void frmsize(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 44), *q;
	static const char *const sw[] = {
		"{min_width=", ", max_width=", ", step_width=", ", min_height=", ", max_height=",
		", step_height=",
	};

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_u(o, "{index=", sct_get32(p));
	sct_v4l2_fourcc(o, ", pixel_format=", sct_get32(p + 4), SCT_XLAT_v4l2_pix_fmts);
	if ((q = sct_ioctl_out(d, i, 44))) {
		uint32_t type = sct_get32(q + 8);

		sct_v4l2_tab(o, ", type=", SCT_XLAT_v4l2_framesize_types, type);
		if (type == V4L2_FRMSIZE_TYPE_DISCRETE) {
			sct_v4l2_u(o, ", discrete={width=", sct_get32(q + 12));
			sct_v4l2_u(o, ", height=", sct_get32(q + 16));
			sct_out_putc(o, '}');
		} else if (type == V4L2_FRMSIZE_TYPE_STEPWISE) {
			sct_out_puts(o, ", stepwise=");
			for (int k = 0; k < 6; k++)
				sct_v4l2_u(o, sw[k], sct_get32(q + 12 + 4 * k));
			sct_out_putc(o, '}');
		}
	}
	sct_out_putc(o, '}');
}

static void frmival(const struct sct_dec *d, unsigned i, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p = sct_ioctl_in(d, i, 52), *q;

	if (!p) {
		sct_print_addr(o, arg);
		return;
	}
	sct_v4l2_u(o, "{index=", sct_get32(p));
	sct_v4l2_fourcc(o, ", pixel_format=", sct_get32(p + 4), SCT_XLAT_v4l2_pix_fmts);
	sct_v4l2_u(o, ", width=", sct_get32(p + 8));
	sct_v4l2_u(o, ", height=", sct_get32(p + 12));
	if ((q = sct_ioctl_out(d, i, 52))) {
		uint32_t type = sct_get32(q + 16);

		sct_v4l2_tab(o, ", type=", SCT_XLAT_v4l2_frameinterval_types, type);
		if (type == V4L2_FRMIVAL_TYPE_DISCRETE) {
			sct_v4l2_fract(o, ", discrete=", q + 20);
		} else if (type == V4L2_FRMIVAL_TYPE_STEPWISE || type == V4L2_FRMSIZE_TYPE_CONTINUOUS) {
			sct_v4l2_fract(o, ", stepwise={min=", q + 20);
			sct_v4l2_fract(o, ", max=", q + 28);
			sct_v4l2_fract(o, ", step=", q + 36);
			sct_out_putc(o, '}');
		}
	}
	sct_out_putc(o, '}');
}

int sct_ioctl_v4l2_ctl(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b;
	const unsigned char *p;

	switch (code) {
	case VIDIOC_G_CTRL:
	case VIDIOC_S_CTRL:
		control(d, i, code, arg);
		break;
	case VIDIOC_G_TUNER:
	case VIDIOC_S_TUNER:
		tuner(d, i, code, arg);
		break;
	case VIDIOC_QUERYCTRL:
	case VIDIOC_QUERY_EXT_CTRL:
		queryctrl(d, i, code == VIDIOC_QUERY_EXT_CTRL, arg);
		break;
	case VIDIOC_CROPCAP:
		if (!(p = sct_ioctl_in(d, i, 44))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_v4l2_tab(o, "{type=", SCT_XLAT_v4l2_buf_types, sct_get32(p));
		if ((p = sct_ioctl_out(d, i, 44))) {
			sct_v4l2_rect(o, ", bounds=", p + 4);
			sct_v4l2_rect(o, ", defrect=", p + 20);
			sct_v4l2_fract(o, ", pixelaspect=", p + 36);
		}
		sct_out_putc(o, '}');
		break;
	case VIDIOC_G_CROP:
	case VIDIOC_S_CROP:
		if (!(p = sct_ioctl_in(d, i, 20))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_v4l2_tab(o, "{type=", SCT_XLAT_v4l2_buf_types, sct_get32(p));
		if (code == VIDIOC_S_CROP)
			sct_v4l2_rect(o, ", c=", p + 4);
		else if ((p = sct_ioctl_out(d, i, 20)))
			sct_v4l2_rect(o, ", c=", p + 4);
		sct_out_putc(o, '}');
		break;
	case VIDIOC_S_EXT_CTRLS:
	case VIDIOC_TRY_EXT_CTRLS:
	case VIDIOC_G_EXT_CTRLS:
		ext_controls(d, i, code, arg);
		break;
	case VIDIOC_ENUM_FRAMESIZES:
		frmsize(d, i, arg);
		break;
	case VIDIOC_ENUM_FRAMEINTERVALS:
		frmival(d, i, arg);
		break;
	case VIDIOC_CREATE_BUFS:	/* what it created: in the result (sct_ret_ioctl) */
		if (!(p = sct_ioctl_in(d, i, 256))) {
			sct_print_addr(o, arg);
			break;
		}
		b = sct_arg_in(d, i);
		sct_v4l2_u(o, "{count=", sct_get32(p + 4));
		sct_v4l2_tab(o, ", memory=", SCT_XLAT_v4l2_memories, sct_get32(p + 8));
		sct_v4l2_tab(o, ", format={type=", SCT_XLAT_v4l2_buf_types, sct_get32(p + 16));
		sct_v4l2_fmt(d, ", ", sct_get32(p + 16), p + 24, p + 256, b->len - 256);
		sct_out_puts(o, "}}");
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}
