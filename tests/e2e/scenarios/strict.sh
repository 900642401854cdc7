# Strict seccomp mode: the library makes no call of its own after it (no clock read,
# no bell to the runner, no wait for room in a full ring, nothing at exit), and the
# program ends as without sctrace, also under -c (tests/e2e/strict.c).
transparent strict strict
