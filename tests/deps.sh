#!/bin/sh
# Make sure what `make check` needs is here: Criterion (unit tests) and strace (the
# oracle of the end-to-end tests).  As root with apt-get, install what is missing;
# otherwise print the exact line to run and fail.
missing=
printf '#include <criterion/criterion.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1 ||
	missing="$missing libcriterion-dev"
command -v strace >/dev/null 2>&1 || missing="$missing strace"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -qq && apt-get install -y -qq $missing; } >/dev/null || {
		echo "deps: apt-get install$missing failed" >&2
		exit 1
	}
	exit 0
fi
echo "deps: missing$missing; install with: sudo apt-get install$missing" >&2
exit 1
