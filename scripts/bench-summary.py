#!/usr/bin/env python3
"""Prints the vault benchmarks' medians, their ratios to plain SQLite, and the targets.

Run after `cargo bench -p mend-core --bench vault`; reads criterion's estimates from
target/criterion. Exits 1 if a target is missed, so it can guard a release.
"""
import json
import os
import sys

ROOT = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target"), "criterion")


def median_ns(group, name):
    path = os.path.join(ROOT, group, name, "new", "estimates.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)["median"]["point_estimate"]


def fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


# (what, group, mend bench, baseline bench or None, target check, target text)
ROWS = [
    ("add a note", "add_note", "mend", "sqlite", lambda m, b: m <= 1.2 * b, "≤ 1.2× SQLite"),
    ("list newest 50", "list_newest_50", "mend", "sqlite", lambda m, b: m <= b, "≤ SQLite"),
    ("search two words", "search_two_words", "mend", "sqlite", lambda m, b: m < 20e6, "< 20 ms"),
    ("search, first after unlock (= prepare_search)", "search_two_words",
     "mend_first_after_unlock", "sqlite", lambda m, b: True, "—"),
    ("open + unlock without KDF", "open_unlock_without_kdf", "mend", "sqlite",
     lambda m, b: m <= 1.3 * b and m < 10e6, "≤ 1.3× SQLite, < 10 ms"),
    ("rekey: reseal 10,000 notes (passcode change, minimal KDF)", "rekey", "mend", "sqlite",
     lambda m, b: True, "recorded"),
    ("today + progress, two years of daily use", "program_two_years", "today_and_progress", None,
     lambda m, b: m < 20e6, "< 20 ms"),
    ("passcode KDF (Argon2id 64 MiB, t=3)", "passcode_kdf", "argon2id_default", None,
     lambda m, b: 100e6 <= m <= 500e6, "100–500 ms"),
]

failed = False
print("| operation | Mend | plain SQLite | ratio | target | met |")
print("|---|---|---|---|---|---|")
for what, group, name, base, check, target in ROWS:
    m = median_ns(group, name)
    b = median_ns(group, base) if base else None
    ok = check(m, b)
    failed |= not ok
    ratio = f"{m / b:.2f}×" if b else "—"
    met = "—" if target == "—" else ("yes" if ok else "NO")
    print(f"| {what} | {fmt(m)} | {fmt(b) if b else '—'} | {ratio} | {target} | {met} |")
sys.exit(1 if failed else 0)
