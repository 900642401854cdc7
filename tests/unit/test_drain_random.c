/* runner/drain.c against random rings (a fixed seed: the same rings on every run):
 * the drain ends, reads nothing outside the rings, and what it hands on formats.
 * The harness is test_drain_fuzz.c's (hostile_ring.h). */
#include "hostile_ring.h"

TestSuite(drain_random, .init = setup, .fini = teardown);

/* A small deterministic generator (xorshift64*): the same rings on every run. */
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ull;
}

/* Every record of a batch lies inside the arena, is as long as it says, and formats
 * without reading outside itself (each is formatted from an exact-size copy, so that
 * ASan sees an overread). */
static void check_batch(void)
{
	static char text[1 << 16];
	struct sct_fmt_opts f;

	sct_fmt_defaults(&f);
	f.strsize = 64;
	for (size_t i = 0; i < d.n; i++) {
		const struct sct_rec *r = sct_batch_rec(&d, i);
		struct sct_out o;
		void *copy;

		cr_assert_leq(d.ents[i].off + r->size, d.alen);
		cr_assert_geq(r->size, sizeof(*r));
		copy = malloc(r->size);
		memcpy(copy, r, r->size);
		sct_out_init(&o, text, sizeof(text), -1);
		sct_format_record(&o, copy, &f);
		free(copy);
	}
}

/* Random headers and random bytes, and rings of sound records with random bytes
 * flipped: the drain always ends, stays in bounds, reports a ring at most once. */
Test(drain_random, random_rings)
{
	unsigned sound = 0, bad = 0, records = 0;

	for (int iter = 0; iter < 3000; iter++) {
		struct ring g;
		uint32_t ds = 256u << (rnd() % 5);
		struct sct_rring *r;
		unsigned n;

		ring_new(&g, ds);
		if (iter % 2) {
			/* sound records, then damage */
			for (unsigned k = rnd() % 40; k; k--) {
				uint32_t blob = (uint32_t)(rnd() % 32);
				if (sct_ring_used(&g.w) + 2 * 128 > ds)
					break;	/* room for it and a PAD before it */
				put(&g, blob, k);
			}
			for (unsigned k = rnd() % 6; k; k--)
				g.data[rnd() % ds] ^= (unsigned char)(1u << (rnd() % 8));
		} else {
			for (uint32_t k = 0; k < ds; k += 8) {
				uint64_t v = rnd();
				memcpy(g.data + k, &v, 8);
			}
		}
		/* random header fields, one in four rings */
		if (rnd() % 4 == 0) {
			switch (rnd() % 6) {
			case 0: g.h->head = rnd() % (4 * ds); break;
			case 1: g.h->tail = rnd() % (2 * ds); break;
			case 2: g.h->clock.shift = (uint32_t)(rnd() % 80); g.h->clock.mult = (uint32_t)rnd(); break;
			case 3: g.h->data_size = (uint32_t)rnd(); break;
			case 4: g.h->ncalls = (uint32_t)(rnd() % (SCT_MAX_CALLS + 50)); break;
			default: g.h->head = rnd(); break;
			}
		} else if (iter % 2 == 0) {
			g.h->head = (rnd() % (ds / 8 + 1)) * 8;
		}
		r = ring_attach(&g);
		for (int pass = 0; pass < 3; pass++) {
			size_t got = sct_drain_collect(&d);
			cr_assert_leq(got, ds, "one pass reads at most the ring");
			check_batch();
			records += (unsigned)d.n;
			if (!r->bad && pass == 1)	/* the program writes on meanwhile */
				g.h->head += (rnd() % 4) * 8;
		}
		n = 0;
		for (const char *p = reports(); (p = strchr(p, '\n')); p++)
			n++;
		cr_assert_leq(n, 1, "iteration %d: reported %u times", iter, n);
		cr_assert_eq(n, (unsigned)r->bad, "iteration %d: corrupt and reported go together", iter);
		sound += !r->bad;
		bad += (unsigned)r->bad;
		cr_assert_eq(sct_drain_mark(&d, dead), 1);
		cr_assert_eq(sct_drain_retire(&d), 1);
		reports();
	}
	/* the generator reaches both sides of every check, and records get through */
	cr_assert_gt(sound, 150, "%u sound rings", sound);
	cr_assert_gt(bad, 300, "%u corrupt rings", bad);
	cr_assert_gt(records, 3000, "%u records", records);
}
