# sigaltstack set by a raw syscall (trapped in complete mode) and SA_ONSTACK handlers
# on a 256 KiB and on a 4 KiB alternate stack: the handlers run there, see
# SS_ONSTACK and EPERM as untraced, their calls are traced (windows inside the
# handlers compared with strace), nothing crashes.  Both modes.
if [ -n "$ASAN_RT" ]; then
	for n in altstack altstack-transparent; do wanted $n && skip $n "$asan_small_stack"; done
else
	compare altstack -- altstack
	transparent altstack-transparent altstack
fi
