/* Writes what the spec describes into the build folder:
 *   calltab.c    the table of calls (names, classes, argument kinds) for format/ and -e,
 *                and the system call number <-> call index tables
 *   xlattab.c/h  the constant tables of gen/xlat/ *.in
 *   callidx.h    SCT_CALL_<name> indices for the hand-written wrappers
 *   wrappers.c   one wrapper per generated libc entry point (aliases share it)
 *   exports.map  the linker version script: every entry point, nothing else */
#include <stdio.h>
#include <string.h>
#include "emit.h"
#include "kinds.h"

#define BANNER "/* Generated from gen/syscalls.spec by sctgen: change the spec, not this file. */\n"
#define XBANNER "/* Generated from gen/xlat/ *.in by sctgen: change the data files, not this file. */\n"

/* Does the call have an argument whose state before the call must be copied (the
 * kernel rewrites it, or recvmsg's msg_namelen): capture method STRUCT_IO, FDSET or
 * MSG_OUT in kinds.h?  2: only descriptors, which -y shows as they were before the
 * call (kind fd_pre: the path; kind fd: -yy's socket details), resolved only when
 * sct_cfg.fdpath, into no buffer of the wrapper's (preload/fdpath.c). */
static int needs_pre(const struct spec_call *c)
{
	static const char *const caps[SCT_NKINDS] = {
#define CAP(id, nm, cap, size) [SCT_K_##id] = #cap,
		SCT_KINDS(CAP)
#undef CAP
	};

	for (int i = 0; i < c->nargs; i++)
		if (!strcmp(caps[c->kind[i]], "STRUCT_IO") || !strcmp(caps[c->kind[i]], "FDSET") ||
		    !strcmp(caps[c->kind[i]], "MSG_OUT") || c->kind[i] == SCT_K_MMSG_OUT ||
		    c->kind[i] == SCT_K_IOCTL_ARG)	/* an _IOWR struct (capture_pre.c) */
			return 1;
	for (int i = 0; i < c->nargs; i++)
		if (c->kind[i] == SCT_K_FD_PRE || c->kind[i] == SCT_K_FD)
			return 2;	/* only for -y/-P: sct_fdpath_pre when sct_cfg.fdpath */
	return 0;
}

static void emit_calltab(FILE *f, const struct spec *s)
{
	/* each name in a row of its own (32: SCT_NAME_ROW, format/calls.h): a line copies
	 * the whole row, with no strlen and no copy of a length known only at run time
	 * (format/line.c) */
	fputs(BANNER "#include \"calls.h\"\n\nstatic const char names[][SCT_NAME_ROW] = {\n", f);
	for (int i = 0; i < s->ncalls; i++)
		fprintf(f, "\t\"%s\",\n", strlen(s->calls[i].name) < 32 ? s->calls[i].name : "");
	fputs("};\n\nconst struct sct_call sct_calls[] = {\n", f);
	for (int i = 0; i < s->ncalls; i++) {
		const struct spec_call *c = &s->calls[i];
		size_t len = strlen(c->name);
		if (len < 32)
			fprintf(f, "\t{ names[%d], 0x%x, %d, %d, {", i, c->classes, c->nargs, c->ret);
		else
			fprintf(f, "\t{ \"%s\", 0x%x, %d, %d, {", c->name, c->classes, c->nargs, c->ret);
		for (int a = 0; a < c->nargs; a++)
			fprintf(f, "%s{ %d, %d }", a ? ", " : " ", c->kind[a], c->aux[a] < 0 ? 0xff : c->aux[a]);
		fputs(" } },\n", f);
	}
	fputs("};\n\nconst uint8_t sct_call_namelen[] = {\n", f);
	for (int i = 0; i < s->ncalls; i++)
		fprintf(f, "\t%zu,\n", strlen(s->calls[i].name) < 32 ? strlen(s->calls[i].name) : 0);
	fprintf(f, "};\n\nconst unsigned sct_ncalls = %d;\n", s->ncalls);
	/* The numbers come from the C library's headers at build time: a call the headers
	 * do not know keeps number -1 and is reached only through a libc wrapper. */
	fputs("\n#include <sys/syscall.h>\n#pragma GCC diagnostic ignored \"-Woverride-init\"\n\n"
	      "const uint16_t sct_call_of_nr[SCT_NR_MAX] = {\n\t[0 ... SCT_NR_MAX - 1] = SCT_CALL_NONE,\n", f);
	for (int i = 0; i < s->ncalls; i++)
		fprintf(f, "#ifdef __NR_%s\n\t[__NR_%s] = %d,\n#endif\n", s->calls[i].name,
			s->calls[i].name, i);
	fputs("};\n\nconst int16_t sct_nr_of_call[] = {\n", f);
	for (int i = 0; i < s->ncalls; i++)
		fprintf(f, "#ifdef __NR_%s\n\t__NR_%s,\n#else\n\t-1,\n#endif\n", s->calls[i].name,
			s->calls[i].name);
	fputs("};\n", f);
}

