/* Before an exec: will the new image run without us?  The loader ignores LD_PRELOAD
 * for a setuid/setgid image that changes the user or group (AT_SECURE), and a
 * statically linked binary has no loader at all.  Such an exec is announced in the
 * trace at that point ("sctrace: pid N: '/bin/su' is setuid: not traced") instead of
 * going silent.  Only raw calls, on a descriptor closed again at once. */
#include <elf.h>
#include "hand.h"
#include "capture.h"
#include "raw.h"

/* Does the ELF file at fd have a program interpreter?  1 yes, 0 no, -1 not ELF. */
static int has_interp(long fd)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;

	if (sct_sys(SYS_pread64, fd, &eh, sizeof(eh), 0) != (long)sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phentsize != sizeof(ph))
		return -1;
	for (unsigned i = 0; i < eh.e_phnum && i < 256; i++) {
		if (sct_sys(SYS_pread64, fd, &ph, sizeof(ph), eh.e_phoff + i * sizeof(ph)) != (long)sizeof(ph))
			return -1;
		if (ph.p_type == PT_INTERP)
			return 1;
	}
	return 0;
}

/* Why `path` will not be traced, or NULL. */
static const char *untraced_reason(const char *path)
{
	struct stat st;
	long fd;
	int interp;

	if (sct_sys(SYS_newfstatat, AT_FDCWD, path, &st, 0) < 0)
		return NULL;
	if ((st.st_mode & S_ISUID) && st.st_uid != (uid_t)sct_sys0(SYS_getuid))
		return "is setuid";
	if ((st.st_mode & S_ISGID) && st.st_gid != (gid_t)sct_sys0(SYS_getgid))
		return "is setgid";
	fd = sct_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	interp = has_interp(fd);
	sct_sys(SYS_close, fd);
	return interp == 0 ? "is statically linked" : NULL;
}

void sct_exec_note(const char *path)
{
	struct sct_thread *t = &sct_self;
	const char *why;
	char text[PATH_MAX + 64];
	struct sct_out o;
	struct sct_rec *r;
	struct sct_blob *b;

	if (t->state != SCT_T_READY || t->counting || !path || !(why = untraced_reason(path)))
		return;
	sct_out_init(&o, text, sizeof(text), -1);
	sct_out_putc(&o, '\'');
	sct_out_puts(&o, path);
	sct_out_puts(&o, "' ");
	sct_out_puts(&o, why);
	sct_out_puts(&o, ": not traced");
	uint32_t size = (uint32_t)(sizeof(*r) + sizeof(*b) + o.len);
	if (!(r = sct_reserve(t, size)))
		return;
	sct_rec_header(t, r, size, SCT_REC_NOTE, 0);
	b = (struct sct_blob *)(r + 1);
	memset(b, 0, sizeof(*b));
	b->arg = SCT_BLOB_ARG_TEXT;
	b->when = SCT_BLOB_IN;
	b->len = (uint32_t)o.len;
	memcpy(b + 1, text, o.len);
	sct_ring_commit(&t->ring);
}
