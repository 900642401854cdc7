/* Printing the -c table from the session's totals (format/: sct_format_summary). */
#include <inttypes.h>
#include <stdio.h>
#include "calls.h"
#include "format.h"
#include "summary.h"

void sct_summary_print(struct sct_out *o, const struct sct_totals *t)
{
	unsigned n = sct_ncalls < SCT_MAX_CALLS ? sct_ncalls : SCT_MAX_CALLS;

	sct_format_summary(o, t->c, n);
	sct_out_flush(o);
}

void sct_summary_lost(const struct sct_totals *t, uint64_t corrupt_bytes)
{
	if (t->lost)
		fprintf(stderr, "sctrace: %" PRIu64 " record%s lost: a ring was full\n", t->lost,
			t->lost == 1 ? "" : "s");
	if (corrupt_bytes)
		fprintf(stderr, "sctrace: %" PRIu64 " bytes of corrupt records skipped\n",
			corrupt_bytes);
}
