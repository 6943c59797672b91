#!/usr/bin/env python3
"""Draws the app's two icons (1024 px, no transparency, as the App Store asks) into the asset
catalog: Mend's own (two halves of a heart joined by stitches, on warm sand) and discreet
mode's plain one (a lined sheet on grey). Pure Python: run it again after changing a shape."""
import struct
import zlib
from pathlib import Path

SIZE = 1024
HERE = Path(__file__).parent / "Mend" / "Assets.xcassets"


def png(path, pixel):
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)
        for x in range(SIZE):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    body = chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0))
    body += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)


def hexrgb(h):
    return bytes(int(h[i:i + 2], 16) for i in (1, 3, 5))


SAND, LEFT, RIGHT, STITCH = map(hexrgb, ["#F3E9DC", "#B5654A", "#8E4B36", "#5B3022"])


def heart(x, y):
    # The classic heart curve, (u² + v² − 1)³ ≤ u²v³, split down the middle with a gap.
    cx, cy, scale, gap = SIZE / 2, 560, 330, 14
    u, v = (x - cx) / scale, (cy - y) / scale
    inside = (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0
    if not inside or abs(x - cx) < gap:
        # Stitches across the gap.
        for sy in (420, 520, 620):
            if abs(x - cx) < 60 and abs((y - sy) - (x - cx) * 0.35) < 9:
                return STITCH
        return SAND
    return LEFT if x < cx else RIGHT


GREY, PAPER, EDGE, LINE = map(hexrgb, ["#ECEFF1", "#FFFFFF", "#607D8B", "#90A4AE"])


def sheet(x, y):
    left, right, top, bottom = 300, 724, 220, 804
    if left <= x <= right and top <= y <= bottom:
        if x - left < 12 or right - x < 12 or y - top < 12 or bottom - y < 12:
            return EDGE
        for ly, end in ((360, 660), (460, 660), (560, 660), (660, 560)):
            if abs(y - ly) < 9 and 364 <= x <= end:
                return LINE
        return PAPER
    return GREY


CONTENTS = """{
  "images" : [
    { "filename" : "%s", "idiom" : "universal", "platform" : "ios", "size" : "1024x1024" }
  ],
  "info" : { "author" : "xcode", "version" : 1 }
}
"""

for folder, name, pixel in (("AppIcon.appiconset", "mend.png", heart), ("Discreet.appiconset", "discreet.png", sheet)):
    target = HERE / folder
    target.mkdir(parents=True, exist_ok=True)
    png(target / name, pixel)
    (target / "Contents.json").write_text(CONTENTS % name)
(HERE / "Contents.json").write_text('{\n  "info" : { "author" : "xcode", "version" : 1 }\n}\n')
