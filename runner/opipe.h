#ifndef SCT_OPIPE_H
#define SCT_OPIPE_H

/* Start /bin/sh -c cmd reading a pipe; its write end (close-on-exec), or -errno.
 * *pidfd: the shell's pidfd for sct_opipe_wait, -1 when there is none. */
int sct_opipe_start(const char *cmd, int *pidfd);

/* Wait until the shell of sct_opipe_start has ended (its pipe closed first), and
 * close pidfd; nothing for -1. */
void sct_opipe_wait(int pidfd);

#endif