static void emit_xlattab(FILE *f, const struct spec *s)
{
	fputs(XBANNER "#include \"xlattab.h\"\n", f);
	for (int t = 0; t < s->nxlats; t++) {
		const struct spec_xlat *x = &s->xlats[t];

		fprintf(f, "\nconst struct sct_xlat sct_xlat_%s[] = {\n", x->name);
		for (int i = 0; i < x->n; i++)
			fprintf(f, "\t{ 0x%llxull, \"%s\" },\n", x->ent[i].val, x->ent[i].name);
		fputs("\t{ 0, 0 }\n};\n", f);
	}
	fputs("\nconst struct sct_xlat_tab sct_xlat_tabs[] = {\n", f);
	for (int t = 0; t < s->nxlats; t++) {
		const struct spec_xlat *x = &s->xlats[t];

		fprintf(f, "\t{ sct_xlat_%s, ", x->name);
		if (x->unknown)
			fprintf(f, "\"%s\"", x->unknown);
		else
			fputs("0", f);
		fprintf(f, ", %d, %d, %d },\n", x->flags, x->bits == 64, x->dec);
	}
	fprintf(f, "\t{ 0, 0, 0, 0, 0 }\n};\n\nconst unsigned sct_nxlat_tabs = %d;\n", s->nxlats);
}

static void emit_xlath(FILE *f, const struct spec *s)
{
	fputs(XBANNER "#ifndef SCT_XLATTAB_H\n#define SCT_XLATTAB_H\n\n#include \"decode.h\"\n\n", f);
	for (int t = 0; t < s->nxlats; t++)
		fprintf(f, "extern const struct sct_xlat sct_xlat_%s[];\n#define SCT_XLAT_%s %d\n",
			s->xlats[t].name, s->xlats[t].name, t);
	fputs("\n#endif\n", f);
}

static void emit_callidx(FILE *f, const struct spec *s)
{
	fputs(BANNER "#ifndef SCT_CALLIDX_H\n#define SCT_CALLIDX_H\n\n", f);
	for (int i = 0; i < s->ncalls; i++)
		fprintf(f, "#define SCT_CALL_%s %d\n", s->calls[i].name, i);
	fprintf(f, "#define SCT_NCALLS %d\n\n#endif\n", s->ncalls);
}

static void emit_params(FILE *f, const struct spec_wrap *w, int named_only, int types_only)
{
	int n = 0;

	for (int i = 0; i < w->nparams; i++) {
		if (w->param[i].variadic && named_only)
			continue;
		fprintf(f, "%s%s%s%s", n++ ? ", " : "", w->param[i].type,
			types_only ? "" : " ", types_only ? "" : w->param[i].name);
	}
	if (w->variadic)
		fputs(n ? ", ..." : "...", f);
	if (!n && !w->variadic)
		fputs("void", f);
}

static void emit_args(FILE *f, const struct spec_wrap *w)
{
	for (int i = 0; i < w->nparams; i++)
		fprintf(f, "%s%s", i ? ", " : "", w->param[i].name);
}

