/* Classic BPF programs (socket filters: SO_ATTACH_FILTER, SO_GET_FILTER), shown with
 * -v as strace's print_bpf_fprog: [BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+8),
 * BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x11, 0, 0x5), ...]; every name follows -X. */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define BPF_CLASS(c) ((c) & 0x07)
#define BPF_MAXINSNS 4096

enum { LD, LDX, ST, STX, ALU, JMP, RET, MISC };

/* bits no table names: "|0x8 / * BPF_??? * /" */
static void rest_bits(struct sct_out *o, unsigned v)
{
	if (!v)
		return;
	sct_out_putc(o, '|');
	sct_out_hex(o, v);
	if (o->cstyle != SCT_CONST_RAW)
		sct_out_puts(o, " /* BPF_??? */");
}

static void print_code(struct sct_out *o, unsigned code)
{
	unsigned rest = code & ~7u;

	sct_print_xlat(o, SCT_XLAT_bpf_class, BPF_CLASS(code));
	switch (BPF_CLASS(code)) {
	case ST:
	case STX:
		rest_bits(o, rest);
		break;
	case LD:
	case LDX:
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_bpf_size, code & 0x18);
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_bpf_mode, code & 0xe0);
		break;
	case MISC:
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_bpf_miscop, code & 0xf8);
		rest_bits(o, rest & ~0xf8u);
		break;
	case ALU:
	case JMP:
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_bpf_src, code & 0x08);
		sct_out_putc(o, '|');
		sct_print_xlat(o, BPF_CLASS(code) == ALU ? SCT_XLAT_bpf_op_alu : SCT_XLAT_bpf_op_jmp,
			       code & 0xf0);
		break;
	case RET:
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_bpf_rval, code & 0x18);
		rest_bits(o, rest & ~0x18u);
		break;
	}
}

/* SKF_AD_OFF, SKF_NET_OFF, SKF_LL_OFF: a name of its own under -X */
static void print_off(struct sct_out *o, uint32_t v, const char *name)
{
	if (o->cstyle == SCT_CONST_ABBREV) {
		sct_out_puts(o, name);
		return;
	}
	sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_VERBOSE) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, name);
		sct_out_puts(o, " */");
	}
}

/* a socket filter's k of an absolute load: an offset from one of the special bases */
static void print_k(struct sct_out *o, unsigned code, uint32_t k)
{
	if (BPF_CLASS(code) == LD && (code & 0xe0) == 0x20) {
		if (k >= 0xfffff000u) {
			print_off(o, 0xfffff000u, "SKF_AD_OFF");
			sct_out_putc(o, '+');
			sct_print_xlat(o, SCT_XLAT_skf_ad, k - 0xfffff000u);
			return;
		}
		if (k >= 0xfff00000u || k >= 0xffe00000u) {
			uint32_t base = k >= 0xfff00000u ? 0xfff00000u : 0xffe00000u;

			print_off(o, base, base == 0xfff00000u ? "SKF_NET_OFF" : "SKF_LL_OFF");
			sct_out_putc(o, '+');
			sct_out_udec(o, k - base);
			return;
		}
	}
	sct_out_hex(o, k);
}

/* `count` instructions of 8 bytes ({u16 code; u8 jt, jf; u32 k}) from p, `have` bytes
 * of them captured: those, then "..." for the rest */
void sct_print_bpf_insns(struct sct_out *o, const unsigned char *p, size_t have, uint64_t count)
{
	uint64_t k;

	sct_out_putc(o, '[');
	for (k = 0; k < count; k++) {
		const unsigned char *e = p + k * 8;
		unsigned code;

		if (k)
			sct_out_puts(o, ", ");
		if (k >= BPF_MAXINSNS || (k + 1) * 8 > have) {
			sct_out_puts(o, "...");
			break;
		}
		code = (unsigned)e[0] | (unsigned)e[1] << 8;
		sct_out_puts(o, e[2] || e[3] ? "BPF_JUMP(" : "BPF_STMT(");
		print_code(o, code);
		sct_out_puts(o, ", ");
		if (e[2] || e[3]) {
			sct_out_hex(o, sct_get32(e + 4));
			sct_out_puts(o, ", ");
			sct_out_hex(o, e[2]);
			sct_out_puts(o, ", ");
			sct_out_hex(o, e[3]);
		} else {
			print_k(o, code, sct_get32(e + 4));
		}
		sct_out_putc(o, ')');
	}
	sct_out_putc(o, ']');
}
