/* Settings of this traced process, read once from the environment (format/session.h)
 * by the constructor and never written afterwards. */
#ifndef SCT_CONFIG_H
#define SCT_CONFIG_H

#include <limits.h>
#include <stdint.h>
#include "record.h"

enum { SCT_MODE_OFF = 0, SCT_MODE_TRACE, SCT_MODE_COUNT };

#define SCT_ENV_KEEP_MAX 24

/* -e read=/-e write=: descriptors below SCT_DUMP_FDS by bit; `not` inverts the set
 * (then every descriptor from SCT_DUMP_FDS up is in it) */
#define SCT_DUMP_FDS 32768
struct sct_dump_set {
	uint64_t bits[SCT_DUMP_FDS / 64];
	int not;
};

struct sct_config {
	int ready;			/* the constructor has run */
	int mode;			/* SCT_MODE_* */
	int standalone;			/* no runner: print from inside the process */
	int follow;			/* -f */
	int root_pid;
	int runner_pid;
	int drop;			/* never wait for the runner */
	int complete;			/* complete mode wanted: Syscall User Dispatch */
	unsigned strsize;		/* -s */
	int show_ip;			/* -i: each record carries its SCT_BLOB_ARG_IP */
	int noabbrev;			/* -v: argv/envp captured whole (up to MAX_ELEMS) */
	unsigned fdpath;		/* -y/-P: 1 record descriptors' paths, 3 and devices
					 * (-yy); 0: nothing, at no cost (preload/fdpath.c) */
	uint32_t ring_size;
	int count_extra;		/* -c: min and max kept, overhead taken off (wrap.h) */
	uint64_t overhead;		/* -O, in ticks */
	uint64_t filter[SCT_MAX_CALLS / 64];
	int dump;			/* a -e read= or -e write= set is not empty */
	int inject;			/* -e inject=/fault= rules exist (preload/inject.c) */
	uint8_t inject_of[SCT_MAX_CALLS];	/* the rule of sct_calls[i] + 1, 0: none; here,
					 * beside `filter`, for the wrappers' one-byte test */
	struct sct_dump_set dump_read, dump_write;
	struct sct_clock clock;
	int out_fd;			/* standalone output */
	char session[PATH_MAX];
	char lib[PATH_MAX];		/* this library's path, for LD_PRELOAD on exec */
	char ld_head[2 * PATH_MAX];	/* LD_PRELOAD as started, up to and with `lib` (an
					 * ASan runtime must stay in front of an ASan build) */
	int nkeep;			/* "SCTRACE_*=..." strings to carry across exec */
	const char *keep[SCT_ENV_KEEP_MAX];
};

extern struct sct_config sct_cfg;

/* Set in a child that must not be traced (no -f), before it makes any traced call. */
extern int sct_proc_off;

#endif
