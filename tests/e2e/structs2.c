/* Structures and constants of issue 9's second part, compared with strace.
 *
 * Window 0: the one call among them with a libc entry point that sctrace wraps,
 * fcntl's F_SETOWN_EX/F_GETOWN_EX (struct f_owner_ex): recorded by the wrapper, so
 * this window is what --libc-only checks, strace's own suite reaching the call only
 * through syscall().  Window 1 (complete mode only: glibc functions and raw calls
 * that no wrapper sees, SCTRACE_LIBC_ONLY unset): real uses of the other decoders,
 * each with data that succeeded and with a bad pointer. */
#include <stdint.h>
#include <linux/aio_abi.h>
#include <linux/mempolicy.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "e2e.h"

static void libc_calls(void)
{
	struct f_owner_ex own = { F_OWNER_PGRP, 0 }, got;	/* no pid: it would differ */

	E2E_BEGIN_N(0);
	CHECK(fcntl(0, F_SETOWN_EX, &own) == 0);
	CHECK(fcntl(0, F_GETOWN_EX, &got) == 0);
	CHECK_ERR(fcntl(0, F_SETOWN_EX, (void *)8), EFAULT);
	CHECK_ERR(fcntl(-1, F_GETOWN_EX, &got), EBADF);
	E2E_END_N(0);
}

static void raw_calls(void)
{
	static char page[4096] __attribute__((aligned(4096)));
	char buf[8] = "ABCDEFG", dst[8];
	struct iovec l = { dst, sizeof(dst) }, r = { buf, 5 };
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS };
	unsigned long mask = 1, ctx = 0;
	struct iocb cb = { .aio_lio_opcode = IOCB_CMD_PWRITE, .aio_buf = (uintptr_t)buf,
			   .aio_nbytes = 3, .aio_data = 7 };
	struct iocb *cbs[1] = { &cb };
	struct io_event ev[1];
	struct timespec ts = { 1, 0 };
	unsigned action = SECCOMP_RET_LOG;
	void *head;
	size_t len;
	int mode, fd;

	E2E_BEGIN_N(1);
	CHECK_ERR(mknod("no/such/dir/node", S_IFCHR | 0600, makedev(1, 3)), ENOENT);
	CHECK_ERR(mknod("no/such/dir/fifo", S_IFIFO | 0644, 0), ENOENT);
	CHECK(process_vm_readv(getpid(), &l, 1, &r, 1, 0) == 5);
	CHECK(syscall(SYS_get_robust_list, 0, &head, &len) == 0);
	CHECK(syscall(SYS_get_mempolicy, &mode, &mask, 64, NULL, 0) == 0);
	CHECK(syscall(SYS_mbind, page, sizeof(page), MPOL_DEFAULT, NULL, 0, 0) == 0);
	CHECK(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0);
	fd = (int)syscall(SYS_openat2, AT_FDCWD, "/dev/null", &how, sizeof(how));
	CHECK(fd >= 0);
	CHECK_ERR(syscall(SYS_openat2, AT_FDCWD, "/dev/null", (void *)8, sizeof(how)), EFAULT);
	CHECK(close(fd) == 0);
	fd = open("/dev/null", O_WRONLY);
	CHECK(fd >= 0);
	cb.aio_fildes = (unsigned)fd;
	CHECK(syscall(SYS_io_setup, 2, &ctx) == 0);
	CHECK(syscall(SYS_io_submit, ctx, 1, cbs) == 1);
	CHECK(syscall(SYS_io_getevents, ctx, 1, 1, ev, &ts) == 1);
	CHECK(syscall(SYS_io_destroy, ctx) == 0);
	CHECK(close(fd) == 0);
	E2E_END_N(1);
}

int main(void)
{
	const char *only = getenv("SCTRACE_LIBC_ONLY");

	libc_calls();
	if (!only || strcmp(only, "1") != 0)
		raw_calls();
	return 0;
}
