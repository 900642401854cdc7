# A command that cannot be exec'd (no execute permission: EACCES; not an executable
# image: ENOEXEC): the -o file is whole, as strace writes it, the failed execve line
# and then "+++ exited with 1 +++", and sctrace says "exec: ..." and exits 1 as strace
# does.  (A command that does not exist leaves no file at all: usage-nonexistent.)

# exec_norm FILE: addresses and the count of environment variables left out (the
# count is the kernel's, with sctrace's own variables)
exec_norm() { sed -E 's/0x[0-9a-f]+/ADDR/g; s|/\* [0-9]+ vars \*/|/* N vars */|' "$1"; }

for how in eacces enoexec; do
	name=exec-failure-$how
	wanted $name || continue
	if [ -n "$nostrace" ]; then skip $name "$nostrace"; continue; fi
	have_tracer $name || continue
	d=$WORK/$name
	mkdir -p "$d"
	if [ $how = eacces ]; then
		: >"$d/prog"
		chmod 0644 "$d/prog"
	else
		printf '\177ELF not really' >"$d/prog"
		chmod 0755 "$d/prog"
	fi
	(cd "$d" && strace -o "$d/strace.raw" ./prog </dev/null >/dev/null 2>"$d/strace.err")
	src=$?
	(cd "$d" && "$SCTRACE" -o "$d/sctrace.raw" ./prog </dev/null >/dev/null 2>"$d/sctrace.err")
	trc=$?
	[ -f "$d/sctrace.raw" ] || : >"$d/sctrace.raw"
	exec_norm "$d/strace.raw" >"$d/strace.norm"
	exec_norm "$d/sctrace.raw" >"$d/sctrace.norm"
	if [ "$trc" != "$src" ]; then
		fail $name "exit $trc, strace exits $src"
	elif [ "$(sed 's/^strace:/sctrace:/' "$d/strace.err")" != "$(cat "$d/sctrace.err")" ]; then
		fail $name "stderr '$(first_line "$d/sctrace.err")', strace says '$(first_line "$d/strace.err")'"
	elif ! diff -u --label strace --label sctrace "$d/strace.norm" "$d/sctrace.norm" >"$d/diff"; then
		fail $name "the -o file is not strace's"
		show "$d/diff"
	else
		pass $name
	fi
done
