# The post-loader lines of a whole trace written by `strace -f -o FILE` or
# `sctrace -f -o FILE`, normalised so that the same call traced by either tool gives
# the same line (POSIX awk).  Used by tests/e2e/recall.sh; see there for how the
# lines are compared.
#
#   awk -f postload.awk TRACE          the post-loader lines, one per line
#   awk -v want=loader -f postload.awk TRACE
#                                      the loader phase's lines instead
#   awk -v want=tagged -f postload.awk TRACE
#                                      the post-loader lines, each after "Tn " where
#                                      n numbers the pids by first appearance
#
# The loader phase of an image is what the dynamic loader does before any code of the
# program or of its libraries runs (no constructor, not even libsctrace's, so no
# LD_PRELOAD tracer can see it): from the line after a successful execve/execveat of
# a pid up to and including the loader's munmap of /etc/ld.so.cache, its last call
# before it runs the constructors (glibc's _dl_unload_cache, after relocation and the
# RELRO mprotects).  Recognised by the cache's openat = FD, then mmap(NULL, N, ...,
# FD, 0) = A, then munmap(A, N) = 0 in that pid (the cache's openat among the first
# 8 lines after the execve).  An image whose trace has no such sequence (sctrace never prints loader lines; a static image opens no cache) has no
# loader phase: all its lines are kept.  Lines of forked children and threads belong
# to no loader phase.  The execve line itself is kept.
#
# Normalised: the pid prefix dropped; "<unfinished ...>" / "<... X resumed>" re-joined
# per pid; the padding before " = " collapsed; -t/-T times dropped; addresses (0x and
# 6 or more hex digits) -> 0xADDR; "/* N vars */"; numbers in pid positions (returns
# of calls that return a pid, first arguments of calls that take one, si_pid=,
# parent_tid=[N], the value a FUTEX_WAIT waits for when it is the tid of a thread
# this trace saw created: pthread_join) -> PID, since the two tools see different pids.  Two values that
# are the machine's state at that instant rather than the call's result, which the
# tracer's own processes and shared memory change: sysinfo's counters (all but the
# totals) -> N; and rt_sigreturn's "return value", the interrupted code's rax -> RAX.

# Replace the number that ends the first match of re in s by PID.
function pidafter(s, re,    m, len, head) {
	if (!match(s, re))
		return s
	len = RLENGTH
	head = substr(s, 1, len)
	m = match(head, /[1-9][0-9]*$/)
	return substr(s, 1, m - 1) "PID" substr(s, len + 1)
}

function pidpos(s,    n) {
	if (s ~ /^(clone|clone3|fork|vfork)\(/ && match(s, / = [1-9][0-9]*$/))
		known[substr(s, RSTART + 3)] = 1
	if (s ~ /^(clone|clone3|fork|vfork|wait4|waitid|getpid|getppid|gettid|getpgid|getpgrp|getsid|setsid|set_tid_address)\(/)
		sub(/ = [1-9][0-9]*$/, " = PID", s)
	s = pidafter(s, "^(kill|tkill|tgkill|wait4|setpgid|getpgid|getsid|pidfd_open|prlimit64|sched_[a-z_]+|process_vm_readv|process_vm_writev)\\([1-9][0-9]*")
	s = pidafter(s, "^tgkill\\(PID, [1-9][0-9]*")
	# pthread_join waits on the thread's tid
	if (match(s, /^futex\(0xADDR, FUTEX_WAIT[A-Z_|]*, [1-9][0-9]*/)) {
		n = substr(s, 1, RLENGTH)
		sub(/.*, /, "", n)
		if (n in known)
			s = pidafter(s, "^futex\\(0xADDR, FUTEX_WAIT[A-Z_|]*, [1-9][0-9]*")
	}
	gsub(/si_pid=[1-9][0-9]*/, "si_pid=PID", s)
	gsub(/parent_tid=\[[1-9][0-9]*\]/, "parent_tid=[PID]", s)
	gsub(/child_tid=\[[1-9][0-9]*\]/, "child_tid=[PID]", s)
	return s
}

function machine(s,    f) {
	split("uptime freeram sharedram bufferram freeswap procs freehigh", f, " ")
	for (i in f)
		gsub(f[i] "=[0-9]+", f[i] "=N", s)
	gsub(/loads=\[[0-9]+, [0-9]+, [0-9]+\]/, "loads=[N, N, N]", s)
	return s
}

# One complete line s of pid p.
function feed(p, s,    a, n, f) {
	if (p in held) {
		# inside a possible loader phase: hold until it ends or proves absent
		held[p] = held[p] s "\n"
		if (!(p in cachefd) && ++nheld[p] > 8) {
			# ld.so opens its cache among its first calls: no loader here
			release(p)
			return
		}
		if (!(p in cachefd) && s ~ /^openat\(AT_FDCWD, "\/etc\/ld\.so\.cache", / && match(s, / = [0-9]+$/))
			cachefd[p] = substr(s, RSTART + 3)
		else if ((p in cachefd) && !(p in cachemap) && index(s, "mmap(NULL, ") == 1) {
			n = split(s, a, /, /)
			if (n >= 6 && a[5] == cachefd[p] && match(s, / = 0xADDR$/) ) {
				cachemap[p] = a[2]
			}
		} else if ((p in cachemap) && s ~ ("^munmap\\(0xADDR, " cachemap[p] "\\) = 0$")) {
			if (want == "loader")
				emitall(p, held[p])
			endphase(p)
			return
		}
		return
	}
	if (want != "loader")
		emit(p, s)
	if (s ~ /^execve(at)?\(.*\) = 0$/)
		held[p] = ""
}

function emit(p, s) {
	if (want == "tagged") {
		if (!(p in tag))
			tag[p] = "T" (++ntags)
		print tag[p] " " s
	} else
		print s
}

# the held lines of p, each ended by a newline
function emitall(p, lines,    n, a, i) {
	n = split(lines, a, "\n")
	for (i = 1; i < n; i++)
		emit(p, a[i])
}

function endphase(p) {
	delete held[p]
	delete nheld[p]
	delete cachefd[p]
	delete cachemap[p]
}

# No loader phase found: the held lines were the program's own.
function release(p) {
	if (want != "loader")
		emitall(p, held[p])
	endphase(p)
}

{
	line = traceline($0)
	pid = tl_pid
	if (line == "")
		next
	line = pidpos(line)
	if (line ~ /^sysinfo\(\{/)
		line = machine(line)
	if (line ~ /^rt_sigreturn\(/)
		sub(/ = -?[0-9]+( [A-Z][A-Z0-9_]* \(.*\))?$/, " = RAX", line)
	# a new image of a pid that was still in a loader phase: that one had none
	if ((pid in held) && line ~ /^execve(at)?\(.*\) = 0$/)
		release(pid)
	feed(pid, line)
}

END {
	for (p in tl_pend)
		feed(p, tl_pend[p] " <unfinished ...>")
	for (p in held)
		release(p)
}
