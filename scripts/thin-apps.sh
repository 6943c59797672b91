#!/usr/bin/env bash
# The Kotlin and Swift layers are thin shells over the core: no passcode length, attempt
# count, cap, date arithmetic or clamping of their own. This fails if their sources (tests
# aside) contain the signs of one: limits written as numbers next to the words they limit,
# calendar arithmetic, clamping, or unsigned conversions the core's signed counts made
# unnecessary. The rules themselves are tested once, in Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCES=(android/mend/src/main/kotlin ios/MendKit/Sources/MendKit ios/App app-ui/src/main desktop/src/main)
PATTERNS=(
  'coerceIn|coerceAtMost|coerceAtLeast|clamp'
  'LocalDate|plusDays|minusDays|ChronoUnit|date\(byAdding|dateComponents|Calendar\.current'
  '86_?400|3_?600_?000|24 \* 60'
  'MIN_PASSCODE|MAX_PASSCODE|minPasscode|FREE_ATTEMPTS|MAX_ALTERNATIVES'
  '(passcode|attempts|score|safety|trust|connection|title|tags?|limit|step)[A-Za-z]* *(<|>|<=|>=|==) *[0-9]'
  '\.toUInt\(\)|\.toUByte\(\)|UInt32\(|UInt8\('
)
found=0
for p in "${PATTERNS[@]}"; do
  if grep -rnE --include='*.kt' --include='*.swift' "$p" "${SOURCES[@]}"; then found=1; fi
done
if [ "$found" -ne 0 ]; then
  echo "a rule of the core's is written again above; ask the core instead" >&2
  exit 1
fi
echo "the Kotlin and Swift layers keep no rule of their own"

# Nor do they log: the generated records print every field (a note's body too) from
# toString() and description, so no logging call may appear where they are handled.
if grep -rnE --include='*.kt' --include='*.swift' \
  '\bLog\.[dievw]\(|\bprintln\(|\bprint\(|NSLog|os_log|\bLogger\(|Timber\.' "${SOURCES[@]}"; then
  echo "the apps must not log: what a person writes could end up in a log" >&2
  exit 1
fi
echo "the Kotlin and Swift layers do not log"

# MendKit builds on Linux: an Apple-only framework may only be imported in a file guarded by
# `#if canImport`. And no Swift code reaches for the network.
APPLE_ONLY='^import (SwiftUI|UIKit|AppKit|Security|LocalAuthentication|UserNotifications|CryptoKit)$'
unguarded=$(grep -rlE --include='*.swift' "$APPLE_ONLY" ios/MendKit/Sources | xargs -r grep -L '^#if canImport' || true)
if [ -n "$unguarded" ]; then
  echo "$unguarded"
  echo "an Apple-only import in MendKit outside #if canImport" >&2
  exit 1
fi
if grep -rnE --include='*.swift' '^import Network$|URLSession|NWConnection|URLRequest' ios/MendKit/Sources ios/App; then
  echo "the apps make no network calls" >&2
  exit 1
fi
echo "MendKit imports Apple-only frameworks only under #if canImport, and nothing uses the network"

# The SwiftUI views take every word from Words (or the core): no text of their own.
if grep -rnE --include='*.swift' '(^|[^A-Za-z.])(Text|Button|Label|Toggle|TextField|SecureField|Picker|NavigationLink)\("[^"]*[A-Za-z]' ios/App/Mend; then
  echo "a view carries its own words; put them in Words.swift" >&2
  exit 1
fi
echo "the iOS views take their words from Words.swift or the core"

# Nor do the Compose screens: every word is in Strings.kt (one instance per language) or
# comes from the core. A string literal passed to Text or as a title, label or description
# may hold values (`$name`), punctuation and test tags (`page-back`), but no words of its own.
words=$(grep -rnE --include='*.kt' '(Text\(|contentDescription = |title = |label = )[^"]*"' \
  app-ui/src/main desktop/src/main android/app/src/main/kotlin | grep -v 'Strings.kt:' |
  sed -E 's/\$\{[^}]*\}//g; s/\$[A-Za-z_][A-Za-z0-9_.]*//g' |
  grep -E '"[^"]*([A-Z][a-z]|[a-z][ :][a-z])[^"]*"' || true)
if [ -n "$words" ]; then
  echo "$words"
  echo "a Compose screen carries its own words; put them in Strings.kt" >&2
  exit 1
fi
echo "the Compose screens take their words from Strings.kt or the core"

# The two word tables (Strings.kt, Words.swift) hold keys into the core's catalogue
# (core/content/en/screens.toml), not words: each literal in them is a key there (or a part
# of one the code completes, or a placeholder's name), so a mistyped key or an English
# sentence left in an app fails here, for the iOS app too, which is not compiled here.
python3 - app-ui/src/main/kotlin/app/mend/ui/Strings.kt ios/App/Mend/Words.swift <<'PY'
import re, sys, tomllib

def flat(table, prefix=""):
    for key, value in table.items():
        if isinstance(value, dict) and "other" not in value:
            yield from flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value

with open("core/content/en/screens.toml", "rb") as f:
    words = dict(flat(tomllib.load(f)["words"]))
texts = [t for v in words.values() for t in (v.values() if isinstance(v, dict) else [v])]
names = {n for t in texts for n in re.findall(r"\{([A-Za-z]+)\}", t)}
parts = {p for k in words for p in re.split(r"\.", k)} | {k.split(".")[0] + "." for k in words}
bad = []
for path in sys.argv[1:]:
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.lstrip().startswith(("//", "/*", "*")):
            continue
        for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', line):
            bare = re.sub(r"\\\([^)]*\)|\$\{[^}]*\}|%[0-9.]*[a-z]", "", literal)
            if not re.search(r"[A-Za-z]", bare):
                continue
            known = (literal in words or literal in names or literal in parts
                     or any(k.endswith(literal) for k in words))
            if not known:
                bad.append(f"{path}:{number}: \"{literal}\"")
if bad:
    print("\n".join(bad))
    print("a word table names a key the core's catalogue lacks, or holds words of its own", file=sys.stderr)
    sys.exit(1)
print("the word tables name only keys of the core's catalogue")
PY
