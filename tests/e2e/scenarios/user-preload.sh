if wanted user-preload && have_tracer user-preload && have_prog user-preload simple; then
	d=$WORK/user-preload
	mkdir -p "$d"
	printf '#include <unistd.h>\n__attribute__((constructor)) static void hi(void) { write(2, "user-lib\\n", 9); }\n' >"$d/u.c"
	if ! ${CC:-cc} -shared -fPIC -o "$d/libu.so" "$d/u.c" 2>"$d/cc.err"; then
		skip user-preload "cannot build a shared library: $(first_line "$d/cc.err")"
	else
		(cd "$d" && LD_PRELOAD="$d/libu.so" exec "$SCTRACE" -f -o "$d/trace" sh -c "$BIN/simple" \
			</dev/null >"$d/out" 2>"$d/err")
		rc=$?
		users=$(grep -c '^user-lib$' "$d/err")
		if [ "$rc" != 0 ]; then
			fail user-preload "exit $rc: $(first_line "$d/err")"
		elif [ "$users" != 3 ]; then
			# sctrace itself inherits the user's LD_PRELOAD too: sctrace, sh, simple
			fail user-preload "the user's preload ran in $users of the 3 images (sctrace, sh, simple)"
		elif [ "$(count 'close\(-4321\) += -1 EBADF')" != 1 ]; then
			fail user-preload "the program's calls are not traced next to the user's library"
		elif grep -qE 'LD_PRELOAD=[^"]*libsctrace[^"]*libsctrace' "$d/trace"; then
			fail user-preload "libsctrace.so is in LD_PRELOAD twice"
		else
			pass user-preload
		fi
	fi
fi
