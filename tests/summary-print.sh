#!/usr/bin/env bash
# The therapist summary in a real browser: the terminal client writes one from a vault with
# practice, check-ins and a picked note; headless Chromium prints it to PDF as a phone's
# print framework would; the PDF's text must hold what was picked and nothing else, and a
# picture of the first printed page is kept with the test output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/tools.sh printing

TARGET=${CARGO_TARGET_DIR:-target}
OUT=$TARGET/test-output/summary
rm -rf "$OUT" && mkdir -p "$OUT"
cargo build -q --locked -p mend-cli
MEND=$TARGET/debug/mend
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export MEND_VAULT=$WORK/vault MEND_PASSCODE=print-test-passcode MEND_TZ=UTC
"$MEND" init --role repairing --kdf-memory-kib 256 --kdf-iterations 1 >/dev/null
note_id=$(echo '{"title": "What I want to talk about", "body": "PICKED-FOR-THE-SESSION: how the evenings went, and what helped."}' \
  | "$MEND" note add --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo '{"title": "Private", "body": "NOT-PICKED-NOTE"}' | "$MEND" note add >/dev/null
"$MEND" done >/dev/null
"$MEND" checkin --safety 6 --trust 4 --connection 5 </dev/null >/dev/null
today=$(date -u +%Y-%m-%d)
html=$OUT/summary.html
"$MEND" summary --from "$today" --to "$today" --include practice,check-ins --note "$note_id" --yes "$html" >/dev/null

chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --run-all-compositor-stages-before-draw \
  --print-to-pdf="$OUT/summary.pdf" "file://$(realpath "$html")" >/dev/null 2>&1
pdftotext -layout "$OUT/summary.pdf" "$OUT/summary.txt"
fail=0
for expected in "Summary for a session" "Practice and progress" "Practised on 1 of 1 day" \
                "Check-ins" "Safety 6.0" "What I want to talk about" "PICKED-FOR-THE-SESSION"; do
  grep -q "$expected" "$OUT/summary.txt" || { echo "missing from the printed summary: $expected"; fail=1; }
done
if grep -q "NOT-PICKED-NOTE" "$OUT/summary.txt"; then echo "a note that was not picked was printed"; fail=1; fi
pdftoppm -png -r 70 -f 1 -l 1 "$OUT/summary.pdf" "$OUT/first-page"
ls "$OUT"/first-page*.png >/dev/null
[ $fail -eq 0 ] && echo "summary printed: $(pdftotext "$OUT/summary.pdf" - | wc -w) words; first page in $OUT"
exit $fail
