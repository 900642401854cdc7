# tests/e2e/scenarios/siglines.sh: a child's tick counts (where the timer interrupt
# fell) and rt_sigqueueinfo's pid (window.awk maps those of kill-like calls only)
s/si_utime=[0-9]+( \/\* [0-9.]+ s \*\/)?, si_stime=[0-9]+( \/\* [0-9.]+ s \*\/)?/si_utime=T, si_stime=T/
s/^rt_sigqueueinfo\(P?[0-9]+,/rt_sigqueueinfo(PID,/