/* The real call timed into t0/t1, and kr, the system call's result made from r. */
static void emit_call(FILE *f, const struct spec *s, const struct spec_wrap *w)
{
	const struct spec_call *c = &s->calls[w->call];

	/* errno is read only when the call failed, and never restored: nothing the
	 * tracer does after the call sets it (raw system calls, no libc call that fails). */
	/* SCT_PEND_CALL publishes the call while it runs (preload/inflight.h) */
	if (w->cancel) {
		fprintf(f, "\tSCT_CANCEL_CALL(%s, r, SCT_PEND_CALL(t, %d, %d, a, t0, SCT_OPEN_CALL(SCT_REAL(%s)(",
			w->cancel, w->call, c->nargs, w->name);
		emit_args(f, w);
		fprintf(f, "))), t, %d, a, %s, t0, t1);\n", w->call, needs_pre(c) == 1 ? "pre" : "NULL");
	} else {
		fprintf(f, "\tt0 = sct_now();\n\tr = SCT_PEND_CALL(t, %d, %d, a, t0, SCT_OPEN_CALL(SCT_REAL(%s)(",
			w->call, c->nargs, w->name);
		emit_args(f, w);
		fputs(")));\n\tt1 = sct_end(t0);\n", f);
	}
	fprintf(f, "\tkr = (%s) ? -(int64_t)(%s) : (int64_t)(%s);\n",
		w->fail ? w->fail : "r == -1", w->errexpr ? w->errexpr : "errno",
		w->retexpr ? w->retexpr : "r");
}

static void emit_pre(FILE *f, const struct spec_call *c, const struct spec_wrap *w);

/* -c's own path: the real call between two clock reads, then three counters
 * (sct_count).  No copy of the arguments (but for sct_unwound at a cancellation
 * point), no pre-call state, nothing published, no second look at the mode: the
 * general path did all that for a record nobody writes (callgrind, getppid under -c:
 * 91 instructions a call before, see README's Benchmarks).  -c with min and max
 * (counting 2) takes the general path. */
static void emit_count_path(FILE *f, const struct spec *s, const struct spec_wrap *w)
{
	const struct spec_call *c = &s->calls[w->call];

	fputs("\tif (t->counting == 1) {\n\t\tuint64_t t0, t1;\n\t\tint64_t kr;\n", f);
	if (w->cancel) {
		fputs("\t\tuint64_t a[SCT_MAX_ARGS] = {", f);
		for (int i = 0; i < c->nargs; i++)
			fprintf(f, "%s(uint64_t)(%s)", i ? ", " : " ", w->expr[i]);
		fprintf(f, " };\n\t\tSCT_CANCEL_CALL(%s, r, SCT_OPEN_CALL(SCT_REAL(%s)(", w->cancel, w->name);
		emit_args(f, w);
		fprintf(f, ")), t, %d, a, NULL, t0, t1);\n", w->call);
	} else {
		fprintf(f, "\t\tt0 = sct_now();\n\t\tr = SCT_OPEN_CALL(SCT_REAL(%s)(", w->name);
		emit_args(f, w);
		fputs("));\n\t\tt1 = sct_now();\n", f);
	}
	fprintf(f, "\t\tkr = (%s) ? -(int64_t)(%s) : (int64_t)(%s);\n",
		w->fail ? w->fail : "r == -1", w->errexpr ? w->errexpr : "errno",
		w->retexpr ? w->retexpr : "r");
	fprintf(f, "\t\tsct_count(t, %d, kr, t1 - t0);\n\t\treturn r;\n\t}\n", w->call);
}

static void emit_arg_array(FILE *f, const struct spec *s, const struct spec_wrap *w)
{
	const struct spec_call *c = &s->calls[w->call];

	fputs("\tuint64_t a[SCT_MAX_ARGS] = {", f);
	for (int i = 0; i < c->nargs; i++)
		fprintf(f, "%s(uint64_t)(%s)", i ? ", " : " ", w->expr[i]);
	fputs(" };\n", f);
	emit_pre(f, c, w);
}

static void emit_pre(FILE *f, const struct spec_call *c, const struct spec_wrap *w)
{
	if (needs_pre(c) == 2)
		fprintf(f, "\tif (sct_cfg.fdpath)\n\t\tsct_fdpath_pre(&sct_calls[%d], a);\n", w->call);
	else if (needs_pre(c))
		fprintf(f, "\tunsigned char pre[SCT_PRE_MAX];\n\tsct_pre(t, %d, a, pre);\n", w->call);
}

