"""On-screen wording of figures, dates and data text."""

from __future__ import annotations

import pytest

from atlas import format as fmt


@pytest.mark.parametrize(("value", "text"), [(1147, "1,147"), (37.2, "37.2"), (0.25, "0.25"), (236000, "236,000"),
                                             (1.0, "1"), (2.2, "2.2")])
def test_number_is_written_as_given_never_rounded(value, text):
    assert fmt.number(value) == text


@pytest.mark.parametrize(("args", "text"), [
    ((60, "enterprises", "over"), "over 60 enterprises"),
    ((85, "percent", "over"), "over 85%"),
    ((350, "billion yuan", "exact"), "350 billion yuan"),
    ((3.8, "billion yuan", "up-to"), "up to 3.8 billion yuan"),
    ((90, "percent", "about", "target"), "about 90% (target)"),
])
def test_figure_keeps_the_hedge(args, text):
    assert fmt.figure(*args) == text


@pytest.mark.parametrize(("date", "text"), [("2024", "2024"), ("2024-Q1", "Q1 2024"), ("2024-06", "June 2024"),
                                            ("2024-06-17", "17 June 2024")])
def test_when_follows_precision(date, text):
    assert fmt.when(date) == text


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "[click](javascript:alert(1))", "**bold** $x^2$ :red[x]",
    "<img src=x onerror=alert(1)>",
])
def test_md_escapes_every_markup_character(hostile):
    escaped = fmt.md(hostile)
    for char in "<>[]()*$:":
        assert char not in escaped.replace("\\" + char, "")


@pytest.mark.parametrize(("count", "text"), [(0, "0 events. Dates are as the sources give them."),
                                             (1, "1 event. Dates are as the sources give them."),
                                             (1500, "1,500 events. Dates are as the sources give them.")])
def test_plural_wording_follows_the_locale_rules(count, text):
    from atlas.text import n

    assert n("timeline.count", count) == text


def test_a_message_with_plural_forms_must_be_given_a_count():
    from atlas.text import t

    with pytest.raises(TypeError):
        t("timeline.count")


@pytest.mark.parametrize(("args", "parts"), [
    ((60, "enterprises", "over"), ("over 60", "enterprises")),
    ((85, "percent", "over"), ("over 85%", "")),
    ((90, "percent", "about", "target"), ("about 90%", "(target)")),
    ((3.8, "billion yuan", "up-to", "expected"), ("up to 3.8", "billion yuan (expected)")),
])
def test_figure_parts_split_the_number_from_its_unit_and_join_back(args, parts):
    assert fmt.figure_parts(*args) == parts
    assert " ".join(p for p in parts if p) == fmt.figure(*args)


@pytest.mark.parametrize(("value", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                             (12, "12th"), (13, "13th"), (21, "21st"), (102, "102nd")])
def test_a_rank_reads_as_an_ordinal(value, text):
    assert fmt.ordinal(value) == text
    assert fmt.figure(value, "rank") == text


def test_highlight_marks_the_search_and_nothing_else():
    assert fmt.highlight("laying 1,147 kilometers of fiber", "1147 FIBER") == (
        "laying :orange-background[1,147] kilometers of :orange-background[fiber]")
    assert fmt.highlight("a [link](javascript:x) b", "link") == (
        "a \\[:orange-background[link]\\]\\(javascript\\:x\\) b")
    assert fmt.highlight("11470 items", "1147") == "11470 items"
    assert fmt.highlight("text", "") == "text"
