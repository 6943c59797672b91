#!/usr/bin/env bash
# Runs every test: the Rust workspace (unit, integration, property, crash and CLI tests),
# the therapist summary printed to PDF by headless Chromium, the check that the Kotlin
# and Swift layers keep no rule of their own, the release
# library's size check, and the Python, Kotlin and Swift suites against the
# generated bindings (tests/bindings.sh installs their tools on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Rust tests"
# The crash test kills a writing child process this many times.
export MEND_CRASH_KILLS=${MEND_CRASH_KILLS:-200}
cargo test --workspace --locked

echo "== The therapist summary, printed by a browser"
bash tests/summary-print.sh

echo "== Thin apps"
bash scripts/thin-apps.sh

echo "== Library size"
bash scripts/library-size.sh

echo "== Bindings"
bash tests/bindings.sh
