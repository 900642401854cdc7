/* format/ipc.c: semop's sembuf array, against strace 6.1's semop test: at most -s
 * elements, and the address of the first element that could not be read. */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_semop = { "semop", 0, 3, SCT_R_INT,
	{ A(INT, NOAUX), A(SEMBUF, 2), A(UINT, NOAUX) } };

#define BUF 0x7f3ba1cfdffaull

/* { sem_num, sem_op, sem_flg } */
static const uint16_t two[6] = { 0, 1, 0x1000, 3, (uint16_t)-1, 0x1800 | 0xa6ef };

Test(format_ipc, sembuf)
{
	trec_init(&t, 0, 7, BUF, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, two, sizeof(two), 0);
	cr_assert_str_eq(trec_arg(&t, &c_semop, 1),
			 "[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, "
			 "{sem_num=3, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT|0xa6ef}]");
	/* the second element unreadable */
	trec_init(&t, -14, 7, BUF, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, two, 6, SCT_BF_FAULT);
	cr_assert_str_eq(trec_arg(&t, &c_semop, 1),
			 "[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ... /* 0x7f3ba1cfe000 */]");
	/* none readable: the address; NULL */
	trec_init(&t, -14, 7, BUF, 2, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_semop, 1), "0x7f3ba1cfdffa");
	trec_init(&t, -7, 7, 0, 0xdeadbeef, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_semop, 1), "NULL");
	/* -s 1 */
	trec_init(&t, 0, 7, BUF, 2, 0, 0, 0);
	t.f.strsize = 1;
	trec_blob(&t, 1, SCT_BLOB_IN, two, 6, SCT_BF_TRUNC);
	cr_assert_str_eq(trec_arg(&t, &c_semop, 1), "[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...]");
}
