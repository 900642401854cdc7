/* Printing the -c table from the session's totals (format/: sct_format_summary). */
#include <inttypes.h>
#include <stdio.h>
#include "calls.h"
#include "columns.h"
#include "format.h"
#include "summary.h"
#include "run.h"

void sct_summary_print(struct sct_out *o, const struct sct_totals *t,
		       const struct sct_opts *opts)
{
	unsigned n = sct_ncalls < SCT_MAX_CALLS ? sct_ncalls : SCT_MAX_CALLS;

	sct_columns_print(o, t->c, n, sct_calls, opts);
	sct_out_flush(o);
}

void sct_summary_lost(const struct sct_totals *t, uint64_t corrupt_bytes)
{
	uint64_t listed = 0;

	for (unsigned i = 0; i < t->nlost_by; i++) {
		fprintf(stderr, "%s: pid %d: %" PRIu64 " record%s lost: a ring was full\n", sct_progname,
			t->lost_by[i].pid, t->lost_by[i].lost, t->lost_by[i].lost == 1 ? "" : "s");
		listed += t->lost_by[i].lost;
	}
	if (t->lost > listed)
		fprintf(stderr, "%s: %" PRIu64 " more record%s lost in other processes\n", sct_progname,
			t->lost - listed, t->lost - listed == 1 ? "" : "s");
	if (corrupt_bytes)
		fprintf(stderr, "%s: %" PRIu64 " bytes of corrupt records skipped\n", sct_progname,
			corrupt_bytes);
}
