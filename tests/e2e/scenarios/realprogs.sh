# realprogs: real programs traced by strace (twice) and by sctrace, compared over
# every line after the loader phase (tests/e2e/recall.sh says how): `ls -l` with
# libselinux's constructor, cat, a threaded sort, touch, python3 writing a file and
# running a subprocess, a shell pipeline, tar, find and git status.  Each passes when
#   - at least 99% of strace's lines are in sctrace's trace (recall),
#   - at least 99% of sctrace's lines are identical to a strace line (precision),
#   - the calls column of sctrace -c equals strace -c's for every system call after
#     the loader phase, except those whose count differs between two strace runs,
#   - the program's output is the same under both tracers.
# Complete mode only: entry points alone see a fraction by design (bench/recall.sh
# measures that mode too).  The full table with every gap: bench/recall.sh.

realprogs_check() {
	local name=$1 o=$2 hit ref own diffs r
	if ! grep -q ' equal$' "$o/count"; then
		fail "realprogs-$name" "no -c comparison made: $(first_line "$o/count")"
		return
	fi
	# How many SIGCHLDs a shell gets depends on timing (deliveries of one pending
	# signal merge), in strace's runs as in sctrace's: those deliveries and the
	# rt_sigreturn lines after handlers are left out on every side.
	for f in strace1 strace2 sctrace; do
		grep -v -e '^--- SIGCHLD ' -e '^rt_sigreturn(' "$o/$f.post" >"$o/$f.nosig"
	done
	awk -f "$here/recall.awk" "$o/strace1.nosig" "$o/strace2.nosig" "$o/sctrace.nosig" >"$o/result.nosig"
	r=$o/result.nosig
	read -r _ hit ref _ _ own _ <<<"$(sed -n 1p "$r")"
	diffs=$(awk '$NF == "differ" { printf "%s%s (strace %d, sctrace %d)", n++ ? ", " : "", $1, $2, $3 }
		$NF == "selfdiffer" { printf "%s%s (sctrace -C %d, its trace %d)", n++ ? ", " : "", $1, $4, $5 }' "$o/count")
	if [ $((hit * 100)) -lt $((ref * 99)) ] || [ $((hit * 100)) -lt $((own * 99)) ] || [ -n "$diffs" ]; then
		fail "realprogs-$name" "recall $hit/$ref, precision $hit/$own${diffs:+; -c differs: $diffs}"
		sed -n '2,$p' "$r" | cut -c1-240 >"$o/gaps"
		show "$o/gaps"
	else
		pass "realprogs-$name"
	fi
}

. "$here/recall.sh"
realprogs_want=
wanted realprogs && realprogs_want=all
while IFS='	' read -r realprogs_name realprogs_cmd; do
	if [ -z "$realprogs_want" ] && ! wanted "realprogs-$realprogs_name"; then
		continue
	fi
	if [ $complete = 0 ]; then
		skip "realprogs-$realprogs_name" "entry points only (--libc-only): recall is partial by design"
		continue
	fi
	if [ -n "$nostrace" ]; then skip "realprogs-$realprogs_name" "$nostrace"; continue; fi
	have_tracer "realprogs-$realprogs_name" || continue
	if [ ! -d "$WORK/realprogs" ]; then
		recall_setup "$WORK/realprogs" || { fail "realprogs-$realprogs_name" "cannot set up $WORK/realprogs"; continue; }
	fi
	if ! recall_one "$WORK/realprogs" "$realprogs_name" "$realprogs_cmd"; then
		fail "realprogs-$realprogs_name" "$(cat "$WORK/realprogs/out/$realprogs_name/why")"
		continue
	fi
	realprogs_check "$realprogs_name" "$WORK/realprogs/out/$realprogs_name"
done < <(recall_programs)

# strace -c counts a call when it returns: exit_group and exit never do and are in no
# row of its table, whether the counts come from the library's counters (-c, and
# SCTRACE_COUNT=1 without the runner) or from the records (-C).  The comparisons above
# leave out calls whose count varies, so this is checked on its own: a program that
# ends by exit_group after a thread ended by exit (both modes).
if wanted count-noreturn && have_tracer count-noreturn && have_prog count-noreturn threads; then
	d=$WORK/count-noreturn
	mkdir -p "$d"
	why=
	for m in -c -C standalone; do
		if [ $m = standalone ]; then
			(cd "$d" && exec env SCTRACE_COUNT=1 SCTRACE_OUTPUT="$d/table$m" LD_PRELOAD="$LIB" \
				timeout "$TIMEOUT" "$BIN/threads" </dev/null >/dev/null 2>"$d/err$m")
		else
			(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f $m -o "$d/table$m" "$BIN/threads" \
				</dev/null >/dev/null 2>"$d/err$m")
		fi
		rc=$?
		if [ $rc != 0 ]; then
			why="$why$m: exit $rc: $(first_line "$d/err$m"); "
		elif ! grep -q ' total$' "$d/table$m"; then
			why="$why$m: no table; "
		elif grep -Eq ' (exit|exit_group)$' "$d/table$m"; then
			why="$why$m: $(grep -E ' (exit|exit_group)$' "$d/table$m" | awk '{ printf "%s%s row with %s calls", n++ ? ", " : "", $NF, $4 }'); "
		fi
	done
	if [ -n "$why" ]; then fail count-noreturn "${why%; }"; else pass count-noreturn; fi
fi
