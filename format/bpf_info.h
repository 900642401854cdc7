/* bpf(2)'s BPF_OBJ_GET_INFO_BY_FD: the information the call wrote (format/bpf_info.c). */
#ifndef SCT_BPF_INFO_H
#define SCT_BPF_INFO_H

#include "decode.h"

/* -v: the struct bpf_map_info captured after the call (slot 1's OUT blob, see
 * preload/capture_ext.c), as much of it as `len` (info_len after the call) covers;
 * 0 when there is none to print (the caller then prints the address) */
int sct_bpf_print_info(const struct sct_dec *d, uint32_t len);

/* The commands of format/bpf_cmds.c's table (`len` bytes of their attribute given,
 * the rest zero); 0 for another command */
int sct_bpf_print_cmd(const struct sct_dec *d, uint32_t cmd, const unsigned char *a,
		      uint32_t len);

#endif
