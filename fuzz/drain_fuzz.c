/* libFuzzer target for runner/drain.c: the input is a ring as a traced program could
 * leave it (a few header fields and the bytes of the data area); the drain must end,
 * stay inside the ring and the arena, and every record it passes on must format
 * without reading outside itself.  Built and run by `make fuzz` (see the Makefile). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "calls.h"
#include "decode.h"
#include "runner/drain.h"

#define PID 5

static struct sct_drain d;
static struct sct_totals tot;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *in, size_t n);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char dir[] = "/tmp/sct-fuzz-XXXXXX";

	(void)argc, (void)argv;
	if (!mkdtemp(dir) || sct_drain_init(&d, dir, &tot, 0) < 0)
		abort();
	rmdir(dir);		/* the drain keeps its fd; nothing is created in it */
	d.errfd = -1;		/* reports are not what is fuzzed */
	return 0;
}

static int dead(int pid, int tid)
{
	(void)pid, (void)tid;
	return 0;
}

static uint64_t take(const uint8_t **p, size_t *n, size_t len)
{
	uint64_t v = 0;

	if (len > *n)
		len = *n;
	memcpy(&v, *p, len);
	*p += len;
	*n -= len;
	return v;
}

/* Format every record of the batch from an exact-size copy: an overread is ASan's. */
static void format_batch(void)
{
	static char text[1 << 16];
	struct sct_fmt_opts f;

	sct_fmt_defaults(&f);
	f.strsize = 64;
	f.show_time = 1;
	for (size_t i = 0; i < d.n; i++) {
		const struct sct_rec *r = sct_batch_rec(&d, i);
		struct sct_out o;
		void *copy;

		if (d.ents[i].off + r->size > d.alen || r->size < sizeof(*r))
			abort();
		copy = malloc(r->size);
		memcpy(copy, r, r->size);
		sct_out_init(&o, text, sizeof(text), -1);
		sct_format_record(&o, copy, &f);
		free(copy);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t n)
{
	uint32_t flags = (uint32_t)take(&in, &n, 2);
	uint32_t ds = 256u << (flags % 6);
	size_t size = SCT_DATA_OFFSET + ds;
	struct sct_ring *h;
	uint64_t head, more;
	void *map;

	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return 0;
	h = map;
	/* a sound header unless the input says otherwise, field by field */
	h->magic = SCT_RING_MAGIC;
	h->version = SCT_RING_VERSION;
	h->pid = h->tid = PID;
	h->data_size = ds;
	h->state = SCT_RING_ACTIVE;
	h->ncalls = sct_ncalls;
	h->clock = (struct sct_clock){ 0, 0, 1, 0 };
	h->tail = take(&in, &n, 2) * 8;
	head = h->tail + take(&in, &n, 2) * 8;
	more = take(&in, &n, 1) * 8;
	if (flags & 0x100)
		h->clock.mult = (uint32_t)take(&in, &n, 4), h->clock.shift = (uint32_t)take(&in, &n, 1);
	if (flags & 0x200)
		h->data_size = (uint32_t)take(&in, &n, 4);
	if (flags & 0x400)
		h->ncalls = (uint32_t)take(&in, &n, 2);
	if (flags & 0x800)
		h->pid = (int32_t)take(&in, &n, 4);
	if (flags & 0x1000)
		head = take(&in, &n, 8);
	if (flags & 0x2000)
		h->tail = take(&in, &n, 8);
	h->head = head;
	/* the data area from where the reader stands, wrapping */
	for (size_t i = 0; i < n && i < ds; i++)
		((uint8_t *)map + SCT_DATA_OFFSET)[(h->tail + i) & (ds - 1)] = in[i];

	sct_drain_attach(&d, map, size, PID, PID, "5.5.ring");
	sct_drain_collect(&d);
	format_batch();
	h->head = head + more;		/* the program wrote on meanwhile */
	sct_drain_collect(&d);
	format_batch();
	if (sct_drain_mark(&d, dead) != 1 || sct_drain_retire(&d) != 1 || d.nrings)
		abort();
	return 0;
}
