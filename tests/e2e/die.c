/* "die kill" / "die segv": 100 traced calls, then death by that signal (no handler,
 * nothing flushed): the trace must still hold all 100. */
#include <signal.h>
#include "e2e.h"

int main(int argc, char **argv)
{
	CHECK(argc == 2);
	for (int i = 0; i < 100; i++)
		(void)close(-100 - i);
	if (strcmp(argv[1], "segv") == 0)
		*(volatile int *)0 = 1;
	kill(getpid(), SIGKILL);
	return 1;
}
