"""The trail on the invented fixture document: sentences whole at abbreviations, verbatim, across sentences, and
the parts a text has no heading for (conclusion, endnotes, glossary notes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas import trail

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
PARTS = (trail.Part("conclusion", 44, 46, "Regions that build before they break"),
         trail.Part("endnote", 49, 50, "1. “Harbour Robots", numbered=True),
         trail.Part("glossary note", 53, 54, "1. Shared Instrument Pool", numbered=True))


def locate(quote: str) -> trail.Trail:
    found = trail.locate(SEEDS / "alpha-report.txt", quote, PARTS)
    assert found is not None
    return found


@pytest.mark.parametrize(("quote", "sentence"), [
    ("measuring 41 meters in length", "The robot, “Crane No. 2,” measuring 41 meters in length, entered Dock No. 2 of "
                                      "the Ningbo Harbour Works Co., Ltd. of the Alpha Port Group."),
    ('"Crane No. 2,"', "The robot, “Crane No. 2,” measuring 41 meters in length, entered Dock No. 2 of the Ningbo "
                       "Harbour Works Co., Ltd. of the Alpha Port Group."),  # found folded, shown curly
    ("reported on Jan. 29 by the Alpha Port Authority", "Its trial was reported on Jan. 29 by the Alpha Port "
                                                        "Authority."),
    ("along the Pingtan coast. The plan sets a goal", "By the end of 2024, installed tidal capacity reached 120 "
     "megawatts along the Pingtan coast. The plan sets a goal of up to 1.5 gigawatts by 2030."),  # two sentences
])
def test_sentences_are_whole_and_verbatim(quote, sentence):
    found = locate(quote)
    assert found.sentence == sentence and trail.broken(found) == ""


@pytest.mark.parametrize(("quote", "where", "sentence"), [
    ("installed tidal capacity reached 120 megawatts", "§5.2, paragraph 1", None),
    ("That is the invented report's conclusion", "conclusion, paragraph 1", None),
    ("A second paragraph closes", "conclusion, paragraph 2", None),
    ("Harbour Robots Cross the Bay", "endnote 1", "“Harbour Robots Cross the Bay,” Alpha News Agency, Jan. 29, 2024."),
    ("Twin Cities Share Their Instruments", "endnote 2", None),
    ("an unmanned boat demonstration zone opened off Pingtan", "glossary note 2",
     "Unmanned Boat Demonstration: In May 2023, an unmanned boat demonstration zone opened off Pingtan, and it was "
     "later promoted along the Fujian coast."),
])
def test_every_part_is_named_never_a_line_of_our_copy(quote, where, sentence):
    found = locate(quote)
    assert trail.where(found) == where and "line" not in where
    if sentence:
        assert found.sentence == sentence


def test_without_its_parts_the_notes_fall_under_the_last_heading():
    found = trail.locate(SEEDS / "alpha-report.txt", "Harbour Robots Cross the Bay")
    assert found.part == "§5.10"  # why sources.yaml names the parts


def test_a_changed_document_is_named_not_misread():
    moved = (trail.Part("conclusion", 45, 46, "Regions that build before they break"),)
    [problem] = trail.check_parts(SEEDS / "alpha-report.txt", moved)
    assert "line 45" in problem and "Regions that build" in problem


def test_broken_sentences_are_caught():
    cut = trail.Trail(sentence="2,” measuring 341 meters in length, entered Dock No.", part="§5.1", paragraph=2,
                      heading="", line=1)
    assert trail.broken(cut) == "ends at the abbreviation “No.”"
    start = trail.Trail(sentence="29 by the Ministry of Industry.", part="", paragraph=1, heading="", line=1)
    assert trail.broken(start) == "starts in the middle of a sentence"


def test_context_marks_the_quote_in_its_paragraph_with_its_neighbours():
    found = trail.context(SEEDS / "alpha-report.txt", "the valley runs three national test platforms", PARTS)
    assert found.heading == "5.2 Tidal power in Fujian’s Tidal Valley" and found.where == "§5.2, paragraph 2"
    before, marked, after = found.paragraph
    assert marked == "the valley runs three national test platforms" and after == "."
    assert before.startswith("The province expects") and found.before[0].startswith("Fujian’s Tidal Valley began")
    assert found.after[0].startswith("In the second quarter of 2024")
