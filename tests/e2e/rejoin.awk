# Re-join the lines strace -f splits when another task prints in between:
#   PID read(3,  <unfinished ...>
#   PID <... read resumed>"", 64) = 0
# become "PID read(3, "", 64) = 0" (at the place of the second half), so that a check
# can grep for whole calls.  The pid prefix is "PID " (-o FILE) or "[pid PID] ".
{
	pre = ""; body = $0
	if (match($0, /^[0-9]+ +/) || match($0, /^\[pid +[0-9]+\] /)) {
		pre = substr($0, 1, RLENGTH)
		body = substr($0, RLENGTH + 1)
	}
	key = pre
	gsub(/[^0-9]/, "", key)
	if (body ~ / <unfinished \.\.\.>$/) {
		sub(/ <unfinished \.\.\.>$/, "", body)
		pend[key] = pre body
		next
	}
	if (body ~ /^<\.\.\. [A-Za-z0-9_]+ resumed>/ && (key in pend)) {
		sub(/^<\.\.\. [A-Za-z0-9_]+ resumed>/, "", body)
		print pend[key] body
		delete pend[key]
		next
	}
	print
}
END { for (k in pend) print pend[k] " <unfinished ...>" }
