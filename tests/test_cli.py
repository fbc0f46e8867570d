"""`python -m atlas validate` on the fixture: the broken file and the missing sections named, non-zero exit."""

from __future__ import annotations

import subprocess
import sys

from atlas.store import ROOT
from tests.conftest import FIXTURE, FIXTURE_SEEDS


def test_validate_names_the_broken_fixture_file_and_the_missing_sections():
    result = subprocess.run([sys.executable, "-m", "atlas", "--data", str(FIXTURE), "validate", "--seeds",
                             str(FIXTURE_SEEDS)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("data/cases/05-04-broken-case.yaml: metrics[0] 'Robot makers in the corridor' › value:")
    missing = [f"data/cases: section 5.{n} › section: expected one case file, found 0" for n in range(4, 10)]
    assert lines[1:-1] == missing
    assert lines[-1] == "FAILED: 4 cases, 27 figures, 11 events, 2 sources; 7 problem(s)"


def test_validate_names_a_character_the_deck_font_cannot_draw(fixture_copy):
    path = fixture_copy / "cases" / "05-02-tidal-valley.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("zh: 在南部海岸建设潮汐谷", "zh: 在南部海岸建设潮汐谷𠀋"),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "atlas", "--data", str(fixture_copy), "validate", "--seeds",
                             str(FIXTURE_SEEDS)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "data: the deck's font has no glyph for '𠀋'; rebuild it with `make font`" in result.stdout


def _deck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "atlas", "--data", str(FIXTURE), "deck", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_deck_command_writes_the_filtered_deck(tmp_path):
    result = _deck(str(tmp_path / "talk.pptx"), "--sector", "photonics", "--from", "2020")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {tmp_path / 'talk.pptx'}: 5 slides"
    from pptx import Presentation

    slides = Presentation(str(tmp_path / "talk.pptx")).slides
    assert len(slides) == 5
    title_text = " ".join(shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame)
    assert "2 of 4 cases · Sector: Photonics & optics · Years: 2020 to 2030" in title_text
    assert (tmp_path / "talk.pptx").stat().st_size > 10_000


def test_deck_command_says_why_it_wrote_nothing(tmp_path):
    empty = _deck(str(tmp_path / "none.pdf"), "--q", "no such words")
    assert (empty.returncode, empty.stderr.splitlines()[-1]) == (
        1, "No case matches these filters: there is no deck to write.")
    assert not (tmp_path / "none.pdf").exists()
    wrong = _deck(str(tmp_path / "deck.docx"))
    assert (wrong.returncode, wrong.stderr.splitlines()[-1]) == (2, "the output file must end in .pptx or .pdf")
    junk = _deck(str(tmp_path / "deck.pdf"), "--sector", "nonsense")
    assert "Ignored unknown sector 'nonsense'." in junk.stderr and junk.returncode == 0
