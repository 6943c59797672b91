#!/usr/bin/env bash
# Regenerates Mend's bindings from the exact library under test, then runs the Python,
# Kotlin (JVM) and Swift (Linux chroot) suites against it, including the Android module's
# Kotlin API and MendKit's tests. Generated code goes under the target directory only.
# Also builds and tests the Compose UI over the same Kotlin API (compose).
# Usage: tests/bindings.sh [python] [kotlin] [swift] [compose]   (nothing: all four)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=$TARGET/bindings
CACHE=${MEND_TOOLS_CACHE:-/var/cache/mend-tools}
KOTLIN_VERSION=${KOTLIN_VERSION:-2.4.20}
SWIFT_ROOT=${MEND_SWIFT_ROOT:-$CACHE/swift-trixie}
[ $# -eq 0 ] && set -- python kotlin swift compose

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
  # The two generated modules import each other as a package.
  local pkg=$OUT/python-package/mend_bindings
  mkdir -p "$pkg"
  cp "$OUT"/python/*.py "$SO" "$pkg/"
  touch "$pkg/__init__.py"
  PYTHONPATH="$OUT/python-package" python3 tests/python/test_mend.py
}

# Compiles Kotlin sources into a class directory; fails with kotlinc's errors when it fails.
kotlinc_to() {  # kotlinc_to OUT_DIR CLASSPATH SOURCE...
  local out=$1 cp=$2 log=$OUT/kotlinc.log
  shift 2
  if ! "$KOTLINC" -J-XX:TieredStopAtLevel=1 -J-XX:ReservedCodeCacheSize=512m -nowarn "$@" -cp "$cp" -d "$out" >"$log" 2>&1; then
    grep -v '^warning:' "$log" >&2
    echo "Kotlin compilation failed" >&2
    return 1
  fi
}

# The JUnit test classes among the given sources: every `class …Test` with its package.
test_classes() {
  local f pkg
  for f in "$@"; do
    pkg=$(sed -n 's/^package \([a-z0-9_.]*\).*/\1/p' "$f" | head -1)
    sed -n 's/^class \([A-Za-z0-9_]*Test\)\b.*/\1/p' "$f" | while read -r c; do echo "$pkg.$c"; done
  done
}

