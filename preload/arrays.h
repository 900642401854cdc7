#ifndef SCT_ARRAYS_H
#define SCT_ARRAYS_H

#include <stddef.h>
#include <stdint.h>

struct sink;

/* count elements at p (of kind GIDS_IN, SEMBUF or POLLFDS), at most lim of them,
 * as an IN blob; the readable ones, flagged SCT_BF_FAULT, when the array runs into
 * unmapped memory */
void sct_elems_capture(struct sink *s, unsigned arg, const void *p, uint64_t count, size_t lim,
		       unsigned kind);

/* Elements of recvmmsg's array whose msg_namelen is kept from before the call: 4
 * bytes each of the pre-call state (wrap.h's SCT_PRE_MAX) */
#define SCT_MMSG_PRE 64

/* Before recvmmsg: the first elements' msg_namelen into pre[SCT_MMSG_PRE * 4] */
void sct_mmsg_pre(const void *vec, uint64_t vlen, unsigned char *pre);
/* After sendmmsg (recv 0: the vlen elements as sent) or recvmmsg (recv 1: the ret
 * elements received; pre: what sct_mmsg_pre kept, or NULL) */
void sct_mmsg_capture(struct sink *s, unsigned arg, int recv, const void *vec, uint64_t vlen,
		      int64_t ret, const unsigned char *pre);

/* msgctl/semctl/shmctl's buffer (kind SCT_K_MSGCTL_BUF, _SEMCTL_ARG or _SHMCTL_BUF)
 * as command `cmd` uses it (preload/ipcbuf.c) */
void sct_ipcbuf_capture(struct sink *s, unsigned arg, unsigned kind, const void *p, uint64_t cmd,
			int ok);
/* msgsnd's (recv 0) or msgrcv's (recv 1) struct msgbuf of `size` text bytes */
void sct_msgbuf_capture(struct sink *s, unsigned arg, int recv, const void *p, uint64_t size, int ok,
			size_t lim);
/* keyctl: what command a[0] reads or writes, all of it when arg is 1 (preload/keyctl.c) */
void sct_keyctl_capture(struct sink *s, const uint64_t *a, int64_t ret, int ok, size_t lim,
			unsigned arg);
/* The captures of kinds MMSG_*, MSGBUF_*, KEYCTL_ARG and the IPC buffers, for
 * preload/capture.c: argument arg, of kind `kind`, arg[aux] aux; pre: its state before
 * the call (recvmmsg's msg_namelen), or NULL */
void sct_capture_kind(struct sink *s, unsigned arg, unsigned kind, const uint64_t *a, uint64_t aux,
		      int64_t ret, int ok, size_t lim, const unsigned char *pre);
/* The bytes of a STRUCT_IN/STRUCT_OUT argument of `kind` its size argument (aux, when
 * has_aux) lets the call use, 0 for none; unproven ones read fault-safe */
unsigned sct_struct_size(struct sink *s, unsigned kind, int has_aux, uint64_t aux, unsigned size);

#endif
