# Recall and precision of one sctrace trace against two strace traces of the same
# command, all three already through postload.awk (POSIX awk).
#
#   awk -f recall.awk STRACE1 STRACE2 SCTRACE
#
# The reference R is the multiset of lines both strace runs printed (the lines that
# differ between two strace runs, such as getrandom's bytes or a clock's value, are
# excluded).  recall = |R ∩ T| / |R|, the share of strace's lines that sctrace printed
# (counted with multiplicity).  precision = |R ∩ T| / |T'|, the share of sctrace's lines
# identical to a strace line, where T' is T without the lines that match no line of R
# but have the shape of a line that differed between the strace runs (digits,
# addresses and quoted strings blanked; for instance sctrace's own getrandom bytes).
#
# Output: one line "recall HIT REF precision HIT OWN volatile V", then the missing lines
# ("- COUNT LINE": strace printed them COUNT times more often than sctrace) and the
# extra ones ("+ COUNT LINE").

function shape(s) {
	gsub(/"([^"\\]|\\.)*"/, "\"\"", s)
	gsub(/0xADDR|0x[0-9a-f]+|[0-9]+/, "9", s)
	return s
}

FNR == 1 { f++ }
f == 1 { a[$0]++; next }
f == 2 { b[$0]++; next }
{ t[$0]++; nt++ }

END {
	for (l in a) {
		r = (l in b) ? (a[l] < b[l] ? a[l] : b[l]) : 0
		if (r > 0)
			ref[l] = r
		if (a[l] > r)
			vol[shape(l)] = 1
	}
	for (l in b)
		if (!(l in a) || b[l] > a[l])
			vol[shape(l)] = 1
	nref = 0; hit = 0; v = 0
	for (l in ref) {
		nref += ref[l]
		h = (l in t) ? (t[l] < ref[l] ? t[l] : ref[l]) : 0
		hit += h
		if (ref[l] > h)
			miss[l] = ref[l] - h
	}
	for (l in t) {
		h = (l in ref) ? (t[l] < ref[l] ? t[l] : ref[l]) : 0
		if (t[l] > h) {
			if (shape(l) in vol)
				v += t[l] - h
			else
				extra[l] = t[l] - h
		}
	}
	printf "recall %d %d precision %d %d volatile %d\n", hit, nref, hit, nt - v, v
	for (l in miss)
		printf "- %d %s\n", miss[l], l
	for (l in extra)
		printf "+ %d %s\n", extra[l], l
}
