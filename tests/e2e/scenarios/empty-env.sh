# children exec'd with an empty environment are still traced under -f
if wanted empty-env && have_tracer empty-env && have_prog empty-env envchild; then
	d=$WORK/empty-env
	mkdir -p "$d"
	(cd "$d" && exec timeout "$TIMEOUT" "$SCTRACE" -f -o "$d/trace" "$BIN/envchild" \
		</dev/null >"$d/out" 2>"$d/err")
	rc=$?
	[ -f "$d/trace" ] || : >"$d/trace"
	why=
	for n in 1 2 3 4; do
		grep -qE "^([0-9]+ +)?close\\(-424$n\\) += -1 EBADF \\(Bad file descriptor\\)\$" "$d/trace" && continue
		case $n in
		1) why="$why; fork+execve(path, argv, NULL)" ;;
		2) why="$why; fork+execve of 'env -i'" ;;
		3) why="$why; vfork+execve(path, argv, NULL)" ;;
		4) why="$why; vfork+execve of 'env -i'" ;;
		esac
	done
	if [ "$rc" -ne 0 ]; then
		fail empty-env "exit $rc: $(first_line "$d/err")"
	elif [ -n "$why" ]; then
		fail empty-env "a child is not traced (no close(-424N) line): ${why#; }"
	else
		pass empty-env
	fi
fi
