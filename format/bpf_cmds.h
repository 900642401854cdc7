/* bpf(2) commands whose union bpf_attr sctrace decodes: strace 6.1's size of each
 * command's part, and the offsets of its descriptor fields (0xff: none), which -y
 * records under argument slots 1, 3 and 4 in that order (preload/fdpath_args.c,
 * format/bpf.c).  Shared by the preloaded library and the decoder. */
#ifndef SCT_BPF_CMDS_H
#define SCT_BPF_CMDS_H

#include <stdint.h>

struct sct_bpf_cmd {
	uint8_t cmd, size, fd[3];
};

static const struct sct_bpf_cmd sct_bpf_cmds[] = {
	{ 0, 72, { 20, 48, 0xff } },		/* BPF_MAP_CREATE */
	{ 1, 32, { 0, 0xff, 0xff } },		/* BPF_MAP_LOOKUP_ELEM */
	{ 2, 32, { 0, 0xff, 0xff } },		/* BPF_MAP_UPDATE_ELEM */
	{ 3, 16, { 0, 0xff, 0xff } },		/* BPF_MAP_DELETE_ELEM */
	{ 4, 24, { 0, 0xff, 0xff } },		/* BPF_MAP_GET_NEXT_KEY */
	{ 5, 128, { 72, 112, 0xff } },		/* BPF_PROG_LOAD */
	{ 6, 16, { 8, 0xff, 0xff } },		/* BPF_OBJ_PIN */
	{ 7, 16, { 8, 0xff, 0xff } },		/* BPF_OBJ_GET */
	{ 8, 20, { 0, 4, 16 } },		/* BPF_PROG_ATTACH */
	{ 9, 12, { 0, 0xff, 0xff } },		/* BPF_PROG_DETACH */
	{ 13, 12, { 0xff, 0xff, 0xff } },	/* BPF_PROG_GET_FD_BY_ID */
	{ 14, 12, { 0xff, 0xff, 0xff } },	/* BPF_MAP_GET_FD_BY_ID */
	{ 15, 16, { 0, 0xff, 0xff } },		/* BPF_OBJ_GET_INFO_BY_FD */
	{ 19, 4, { 0xff, 0xff, 0xff } },	/* BPF_BTF_GET_FD_BY_ID */
	{ 21, 32, { 0, 0xff, 0xff } },		/* BPF_MAP_LOOKUP_AND_DELETE_ELEM */
	{ 22, 4, { 0, 0xff, 0xff } },		/* BPF_MAP_FREEZE */
	{ 29, 16, { 0, 4, 12 } },		/* BPF_LINK_UPDATE */
	{ 30, 4, { 0xff, 0xff, 0xff } },	/* BPF_LINK_GET_FD_BY_ID */
	{ 10, 76, { 0, 0xff, 0xff } },		/* BPF_PROG_TEST_RUN */
	{ 11, 12, { 0xff, 0xff, 0xff } },	/* BPF_PROG_GET_NEXT_ID */
	{ 12, 12, { 0xff, 0xff, 0xff } },	/* BPF_MAP_GET_NEXT_ID */
	{ 23, 12, { 0xff, 0xff, 0xff } },	/* BPF_BTF_GET_NEXT_ID */
	{ 31, 12, { 0xff, 0xff, 0xff } },	/* BPF_LINK_GET_NEXT_ID */
	{ 16, 28, { 0, 0xff, 0xff } },		/* BPF_PROG_QUERY */
	{ 17, 12, { 8, 0xff, 0xff } },		/* BPF_RAW_TRACEPOINT_OPEN */
	{ 18, 28, { 0xff, 0xff, 0xff } },	/* BPF_BTF_LOAD */
	{ 20, 48, { 4, 0xff, 0xff } },		/* BPF_TASK_FD_QUERY */
	{ 24, 56, { 36, 0xff, 0xff } },		/* BPF_MAP_LOOKUP_BATCH */
	{ 25, 56, { 36, 0xff, 0xff } },		/* BPF_MAP_LOOKUP_AND_DELETE_BATCH */
	{ 26, 56, { 36, 0xff, 0xff } },		/* BPF_MAP_UPDATE_BATCH */
	{ 27, 56, { 36, 0xff, 0xff } },		/* BPF_MAP_DELETE_BATCH */
	{ 28, 48, { 0, 4, 0xff } },		/* BPF_LINK_CREATE */
};

/* BPF_LINK_CREATE's part strace decodes, by attach type (its union's member): what
 * lies past it shows as extra data */
static inline unsigned sct_bpf_link_create_size(uint32_t attach_type)
{
	switch (attach_type) {
	case 0:		/* target_btf_id */
		return 20;
	case 28:	/* BPF_TRACE_ITER: iter_info, iter_info_len */
		return 28;
	case 41:	/* BPF_PERF_EVENT: perf_event.bpf_cookie */
		return 24;
	case 42:	/* BPF_TRACE_KPROBE_MULTI */
		return 48;
	}
	return 16;
}

static inline const struct sct_bpf_cmd *sct_bpf_cmd_find(uint32_t cmd)
{
	for (unsigned k = 0; k < sizeof(sct_bpf_cmds) / sizeof(sct_bpf_cmds[0]); k++)
		if (sct_bpf_cmds[k].cmd == cmd)
			return &sct_bpf_cmds[k];
	return 0;
}

/* the argument slot of a command's k-th descriptor field */
static inline unsigned sct_bpf_fd_slot(unsigned k)
{
	return k == 0 ? 1 : k == 1 ? 3 : 4;
}

#endif