/* -e inject= (preload/inject.c): the wrapper's twin that applies a rule on entry, called
 * instead of the wrapper's own path when a rule names the call (one byte compared and a
 * predictable branch when none does).  A faked result is made into what the libc function returns: its
 * failure value and errno, or the raw value where glibc returns the kernel's (fail=0),
 * or the error number itself (err=r). */
static void emit_inject_twin(FILE *f, const struct spec *s, const struct spec_wrap *w)
{
	const struct spec_call *c = &s->calls[w->call];
	const char *fail = w->fail ? w->fail : "r == -1";
	char failval[256] = "-1";

	if (!strncmp(fail, "(r == ", 6) && fail[strlen(fail) - 1] == ')')
		snprintf(failval, sizeof(failval), "%.*s", (int)(strlen(fail) - 7), fail + 6);
	fprintf(f, "static __attribute__((noinline)) %s sct_inj_%s(struct sct_thread *t", w->rettype, w->name);
	for (int i = 0; i < w->nparams; i++)
		fprintf(f, ", %s %s", w->param[i].type, w->param[i].name);
	fprintf(f, ")\n{\n\t%s r;\n\tuint64_t t0, t1;\n\tint64_t kr;\n\tstruct sct_inj j;\n", w->rettype);
	/* the rule first: poke_enter= changes what the call gets, and strace reads the
	 * arguments after it */
	fprintf(f, "\tuint64_t a[SCT_MAX_ARGS] = {");
	for (int i = 0; i < c->nargs; i++)
		fprintf(f, "%s(uint64_t)(%s)", i ? ", " : " ", w->expr[i]);
	fprintf(f, " };\n\tint on = sct_inject_enter(t, %d, a, &j);\n", w->call);
	emit_pre(f, c, w);
	if (w->retexpr)		/* a result libc builds (a FILE *, a path): errors only */
		fputs("\tif (on && j.fake && !(j.ret < 0 && j.ret >= -4095))\n\t\tj.fake = 0;\n", f);
	fputs("\tif (on && j.fake) {\n\t\tt0 = sct_now();\n\t\tkr = sct_inject_fake(&j);\n\t\tt1 = sct_end(t0);\n", f);
	if (w->errexpr && !strcmp(w->errexpr, "r"))
		fprintf(f, "\t\tr = (%s)(kr < 0 && kr >= -4095 ? -kr : kr);\n", w->rettype);
	else if (w->fail && !strcmp(w->fail, "0"))
		fprintf(f, "\t\tr = (%s)(intptr_t)kr;\n", w->rettype);
	else
		fprintf(f, "\t\tif (kr < 0 && kr >= -4095) {\n\t\t\terrno = (int)-kr;\n\t\t\tr = (%s)(%s);\n"
			"\t\t} else {\n\t\t\tr = (%s)(intptr_t)kr;\n\t\t}\n", w->rettype, failval, w->rettype);
	fputs("\t} else {\n", f);
	emit_call(f, s, w);
	fprintf(f, "\t}\n\tsct_inject_done(t, %d, a, kr, t0, t1, %s, on ? &j : NULL);\n\treturn r;\n}\n",
		w->call, needs_pre(c) == 1 ? "pre" : "NULL");
}