kotlin_suite() {
  echo "== Kotlin (JVM)"
  bash tests/tools.sh kotlin
  local khome=$CACHE/kotlinc-$KOTLIN_VERSION/node_modules/kotlin-compiler
  KOTLINC=$khome/bin/kotlinc
  local j=/usr/share/java
  local cp="$j/jna.jar:$khome/lib/kotlinx-coroutines-core-jvm.jar:$khome/lib/kotlin-test.jar"
  cp="$cp:$khome/lib/kotlin-test-junit.jar:$j/junit4.jar:$j/hamcrest-core.jar"
  local sources tests
  # Everything but the Android-only glue compiles and runs on a plain JVM.
  mapfile -t sources < <(find "$OUT/kotlin" android/mend/src/main/kotlin android/mend/src/test/kotlin tests/kotlin \
    -name '*.kt' -not -path '*/kit/android/*' | sort)
  rm -rf "$OUT/kotlin-classes" "$OUT/android-classes"
  kotlinc_to "$OUT/kotlin-classes" "$cp" "${sources[@]}"
  # The Android-only glue (Keystore) compiles against the Android framework's classes.
  mapfile -t sources < <(find android/mend/src/main/kotlin -path '*/kit/android/*' -name '*.kt' | sort)
  kotlinc_to "$OUT/android-classes" "$OUT/kotlin-classes:$j/jna.jar:$khome/lib/kotlinx-coroutines-core-jvm.jar:$(bash tests/tools.sh android-all-jar)" "${sources[@]}"
  mapfile -t tests < <(test_classes $(find android/mend/src/test/kotlin tests/kotlin -name '*.kt' | sort))
  [ ${#tests[@]} -gt 0 ] || { echo "no Kotlin test classes found" >&2; return 1; }
  java -cp "$OUT/kotlin-classes:$cp:$khome/lib/kotlin-stdlib.jar" \
    -Djna.library.path="$TARGET/debug" -Djna.tmpdir="$OUT/jna-tmp" \
    app.mend.tests.RunTestsKt "${tests[@]}"
}

# The Compose UI: the shared screens (app-ui) and the desktop app compiled with kotlinc and
# the Compose compiler plugin against the desktop Compose jars; the shared UI tests and the
# desktop screenshot tests run headlessly through the real core; then the shared screens and
# tests compile a second time against the Android Compose AARs, so desktop-only API in shared
# code fails here. Screenshots go to $MEND_SCREENS_DIR (default: target/screens).
# What the Compose steps share: the tools, the classpaths and the Kotlin compiler with the
# Compose plugin.
compose_setup() {
  bash tests/tools.sh kotlin compose
  local khome=$CACHE/kotlinc-$KOTLIN_VERSION/node_modules/kotlin-compiler cdir
  KOTLIN_HOME=$khome
  KOTLINC=$khome/bin/kotlinc
  COMPOSE_FLAGS=(-jvm-target 17 -Xplugin="$khome/lib/compose-compiler-plugin.jar")
  cdir=$(bash tests/tools.sh compose-dir)
  local ktest="$khome/lib/kotlin-test.jar:$khome/lib/kotlin-test-junit.jar"
  DESKTOP_CP=$(ls "$cdir"/desktop/*.jar | tr '\n' ':')$ktest
  ANDROID_CP=$(ls "$cdir"/android/*.jar | tr '\n' ':')$ktest
  COMPOSE_OUT=$OUT/compose
}

# Compiles the generated bindings, the Kotlin API, the shared screens and the desktop app
# into $COMPOSE_OUT/main (scripts/desktop.sh runs it from there).
compose_build() {
  compose_setup
  # Shared sources may use androidx.compose.* only; the desktop's own APIs stay in desktop/.
  if grep -rnE '^import (androidx\.compose\.ui\.(window|awt|scene)\.|androidx\.compose\.ui\.ImageComposeScene|org\.jetbrains\.|java\.awt|javax\.swing|android\.)' app-ui/src; then
    echo "desktop- or Android-only import in app-ui" >&2
    return 1
  fi
  rm -rf "$COMPOSE_OUT"
  local main
  mapfile -t main < <(find "$OUT/kotlin" android/mend/src/main/kotlin app-ui/src/main desktop/src/main -name '*.kt' -not -path '*/kit/android/*' | sort)
  kotlinc_to "$COMPOSE_OUT/main" "$DESKTOP_CP" "${COMPOSE_FLAGS[@]}" "${main[@]}"
}

# The Compose UI: the shared screens (app-ui) and the desktop app built; the shared UI tests
# and the desktop screenshot tests run headlessly through the real core; then the shared
# screens and tests compile a second time against the Android Compose AARs, so desktop-only
# API in shared code fails here. Screenshots go to $MEND_SCREENS_DIR (default:
# target/screens).
compose_suite() {
  echo "== Compose UI (desktop, headless)"
  compose_build
  local out=$COMPOSE_OUT shots=${MEND_SCREENS_DIR:-$TARGET/screens} tests classes main
  local support=(android/mend/src/test/kotlin/app/mend/kit/SoftwareKeyStore.kt
    android/mend/src/test/kotlin/app/mend/kit/TestSupport.kt
    android/mend/src/test/kotlin/app/mend/kit/FakeBiometricKeeper.kt)
  mapfile -t tests < <(find app-ui/src/test desktop/src/test -name '*.kt' | sort)
  kotlinc_to "$out/test" "$out/main:$DESKTOP_CP" "${COMPOSE_FLAGS[@]}" "${tests[@]}" "${support[@]}" tests/kotlin/RunTests.kt
  mapfile -t classes < <(test_classes "${tests[@]}")
  rm -rf "$shots"
  mkdir -p "$shots"
  env -u DISPLAY java -Djava.awt.headless=true -Dskiko.data.path="$CACHE/skiko" \
    -Djna.library.path="$TARGET/debug" -Dmend.screens="$shots" \
    -cp "$out/test:$out/main:$DESKTOP_CP" app.mend.tests.RunTestsKt "${classes[@]}"
  echo "screenshots: $shots ($(ls "$shots" | wc -l) images)"
  echo "== Compose UI against Android's Compose (compile check)"
  android_build
  mapfile -t tests < <(find app-ui/src/test -name '*.kt' | sort)
  kotlinc_to "$out/android-test" "$out/android-ui:$out/android-kit:$ANDROID_CP" "${COMPOSE_FLAGS[@]}" "${tests[@]}" "${support[@]}"
  echo "the shared UI, its tests and the Android app compile against Android Compose 1.12.1 / material3 1.4.0 and the framework"
  echo "== The Android app's manifest rules"
  mapfile -t tests < <(grep -L RobolectricTestRunner $(find android/app/src/test -name '*.kt') | sort)
  kotlinc_to "$out/android-app-test" "$DESKTOP_CP" "${tests[@]}" tests/kotlin/RunTests.kt
  mapfile -t classes < <(test_classes "${tests[@]}")
  java -Dmend.android.main=android/app/src/main -cp "$out/android-app-test:$DESKTOP_CP" app.mend.tests.RunTestsKt "${classes[@]}"
  robolectric_suite
}

# The Kotlin API, the shared screens and the Android app compiled against Android's Compose,
# AndroidX and the framework's classes, into $COMPOSE_OUT/android-{kit,ui,app}.
android_build() {
  local out=$COMPOSE_OUT main
  # The Kotlin API compiled for the JVM stands in for the Android module's classes.
  mapfile -t main < <(find "$OUT/kotlin" android/mend/src/main/kotlin -name '*.kt' -not -path '*/kit/android/*' | sort)
  kotlinc_to "$out/android-kit" "$ANDROID_CP:$DESKTOP_CP" "${COMPOSE_FLAGS[@]}" "${main[@]}"
  mapfile -t main < <(find app-ui/src/main -name '*.kt' | sort)
  kotlinc_to "$out/android-ui" "$out/android-kit:$ANDROID_CP" "${COMPOSE_FLAGS[@]}" "${main[@]}"
  mapfile -t main < <(find android/mend/src/main/kotlin -path '*/kit/android/*' -name '*.kt'; find android/app/src/main/kotlin -name '*.kt' | sort)
  kotlinc_to "$out/android-app" "$out/android-ui:$out/android-kit:$ANDROID_CP:$(bash tests/tools.sh android-all-jar)" "${COMPOSE_FLAGS[@]}" "${main[@]}"
}

# The Android app's glue on the framework's real classes (Robolectric, SDK 34): reminder
# alarms and notifications, the Keystore key store's errors. The app and kit classes compiled
# for Android above are the ones tested.
robolectric_suite() {
  echo "== The Android app's glue under Robolectric"
  bash tests/tools.sh robolectric
  local out=$COMPOSE_OUT rdir sdk rcp tests classes
  rdir=$(bash tests/tools.sh robolectric-dir)
  sdk=$(ls "$rdir"/sdk/*.jar)
  rcp=$(ls "$rdir"/lib/*.jar | tr '\n' ':')
  local app="$out/android-app:$out/android-ui:$out/android-kit:$ANDROID_CP:$KOTLIN_HOME/lib/kotlin-stdlib.jar"
  mapfile -t tests < <(grep -l RobolectricTestRunner $(find android/app/src/test -name '*.kt') | sort)
  kotlinc_to "$out/robolectric-test" "$app:$rcp$(bash tests/tools.sh android-all-jar)" "${tests[@]}" tests/kotlin/RunTests.kt
  mapfile -t classes < <(test_classes "${tests[@]}")
  # The SDK jar on the class path too (Robolectric's @Config names android.app.Application);
  # Conscrypt then fails on an uninitialised android.os.Build, so it is turned off.
  # The screens' words come from the core: JNA and the desktop build of the library stand in
  # for the phone's.
  java -Drobolectric.offline=true -Drobolectric.dependency.dir="$rdir/sdk" -Drobolectric.conscryptMode=OFF \
    -Djna.library.path="$TARGET/debug" -Djna.tmpdir="$OUT/jna-tmp" \
    -cp "$out/robolectric-test:$app:$rcp$sdk:/usr/share/java/jna.jar" app.mend.tests.RunTestsKt "${classes[@]}"
}

swift_suite() {
  echo "== Swift (Linux)"
  bash tests/tools.sh swift
  local kit=ios/MendKit
  # The generated Swift (one file per crate, one Swift module) and the C headers MendKit
  # builds against on Linux.
  rm -f "$kit"/Sources/MendCore/*.swift "$kit"/Sources/MendFFI/*.h
  cp "$OUT"/swift/*.swift "$kit/Sources/MendCore/"
  cp "$OUT"/swift/*.h "$kit/Sources/MendFFI/"
  mkdir -p "$SWIFT_ROOT/src" "$SWIFT_ROOT/target"
  # Built afresh each time (about 20 s): an incremental build kept code compiled against an
  # older layout of a generated record, and the tests crashed reading it.
  rm -rf "$TARGET/swift-build"
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
    compose) compose_suite ;;
    compose-build) compose_build ;;
    robolectric) compose_setup; android_build; robolectric_suite ;;
    *) echo "unknown suite: $suite" >&2; exit 2 ;;
  esac
done
