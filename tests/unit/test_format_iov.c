/* iovec arrays and msghdrs (readv/writev, sendmsg/recvmsg): records built by hand,
 * compared with the lines strace 6.1 printed on this machine (Debian 12, x86-64)
 * for small programs that made the same calls (strace -o out ./prog). */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_writev = { "writev", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(IOV_IN, 2), A(INT, NOAUX) } };
static const struct sct_call c_readv = { "readv", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(IOV_OUT, 2), A(INT, NOAUX) } };
static const struct sct_call c_sendmsg = { "sendmsg", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(MSG_IN, NOAUX), A(MSGFLAGS, NOAUX) } };
static const struct sct_call c_recvmsg = { "recvmsg", 0, 3, SCT_R_INT,
	{ A(FD, NOAUX), A(MSG_OUT, NOAUX), A(MSGFLAGS, NOAUX) } };

#define STACK 0x7ffcd164dde4ull

/* --- an iovec blob, built element by element ------------------------------------- */

struct vb {
	_Alignas(8) unsigned char b[4096];
	uint32_t len;
};

static void vb_add(struct vb *v, uint64_t base, uint64_t len, const void *data, uint32_t cap,
		   uint32_t flags)
{
	unsigned char *p = v->b + v->len;

	memcpy(p, &base, 8);
	memcpy(p + 8, &len, 8);
	memcpy(p + 16, &cap, 4);
	memcpy(p + 20, &flags, 4);
	memset(p + 24, 0, sct_align8(cap));
	memcpy(p + 24, data, cap);
	v->len += 24 + sct_align8(cap);
}

Test(format_iov, writev_readv)
{
	static struct vb v;
	static const char digits[] = "0123456789012345678901234567890123456789";

	/* writev(p[1], v, 3) */
	v.len = 0;
	vb_add(&v, 0x1000, 2, "ab", 2, 0);
	vb_add(&v, 0x2000, 1, "c", 1, 0);
	vb_add(&v, 0x3000, 40, digits, 33, SCT_BF_TRUNC);
	trec_init(&t, 43, 4, STACK, 3, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(4, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=1}, {iov_base=\"01234567890123456789012345678901\"..., iov_len=40}], 3) = 43\n");
	trec_init(&t, -9, 99, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(99, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=1}], 2) = -1 EBADF (Bad file descriptor)\n");
	trec_init(&t, 0, 4, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_writev), "writev(4, [], 0)                        = 0\n");
	trec_init(&t, -14, 4, 0, 2, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(4, NULL, 2)                      = -1 EFAULT (Bad address)\n");
	v.len = 0;
	vb_add(&v, 0, 0, "", 0, 0);
	vb_add(&v, 0x1000, 1, "x", 1, 0);
	trec_init(&t, 1, 4, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(4, [{iov_base=NULL, iov_len=0}, {iov_base=\"x\", iov_len=1}], 2) = 1\n");

	/* 40 elements: the first 32, then "..." */
	v.len = 0;
	for (int k = 0; k < 40; k++)
		vb_add(&v, 0x1000, 1, "z", 1, 0);
	trec_init(&t, 40, 4, STACK, 40, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, 0);
	{
		char want[2048] = "writev(4, [";

		for (int k = 0; k < 32; k++)
			strcat(want, k ? ", {iov_base=\"z\", iov_len=1}" : "{iov_base=\"z\", iov_len=1}");
		strcat(want, ", ...], 40) = 40\n");
		cr_assert_str_eq(trec_line(&t, &c_writev), want);
	}

	/* readv(3, [4, 100], 2) = 86 after "ab" "c" digits... were written */
	v.len = 0;
	vb_add(&v, 0x7fff9c14f7cc, 4, "abca", 4, 0);
	vb_add(&v, 0x7fff9c14f760, 100, "bc012345678901234567890123456789012", 33, SCT_BF_TRUNC);
	trec_init(&t, 86, 3, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, v.b, v.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_readv),
			 "readv(3, [{iov_base=\"abca\", iov_len=4}, {iov_base=\"bc012345678901234567890123456789\"..., iov_len=100}], 2) = 86\n");
	/* preadv(5, [4, 100], 2, 0) = 8: only what was read */
	v.len = 0;
	vb_add(&v, 0x1000, 4, "\0\0\0\0", 4, 0);
	vb_add(&v, 0x2000, 100, "\0abc", 4, SCT_BF_TRUNC);	/* as capture.c flags it */
	trec_init(&t, 8, 5, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, v.b, v.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_readv, 1),
			 "[{iov_base=\"\\0\\0\\0\\0\", iov_len=4}, {iov_base=\"\\0abc\", iov_len=100}]");
	/* a failed readv shows the buffers' addresses when the array was captured */
	v.len = 0;
	vb_add(&v, 0x7ffd160d0e1c, 4, "", 0, 0);
	vb_add(&v, 0x7ffd160d0db0, 100, "", 0, 0);
	trec_init(&t, -11, 3, STACK, 2, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_readv),
			 "readv(3, [{iov_base=0x7ffd160d0e1c, iov_len=4}, {iov_base=0x7ffd160d0db0, iov_len=100}], 2) = -1 EAGAIN (Resource temporarily unavailable)\n");
}

