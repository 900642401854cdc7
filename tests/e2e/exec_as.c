/* exec_as NAME PROG ARG...: runs PROG with argv[0] NAME and nothing else changed (no
 * descriptor opened, no signal disposition or mask touched).  tests/strace/wrapper/strace
 * runs sctrace by its own name with it: strace's test suite expects the tracer's
 * messages to start with $STRACE, the name strace (and sctrace) was run by, and dash's
 * exec has no -a.  Not an end-to-end program itself. */
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3)
		return 127;
	const char *prog = argv[2];

	argv[2] = argv[1];	/* the new argv: NAME ARG... */
	execv(prog, argv + 2);
	return 127;
}
