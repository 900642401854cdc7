/* Classic BPF programs as strace prints them (its bpf_filter.c): each instruction
 * BPF_STMT(code, k) or BPF_JUMP(code, k, jt, jf), the code by class, and for a
 * socket filter's absolute loads the SKF_AD_OFF+SKF_AD_* offsets by name. */
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "bpf_filter.h"
#include "xlattab.h"
#include "out.h"

#define X(t) (sct_xlat_tabs[SCT_XLAT_##t].x)

enum { LD, LDX, ST, STX, ALU, JMP, RET, MISC };

static void or_rest(struct sct_out *o, unsigned rest)
{
	if (!rest)
		return;
	sct_out_putc(o, '|');
	sct_out_hex(o, rest);
	sct_out_puts(o, " /* BPF_??? */");
}

static void code(struct sct_out *o, uint16_t c)
{
	unsigned cls = c & 7, rest = c & ~7u;

	sct_print_xval(o, X(bpf_class), cls, "BPF_???");
	switch (cls) {
	case ST: case STX:
		or_rest(o, rest);
		break;
	case LD: case LDX:
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_size), c & 0x18, "BPF_???");
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_mode), c & 0xe0, "BPF_???");
		break;
	case MISC:
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_miscop), c & 0xf8, "BPF_???");
		or_rest(o, rest & ~0xf8u);
		break;
	case ALU: case JMP:
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_src), c & 0x08, "BPF_???");
		sct_out_putc(o, '|');
		sct_print_xval(o, cls == ALU ? X(bpf_op_alu) : X(bpf_op_jmp), c & 0xf0, "BPF_???");
		break;
	case RET:
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_rval), c & 0x18, "BPF_???");
		or_rest(o, rest & ~0x18u);
		break;
	}
}

/* a socket filter's absolute load from an ancillary, network or link offset */
static int sock_k(struct sct_out *o, uint16_t c, uint32_t k)
{
	static const struct { uint32_t off; const char *name; int ad; } bases[] = {
		{ 0xfffff000u, "SKF_AD_OFF", 1 },	/* -0x1000 */
		{ 0xfff00000u, "SKF_NET_OFF", 0 },	/* -0x100000 */
		{ 0xffe00000u, "SKF_LL_OFF", 0 },	/* -0x200000 */
	};

	if ((c & 7) != LD || (c & 0xe0) != 0x20)	/* BPF_LD, BPF_ABS */
		return 0;
	for (unsigned b = 0; b < 3; b++) {
		if (k < bases[b].off)
			continue;
		sct_print_named(o, bases[b].off, 0, bases[b].name);
		sct_out_putc(o, '+');
		if (bases[b].ad)
			sct_print_xval(o, X(skf_ad), k - bases[b].off, "SKF_AD_???");
		else
			sct_out_udec(o, k - bases[b].off);
		return 1;
	}
	return 0;
}

void sct_print_bpf_insn(struct sct_out *o, const unsigned char *insn, int sock)
{
	uint16_t c;
	uint32_t k;

	memcpy(&c, insn, 2);
	memcpy(&k, insn + 4, 4);
	if (insn[2] || insn[3]) {	/* jt, jf */
		sct_out_puts(o, "BPF_JUMP(");
		code(o, c);
		sct_out_puts(o, ", ");
		sct_out_hex(o, k);
		sct_out_puts(o, ", ");
		sct_out_hex(o, insn[2]);
		sct_out_puts(o, ", ");
		sct_out_hex(o, insn[3]);
		sct_out_putc(o, ')');
		return;
	}
	sct_out_puts(o, "BPF_STMT(");
	code(o, c);
	sct_out_puts(o, ", ");
	if (!sock || !sock_k(o, c, k))
		sct_out_hex(o, k);
	sct_out_putc(o, ')');
}

void sct_print_bpf_insns(struct sct_out *o, const unsigned char *p, size_t have, uint64_t count)
{
	sct_out_putc(o, '[');
	for (uint64_t k = 0; k < count; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= 4096 || (k + 1) * 8 > have) {
			sct_out_puts(o, "...");
			break;
		}
		sct_print_bpf_insn(o, p + k * 8, 1);
	}
	sct_out_putc(o, ']');
}

/* One eBPF struct bpf_insn (8 bytes) as strace prints it: {code=BPF_ALU64|BPF_K|BPF_MOV,
 * dst_reg=BPF_REG_1, src_reg=BPF_REG_0, off=0, imm=0}; the code as a classic one but
 * for eBPF's classes (BPF_JMP32, BPF_ALU64), sizes (BPF_DW) and modes */
void sct_print_ebpf_insn(struct sct_out *o, const unsigned char *insn)
{
	uint16_t c = insn[0];
	unsigned cls = c & 7;
	int16_t off;
	uint32_t imm;

	memcpy(&off, insn + 2, 2);
	memcpy(&imm, insn + 4, 4);
	sct_out_puts(o, "{code=");
	sct_print_xval(o, X(ebpf_class), cls, "BPF_???");
	switch (cls) {
	case LD: case LDX: case ST: case STX:
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_size), c & 0x18, "BPF_???");
		sct_out_putc(o, '|');
		sct_print_xval(o, X(ebpf_mode), c & 0xe0, "BPF_???");
		break;
	case ALU: case JMP: case MISC:		/* MISC: BPF_ALU64 */
		sct_out_putc(o, '|');
		sct_print_xval(o, X(bpf_src), c & 0x08, "BPF_???");
		sct_out_putc(o, '|');
		sct_print_xval(o, cls == JMP ? X(bpf_op_jmp) : X(bpf_op_alu), c & 0xf0, "BPF_???");
		break;
	}
	sct_out_puts(o, ", dst_reg=");
	sct_print_xval(o, X(ebpf_regs), insn[1] & 15, "BPF_REG_???");
	sct_out_puts(o, ", src_reg=");
	sct_print_xval(o, X(ebpf_regs), insn[1] >> 4, "BPF_REG_???");
	sct_out_puts(o, ", off=");
	sct_out_dec(o, off);
	sct_out_puts(o, ", imm=");
	sct_out_hex(o, imm);
	sct_out_putc(o, '}');
}