/* --- msghdr ------------------------------------------------------------------------- */

struct mb {
	_Alignas(8) unsigned char b[4096];
	uint32_t len;
};

/* msghdr blob: raw msghdr, captured sizes, name, control, iovec blob */
static void mb_build(struct mb *m, uint64_t name, uint32_t namelen, const void *nbytes,
		     uint32_t ncap, uint64_t iovlen, uint64_t ctl, uint64_t ctllen,
		     const void *cbytes, uint32_t ccap, int32_t flags, const struct vb *v)
{
	uint64_t iov = v ? 0x7ffe0000 : 0;

	memset(m, 0, sizeof(*m));
	memcpy(m->b + 0, &name, 8);
	memcpy(m->b + 8, &namelen, 4);
	memcpy(m->b + 16, &iov, 8);
	memcpy(m->b + 24, &iovlen, 8);
	memcpy(m->b + 32, &ctl, 8);
	memcpy(m->b + 40, &ctllen, 8);
	memcpy(m->b + 48, &flags, 4);
	memcpy(m->b + 56, &ncap, 4);
	memcpy(m->b + 60, &ccap, 4);
	m->len = 64;
	memcpy(m->b + m->len, nbytes, ncap);
	m->len += sct_align8(ncap);
	memcpy(m->b + m->len, cbytes, ccap);
	m->len += sct_align8(ccap);
	if (v) {
		memcpy(m->b + m->len, v->b, v->len);
		m->len += v->len;
	}
}

static void cmsg(unsigned char *p, uint64_t len, int32_t level, int32_t type, const void *data,
		 size_t n)
{
	memcpy(p, &len, 8);
	memcpy(p + 8, &level, 4);
	memcpy(p + 12, &type, 4);
	memcpy(p + 16, data, n);
}

