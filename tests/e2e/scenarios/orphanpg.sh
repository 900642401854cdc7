# A process group orphaned with a stopped member (strace's orphaned_process_group):
# the kernel hangs it up; with -f the runner is the orphan's subreaper and must still
# let that happen (runner/orphans.c).  The program ends as without sctrace, also under
# -c (it hung until its alarm before, and the runner with it).
transparent orphanpg orphanpg
