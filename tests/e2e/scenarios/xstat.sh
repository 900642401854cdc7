# xstat: __xstat, __lxstat and __fxstat make the legacy stat, lstat and fstat calls
# (tests/e2e/xstat.c), compared with strace in both modes.
compare xstat -- xstat
