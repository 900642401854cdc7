/* format/image.c: ELF images built in memory, read through its pread hook. */
#include <criterion/criterion.h>
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include "image.h"

static unsigned char file[8192];
static size_t file_len;

static long mem_pread(int fd, void *buf, size_t len, off_t off)
{
	if (fd < 0)
		return -9;
	if ((size_t)off >= file_len)
		return 0;
	if (len > file_len - (size_t)off)
		len = file_len - (size_t)off;
	memcpy(buf, file + off, len);
	return (long)len;
}

/* An x86-64 ELF header, `nph` program headers at 64 (PT_INTERP if `interp`), and
 * section headers at 1024 named from a string table at 4096 holding `names`
 * (NUL-separated, `names_len` bytes); section 0 is the string table. */
static void build(int interp, int nph, const char *names, size_t names_len, int nsh)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)file;
	Elf64_Phdr *ph = (Elf64_Phdr *)(file + 64);
	Elf64_Shdr *sh = (Elf64_Shdr *)(file + 1024);
	unsigned name = 0;

	memset(file, 0, sizeof(file));
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_phoff = 64;
	eh->e_phentsize = sizeof(Elf64_Phdr);
	eh->e_phnum = (Elf64_Half)nph;
	for (int i = 0; i < nph; i++)
		ph[i].p_type = (interp && i == nph - 1) ? PT_INTERP : PT_LOAD;
	eh->e_shoff = 1024;
	eh->e_shentsize = sizeof(Elf64_Shdr);
	eh->e_shnum = (Elf64_Half)nsh;
	eh->e_shstrndx = 0;
	memcpy(file + 4096, names, names_len);
	for (int i = 0; i < nsh; i++) {
		sh[i].sh_name = name;
		name += (unsigned)strlen(names + name) + 1;
	}
	sh[0].sh_offset = 4096;
	sh[0].sh_size = names_len;
	file_len = 4096 + names_len;
}

static const char *judge(mode_t mode, uid_t owner)
{
	struct stat st = { .st_mode = S_IFREG | mode, .st_uid = owner, .st_gid = 1000 };

	return sct_image_untraced(3, &st, 1000, 1000, mem_pread);
}

static const char plain[] = ".shstrtab\0.text\0.data";

Test(image, dynamic_program_is_traced)
{
	build(1, 4, plain, sizeof(plain), 3);
	cr_assert_null(judge(0755, 1000));
}

Test(image, no_interpreter_is_static)
{
	build(0, 4, plain, sizeof(plain), 3);
	cr_assert_str_eq(judge(0755, 1000), "is statically linked");
}

Test(image, setuid_and_setgid_of_another_id)
{
	struct stat st = { .st_mode = S_IFREG | 02755, .st_uid = 1000, .st_gid = 0 };

	build(1, 4, plain, sizeof(plain), 3);
	cr_assert_str_eq(judge(04755, 0), "is setuid");
	cr_assert_null(judge(04755, 1000), "setuid to oneself changes nothing");
	cr_assert_str_eq(sct_image_untraced(3, &st, 1000, 1000, mem_pread), "is setgid");
	/* unreadable (fd < 0): the mode still counts, the rest cannot be judged */
	cr_assert_str_eq(sct_image_untraced(-1, &(struct stat){ .st_mode = S_IFREG | 04711 },
					    1000, 1000, mem_pread), "is setuid");
	cr_assert_null(sct_image_untraced(-1, &(struct stat){ .st_mode = S_IFREG | 0711 },
					  1000, 1000, mem_pread));
}

Test(image, go_sections_in_a_dynamic_program)
{
	static const char go1[] = ".shstrtab\0.text\0.note.go.buildid";
	static const char go2[] = ".shstrtab\0.go.buildinfo\0.text";
	static const char near[] = ".shstrtab\0.note.go.buildidx\0.go";

	build(1, 4, go1, sizeof(go1), 3);
	cr_assert_str_eq(judge(0755, 1000), "is a Go program, whose system calls bypass libc");
	build(1, 4, go2, sizeof(go2), 3);
	cr_assert_str_eq(judge(0755, 1000), "is a Go program, whose system calls bypass libc");
	build(1, 4, near, sizeof(near), 3);
	cr_assert_null(judge(0755, 1000));
	/* a static Go program is said to be static: that already says everything */
	build(0, 4, go1, sizeof(go1), 3);
	cr_assert_str_eq(judge(0755, 1000), "is statically linked");
}

Test(image, go_section_past_the_first_chunk_of_headers)
{
	char names[600];
	size_t len = 0;

	for (int i = 0; i < 40; i++)
		len += (size_t)sprintf(names + len, ".s%d", i) + 1;
	len += (size_t)sprintf(names + len, ".go.buildinfo") + 1;
	build(1, 2, names, len, 41);
	cr_assert_str_eq(judge(0755, 1000), "is a Go program, whose system calls bypass libc");
}

Test(image, not_elf_or_damaged)
{
	build(1, 4, plain, sizeof(plain), 3);
	memcpy(file, "#!/bin/sh\n", 10);
	cr_assert_null(judge(0755, 1000), "a script: the kernel picks its interpreter");
	build(1, 4, plain, sizeof(plain), 3);
	((Elf64_Ehdr *)file)->e_phentsize = 12;
	cr_assert_null(judge(0755, 1000));
	build(1, 4, plain, sizeof(plain), 3);
	((Elf64_Ehdr *)file)->e_shstrndx = 200;	/* no such section: not Go, no crash */
	cr_assert_null(judge(0755, 1000));
	build(1, 4, plain, sizeof(plain), 3);
	file_len = 100;				/* cut short inside the program headers */
	cr_assert_null(judge(0755, 1000));
}
