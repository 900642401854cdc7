/* Parser for gen/syscalls.spec.  Every error names the file and line. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "spec.h"
#include "kinds.h"

struct parser {
	struct spec *s;
	const char *path;
	int line;
	char *err;
	size_t errlen;
};

static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(p->err, p->errlen, "%s:%d: ", p->path, p->line);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < p->errlen)
		vsnprintf(p->err + n, p->errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

char *spec_dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (!d) {
		perror("sctgen");
		exit(1);
	}
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

/* Copy of s[0..n) without leading/trailing blanks. */
static char *trimdup(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return spec_dupn(s, n);
}

static const char *skipws(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Position of the ')' closing the '(' at s, honouring nesting and C quotes. */
static const char *match_paren(const char *s)
{
	int depth = 0;
	char q = 0;

	for (; *s; s++) {
		if (q) {
			if (*s == '\\' && s[1])
				s++;
			else if (*s == q)
				q = 0;
		} else if (*s == '"' || *s == '\'') {
			q = *s;
		} else if (*s == '(') {
			depth++;
		} else if (*s == ')' && --depth == 0) {
			return s;
		}
	}
	return NULL;
}

/* Split "a, f(b, c), d" at top-level commas; returns the count or -1. */
static int split_args(const char *s, size_t n, char **out, int max)
{
	int cnt = 0, depth = 0;
	char q = 0;
	const char *start, *end;

	while (n && isspace((unsigned char)*s))
		s++, n--;
	if (n == 0)
		return 0;
	start = s;
	end = s + n;
	for (const char *c = s; c <= end; c++) {
		if (c < end && q) {
			if (*c == '\\' && c + 1 < end)
				c++;
			else if (*c == q)
				q = 0;
			continue;
		}
		if (c < end && (*c == '"' || *c == '\'')) {
			q = *c;
		} else if (c < end && (*c == '(' || *c == '[' || *c == '{')) {
			depth++;
		} else if (c < end && (*c == ')' || *c == ']' || *c == '}')) {
			depth--;
		} else if (c == end || (*c == ',' && depth == 0)) {
			if (cnt == max)
				return -1;
			out[cnt++] = trimdup(start, c - start);
			start = c + 1;
		}
	}
	return cnt;
}

int spec_kind_lookup(const char *name)
{
#define K(id, nm, cap, size) nm,
	static const char *const names[] = { SCT_KINDS(K) };
#undef K
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

int spec_ret_lookup(const char *name)
{
#define R(id, nm) nm,
	static const char *const names[] = { SCT_RETS(R) };
#undef R
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

static int class_lookup(const char *name, size_t n)
{
#define C(id, nm) nm,
	static const char *const names[] = { SCT_CLASSES(C) };
#undef C
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && !strncmp(names[i], name, n))
			return (int)i;
	return -1;
}

static int find_call(const struct spec *s, const char *name)
{
	for (int i = 0; i < s->ncalls; i++)
		if (!strcmp(s->calls[i].name, name))
			return i;
	return -1;
}

/* Next blank-separated word of *sp, or NULL at the end. */
static char *word(const char **sp)
{
	const char *s = skipws(*sp), *e = s;

	if (!*s)
		return NULL;
	while (*e && *e != ' ' && *e != '\t')
		e++;
	*sp = e;
	return spec_dupn(s, e - s);
}

/* call NAME RET CLASSES ARG... */
static int parse_call(struct parser *p, const char *s)
{
	struct spec_call *c;
	char *w;

	if (p->s->ncalls == SPEC_MAX_CALLS)
		return fail(p, "more than %d calls", SPEC_MAX_CALLS);
	c = &p->s->calls[p->s->ncalls];
	memset(c, 0, sizeof(*c));
	c->line = p->line;
	if (!(c->name = word(&s)))
		return fail(p, "call: missing name");
	if (find_call(p->s, c->name) >= 0)
		return fail(p, "%s: call defined twice", c->name);
	if (!(w = word(&s)) || (c->ret = spec_ret_lookup(w)) < 0)
		return fail(p, "%s: unknown return kind '%s'", c->name, w ? w : "");
	if (!(w = word(&s)))
		return fail(p, "%s: missing classes (use - for none)", c->name);
	if (strcmp(w, "-")) {
		for (const char *t = w; *t;) {
			size_t n = strcspn(t, ",");
			int bit = class_lookup(t, n);
			if (bit < 0)
				return fail(p, "%s: unknown class '%.*s'", c->name, (int)n, t);
			c->classes |= 1u << bit;
			t += n + (t[n] == ',');
		}
	}
	while ((w = word(&s))) {
		char *colon = strchr(w, ':');
		int k;

		if (c->nargs == SPEC_MAX_ARGS)
			return fail(p, "%s: more than %d arguments", c->name, SPEC_MAX_ARGS);
		c->aux[c->nargs] = -1;
		if (colon)
			*colon = 0;
		if ((k = spec_kind_lookup(w)) < 0)
			return fail(p, "%s: unknown argument kind '%s'", c->name, w);
		if (k == SCT_K_FLAGS || k == SCT_K_XVAL) {
			/* flags:NAME / xval:NAME print from the table gen/xlat/NAME.in */
			if (!colon || !colon[1])
				return fail(p, "%s: '%s' needs a table: %s:NAME for gen/xlat/NAME.in",
					    c->name, w, w);
			c->xname[c->nargs] = colon + 1;
		} else if (colon) {
			char *end;
			c->aux[c->nargs] = (int)strtol(colon + 1, &end, 10);
			if (*end || end == colon + 1 || c->aux[c->nargs] >= SPEC_MAX_ARGS)
				return fail(p, "%s: bad argument reference '%s'", c->name, colon + 1);
		}
		c->kind[c->nargs++] = k;
	}
	for (int i = 0; i < c->nargs; i++)
		if (!c->xname[i] && c->aux[i] >= c->nargs)
			return fail(p, "%s: argument %d refers to argument %d of %d",
				    c->name, i, c->aux[i], c->nargs);
	p->s->ncalls++;
	return 0;
}

/* "const char *path" -> type "const char *", name "path" */
static int parse_param(struct parser *p, struct spec_wrap *w, char *txt)
{
	struct spec_param *pa = &w->param[w->nparams];
	size_t n = strlen(txt), e = n;

	if (!strncmp(txt, "...", 3)) {
		pa->variadic = 1;
		w->variadic = 1;
		txt = (char *)skipws(txt + 3);
		n = e = strlen(txt);
		if (!n)
			return 0;	/* a bare "..." reads nothing */
	}
	if (w->nparams == SPEC_MAX_PARAMS)
		return fail(p, "%s: more than %d parameters", w->name, SPEC_MAX_PARAMS);
	while (e && is_ident((unsigned char)txt[e - 1]))
		e--;
	if (e == n || e == 0)
		return fail(p, "%s: parameter '%s' needs a type and a name", w->name, txt);
	pa->type = trimdup(txt, e);
	pa->name = spec_dupn(txt + e, n - e);
	w->nparams++;
	return 0;
}

/* Prototype "int open(const char *path, int flags, ... mode_t mode)". */
static int parse_proto(struct parser *p, struct spec_wrap *w, const char **sp)
{
	const char *s = skipws(*sp), *lp = strchr(s, '('), *rp, *ne;
	char *params[SPEC_MAX_PARAMS + 1];
	int n;

	if (!lp || !(rp = match_paren(lp)))
		return fail(p, "wrap: expected a C prototype");
	ne = lp;
	while (ne > s && isspace((unsigned char)ne[-1]))
		ne--;
	const char *nb = ne;
	while (nb > s && is_ident((unsigned char)nb[-1]))
		nb--;
	if (nb == ne || nb == s)
		return fail(p, "wrap: prototype needs a return type and a name");
	w->name = spec_dupn(nb, ne - nb);
	w->rettype = trimdup(s, nb - s);
	n = split_args(lp + 1, rp - lp - 1, params, SPEC_MAX_PARAMS + 1);
	if (n < 0)
		return fail(p, "%s: more than %d parameters", w->name, SPEC_MAX_PARAMS);
	if (n == 1 && !strcmp(params[0], "void"))
		n = 0;
	for (int i = 0; i < n; i++)
		if (parse_param(p, w, params[i]) < 0)
			return -1;
	*sp = rp + 1;
	return 0;
}

/* Optional trailing "fail=EXPR" / "ret=EXPR" / "err=EXPR" / "cancel=EXPR" / "compound";
 * EXPR is one word or (parenthesised). */
static int parse_opts(struct parser *p, struct spec_wrap *w, const char *s)
{
	for (s = skipws(s); *s; s = skipws(s)) {
		char **dst;
		const char *v, *e;

		if (!strncmp(s, "compound", 8) && (!s[8] || s[8] == ' ' || s[8] == '\t')) {
			w->compound = 1;
			s += 8;
			continue;
		}
		if (!strncmp(s, "fail=", 5))
			dst = &w->fail, v = s + 5;
		else if (!strncmp(s, "ret=", 4))
			dst = &w->retexpr, v = s + 4;
		else if (!strncmp(s, "err=", 4))
			dst = &w->errexpr, v = s + 4;
		else if (!strncmp(s, "cancel=", 7))
			dst = &w->cancel, v = s + 7;
		else
			return fail(p, "%s: unexpected '%s'", w->name, s);
		if (*v == '(') {
			if (!(e = match_paren(v)))
				return fail(p, "%s: unbalanced parentheses", w->name);
			e++;
		} else {
			e = v + strcspn(v, " \t");
		}
		if (e == v)
			return fail(p, "%s: empty expression", w->name);
		*dst = spec_dupn(v, e - v);
		s = e;
	}
	return 0;
}

/* hook NAME [ALIAS...]: exported and written by hand, records no call of its own */
static int parse_hook(struct parser *p, const char *s)
{
	struct spec_wrap *w;
	char *word_;

	if (p->s->nwraps == SPEC_MAX_WRAPS)
		return fail(p, "more than %d entry points", SPEC_MAX_WRAPS);
	w = &p->s->wraps[p->s->nwraps];
	memset(w, 0, sizeof(*w));
	w->hand = 1;
	w->call = -1;
	w->line = p->line;
	if (!(w->name = word(&s)))
		return fail(p, "hook: missing name");
	while (*(s = skipws(s)) && (word_ = word(&s))) {
		if (w->nalias == SPEC_MAX_ALIAS)
			return fail(p, "%s: more than %d aliases", w->name, SPEC_MAX_ALIAS);
		w->alias[w->nalias++] = word_;
	}
	p->s->nwraps++;
	return 0;
}

/* wrap PROTO [ALIAS...] => CALL(EXPR, ...) [fail=EXPR] [ret=EXPR] [err=EXPR] [cancel=EXPR]
 * hand NAME [ALIAS...] => CALL */
static int parse_wrap(struct parser *p, const char *s, int hand)
{
	struct spec_wrap *w;
	const char *arrow = strstr(s, "=>"), *cn, *lp;
	char *word_, *callname;
	int ci, n;

	if (p->s->nwraps == SPEC_MAX_WRAPS)
		return fail(p, "more than %d entry points", SPEC_MAX_WRAPS);
	if (!arrow)
		return fail(p, "%s: missing '=> CALL'", hand ? "hand" : "wrap");
	w = &p->s->wraps[p->s->nwraps];
	memset(w, 0, sizeof(*w));
	w->hand = hand;
	w->line = p->line;
	if (hand) {
		if (!(w->name = word(&s)) || s > arrow)
			return fail(p, "hand: missing name");
	} else if (parse_proto(p, w, &s) < 0) {
		return -1;
	}
	while ((s = skipws(s)) < arrow && (word_ = word(&s))) {
		if (w->nalias == SPEC_MAX_ALIAS)
			return fail(p, "%s: more than %d aliases", w->name, SPEC_MAX_ALIAS);
		w->alias[w->nalias++] = word_;
	}
	cn = skipws(arrow + 2);
	lp = cn;
	while (is_ident((unsigned char)*lp))
		lp++;
	callname = spec_dupn(cn, lp - cn);
	if ((ci = find_call(p->s, callname)) < 0)
		return fail(p, "%s: unknown call '%s' (define it with a call line first)", w->name, callname);
	w->call = ci;
	if (hand) {
		if (*skipws(lp))
			return fail(p, "%s: hand lines take no arguments after the call", w->name);
		p->s->nwraps++;
		return 0;
	}
	if (*lp != '(' || !(s = match_paren(lp)))
		return fail(p, "%s: expected '%s(ARG, ...)'", w->name, callname);
	n = split_args(lp + 1, s - lp - 1, w->expr, SPEC_MAX_ARGS);
	if (n != p->s->calls[ci].nargs)
		return fail(p, "%s: %s takes %d arguments but %d are given", w->name, callname,
			    p->s->calls[ci].nargs, n < 0 ? SPEC_MAX_ARGS + 1 : n);
	if (parse_opts(p, w, s + 1) < 0)
		return -1;
	if (!strcmp(w->rettype, "void"))
		return fail(p, "%s: void functions must be written by hand", w->name);
	p->s->nwraps++;
	return 0;
}

/* include HEADER...: <HEADER> for the wrappers' prototypes (struct statfs ...) */
static int parse_include(struct parser *p, const char *s)
{
	char *w;

	while ((w = word(&s))) {
		if (p->s->nincludes == SPEC_MAX_INCLUDES)
			return fail(p, "more than %d headers", SPEC_MAX_INCLUDES);
		if (strspn(w, "abcdefghijklmnopqrstuvwxyz0123456789_/.") != strlen(w))
			return fail(p, "include: '%s' is not a header name", w);
		p->s->include[p->s->nincludes++] = w;
	}
	return 0;
}

int spec_parse(struct spec *s, const char *path, const char *text, char *err, size_t errlen)
{
	struct parser p = { s, path, 0, err, errlen };

	memset(s, 0, sizeof(*s));
	while (*text) {
		size_t n = strcspn(text, "\n");
		char *line = spec_dupn(text, n);
		const char *l = skipws(line);
		int rc = 0;

		p.line++;
		text += n + (text[n] == '\n');
		if (!*l || *l == '#')
			rc = 0;
		else if (!strncmp(l, "call ", 5))
			rc = parse_call(&p, l + 5);
		else if (!strncmp(l, "wrap ", 5))
			rc = parse_wrap(&p, l + 5, 0);
		else if (!strncmp(l, "hand ", 5))
			rc = parse_wrap(&p, l + 5, 1);
		else if (!strncmp(l, "hook ", 5))
			rc = parse_hook(&p, l + 5);
		else if (!strncmp(l, "include ", 8))
			rc = parse_include(&p, l + 8);
		else
			rc = fail(&p, "expected 'call', 'wrap', 'hand', 'hook' or 'include', not '%.20s'", l);
		free(line);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int named_by_spec(const struct spec *s, const char *name)
{
	for (int i = 0; i < s->ncalls; i++)
		for (int a = 0; a < s->calls[i].nargs; a++)
			if (s->calls[i].xname[a] && !strcmp(s->calls[i].xname[a], name))
				return 1;
	return 0;
}

int spec_resolve(struct spec *s, const char *path, char *err, size_t errlen)
{
	int first = 0;

	/* the tables the spec names first, each group in name order, so that an
	 * argument's uint8_t reaches them however many tables only decoders use (the
	 * decoders name every table by its SCT_XLAT_ index, whatever it is) */
	for (int t = 0; t < s->nxlats; t++)
		if (named_by_spec(s, s->xlats[t].name)) {
			struct spec_xlat x = s->xlats[t];

			memmove(&s->xlats[first + 1], &s->xlats[first],
				(size_t)(t - first) * sizeof(x));
			s->xlats[first++] = x;
		}
	if (first > SPEC_MAX_ARG_XLATS) {
		snprintf(err, errlen, "%s: the spec names more than %d tables", path,
			 SPEC_MAX_ARG_XLATS);
		return -1;
	}
	for (int i = 0; i < s->ncalls; i++) {
		struct spec_call *c = &s->calls[i];

		for (int a = 0; a < c->nargs; a++) {
			int t;

			if (!c->xname[a])
				continue;
			for (t = 0; t < s->nxlats; t++)
				if (!strcmp(s->xlats[t].name, c->xname[a]))
					break;
			if (t == s->nxlats) {
				snprintf(err, errlen, "%s:%d: %s: no table gen/xlat/%s.in", path,
					 c->line, c->name, c->xname[a]);
				return -1;
			}
			c->aux[a] = t;
		}
	}
	return 0;
}
