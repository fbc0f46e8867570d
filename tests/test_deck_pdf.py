"""The PDF deck, read back with poppler as a reader's viewer would: pages, size, fonts, text and ink."""

from __future__ import annotations

import dataclasses
import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from atlas import deck, deck_pdf, filters, store
from tests.conftest import FIXTURE

TOOLS = ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm")


@pytest.fixture(scope="module")
def poppler() -> None:
    absent = [tool for tool in TOOLS if not shutil.which(tool)]
    if absent:
        message = f"poppler-utils not found ({', '.join(absent)}): apt-get install -y poppler-utils"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # in CI the PDF must be checked, not skipped
        pytest.skip(message)


@pytest.fixture(scope="module")
def slides() -> tuple[deck.Slide, ...]:
    data = store.load(FIXTURE)
    selection = filters.Filter()
    view = filters.apply(data, selection)
    return deck.slides(data, view, selection, datetime.date(2026, 11, 23))


@pytest.fixture(scope="module")
def pdf(slides, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("deck") / "deck.pdf"
    path.write_bytes(deck_pdf.pdf_bytes(slides))
    return path


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def _words(text: str) -> str:
    """Line breaks are layout, not text: a value wrapped over two lines still reads as written."""
    return " ".join(text.split())


def test_one_page_per_slide_at_16_9(poppler, pdf, slides):
    info = _run("pdfinfo", str(pdf))
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert len(slides) == 7
    assert int(fields["Pages"]) == 7
    assert fields["Page size"].strip().startswith("960 x 540 pts")
    assert fields["Title"].strip() == "New quality productive forces"


def test_every_font_is_embedded(poppler, pdf):
    header, dashes, *rows = _run("pdffonts", str(pdf)).splitlines()
    # Columns by the dashes under the header: name, type, encoding, emb, sub, uni, object ID.
    spans, start = {}, 0
    for dash in dashes.split():
        begin = dashes.index(dash, start)
        spans[header[begin:begin + len(dash)].strip()] = slice(begin, begin + len(dash))
        start = begin + len(dash)
    assert len(rows) == 2  # Regular and Bold, nothing left to the reader's system
    for row in rows:
        assert row[spans["emb"]].strip() == "yes", row
        assert row[spans["name"]].strip().split("+")[-1].startswith("NotoSansSC"), row


def test_slide_numbers(poppler, pdf):
    text = _run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-")
    pages = text.split("\f")
    for number in range(1, 8):
        assert f"{number} / 7" in pages[number - 1]


def test_chinese_titles_and_values_are_text(poppler, pdf, slides):
    text = _words(_run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"))
    cases = [slide for slide in slides if slide.kind == "case"]
    assert [slide.subtitle for slide in cases] == ["港湾机器人连通两港", "在南部海岸建设潮汐谷",
                                                    "湖畔内陆实验室共享仪器", "双城共建科学城"]
    for slide in cases:
        assert slide.subtitle in text
        assert slide.title in text
        for figure in slide.figures:
            assert _words(figure.value) in text, figure.value
    assert "about 1.2 trillion yuan (expected)" in text
    assert "Alpha Institute 2024, §5.2" in text


def test_every_page_has_ink(poppler, pdf, tmp_path):
    _run("pdftoppm", "-gray", "-r", "20", str(pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.pgm"))
    assert len(pages) == 7
    for page in pages:
        raw = page.read_bytes()
        # A binary PGM: 'P5', width, height, maxval, then one byte a pixel.
        magic, width, height, maxval, pixels = raw.split(maxsplit=4)
        assert magic == b"P5" and maxval == b"255"
        assert len(pixels) == int(width) * int(height)
        inked = sum(1 for byte in pixels if byte < 250)
        assert inked > 0.005 * len(pixels), page.name


def test_hostile_text_renders(poppler, slides, tmp_path):
    case = next(slide for slide in slides if slide.kind == "case")
    label = "Enterprises " * 25  # 300 characters
    assert len(label) == 300
    long_value = "about 1.2 trillion yuan (expected) across the whole coastal province and its neighbours"
    figures = (dataclasses.replace(case.figures[0], label=label, value=long_value), *case.figures[1:])
    hostile = dataclasses.replace(case, title="Harbour\x0brobots\x00", figures=figures,
                                  sentence="A sentence. " * 60, footer="\x0bfooter " * 40)
    path = tmp_path / "hostile.pdf"
    path.write_bytes(deck_pdf.pdf_bytes((slides[0], hostile)))
    text = _words(_run("pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"))
    assert "Harbour robots" in text
    assert long_value in text  # shrunk, never cut
    assert "…" in text  # the label and the sentence were cut, with an ellipsis
    assert int(dict(line.split(":", 1) for line in _run("pdfinfo", str(path)).splitlines())["Pages"]) == 2
