# glibcint: a program built around calls that glibc makes internally
# (tests/e2e/glibcint.c: stdio, fseeko, setlocale, realpath, opendir/readdir, a large
# malloc, a thread, isatty, getpwuid, raw syscall(), raise with a handler), traced by
# strace and by sctrace: every line after the loader phase (tests/e2e/postload.awk)
# identical, line for line, thread by thread.  Normalised beyond postload.awk:
# getrandom's bytes.  A build that prints no signal delivery lines yet ("--- SIG")
# is compared without strace's.  Complete mode only: entry points alone miss most of
# these calls by design.
if wanted glibcint && have_tracer glibcint && have_prog glibcint glibcint; then
	if [ $complete = 0 ]; then
		skip glibcint "entry points only (--libc-only): glibc's internal calls are unseen by design"
	elif [ -n "$nostrace" ]; then
		skip glibcint "$nostrace"
	else
		d=$WORK/glibcint
		mkdir -p "$d/run"
		(cd "$d/run" && exec timeout "$TIMEOUT" strace -f -o "$d/strace.raw" "$BIN/glibcint" \
			</dev/null >"$d/strace.out" 2>"$d/strace.err")
		rc1=$?
		rm -rf "$d/run/glibcint.d"	# the same paths, made again
		(cd "$d/run" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/sctrace.raw" "$BIN/glibcint" \
			</dev/null >"$d/sctrace.out" 2>"$d/sctrace.err")
		rc2=$?
		# per thread, in order: "T<n> line", threads numbered by first appearance
		glibcint_lines() {
			awk -v want=tagged -f "$here/traceline.awk" -f "$here/postload.awk" "$1" |
				sed 's/^\(T[0-9]* getrandom("\)[^"]*"/\1BYTES"/' >"$1.post"
		}
		glibcint_lines "$d/strace.raw"
		glibcint_lines "$d/sctrace.raw"
		for f in strace sctrace; do
			if grep -q '^T[0-9]* --- SIG' "$d/sctrace.raw.post"; then
				sort -s -k1,1 "$d/$f.raw.post" >"$d/$f.cmp"
			else
				grep -v '^T[0-9]* --- SIG' "$d/$f.raw.post" | sort -s -k1,1 >"$d/$f.cmp"
			fi
		done
		if [ $rc1 != 0 ] || [ $rc2 != 0 ]; then
			fail glibcint "exit $rc1 under strace, $rc2 under sctrace: $(first_line "$d/sctrace.err")"
		elif ! cmp -s "$d/strace.out" "$d/sctrace.out"; then
			fail glibcint "the program's output differs under sctrace"
		elif ! diff -u --label strace --label sctrace "$d/strace.cmp" "$d/sctrace.cmp" >"$d/diff"; then
			fail glibcint "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
			show "$d/diff"
		else
			pass glibcint
		fi
	fi
fi
