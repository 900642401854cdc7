#ifndef SCT_SPARE_H
#define SCT_SPARE_H

#include <stdint.h>

/* Set once a seccomp filter of the program's is in force: from then on the library
 * makes no system call the filter might forbid (no ring files, no munmap, no
 * kill(runner, 0), no judging of exec'd images). */
extern int sct_sandboxed;

/* Before the program installs a seccomp filter: make the spare rings now. */
void sct_spares_prepare(void);
/* The filter went in. */
void sct_spares_sandboxed(void);
/* Record bytes of every spare ring. */
uint32_t sct_spare_datasize(void);
/* A spare ring for a new thread or a forked child, or NULL when none is left. */
void *sct_spare_take(void);

#endif
