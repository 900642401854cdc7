/* GPIO character device ioctls (type 0xb4, <linux/gpio.h>), as strace decodes them:
 * chip and line information, line requests (v1 handles and events, v2 lines with
 * their attributes), line values and configuration.  A request shows what it asked
 * for and, when it succeeded, " => " what the kernel filled in (a descriptor, names).
 * Offsets are the x86-64 layouts of the structs. */
#include <linux/gpio.h>
#include "ioctl.h"
#include "xlattab.h"

static void flags_field(struct sct_out *o, const char *name, unsigned tab, uint64_t v)
{
	sct_out_puts(o, name);
	sct_print_xlat(o, tab, v);
}

static void str_field(struct sct_out *o, const char *name, const unsigned char *p, size_t n)
{
	sct_out_puts(o, name);
	sct_ioctl_cstring(o, p, n);
}

static int all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* ", padding=[0x1, 0]" when not all zero */
static void padding(const struct sct_dec *d, const unsigned char *p, uint32_t n)
{
	if (all_zero(p, 4 * n))
		return;
	sct_out_puts(d->o, ", padding=");
	for (uint32_t k = 0; k < n; k++) {
		sct_out_puts(d->o, k ? ", " : "[");
		sct_out_hex(d->o, sct_get32(p + 4 * k));
	}
	sct_out_putc(d->o, ']');
}

/* struct gpio_v2_line_attribute (16 bytes): id, padding, the value its id says */
static void attribute(struct sct_out *o, const unsigned char *p, int as_field)
{
	uint32_t id = sct_get32(p), pad = sct_get32(p + 4);

	if (!pad && id == GPIO_V2_LINE_ATTR_ID_FLAGS) {
		flags_field(o, "flags=", SCT_XLAT_gpio_v2_line_flags, sct_get64(p + 8));
	} else if (!pad && id == GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES) {
		sct_ioc_field_x(o, "values=", sct_get64(p + 8));
	} else if (!pad && id == GPIO_V2_LINE_ATTR_ID_DEBOUNCE) {
		sct_ioc_field_u(o, "debounce_period_us=", sct_get32(p + 8));
	} else {
		sct_out_puts(o, as_field ? "attr={id=" : "id=");
		sct_out_udec(o, id);
		if (pad)
			sct_ioc_field_x(o, ", padding=", pad);
		sct_ioc_field_x(o, ", data=", sct_get64(p + 8));
		if (as_field)
			sct_out_putc(o, '}');
	}
}

/* n elements of es bytes, each printed by fn between braces, "..." after -s */
static void attrs(const struct sct_dec *d, const unsigned char *p, uint32_t n, unsigned es,
		  int config)
{
	struct sct_out *o = d->o;

	sct_out_putc(o, '[');
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (!sct_no_abbrev(d) && k >= d->f->strsize) {
			sct_out_puts(o, "...");
			break;
		}
		sct_out_putc(o, '{');
		attribute(o, p + es * k, config);
		if (config)
			sct_ioc_field_x(o, ", mask=", sct_get64(p + es * k + 16));
		sct_out_putc(o, '}');
	}
	sct_out_putc(o, ']');
}

/* struct gpio_v2_line_config (272 bytes) */
static void line_config(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	uint32_t n = sct_get32(p + 8);

	flags_field(o, "{flags=", SCT_XLAT_gpio_v2_line_flags, sct_get64(p));
	sct_ioc_field_u(o, ", num_attrs=", n);
	padding(d, p + 12, 5);
	if (n) {
		sct_out_puts(o, ", attrs=");
		attrs(d, p + 32, n < 10 ? n : 10, 24, 1);
	}
	sct_out_putc(o, '}');
}

/* what the call left, after " => ", for the requests that return something */
static const unsigned char *after(const struct sct_dec *d, unsigned i, uint32_t need)
{
	const unsigned char *q = sct_ioctl_out(d, i, need);

	if (q)
		sct_out_puts(d->o, " => ");
	return q;
}

static void fd_field(const struct sct_dec *d, unsigned i, const unsigned char *q)
{
	sct_out_puts(d->o, "{fd=");
	sct_print_fd(d, i, (int32_t)sct_get32(q));
	sct_out_putc(d->o, '}');
}

