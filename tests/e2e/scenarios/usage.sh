# option errors: one line (and strace's "Try" line), non-zero exit, no output file
# usage_error NAME ARGS...: run sctrace -o FILE ARGS...
usage_error() {
	local name=$1 d err n
	shift
	wanted "$name" || wanted usage || return 0
	have_tracer "$name" || return
	d=$WORK/$name
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -o "$d/out" "$@" </dev/null >"$d/stdout" 2>"$d/stderr")
	rc=$?
	err=$(first_line "$d/stderr")
	n=$(wc -l <"$d/stderr")
	if [ "$rc" -eq 0 ]; then
		fail "$name" "exit 0"
	elif [ "$rc" -ge 124 ]; then
		fail "$name" "exit $rc (timeout or signal)"
	elif [ -e "$d/out" ]; then
		fail "$name" "output file created"
	elif [ -s "$d/stdout" ]; then
		fail "$name" "printed on stdout: $(first_line "$d/stdout")"
	else
		case $err in
		"sctrace: "?*) ;;
		*) fail "$name" "first line of stderr is not 'sctrace: ...': '$err'"; return ;;
		esac
		if [ "$n" -gt 2 ] || { [ "$n" -eq 2 ] &&
			[ "$(sed -n 2p "$d/stderr")" != "Try 'sctrace -h' for more information." ]; }; then
			fail "$name" "more than the one-line error: $(sed -n 2p "$d/stderr")"
		elif [ $# -eq 1 ] && [ "$1" = /nonexistent-e2e ] &&
		     ! grep -q "No such file or directory" "$d/stderr"; then
			fail "$name" "the error does not say why: '$err'"
		else
			pass "$name"
		fi
	fi
}
usage_error usage-bad-option -z
usage_error usage-no-command
usage_error usage-nonexistent /nonexistent-e2e
if wanted usage-bare && have_tracer usage-bare; then
	"$SCTRACE" </dev/null >"$WORK/bare.out" 2>"$WORK/bare.err"
	rc=$?
	if [ "$rc" -ne 0 ] && [ "$(wc -l <"$WORK/bare.err")" -ge 1 ] &&
	   [ "$(wc -l <"$WORK/bare.err")" -le 2 ] && grep -q '^sctrace: ' "$WORK/bare.err"; then
		pass usage-bare
	else
		fail usage-bare "exit $rc: $(first_line "$WORK/bare.err")"
	fi
fi
