/* What getopt_long refused, in strace's (glibc's) words.  getopt leaves optopt set
 * for a long option given an argument it does not take (--lossy=1: optopt is the
 * option's value, no letter) as for an unknown letter; 0 for an unknown long one. */
#include <stdio.h>
#include <string.h>
#include "options.h"

void sct_option_refused(const char *arg, int optopt, char *err, size_t errlen)
{
	if (optopt && !strncmp(arg, "--", 2))
		snprintf(err, errlen, "option '%.*s' doesn't allow an argument",
			 (int)strcspn(arg, "="), arg);
	else if (optopt)
		snprintf(err, errlen, "invalid option -- '%c'", optopt);
	else
		snprintf(err, errlen, "unrecognized option '%s'", arg);
}
