#!/usr/bin/env bash
# Builds the release mend-ffi library as the Android build does (a cdylib alone, stripped,
# LTO, without unwind tables in the Rust or the C and without the unwinder's lookup table for
# the rest (the standard library's): it aborts on a panic, so nothing unwinds; relative
# relocations packed as the NDK packs them for minSdk 28; UniFFI's metadata
# made local by a linker version script, as scripts/phone-exports.sh writes for Gradle, so the
# linker drops it) for x86-64 and for aarch64
# (the phones' architecture, built with Debian's cross compiler), and checks each against the
# 2 MB target. Its own target directory keeps the flags from rebuilding every other release
# build. Prints one line per architecture: the size in bytes and MB.
#   scripts/library-size.sh [x86_64|aarch64 ...]   (nothing: both)
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=$((2 * 1000 * 1000))
DIR=${CARGO_TARGET_DIR:-target}/phone-size
[ $# -eq 0 ] && set -- x86_64 aarch64
case " $* " in *" aarch64 "*) bash tests/tools.sh aarch64 ;; esac

# Builds, measures and checks the library for one architecture.
measure() {
  local arch=$1 target nm=nm
  local -a cargo_target=() link=()
  case $arch in
    x86_64) target= ;;
    aarch64)
      # Linked by Rust's own lld, as the x86-64 host build and the NDK's clang are (GNU ld
      # refuses a second anonymous version script).
      target=aarch64-unknown-linux-gnu nm=aarch64-linux-gnu-nm
      cargo_target=(--target "$target")
      link=(-C "link-arg=-B$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/gcc-ld" -C link-arg=-fuse-ld=lld)
      export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
      export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar
      ;;
    *) echo "unknown architecture: $arch" >&2; return 2 ;;
  esac
  # Relative relocations packed as the NDK's clang packs them for minSdk 28 and later
  # (RELR with Android's tags): the host's linker would otherwise write 24 bytes for each.
  local -a android_relocs=(-C link-arg=-Wl,--pack-dyn-relocs=relr -C link-arg=-Wl,--use-android-relr-tags)
  local so=$DIR/${target:+$target/}release/libmend_ffi.so
  build() {
    RUSTFLAGS="-C force-unwind-tables=no" CFLAGS="-fno-asynchronous-unwind-tables -fno-unwind-tables" \
      cargo rustc --quiet --locked --release -p mend-ffi --lib --crate-type cdylib --no-default-features "${cargo_target[@]}" \
      --target-dir "$DIR" -- -C link-arg=-Wl,--no-eh-frame-hdr "${android_relocs[@]}" "${link[@]}" "$@"
  }
  # The UniFFI metadata names the library exports (grep reads all of nm's output: with
  # pipefail, an early exit would fail the pipe).
  meta() { "$nm" -D --defined-only "$so" | awk '{print $NF}' | grep '^UNIFFI_META_' || true; }
  # The names are listed from a build without a list and kept; a later build that still
  # exports some (new FFI items) adds them. The map's path carries a hash of its names, so
  # cargo links again whenever the list changes (it does not watch the file's contents).
  local names=$DIR/exports-$arch.names
  linked() {
    local map
    map=$(realpath -m "$DIR/exports-$arch-$(sha256sum < "$names" | cut -c1-12).map")
    if [ ! -f "$map" ]; then
      { echo "/* UniFFI metadata, local to the phone library (scripts/library-size.sh). */"
        echo "{"; echo "  local:"; sed 's/.*/    &;/' "$names"; echo "};"; } > "$map"
    fi
    build -C "link-arg=-Wl,--version-script=$map"
  }
  listed() { build; meta | sort -u > "$names"; }
  [ -s "$names" ] || listed
  # A listed name no longer defined (an FFI item removed) fails the link: list afresh.
  linked 2>/dev/null || { listed && linked; }
  if [ -n "$(meta)" ]; then
    { cat "$names"; meta; } | sort -u > "$names.new"
    mv "$names.new" "$names"
    linked
  fi
  local size
  size=$(stat -c %s "$so")
  awk -v a="$arch" -v s="$size" 'BEGIN { printf "mend-ffi release library for %s (stripped): %d bytes (%.2f MB)\n", a, s, s / 1e6 }'
  if [ -n "$(meta)" ]; then
    echo "UniFFI metadata is still exported ($arch)" >&2
    return 1
  fi
  if [ "$size" -gt "$LIMIT" ]; then
    echo "the $arch library is over the 2 MB target" >&2
    return 1
  fi
}

for arch in "$@"; do measure "$arch"; done
