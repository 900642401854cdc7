/* Descriptors as arguments and results: 3, AT_FDCWD, and with -y what each named at
 * the call (3</dev/null>, -yy's device numbers and socket addresses) from the
 * record's SCT_BLOB_FDPATH entries (preload/fdpath.c); and -P, which keeps the calls
 * that name a traced path through an argument or a descriptor. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

/* --- -y: what a descriptor named (SCT_BLOB_FDPATH, preload/fdpath.c) ------------ */

/* Bytes after an entry's header: its path, and the socket's details with -yy */
static size_t ent_span(const struct sct_fdpath_ent *e)
{
	return sct_align8(e->len) + (e->pad & SCT_FDP_SOCK ? sizeof(struct sct_fdpath_sock) : 0);
}

/* -yy: TCP:[127.0.0.1:80->127.0.0.1:4242], TCPv6:[[::1]:80], UDP:[1234] (strace's
 * forms from sock_diag; the inode when it would list nothing) */
static void print_sock(struct sct_out *o, const struct sct_fdpath_sock *k,
		       const unsigned char *path, uint32_t len)
{
	const char *ob = k->family == 10 ? "[" : "", *cb = k->family == 10 ? "]" : "";

	sct_out_write(o, k->proto, strnlen(k->proto, sizeof(k->proto)));
	sct_out_puts(o, ":[");
	if (k->family == 16) {		/* AF_NETLINK: NETLINK:[SOCK_DIAG:1234] */
		const char *name = sct_xlat_find(sct_xlat_tabs[SCT_XLAT_nl_protocols].x, k->dport);
		uint32_t portid;
		memcpy(&portid, k->src, sizeof(portid));
		if (name && !strncmp(name, "NETLINK_", 8))
			sct_out_puts(o, name + 8);
		else
			sct_out_udec(o, k->dport);
		sct_out_putc(o, ':');
		sct_out_udec(o, portid);
		sct_out_putc(o, ']');
		return;
	}
	if (!k->family) {
		/* socket:[1234] -> 1234; a bound UNIX socket's name: ,"/tmp/s" or ,@"abstract" */
		size_t n = k->unix_len < sizeof(k->unix_path) ? k->unix_len : sizeof(k->unix_path);
		const unsigned char *u = (const unsigned char *)k->unix_path;
		sct_out_write(o, (const char *)path + 8, len - 9);
		if (n) {
			sct_out_putc(o, ',');
			if (!u[0]) {
				sct_out_putc(o, '@');
				u++, n--;
			}
			/* strace's string_quote(QUOTE_0_TERMINATED): up to the first NUL */
			size_t z = 0;
			while (z < n && u[z])
				z++;
			sct_print_quoted(o, u, z, z, 0);
		}
		sct_out_putc(o, ']');
		return;
	}
	sct_out_puts(o, ob);
	sct_print_inet_addr(o, k->family, k->src);
	sct_out_puts(o, cb);
	sct_out_putc(o, ':');
	sct_out_udec(o, k->sport);
	if (k->has_dst) {
		sct_out_puts(o, "->");
		sct_out_puts(o, ob);
		sct_print_inet_addr(o, k->family, k->dst);
		sct_out_puts(o, cb);
		sct_out_putc(o, ':');
		sct_out_udec(o, k->dport);
	}
	sct_out_putc(o, ']');
}

/* Entry for fd in the FDPATH blob of argument arg; its path in *path. */
static const struct sct_fdpath_ent *fdpath_find(const struct sct_rec *r, unsigned arg, int64_t fd,
						const unsigned char **path)
{
	const struct sct_blob *b = sct_rec_blob(r, arg, SCT_BLOB_FDPATH);
	const unsigned char *p, *end;

	if (!b)
		return NULL;
	p = sct_blob_data(b);
	end = p + b->len;
	while ((size_t)(end - p) >= sizeof(struct sct_fdpath_ent)) {
		struct sct_fdpath_ent e;
		memcpy(&e, p, sizeof(e));
		p += sizeof(e);
		if (e.len > (size_t)(end - p))
			return NULL;
		if ((e.pad & SCT_FDP_SOCK) &&
		    sct_align8(e.len) + sizeof(struct sct_fdpath_sock) > (size_t)(end - p))
			return NULL;
		if (e.fd == fd) {
			*path = p;
			return (const struct sct_fdpath_ent *)(p - sizeof(e));
		}
		p += ent_span(&e);
	}
	return NULL;
}

