#ifndef SCT_SYSNAMES_H
#define SCT_SYSNAMES_H

/* 1 when `name` is an x86-64 system call the kernel knows, else 0. */
int sct_kernel_syscall(const char *name);

#include <regex.h>

/* 1 when `rx` matches the name of a system call of x86-64 or of its i386
 * personality, else 0. */
int sct_kernel_syscall_match(const regex_t *rx);

#endif
