"""The committed fonts draw every character the data and the interface can put on a slide, and rebuild exactly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from atlas import fonts
from atlas.store import ROOT
from fonts import build


def _all_text() -> str:
    files = [*sorted(path for path in (ROOT / "data").rglob("*") if path.is_file()), ROOT / "atlas" / "text.py"]
    return "".join(path.read_text(encoding="utf-8") for path in files)


def test_every_character_of_the_data_has_a_glyph():
    text = _all_text()
    assert "港" in text or "安" in text  # the data does hold Chinese
    assert fonts.missing(text) == set(), "rebuild the fonts: python -m fonts.build"


def test_missing_names_what_the_font_lacks():
    assert fonts.missing("Anhui · 安徽 “§5.2” \x0b\x00\n") == set()
    assert fonts.missing("丂 ☃ a") == {"丂", "☃"}


def test_the_fonts_are_small():
    for path in (fonts.REGULAR, fonts.BOLD):
        assert path.stat().st_size < 1_000_000


def test_rebuild_gives_the_same_bytes(tmp_path):
    if not all(source.is_file() for source in build.SOURCES.values()):
        message = f"Noto Sans CJK not found in {build.NOTO}: apt-get install -y fonts-noto-cjk"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([sys.executable, "-m", "fonts.build", str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for committed in (fonts.REGULAR, fonts.BOLD, fonts.FOLDER / "OFL.txt"):
        assert (tmp_path / committed.name).read_bytes() == committed.read_bytes(), committed.name
