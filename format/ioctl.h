/* ioctl decoding inside format/: the command's parts, and the argument decoders of
 * each command type (format/ioctl_*.c), which format/ioctl.c dispatches to. */
#ifndef SCT_IOCTL_H
#define SCT_IOCTL_H

#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "out.h"

/* ", name=value" pieces of a struct: name includes its "=" (and any ", " before it) */
static inline void sct_ioc_field_u(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_udec(o, v);
}

static inline void sct_ioc_field_d(struct sct_out *o, const char *name, int64_t v)
{
	sct_out_puts(o, name);
	sct_out_dec(o, v);
}

static inline void sct_ioc_field_x(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_hex(o, v);
}

#define SCT_IOC_DIR(c)  ((c) >> 30)
#define SCT_IOC_TYPE(c) (((c) >> 8) & 0xff)
#define SCT_IOC_NR(c)   ((c) & 0xff)
#define SCT_IOC_SIZE(c) (((c) >> 16) & 0x3fff)
enum { SCT_IOC_NONE = 0, SCT_IOC_W = 1, SCT_IOC_R = 2 };

/* What an argument decoder did: printed the argument, printed nothing (strace leaves
 * the argument out: "ioctl(3, FIFREEZE)"), or left it to the default (its number in
 * hex, as strace prints an argument it does not decode). */
enum { SCT_IOCTL_DONE = 0, SCT_IOCTL_OMIT = 1, SCT_IOCTL_DEFAULT = -1 };

typedef int sct_ioctl_decoder(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg);

/* one per command type, named for the subsystem */
sct_ioctl_decoder sct_ioctl_term, sct_ioctl_fs, sct_ioctl_block, sct_ioctl_sock, sct_ioctl_hdio,
	sct_ioctl_evdev, sct_ioctl_gpio, sct_ioctl_seccomp,
	sct_ioctl_ptp, sct_ioctl_counter, sct_ioctl_random, sct_ioctl_rtc,
	sct_ioctl_loop, sct_ioctl_ubi, sct_ioctl_mtd,
	sct_ioctl_perf, sct_ioctl_v4l2,
	sct_ioctl_nsfs, sct_ioctl_uffd, sct_ioctl_scsi, sct_ioctl_kd, sct_ioctl_kd_font, sct_ioctl_tee, sct_ioctl_dm;
/* SG_IO's struct sg_io_hdr ('S') or sg_io_v4 ('Q') (format/ioctl_sg.c) */
void sct_ioctl_sg_io(const struct sct_dec *d, unsigned i, uint64_t arg);
/* the commands whose argument is one number, of any type (format/ioctl_simple.c) */
sct_ioctl_decoder sct_ioctl_simple;

/* The struct the command passes, as captured (preload/capture_ioctl.c): what the
 * program gave (in), what a successful call left (out: the OUT blob of the commands
 * that make one, else the same bytes as in).  NULL when not captured or shorter than
 * `need` bytes. */
const unsigned char *sct_ioctl_in(const struct sct_dec *d, unsigned i, uint32_t need);
const unsigned char *sct_ioctl_out(const struct sct_dec *d, unsigned i, uint32_t need);
const struct sct_blob *sct_ioctl_out_blob(const struct sct_dec *d, unsigned i);

/* [int] behind the argument: before the call (IN) or after it (OUT, when it succeeded);
 * the address when there is none */
void sct_ioctl_int(const struct sct_dec *d, unsigned i, int out, int sign);

/* The bytes a command with no size in its number reads (in) and writes (out), for the
 * capture (preload/capture_ioctl.c): 1 when it is known here. */
int sct_ioctl_legacy_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_simple_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_hdio_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_loop_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_sock_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_nsfs_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_scsi_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_block_size(uint32_t code, uint16_t *in, uint16_t *out);
int sct_ioctl_kd_size(uint32_t code, uint16_t *in, uint16_t *out);

/* strace's print_quoted_cstring: a char[size] up to its NUL, "..." when it has none
 * in its first size - 1 bytes */
void sct_ioctl_cstring(struct sct_out *o, const unsigned char *p, size_t size);
/* n unsigned elements of es bytes, in decimal or hex, "..." after -s of them (not
 * with -v), as strace's print_local_array */
void sct_ioctl_array(const struct sct_dec *d, const unsigned char *p, uint32_t n, unsigned es,
		     int hex);

/* -y: where in its struct a command passes or returns a descriptor (`ok`: the call
 * succeeded), for its path to be recorded (preload/fdpath.c); -1 when it has none,
 * SCT_IOCTL_FD_ARG when the argument itself is the descriptor */
#define SCT_IOCTL_FD_ARG (-2)
int sct_ioctl_fd_offset(uint32_t code, int ok);

/* An array behind a pointer in a command's struct, as strace's print_array shows it:
 * p holds what preload/capture_ioctl.c appended ({ uint32_t fetched; uint32_t pad;
 * the elements }, avail bytes), start is the array's address, n its length.  0, as
 * strace's print_array, when it printed NULL, [] or an element could not be read. */
typedef void sct_ioctl_elem_printer(const struct sct_dec *d, const unsigned char *e);
int sct_ioctl_elems(const struct sct_dec *d, const unsigned char *p, uint32_t avail, uint64_t start,
		    uint64_t n, size_t es, sct_ioctl_elem_printer *fn);

/* The bytes of a command's struct copied before the call (preload/capture_pre.c), to
 * show what it was given as well as what it got: the _IOWR structs of at most
 * SCT_IOCTL_PRE bytes, SIOCGIFCONF's; 0 for the others (read once, after the call). */
#define SCT_IOCTL_PRE 256
uint32_t sct_ioctl_pre_bytes(uint32_t code);
uint32_t sct_ioctl_kd_pre(uint32_t code);	/* the console's (format/ioctl_kd.c) */

/* The bytes of the bit set an evdev command returned `ret` for, as strace reads them;
 * 0 for the other commands (format/ioctl_evdev.c). */
uint32_t sct_ioctl_evdev_size(uint32_t code, int64_t ret);

#endif
