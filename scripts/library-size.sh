#!/usr/bin/env bash
# Builds the release mend-ffi library as the Android build does (a cdylib alone, stripped,
# LTO, without unwind tables in the Rust or the C: it aborts on a panic; UniFFI's metadata
# made local by scripts/phone-exports.sh, so the linker drops it) and checks its size against
# the 2 MB target. Its own target directory keeps the flags from rebuilding every other
# release build. Prints one line: the size in bytes and MB.
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=$((2 * 1000 * 1000))
DIR=${CARGO_TARGET_DIR:-target}/phone-size
SO=$DIR/release/libmend_ffi.so
MAP=$(realpath -m "$DIR/exports.map")
build() {
  RUSTFLAGS="-C force-unwind-tables=no" CFLAGS="-fno-asynchronous-unwind-tables -fno-unwind-tables" \
    cargo rustc --quiet --locked --release -p mend-ffi --lib --crate-type cdylib --target-dir "$DIR" -- "$@"
}
# The metadata's names come from a build of the same source; then the library is linked
# again with them made local.
if [ ! -f "$MAP" ]; then
  build
  bash scripts/phone-exports.sh "$SO" "$MAP"
fi
build -C "link-arg=-Wl,--version-script=$MAP"
if nm -D --defined-only "$SO" | grep -q UNIFFI_META_; then
  # New metadata since the list was made: make the list again and link once more.
  bash scripts/phone-exports.sh "$SO" "$MAP"
  build -C "link-arg=-Wl,--version-script=$MAP"
fi
SIZE=$(stat -c %s "$SO")
awk -v s="$SIZE" 'BEGIN { printf "mend-ffi release library (stripped): %d bytes (%.2f MB)\n", s, s / 1e6 }'
if nm -D --defined-only "$SO" | grep -q UNIFFI_META_; then
  echo "UniFFI metadata is still exported" >&2
  exit 1
fi
if [ "$SIZE" -gt "$LIMIT" ]; then
  echo "the library is over the 2 MB target" >&2
  exit 1
fi
