#!/usr/bin/env bash
# Builds and starts the desktop app (the shared Compose screens in a window) over the
# host-built library. The vault lives in $XDG_DATA_HOME/mend-desktop (or ~/.local/share),
# or where `--vault DIR` says; its device key is a file beside it, as for the terminal client.
#   bash scripts/desktop.sh [--vault DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
CACHE=${MEND_TOOLS_CACHE:-/var/cache/mend-tools}
bash tests/bindings.sh compose-build
CP="$TARGET/bindings/compose/main:$(ls "$(bash tests/tools.sh compose-dir)"/desktop/*.jar | tr '\n' ':')"
exec java -Dskiko.data.path="$CACHE/skiko" -Djna.library.path="$TARGET/debug" -cp "$CP" app.mend.desktop.MainKt "$@"