Test(format_iov, sendmsg)
{
	static struct vb v;
	static struct mb m;
	unsigned char c[64], a[16];
	int32_t fds[2] = { 3, 4 };
	int32_t cred[3] = { 13907, 0, 0 };

	v.len = 0;
	vb_add(&v, 0x1000, 2, "ab", 2, 0);
	vb_add(&v, 0x2000, 1, "c", 1, 0);
	mb_build(&m, 0, 0, "", 0, 2, 0, 0, "", 0, 0, &v);
	trec_init(&t, 3, 6, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendmsg),
			 "sendmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=1}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 3\n");

	memset(c, 0, sizeof(c));
	cmsg(c, 24, 1, 1, fds, 8);
	mb_build(&m, 0, 0, "", 0, 2, STACK + 256, 24, c, 24, 0, &v);
	trec_init(&t, 3, 6, STACK, 0x40, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendmsg),
			 "sendmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=1}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3, 4]}], msg_controllen=24, msg_flags=0}, MSG_DONTWAIT) = 3\n");

	v.len = 0;
	vb_add(&v, 0x1000, 11, "hello world", 11, 0);
	memset(c, 0, sizeof(c));
	cmsg(c, 28, 1, 2, cred, 12);
	mb_build(&m, 0, 0, "", 0, 1, STACK + 256, 32, c, 32, 0, &v);
	trec_init(&t, 11, 4, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendmsg, 1),
			 "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello world\", iov_len=11}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=13907, uid=0, gid=0}}], msg_controllen=32, msg_flags=0}");

	memset(c, 0, sizeof(c));
	cmsg(c, 19, 0, 1, "abc", 3);
	mb_build(&m, 0, 0, "", 0, 1, STACK + 256, 24, c, 24, 0, &v);
	trec_init(&t, 11, 4, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendmsg, 1),
			 "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello world\", iov_len=11}], msg_iovlen=1, msg_control=[{cmsg_len=19, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x61, 0x62, 0x63]}], msg_controllen=24, msg_flags=0}");

	/* two SCM_RIGHTS messages */
	memset(c, 0, sizeof(c));
	cmsg(c, 20, 1, 1, &fds[0], 4);
	cmsg(c + 24, 20, 1, 1, "\2\0\0\0", 4);
	mb_build(&m, 0, 0, "", 0, 1, 0x7ffe2198bf00, 48, c, 48, 0, &v);
	trec_init(&t, 11, 4, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendmsg, 1),
			 "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello world\", iov_len=11}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}, {cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[2]}], msg_controllen=48, msg_flags=0}");

	/* too short a control buffer, and a NULL one */
	mb_build(&m, 0, 0, "", 0, 1, 0x7ffe2198bf00, 8, c, 8, 0, &v);
	trec_init(&t, 11, 4, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendmsg, 1),
			 "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello world\", iov_len=11}], msg_iovlen=1, msg_control=0x7ffe2198bf00, msg_controllen=8, msg_flags=0}");
	mb_build(&m, 0, 0, "", 0, 1, 0, 24, "", 0, 0, &v);
	trec_init(&t, -14, 4, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_sendmsg, 1),
			 "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello world\", iov_len=11}], msg_iovlen=1, msg_control=NULL, msg_controllen=24, msg_flags=0}");

	/* with a name and msg_flags set by the caller */
	mk_sin(a, 9, 127, 0, 0, 1);
	v.len = 0;
	vb_add(&v, 0x1000, 2, "ab", 2, 0);
	mb_build(&m, STACK + 512, 16, a, 16, 1, 0, 0, "", 0, 0x20, &v);
	trec_init(&t, 2, 11, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, m.b, m.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendmsg),
			 "sendmsg(11, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16, msg_iov=[{iov_base=\"ab\", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 2\n");

	trec_init(&t, -14, 3, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_sendmsg),
			 "sendmsg(3, NULL, 0)                     = -1 EFAULT (Bad address)\n");
}

