/* Bad pointers and lengths handed to the kernel (issue 7, item 1): each call fails
 * with EFAULT (or returns more than the buffer holds) untraced, and must do the same,
 * and print as strace prints it, under sctrace, which must never read the memory
 * itself.  "badptr seccomp" first installs a filter that makes process_vm_readv fail
 * with EPERM (hardened container profiles deny it): nothing may change.
 *
 * Bad memory is a PROT_NONE page right after a readable one, so that a buffer or
 * string can end exactly where readable memory ends. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include "e2e.h"

#define DIR_NAME "e2e-badptr.d"

static void deny_process_vm_readv(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_process_vm_readv, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	char c = 0, d;
	struct iovec l = { &d, 1 }, r = { &c, 1 };

	CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
	CHECK(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0);
	CHECK(syscall(SYS_process_vm_readv, getpid(), &l, 1, &r, 1, 0) == -1 && errno == EPERM);
}

static int unix_sock(int type, const char *name, struct sockaddr_un *sa)
{
	int fd = socket(AF_UNIX, type, 0);

	CHECK(fd >= 0);
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	strcpy(sa->sun_path, name);
	CHECK(bind(fd, (struct sockaddr *)sa, sizeof(*sa)) == 0);
	return fd;
}

int main(int argc, char **argv)
{
	int sec = argc > 1 && strcmp(argv[1], "seccomp") == 0;
	char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sockaddr_un ua, ub, ls_addr, any;
	socklen_t *bad, l9;
	char *end, buf[64];
	int a, b, ls, c, val;
	struct linger lg;

	CHECK(pg != MAP_FAILED && mprotect(pg + 4096, 4096, PROT_NONE) == 0);
	end = pg + 4096;
	bad = (socklen_t *)end;
	e2e_fresh_dir(DIR_NAME);
	CHECK(chdir(DIR_NAME) == 0);
	if (sec)
		deny_process_vm_readv();
	a = unix_sock(SOCK_DGRAM, "a", &ua);
	b = unix_sock(SOCK_DGRAM, "b-with-a-longer-name", &ub);
	ls = unix_sock(SOCK_STREAM, "l", &ls_addr);
	CHECK(listen(ls, 4) == 0);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(c >= 0 && connect(c, (struct sockaddr *)&ls_addr, sizeof(ls_addr)) == 0);

	/* lengths read before the call */
	E2E_BEGIN_N(0);
	CHECK_ERR(getsockname(a, (struct sockaddr *)&any, bad), EFAULT);
	CHECK_ERR(getpeername(c, (struct sockaddr *)&any, bad), EFAULT);
	CHECK_ERR(getsockopt(a, SOL_SOCKET, SO_TYPE, &val, bad), EFAULT);
	CHECK(sendto(b, "0123456789abcdef", 16, 0, (struct sockaddr *)&ua, sizeof(ua)) == 16);
	CHECK_ERR(recvfrom(a, buf, 4, 0, (struct sockaddr *)&any, bad), EFAULT);
	errno = 0;
	CHECK(accept4(ls, (struct sockaddr *)&any, bad, SOCK_CLOEXEC) == -1);
	E2E_END_N(0);

	/* lengths returned after the call larger than the buffer */
	E2E_BEGIN_N(1);
	CHECK(sendto(b, "0123456789abcdef", 16, 0, (struct sockaddr *)&ua, sizeof(ua)) == 16);
	CHECK(recvfrom(a, end - 4, 4, MSG_TRUNC, NULL, NULL) == 16);
	CHECK(sendto(b, "0123456789abcdef", 16, 0, (struct sockaddr *)&ua, sizeof(ua)) == 16);
	{
		struct iovec iov = { buf, 8 };
		struct msghdr mh = { .msg_name = end - 4, .msg_namelen = 4, .msg_iov = &iov,
				     .msg_iovlen = 1 };
		CHECK(recvmsg(a, &mh, 0) == 8 && mh.msg_namelen > 4);
	}
	l9 = 9;
	CHECK(getsockopt(a, SOL_SOCKET, SO_LINGER, &lg, &l9) == 0 && l9 == 8);
	l9 = 9;
	CHECK(getsockopt(a, SOL_SOCKET, SO_TYPE, &val, &l9) == 0 && l9 == 4);
	/* the kernel reads 8 bytes of an optlen of 9: the ninth is unmapped */
	memset(end - 8, 0, 8);
	CHECK(setsockopt(a, SOL_SOCKET, SO_LINGER, end - 8, 9) == 0);
	E2E_END_N(1);

	/* strings and arrays that run into the bad page */
	E2E_BEGIN_N(2);
	memcpy(end - 3, "abc", 3);
	CHECK_ERR(open(end - 3, O_RDONLY), EFAULT);
	CHECK_ERR(write(-1, end - 3, 10), EBADF);
	CHECK(write(1, end - 3, 10) == 3);
	{
		char **envp = (char **)(end - sizeof(char *)), **av = envp;
		char *args[] = { "x", NULL };
		envp[0] = "A=1";
		errno = 0;
		CHECK(execve("/nonexistent", args, envp) == -1);
		CHECK(execve("/nonexistent", av, NULL) == -1);
	}
	E2E_END_N(2);
	CHECK(chdir("..") == 0);
	printf("badptr%s: the program went on\n", sec ? " seccomp" : "");
	return 0;
}
