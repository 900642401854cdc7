/* Signal names and signal sets as strace prints them (x86-64 numbering).  Signals
 * past 32 are real-time: 32 is SIGRTMIN, 33.. are SIGRT_1.. (strace counts from the
 * kernel's SIGRTMIN, not glibc's, which reserves 32 and 33). */
#include <stddef.h>
#include <stdint.h>
#include "format.h"
#include "decode.h"

#define SCT_NSIG 64

static const char *const names[SCT_NSIG + 1] = {
	[1] = "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
	"SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
	"SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",
	"SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
	"SIGIO", "SIGPWR", "SIGSYS", "SIGRTMIN",
	"SIGRT_1", "SIGRT_2", "SIGRT_3", "SIGRT_4", "SIGRT_5", "SIGRT_6", "SIGRT_7",
	"SIGRT_8", "SIGRT_9", "SIGRT_10", "SIGRT_11", "SIGRT_12", "SIGRT_13", "SIGRT_14",
	"SIGRT_15", "SIGRT_16", "SIGRT_17", "SIGRT_18", "SIGRT_19", "SIGRT_20", "SIGRT_21",
	"SIGRT_22", "SIGRT_23", "SIGRT_24", "SIGRT_25", "SIGRT_26", "SIGRT_27", "SIGRT_28",
	"SIGRT_29", "SIGRT_30", "SIGRT_31", "SIGRT_32",
};

const char *sct_signal_name(int sig)
{
	return sig > 0 && sig <= SCT_NSIG ? names[sig] : 0;
}

void sct_print_signame(struct sct_out *o, int sig)
{
	const char *s = sct_signal_name(sig);

	if (s)
		sct_out_puts(o, s);
	else
		sct_out_dec(o, sig);
}

/* strace's printsignal: a signal argument follows -X (18, SIGCONT, 18 / * SIGCONT * /) */
void sct_print_signal(struct sct_out *o, int sig)
{
	const char *s = sct_signal_name(sig);

	if (!s || o->cstyle != SCT_CONST_ABBREV)
		sct_out_dec(o, sig);
	if (!s || o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, s);
		sct_out_puts(o, " */");
	} else {
		sct_out_puts(o, s);
	}
}

static unsigned popcount64(uint64_t v)
{
	unsigned n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/* Like strace: when two thirds or more of the bits are set, print the complement
 * after a '~'.  Names lose their "SIG". */
void sct_print_sigset(struct sct_out *o, const uint64_t *mask)
{
	uint64_t m = *mask;
	int n = 0;

	if (popcount64(m) >= SCT_NSIG * 2 / 3) {
		sct_out_putc(o, '~');
		m = ~m;
	}
	sct_out_putc(o, '[');
	for (int sig = 1; sig <= SCT_NSIG; sig++) {
		if (!(m & (1ull << (sig - 1))))
			continue;
		if (n++)
			sct_out_putc(o, ' ');
		if (o->cstyle == SCT_CONST_ABBREV) {
			sct_out_puts(o, names[sig] + 3);
			continue;
		}
		/* -X: 2, or 2 / * INT * / */
		sct_out_dec(o, sig);
		if (o->cstyle == SCT_CONST_VERBOSE) {
			sct_out_puts(o, " /* ");
			sct_out_puts(o, names[sig] + 3);
			sct_out_puts(o, " */");
		}
	}
	sct_out_putc(o, ']');
}
