for p in files pipes sockets memory process threads errors stdio copy fds signals envchild simple; do
	if [ $p = signals ] && [ -n "$ASAN_RT" ]; then
		wanted transparent-$p && skip transparent-$p "$asan_small_stack"
		continue
	fi
	transparent "transparent-$p" "$p"
done
transparent transparent-status-3 status 3
transparent transparent-status-0 status 0
transparent transparent-status-term status term
transparent transparent-status-segv status segv
