/* Exit status: "status N" exits with N, "status term" dies of SIGTERM, "status
 * segv" of SIGSEGV.  The tracer's own exit status must say the same as an untraced
 * run's. */
#include <signal.h>
#include <stdio.h>
#include "e2e.h"

int main(int argc, char **argv)
{
	CHECK(argc == 2);
	printf("status: %s\n", argv[1]);
	fflush(stdout);
	if (strcmp(argv[1], "term") == 0) {
		signal(SIGTERM, SIG_DFL);
		raise(SIGTERM);
	} else if (strcmp(argv[1], "segv") == 0) {
		signal(SIGSEGV, SIG_DFL);
		raise(SIGSEGV);
	}
	return atoi(argv[1]);
}
