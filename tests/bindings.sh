#!/usr/bin/env bash
# Regenerates Mend's bindings from the exact library under test, then runs the Python,
# Kotlin (JVM) and Swift (Linux chroot) suites against it, including the Android module's
# Kotlin API and MendKit's tests. Generated code goes under the target directory only.
# Usage: tests/bindings.sh [python] [kotlin] [swift]   (nothing: all three)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=$TARGET/bindings
CACHE=${MEND_TOOLS_CACHE:-/var/cache/mend-tools}
KOTLIN_VERSION=${KOTLIN_VERSION:-2.4.20}
SWIFT_ROOT=${MEND_SWIFT_ROOT:-$CACHE/swift-trixie}
[ $# -eq 0 ] && set -- python kotlin swift

echo "== Building the library and regenerating bindings"
cargo build --quiet --locked -p mend-ffi -p uniffi-bindgen
SO=$TARGET/debug/libmend_ffi.so
BINDGEN=$TARGET/debug/uniffi-bindgen
rm -rf "$OUT"
for lang in python kotlin swift; do
  # Run inside the workspace so the generator finds bindings/uniffi.toml.
  (cd bindings && "$BINDGEN" generate "$SO" --language "$lang" --no-format --out-dir "$OUT/$lang" >/dev/null)
done

python_suite() {
  echo "== Python"
  cp "$SO" "$OUT/python/"
  PYTHONPATH="$OUT/python" python3 tests/python/test_mend.py
}

kotlin_suite() {
  echo "== Kotlin (JVM)"
  bash tests/tools.sh kotlin
  local khome=$CACHE/kotlinc-$KOTLIN_VERSION/node_modules/kotlin-compiler
  local j=/usr/share/java
  local cp="$j/jna.jar:$khome/lib/kotlinx-coroutines-core-jvm.jar:$khome/lib/kotlin-test.jar"
  cp="$cp:$khome/lib/kotlin-test-junit.jar:$j/junit4.jar:$j/hamcrest-core.jar"
  local sources
  # Everything but the Android-only glue compiles and runs on a plain JVM.
  mapfile -t sources < <(find "$OUT/kotlin" android/mend/src/main/kotlin android/mend/src/test/kotlin tests/kotlin \
    -name '*.kt' -not -path '*/kit/android/*' | sort)
  "$khome/bin/kotlinc" -J-XX:TieredStopAtLevel=1 -nowarn "${sources[@]}" -cp "$cp" -d "$OUT/kotlin-classes" 2>&1 \
    | grep -v '^warning:' || true
  [ -d "$OUT/kotlin-classes/app" ] || { echo "Kotlin compilation failed" >&2; return 1; }
  # The Android-only glue (Keystore) compiles against the Android framework's classes.
  mapfile -t sources < <(find android/mend/src/main/kotlin -path '*/kit/android/*' -name '*.kt' | sort)
  "$khome/bin/kotlinc" -J-XX:TieredStopAtLevel=1 -nowarn "${sources[@]}" \
    -cp "$OUT/kotlin-classes:$j/jna.jar:$(bash tests/tools.sh android-all-jar)" -d "$OUT/android-classes" 2>&1 \
    | grep -v '^warning:' || true
  [ -d "$OUT/android-classes/app" ] || { echo "the Android-only Kotlin failed to compile" >&2; return 1; }
  java -cp "$OUT/kotlin-classes:$cp:$khome/lib/kotlin-stdlib.jar" \
    -Djna.library.path="$TARGET/debug" -Djna.tmpdir="$OUT/jna-tmp" \
    app.mend.tests.RunTestsKt app.mend.tests.BindingsTest app.mend.kit.ModelsTest app.mend.kit.TodayModelTest app.mend.kit.CheckInModelTest app.mend.kit.ProgramModelsTest
}

swift_suite() {
  echo "== Swift (Linux)"
  bash tests/tools.sh swift
  local kit=ios/MendKit
  # The generated Swift and the C header MendKit builds against on Linux.
  cp "$OUT/swift/MendCore.swift" "$kit/Sources/MendCore/MendCore.swift"
  cp "$OUT/swift/MendFFI.h" "$kit/Sources/MendFFI/MendFFI.h"
  mkdir -p "$SWIFT_ROOT/src" "$SWIFT_ROOT/target"
  trap unmount_chroot EXIT
  mount --bind "$ROOT" "$SWIFT_ROOT/src"
  mount --bind "$TARGET" "$SWIFT_ROOT/target"
  mount -t proc proc "$SWIFT_ROOT/proc"
  chroot "$SWIFT_ROOT" sh -ec "cd /src/$kit && swift test --disable-swift-testing --scratch-path /target/swift-build \
    -Xlinker -L/target/debug -Xlinker -rpath -Xlinker /target/debug"
  unmount_chroot
}

# Always leaves nothing mounted in the chroot, whatever happened.
unmount_chroot() {
  for m in "$SWIFT_ROOT/target" "$SWIFT_ROOT/src" "$SWIFT_ROOT/proc"; do
    if mountpoint -q "$m"; then umount "$m" || umount -l "$m"; fi
  done
}

for suite in "$@"; do
  case $suite in
    python) python_suite ;;
    kotlin) kotlin_suite ;;
    swift) swift_suite ;;
    *) echo "unknown suite: $suite" >&2; exit 2 ;;
  esac
done
