/* ioctl through libc's entry point on a pty, a socket, a pipe and a file: commands
 * named and unnamed, arguments decoded before and after the call, and failures
 * (a bad descriptor, a command the object does not know).  Only values that are the
 * same in every run: no pty number, no sizes that depend on the file system. */
#include <linux/fs.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include "e2e.h"

int main(void)
{
	struct winsize ws = { 24, 80, 0, 0 }, got;
	struct termios tio;
	int pty, sv[2], p[2], n = 0, zero = 0;
	unsigned long long size;
	unsigned ver;

	E2E_BEGIN_N(0);
	pty = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (pty >= 0) {
		CHECK(ioctl(pty, TIOCSPTLCK, &zero) == 0);
		CHECK(ioctl(pty, TCGETS, &tio) == 0);
		CHECK(ioctl(pty, TIOCSWINSZ, &ws) == 0);
		CHECK(ioctl(pty, TIOCGWINSZ, &got) == 0 && got.ws_col == 80);
		CHECK(ioctl(pty, TCFLSH, TCIOFLUSH) == 0);
		CHECK(ioctl(pty, EVIOCGVERSION, &ver) == -1 && errno == ENOTTY);
		CHECK(close(pty) == 0);
	}
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(write(sv[1], "abc", 3) == 3);
	CHECK(ioctl(sv[0], FIONREAD, &n) == 0 && n == 3);
	CHECK(ioctl(sv[0], TCGETS, &tio) == -1 && errno == ENOTTY);
	CHECK(pipe(p) == 0);
	CHECK(ioctl(p[0], FIONBIO, &zero) == 0);
	CHECK(ioctl(p[0], FIOCLEX) == 0);
	CHECK(ioctl(p[0], BLKGETSIZE64, &size) == -1 && errno == ENOTTY);
	CHECK(ioctl(p[0], _IOR(0xde, 0xad, int), &n) == -1 && errno == ENOTTY);
	CHECK(ioctl(-1, TIOCGWINSZ, &got) == -1 && errno == EBADF);
	CHECK(ioctl(-1, FIFREEZE, 0) == -1 && errno == EBADF);
	CHECK(close(p[0]) == 0 && close(p[1]) == 0);
	CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);
	E2E_END_N(0);
	return 0;
}