/* <path> after a descriptor's number (or after AT_FDCWD) */
static void print_fd_info(const struct sct_dec *d, unsigned arg, int64_t fd)
{
	struct sct_out *o = d->o;
	const struct sct_fdpath_ent *ep;
	struct sct_fdpath_ent e;
	const unsigned char *path;

	if (!d->f->decode_fds || !(ep = fdpath_find(d->r, arg, fd, &path)))
		return;
	memcpy(&e, ep, sizeof(e));
	/* strace's printfd_pid, in its order: a socket's details (its path when there are
	 * none), a device's numbers, a pidfd's process, each with its own part of
	 * --decode-fds; else the path with "path" */
	if (e.len > 9 && !memcmp(path, "socket:[", 8) && path[e.len - 1] == ']' &&
	    (d->f->decode_fds & SCT_DECODE_FD_SOCKET)) {
		sct_out_putc(o, '<');
		struct sct_fdpath_sock k;
		struct sct_sock_cache *c = NULL;
		uint64_t inode = 0;

		for (uint32_t j = 8; j + 1 < e.len && path[j] >= '0' && path[j] <= '9'; j++)
			inode = inode * 10 + (uint64_t)(path[j] - '0');
		if (d->f->sock_cache)
			c = &d->f->sock_cache[inode % SCT_SOCK_CACHE];
		if (c && inode && c->inode == inode) {
			print_sock(o, &c->k, path, e.len);	/* as strace first saw it */
			sct_out_putc(o, '>');
			return;
		}
		if (e.pad & SCT_FDP_SOCK) {
			memcpy(&k, path + sct_align8(e.len), sizeof(k));
			if (k.proto[0] && (k.family == 0 || k.family == 2 || k.family == 10 ||
					   k.family == 16)) {
				if (c && inode && (k.family || k.unix_len)) {	/* what strace caches */
					c->inode = inode;
					c->k = k;
				}
				print_sock(o, &k, path, e.len);
				sct_out_putc(o, '>');
				return;
			}
		}
		sct_out_write(o, (const char *)path, e.len);
		sct_out_putc(o, '>');
		return;
	}
	if ((d->f->decode_fds & SCT_DECODE_FD_DEV) && (e.dev_type == 'c' || e.dev_type == 'b')) {
		sct_out_putc(o, '<');
		sct_print_quoted_ex(o, path, e.len, e.len, 0, SCT_QUOTE_BARE | SCT_QUOTE_ANGLES);
		sct_out_puts(o, e.dev_type == 'c' ? "<char " : "<block ");
		sct_out_udec(o, e.dev_major);
		sct_out_putc(o, ':');
		sct_out_udec(o, e.dev_minor);
		sct_out_puts(o, ">>");
		return;
	}
	if ((d->f->decode_fds & SCT_DECODE_FD_PIDFD) && e.len == 18 &&
	    !memcmp(path, "anon_inode:[pidfd]", 18)) {
		if (e.dev_type == 'p') {
			sct_out_puts(o, "<pid:");
			sct_out_udec(o, e.dev_major);
		} else {
			sct_out_puts(o, "<anon_inode:[pidfd]");
		}
		sct_out_putc(o, '>');
		return;
	}
	if (!(d->f->decode_fds & SCT_DECODE_FD_PATH))
		return;
	sct_out_putc(o, '<');
	sct_print_quoted_ex(o, path, e.len, e.len, 0, SCT_QUOTE_BARE | SCT_QUOTE_ANGLES);
	sct_out_putc(o, '>');
	if (e.pad & SCT_FDP_DELETED)
		sct_out_puts(o, "(deleted)");
}

void sct_print_fd(const struct sct_dec *d, unsigned arg, int64_t fd)
{
	sct_out_dec(d->o, fd);
	print_fd_info(d, arg, fd);
}

int sct_dec_fd(const struct sct_dec *d, unsigned i)
{
	sct_print_fd(d, i, (int32_t)d->r->arg[i]);
	return 0;
}

