/* sctrace: see runner/run.c. */
#include "run.h"

int main(int argc, char **argv)
{
	return sct_main(argc, argv);
}
