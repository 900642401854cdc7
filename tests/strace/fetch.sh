#!/bin/bash
# Fetch strace 6.1's source from Debian (bookworm), configure it and build its test
# library and the test programs named as arguments, all under $O/strace-src.  Nothing
# of strace's is committed to or copied into sctrace's sources.
#
#   O=build tests/strace/fetch.sh PROGRAM...
#   O=build tests/strace/fetch.sh --all        (every program of strace's suite)
#
# The fetch uses a private apt configuration under $O/strace-apt (its own sources list
# with one deb-src line, its own lists and cache), so the system's apt setup is left
# alone and no root is needed; apt checks the files against the signed Release.  Each
# step is skipped when its result is already there, so a second run only (re)builds
# the programs make finds out of date.
set -euo pipefail

O=${O:-build}
mkdir -p "$O"
O=$(cd "$O" && pwd)
APTDIR=$O/strace-apt
SRC=$O/strace-src
SUITE=${STRACE_SUITE:-bookworm}
MIRROR=${STRACE_MIRROR:-http://deb.debian.org/debian}

say() { echo "check-strace: $*" >&2; }

if [ ! -f "$SRC/configure" ]; then
	command -v apt-get >/dev/null || { say "cannot fetch strace's source: no apt-get"; exit 1; }
	mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/dl"
	echo "deb-src $MIRROR $SUITE main" >"$APTDIR/sources.list"
	apt=(apt-get -q -o "Dir::Etc::SourceList=$APTDIR/sources.list"
		-o Dir::Etc::SourceParts=/nonexistent -o "Dir::State::Lists=$APTDIR/lists"
		-o "Dir::Cache=$APTDIR/cache" -o Debug::NoLocking=1)
	# apt drops to user _apt to download, which cannot write into the build folder
	[ "$(id -u)" != 0 ] || apt+=(-o APT::Sandbox::User=root)
	say "fetching strace's source ($SUITE) into $SRC"
	"${apt[@]}" update >"$APTDIR/update.log" 2>&1 ||
		{ say "apt-get update of $APTDIR/sources.list failed:"; tail -5 "$APTDIR/update.log" >&2; exit 1; }
	(cd "$APTDIR/dl" && "${apt[@]}" source --download-only strace) >"$APTDIR/source.log" 2>&1 ||
		{ say "apt-get source strace failed:"; tail -5 "$APTDIR/source.log" >&2; exit 1; }
	rm -rf "$SRC.tmp"
	dsc=$(ls "$APTDIR"/dl/strace_*.dsc | head -n 1)
	if command -v dpkg-source >/dev/null; then
		# apt checked the files against the signed Release; dpkg-source has no key for
		# the uploader's own signature and says so: keep that in the log
		dpkg-source -x "$dsc" "$SRC.tmp" >"$APTDIR/extract.log" 2>&1 ||
			{ say "dpkg-source -x failed; see $APTDIR/extract.log"; exit 1; }
	else
		# Without dpkg-dev: the upstream tarball alone (Debian's patches only mark
		# two netlink tests XFAIL and disable a timing test, none of ours).
		mkdir "$SRC.tmp"
		tar -C "$SRC.tmp" --strip-components=1 -xJf "$APTDIR"/dl/strace_*.orig.tar.xz
	fi
	mv "$SRC.tmp" "$SRC"
fi

if [ ! -f "$SRC/tests/Makefile" ]; then
	say "configuring strace's test suite"
	(cd "$SRC" && ./configure --enable-mpers=no) >"$SRC/sct-configure.log" 2>&1 ||
		{ say "strace's ./configure failed; see $SRC/sct-configure.log"; exit 1; }
fi

# ksysent.h and scno.h are BUILT_SOURCES: made by `make all`, not by libtests.a
make -s -C "$SRC/tests" -j"${STRACE_MAKE_JOBS:-2}" ksysent.h scno.h >"$SRC/sct-make.log" 2>&1 &&
	make -s -C "$SRC/tests" -j"${STRACE_MAKE_JOBS:-2}" libtests.a >>"$SRC/sct-make.log" 2>&1 ||
	{ say "building strace's test library failed; see $SRC/sct-make.log"; tail -5 "$SRC/sct-make.log" >&2; exit 1; }
if [ "${1-}" = --all ]; then
	# every program of strace's suite (its tests/Makefile's check_PROGRAMS), for
	# run.sh --all: about 1,150 programs, 2.5 minutes on one core
	# shellcheck disable=SC2016,SC2046  # make's $(...), split into words on purpose
	set -- $(printf 'include Makefile\nsct-print-programs:\n\t@echo $(check_PROGRAMS)\n' |
		make -s -C "$SRC/tests" -f - sct-print-programs)
fi
# Each program on its own: one that does not build is reported by run.sh, not fatal.
[ $# -eq 0 ] || make -k -s -C "$SRC/tests" -j"${STRACE_MAKE_JOBS:-2}" "$@" >>"$SRC/sct-make.log" 2>&1 || true