int sct_dec_dirfd(const struct sct_dec *d, unsigned i)
{
	int32_t fd = (int32_t)d->r->arg[i];

	if (fd != -100) {
		sct_print_fd(d, i, fd);
		return 0;
	}
	/* -y: AT_FDCWD</home/me>, the working directory at the call */
	sct_print_named(d->o, fd, 1, "AT_FDCWD");
	print_fd_info(d, i, fd);
	return 0;
}

/* --- -P PATH ------------------------------------------------------------------- */

static int is_traced(const struct sct_fmt_opts *f, const unsigned char *p, size_t n)
{
	for (unsigned i = 0; i < f->npaths; i++)
		if (strlen(f->paths[i]) == n && !memcmp(f->paths[i], p, n))
			return 1;
	return 0;
}

/* Does any entry of argument arg's FDPATH blob name a traced path? (poll, select) */
static int any_traced(const struct sct_rec *r, unsigned arg, const struct sct_fmt_opts *f)
{
	const struct sct_blob *b = sct_rec_blob(r, arg, SCT_BLOB_FDPATH);
	const unsigned char *p, *end;

	if (!b)
		return 0;
	p = sct_blob_data(b);
	end = p + b->len;
	while ((size_t)(end - p) >= sizeof(struct sct_fdpath_ent)) {
		struct sct_fdpath_ent e;
		memcpy(&e, p, sizeof(e));
		p += sizeof(e);
		if (e.len > (size_t)(end - p))
			return 0;
		if (is_traced(f, p, e.len))
			return 1;
		p += ent_span(&e);
	}
	return 0;
}

/* strace's pathtrace_match_set: a call of the file, desc or network classes whose
 * path argument is PATH, or whose descriptor argument names it (as it was at the
 * call), poll's and select's descriptors included; rename looks at its first path only, symlink and symlinkat not at the
 * link's target, as strace does. */
int sct_names_traced_path(const struct sct_rec *r, const struct sct_call *c,
			  const struct sct_fmt_opts *f)
{
	unsigned from = 0, to;

	if (!c || !(c->classes & (SCT_C(FILE) | SCT_C(DESC) | SCT_C(NETWORK))))
		return 0;
	to = c->nargs;
	if (!strcmp(c->name, "rename"))
		to = 1;
	else if (!strcmp(c->name, "fsconfig")) {
		/* strace: FSCONFIG_SET_PATH*'s path and dirfd, FSCONFIG_SET_FD's fd only */
		uint32_t cmd = (uint32_t)r->arg[1];
		const struct sct_blob *b = sct_rec_blob(r, 3, SCT_BLOB_IN);
		const unsigned char *path;
		const struct sct_fdpath_ent *e;
		uint32_t len;

		if ((cmd == 3 || cmd == 4) && b && !(b->flags & SCT_BF_TRUNC) &&
		    is_traced(f, sct_blob_data(b), strnlen((const char *)sct_blob_data(b), b->len)))
			return 1;
		if (cmd < 3 || cmd > 5 || (int32_t)r->arg[4] < 0 ||
		    !(e = fdpath_find(r, 4, (int32_t)r->arg[4], &path)))
			return 0;
		memcpy(&len, &e->len, sizeof(len));
		return is_traced(f, path, len);
	}
	else if (!strcmp(c->name, "symlink") || !strcmp(c->name, "symlinkat"))
		from = 1;
	for (unsigned i = from; i < to && i < SCT_MAX_ARGS; i++) {
		const struct sct_blob *b;
		const unsigned char *path;
		const struct sct_fdpath_ent *e;
		uint32_t len;

		switch (c->arg[i].kind) {
		case SCT_K_PATH:
			b = sct_rec_blob(r, i, SCT_BLOB_IN);
			if (b && !(b->flags & SCT_BF_TRUNC) && is_traced(f, sct_blob_data(b), b->len))
				return 1;
			break;
		case SCT_K_FD:
		case SCT_K_FD_PRE:
		case SCT_K_DIRFD:
			/* not AT_FDCWD: strace reads /proc/PID/fd/-100, which is nothing */
			if ((int32_t)r->arg[i] < 0)
				break;
			e = fdpath_find(r, i, (int32_t)r->arg[i], &path);
			if (e) {
				memcpy(&len, &e->len, sizeof(len));
				if (is_traced(f, path, len))
					return 1;
			}
			break;
		case SCT_K_POLLFDS:
		case SCT_K_FDSET:
			if (any_traced(r, i, f))
				return 1;
			break;
		}
	}
	return 0;
}
