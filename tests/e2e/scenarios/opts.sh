# strace's options of issue 9 that need no ptrace: -n, -S/-U on a known program (rows
# and their order compared with strace's table, times left out), -A, -i, -b execve, -u

# opts_both NAME OPTION... -- ARG...: the program under strace and sctrace, each trace
# in $d/strace and $d/sctrace (stderr of the run: $d/*.err)
opts_both() {
	local name=$1 opts=()
	shift
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	d=$WORK/$name
	mkdir -p "$d"
	timeout "$TIMEOUT" strace "${opts[@]}" -o "$d/strace" "$BIN/opts" "$@" \
		>"$d/strace.out" 2>"$d/strace.err"
	timeout "$TIMEOUT" "$SCTRACE" "${opts[@]}" -o "$d/sctrace" "$BIN/opts" "$@" \
		>"$d/sctrace.out" 2>"$d/sctrace.err"
}

# the same, with what differs between runs (pids, times) made equal
opts_same() {
	sed -E 's/= [0-9]+$/= N/; s/ +[0-9]+\.[0-9]{6}( |$)/ T\1/g; s/ +[0-9]+\.[0-9]{2}( |$)/ P\1/g
		s/^ *[0-9]+\.[0-9]{2} /P /' "$1"
}

# -n: "[ NR] " before each line, the exit line's after exit_group
if wanted opts-nr && have_tracer opts-nr && have_prog opts-nr opts; then
	if [ -n "$nostrace" ]; then skip opts-nr "$nostrace"; else
		opts_both opts-nr -n -e trace=getppid,dup,getpid,exit_group --
		if diff -u <(opts_same "$d/strace") <(opts_same "$d/sctrace") >"$d/diff"; then
			pass opts-nr
		else
			fail opts-nr "the lines differ from strace's"
			show "$d/diff"
		fi
	fi
fi

# -S and -U: strace's table, row for row, for each key and column set (-c: the
# library's counters; -C: the records)
if wanted opts-table && have_tracer opts-table && have_prog opts-table opts; then
	if [ -n "$nostrace" ]; then skip opts-table "$nostrace"; else
		bad=
		for c in -c -C; do
			for s in calls errors name nothing; do
				for u in name,calls,errors calls,errors,time,name errors,calls; do
					opts_both opts-table $c -S $s -U $u -e trace=getppid,dup,getpid --
					sed -i '/^+++/d; /^getppid\|^dup\|^getpid/d' "$d/strace" "$d/sctrace"
					if ! diff -u <(opts_same "$d/strace") <(opts_same "$d/sctrace") \
						>"$d/diff"; then
						bad="$c -S $s -U $u"
						break 3
					fi
				done
			done
		done
		if [ -z "$bad" ]; then
			pass opts-table
		else
			fail opts-table "$bad: the table differs from strace's"
			show "$d/diff"
		fi
	fi
fi

# -U min-time,max-time: each row's shortest is no longer than its longest, and the
# total row's are the extremes (-c keeps them in the library only when asked)
if wanted opts-minmax && have_tracer opts-minmax && have_prog opts-minmax opts; then
	d=$WORK/opts-minmax
	mkdir -p "$d"
	for c in -c -C; do
		"$SCTRACE" $c -U min-time,max-time,calls,name -o "$d/t$c" "$BIN/opts" \
			>/dev/null 2>"$d/err$c"
	done
	why=
	for c in -c -C; do
		sed -i -n '/^shortest/,$p' "$d/t$c"	# -C: the table after the trace
		head -n1 "$d/t$c" | grep -qE '^shortest  longest     calls syscall$' ||
			why="$c: header: $(head -n1 "$d/t$c")"
		awk '$2 ~ /^[0-9]/ && $1 + 0 > $2 + 0 { exit 1 }' "$d/t$c" ||
			why="$c: a shortest time above its longest"
		awk '$4 == "getppid" { g = $3 } END { exit g != 5 }' "$d/t$c" ||
			why="$c: getppid's row: $(grep getppid "$d/t$c")"
		awk '$NF == "total" { tmin = $1; tmax = $2 }
		     $2 ~ /^[0-9]/ && $NF != "total" { if (min == "" || $1 < min) min = $1
						       if ($2 > max) max = $2 }
		     END { exit !(tmin == min && tmax == max) }' "$d/t$c" ||
			why="$c: the total row is not the extremes"
	done
	if [ -z "$why" ]; then pass opts-minmax; else fail opts-minmax "$why"; show "$d/t-c"; fi
fi

