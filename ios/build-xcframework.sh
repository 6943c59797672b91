#!/usr/bin/env bash
# Builds MendFFI.xcframework (iOS device, iOS simulator and macOS slices) from the Rust core
# and regenerates the Swift bindings MendKit compiles. Run on a Mac with Xcode and rustup.
#   ios/build-xcframework.sh            # release
#   PROFILE=debug ios/build-xcframework.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PROFILE=${PROFILE:-release}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
KIT=$ROOT/ios/MendKit
WORK=$TARGET_DIR/xcframework
FLAG=$([ "$PROFILE" = release ] && echo --release || true)

rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin
# A release library aborts on a panic, so it needs no unwind tables, in the Rust or in the C
# (docs/PERFORMANCE.md; scripts/library-size.sh measures with the same flags).
RELEASE_RUSTFLAGS=$([ "$PROFILE" = release ] && echo "-C force-unwind-tables=no" || true)
RELEASE_CFLAGS=$([ "$PROFILE" = release ] && echo "-fno-asynchronous-unwind-tables -fno-unwind-tables" || true)
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin; do
  # Without the content built in: the app carries it as a resource (below).
  RUSTFLAGS="$RELEASE_RUSTFLAGS" CFLAGS="$RELEASE_CFLAGS" cargo build --locked -p mend-ffi --lib --no-default-features --target "$t" $FLAG
done

# Bindings come from the host build (its metadata is the same for every target).
cargo build --locked -p mend-ffi -p uniffi-bindgen
rm -rf "$WORK" "$KIT/MendFFI.xcframework"
mkdir -p "$WORK/headers" "$WORK/swift" "$WORK/ios-sim" "$WORK/macos"
(cd bindings && "$TARGET_DIR/debug/uniffi-bindgen" generate "$TARGET_DIR/debug/libmend_ffi.dylib" \
  --language swift --no-format --out-dir "$WORK/swift")
# One Swift file and one C header per crate (mend-core's types, mend-ffi's objects): the
# Swift files make up the MendCore module, the headers the MendFFI C module.
cp "$WORK"/swift/*.h "$WORK/headers/"
cat >"$WORK/headers/module.modulemap" <<MODULEMAP
module MendFFI {
    header "MendCoreTypesFFI.h"
    header "MendFFI.h"
    export *
}
MODULEMAP
rm -f "$KIT"/Sources/MendCore/*.swift
cp "$WORK"/swift/*.swift "$KIT/Sources/MendCore/"

lib() { echo "$TARGET_DIR/$1/$PROFILE/libmend_ffi.a"; }
lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" -output "$WORK/ios-sim/libmend_ffi.a"
lipo -create "$(lib aarch64-apple-darwin)" "$(lib x86_64-apple-darwin)" -output "$WORK/macos/libmend_ffi.a"

xcodebuild -create-xcframework \
  -library "$(lib aarch64-apple-ios)" -headers "$WORK/headers" \
  -library "$WORK/ios-sim/libmend_ffi.a" -headers "$WORK/headers" \
  -library "$WORK/macos/libmend_ffi.a" -headers "$WORK/headers" \
  -output "$KIT/MendFFI.xcframework"
echo "Built $KIT/MendFFI.xcframework"

# The program content the library is built without, one file per language, carried by the
# app (project.yml's resources) and installed at launch (MendKit's ProgramContent.install).
rm -rf "$ROOT/ios/App/Mend/Content"
cargo run --locked --release -p mend-core --example write-content -- "$ROOT/ios/App/Mend/Content"
