# Builds and tests the C core on its own, without Node.
#   make test-core      core + unit tests under AddressSanitizer/UBSan (the default check)
#   make valgrind-core  the same tests, plain build, under valgrind memcheck
#   make format / format-check   clang-format over src/, test/core and test/fuzz
#   make bench-core-grow  5M SETs through the core alone, timing every call
#                         (KEYS=1000000 KIND=hash|set|zset: into one collection)
#   make bench-core-cost  instructions (callgrind) of a fixed SET/GET mix through the core;
#                         CORE_DIR=<another tree>/src/core measures another commit's core
#   make fuzz           libFuzzer (clang) on rlExec: builds $(OUT)/fuzz-exec, runs it for
#                       FUZZ_SECONDS (60) from test/fuzz/corpus with test/fuzz/dict/redis.dict;
#                       new inputs go to $(OUT)/fuzz-corpus (scratch, not committed), crashes
#                       to $(OUT)/fuzz-crashes/. Input framing: test/fuzz/fuzz_exec.c header.
#                       Replay a crash: ./$(OUT)/fuzz-exec $(OUT)/fuzz-crashes/crash-...
#                       FUZZ_ARGS adds libFuzzer flags (e.g. -seed=N, -runs=N).
#                       Long campaign: make fuzz FUZZ_SECONDS=3600 (one core; start a second
#                       one beside it for two: they share the scratch corpus). Every hour or
#                       so shrink the scratch corpus (it slows the start of each run):
#                       ./$(OUT)/fuzz-exec -merge=1 NEWDIR $(OUT)/fuzz-corpus, then swap
#                       NEWDIR in. Fold only small, telling inputs into test/fuzz/corpus.
#   make fuzz-ci        the same bounded run for CI (FUZZ_CI_SECONDS, 60); non-zero on a crash
CC ?= cc
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla -Wundef
CSTD = -std=c11 -D_POSIX_C_SOURCE=200809L
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OUT = build-core

CORE_SRC = $(wildcard src/core/*.c)
TEST_SRC = $(filter-out test/core/test_main.c,$(wildcard test/core/test_*.c))
CORE_HDR = $(wildcard src/core/*.h) src/core/commands.def
C_FILES = $(CORE_SRC) $(TEST_SRC) test/fuzz/fuzz_exec.c bench/core_grow.c bench/core_cost.c $(wildcard src/core/*.h) $(wildcard src/napi/*.c) $(wildcard src/napi/*.h) test/core/test_main.c test/core/test_help.h

.PHONY: test-core valgrind-core format format-check clean-core bench-core-grow bench-core-cost \
	fuzz fuzz-ci

$(OUT)/test_list.h: $(TEST_SRC) | $(OUT)
	@grep -h '^int test_[a-z0-9_]*(void)' $(TEST_SRC) | sed 's/^int \(test_[a-z0-9_]*\)(void).*/TEST(\1)/' > $@.tmp && mv $@.tmp $@

$(OUT):
	@mkdir -p $(OUT)

$(OUT)/test-san: $(CORE_SRC) $(TEST_SRC) $(CORE_HDR) test/core/test_main.c test/core/test_help.h $(OUT)/test_list.h
	$(CC) $(CSTD) $(WARN) -Werror -g -O1 $(SAN) -Isrc/core -I$(OUT) -o $@ $(CORE_SRC) $(TEST_SRC) test/core/test_main.c -lm

$(OUT)/test-plain: $(CORE_SRC) $(TEST_SRC) $(CORE_HDR) test/core/test_main.c test/core/test_help.h $(OUT)/test_list.h
	$(CC) $(CSTD) $(WARN) -Werror -g -O1 -Isrc/core -I$(OUT) -o $@ $(CORE_SRC) $(TEST_SRC) test/core/test_main.c -lm

test-core: $(OUT)/test-san
	UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 ./$(OUT)/test-san

valgrind-core: $(OUT)/test-plain
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet ./$(OUT)/test-plain

KEYS ?= 5000000
bench-core-grow: | $(OUT)
	$(CC) $(CSTD) $(WARN) -O2 -Isrc/core -o $(OUT)/core_grow bench/core_grow.c $(CORE_SRC) -lm
	./$(OUT)/core_grow $(KEYS) $(KIND)

CORE_DIR ?= src/core
bench-core-cost: | $(OUT)
	$(CC) $(CSTD) -O2 -g -I$(CORE_DIR) -o $(OUT)/core_cost bench/core_cost.c $(wildcard $(CORE_DIR)/*.c) -lm
	cd $(OUT) && valgrind --tool=callgrind --callgrind-out-file=/dev/null ./core_cost 2>&1 | grep -E 'Collected|core_cost'

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 4096
FUZZ_ARGS ?=
FUZZ_SAN = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
$(OUT)/fuzz-exec: test/fuzz/fuzz_exec.c $(CORE_SRC) $(CORE_HDR) | $(OUT)
	$(FUZZ_CC) $(CSTD) $(WARN) -Werror -g -O1 $(FUZZ_SAN) -Isrc/core -o $@ test/fuzz/fuzz_exec.c $(CORE_SRC) -lm

fuzz: $(OUT)/fuzz-exec
	@mkdir -p $(OUT)/fuzz-corpus $(OUT)/fuzz-crashes
	UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 $(OUT)/fuzz-exec \
	  -dict=test/fuzz/dict/redis.dict -max_len=$(FUZZ_MAX_LEN) -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
	  -artifact_prefix=$(OUT)/fuzz-crashes/ $(FUZZ_ARGS) $(OUT)/fuzz-corpus test/fuzz/corpus

FUZZ_CI_SECONDS ?= 60
fuzz-ci:
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_CI_SECONDS)

format:
	clang-format -i $(C_FILES)

format-check:
	clang-format --dry-run --Werror $(C_FILES)

clean-core:
	rm -rf $(OUT)
