#!/usr/bin/env bash
# Installs what the cross-language tests need, caching it outside the clone:
#   - JNA from Debian (libjna-java, >= 5.12 as UniFFI needs);
#   - the Kotlin compiler from the npm package kotlin-compiler (the full JVM distribution,
#     with kotlin-test and kotlinx-coroutines in its lib/);
#   - the Android framework's classes (Robolectric's android-all jar from Maven Central), to
#     compile the Android-only glue;
#   - Swift 6 from Debian 13 (trixie) in a debootstrapped chroot, since Debian 12 has none;
#   - Compose: the desktop Compose jars and the Android Compose AARs' classes from Maven
#     Central (tests/compose/*.pom.xml), and what skiko needs to render without a display
#     (GL, X11 and fontconfig libraries, a font);
#   - Robolectric 4.17 and its SDK 34 jar (tests/compose/robolectric.pom.xml), about 350 MB;
#   - (printing) Chromium and poppler, to print the therapist summary;
#   - (aarch64) Rust's aarch64 Linux target and Debian's cross compiler, to measure the
#     library for the phones' architecture.
# Usage: tests/tools.sh [kotlin] [swift] [compose] [robolectric] [printing] [aarch64]
#        (nothing: kotlin and swift). Prints nothing it need not.
#        tests/tools.sh android-all-jar     prints the android-all jar's path.
#        tests/tools.sh compose-dir         prints where the Compose jars are.
#        tests/tools.sh robolectric-dir     prints where Robolectric is (lib/, sdk/).
set -euo pipefail

