"""Page models: what each page shows, as plain data, on the fixture dataset. Whole structures compared."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from atlas import compare, dates, deck, filters, overview, profile, sources, store, summary, timeline
from atlas.deck import Locator
from atlas.filters import Filter


def _view(fixture, **selection):
    return filters.apply(fixture, Filter(**selection))


def test_overview_model(fixture):
    model = overview.overview(fixture, _view(fixture, regions=("central",)))
    assert model.title == "New quality productive forces: 1 of 4 cases"
    assert model.headline == (("Cases", "1"), ("Provinces and regions", "1"), ("Sectors", "1"),
                              ("Figures cited", "6"))
    [card] = model.cards
    assert (card.case_id, card.heading, card.where_what) == ("inland-labs", "5.3 · Inland labs",
                                                             "Hubei · Photonics & optics")
    assert [(f.shown, f.label, f.when) for f in card.figures] == [
        ("4.5 billion yuan", "R&D *spending* [core]", "as of 2024"),
        ("about 480 enterprises", "Photonics enterprises in the park", "as of 2024 (inferred from “today”)")]
    assert (model.page, model.pages, model.paging, model.empty) == (1, 1, "", False)
    site = tuple(card_row for card_row in zip(fixture.cases["lon"], fixture.cases["lat"], strict=True))[2]
    assert model.locator == Locator(("420000",), (site,))


def test_a_figure_reads_as_the_source_wrote_it(fixture):
    rows = fixture.metrics[fixture.metrics["label"] == "Tidal capacity goal"]
    assert summary.figures(fixture, rows) == (summary.Figure(
        id="tidal-capacity-goal", case_id="tidal-valley", label="Tidal capacity goal",
        shown="up to 1.5 gigawatts (target)", number="up to 1.5",
        rest="gigawatts (target)", when="by 2030",
        quote="The plan sets a goal of up to 1.5 gigawatts by 2030",
        document="Alpha Report: Invented Regional Cases of New Productive Forces (fixture)", status="target",
        sentence="The plan sets a goal of up to 1.5 gigawatts by 2030.", where="§5.2, paragraph 1",
        source="Alpha Institute 2024, §5.2, paragraph 1", when_short="by 2030"),)


def test_case_profile_model(fixture):
    model = profile.case_profile(fixture, _view(fixture), ["twin-city-science"])
    assert model.choices == (("harbour-robots", "Harbour's robots"), ("tidal-valley", "Fujian's tidal valley"),
                             ("inland-labs", "Inland labs"), ("twin-city-science", "Twin-city science"))
    assert (model.case_id, model.notices, model.outside) == ("twin-city-science", (), None)
    assert model.subtitle == "双城共建科学城 · section 5.10"
    assert model.facts == "Sichuan, Chongqing · Photonics & optics, Quantum sensing · Emerging industry"
    assert model.figures_heading == "Figures (6)" and len(model.figures) == 6
    assert list(model.events["lane"]) == ["Twin-city science"] * 2
    assert model.related == (profile.Link("inland-labs", "Inland labs — shares Photonics & optics"),)
    assert (model.previous, model.following) == (profile.Link("inland-labs", "Inland labs"), None)


def test_case_profile_outside_the_filters_and_unknown(fixture):
    model = profile.case_profile(fixture, _view(fixture, sectors=("photonics",)), ["tidal-valley", "x"])
    assert model.case_id == "inland-labs"
    assert model.notices == ("Only one 'case' is shown; kept the first.",
                             "“Fujian's tidal valley” is not among the cases in view under these filters.")
    assert model.outside == profile.Link("tidal-valley", "Open Fujian's tidal valley without filters")
    model = profile.case_profile(fixture, _view(fixture), ["../../etc/passwd"])
    assert (model.case_id, model.notices, model.outside) == ("harbour-robots",
                                                             ("There is no case '../../etc/passwd'.",), None)
    empty = profile.case_profile(fixture, _view(fixture, q="no such words"), [])
    assert (empty.case_id, empty.choices, empty.figures) == (None, (), ())


def test_compare_model(fixture):
    # More in tests/test_compare.py: groups by family and kind of unit, the default pair, the no-shared message.
    model = compare.compare_page(fixture, _view(fixture), ["tidal-valley", "harbour-robots", "tidal-valley"])
    assert model.picked == ("tidal-valley", "harbour-robots") and model.message == ""
    assert [(f.title, list(zip(f.rows["case"], f.rows["label"], f.rows["scaled"].round(6), strict=True)))
            for f in model.families] == [
        # Money (Harbour's only: the target of 350 is not a result) and platforms (Tidal's only) are not shared.
        ("Enterprises and institutions: number of enterprises",
         [("Fujian's tidal valley", "Tidal power enterprises in the valley", 35.0),
          ("Harbour's robots", "Enterprises in the harbour robotics alliance", 60.0)]),
        ("Talent and staff: number of people",
         [("Fujian's tidal valley", "Researchers who moved to the coast", 800.0),
          ("Harbour's robots", "Robot engineers trained by the alliance", 2400.0)]),
    ]
    assert compare.compare_page(fixture, _view(fixture, regions=("central",)), []).message == \
        "Choose at least two cases to compare."


def test_sources_model_keeps_national_records_apart(fixture):
    model = sources.sources_view(fixture, _view(fixture, provinces=("hubei",)))
    assert (model.figures_tab, model.events_tab, model.national_tab) == ("Case figures (6)", "Case events (2)",
                                                                         "National records (6)")
    assert set(model.figures["case"]) == {"Inland labs"} and set(model.national_figures["case"]) == {"National"}
    assert len(model.downloads["metrics"]) == 6
    assert model.documents[0][0] == ("Alpha Report: Invented Regional Cases of New Productive Forces (fixture) — "
                                    "Alpha Institute (invented for tests), 2024.")


def test_timeline_model_puts_national_events_in_their_own_lane(fixture):
    view = _view(fixture, provinces=("hubei",))
    with_national = timeline.timeline_page(fixture, view, national=True)
    assert list(dict.fromkeys(with_national.lanes["lane"])) == ["National", "Inland labs"]
    assert with_national.count == "5 events. Dates are as the sources give them."
    assert list(timeline.timeline_page(fixture, view, national=False).lanes["lane"].unique()) == ["Inland labs"]


def test_deck_model_orders_title_national_cases_and_sources(fixture):
    selection = Filter(regions=("east",))
    slides = deck.slides(fixture, _view(fixture, regions=("east",)), selection, datetime.date(2026, 11, 23))
    assert [(s.kind, s.title) for s in slides] == [
        ("title", "New quality productive forces"), ("national", "The national picture"),
        ("case", "Harbour's robots"), ("case", "Fujian's tidal valley"), ("closing", "Sources")]
    title, national, robots, _, closing = slides
    assert title.place == "23 November 2026"
    assert title.lines == ("2 of 4 cases · Region: East", "5.1 · Harbour's robots", "5.2 · Fujian's tidal valley")
    assert national.locator == deck.Locator(("330000", "310000", "350000"), ((121.85, 29.89), (119.79, 25.5)))
    assert national.lines[0] == "September 2023 — Term first used on an inspection tour in Harbin"
    assert robots.place == "Zhejiang, Shanghai · Ningbo"
    assert [(f.number, f.rest, f.source) for f in robots.figures] == [
        ("over 60", "enterprises", "Alpha Institute 2024, §5.1"),
        ("up to 350", "billion yuan (target)", "Alpha Institute 2024, §5.1"),
        ("1,147", "kilometers", "Alpha Institute 2024, §5.1"),
        ("about 820", "million yuan", "Alpha Institute 2024, §5.1")]
    assert robots.sentence == ("Two port cities formed an alliance of robot makers that automate cranes, yards "
                               "and quays.")
    assert robots.notes[1] == ("over 60 enterprises: “the alliance now counts over 60 enterprises in harbour "
                               "robotics” (Alpha Institute 2024, §5.1, paragraph 1)")
    assert closing.lines[0].startswith("Alpha Report: Invented Regional Cases")


def test_deck_builds_only_the_slide_shown_and_keeps_slide_in_range(fixture):
    view = _view(fixture, regions=("east",))
    model = deck.deck(fixture, view, Filter(regions=("east",)), ["4"])
    assert (model.count, model.number, model.notices, model.position) == (5, 4, (), "Slide 4 of 5")
    assert model.current.title == "Fujian's tidal valley"
    assert deck.deck(fixture, view, Filter(), ["9"]).notices == ("There is no slide '9' (1 to 5); showing slide 1.",)
    empty = deck.deck(fixture, _view(fixture, q="no such words"), Filter(q="no such words"), ["1"])
    assert (empty.count, empty.current) == (0, None)


def test_a_deck_file_refuses_an_empty_view_and_too_many_slides(fixture, tmp_path):
    from bench import synth

    with pytest.raises(ValueError, match=r"^No case matches these filters: there is no deck to write\.$"):
        deck.slides(fixture, _view(fixture, q="no such words"), Filter(q="no such words"))
    big = store.load(synth.make(100, tmp_path / "data"))
    with pytest.raises(ValueError, match=r"^The deck would have 103 slides; a file holds at most 60\. Narrow"):
        deck.slides(big, filters.apply(big, Filter()), Filter())


def test_a_figure_from_another_document_is_cited_without_the_section(fixture):
    def line(record_id: str, full: bool = True) -> str:
        row = pd.concat([fixture.metrics, fixture.events]).set_index("id").loc[record_id]
        return summary.attribution(fixture, row["source_id"], row["case_id"], fixture.trails.get(record_id), full)

    assert line("researchers-holding-posts-both-cities") == "Beta Desk, 25 June 2024, “The twin cities”, paragraph 1"
    assert line("installed-tidal-capacity") == "Alpha Institute 2024, §5.2, paragraph 1"
    assert line("installed-tidal-capacity", full=False) == "Alpha Institute 2024, §5.2"
    assert summary.attribution(fixture, "unknown", "", None) == "unknown"
    # Without the documents at hand, a figure of the cases' document is placed in its case's section.
    assert summary.attribution(fixture, "alpha-report", "twin-city-science", None) == "Alpha Institute 2024, §5.10"


@pytest.mark.parametrize(("written", "precision", "start", "end"), [
    ("2024", "year", "2024-01-01", "2025-01-01"), ("2024-Q2", "quarter", "2024-04-01", "2024-07-01"),
    ("2024-06", "month", "2024-06-01", "2024-07-01"), ("2024-06-17", "day", "2024-06-17", "2024-06-18"),
])
def test_a_written_date_names_its_whole_period(written, precision, start, end):
    assert dates.precision(written) == precision
    assert [str(x.date()) for x in dates.span(written)] == [start, end]


@pytest.mark.parametrize(("written", "error"), [("2024-13", "month 13 does not exist"),
                                                ("2024-02-30", "2024-02-30 is not a calendar date"),
                                                ("June 2024", dates.FORMS_HELP)])
def test_a_bad_date_is_named(written, error):
    with pytest.raises(ValueError, match=error):
        dates.check(written)


def test_a_figure_permalink_names_it_and_cites_it_whole(fixture):
    view, notices = sources.figure_view(fixture, ["length-cable-rail-network-linking-two"],
                                        lambda i: (f"https://atlas.example/sources?figure={i}", False),
                                        datetime.date(2026, 11, 23))
    assert notices == () and (view.heading, view.case_id) == ("Harbour's robots", "harbour-robots")
    assert view.citation == (
        "Length of the cable and rail network linking the two ports: 1,147 kilometers (as of June 2023). As reported "
        "in Alpha Institute, “Alpha Report: Invented Regional Cases of New Productive Forces (fixture)”, Alpha "
        "Institute (invented for tests), 2024, §5.1, paragraph 1. Read in the English translation by Ann Example, "
        "“Alpha Report in English (fixture translation)” (2024). The document states: “A cable and rail network "
        "linking the two ports stretches 1,147 kilometers, and by June 2023 it carried test robots every day.” "
        "As reported by the source, not independently verified. "
        f"NQP Atlas dataset version {fixture.version}, record length-cable-rail-network-linking-two, "
        "https://atlas.example/sources?figure=length-cable-rail-network-linking-two (accessed 23 November 2026).")
    local, _ = sources.figure_view(fixture, ["national-research-spending"], lambda i: ("http://127.0.0.1/x", True),
                                   datetime.date(2026, 11, 23))
    assert local.heading == "National" and ", §" not in local.citation
    assert "a link to this copy of the atlas only" in local.citation
    unknown = (None, ("There is no figure '<script>'.",))
    assert sources.figure_view(fixture, ["<script>"], lambda i: (i, True)) == unknown
    assert sources.figure_view(fixture, [], lambda i: (i, True)) == (None, ())


def test_a_quote_is_found_in_its_sentence_even_across_a_broken_line(tmp_path):
    from atlas import trail

    document = tmp_path / "doc.txt"
    document.write_text("Report\n\n## 3.2 Growth\n\nFirst sentence here. In 2023 output rose by\n\n6.8% over the "
                        "year, a record. Last one.\n", encoding="utf-8")
    assert trail.locate(document, "output rose by 6.8% over the year") == trail.Trail(
        sentence="In 2023 output rose by 6.8% over the year, a record.", part="§3.2", paragraph=1,
        heading="3.2 Growth", line=5, section="3.2")
    assert trail.locate(document, "not in the text") is None
    assert trail.where(trail.locate(document, "Last one")) == "§3.2, paragraph 2"
