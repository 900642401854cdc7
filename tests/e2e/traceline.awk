# One line of a trace written by `strace -f -o FILE` or `sctrace -f -o FILE`, split and
# normalised the same way for every comparison script (window.awk, postload.awk): used
# as `awk -f traceline.awk -f SCRIPT.awk`.
#
# traceline(raw) sets `tl_pid` (the pid prefix, "0" without one) and returns the call's
# line with timestamps and -T times dropped, an "<unfinished ...>" call and its
# "<... X resumed>" part re-joined per pid (it returns "" for the first half: wait for
# the rest), strace's padding before " = " collapsed, addresses of 6 or more hex
# digits as 0xADDR and "/* N vars */".  tl_pend holds the calls still unfinished.

function traceline(raw,    line) {
	line = raw
	tl_pid = "0"
	if (match(line, /^[0-9]+ +/)) {
		tl_pid = substr(line, 1, RLENGTH)
		sub(/ +$/, "", tl_pid)
		line = substr(line, RLENGTH + 1)
	} else if (match(line, /^\[pid +[0-9]+\] /)) {
		tl_pid = substr(line, 6, RLENGTH - 7)
		sub(/^ +/, "", tl_pid)
		line = substr(line, RLENGTH + 1)
	}
	sub(/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9](\.[0-9]+)? /, "", line)
	sub(/^[0-9]+\.[0-9]+ /, "", line)
	sub(/ <[0-9]+\.[0-9]+>$/, "", line)
	if (line ~ / <unfinished \.\.\.>$/) {
		sub(/ <unfinished \.\.\.>$/, "", line)
		tl_pend[tl_pid] = line
		return ""
	}
	if (line ~ /^<\.\.\. [A-Za-z0-9_]+ resumed>/) {
		sub(/^<\.\.\. [A-Za-z0-9_]+ resumed>/, "", line)
		line = tl_pend[tl_pid] line
		delete tl_pend[tl_pid]
	}
	# strace pads the call to column 40 before " = "
	sub(/\)  +=/, ") =", line)
	gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "0xADDR", line)
	gsub(/\/\* [0-9]+ vars? \*\//, "/* N vars */", line)
	return line
}
