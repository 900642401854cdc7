# ^C reaches a traced program once.  A SIGINT to the whole process group (a
# terminal's ^C, kill -INT -PGID) has reached the program already: sctrace must not
# pass it on a second time.  One aimed at sctrace alone is held back as strace's
# default for -o FILE PROG (-I3) does.  strace is the oracle where it can trace;
# without it the counts it gives here (1 and 0) are expected.

# sigint_run TOOL HOW: TOOL (strace or sctrace) runs sigcount in a session of its
# own; HOW is group or alone; prints the program's count and the tool's exit code
sigint_run() {
	local tool=$1 how=$2 p i f
	f=$d/${tool##*/}.$how
	rm -f "$f.out"
	# setsid: a process group to signal; env: a script's background job starts
	# with SIGINT ignored, a terminal's foreground job does not
	setsid env --default-signal=INT "$tool" -o "$f.trace" "$BIN/sigcount" \
		</dev/null >"$f.out" 2>"$f.err" &
	p=$!
	for i in $(seq 200); do
		grep -q ready "$f.out" 2>/dev/null && break
		sleep 0.02
	done
	if [ "$how" = group ]; then kill -INT -- "-$p"; else kill -INT "$p"; fi
	wait "$p"
	echo "$(sed -n 's/^sigint=//p' "$f.out") $?"
}

if wanted sigint-once && have_tracer sigint-once && have_prog sigint-once sigcount; then
	d=$WORK/sigint-once
	mkdir -p "$d"
	want_group="1 0" want_alone="0 0" oracle="expected"
	if [ -z "$nostrace" ]; then
		want_group=$(sigint_run strace group) want_alone=$(sigint_run strace alone) oracle=strace
	fi
	got_group=$(sigint_run "$SCTRACE" group)
	got_alone=$(sigint_run "$SCTRACE" alone)
	# "count exit": the program's SIGINT count and the tracer's exit status
	if [ "$got_group" != "$want_group" ]; then
		fail sigint-once "kill -INT -PGID: program counted/exit '$got_group', $oracle '$want_group'"
	elif [ "$got_alone" != "$want_alone" ]; then
		fail sigint-once "kill -INT sctrace: program counted/exit '$got_alone', $oracle '$want_alone'"
	else
		pass sigint-once
	fi
fi
