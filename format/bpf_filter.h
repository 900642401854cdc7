/* Classic BPF instructions (format/bpf_filter.c). */
#ifndef SCT_BPF_FILTER_H
#define SCT_BPF_FILTER_H

#include "out.h"

/* One struct sock_filter (8 bytes): BPF_STMT(BPF_LD|BPF_B|BPF_ABS, ...) or
 * BPF_JUMP(...); `sock`: a socket filter, whose loads name SKF_AD_OFF+... */
void sct_print_bpf_insn(struct sct_out *o, const unsigned char *insn, int sock);

#endif