Test(format_iov, recvmsg)
{
	static struct vb v;
	static struct mb in, out;
	unsigned char a[16], c[24];
	int32_t fds[2] = { 8, 9 };

	/* recvmsg(7, {... iov_len=8 ...}, 0) = 3 */
	v.len = 0;
	vb_add(&v, 0x1000, 8, "abc", 3, SCT_BF_TRUNC);
	mb_build(&out, 0, 0, "", 0, 1, 0, 0, "", 0, 0, &v);
	trec_init(&t, 3, 7, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, out.b, out.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvmsg),
			 "recvmsg(7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 3\n");

	memset(c, 0, sizeof(c));
	cmsg(c, 24, 1, 1, fds, 8);
	mb_build(&out, 0, 0, "", 0, 1, STACK + 256, 24, c, 24, 0x40000000, &v);
	trec_init(&t, 3, 7, STACK, 0x40000000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, out.b, out.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvmsg),
			 "recvmsg(7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=8}], msg_iovlen=1, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[8, 9]}], msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC) = 3\n");

	/* a name whose length changed: needs the msghdr as passed in too */
	mk_sin(a, 43440, 127, 0, 0, 1);
	v.len = 0;
	vb_add(&v, 0x1000, 4, "hell", 4, 0);
	mb_build(&in, STACK + 512, 128, "", 0, 1, 0, 0, "", 0, 0, NULL);
	mb_build(&out, STACK + 512, 16, a, 16, 1, 0, 0, "", 0, 0x20, &v);
	trec_init(&t, 4, 3, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, in.b, in.len, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, out.b, out.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvmsg),
			 "recvmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(43440), sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=128 => 16, msg_iov=[{iov_base=\"hell\", iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 4\n");
	/* ... and a buffer too small for the name */
	mb_build(&in, STACK + 512, 4, "", 0, 1, 0, 0, "", 0, 0, NULL);
	mb_build(&out, STACK + 512, 16, a, 4, 1, 0, 0, "", 0, 0x20, &v);
	trec_init(&t, 4, 3, STACK, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, in.b, in.len, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, out.b, out.len, 0);
	cr_assert_str_eq(trec_arg(&t, &c_recvmsg, 1),
			 "{msg_name={sa_family=AF_INET, sa_data=\"\\251\\260\"}, msg_namelen=4 => 16, msg_iov=[{iov_base=\"hell\", iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}");

	/* failures show the length passed in */
	mb_build(&in, STACK + 512, 128, "", 0, 1, 0, 0, "", 0, 0, NULL);
	trec_init(&t, -11, 3, STACK, 0x40, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, in.b, in.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvmsg),
			 "recvmsg(3, {msg_namelen=128}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)\n");
	trec_init(&t, -14, 3, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_recvmsg),
			 "recvmsg(3, NULL, 0)                     = -1 EFAULT (Bad address)\n");
}

/* An array the capture could not read to its end: strace's "... / * 0xADDR * /" after
 * the elements it read, the array's address when not even the first could be read,
 * and a buffer it could not read as its address (check-strace pwritev, printstr). */
Test(format_iov, unreadable_elements)
{
	static struct vb v;

	v.len = 0;
	vb_add(&v, 0x1000, 2, "ab", 2, 0);
	vb_add(&v, 0x2000, 1, "c", 1, 0);
	trec_init(&t, -14, 4, 0x5000, 4, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, SCT_BF_FAULT);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(4, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=1}, ... /* 0x5020 */], 4) = -1 EFAULT (Bad address)\n");
	trec_init(&t, -14, 4, 0x5000, 4, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, 0, SCT_BF_FAULT);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(4, 0x5000, 4)                    = -1 EFAULT (Bad address)\n");
	/* the element at index -s is read before -s is looked at */
	v.len = 0;
	for (int k = 0; k < 32; k++)
		vb_add(&v, 0x1000, 1, "z", 1, 0);
	trec_init(&t, -14, 4, 0x5000, 33, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, SCT_BF_FAULT);
	cr_assert(strstr(trec_line(&t, &c_writev), "iov_len=1}, ... /* 0x5200 */], 33) = -1 EFAULT"));
	v.len = 0;
	vb_add(&v, 0x7000, (uint64_t)-1, "", 0, SCT_BF_TRUNC | SCT_BF_FAULT);
	trec_init(&t, -9, 4, 0x5000, 1, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, v.b, v.len, 0);
	cr_assert_str_eq(trec_line(&t, &c_writev),
			 "writev(4, [{iov_base=0x7000, iov_len=18446744073709551615}], 1) = -1 EBADF (Bad file descriptor)\n");
}
