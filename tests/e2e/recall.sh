# Real programs traced by strace and by sctrace, compared over every line after the
# loader phase (issue 8).  Sourced (bash) by tests/e2e/scenarios/realprogs.sh, which
# asserts thresholds, and by bench/recall.sh, which prints the table.  Needs $SCTRACE
# and $TIMEOUT set, and strace able to trace.
#
# For each program:
#   strace -f -o S1, strace -f -o S2, sctrace -f -o T   (same cwd, environment, input)
#   each through postload.awk (loader phase dropped, normalised), then recall.awk:
#   recall = share of the lines both strace runs printed that sctrace printed too,
#   precision = share of sctrace's lines identical to such a strace line.
#   strace -f -c and sctrace -f -c: for every system call, strace's calls column minus
#   the calls of S1's loader phase must equal sctrace's calls column; calls made a
#   varying number of times by the program are left out; and sctrace -f -C's table
#   must count exactly its own trace's lines (recall_counts).
# Results go into DIR/NAME/: the traces, "result" (recall.awk's output) and "count"
# (one line per system call: NAME STRACE SCTRACE, then "volatile" or "equal" or
# "differ").

recall_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The programs, one per line: NAME, a tab, the command (split as the shell would, run
# in D with its files, stdin /dev/null).  Deterministic: fixed inputs, TMPDIR and hash seed.
recall_programs() {
	cat <<'EOF'
ls	ls -l /usr/share
cat	cat text.txt
sort	sort --parallel=2 -S 1M lines.txt
touch	touch touched.txt
python	/usr/bin/python3 -c 'import subprocess, os; f = open("py.txt", "w"); f.write("x" * 5000); f.close(); print(len(open("py.txt").read())); print(subprocess.run(["/bin/echo", "hi"], capture_output=True).stdout); os.listdir(".")'
pipeline	sh -c 'seq 1000 | sort -r | head -3'
tar	tar cf tree.tar tree
find	find tree -name '*.txt'
git	git -C repo status
EOF
}

# More programs, for bench/recall.sh only (make check runs the ones above).
recall_more_programs() {
	cat <<'EOF'
make	make -B -j2 -C build
bash	bash -c 'for i in 1 2 3; do echo $i; done | wc -l'
grep	grep -r file tree
id	id
openssl	openssl dgst -sha256 lines.txt
perl	perl -e 'open(F, "<text.txt"); my @l = <F>; print scalar(@l), "\n"'
gzip	gzip -c text.txt
xz	xz -c text.txt
du	du -a tree
stat	stat text.txt
EOF
}

# recall_setup D: the input files
recall_setup() {
	local d=$1 i
	mkdir -p "$d/tree/a/b" "$d/tmp" "$d/repo" || return 1
	awk 'BEGIN { for (i = 0; i < 200; i++) print "line", i, "of some text to cat" }' >"$d/text.txt"
	# 100,000 lines in a fixed pseudo-random order (no rand(): awks differ), 600 KB:
	# within sort's 1 MiB buffer, so that no run spills into a varying number of
	# temporary files
	awk 'BEGIN { x = 1; for (i = 0; i < 100000; i++) { x = (x * 1103515245 + 12345) % 2147483648; print x % 100000 } }' >"$d/lines.txt"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		echo "file $i" >"$d/tree/f$i.txt"
		echo "file $i" >"$d/tree/a/g$i.dat"
		echo "file $i" >"$d/tree/a/b/h$i.txt"
	done
	: >"$d/touched.txt"
	mkdir -p "$d/build" &&
		printf 'int main(void) { return 0; }\n' >"$d/build/m.c" &&
		printf 'all: m1 m2\nm1: m.c\n\tcc -o m1 m.c\nm2: m.c\n\tcc -O1 -o m2 m.c\n' >"$d/build/Makefile"
	mkdir -p "$d/out" && recall_pad "$d" >"$d/out/pad"
	(
		cd "$d/repo" || exit 1
		export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
		# files older than the index: not "racily clean", so that no status run
		# rewrites the index (the two strace runs would differ)
		git init -q . && echo one >one.txt && echo two >two.txt &&
			touch -d 2020-01-01 one.txt two.txt &&
			git add one.txt && git -c user.name=t -c user.email=t@t commit -qm one &&
			echo changed >>one.txt && touch -d 2020-01-02 one.txt && git status >/dev/null
	) >/dev/null 2>&1
}

# recall_env D: the environment of every run, tracers included (the same for both)
recall_env() {
	echo "PATH=/usr/bin:/bin HOME=$1 LANG=C.UTF-8 TMPDIR=$1/tmp PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1"
}

# recall_pad D: for strace's runs, the variables sctrace adds to the command's
# environment (LD_PRELOAD, SCTRACE_*), each with its first letter made an X: same
# sizes, no effect.  Without them a program's heap differs (python's environ is
# copied into it, and one brk more or less shows).
recall_pad() {
	(cd "$1" && exec env -i $(recall_env "$1") "$(command -v "$SCTRACE")" -o /dev/null /usr/bin/env) |
		sed -n 's/^\(LD_PRELOAD\|SCTRACE_[A-Z_]*\)=/X\1=/p' | sed 's/^X./X/'
}

# recall_trace D TRACER-ARGV... -- COMMAND: run it in D, stdin /dev/null; the command
# is split as the shell would (its quotes), and run directly: no shell of ours in the
# trace.  strace's runs get the padding of recall_pad.
recall_trace() {
	local d=$1 tr=() argv pad=
	shift
	while [ "$1" != -- ]; do tr+=("$1"); shift; done
	eval "argv=($2)"
	[ "${tr[0]}" = strace ] && pad=$(cat "$d/out/pad")
	# entry points only (bench/recall.sh in that mode): env -i would drop the variable
	[ "${tr[0]}" = "$SCTRACE" ] && [ "${SCTRACE_LIBC_ONLY:-}" = 1 ] && tr=("${tr[0]}" --libc-only "${tr[@]:1}")
	# env -i's PATH does not have the e2e suite's sctrace (lib.sh): its path
	[ "${tr[0]}" = "$SCTRACE" ] && tr[0]=$(command -v "$SCTRACE")
	(cd "$d" && exec env -i $(recall_env "$d") $pad timeout "$TIMEOUT" "${tr[@]}" "${argv[@]}" </dev/null)
}

# recall_one D NAME COMMAND: run and compare; results in D/out/NAME/ (out of the
# programs' sight: python lists its directory).  Returns 1 when a
# tracer could not run the command (reason in D/NAME/why).
recall_one() {
	local d=$1 name=$2 cmd=$3 o=$1/out/$2 rc r
	mkdir -p "$o" || return 1
	: >"$o/why"
	# strace runs the command without sctrace's library; the loader phase differs
	# (it is dropped), nothing after it should.
	for r in 1 2; do
		recall_trace "$d" strace -f -o "$o/strace$r.raw" -- "$cmd" >"$o/strace$r.out" 2>"$o/strace$r.err"
		rc=$?
		[ $rc -eq 0 ] || { echo "strace run $r: exit $rc" >"$o/why"; return 1; }
	done
	recall_trace "$d" "$SCTRACE" -f -o "$o/sctrace.raw" -- "$cmd" >"$o/sctrace.out" 2>"$o/sctrace.err"
	rc=$?
	[ $rc -eq 0 ] || { echo "sctrace: exit $rc: $(sed -n 1p "$o/sctrace.err")" >"$o/why"; return 1; }
	cmp -s "$o/strace1.out" "$o/sctrace.out" ||
		{ echo "output differs under sctrace" >"$o/why"; return 1; }
	# stdout to a file as above: cat, for one, reads and maps otherwise for /dev/null
	recall_trace "$d" strace -f -c -o "$o/strace.c" -- "$cmd" >"$o/strace.c.out" 2>&1
	recall_trace "$d" "$SCTRACE" -f -c -o "$o/sctrace.c" -- "$cmd" >"$o/sctrace.c.out" 2>&1
	recall_trace "$d" "$SCTRACE" -f -C -o "$o/sctrace.C" -- "$cmd" >"$o/sctrace.C.out" 2>&1
	for r in strace1 strace2 sctrace; do
		awk -f "$recall_here/traceline.awk" -f "$recall_here/postload.awk" "$o/$r.raw" >"$o/$r.post"
	done
	awk -v want=loader -f "$recall_here/traceline.awk" -f "$recall_here/postload.awk" "$o/strace1.raw" >"$o/strace1.loader"
	awk -f "$recall_here/recall.awk" "$o/strace1.post" "$o/strace2.post" "$o/sctrace.post" \
		>"$o/result.raw"
	{ sed -n 1p "$o/result.raw"; sed -n '2,$p' "$o/result.raw" | sort -k1,1 -k2,2nr; } >"$o/result"
	recall_counts "$o" >"$o/count"
	return 0
}

# recall_counts O: the -c comparison (see the top of this file).  One line per call:
# NAME WANT C CC TC VERDICT.  WANT is strace -c's count less S1's loader phase, C sctrace
# -c's, CC sctrace -C's (the table printed after a trace, from the same run's records;
# TC its trace's lines).  VERDICT:
#   selfdiffer  CC != TC: sctrace -C's table disagrees with its own trace (a bug
#               whatever the program did)
#   volatile    the program makes the call a varying number of times: S1, S2, WANT
#               disagree, or TC differs from them (the program did otherwise at
#               sctrace's speed: sort's temporary files; not with --libc-only,
#               where TC is short by design), or C != CC
#   equal, differ   WANT against C
# Lines that end in "= ?" (exit, exit_group, a call cut short by the process's death)
# are in no -c row: strace counts a call when it returns.
recall_counts() {
	local o=$1
	# name of the call on each line ("+++", "---" lines have none)
	calls() {
		sed -n '/ = ?$/d; s/^\([a-z_0-9]*\)(.*/\1/p' "$1" | sort | uniq -c | awk '{ print $2, $1 }'
	}
	calls "$o/strace1.loader" >"$o/n.loader"
	calls "$o/strace1.post" >"$o/n.s1"
	calls "$o/strace2.post" >"$o/n.s2"
	# the -C run: its trace above the table
	sed '/^% time /,$d' "$o/sctrace.C" >"$o/sctrace.Craw"
	sed -n '/^% time /,$p' "$o/sctrace.C" >"$o/sctrace.Ctable"
	awk -f "$recall_here/traceline.awk" -f "$recall_here/postload.awk" "$o/sctrace.Craw" >"$o/sctrace.Cpost"
	calls "$o/sctrace.Cpost" >"$o/n.tc"
	awk '
	FNR == 1 { f++ }
	# -c tables: calls is the 4th column, the name the last
	f == 1 && NF >= 5 && $4 ~ /^[0-9]+$/ { sc[$NF] = $4; names[$NF] = 1; next }
	f == 2 && NF >= 5 && $4 ~ /^[0-9]+$/ { c[$NF] = $4; names[$NF] = 1; next }
	f == 3 && NF >= 5 && $4 ~ /^[0-9]+$/ { cc[$NF] = $4; names[$NF] = 1; next }
	f == 4 { ld[$1] = $2; next }
	f == 5 { s1[$1] = $2; names[$1] = 1; next }
	f == 6 { s2[$1] = $2; names[$1] = 1; next }
	f == 7 { tc[$1] = $2; names[$1] = 1; next }
	END {
		for (n in names) {
			if (n == "total")
				continue
			want = sc[n] - ld[n]
			if (want == 0 && !(n in c) && !(n in cc) && !(n in tc))
				continue
			if (cc[n] + 0 != tc[n] + 0)
				v = "selfdiffer"
			else if (s1[n] + 0 != s2[n] + 0 || s1[n] + 0 != want || (!libconly && tc[n] + 0 != want) || c[n] + 0 != cc[n] + 0)
				v = "volatile"
			else
				v = (want == c[n] + 0) ? "equal" : "differ"
			printf "%s %d %d %d %d %s\n", n, want, c[n], cc[n], tc[n], v
		}
	}' libconly="${SCTRACE_LIBC_ONLY:-0}" "$o/strace.c" "$o/sctrace.c" "$o/sctrace.Ctable" "$o/n.loader" "$o/n.s1" "$o/n.s2" "$o/n.tc" | sort
}

# recall_summary O: "recall% precision% c-equal c-differ c-volatile" of a finished run
# (O is D/out/NAME)
recall_summary() {
	awk 'NR == 1 { printf "%.2f %.2f", $3 ? 100 * $2 / $3 : 0, $6 ? 100 * $5 / $6 : 0 }' "$1/result"
	awk '{ n[$NF]++ } END { printf " %d %d %d\n", n["equal"], n["differ"] + n["selfdiffer"], n["volatile"] }' "$1/count"
}
