#!/usr/bin/env bash
# Builds the release mend-ffi library (stripped, LTO) and checks its size against the
# 2 MB target. Prints one line: the size in bytes and MB.
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=$((2 * 1000 * 1000))
cargo build --quiet --release -p mend-ffi --lib
SO=${CARGO_TARGET_DIR:-target}/release/libmend_ffi.so
SIZE=$(stat -c %s "$SO")
awk -v s="$SIZE" 'BEGIN { printf "mend-ffi release library (stripped): %d bytes (%.2f MB)\n", s, s / 1e6 }'
if [ "$SIZE" -gt "$LIMIT" ]; then
  echo "the library is over the 2 MB target" >&2
  exit 1
fi
