/* The fault-safe copy (preload/safemem.c) with the library's SIGSEGV/SIGBUS owner
 * (preload/sigown.c): exact stops at page boundaries, PROT_NONE, unmapped memory,
 * and no help from process_vm_readv. */
#include <criterion/criterion.h>
#include <dlfcn.h>
#include <sys/mman.h>
#include "preload/safemem.c"
#include "preload/sigown.c"

void *sct_resolve(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

/* preload/clock.c's answers for a thread that may read the TSC and make calls */
int sct_strict_thread(void)
{
	return 0;
}

int sct_clock_fault(void *uc)
{
	(void)uc;
	return 0;
}

/* sigown's forward path records the delivery in the thread's ring: none here */
void sct_record_delivery(int sig, const siginfo_t *si)
{
	(void)sig;
	(void)si;
}

static char *page;			/* a readable page, then a PROT_NONE one, then none */

static void setup(void)
{
	page = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert(page != MAP_FAILED);
	cr_assert(mprotect(page + 4096, 4096, PROT_NONE) == 0);
	cr_assert(munmap(page + 8192, 4096) == 0);
	memset(page, 'x', 4096);
	sct_sigown_init();
}

TestSuite(safemem, .init = setup);

Test(safemem, whole_copy_inside_a_page)
{
	char dst[100];

	memcpy(page + 10, "0123456789", 10);
	cr_expect_eq(sct_safe_copy(dst, page + 10, 10), 10);
	cr_expect(memcmp(dst, "0123456789", 10) == 0);
}

Test(safemem, stops_exactly_at_a_prot_none_page)
{
	char dst[64];

	for (size_t k = 1; k < 40; k++)
		cr_expect_eq(sct_safe_copy(dst, page + 4096 - k, 40), k, "k=%zu", k);
}

Test(safemem, unmapped_and_prot_none_read_nothing)
{
	char dst[16];

	cr_expect_eq(sct_safe_copy(dst, page + 4096, 16), 0);
	cr_expect_eq(sct_safe_copy(dst, page + 8192, 16), 0);
	cr_expect_eq(sct_safe_copy(dst, (void *)8, 8), 0);
	cr_expect_eq(sct_safe_str(NULL, page + 8192, 10), -1);
	cr_expect(!sct_safe_readable(page + 4000, 200));
	cr_expect(sct_safe_readable(page + 4000, 96));
}

/* clone's words on a child's stack are written through it: a stack the program
 * names may be read-only, unmapped or not even a canonical address */
Test(safemem, writes_stop_at_read_only_unmapped_and_non_canonical)
{
	const char src[40] = "abcdefghijklmnopqrstuvwxyz0123456789";
	char *ro = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	cr_assert(ro != MAP_FAILED);
	cr_assert(mprotect(ro + 4096, 4096, PROT_READ) == 0);
	for (size_t k = 1; k < 40; k++)
		cr_expect_eq(sct_safe_copy(ro + 4096 - k, src, 40), k, "k=%zu", k);
	cr_expect(memcmp(ro + 4096 - 39, src, 39) == 0);
	cr_expect_eq(ro[4096], 0);
	cr_expect_eq(sct_safe_copy(page + 4096, src, 8), 0);
	cr_expect_eq(sct_safe_copy(page + 8192, src, 24), 0);
	cr_expect_eq(sct_safe_copy((void *)0xface1e55beeff00dULL, src, 24), 0);
	munmap(ro, 2 * 4096);
}

Test(safemem, strings)
{
	char dst[8];

	memcpy(page + 4093, "abc", 3);			/* no NUL before the bad page */
	cr_expect_eq(sct_safe_str(NULL, page + 4093, 100), -1);
	cr_expect_eq(sct_safe_str(NULL, page + 4093, 3), 3);	/* all max bytes readable */
	memcpy(page + 4090, "ab\0", 3);
	cr_expect_eq(sct_safe_str(dst, page + 4090, 100), 2);
	cr_expect_str_eq(dst, "ab");
}

Test(safemem, blocked_sigsegv_and_no_process_vm_readv)
{
	sigset_t set;
	char dst[8];

	/* a fault while SIGSEGV is blocked kills: the guard unblocks it */
	sigemptyset(&set);
	sigaddset(&set, SIGSEGV);
	sigprocmask(SIG_BLOCK, &set, NULL);
	uint64_t saved = sct_safe_begin();
	cr_expect_eq(sct_safe_copy(dst, page + 4092, 8), 4);
	sct_safe_end(saved);
	sigprocmask(SIG_BLOCK, NULL, &set);
	cr_expect(sigismember(&set, SIGSEGV), "the program's mask is put back");
}

Test(safemem, program_view_starts_at_sig_dfl)
{
	struct sct_kaction k;

	cr_assert(sct_sig_owned(SIGSEGV) && sct_sig_owned(SIGBUS) && !sct_sig_owned(SIGSYS));
	sct_sig_get(SIGSEGV, &k);
#ifdef __SANITIZE_ADDRESS__
	/* ASan put its own SIGSEGV handler in before this test began: that one is seen */
	cr_expect(k.handler != SIG_DFL && k.handler != SIG_IGN);
#else
	cr_expect(k.handler == SIG_DFL);
#endif
}
