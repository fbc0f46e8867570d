"""Build the map's label glyphs: `python -m fonts.glyphs` (or `make glyphs`).

MapLibre draws map text from signed-distance-field glyphs in protocol-buffer files, one per font and block of 256
code points, which it fetches from the style's `glyphs` URL. Plotly's own styles point that URL at a font server
on the internet; ours points at `static/glyphs/`, which Streamlit serves itself. This script renders those files
from the committed Noto subset (assets/fonts), so the build needs no system font and no network, and writes the
same bytes every run.

Format (MapLibre's glyphs.proto): glyphs{1: fontstack{1: name, 2: range, 3: glyph{1: id, 2: bitmap,
3: width, 4: height, 5: left (sint32), 6: top (sint32), 7: advance}}}. Bitmaps are 24 px glyphs with a 3 px
border, as MapLibre expects: value = 255 - 255 * (distance / 8 + 0.25), distance in pixels, negative inside the outline.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import freetype
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "static" / "glyphs"
# The stack names the charts ask for (atlas/charts.py LABEL_FONT, LABEL_FONT_BOLD) and the face each is cut from.
STACKS = {"Noto Sans Regular": ROOT / "assets" / "fonts" / "NotoSansSC-Subset-Regular.ttf",
          "Noto Sans Bold": ROOT / "assets" / "fonts" / "NotoSansSC-Subset-Bold.ttf"}
SIZE, BORDER, RADIUS, CUTOFF = 24, 3, 8, 0.25
BLOCKS = (0,)  # first code point of each 256-block written: Basic Latin + Latin-1 hold every label (tested)


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(value: int) -> int:
    """sint32 fields (left, top) are zigzag-encoded: 0, -1, 1, -2 ... become 0, 1, 2, 3 ..."""
    return value * 2 if value >= 0 else -value * 2 - 1


def _field(number: int, value: int | bytes | str) -> bytes:
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    payload = value.encode("utf-8") if isinstance(value, str) else value
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _distance(seeds: np.ndarray) -> np.ndarray:
    """Squared Euclidean distance transform: for every pixel, min over pixels q of |p - q|^2 + seeds[q]."""
    height, width = seeds.shape
    ys, xs = np.mgrid[0:height, 0:width]
    points = np.stack([ys.ravel(), xs.ravel()], axis=1).astype(float)
    squared = ((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)
    return (squared + seeds.ravel()[None, :]).min(axis=1).reshape(height, width)


def sdf(alpha: np.ndarray) -> np.ndarray:
    """Signed distance field of a coverage bitmap (0..1), with the border, as MapLibre's TinySDF computes it."""
    grid = np.pad(alpha, BORDER)
    inf = 1e20
    outer = np.where(grid >= 1, 0.0, np.where(grid <= 0, inf, np.maximum(0, 0.5 - grid) ** 2))
    inner = np.where(grid >= 1, inf, np.where(grid <= 0, 0.0, np.maximum(0, grid - 0.5) ** 2))
    distance = np.sqrt(_distance(outer)) - np.sqrt(_distance(inner))
    return np.clip(np.round(255 - 255 * (distance / RADIUS + CUTOFF)), 0, 255).astype(np.uint8)


def glyph(face: freetype.Face, code: int) -> bytes | None:
    index = face.get_char_index(code)
    if not index:
        return None
    face.load_glyph(index, freetype.FT_LOAD_RENDER | freetype.FT_LOAD_NO_HINTING)
    slot = face.glyph
    bitmap = slot.bitmap
    width, height = bitmap.width, bitmap.rows
    fields = _field(1, code)
    if width and height:
        pixels = np.array(bitmap.buffer, dtype=np.uint8).reshape(height, bitmap.pitch)[:, :width] / 255.0
        fields += _field(2, sdf(pixels).tobytes())
    ascender = face.size.ascender >> 6
    return fields + b"".join(_field(number, value) for number, value in (
        (3, width), (4, height), (5, _zigzag(slot.bitmap_left)), (6, _zigzag(slot.bitmap_top - ascender)),
        (7, round(slot.advance.x / 64))))


def block(font: Path, name: str, start: int) -> bytes:
    face = freetype.Face(str(font))
    face.set_pixel_sizes(0, SIZE)
    glyphs = [g for code in range(start, start + 256) if (g := glyph(face, code)) is not None]
    stack = _field(1, name) + _field(2, f"{start}-{start + 255}") + b"".join(_field(3, g) for g in glyphs)
    return _field(1, stack)


def build(output: Path = OUTPUT) -> list[Path]:
    written = []
    for name, font in STACKS.items():
        for start in BLOCKS:
            path = output / name / f"{start}-{start + 255}.pbf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(block(font, name, start))
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUTPUT)
    for path in build(parser.parse_args(argv).output):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
