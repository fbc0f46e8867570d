"""The PPTX deck: one slide per deck.Slide, real text read back with python-pptx, notes, pictures, safe XML."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from atlas import deck, deck_pptx, filters, store
from tests.conftest import FIXTURE

TODAY = datetime.date(2026, 11, 23)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.fixture(scope="module")
def slides() -> tuple[deck.Slide, ...]:
    data = store.load(FIXTURE)
    sel = filters.Filter()
    view = filters.apply(data, sel)
    return deck.slides(data, view, sel, TODAY)


def read(slides: tuple[deck.Slide, ...]):
    return Presentation(io.BytesIO(deck_pptx.pptx_bytes(slides)))


@pytest.fixture(scope="module")
def presentation(slides):
    return read(slides)


def text_of(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def pictures(slide) -> int:
    return sum(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)


def test_one_slide_per_deck_slide_in_16_9(slides, presentation):
    assert len(slides) == 7
    assert len(presentation.slides) == len(slides) == 7
    assert (presentation.slide_width, presentation.slide_height) == (12_192_000, 6_858_000)  # 13.333 x 7.5 in
    assert presentation.slide_width * 9 == presentation.slide_height * 16


def test_slides_keep_the_deck_order(slides, presentation):
    assert [s.kind for s in slides] == ["title", "national", "case", "case", "case", "case", "closing"]
    for slide, page in zip(slides, presentation.slides, strict=True):
        assert slide.title in text_of(page)


def test_title_slide_holds_subtitle_date_and_what_is_in_view(slides, presentation):
    text = text_of(presentation.slides[0])
    assert slides[0].subtitle in text
    assert "23 November 2026" in text
    for line in slides[0].lines:
        assert line in text


def test_case_slides_show_values_sources_and_chinese_title_as_written(slides, presentation):
    cases = [(s, p) for s, p in zip(slides, presentation.slides, strict=True) if s.kind == "case"]
    assert len(cases) == 4
    for slide, page in cases:
        text = text_of(page)
        assert slide.subtitle in text
        assert slide.place in text
        assert slide.sentence in text
        assert slide.footer in text
        assert len(slide.figures) == 4
        for figure in slide.figures:
            assert figure.value in text.split("\n")  # a paragraph of its own, exactly as written
            assert figure.source in text
            assert figure.label in text
            assert figure.when in text
    first = text_of(presentation.slides[2])
    assert "港湾机器人连通两港" in first
    assert "over 60 enterprises" in first.split("\n")
    assert "Alpha Institute 2024, §5.1" in first
    assert "up to 350 billion yuan (target)" in first.split("\n")


def test_national_slide_lists_the_events_and_closing_the_documents(slides, presentation):
    national = text_of(presentation.slides[1])
    assert slides[1].lines == (
        "September 2023 — Term first used on an inspection tour in Harbin",
        "Q1 2024 — Guideline on future industries issued",
        "31 January 2024 — National study session",
    )
    for line in slides[1].lines:
        assert line in national.split("\n")
    assert slides[1].footer in national
    closing = text_of(presentation.slides[-1])
    for line in slides[-1].lines:
        assert line in closing.split("\n")
    assert "Figures are the documents' claims, as reported. Made with NQP Atlas." in closing


def test_notes_pane_holds_the_notes(slides, presentation):
    for slide, page in zip(slides, presentation.slides, strict=True):
        assert page.has_notes_slide
        assert page.notes_slide.notes_text_frame.text == "\n\n".join(slide.notes)
    assert presentation.slides[2].notes_slide.notes_text_frame.text.startswith("Two port cities formed an alliance")


def test_national_and_case_slides_hold_one_map_each(presentation):
    assert [pictures(page) for page in presentation.slides] == [0, 1, 1, 1, 1, 1, 0]


def test_text_is_in_noto_sans_cjk_for_latin_and_east_asian_scripts(presentation):
    runs = [run for page in presentation.slides for shape in page.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    assert len(runs) > 50
    for run in runs:
        properties = run._r.find(qn("a:rPr"))
        assert properties.find(qn("a:latin")).get("typeface") == "Noto Sans CJK SC"
        assert properties.find(qn("a:ea")).get("typeface") == "Noto Sans CJK SC"
    chinese = next(run for run in runs if run.text == "港湾机器人连通两港")
    assert chinese._r.find(qn("a:rPr")).get("lang") == "zh-CN"
    assert chinese.font.size.pt == 24


def test_sizes_and_colours_follow_the_layout(slides, presentation):
    page = presentation.slides[2]
    runs = {run.text: run for shape in page.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
    title = runs["Harbour's robots"]
    assert (title.font.size.pt, title.font.bold, str(title.font.color.rgb)) == (36, True, "1B1F24")
    value = runs["over 60 enterprises"]
    assert (value.font.bold, str(value.font.color.rgb)) == (True, "0B5394")
    # One size per part across the grid: every label 16 pt, every value the same size (shrunk from 32 pt so that
    # 'up to 350 billion yuan (target)' fits its cell), every source line 12 pt.
    figures = [runs[figure.value] for figure in slides[2].figures]
    assert len({run.font.size.pt for run in figures}) == 1
    assert 20 <= value.font.size.pt < 32
    assert {runs[figure.label].font.size.pt for figure in slides[2].figures} == {16}
    source = next(run for text, run in runs.items() if text.endswith("Alpha Institute 2024, §5.1"))
    assert (source.font.size.pt, str(source.font.color.rgb)) == (12, "5F6B76")
    footer = runs["Section 5.1 · figures as reported by the source, not independently verified"]
    assert (footer.font.size.pt, str(footer.font.color.rgb)) == (12, "5F6B76")
    cover = {run.text: run for shape in presentation.slides[0].shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
    assert (cover["New quality productive forces"].font.size.pt, cover["23 November 2026"].font.size.pt) == (44, 18)


def test_text_boxes_wrap_and_shrink_on_overflow(presentation):
    for page in presentation.slides:
        for shape in page.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX:
                assert shape.text_frame.word_wrap is True
                assert shape.text_frame._txBody.bodyPr.find(qn("a:normAutofit")) is not None


def test_shapes_stay_on_the_slide_and_never_overlap(presentation):
    for number, page in enumerate(presentation.slides, 1):
        boxes = [(s.left, s.top, s.left + s.width, s.top + s.height) for s in page.shapes]
        for left, top, right, bottom in boxes:
            assert 0 <= left < right <= presentation.slide_width, number
            assert 0 <= top < bottom <= presentation.slide_height, number
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (number, a, b)


def test_forbidden_characters_go_and_a_huge_label_is_cut_never_the_value(slides):
    case = slides[2]
    label = ("A label far longer than any the report gives, written to see what the slide does with it " * 4)[:300]
    assert len(label) == 300
    bad = dataclasses.replace(
        case, title="Harbour\x0brobots\x00here", subtitle="港湾\x0b机器人",
        figures=(dataclasses.replace(case.figures[0], label=label, value="over 60\x0centerprises"),
                 *case.figures[1:]),
        notes=("Note\x00one", *case.notes[1:]))
    page = read((bad,)).slides[0]
    text = text_of(page)
    notes = page.notes_slide.notes_text_frame.text
    assert not FORBIDDEN.search(text)
    assert not FORBIDDEN.search(notes)
    assert "Harbour robots here" in text.split("\n")
    assert "港湾 机器人" in text.split("\n")
    assert "over 60 enterprises" in text.split("\n")  # the value whole, the form feed a space
    assert notes.startswith("Note one\n\n")
    cell = next(shape.text_frame.text for shape in page.shapes
                if shape.has_text_frame and "over 60 enterprises" in shape.text_frame.text)
    shown = cell.split("\n")[0]
    assert shown.endswith("…")
    assert 20 < len(shown) < 200
    assert label.startswith(shown[:-1].rstrip())
    assert "Alpha Institute 2024, §5.1" in cell  # the source line is never cut
    for figure in case.figures[1:]:
        assert figure.value in text.split("\n")
        assert figure.label in text


def test_fit_never_changes_a_value_and_shortens_only_what_may_be_cut():
    value = deck_pptx.para("about 1.2 trillion yuan (expected) " * 6, 32, 14, bold=True)
    label = deck_pptx.para("word " * 200, 16, 12, cut=True)
    [(fitted, sizes)] = deck_pptx.fit([[label, value]], 3.65, 1.85)
    assert fitted[1] == value
    assert fitted[0].text.endswith("…")
    assert len(fitted[0].text) < len(label.text)
    assert sizes == [12, 14]


def test_a_short_text_keeps_its_full_size():
    [(fitted, sizes)] = deck_pptx.fit([[deck_pptx.para("over 60 enterprises", 32, 14, bold=True)]], 3.65, 1.85)
    assert sizes == [32]
    assert fitted[0].text == "over 60 enterprises"


def test_a_long_list_of_documents_ends_in_an_ellipsis_line(slides):
    many = tuple(f"Document {i} — Publisher {i}, 2024." for i in range(1, 61))
    page = read((dataclasses.replace(slides[-1], lines=many),)).slides[0]
    paragraphs = [p.text for shape in page.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]
    shown = paragraphs[paragraphs.index("Document 1 — Publisher 1, 2024."):]
    assert shown[-2] == "…"
    assert shown[:3] == ["Document 1 — Publisher 1, 2024.", "Document 2 — Publisher 2, 2024.",
                         "Document 3 — Publisher 3, 2024."]
    assert 10 < len(shown) - 2 < 60


def test_an_unknown_kind_of_slide_is_refused(slides):
    with pytest.raises(ValueError, match="unknown slide kind 'chart'"):
        deck_pptx.pptx_bytes((dataclasses.replace(slides[0], kind="chart"),))