int sct_ioctl_gpio(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	uint32_t size = SCT_IOC_SIZE(code), n;
	const unsigned char *p, *q;

	switch (code) {
	case GPIO_GET_CHIPINFO_IOCTL:
	case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
	case GPIO_V2_GET_LINEINFO_IOCTL:
	case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
	case GPIO_GET_LINEINFO_IOCTL:
	case GPIO_GET_LINEINFO_WATCH_IOCTL:
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
	case GPIO_V2_GET_LINE_IOCTL:
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
	case GPIO_GET_LINEHANDLE_IOCTL:
	case GPIO_GET_LINEEVENT_IOCTL:
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
	case GPIOHANDLE_SET_CONFIG_IOCTL:
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	/* the getters show nothing but what they got */
	if (code == GPIO_GET_CHIPINFO_IOCTL || code == GPIOHANDLE_GET_LINE_VALUES_IOCTL)
		p = sct_ioctl_out(d, i, size);
	else
		p = sct_ioctl_in(d, i, size);
	if (!p) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	switch (code) {
	case GPIO_GET_CHIPINFO_IOCTL:
		str_field(o, "{name=", p, 32);
		str_field(o, ", label=", p + 32, 32);
		sct_ioc_field_u(o, ", lines=", sct_get32(p + 64));
		sct_out_putc(o, '}');
		break;
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
		sct_ioc_field_u(o, "{offset=", sct_get32(p));
		sct_out_putc(o, '}');
		break;
	case GPIO_GET_LINEINFO_IOCTL:
	case GPIO_GET_LINEINFO_WATCH_IOCTL:
		sct_ioc_field_u(o, "{line_offset=", sct_get32(p));
		sct_out_putc(o, '}');
		if (!(q = after(d, i, size)))
			break;
		flags_field(o, "{flags=", SCT_XLAT_gpio_line_flags, sct_get32(q + 4));
		str_field(o, ", name=", q + 8, 32);
		str_field(o, ", consumer=", q + 40, 32);
		sct_out_putc(o, '}');
		break;
	case GPIO_V2_GET_LINEINFO_IOCTL:
	case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
		sct_ioc_field_u(o, "{offset=", sct_get32(p + 64));
		sct_out_putc(o, '}');
		if (!(q = after(d, i, size)))
			break;
		str_field(o, "{name=", q, 32);
		str_field(o, ", consumer=", q + 32, 32);
		flags_field(o, ", flags=", SCT_XLAT_gpio_v2_line_flags, sct_get64(q + 72));
		sct_ioc_field_u(o, ", num_attrs=", n = sct_get32(q + 68));
		if (n) {
			sct_out_puts(o, ", attrs=");
			attrs(d, q + 80, n < 10 ? n : 10, 16, 0);
		}
		padding(d, q + 240, 4);
		sct_out_putc(o, '}');
		break;
	case GPIO_GET_LINEHANDLE_IOCTL:
		n = sct_get32(p + 356);
		sct_ioc_field_u(o, "{lines=", n);
		sct_out_puts(o, ", lineoffsets=");
		sct_ioctl_array(d, p, n < 64 ? n : 64, 4, 0);
		flags_field(o, ", flags=", SCT_XLAT_gpio_handle_flags, sct_get32(p + 256));
		sct_out_puts(o, ", default_values=");
		sct_ioctl_array(d, p + 260, n < 64 ? n : 64, 1, 0);
		str_field(o, ", consumer_label=", p + 324, 32);
		sct_out_putc(o, '}');
		if ((q = after(d, i, size)))
			fd_field(d, i, q + 360);
		break;
	case GPIO_GET_LINEEVENT_IOCTL:
		sct_ioc_field_u(o, "{lineoffset=", sct_get32(p));
		flags_field(o, ", handleflags=", SCT_XLAT_gpio_handle_flags, sct_get32(p + 4));
		flags_field(o, ", eventflags=", SCT_XLAT_gpio_event_flags, sct_get32(p + 8));
		str_field(o, ", consumer_label=", p + 12, 32);
		sct_out_putc(o, '}');
		if ((q = after(d, i, size)))
			fd_field(d, i, q + 44);
		break;
	case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
		sct_out_puts(o, "{values=");
		sct_ioctl_array(d, p, 64, 1, 0);
		sct_out_putc(o, '}');
		break;
	case GPIOHANDLE_SET_CONFIG_IOCTL:
		flags_field(o, "{flags=", SCT_XLAT_gpio_handle_flags, sct_get32(p));
		sct_out_puts(o, ", default_values=");
		sct_ioctl_array(d, p + 4, 64, 1, 0);
		sct_out_putc(o, '}');
		break;
	case GPIO_V2_GET_LINE_IOCTL:
		n = sct_get32(p + 560);
		sct_ioc_field_u(o, "{num_lines=", n);
		sct_out_puts(o, ", offsets=");
		sct_ioctl_array(d, p, n < 64 ? n : 64, 4, 0);
		str_field(o, ", consumer=", p + 256, 32);
		sct_out_puts(o, ", config=");
		line_config(d, p + 288);
		if (sct_get32(p + 564))
			sct_ioc_field_u(o, ", event_buffer_size=", sct_get32(p + 564));
		padding(d, p + 568, 5);
		sct_out_putc(o, '}');
		if ((q = after(d, i, size)))
			fd_field(d, i, q + 588);
		break;
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
		line_config(d, p);
		break;
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		sct_ioc_field_x(o, "{mask=", sct_get64(p + 8));
		sct_out_putc(o, '}');
		if ((q = after(d, i, size))) {
			sct_ioc_field_x(o, "{bits=", sct_get64(q));
			sct_out_putc(o, '}');
		}
		break;
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
		sct_ioc_field_x(o, "{bits=", sct_get64(p));
		sct_ioc_field_x(o, ", mask=", sct_get64(p + 8));
		sct_out_putc(o, '}');
		break;
	}
	return SCT_IOCTL_DONE;
}
