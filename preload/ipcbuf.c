/* The captures of a few kinds preload/capture.c hands over (sct_capture_kind,
 * sct_struct_size), and: msgctl/semctl/shmctl: the buffer a command reads (IPC_SET, before the call) or
 * writes (the STAT and INFO commands, after it), sized by the command as the
 * kernel's x86-64 structs are; other commands take no buffer (strace prints the
 * address).  A refused IPC_SET proves nothing: read fault-safe. */
#include "wrap.h"
#include "calls.h"
#include "sink.h"
#include "arrays.h"

/* bytes of the struct command `cmd` uses, negative for one the kernel reads */
static long buf_size(unsigned kind, unsigned cmd)
{
	cmd &= ~0x100u;			/* IPC_64 */
	if (cmd == 1)			/* IPC_SET: msqid64_ds, semid64_ds, shmid64_ds */
		return kind == SCT_K_MSGCTL_BUF ? -120 : kind == SCT_K_SEMCTL_ARG ? -104 : -112;
	if (kind == SCT_K_MSGCTL_BUF)
		return cmd == 2 || cmd == 11 || cmd == 13 ? 120 : cmd == 3 || cmd == 12 ? 32 : 0;
	if (kind == SCT_K_SEMCTL_ARG)
		return cmd == 2 || cmd == 18 || cmd == 20 ? 104 : cmd == 3 || cmd == 19 ? 40 : 0;
	/* shmctl: shmid64_ds; IPC_INFO's shminfo64 (its five longs); SHM_INFO's shm_info */
	return cmd == 2 || cmd == 13 || cmd == 15 ? 112 : cmd == 3 ? 40 : cmd == 14 ? 48 : 0;
}

void sct_ipcbuf_capture(struct sink *s, unsigned arg, unsigned kind, const void *p, uint64_t cmd,
			int ok)
{
	long n = buf_size(kind, (unsigned)cmd);

	if (n < 0) {
		s->safe = 0;
		sct_sink_blob_mem(s, arg, SCT_BLOB_IN, p, (size_t)-n, 0);
	} else if (n > 0 && ok) {
		sct_sink_blob_mem(s, arg, SCT_BLOB_OUT, p, (size_t)n, 0);
	}
}

/* msgsnd's message (recv 0), msgrcv's (recv 1, after a success): its mtype and
 * `size` bytes of mtext, at most lim; only the mtype when the text cannot be read
 * (SCT_BF_FAULT: strace prints its address) */
void sct_msgbuf_capture(struct sink *s, unsigned arg, int recv, const void *p, uint64_t size, int ok,
			size_t lim)
{
	size_t n = 8 + (size < lim ? (size_t)size : lim);
	unsigned when = recv ? SCT_BLOB_OUT : SCT_BLOB_IN, fl = size > lim ? SCT_BF_TRUNC : 0;

	if (!p || (recv && !ok))
		return;
	s->safe = 0;
	if (sct_sink_readable(s, p, n))
		sct_sink_blob_mem(s, arg, when, p, n, fl);
	else
		sct_sink_blob_mem(s, arg, when, p, 8, SCT_BF_FAULT);
}

void sct_capture_kind(struct sink *s, unsigned arg, unsigned kind, const uint64_t *a, uint64_t aux,
		      int64_t ret, int ok, size_t lim, const unsigned char *pre)
{
	const void *p = (const void *)(uintptr_t)a[arg];

	if (kind == SCT_K_MMSG_IN || kind == SCT_K_MMSG_OUT)
		sct_mmsg_capture(s, arg, kind == SCT_K_MMSG_OUT, p, aux, ok ? ret : -1,
				 kind == SCT_K_MMSG_OUT ? pre : NULL);
	else if (kind == SCT_K_MSGBUF_IN || kind == SCT_K_MSGBUF_OUT)
		sct_msgbuf_capture(s, arg, kind == SCT_K_MSGBUF_OUT, p, aux, ok, lim);
	else if (kind == SCT_K_KEYCTL_ARG)
		sct_keyctl_capture(s, a, ret, ok, lim, arg);
	else
		sct_ipcbuf_capture(s, arg, kind, p, aux, ok);
}

unsigned sct_struct_size(struct sink *s, unsigned kind, int has_aux, uint64_t aux, unsigned size)
{
	switch (kind) {
	case SCT_K_SIGSET:	/* strace shows a set of the kernel's 8 bytes only */
		return has_aux && aux != 8 ? 0 : size;
	case SCT_K_SIGSET_OUT:	/* rt_sigpending writes 1 to 8 bytes (strace shows each) */
		return !has_aux ? size : aux && aux <= 8 ? (unsigned)aux : 0;
	case SCT_K_MQ_OPEN_ATTR:	/* read by mq_open only with O_CREAT */
		s->safe = 0;
		return size;
	case SCT_K_SCHED_ATTR_OUT:	/* at most the size given, and the kernel's own
					 * struct's (48 bytes on older kernels) */
		s->safe = 0;
		return aux < size ? (unsigned)aux : size;
	}
	return size;
}
