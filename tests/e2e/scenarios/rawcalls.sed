# tests/e2e/scenarios/rawcalls.sh: values that differ from run to run, their form kept
s/^(times\(.*\)) = [0-9]+$/\1 = T/
s/\[[0-9]+ \/\* [0-9]{4}-[0-9-]+T[0-9:]+\+0000 \*\/\]/[T \/* DATE *\/]/
s/= [0-9]+ \([0-9]{4}-[0-9-]+T[0-9:]+\+0000\)$/= T (DATE)/
s/^gettimeofday\(\{tv_sec=[0-9]+, tv_usec=[0-9]+\}/gettimeofday({TV}/
s/^getcpu\(\[[0-9]+\]/getcpu([C]/
s/^(sched_rr_get_interval\(0, )\{tv_sec=[0-9]+, tv_nsec=[0-9]+\}/\1{RR}/
s/ru_utime=\{tv_sec=[0-9]+, tv_usec=[0-9]+\}, ru_stime=\{tv_sec=[0-9]+, tv_usec=[0-9]+\}/ru_utime={T}, ru_stime={T}/
s/left \{tv_sec=0, tv_usec=[0-9]+\}/left {LEFT}/
s/si_utime=[0-9]+, si_stime=[0-9]+/si_utime=T, si_stime=T/
