#!/usr/bin/env bash
# Builds the release mend-ffi library as the phone builds do (stripped, LTO, and without
# unwind tables in the Rust or the C code: it aborts on a panic, see the Android Gradle file
# and ios/build-xcframework.sh) and checks its size against the 2 MB target. Its own target
# directory keeps the flag from rebuilding every other release build. Prints one line: the
# size in bytes and MB.
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=$((2 * 1000 * 1000))
DIR=${CARGO_TARGET_DIR:-target}/phone-size
RUSTFLAGS="-C force-unwind-tables=no" CFLAGS="-fno-asynchronous-unwind-tables -fno-unwind-tables" cargo build --quiet --release -p mend-ffi --lib --target-dir "$DIR"
SO=$DIR/release/libmend_ffi.so
SIZE=$(stat -c %s "$SO")
awk -v s="$SIZE" 'BEGIN { printf "mend-ffi release library (stripped): %d bytes (%.2f MB)\n", s, s / 1e6 }'
if [ "$SIZE" -gt "$LIMIT" ]; then
  echo "the library is over the 2 MB target" >&2
  exit 1
fi
