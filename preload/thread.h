#ifndef SCT_THREAD_H
#define SCT_THREAD_H

#include <stddef.h>
#include <stdint.h>

struct sct_thread;

void sct_thread_init(void);
void sct_thread_close(struct sct_thread *t);
void sct_orphan_cleanup(const struct sct_thread *t);
/* A child with a copy of the parent's memory (fork, clone without CLONE_VM). */
void sct_thread_forked(void);
/* Record bytes of a new ring (fitted under RLIMIT_FSIZE), and the bytes of a ring
 * mapping with that much (header, counters, data, standalone text). */
uint32_t sct_thread_datasize(void);
size_t sct_thread_ringlen(uint32_t data);
int sct_shared_child(const struct sct_thread *t);
void sct_vfork_child(void);
void sct_vfork_restore(void);

#endif
