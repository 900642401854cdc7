/* quotactl's commands and the structure each passes through its last argument: one
 * table for the capture (preload/capture_ext.c) and the decoder (format/quota.c). */
#ifndef SCT_QUOTA_H
#define SCT_QUOTA_H

#include <stdint.h>

enum {
	SCT_Q_SYNC = 0x800001, SCT_Q_QUOTAON = 0x800002, SCT_Q_QUOTAOFF = 0x800003,
	SCT_Q_GETFMT = 0x800004, SCT_Q_GETINFO = 0x800005, SCT_Q_SETINFO = 0x800006,
	SCT_Q_GETQUOTA = 0x800007, SCT_Q_SETQUOTA = 0x800008, SCT_Q_GETNEXTQUOTA = 0x800009,
	SCT_Q_XQUOTAON = 0x5801, SCT_Q_XQUOTAOFF = 0x5802, SCT_Q_XGETQUOTA = 0x5803,
	SCT_Q_XSETQLIM = 0x5804, SCT_Q_XGETQSTAT = 0x5805, SCT_Q_XQUOTARM = 0x5806,
	SCT_Q_XQUOTASYNC = 0x5807, SCT_Q_XGETQSTATV = 0x5808, SCT_Q_XGETNEXTQUOTA = 0x5809,
};

/* The command part of a quotactl cmd argument: QCMD_CMD */
static inline uint32_t sct_qcmd_cmd(uint64_t qcmd)
{
	return (uint32_t)qcmd >> 8;
}

/* Bytes of the structure behind the data argument for cmd, 0 for none (a path, or an
 * address); *out: the kernel writes it (read after a successful call).  x86-64 sizes:
 * struct if_dqblk 72, if_nextdqblk 72, if_dqinfo 24, fs_disk_quota 112,
 * fs_quota_stat 80, fs_quota_statv 160, a format or flags word 4. */
static inline unsigned sct_quota_size(uint32_t cmd, int *out)
{
	*out = 1;
	switch (cmd) {
	case SCT_Q_GETQUOTA: case SCT_Q_GETNEXTQUOTA:
		return 72;
	case SCT_Q_XGETQUOTA: case SCT_Q_XGETNEXTQUOTA:
		return 112;
	case SCT_Q_GETFMT:
		return 4;
	case SCT_Q_GETINFO:
		return 24;
	case SCT_Q_XGETQSTAT:
		return 80;
	case SCT_Q_XGETQSTATV:
		return 160;
	}
	*out = 0;
	switch (cmd) {
	case SCT_Q_SETQUOTA:
		return 72;
	case SCT_Q_XSETQLIM:
		return 112;
	case SCT_Q_SETINFO:
		return 24;
	case SCT_Q_XQUOTAON: case SCT_Q_XQUOTAOFF: case SCT_Q_XQUOTARM:
		return 4;
	}
	return 0;
}

#endif
