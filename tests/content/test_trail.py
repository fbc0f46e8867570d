"""The trail behind each curated quote, read from its document: the whole sentence as the document writes it,
and the right part of the document — checked for every figure and event."""

from __future__ import annotations

import re

from atlas import trail
from atlas.fidelity import normalise

REPORT = "000_6943a3907bd88911.txt"


def test_every_sentence_is_whole_verbatim_and_holds_its_quote(data, seeds):
    records = [*data.metrics.itertuples(), *data.events.itertuples()]
    assert len(records) >= 200 and {r.id for r in records} == set(data.trails), "every record found"
    texts = {s.source_id: (seeds / s.seed).read_text(encoding="utf-8").replace("**", "")
             for s in data.sources.itertuples()}
    for record in records:
        found = data.trails[record.id]
        assert normalise(record.quote) in normalise(found.sentence), record.id
        assert trail.broken(found) == "", (record.id, found.sentence)
        # Verbatim: the sentence is in the document as written (its curly quotes, its dashes); only a line break
        # the file puts inside a sentence is read as a space.
        pieces = [re.escape(piece) for piece in found.sentence.split(" ")]
        assert re.search(r"\s+".join(pieces), texts[record.source_id]), (record.id, found.sentence)


def test_a_report_figure_of_a_case_stands_in_its_section_or_names_its_note(data):
    sections = dict(zip(data.cases["case_id"], data.cases["section"], strict=True))
    for record in [*data.metrics.itertuples(), *data.events.itertuples()]:
        found = data.trails[record.id]
        if record.case_id and record.source_id == "xinhua-report" and found.section != sections[record.case_id]:
            # A case may quote the report's glossary or endnotes about its own places: the trail names the note.
            assert re.fullmatch(r"(glossary note|endnote) \d+", found.part), (record.id, found.part)


def test_the_sentences_the_old_splitter_cut_are_whole(data):
    ship = data.trails["length-ship-no-2"].sentence if "length-ship-no-2" in data.trails else next(
        t.sentence for t in data.trails.values() if "measuring 341 meters" in t.sentence)
    assert ship == ("On April 20, 2024, the domestically-produced large cruise ship “Ship No. 2,” measuring 341 meters "
                    "in length, 37.2 meters in width, and over 140,000 tons in total weight, entered Dock No. 2 of the "
                    "Shanghai Waigaoqiao Shipbuilding Co., Ltd. of the China State Shipbuilding Corporation.")


def test_parts_without_headings_are_named(data, seeds):
    parts = dict(zip(data.sources["source_id"], data.sources["parts"], strict=True))["xinhua-report"]
    assert trail.check_parts(seeds / REPORT, parts) == []
    where = {quote: trail.where(trail.locate(seeds / REPORT, quote, parts)) for quote in (
        "The sea-land-air full-space unmanned system is a new type of logistics",
        "Xi Jinping Emphasized Adapting to Local Conditions to Develop New Quality Productivity at the Review Session",
        "Since its inception, the Communist Party of China has represented",
        "Several June 2024 reports from Nature on Chinese science",
        "laying 1,147 kilometers of network fiber")}
    assert list(where.values()) == ["glossary note 10", "endnote 24", "conclusion, paragraph 1",
                                    "translator's introduction, paragraph 8", "§5.2, paragraph 7"]
