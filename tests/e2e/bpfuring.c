/* bpf(2) attributes and io_uring_register(2) arguments that fail harmlessly: a map
 * element lookup, BPF_PROG_GET_NEXT_ID, BPF_OBJ_PIN's path, a short BPF_MAP_CREATE,
 * io_uring_register's opcodes by name, its iovecs, descriptor arrays and
 * IORING_REGISTER_FILES_UPDATE (on /dev/null: EOPNOTSUPP, EBADF).  run.sh compares
 * the window with strace line for line (complete mode: syscall() is no wrapper). */
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "e2e.h"

int main(void)
{
	uint64_t attr[8] = { 0 };
	static char buf[10];
	struct iovec iov[2] = { { buf, sizeof(buf) }, { NULL, 0 } };
	int fds[4] = { 0, 1, -1, -2 };
	struct { uint32_t offset, resv; uint64_t fds; } upd = { 7, 0, (uintptr_t)fds };
	int fd = open("/dev/null", O_RDONLY);

	if (fd < 0)
		return 1;
	E2E_BEGIN();
	attr[0] = 0xffffffffu;				/* map_fd -1 */
	attr[1] = 0xdeadbeef;				/* key */
	syscall(SYS_bpf, 1, attr, 32);			/* BPF_MAP_LOOKUP_ELEM */
	attr[0] = 0xdeadbeefu;				/* start_id */
	syscall(SYS_bpf, 11, attr, 8);			/* BPF_PROG_GET_NEXT_ID */
	attr[0] = (uintptr_t)"/sys/fs/bpf/nonexistent/x";
	attr[1] = 0xffffffffu;				/* bpf_fd -1 */
	syscall(SYS_bpf, 6, attr, 16);			/* BPF_OBJ_PIN */
	attr[0] = 2 | (uint64_t)4 << 32;		/* BPF_MAP_TYPE_ARRAY, key_size 4 */
	attr[1] = 8;					/* value_size 8, max_entries 0 */
	syscall(SYS_bpf, 0, attr, 20);			/* BPF_MAP_CREATE, short */
	syscall(SYS_io_uring_register, fd, 0xbadc0ded, buf, 1);
	syscall(SYS_io_uring_register, fd, 1, NULL, 0);	/* IORING_UNREGISTER_BUFFERS */
	syscall(SYS_io_uring_register, fd, 0, iov, 2);	/* IORING_REGISTER_BUFFERS */
	syscall(SYS_io_uring_register, fd, 2, fds, 4);	/* IORING_REGISTER_FILES */
	syscall(SYS_io_uring_register, fd, 6, &upd, 4);	/* IORING_REGISTER_FILES_UPDATE */
	E2E_END();
	close(fd);
	return 0;
}
