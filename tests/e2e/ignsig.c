/* ignsig SIG...: exit 0 when sigaction reports each signal ignored, else 1 and the
 * first that is not (e2e ignored-signals: what the program asks, not the kernel's
 * mask, which shows the library's own handler for the signals it owns) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct sigaction sa;
		int sig = atoi(argv[i]);

		if (sigaction(sig, NULL, &sa) != 0 || sa.sa_handler != SIG_IGN) {
			printf("signal %d not ignored\n", sig);
			return 1;
		}
	}
	return 0;
}
