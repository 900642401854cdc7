/* System V IPC: semop's and semtimedop's struct sembuf array as strace prints it,
 * [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}, ... / * 0x7f0000001000 * /]: at most -s
 * elements, and the address of an element that could not be read. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "xlattab.h"

#define SEMBUF_SIZE 6			/* unsigned short num; short op; short flg */

int sct_dec_sembuf(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	struct sct_out *o = d->o;
	uint64_t count = (uint32_t)d->r->arg[d->c->arg[i].aux], have, k;
	const unsigned char *p;

	if (!d->r->arg[i]) {
		sct_out_puts(o, "NULL");
		return 0;
	}
	if (count && (!b || b->len < SEMBUF_SIZE)) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	have = b ? b->len / SEMBUF_SIZE : 0;
	if (have > d->f->strsize)
		have = d->f->strsize;
	p = b ? sct_blob_data(b) : NULL;
	sct_out_putc(o, '[');
	for (k = 0; k < count && k < have; k++, p += SEMBUF_SIZE) {
		uint16_t num, op, flg;

		memcpy(&num, p, 2);
		memcpy(&op, p + 2, 2);
		memcpy(&flg, p + 4, 2);
		if (k)
			sct_out_puts(o, ", ");
		sct_out_puts(o, "{sem_num=");
		sct_out_udec(o, num);
		sct_out_puts(o, ", sem_op=");
		sct_out_dec(o, (int16_t)op);
		sct_out_puts(o, ", sem_flg=");
		sct_print_xlat(o, SCT_XLAT_semop_flags, flg);
		sct_out_putc(o, '}');
	}
	if (k < count && b && (b->flags & SCT_BF_FAULT) && k == b->len / SEMBUF_SIZE) {
		/* the next element could not be read: strace names its address */
		sct_out_puts(o, ", ... /* ");
		sct_out_hex(o, d->r->arg[i] + SEMBUF_SIZE * k);
		sct_out_puts(o, " */");
	} else if (k < count) {
		sct_out_puts(o, k ? ", ..." : "...");
	}
	sct_out_putc(o, ']');
	return 0;
}
