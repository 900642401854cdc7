/* quotactl and quotactl_fd, as strace prints them (its quota.c): the command as
 * QCMD(Q_GETQUOTA, USRQUOTA), then as many arguments as the command uses, each as it
 * uses it:
 *   quotactl(QCMD(Q_QUOTAON, USRQUOTA), "/dev/sda1", QFMT_VFS_V0, "/aquota.user")
 *   quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda1", 1000, {dqb_bhardlimit=0, ..., ...})
 *   quotactl(QCMD(Q_SYNC, USRQUOTA), NULL)
 * Structures are abbreviated as strace abbreviates them without -v. */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "quota.h"
#include "xlattab.h"

static uint64_t qcmd_of(const struct sct_dec *d, unsigned i)
{
	int a = sct_aux(d, i);

	return a >= 0 ? d->r->arg[a] : 0;
}

/* QCMD(Q_GETQUOTA, USRQUOTA); with -X raw the number in decimal, verbose both */
int sct_dec_quota_cmd(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t q = (uint32_t)d->r->arg[i];
	int saved = o->cstyle;

	if (saved != SCT_CONST_ABBREV)
		sct_out_udec(o, q);
	if (saved == SCT_CONST_RAW)
		return 0;
	if (saved == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	o->cstyle = SCT_CONST_ABBREV;
	sct_out_puts(o, "QCMD(");
	sct_print_xlat(o, SCT_XLAT_quota_cmds, sct_qcmd_cmd(q));
	sct_out_puts(o, ", ");
	sct_print_xlat(o, SCT_XLAT_quota_types, q & 0xff);
	sct_out_putc(o, ')');
	o->cstyle = saved;
	if (saved == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
	return 0;
}

/* The id: a quota format for Q_QUOTAON, a user or group id for the commands on one,
 * nothing for the others */
int sct_dec_quota_id(const struct sct_dec *d, unsigned i)
{
	uint32_t id = (uint32_t)d->r->arg[i];

	switch (sct_qcmd_cmd(qcmd_of(d, i))) {
	case SCT_Q_QUOTAON:
		sct_print_xlat(d->o, SCT_XLAT_quota_formats, id);
		return 0;
	case SCT_Q_QUOTAOFF: case SCT_Q_SYNC: case SCT_Q_XQUOTASYNC:
	case SCT_Q_GETFMT: case SCT_Q_GETINFO: case SCT_Q_SETINFO:
	case SCT_Q_XGETQSTAT: case SCT_Q_XGETQSTATV:
	case SCT_Q_XQUOTAON: case SCT_Q_XQUOTAOFF: case SCT_Q_XQUOTARM:
		return 1;
	}
	sct_print_ugid(d->o, id);
	return 0;
}

static void field_u(struct sct_out *o, const char *name, uint64_t v)
{
	sct_out_puts(o, name);
	sct_out_udec(o, v);
}

static void field_d(struct sct_out *o, const char *name, int64_t v)
{
	sct_out_puts(o, name);
	sct_out_dec(o, v);
}

static void field_flags(struct sct_out *o, const char *name, unsigned t, uint64_t v)
{
	sct_out_puts(o, name);
	sct_print_xlat(o, t, v);
}

/* struct if_dqblk; if_nextdqblk adds dqb_id */
static void print_dqblk(const struct sct_dec *d, const unsigned char *p, int next)
{
	static const char *const names[] = {
		"{dqb_bhardlimit=", ", dqb_bsoftlimit=", ", dqb_curspace=",
		", dqb_ihardlimit=", ", dqb_isoftlimit=", ", dqb_curinodes="
	};
	struct sct_out *o = d->o;

	for (unsigned k = 0; k < 6; k++)
		field_u(o, names[k], sct_get64(p + 8 * k));
	if (sct_no_abbrev(d)) {
		field_u(o, ", dqb_btime=", sct_get64(p + 48));
		field_u(o, ", dqb_itime=", sct_get64(p + 56));
		field_flags(o, ", dqb_valid=", SCT_XLAT_if_dqblk_valid, sct_get32(p + 64));
		if (next)
			field_u(o, ", dqb_id=", sct_get32(p + 68));
	} else {
		if (next)
			field_u(o, ", dqb_id=", sct_get32(p + 68));
		sct_out_puts(o, ", ...");
	}
	sct_out_putc(o, '}');
}

/* struct fs_disk_quota */
static void print_disk_quota(const struct sct_dec *d, const unsigned char *p)
{
	static const char *const lims[] = {
		", d_blk_hardlimit=", ", d_blk_softlimit=", ", d_ino_hardlimit=",
		", d_ino_softlimit=", ", d_bcount=", ", d_icount="
	};
	struct sct_out *o = d->o;

	field_d(o, "{d_version=", (int8_t)p[0]);
	field_flags(o, ", d_flags=", SCT_XLAT_xfs_dqblk_flags, (uint8_t)p[1]);
	sct_out_puts(o, ", d_fieldmask=");
	sct_out_hex(o, (uint16_t)(p[2] | p[3] << 8));
	field_u(o, ", d_id=", sct_get32(p + 4));
	for (unsigned k = 0; k < 6; k++)
		field_u(o, lims[k], sct_get64(p + 8 + 8 * k));
	if (sct_no_abbrev(d)) {
		field_d(o, ", d_itimer=", (int32_t)sct_get32(p + 56));
		field_d(o, ", d_btimer=", (int32_t)sct_get32(p + 60));
		field_u(o, ", d_iwarns=", (uint16_t)(p[64] | p[65] << 8));
		field_u(o, ", d_bwarns=", (uint16_t)(p[66] | p[67] << 8));
		field_u(o, ", d_rtb_hardlimit=", sct_get64(p + 72));
		field_u(o, ", d_rtb_softlimit=", sct_get64(p + 80));
		field_u(o, ", d_rtbcount=", sct_get64(p + 88));
		field_d(o, ", d_rtbtimer=", (int32_t)sct_get32(p + 96));
		field_u(o, ", d_rtbwarns=", (uint16_t)(p[100] | p[101] << 8));
	} else {
		sct_out_puts(o, ", ...");
	}
	sct_out_putc(o, '}');
}

/* {qfs_ino=.., qfs_nblks=.., qfs_nextents=..} of struct fs_qfilestat(v) */
static void print_qfilestat(struct sct_out *o, const char *name, const unsigned char *p)
{
	field_u(o, name, sct_get64(p));
	field_u(o, ", qfs_nblks=", sct_get64(p + 8));
	field_u(o, ", qfs_nextents=", sct_get32(p + 16));
	sct_out_putc(o, '}');
}

/* -v: the rest of struct fs_quota_stat (Q_XGETQSTAT) or fs_quota_statv (_V: the
 * in-core count first, a third file's), <linux/dqblk_xfs.h> */
static void print_qstat(struct sct_out *o, const unsigned char *p, int v)
{
	const unsigned char *t = p + (v ? 80 : 60);	/* the time limits */

	field_flags(o, ", qs_flags=", SCT_XLAT_xfs_quota_flags, (uint16_t)(p[2] | p[3] << 8));
	if (v)
		field_u(o, ", qs_incoredqs=", sct_get32(p + 4));
	print_qfilestat(o, ", qs_uquota={qfs_ino=", p + 8);
	print_qfilestat(o, ", qs_gquota={qfs_ino=", p + 32);
	if (v)
		print_qfilestat(o, ", qs_pquota={qfs_ino=", p + 56);
	else
		field_u(o, ", qs_incoredqs=", sct_get32(p + 56));
	field_d(o, ", qs_btimelimit=", (int32_t)sct_get32(t));
	field_d(o, ", qs_itimelimit=", (int32_t)sct_get32(t + 4));
	field_d(o, ", qs_rtbtimelimit=", (int32_t)sct_get32(t + 8));
	field_u(o, ", qs_bwarnlimit=", (uint16_t)(t[12] | t[13] << 8));
	field_u(o, ", qs_iwarnlimit=", (uint16_t)(t[14] | t[15] << 8));
}

/* The data argument, as the command uses it */
int sct_dec_quota_addr(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t cmd = sct_qcmd_cmd(qcmd_of(d, i));
	int out;
	unsigned size = sct_quota_size(cmd, &out);
	const struct sct_blob *b = out ? (sct_failed(d->r) ? NULL : sct_arg_out(d, i)) : sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;

	switch (cmd) {
	case SCT_Q_QUOTAOFF: case SCT_Q_SYNC: case SCT_Q_XQUOTASYNC:
		return 1;
	case SCT_Q_QUOTAON:
		sct_print_strarg(d, i, SCT_BLOB_IN, 4096);
		return 0;
	}
	if (!size || !b || b->len < size) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	switch (cmd) {
	case SCT_Q_GETQUOTA: case SCT_Q_SETQUOTA:
		print_dqblk(d, p, 0);
		break;
	case SCT_Q_GETNEXTQUOTA:
		print_dqblk(d, p, 1);
		break;
	case SCT_Q_XGETQUOTA: case SCT_Q_XGETNEXTQUOTA: case SCT_Q_XSETQLIM:
		print_disk_quota(d, p);
		break;
	case SCT_Q_GETFMT:
		sct_out_putc(o, '[');
		sct_print_xlat(o, SCT_XLAT_quota_formats, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case SCT_Q_GETINFO: case SCT_Q_SETINFO:
		field_u(o, "{dqi_bgrace=", sct_get64(p));
		field_u(o, ", dqi_igrace=", sct_get64(p + 8));
		field_flags(o, ", dqi_flags=", SCT_XLAT_if_dqinfo_flags, sct_get32(p + 16));
		field_flags(o, ", dqi_valid=", SCT_XLAT_if_dqinfo_valid, sct_get32(p + 20));
		sct_out_putc(o, '}');
		break;
	case SCT_Q_XGETQSTAT: case SCT_Q_XGETQSTATV:
		/* only the version without -v */
		field_d(o, "{qs_version=", (int8_t)p[0]);
		if (sct_no_abbrev(d))
			print_qstat(o, p, cmd == SCT_Q_XGETQSTATV);
		else
			sct_out_puts(o, ", ...");
		sct_out_putc(o, '}');
		break;
	case SCT_Q_XQUOTAON: case SCT_Q_XQUOTAOFF:
		sct_out_putc(o, '[');
		sct_print_xlat(o, SCT_XLAT_xfs_quota_flags, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	case SCT_Q_XQUOTARM:
		sct_out_putc(o, '[');
		sct_print_xlat(o, SCT_XLAT_xfs_dqblk_flags, sct_get32(p));
		sct_out_putc(o, ']');
		break;
	}
	return 0;
}
