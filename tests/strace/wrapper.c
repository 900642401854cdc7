/* $STRACE for strace's test suite (tests/strace/run.sh builds it as
 * $O/strace-wrapper/strace): runs sctrace ($SCTRACE) with the test's options
 * unchanged and by this program's own name, the $STRACE the tests expect sctrace's
 * messages to start with, as strace's start with the name it was run by; named
 * strace, as some tests match '[^:]*strace: '.  A program, not a script: a shell in
 * between resets an inherited ignored SIGCHLD (dash: sigign) or changes the signal
 * mask (bash: sigblock), and dash's exec cannot set argv[0]. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

int main(int argc, char **argv)
{
	const char *sctrace = getenv("SCTRACE");

	(void)argc;
	if (!set("SCTRACE")) {
		fprintf(stderr, "%s: SCTRACE is not set\n", argv[0]);
		return 2;
	}
	/* run.sh keeps each command line in the test's log folder (NAME.argv): the
	 * options a failing test needs, all of them, not only the first one refused */
	if (set("SCT_ARGV_LOG")) {
		FILE *f = fopen(getenv("SCT_ARGV_LOG"), "ae");

		if (f) {
			for (int i = 1; argv[i]; i++)
				fprintf(f, "%s%s", i > 1 ? " " : "", argv[i]);
			fputc('\n', f);
			fclose(f);
		}
	}
	/* a test whose tracee is attached to with -p (run.sh's "@attach"): the whole
	 * test runs dormant under the library, but sctrace itself is not traced */
	if (set("SCT_TEST_ATTACH")) {
		unsetenv("LD_PRELOAD");
		unsetenv("SCTRACE_ATTACH");
		unsetenv("SCT_TEST_ATTACH");
	}
	execv(sctrace, argv);
	fprintf(stderr, "%s: cannot run '%s': %s\n", argv[0], sctrace, strerror(errno));
	return 127;
}