static void emit_wrapper(FILE *f, const struct spec *s, const struct spec_wrap *w)
{
	const struct spec_call *c = &s->calls[w->call];
	const char *last = NULL;

	fprintf(f, "\n/* gen/syscalls.spec:%d */\n", w->line);
	fprintf(f, "static %s (*real_%s)(", w->rettype, w->name);
	emit_params(f, w, 1, 1);
	fprintf(f, ");\n");
	emit_inject_twin(f, s, w);
	fprintf(f, "%s %s(", w->rettype, w->name);
	emit_params(f, w, 1, 0);
	fprintf(f, ");\nSCT_EXPORT %s %s(", w->rettype, w->name);
	emit_params(f, w, 1, 0);
	fputs(")\n{\n", f);
	for (int i = 0; i < w->nparams; i++)
		if (!w->param[i].variadic)
			last = w->param[i].name;
	for (int i = 0; i < w->nparams; i++) {
		if (!w->param[i].variadic)
			continue;
		fprintf(f, "\t%s %s;\n\tva_list ap;\n\tva_start(ap, %s);\n\t%s = va_arg(ap, %s);\n\tva_end(ap);\n",
			w->param[i].type, w->param[i].name, last, w->param[i].name, w->param[i].type);
	}
	/* Complete mode: a compound function's calls trap one by one; an exact one
	 * records itself with dispatch's selector open around the real call. */
	if (w->compound) {
		fprintf(f, "\tstruct sct_thread *t = sct_begin(%d);\n\t%s r;\n\n", w->call, w->rettype);
		fprintf(f, "\tif (!t)\n\t\treturn SCT_REAL(%s)(", w->name);
	} else {
		fprintf(f, "\tstruct sct_thread *t = sct_begin_exact(%d);\n\t%s r;\n\n", w->call, w->rettype);
		fprintf(f, "\tif (!t)\n\t\treturn SCT_PASS_CALL(SCT_REAL(%s)(", w->name);
	}
	emit_args(f, w);
	fputs(w->compound ? ");\n" : "));\n", f);
	/* one byte compared, a branch never taken: the cost of -e inject= when unused */
	fprintf(f, "\tif (__builtin_expect(sct_cfg.inject_of[%d] != 0, 0)) {\n"
		"\t\tt->ret_ip = (uint64_t)(uintptr_t)__builtin_return_address(0);\t/* -i */\n"
		"\t\treturn sct_inj_%s(t", w->call, w->name);
	for (int i = 0; i < w->nparams; i++)
		fprintf(f, ", %s", w->param[i].name);
	fputs(");\n\t}\n", f);
	emit_count_path(f, s, w);
	emit_arg_array(f, s, w);
	fputs("\tuint64_t t0, t1;\n\tint64_t kr;\n", f);
	emit_call(f, s, w);
	fprintf(f, "\tsct_done(t, %d, a, kr, t0, t1, %s);\n\treturn r;\n}\n",
		w->call, needs_pre(c) == 1 ? "pre" : "NULL");
	/* An assembler alias: headers may give the alias another C type (stat64). */
	for (int i = 0; i < w->nalias; i++)
		fprintf(f, "SCT_ALIAS(%s, %s);\n", w->alias[i], w->name);
}

static void emit_wrappers(FILE *f, const struct spec *s)
{
	fputs(BANNER "#include \"wrap.h\"\n#include \"inflight.h\"\n#include \"inject.h\"\n#include \"fdpath.h\"\n#include \"calls.h\"\n", f);
	for (int i = 0; i < s->nincludes; i++)
		fprintf(f, "#include <%s>\n", s->include[i]);
	for (int i = 0; i < s->nwraps; i++)
		if (!s->wraps[i].hand)
			emit_wrapper(f, s, &s->wraps[i]);
}

static void emit_exports(FILE *f, const struct spec *s)
{
	fputs("/* Generated from gen/syscalls.spec by sctgen: change the spec, not this file. */\n{\n  global:\n", f);
	for (int i = 0; i < s->nwraps; i++) {
		fprintf(f, "    %s;\n", s->wraps[i].name);
		for (int a = 0; a < s->wraps[i].nalias; a++)
			fprintf(f, "    %s;\n", s->wraps[i].alias[a]);
	}
	fputs("  local:\n    *;\n};\n", f);
}

static int emit_file(const char *dir, const char *name, void (*fn)(FILE *, const struct spec *),
		     const struct spec *s)
{
	char path[4096], tmp[4200];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (!(f = fopen(tmp, "w"))) {
		perror(tmp);
		return -1;
	}
	fn(f, s);
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int emit_all(const struct spec *s, const char *dir)
{
	if (emit_file(dir, "calltab.c", emit_calltab, s) < 0 ||
	    emit_file(dir, "xlattab.c", emit_xlattab, s) < 0 ||
	    emit_file(dir, "xlattab.h", emit_xlath, s) < 0 ||
	    emit_file(dir, "callidx.h", emit_callidx, s) < 0 ||
	    emit_file(dir, "wrappers.c", emit_wrappers, s) < 0 ||
	    emit_file(dir, "exports.map", emit_exports, s) < 0)
		return -1;
	return 0;
}
