# Issue 9's structures and numbers reached through glibc's wrappers (wait4 that reaps
# nothing, sendfile's offset at the end of a file, sigprocmask's sets): strace's lines
# in both modes (tests/e2e/libcstructs.c).
compare libcstructs -- libcstructs
