#!/usr/bin/env bash
# npm run test:asan -- builds the addon (src/core + src/napi) with AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/ and runs the mocha suite against that build
# (REDLITE_ADDON_PATH tells lib/native.js which binary to load). Node itself is not
# instrumented: ASan's runtime is preloaded so that the addon's memory errors are caught in
# the real process, with the real JS callers. Leak detection is off: Node does not free its
# own heap at exit, so LeakSanitizer would report Node, not us (leaks of the core are checked
# by `make valgrind-core` and by the core's own memory accounting, see README).
# Extra arguments go to mocha (e.g. a spec file).
set -euo pipefail
cd "$(dirname "$0")/.."
CC=${CC:-gcc}
NODE_INCLUDE=$(node -p "require('path').resolve(process.execPath, '..', '..', 'include', 'node')")
if [ ! -f "$NODE_INCLUDE/node_api.h" ]; then
  echo "test-asan: Node's headers not found in $NODE_INCLUDE (set NODE_INCLUDE)" >&2
  exit 1
fi
mkdir -p build-asan
$CC -std=c11 -g -O1 -fPIC -shared -fno-omit-frame-pointer \
  -fsanitize=address,undefined -fno-sanitize-recover=undefined \
  -Wall -Wextra -DNAPI_VERSION=8 -I"$NODE_INCLUDE" \
  -o build-asan/redlite.node src/core/*.c src/napi/*.c -lm
export REDLITE_ADDON_PATH="$PWD/build-asan/redlite.node"
LD_PRELOAD="$($CC -print-file-name=libasan.so):$($CC -print-file-name=libubsan.so)"
export LD_PRELOAD
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
exec npx mocha --timeout 300000 "$@"
