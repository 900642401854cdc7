/* seccomp user-notification ioctls (type '!', <linux/seccomp.h>), as strace decodes
 * them: the notification received (shown before the call too when the program filled
 * it), the response sent, the id checked, the descriptor added. */
#include <linux/ioctl.h>
#include <linux/seccomp.h>
#include "ioctl.h"
#include "xlattab.h"

#define ID_VALID_WRONG_DIR 0x80082102u	/* _IOR('!', 2, __u64): the first, wrong number */
#define AUDIT_ARCH_X86_64_ 0xc000003eu

static const struct sct_xlat resp_flags[] = {
	{ SECCOMP_USER_NOTIF_FLAG_CONTINUE, "SECCOMP_USER_NOTIF_FLAG_CONTINUE" }, { 0, NULL }
};

static const struct sct_xlat addfd_flags[] = {
	{ SECCOMP_ADDFD_FLAG_SETFD, "SECCOMP_ADDFD_FLAG_SETFD" },
	{ SECCOMP_ADDFD_FLAG_SEND, "SECCOMP_ADDFD_FLAG_SEND" }, { 0, NULL }
};

/* struct seccomp_notif (80 bytes): id, pid, flags, struct seccomp_data */
static void notif(const struct sct_dec *d, const unsigned char *p)
{
	struct sct_out *o = d->o;
	uint32_t nr = sct_get32(p + 16), arch = sct_get32(p + 20);
	unsigned c = nr < SCT_NR_MAX ? sct_call_of_nr[nr] : SCT_CALL_NONE;

	sct_ioc_field_x(o, "{id=", sct_get64(p));
	sct_out_puts(o, ", pid=");
	sct_print_pid(d, (int32_t)sct_get32(p + 8), SCT_PT_TGID);
	sct_ioc_field_x(o, ", flags=", sct_get32(p + 12));
	sct_out_puts(o, ", data={nr=");
	if (arch == AUDIT_ARCH_X86_64_ && c != SCT_CALL_NONE && c < sct_ncalls &&
	    o->cstyle != SCT_CONST_RAW) {	/* -X verbose: 186 / * __NR_gettid * / */
		if (o->cstyle == SCT_CONST_VERBOSE) {
			sct_out_udec(o, nr);
			sct_out_puts(o, " /* ");
		}
		sct_out_puts(o, "__NR_");
		sct_out_puts(o, sct_calls[c].name);
		if (o->cstyle == SCT_CONST_VERBOSE)
			sct_out_puts(o, " */");
	} else {
		sct_out_udec(o, nr);
	}
	sct_out_puts(o, ", arch=");
	sct_print_xlat(o, SCT_XLAT_audit_arch, arch);
	sct_out_puts(o, ", instruction_pointer=");
	sct_print_addr(o, sct_get64(p + 24));
	for (int k = 0; k < 6; k++)
		sct_ioc_field_x(o, k ? ", " : ", args=[", sct_get64(p + 32 + 8 * k));
	sct_out_puts(o, "]}}");
}

static int all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* strace's print_err: -ENOSR, or the number when it names no error */
static void err_field(struct sct_out *o, int32_t v)
{
	const char *name = v < 0 ? sct_errno_name(-v) : NULL;

	sct_out_puts(o, ", error=");
	if (!name || o->cstyle != SCT_CONST_ABBREV)
		sct_out_dec(o, v);
	if (!name || o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(o, o->cstyle == SCT_CONST_VERBOSE ? " /* -" : "-");
	sct_out_puts(o, name);
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}

int sct_ioctl_seccomp(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const unsigned char *p, *q;

	switch (code) {
	case SECCOMP_IOCTL_NOTIF_RECV:
		p = sct_ioctl_in(d, i, 80);
		if (p && !all_zero(p, 80)) {
			notif(d, p);
			sct_out_puts(o, " => ");
		}
		if ((q = sct_ioctl_out(d, i, 80)))
			notif(d, q);
		else
			sct_print_addr(o, arg);
		break;
	case SECCOMP_IOCTL_NOTIF_SEND:
		if (!(p = sct_ioctl_in(d, i, 24))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_ioc_field_x(o, "{id=", sct_get64(p));
		sct_out_puts(o, ", val=");
		sct_out_dec(o, (int64_t)sct_get64(p + 8));
		err_field(o, (int32_t)sct_get32(p + 16));
		sct_out_puts(o, ", flags=");
		sct_print_flags(o, resp_flags, sct_get32(p + 20), "SECCOMP_USER_NOTIF_FLAG_???");
		sct_out_putc(o, '}');
		break;
	case SECCOMP_IOCTL_NOTIF_ID_VALID:
	case ID_VALID_WRONG_DIR:
		if (!(p = sct_ioctl_in(d, i, 8))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_ioc_field_x(o, "[", sct_get64(p));
		sct_out_putc(o, ']');
		break;
	case SECCOMP_IOCTL_NOTIF_ADDFD:
		if (!(p = sct_ioctl_in(d, i, 24))) {
			sct_print_addr(o, arg);
			break;
		}
		sct_ioc_field_x(o, "{id=", sct_get64(p));
		sct_out_puts(o, ", flags=");
		sct_print_flags(o, addfd_flags, sct_get32(p + 8), "SECCOMP_ADDFD_FLAG_???");
		sct_out_puts(o, ", srcfd=");
		sct_print_fd(d, i, (int32_t)sct_get32(p + 12));
		sct_out_puts(o, ", newfd=");
		sct_out_dec(o, (int32_t)sct_get32(p + 16));
		sct_out_puts(o, ", newfd_flags=");
		sct_print_open_mode_flags(o, sct_get32(p + 20));
		sct_out_putc(o, '}');
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	return SCT_IOCTL_DONE;
}
