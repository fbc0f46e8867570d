"""The fonts the PDF deck embeds: Noto Sans SC, cut down to the characters the atlas shows (built by fonts/build.py).

`missing(text)` names the characters the committed font cannot draw: a test checks that the data has none, so
adding a case with a new character means rebuilding the font with `python -m fonts.build`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "assets" / "fonts"
REGULAR = FOLDER / "NotoSansSC-Subset-Regular.ttf"
BOLD = FOLDER / "NotoSansSC-Subset-Bold.ttf"


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(REGULAR, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing(text: str) -> set[str]:
    """The characters of `text` the Regular font has no glyph for, whitespace and control characters aside."""
    covered = _covered()
    return {c for c in set(text) if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf", "Cs")
            and ord(c) not in covered}
