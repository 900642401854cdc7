/* What an executable's file says about tracing it.
 *
 * An LD_PRELOAD tracer is never loaded into an image without a program interpreter
 * (statically linked), nor into a setuid/setgid image that changes the user or group
 * (the loader ignores LD_PRELOAD under AT_SECURE).  A Go program is loaded but the Go
 * runtime makes its system calls itself, past libc: only its cgo calls would show.
 * Go's linker marks every ELF it writes with a ".note.go.buildid" section and, since
 * Go 1.13, ".go.buildinfo". */
#include <elf.h>
#include <string.h>
#include "image.h"
#include "notes.h"

#define MAX_SHDRS  256			/* section headers looked at */
#define CHUNK      16			/* section headers read at once */
#define MAX_NAMES  1024			/* bytes of section names looked at */

/* 1 if the ELF has a program interpreter, 0 if not, -1 if it is no 64-bit ELF. */
static int has_interp(int fd, const Elf64_Ehdr *eh, sct_pread_fn rd)
{
	Elf64_Phdr ph;

	if (eh->e_phentsize != sizeof(ph))
		return -1;
	for (unsigned i = 0; i < eh->e_phnum && i < 256; i++) {
		if (rd(fd, &ph, sizeof(ph), (off_t)(eh->e_phoff + i * sizeof(ph))) != (long)sizeof(ph))
			return -1;
		if (ph.p_type == PT_INTERP)
			return 1;
	}
	return 0;
}

/* Little stack: exec wrappers run this on whatever stack the caller's thread has. */
static int is_go(int fd, const Elf64_Ehdr *eh, sct_pread_fn rd)
{
	Elf64_Shdr sh[CHUNK], strtab;
	char names[MAX_NAMES + 1];
	unsigned n = eh->e_shnum < MAX_SHDRS ? eh->e_shnum : MAX_SHDRS;
	long got;

	if (eh->e_shentsize != sizeof(strtab) || eh->e_shstrndx >= n ||
	    rd(fd, &strtab, sizeof(strtab), (off_t)(eh->e_shoff + eh->e_shstrndx * sizeof(strtab))) !=
		    (long)sizeof(strtab))
		return 0;
	got = rd(fd, names, strtab.sh_size < MAX_NAMES ? strtab.sh_size : MAX_NAMES,
		 (off_t)strtab.sh_offset);
	if (got <= 0)
		return 0;
	names[got] = 0;
	for (unsigned i = 0; i < n; i += CHUNK) {
		unsigned k = n - i < CHUNK ? n - i : CHUNK;

		if (rd(fd, sh, k * sizeof(sh[0]), (off_t)(eh->e_shoff + i * sizeof(sh[0]))) !=
		    (long)(k * sizeof(sh[0])))
			return 0;
		for (unsigned j = 0; j < k; j++) {
			if (sh[j].sh_name >= (unsigned long)got)
				continue;
			const char *name = names + sh[j].sh_name;
			if (!strcmp(name, ".note.go.buildid") || !strcmp(name, ".go.buildinfo"))
				return 1;
		}
	}
	return 0;
}

int sct_image_why(int fd, const struct stat *st, uid_t uid, gid_t gid, sct_pread_fn rd)
{
	Elf64_Ehdr eh;
	int interp;

	if ((st->st_mode & S_ISUID) && st->st_uid != uid)
		return SCT_WHY_SETUID;
	if ((st->st_mode & S_ISGID) && st->st_gid != gid)
		return SCT_WHY_SETGID;
	if (rd(fd, &eh, sizeof(eh), 0) != (long)sizeof(eh) || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64)
		return 0;		/* a script, or not for this machine: the kernel decides */
	interp = has_interp(fd, &eh, rd);
	if (interp == 0)
		return SCT_WHY_STATIC;
	if (interp == 1 && is_go(fd, &eh, rd))
		return SCT_WHY_GO;
	return 0;
}

const char *sct_image_reason(int why)
{
	switch (why) {
	case SCT_WHY_SETUID:
		return "is setuid";
	case SCT_WHY_SETGID:
		return "is setgid";
	case SCT_WHY_STATIC:
		return "is statically linked";
	case SCT_WHY_GO:
		return "is a Go program, whose system calls bypass libc";
	}
	return NULL;
}

const char *sct_image_untraced(int fd, const struct stat *st, uid_t uid, gid_t gid,
			       sct_pread_fn rd)
{
	return sct_image_reason(sct_image_why(fd, st, uid, gid, rd));
}
