# tests/e2e/scenarios/sigcut.sh: the sender's pid and what nanosleep had left to sleep
s/si_pid=[0-9]+/si_pid=P/
s/^((clock_)?nanosleep\((CLOCK_REALTIME, 0, )?\{tv_sec=20, tv_nsec=0\}, )\{tv_sec=[0-9]+, tv_nsec=[0-9]+\}/\1{REM}/