# -A: the trace goes after what the file held
if wanted opts-append && have_tracer opts-append && have_prog opts-append opts; then
	d=$WORK/opts-append
	mkdir -p "$d"
	echo before >"$d/t"
	"$SCTRACE" -A -o "$d/t" -e trace=getpid "$BIN/opts" 2>"$d/err"
	"$SCTRACE" --output-append-mode -o "$d/t" -e trace=getpid "$BIN/opts" 2>>"$d/err"
	if [ "$(sed -n 1p "$d/t")" = before ] && [ "$(grep -c '^getpid()' "$d/t")" = 2 ] &&
	   [ "$(grep -c '^+++ exited with 0 +++$' "$d/t")" = 2 ]; then
		pass opts-append
	else
		fail opts-append "the file holds: $(tr '\n' '|' <"$d/t")"
	fi
fi

# -i: a trapped call's line shows the address after its syscall instruction, as
# strace does (complete mode: the entry points never see this call)
if wanted opts-ip && have_tracer opts-ip && have_prog opts-ip opts; then
	if [ $complete = 0 ]; then
		skip opts-ip "entry points only: a raw call is not seen"
	else
		d=$WORK/opts-ip
		mkdir -p "$d"
		"$SCTRACE" -i -e trace=getppid -o "$d/t" "$BIN/opts" raw >"$d/out" 2>"$d/err"
		want="[$(cat "$d/out")] getppid()"
		if [ "$(grep -c "^\[[0-9a-f]\{16\}\] getppid()" "$d/t")" = 1 ] &&
		   grep -qF "$want" "$d/t"; then
			pass opts-ip
		else
			fail opts-ip "no line starts '$want': $(first_line "$d/t")"
		fi
	fi
fi

# -i: a call through libc's entry point shows the address its caller resumes at, in
# main (strace shows the one after libc's own syscall instruction), in both modes
if wanted opts-ip-call && have_tracer opts-ip-call && have_prog opts-ip-call opts; then
	d=$WORK/opts-ip-call
	mkdir -p "$d"
	"$SCTRACE" -i -e trace=getppid -o "$d/t" "$BIN/opts" call >"$d/out" 2>"$d/err"
	ip=$(sed -n 's/^\[\([0-9a-f]\{16\}\)\] getppid() .*/\1/p' "$d/t")
	main=$(cat "$d/out")
	if [ -z "$ip" ] || [ -z "$main" ]; then
		fail opts-ip-call "no address: $(first_line "$d/t")"
	elif [ $((16#$ip - 16#$main)) -le 0 ] || [ $((16#$ip - 16#$main)) -ge 4096 ]; then
		fail opts-ip-call "getppid's address $ip is not in main ($main)"
	else
		pass opts-ip-call
	fi
fi

# -b execve: the command's own exec is traced, the next one ends the tracing of its
# process: "<detached ...>", "Process N detached", no exit line, exit 0 as strace's
if wanted opts-detach && have_tracer opts-detach && have_prog opts-detach opts; then
	d=$WORK/opts-detach
	mkdir -p "$d"
	"$SCTRACE" -b execve -e trace=execve,dup /bin/sh -c "exec $BIN/opts" \
		>"$d/out" 2>"$d/t"
	rc=$?
	if [ $rc -ne 0 ]; then
		fail opts-detach "exit $rc"
	elif ! grep -qE '^execve\("'"$BIN"'/opts", \["'"$BIN"'/opts"\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/ <detached \.\.\.>$' "$d/t"; then
		fail opts-detach "no detached execve line"
		show "$d/t"
	elif ! grep -qE '^sctrace: Process [0-9]+ detached$' "$d/t"; then
		fail opts-detach "no 'Process N detached'"
	elif grep -qE '^dup|^\+\+\+' "$d/t"; then
		fail opts-detach "the process was traced after its exec: $(grep -m1 -E '^dup|^\+\+\+' "$d/t")"
	else
		pass opts-detach
	fi
fi

# -u: the command runs as the user (root only: strace's rule)
if wanted opts-user && have_tracer opts-user && have_prog opts-user opts; then
	d=$WORK/opts-user
	mkdir -p "$d"
	if [ "$(id -u)" != 0 ] || ! id nobody >/dev/null 2>&1; then
		skip opts-user "not root, or no user nobody"
	else
		"$SCTRACE" -u nobody -e trace=getuid -o "$d/t" "$BIN/opts" uid >"$d/out" 2>"$d/err"
		rc=$?
		want="$(id -u nobody) $(id -g nobody)"
		if [ $rc -eq 0 ] && [ "$(cat "$d/out")" = "$want" ] &&
		   grep -q "^getuid() *= $(id -u nobody)$" "$d/t"; then
			pass opts-user
		else
			fail opts-user "exit $rc, the program says '$(cat "$d/out")', not '$want'; $(first_line "$d/err")"
		fi
	fi
fi
