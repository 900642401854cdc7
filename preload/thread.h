#ifndef SCT_THREAD_H
#define SCT_THREAD_H

#include <stddef.h>

struct sct_thread;

void sct_thread_init(void);
void sct_thread_close(struct sct_thread *t);
void sct_orphan_cleanup(const struct sct_thread *t);
/* A child with a copy of the parent's memory (fork, clone without CLONE_VM). */
void sct_thread_forked(void);
/* Bytes of one ring mapping of this process (header, counters, data, standalone text). */
size_t sct_thread_ringlen(void);
int sct_shared_child(const struct sct_thread *t);

#endif
