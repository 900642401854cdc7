/* SCTRACE_INJECT: the -e inject=/-e fault= rules as the runner hands them to the
 * library (format/inject.h).  The library decodes it in its constructor, before the
 * program runs: plain C, no allocation. */
#include <stdio.h>
#include <string.h>
#include "injectset.h"

static const char hexd[] = "0123456789abcdef";

int sct_inject_encode(const struct sct_inject_set *s, char *out, size_t outlen)
{
	size_t n = 0;

	if (outlen < SCT_MAX_CALLS + 1)
		return -1;
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++)
		out[n++] = s->of[i] ? (char)('a' + s->of[i] - 1) : '.';
	for (unsigned r = 0; r < s->n; r++) {
		const struct sct_inject_rule *u = &s->rule[r];
		int k = snprintf(out + n, outlen - n, ";%x,%x,%x,%x,%x,%x,%llx,%llx,%llx",
				 (unsigned)u->flags, u->first, u->last, u->step,
				 (unsigned)(uint16_t)u->sub, (unsigned)u->signo,
				 (unsigned long long)u->val, (unsigned long long)u->delay_enter_ns,
				 (unsigned long long)u->delay_exit_ns);
		if (k < 0 || (size_t)k >= outlen - n)
			return -1;
		n += (size_t)k;
		for (unsigned p = 0; p < u->npokes; p++) {
			const struct sct_inject_poke *pk = &u->poke[p];
			if (n + 8 + 2u * pk->len >= outlen)
				return -1;
			n += (size_t)snprintf(out + n, outlen - n, ",%u/%u/", pk->exit, pk->arg);
			for (unsigned b = 0; b < pk->len; b++) {
				out[n++] = hexd[u->data[pk->off + b] >> 4];
				out[n++] = hexd[u->data[pk->off + b] & 15];
			}
		}
	}
	out[n] = '\0';
	return (int)n;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A hex number up to the next ',' ';' '/' or the end. */
static int hex_field(const char **pp, uint64_t *out)
{
	const char *p = *pp;
	uint64_t v = 0;
	int d, n = 0;

	while ((d = hexval(*p)) >= 0 && n < 16) {
		v = v << 4 | (uint64_t)d;
		p++;
		n++;
	}
	if (!n || (*p && *p != ',' && *p != ';' && *p != '/'))
		return -1;
	*out = v;
	*pp = p;
	return 0;
}

static int decode_pokes(struct sct_inject_rule *u, const char **pp)
{
	const char *p = *pp;
	uint64_t exit, arg;

	while (*p == ',') {
		struct sct_inject_poke *pk;
		p++;
		if (u->npokes >= SCT_INJECT_POKES || hex_field(&p, &exit) < 0 || *p++ != '/' ||
		    hex_field(&p, &arg) < 0 || *p++ != '/' || exit > 1 || arg < 1 || arg > 7)
			return -1;
		pk = &u->poke[u->npokes++];
		pk->exit = (uint8_t)exit;
		pk->arg = (uint8_t)arg;
		pk->off = u->poke_bytes;
		pk->len = 0;
		while (hexval(p[0]) >= 0 && hexval(p[1]) >= 0) {
			if (u->poke_bytes >= SCT_INJECT_POKE_MAX)
				return -1;
			u->data[u->poke_bytes++] = (uint8_t)(hexval(p[0]) << 4 | hexval(p[1]));
			pk->len++;
			p += 2;
		}
	}
	*pp = p;
	return 0;
}

int sct_inject_decode(struct sct_inject_set *s, const char *v)
{
	const char *p = v;
	uint64_t f[9];

	memset(s, 0, sizeof(*s));
	if (strlen(v) < SCT_MAX_CALLS)
		goto bad;
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++, p++) {
		if (*p == '.')
			continue;
		if (*p < 'a' || *p >= 'a' + SCT_INJECT_MAX)
			goto bad;
		s->of[i] = (uint8_t)(*p - 'a' + 1);
	}
	while (*p == ';') {
		struct sct_inject_rule *u;
		if (s->n >= SCT_INJECT_MAX)
			goto bad;
		u = &s->rule[s->n++];
		p++;
		for (unsigned k = 0; k < 9; k++)
			if ((k && *p++ != ',') || hex_field(&p, &f[k]) < 0)
				goto bad;
		u->flags = (uint32_t)f[0];
		u->first = (uint16_t)f[1];
		u->last = (uint16_t)f[2];
		u->step = (uint16_t)f[3];
		u->sub = (int16_t)(uint16_t)f[4];
		u->signo = (int32_t)f[5];
		u->val = f[6];
		u->delay_enter_ns = f[7];
		u->delay_exit_ns = f[8];
		if (decode_pokes(u, &p) < 0)
			goto bad;
	}
	if (*p)
		goto bad;
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++)
		if (s->of[i] > s->n)
			goto bad;
	return 0;
bad:
	memset(s, 0, sizeof(*s));
	return -1;
}
