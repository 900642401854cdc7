# sctrace: one non-recursive Makefile.
#   make              build build/sctrace and build/libsctrace.so
#   make check        unit tests + end-to-end tests against strace; ends with a summary line
#   make bench        benchmarks (bench/), writes bench/RESULTS.md and bench/RECALL.md
#   make install      DESTDIR, prefix
#   make fuzz         libFuzzer target for the ring reader (clang; not part of check)
# Knobs: V=1 shows commands, O=dir builds out of tree, SANITIZE=address,undefined.

O ?= build
prefix ?= /usr/local
CC ?= cc

WARN := -std=gnu11 -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT ?= -O2 -g
CFLAGS_ALL := $(WARN) $(OPT) -fPIC -fvisibility=hidden -ftls-model=initial-exec \
	-D_GNU_SOURCE -I. -Iformat -I$(O)/gen $(CFLAGS)
ifdef SANITIZE
CFLAGS_ALL += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDSAN := -fsanitize=$(SANITIZE)
endif

ifeq ($(V),1)
Q :=
else
Q := @
endif

GEN_SRC     := $(filter-out gen/main.c,$(wildcard gen/*.c))
FORMAT_SRC  := $(wildcard format/*.c)
PRELOAD_SRC := $(wildcard preload/*.c) $(wildcard wrappers/*.c)
RUNNER_SRC  := $(filter-out runner/main.c,$(wildcard runner/*.c))
UNIT_SRC    := $(wildcard tests/unit/test_*.c)
E2E_SRC     := $(wildcard tests/e2e/*.c)

obj = $(patsubst %.c,$(O)/%.o,$(1))

SCTGEN   := $(O)/sctgen
GEN_OUT  := $(O)/gen/wrappers.c $(O)/gen/calltab.c $(O)/gen/exports.map \
	    $(O)/gen/xlattab.c $(O)/gen/xlattab.h $(O)/gen/callidx.h
XLAT_IN  := $(wildcard gen/xlat/*.in)
LIB      := $(O)/libsctrace.so
RUNNER   := $(O)/sctrace
UNITS    := $(patsubst tests/unit/%.c,$(O)/tests/%,$(UNIT_SRC))
E2E_BINS := $(patsubst tests/e2e/%.c,$(O)/e2e/%,$(E2E_SRC))

all: $(RUNNER) $(LIB)

# --- the generator and what it emits ------------------------------------------
$(SCTGEN): $(call obj,gen/main.c $(GEN_SRC))
	@echo "  LD      $@"
	$(Q)$(CC) $(LDSAN) -o $@ $^

$(GEN_OUT) &: gen/syscalls.spec $(XLAT_IN) $(SCTGEN)
	@echo "  GEN     $(O)/gen"
	$(Q)mkdir -p $(O)/gen
	$(Q)ASAN_OPTIONS=detect_leaks=0 $(SCTGEN) gen/syscalls.spec $(O)/gen gen/xlat

$(O)/gen/%.o: $(O)/gen/%.c
	@echo "  CC      $@"
	$(Q)$(CC) $(CFLAGS_ALL) -Ipreload -fexceptions -Wno-array-parameter -MMD -MP -c -o $@ $<

# --- objects ------------------------------------------------------------------
$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

# Preload objects include the generated headers; build them after generation.
$(call obj,$(PRELOAD_SRC)): | $(GEN_OUT)
$(call obj,$(PRELOAD_SRC)): CFLAGS_ALL += -Ipreload
# Wrappers at cancellation points record the call when pthread_cancel unwinds out of it
# (preload/cancel.c): their frames need cleanups, hence -fexceptions.
$(call obj,$(wildcard wrappers/*.c) preload/dispatch.c): CFLAGS_ALL += -fexceptions

FORMAT_OBJ := $(call obj,$(FORMAT_SRC)) $(O)/gen/calltab.o $(O)/gen/xlattab.o
# Decoders include the generated constant tables (xlattab.h).
$(call obj,$(FORMAT_SRC)): | $(GEN_OUT)
# runner/inflight.c names calls by their generated index (callidx.h).
$(call obj,runner/main.c $(RUNNER_SRC)): | $(GEN_OUT)

$(LIB): $(call obj,$(PRELOAD_SRC)) $(O)/gen/wrappers.o $(FORMAT_OBJ) $(O)/gen/exports.map
	@echo "  LD      $@"
	$(Q)$(CC) $(LDSAN) -shared -Wl,--version-script=$(O)/gen/exports.map -Wl,-z,now -Wl,-z,initfirst \
		-o $@ $(filter %.o,$^) -ldl

$(RUNNER): $(call obj,runner/main.c $(RUNNER_SRC)) $(FORMAT_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDSAN) -o $@ $^

# --- tests --------------------------------------------------------------------
# Unit tests link against everything except the programs' main() and the wrappers.
TESTLIB := $(O)/libsct_test.a
$(TESTLIB): $(call obj,$(GEN_SRC) $(RUNNER_SRC) preload/ring.c) $(FORMAT_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(O)/tests/%: tests/unit/%.c $(TESTLIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(CFLAGS_ALL) -fvisibility=default -o $@ $< $(TESTLIB) -lcriterion -lpthread $(LDSAN)

# (hostile_ring writes on its own ring: it follows the record format)
$(O)/e2e/hostile_ring: format/record.h

$(O)/e2e/%: tests/e2e/%.c tests/e2e/e2e.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) -std=gnu11 -Wall -Wextra -Werror -O1 -g -D_GNU_SOURCE -o $@ $< -lpthread

check: deps
	$(Q)$(MAKE) --no-print-directory run-check

run-check: all $(UNITS) $(E2E_BINS)
	$(Q)O=$(O) tests/run-all.sh $(UNITS)

deps:
	$(Q)tests/deps.sh

# strace 6.1's test suite, fetched and built under $(O) (tests/strace/fetch.sh);
# fails only when a test of tests/strace/expected-pass fails.  T="NAME..." runs those.
check-strace: all
	$(Q)O=$(O) tests/strace/run.sh $(T)

bench: all
	$(Q)O=$(O) bench/run.sh
	$(Q){ O=$(O) bench/recall.sh; echo; O=$(O) GAPS=0 SCTRACE_LIBC_ONLY=1 bench/recall.sh; } >bench/RECALL.md

# --- fuzzing (not part of check) -----------------------------------------------
# The ring reader against rings a traced program could write, with clang's libFuzzer,
# ASan and UBSan.  Build with `make fuzz`, then run it as long as you like, e.g.:
#   mkdir -p build/fuzz/corpus
#   build/fuzz/drain_fuzz -max_total_time=300 -max_len=8192 build/fuzz/corpus
# A finding is written to crash-* in the current directory; replay it by giving the
# file as the only argument.
FUZZ_CC  ?= clang
FUZZ_SRC := fuzz/drain_fuzz.c runner/drain.c runner/ringmap.c runner/order.c runner/round.c runner/calibrate.c runner/ringcheck.c runner/proc.c runner/pidns.c runner/totals.c $(FORMAT_SRC) $(O)/gen/calltab.c \
	    $(O)/gen/xlattab.c
FUZZ     := $(O)/fuzz/drain_fuzz

$(FUZZ): $(FUZZ_SRC) $(wildcard format/*.h runner/*.h) | $(GEN_OUT)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)$(FUZZ_CC) $(WARN) -Wno-unknown-warning-option -O1 -g -D_GNU_SOURCE -I. -Iformat \
		-I$(O)/gen -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-o $@ $(FUZZ_SRC)

fuzz: $(FUZZ)

install: all
	install -d $(DESTDIR)$(prefix)/bin $(DESTDIR)$(prefix)/lib/sctrace
	install -m 755 $(RUNNER) $(DESTDIR)$(prefix)/bin/sctrace
	install -m 755 $(LIB) $(DESTDIR)$(prefix)/lib/sctrace/libsctrace.so

clean:
	rm -rf $(O)

.PHONY: all check run-check check-strace deps bench fuzz install clean
.SECONDARY:

-include $(shell find $(O) -path $(O)/e2e-work -prune -o -path $(O)/strace-src -prune -o -name '*.d' -type f -print 2>/dev/null)
