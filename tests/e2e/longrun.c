/* Runs for about half a second making traced calls, then says "done": for checks
 * that do something to sctrace while the program runs. */
#include <string.h>
#include <time.h>
#include "e2e.h"

int main(void)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 50; i++) {
		CHECK(write(1, "tick\n", 5) == 5);
		nanosleep(&ts, NULL);
	}
	CHECK(write(1, "done\n", 5) == 5);
	return 0;
}
