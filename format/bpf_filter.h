/* Classic BPF instructions (format/bpf_filter.c). */
#ifndef SCT_BPF_FILTER_H
#define SCT_BPF_FILTER_H

#include "out.h"

/* One struct sock_filter (8 bytes): BPF_STMT(BPF_LD|BPF_B|BPF_ABS, ...) or
 * BPF_JUMP(...); `sock`: a socket filter, whose loads name SKF_AD_OFF+... */
void sct_print_bpf_insn(struct sct_out *o, const unsigned char *insn, int sock);

/* -v: a socket filter's program, `count` instructions of which `have` bytes were
 * captured: [BPF_STMT(BPF_RET|BPF_K, 0), ...], "..." for the rest (or past
 * BPF_MAXINSNS, 4096) */
void sct_print_bpf_insns(struct sct_out *o, const unsigned char *p, size_t have, uint64_t count);

/* One eBPF instruction (struct bpf_insn, 8 bytes): {code=..., dst_reg=BPF_REG_1, ...} */
void sct_print_ebpf_insn(struct sct_out *o, const unsigned char *insn);

#endif
