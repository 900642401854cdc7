# A call in flight (tests/e2e/unfinished.c, runner/inflight.c).
# unfinished-wait, unfinished-thread: a parent blocked in wait4 while its child writes,
# a thread blocked in read while the main thread writes; under -f strace prints
# "wait4(-1,  <unfinished ...>", the other task's lines, then
# "<... wait4 resumed>[...], 0, NULL) = PID".  Compared with strace line for line, as
# printed (not re-joined as window.awk does), from the program's "begin" write to its
# "end" write; pids become P1, P2... and the padding before " = " one space (it
# depends on the width of the pids).  A thread's "+++ exited" line is left out, and
# the "end" write is taken whole: when strace hears of the thread's exit is a race of
# its own (it may split the "end" write around it).
# unfinished-ppoll (complete mode: a raw call): the thread blocks in ppoll with nfds
# 0xffffffff00000001, which the kernel takes as 1 (the runner's own read of a call
# still in flight is tested in tests/unit/test_inflight.c: whether it happens here
# before the call returns is a race).
# unfinished-kill, unfinished-kill-f: a program killed by SIGKILL inside read prints
# "read(3,  <unfinished ...>) = ?" and "+++ killed by SIGKILL +++", as strace does
# (its last two lines compared, with and without -f).
# unfinished-term: sctrace's SIGTERM goes to the program, which dies inside read: the
# same pending line, then "+++ killed by SIGTERM +++".  strace is no oracle here: its
# default for -o FILE PROG blocks SIGTERM, and a program killed by a signal under
# ptrace leaves the call with ERESTARTSYS first.

uf_norm() {
	awk '/write\(1, "begin\\n"/ { on = 1 }
		!on || / \+\+\+ exited with / { next }
		/write\(1, "end\\n"/ { sub(/ <unfinished \.\.\.>$/, ") = 4"); print; on = 0; next }
		{ print }' "$1" |
		awk '{
			for (i = 1; i <= NF; i++) {
				w = $i; tail = ""
				if (match(w, /[^0-9]+$/)) { tail = substr(w, RSTART); w = substr(w, 1, RSTART - 1) }
				if (w ~ /^[0-9][0-9][0-9]+$/ && (i == 1 || $(i - 1) == "=")) {
					if (!(w in p)) p[w] = "P" (++n)
					$i = p[w] tail
				}
			}
			print
		}' | sed -E 's/\) += /) = /'
}

uf_compare() {
	local name=$1 d
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" && have_prog "$name" unfinished || return
	d=$WORK/$name
	mkdir -p "$d"
	for t in strace "$SCTRACE"; do
		(cd "$d" && exec timeout "$TIMEOUT" "$t" -f -e trace=read,write,wait4,ppoll -e signal=none \
			-o "$d/${t##*/}.raw" "$BIN/unfinished" "$@" </dev/null >"$d/${t##*/}.out" 2>"$d/${t##*/}.err")
		echo $? >"$d/${t##*/}.rc"
		[ -f "$d/${t##*/}.raw" ] || : >"$d/${t##*/}.raw"
		uf_norm "$d/${t##*/}.raw" >"$d/${t##*/}.norm"
	done
	if [ "$(cat "$d/strace.rc")" != 0 ]; then
		fail "$name" "the program failed under strace: $(first_line "$d/strace.err")"
	elif [ "$(cat "$d/sctrace.rc")" != 0 ]; then
		fail "$name" "exit $(cat "$d/sctrace.rc") under sctrace: $(first_line "$d/sctrace.err")"
	elif ! grep -q 'unfinished \.\.\.>$' "$d/strace.norm"; then
		fail "$name" "strace printed no <unfinished ...> line"
		show "$d/strace.norm"
	elif ! diff -u --label "strace $name" --label "sctrace $name" \
		"$d/strace.norm" "$d/sctrace.norm" >"$d/diff"; then
		fail "$name" "$(grep -c '^-[^-]' "$d/diff") strace lines differ or are missing, $(grep -c '^+[^+]' "$d/diff") extra or different sctrace lines"
		show "$d/diff"
	else
		pass "$name"
	fi
}

uf_compare unfinished-wait wait
uf_compare unfinished-thread thread
[ $complete = 1 ] && uf_compare unfinished-ppoll ppoll

# uf_stuck TOOL HOW OUT [OPTION...]: TOOL runs `unfinished stuck`; once the program
# sleeps in its read, HOW (prog: SIGKILL to the program; tool: SIGTERM to TOOL) ends
# it; the last two lines of the trace go to OUT (pid prefixes dropped)
uf_stuck() {
	local tool=$1 how=$2 out=$3 p t i
	shift 3
	rm -f "$out.pid"
	"$tool" "$@" -o "$out.raw" "$BIN/unfinished" stuck "$out.pid" </dev/null >/dev/null 2>"$out.err" &
	t=$!
	for i in $(seq 400); do [ -s "$out.pid" ] && break; sleep 0.05; done
	p=$(cat "$out.pid" 2>/dev/null)
	for i in $(seq 400); do
		[ -n "$p" ] && grep -q ') S' "/proc/$p/stat" 2>/dev/null && break
		sleep 0.05
	done
	if [ "$how" = prog ]; then kill -KILL "$p" 2>/dev/null; else kill -TERM "$t"; fi
	{ wait "$t"; } 2>/dev/null
	tail -n 2 "$out.raw" 2>/dev/null | sed -E 's/^[0-9]+ +//; s/\) +=/) =/' >"$out"
}

uf_kill() {
	local name=$1 d
	shift
	wanted "$name" || return 0
	if [ -n "$nostrace" ]; then skip "$name" "$nostrace"; return; fi
	have_tracer "$name" && have_prog "$name" unfinished || return
	d=$WORK/$name
	mkdir -p "$d"
	uf_stuck strace prog "$d/strace" "$@"
	uf_stuck "$SCTRACE" prog "$d/sctrace" "$@"
	if ! grep -q '^read(3,  <unfinished \.\.\.>) = ?$' "$d/strace"; then
		fail "$name" "strace's pending line is not the expected one: $(first_line "$d/strace")"
	elif ! diff -u --label "strace $name" --label "sctrace $name" "$d/strace" "$d/sctrace" >"$d/diff"; then
		fail "$name" "the last lines differ: $(first_line "$d/sctrace")"
		show "$d/diff"
	else
		pass "$name"
	fi
}

uf_kill unfinished-kill
uf_kill unfinished-kill-f -f

if wanted unfinished-term && have_tracer unfinished-term && have_prog unfinished-term unfinished; then
	d=$WORK/unfinished-term
	mkdir -p "$d"
	uf_stuck "$SCTRACE" tool "$d/sctrace"
	printf '%s\n' 'read(3,  <unfinished ...>) = ?' '+++ killed by SIGTERM +++' >"$d/want"
	if diff -u --label expected --label sctrace "$d/want" "$d/sctrace" >"$d/diff"; then
		pass unfinished-term
	else
		fail unfinished-term "the last lines differ: $(first_line "$d/sctrace")"
		show "$d/diff"
	fi
fi
