#ifndef SCT_SYSNAMES_H
#define SCT_SYSNAMES_H

/* 1 when `name` is an x86-64 system call the kernel knows, else 0. */
int sct_kernel_syscall(const char *name);

#endif
