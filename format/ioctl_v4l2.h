/* What the two V4L2 decoders (format/ioctl_v4l2.c, ioctl_v4l2_ctl.c) share: fields
 * printed strace's way, and the format union. */
#ifndef SCT_IOCTL_V4L2_H
#define SCT_IOCTL_V4L2_H

#include <stdint.h>
#include "ioctl.h"

#define SCT_V4L2_NOTAB 0xffffu

void sct_v4l2_u(struct sct_out *o, const char *name, uint64_t v);
void sct_v4l2_d(struct sct_out *o, const char *name, int64_t v);
void sct_v4l2_x(struct sct_out *o, const char *name, uint64_t v);
void sct_v4l2_tab(struct sct_out *o, const char *name, unsigned tab, uint64_t v);
void sct_v4l2_rect(struct sct_out *o, const char *name, const unsigned char *p);
void sct_v4l2_fract(struct sct_out *o, const char *name, const unsigned char *p);
/* v4l2_fourcc('R', 'G', 'B', '3') and the name table `tab` gives it */
void sct_v4l2_fourcc(struct sct_out *o, const char *name, uint32_t v, unsigned tab);
/* KERNEL_VERSION(6, 1, 0), -X as strace's print_kernel_version */
void sct_v4l2_kernel_version(struct sct_out *o, uint32_t v);
int sct_v4l2_fmt(const struct sct_dec *d, const char *prefix, uint32_t type,
		 const unsigned char *f, const unsigned char *extra, uint32_t xlen);
/* the commands of ioctl_v4l2_ctl.c */
sct_ioctl_decoder sct_ioctl_v4l2_ctl;

#endif
