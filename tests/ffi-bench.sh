#!/usr/bin/env bash
# Measures the FFI's cost: the same calls from Rust (criterion, through mend-ffi's Rust API)
# and from Kotlin on the JVM (through the generated bindings and JNA), both against the
# release library, and prints the Kotlin/Rust ratio. Target: a page of 50 within 2×.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
CACHE=${MEND_TOOLS_CACHE:-/var/cache/mend-tools}
KOTLIN_VERSION=${KOTLIN_VERSION:-2.4.20}
OUT=$TARGET/ffi-bench
bash tests/tools.sh kotlin

cargo bench --quiet -p mend-ffi --bench ffi >/dev/null 2>&1
cargo build --quiet --release -p mend-ffi --lib
# The release library is stripped of the metadata the generator reads; the debug build of
# the same source carries identical metadata and checksums.
cargo build --quiet -p mend-ffi -p uniffi-bindgen
rm -rf "$OUT"
(cd bindings && "$TARGET/debug/uniffi-bindgen" generate "$TARGET/debug/libmend_ffi.so" \
  --language kotlin --no-format --out-dir "$OUT/kotlin" >/dev/null)
khome=$CACHE/kotlinc-$KOTLIN_VERSION/node_modules/kotlin-compiler
cp="/usr/share/java/jna.jar:$khome/lib/kotlinx-coroutines-core-jvm.jar"
mapfile -t sources < <(find "$OUT/kotlin" tests/kotlin-bench -name '*.kt')
"$khome/bin/kotlinc" -nowarn "${sources[@]}" -cp "$cp" -d "$OUT/classes" 2>&1 | grep -v '^warning:' || true
java -Xms1g -Xmx1g -cp "$OUT/classes:$cp:$khome/lib/kotlin-stdlib.jar" -Djna.library.path="$TARGET/release" \
  -Djna.tmpdir="$OUT/jna-tmp" app.mend.bench.FfiBenchKt | tee "$OUT/kotlin.txt"

python3 - "$TARGET/criterion" "$OUT/kotlin.txt" <<'PY'
import json, sys
crit, kotlin = sys.argv[1], sys.argv[2]
rust = {n: json.load(open(f"{crit}/ffi_rust/{n}/new/estimates.json"))["median"]["point_estimate"]
        for n in ("is_unlocked", "list_50", "list_50_filtered")}
kt = {line.split()[1]: float(line.split()[2]) for line in open(kotlin) if line.startswith("kotlin ")}
print("| call | Rust | Kotlin (JVM) | Kotlin/Rust |")
print("|---|---|---|---|")
for n in ("is_unlocked", "list_50", "list_50_filtered"):
    print(f"| {n} | {rust[n]:.1f} ns | {kt[n]:.1f} ns | {kt[n] / rust[n]:.2f}× |")
ok = kt["list_50"] <= 2 * rust["list_50"]
print("page of 50 within 2× of Rust:", "yes" if ok else "NO")
sys.exit(0 if ok else 1)
PY