CACHE=${MEND_TOOLS_CACHE:-/var/cache/mend-tools}
KOTLIN_VERSION=${KOTLIN_VERSION:-2.4.20}
ANDROID_ALL=${ANDROID_ALL:-org.robolectric:android-all:14-robolectric-10818077}
SWIFT_ROOT=${MEND_SWIFT_ROOT:-$CACHE/swift-trixie}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECMIRROR=${SECMIRROR:-http://deb.debian.org/debian-security}
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$CACHE"


apt_install() {  # apt_install PACKAGE... (only those missing)
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The phones' architecture: Rust's aarch64 Linux target and Debian's cross compiler (for
# bundled SQLite and ring's C), so the library's size is measured for aarch64 too.
aarch64() {
  apt_install gcc-aarch64-linux-gnu libc6-dev-arm64-cross
  rustup target list --installed | grep -qx aarch64-unknown-linux-gnu ||
    rustup target add aarch64-unknown-linux-gnu >/dev/null 2>&1
}

# Headless Chromium prints the therapist summary to PDF; poppler reads the PDF back.
printing() {
  apt_install chromium poppler-utils fonts-dejavu-core
}

kotlin() {
  apt_install libjna-java libjna-jni junit4
  command -v java >/dev/null || apt_install default-jdk-headless
  local home=$CACHE/kotlinc-$KOTLIN_VERSION
  if [ ! -x "$home/node_modules/kotlin-compiler/bin/kotlinc" ]; then
    npm install --silent --no-audit --no-fund --prefix "$home" "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
  fi
  if [ ! -s "$(android_all_jar)" ]; then
    command -v mvn >/dev/null || apt_install maven
    mvn -q -B -Dstyle.color=never dependency:get -Dartifact="$ANDROID_ALL" -Dmaven.repo.local="$CACHE/m2" >/dev/null
  fi
}

# Where Maven keeps the android-all jar (printed for tests/bindings.sh).
android_all_jar() {
  local g a v
  IFS=: read -r g a v <<<"$ANDROID_ALL"
  echo "$CACHE/m2/${g//.//}/$a/$v/$a-$v.jar"
}

swift() {
  apt_install debootstrap
  # The real binary: $ROOT/usr/bin/swift is an absolute symlink that looks missing from here.
  if [ -x "$SWIFT_ROOT/usr/libexec/swift/bin/swift-frontend" ]; then
    return 0
  fi
  for m in "$SWIFT_ROOT/proc" "$SWIFT_ROOT/src"; do
    if mountpoint -q "$m"; then umount "$m" || umount -l "$m"; fi
  done
  if grep -q " $SWIFT_ROOT/" /proc/self/mounts; then
    echo "refusing to rebuild $SWIFT_ROOT: something is still mounted in it" >&2
    exit 1
  fi
  rm -rf "$SWIFT_ROOT"
  debootstrap --variant=minbase trixie "$SWIFT_ROOT" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1
  cat >"$SWIFT_ROOT/etc/apt/sources.list" <<SOURCES
deb $MIRROR trixie main
deb $MIRROR trixie-updates main
deb $SECMIRROR trixie-security main
SOURCES
  mount -t proc proc "$SWIFT_ROOT/proc"
  trap 'umount "$SWIFT_ROOT/proc" 2>/dev/null || true' RETURN
  chroot "$SWIFT_ROOT" apt-get update -qq
  # libc6-dev is required: without it swiftc cannot find the C library.
  chroot "$SWIFT_ROOT" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends swiftlang libc6-dev >"$CACHE/apt-swift.log" 2>&1
  chroot "$SWIFT_ROOT" apt-get clean
}

# Where the Compose jars go: desktop/*.jar, android/*.jar (classes of the AARs).
compose_dir() { echo "$CACHE/compose"; }

compose() {
  apt_install libgl1 libx11-6 libfontconfig1 fonts-dejavu-core maven
  local dir poms stamp
  dir=$(compose_dir)
  poms=$(cd "$(dirname "$0")/compose" && pwd)
  stamp=$(cat "$poms"/*.pom.xml | sha256sum | cut -c1-16)
  [ -f "$dir/.stamp-$stamp" ] && return 0
  rm -rf "$dir"
  mkdir -p "$dir/android"
  local mvn=(mvn -q -B -Dstyle.color=never -Dmaven.repo.local="$CACHE/m2")
  # prependGroupId: Google and JetBrains publish jars with the same file name and version.
  # excludeArtifactIds, not excludeGroupIds: the latter is a prefix match and drops kotlinx.
  "${mvn[@]}" -f "$poms/desktop.pom.xml" dependency:copy-dependencies -DoutputDirectory="$dir/desktop" \
    -DexcludeArtifactIds=kotlin-stdlib-common -Dmdep.prependGroupId=true >/dev/null
  "${mvn[@]}" -f "$poms/android.pom.xml" dependency:copy -DoutputDirectory="$dir/android-packages" >/dev/null
  local f
  for f in "$dir"/android-packages/*; do
    case $f in
      *.aar) unzip -p "$f" classes.jar > "$dir/android/$(basename "$f" .aar).jar" ;;
      *.jar) cp "$f" "$dir/android/" ;;
    esac
  done
  touch "$dir/.stamp-$stamp"
}

# Where Robolectric goes: lib/*.jar (with the AARs' classes) and sdk/ (the SDK jar).
robolectric_dir() { echo "$CACHE/robolectric"; }
ROBOLECTRIC_SDK=org.robolectric:android-all-instrumented:14-robolectric-10818077-i7

robolectric() {
  command -v mvn >/dev/null || apt_install maven
  local dir pom stamp
  dir=$(robolectric_dir)
  pom="$(cd "$(dirname "$0")/compose" && pwd)/robolectric.pom.xml"
  stamp=$( (cat "$pom"; echo "$ROBOLECTRIC_SDK") | sha256sum | cut -c1-16)
  [ -f "$dir/.stamp-$stamp" ] && return 0
  rm -rf "$dir"
  local mvn=(mvn -q -B -Dstyle.color=never -Dmaven.repo.local="$CACHE/m2")
  "${mvn[@]}" -f "$pom" dependency:copy-dependencies -DoutputDirectory="$dir/lib" >/dev/null
  "${mvn[@]}" -f "$pom" dependency:copy -Dartifact="$ROBOLECTRIC_SDK" -DoutputDirectory="$dir/sdk" >/dev/null
  local a
  for a in "$dir"/lib/*.aar; do
    [ -e "$a" ] || continue
    unzip -p "$a" classes.jar > "${a%.aar}.jar"
    rm "$a"
  done
  touch "$dir/.stamp-$stamp"
}

if [ "${1:-}" = android-all-jar ]; then android_all_jar; exit 0; fi
if [ "${1:-}" = robolectric-dir ]; then robolectric_dir; exit 0; fi
if [ "${1:-}" = compose-dir ]; then compose_dir; exit 0; fi
if [ $# -eq 0 ]; then set -- kotlin swift; fi
for WHAT in "$@"; do
  case $WHAT in
    kotlin) kotlin ;;
    swift) swift ;;
    compose) compose ;;
    robolectric) robolectric ;;
    printing) printing ;;
    aarch64) aarch64 ;;
    *) echo "unknown tool set: $WHAT" >&2; exit 2 ;;
  esac
done
