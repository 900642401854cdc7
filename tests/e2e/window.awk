# Extract and normalise the compared windows of a trace written by
# `strace -f -o FILE` or `sctrace -f -o FILE` (POSIX awk; mawk has no {n,m}).
#
# Input lines: "PID  call(...) = ret" (the pid prefix is optional).  Markers, made by
# tests/e2e/e2e.h:
#   close(-1000-k) = -1 EBADF ...   begin window k of this pid
#   close(-2000-k) = -1 EBADF ...   end window k
#   close(-3000-k) = -1 EBADF ...   begin window k with this pid's last execve line
# A successful execve/execveat inside a window ends the window.  A SIGRTMIN delivery
# (glibc's pthread_cancel) drops the rest of its window: libc cancelling the thread.
#
# Output: for k = 0..999 in order, "== window k (Pn) ==" then the window's lines.
# Normalised: pid prefixes dropped; "<unfinished ...>" / "<... X resumed>" re-joined
# per pid; the padding strace puts before " = " (it depends on the width of the pid
# prefix and on where a call was resumed) collapsed to one space; timestamps and -T
# times dropped; addresses 0x + 6 or more hex digits -> 0xADDR; "/* N vars */";
# pids (window owners, and numbers in pid positions: returns of fork-like calls and
# wait4, first arguments of kill-like calls, si_pid=) -> P1, P2... by first appearance
# in window order; ports htons(N), N > 0 -> htons(PORTn) by first appearance.

function mapname(n) {
	if (!(n in pname))
		pname[n] = "P" (++npids)
	return pname[n]
}

function mapport(n) {
	if (!(n in portname))
		portname[n] = "PORT" (++nports)
	return portname[n]
}

# Replace the number that starts at 1-based position `pos` and runs `len` chars.
function repl_at(s, pos, len, with) {
	return substr(s, 1, pos - 1) with substr(s, pos + len)
}

function mappids(s,    head, rest, out, m) {
	# returns of calls that return a pid
	if (s ~ /^(clone|clone3|fork|vfork|wait4|waitid|getpid|getppid|gettid|getpgid|getpgrp|getsid|setsid)\(/ &&
	    match(s, / = [1-9][0-9]*$/))
		s = substr(s, 1, RSTART + 2) mapname(substr(s, RSTART + 3))
	# first argument of calls that take a pid first
	if (match(s, /^(kill|tkill|tgkill|wait4|setpgid|getpgid|getsid|pidfd_open|prlimit64|sched_[a-z_]+|process_vm_readv|process_vm_writev)\([1-9][0-9]*/)) {
		head = substr(s, 1, RLENGTH)
		m = match(head, /[1-9][0-9]*$/)
		s = repl_at(s, m, RLENGTH, mapname(substr(head, m)))
	}
	# tgkill(tgid, tid, sig): the second one too
	if (match(s, /^tgkill\(P[0-9]+, [1-9][0-9]*/)) {
		head = substr(s, 1, RLENGTH)
		m = match(head, /[1-9][0-9]*$/)
		s = repl_at(s, m, RLENGTH, mapname(substr(head, m)))
	}
	if (match(s, /^waitid\(P_PID, [1-9][0-9]*/)) {
		head = substr(s, 1, RLENGTH)
		m = match(head, /[1-9][0-9]*$/)
		s = repl_at(s, m, RLENGTH, mapname(substr(head, m)))
	}
	# si_pid=N anywhere (signal lines, waitid's siginfo)
	out = ""
	rest = s
	while (match(rest, /si_pid=[1-9][0-9]*/)) {
		out = out substr(rest, 1, RSTART + 6) mapname(substr(rest, RSTART + 7, RLENGTH - 7))
		rest = substr(rest, RSTART + RLENGTH)
	}
	s = out rest
	# ports
	out = ""
	rest = s
	while (match(rest, /htons\([1-9][0-9]*\)/)) {
		out = out substr(rest, 1, RSTART + 5) mapport(substr(rest, RSTART + 6, RLENGTH - 7)) ")"
		rest = substr(rest, RSTART + RLENGTH)
	}
	return out rest
}

function addline(k, s) {
	win[k] = win[k] s "\n"
}

# One complete (re-joined) line of pid p.
function feed(p, s,    kind, k) {
	if (s ~ /^close\(-[123][0-9][0-9][0-9]\) = -1 EBADF \(Bad file descriptor\)$/) {
		kind = substr(s, 8, 1)
		k = substr(s, 9, 3) + 0
		if (kind == "1" || kind == "3") {
			if (p in cur)
				addline(cur[p], "(window " k " begins inside this window)")
			if (k in owner) {
				addline(k, "(window begins again, by another process or twice)")
			} else {
				owner[k] = p
				win[k] = ""
			}
			cur[p] = k
			if (kind == "3")
				addline(k, (p in lastexec) ? lastexec[p] : "(no successful execve seen)")
		} else {
			if (!(p in cur))
				addline(k, "(window " k " ends outside a window of this process)")
			else if (cur[p] != k)
				addline(cur[p], "(window " k " ends inside window " cur[p] ")")
			else
				closed[k] = 1
			delete cur[p]
			delete cancelling[p]
		}
		return
	}
	# SIGRTMIN is glibc's cancellation signal: what follows it up to the end of the
	# window is glibc cancelling the thread (its handler, the unwinder), inside libc.
	if (s ~ /^--- SIGRTMIN \{/ && (p in cur))
		cancelling[p] = 1
	if (p in cancelling)
		return
	if (s ~ /^execve(at)?\(.*\) = 0$/)
		lastexec[p] = s
	if (p in cur) {
		addline(cur[p], s)
		if (s ~ /^execve(at)?\(.*\) = 0$/) {
			closed[cur[p]] = 1
			delete cur[p]
		}
	}
}

{
	line = traceline($0)
	pid = tl_pid
	if (line == "")
		next
	feed(pid, line)
}

END {
	for (p in tl_pend)
		feed(p, tl_pend[p] " <unfinished ...>")
	for (k = 0; k < 1000; k++) {
		if (!(k in owner))
			continue
		if (!(k in closed))
			addline(k, "(window not closed)")
		printf "== window %d (%s) ==\n", k, mapname(owner[k])
		n = split(win[k], lines, "\n")
		for (i = 1; i < n; i++)
			print mappids(lines[i])
	}
}
