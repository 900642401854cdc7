/* An interface index as strace prints it: if_nametoindex("lo") when the index names
 * an interface here, else the number.  Asked of the kernel with raw system calls
 * (SIOCGIFNAME on a throwaway socket): this also runs inside the traced process
 * (standalone mode), where a libc call would be traced. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/ioctl.h>
#include <net/if.h>
#include "netfmt.h"

static long raw3(long n, long a, long b, long c)
{
	long ret;

	__asm__ volatile ("syscall"
			  : "=a"(ret)
			  : "0"(n), "D"(a), "S"(b), "d"(c)
			  : "rcx", "r11", "memory");
	return ret;
}

/* The name of interface idx in buf (IF_NAMESIZE bytes), 0; -1 when there is none. */
static int ifname(uint32_t idx, char *buf)
{
	struct ifreq ifr;
	long fd, rc;

	if (!idx)
		return -1;
	/* SIOCGIFNAME is answered by any socket; AF_UNIX needs no network stack */
	fd = raw3(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = (int)idx;
	rc = raw3(SYS_ioctl, fd, SIOCGIFNAME, (long)&ifr);
	raw3(SYS_close, fd, 0, 0);
	if (rc < 0)
		return -1;
	memcpy(buf, ifr.ifr_name, IF_NAMESIZE);
	buf[IF_NAMESIZE - 1] = 0;
	return 0;
}

void sct_print_ifindex(struct sct_out *o, uint32_t idx)
{
	char name[IF_NAMESIZE];

	/* -X raw: the number; verbose: 1 / * if_nametoindex("lo") * / */
	if (o->cstyle == SCT_CONST_RAW || ifname(idx, name)) {
		sct_out_udec(o, idx);
		return;
	}
	if (o->cstyle == SCT_CONST_VERBOSE) {
		sct_out_udec(o, idx);
		sct_out_puts(o, " /* ");
	}
	sct_out_puts(o, "if_nametoindex(");
	sct_print_quoted(o, (const unsigned char *)name, strlen(name), IF_NAMESIZE, 0);
	sct_out_putc(o, ')');
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
}
