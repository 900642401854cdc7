/* The order of a round's records (runner/drain.c collects them): by entry time, then
 * by the order they were read in, across every ring.  Each ring's records are already
 * in time order, nearly always: a k-way merge of the rings' runs with a heap gives the
 * order of one sort of the whole batch in O(n log rings). */
#include <stdlib.h>
#include "drain.h"

static int by_time(const void *a, const void *b)
{
	const struct sct_bent *x = a, *y = b;

	if (x->t0 != y->t0)
		return x->t0 < y->t0 ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int before(const struct sct_bent *x, const struct sct_bent *y)
{
	return x->t0 < y->t0 || (x->t0 == y->t0 && x->seq < y->seq);
}

static void sift_down(const struct sct_bent *e, struct sct_run *h, size_t n, size_t k)
{
	for (;;) {
		size_t c = 2 * k + 1;
		struct sct_run t;

		if (c >= n)
			return;
		if (c + 1 < n && before(&e[h[c + 1].i], &e[h[c].i]))
			c++;
		if (!before(&e[h[c].i], &e[h[k].i]))
			return;
		t = h[k];
		h[k] = h[c];
		h[c] = t;
		k = c;
	}
}

/* Move the entries of the runs in heap h (n runs) to out in time order: from the run
 * on top, every entry before the next head of any other run (the smaller of the top's
 * two children), then the heap is mended once: a thread's calls come in runs (it had
 * the core for a while), which cost one sift each instead of one an entry.  Returns
 * the entries moved. */
static size_t move_in_time(const struct sct_bent *e, struct sct_run *h, size_t n,
			   struct sct_bent *out)
{
	size_t k = 0;

	while (n) {
		struct sct_run *top = &h[0];
		const struct sct_bent *next = NULL;

		if (n > 1)
			next = &e[h[1].i];
		if (n > 2 && before(&e[h[2].i], next))
			next = &e[h[2].i];
		do
			out[k++] = e[top->i++];
		while (top->i < top->end && (!next || before(&e[top->i], next)));
		if (top->i == top->end)
			h[0] = h[--n];
		sift_down(e, h, n, 0);
	}
	return k;
}

/* Each ring's records are in time order but for a few (a call that a signal handler
 * interrupted commits after the handler's calls): a run that is not is sorted on its
 * own.  Then the runs are merged, which gives the order of one sort of the batch by
 * (t0, seq), in O(n log rings). */
static void merge_runs(struct sct_drain *d, size_t nruns)
{
	struct sct_run *h = d->runs;
	size_t n = 0;
	struct sct_bent *out;

	for (size_t r = 0; r < nruns; r++) {
		struct sct_bent *e = d->ents + h[r].i;
		size_t len = h[r].end - h[r].i;

		for (size_t i = 1; i < len; i++)
			if (before(&e[i], &e[i - 1])) {
				qsort(e, len, sizeof(*e), by_time);
				break;
			}
		if (len)
			h[n++] = h[r];
	}
	if (n <= 1)
		return;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(d->ents, h, n, i);
	out = d->merged;
	move_in_time(d->ents, h, n, out);
	d->merged = d->ents;
	d->ents = out;
}


void sct_drain_order(struct sct_drain *d, size_t nruns)
{
	if (nruns)
		merge_runs(d, nruns);
	else if (d->n)	/* qsort(NULL, 0) is undefined: ents is NULL before the first record */
		qsort(d->ents, d->n, sizeof(*d->ents), by_time);
}
