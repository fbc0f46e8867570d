"""The timeline: the window the axis opens on, the note on earlier events, the control that widens it, and a
chart that reads on a projector (colours, national band, text size). On the fixture, with dates moved to order."""

from __future__ import annotations

import dataclasses
import itertools

import pandas as pd
import pytest

from atlas import charts, colour, filters, timeline
from atlas.filters import Filter

Y = pd.Timestamp
INLAND_2019 = "2019-shared-laboratory-park-opens"
TWIN_2021 = "2021-twin-city-science-plan-proposed"
TIDAL_2022 = "2022-provincial-tidal-valley-plan"


def _redated(fixture, **dates_by_id: str):
    """The fixture with some events moved to other dates."""
    events = fixture.events.assign(date=[dates_by_id.get(i, d) for i, d in
                                         zip(fixture.events["id"], fixture.events["date"], strict=True)])
    return dataclasses.replace(fixture, events=events)


def _lanes(data, ids: list[str] | None = None):
    events = data.events if ids is None else data.events[data.events["id"].isin(ids)]
    return timeline.lanes(data, events, data.cases)


# --- The window --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("moved", "everything", "expected"), [
    # No gap of more than five years: every event, in whole years.
    ({}, False, timeline.Window(Y(2019, 1, 1), Y(2025, 1, 1))),
    # One event far before the rest is set apart.
    ({INLAND_2019: "1988"}, False, timeline.Window(Y(2021, 1, 1), Y(2025, 1, 1), (INLAND_2019,))),
    # Two of them, themselves far apart: the last gap wins, both are set apart, oldest first.
    ({INLAND_2019: "1988", TWIN_2021: "2012"}, False,
     timeline.Window(Y(2022, 1, 1), Y(2025, 1, 1), (INLAND_2019, TWIN_2021))),
    # Exactly five years before the next event is not apart.
    ({INLAND_2019: "2016"}, False, timeline.Window(Y(2016, 1, 1), Y(2025, 1, 1))),
    # A month is enough to cross the line.
    ({INLAND_2019: "2015-12"}, False, timeline.Window(Y(2021, 1, 1), Y(2025, 1, 1), (INLAND_2019,))),
    # `everything` frames them all.
    ({INLAND_2019: "1988", TWIN_2021: "2012"}, True, timeline.Window(Y(1988, 1, 1), Y(2025, 1, 1))),
])
def test_window_frames_the_bulk_of_the_events(fixture, moved, everything, expected):
    assert timeline.window(_lanes(_redated(fixture, **moved)), everything=everything) == expected


def test_window_never_sets_apart_half_of_the_events(fixture):
    data = _redated(fixture, **{INLAND_2019: "1988", TWIN_2021: "1990", TIDAL_2022: "1992"})
    six = [INLAND_2019, TWIN_2021, TIDAL_2022, "2023-harbour-robotics-alliance-founded",
           "2024-national-study-session", "2024-first-driverless-robot-crosses-between-two"]
    assert timeline.window(_lanes(data, six)) == timeline.Window(Y(1988, 1, 1), Y(2025, 1, 1))
    assert timeline.window(_lanes(data, six[2:])) == timeline.Window(Y(2023, 1, 1), Y(2025, 1, 1), (TIDAL_2022,))
    assert timeline.window(_lanes(data, [])) is None


def test_window_ends_with_the_year_of_the_last_event(fixture):
    lanes = _lanes(fixture, [INLAND_2019, "2024-national-study-session"])
    assert timeline.window(lanes) == timeline.Window(Y(2019, 1, 1), Y(2025, 1, 1))
    lanes = _lanes(_redated(fixture, **{"2024-national-study-session": "2023-12-31"}),
                   [INLAND_2019, "2024-national-study-session"])
    assert timeline.window(lanes) == timeline.Window(Y(2019, 1, 1), Y(2024, 1, 1))


# --- The page model: note, control, and what the table lists ----------------------------------------------------

def test_page_names_the_earlier_event_and_keeps_it_in_the_table(fixture):
    data = _redated(fixture, **{INLAND_2019: "1988"})
    model = timeline.timeline_page(data, filters.apply(data, Filter()), national=True)
    assert (model.x_range, model.earlier, model.widen) == (
        (Y(2021, 1, 1), Y(2025, 1, 1)),
        "1 earlier event, before 2021: 1988 — Shared laboratory park opens.",
        "Show all years, from 1988")
    assert len(model.lanes) == 11 and INLAND_2019 in set(model.lanes["id"]), "the table lists every event in view"


def test_widening_shows_every_year_and_keeps_the_note_and_control(fixture):
    data = _redated(fixture, **{INLAND_2019: "1988"})
    view = filters.apply(data, Filter())
    default = timeline.timeline_page(data, view, national=True)
    wide = timeline.timeline_page(data, view, national=True, everything=True)
    assert wide.x_range == (Y(1988, 1, 1), Y(2025, 1, 1))
    assert (wide.earlier, wide.widen) == (default.earlier, default.widen), "the control stays to narrow again"
    assert wide.lanes.equals(default.lanes)


def test_note_names_three_and_counts_the_rest(fixture):
    data = _redated(fixture, **{INLAND_2019: "1980", TWIN_2021: "1986", TIDAL_2022: "1992",
                                "2023-harbour-robotics-alliance-founded": "1998"})
    model = timeline.timeline_page(data, filters.apply(data, Filter()), national=True)
    assert model.earlier == ("4 earlier events, before 2023: 1980 — Shared laboratory park opens; "
                             "1986 — Twin-city science plan proposed; 1992 — Provincial Tidal Valley plan; and 1 more.")


def test_no_note_or_control_when_the_events_sit_together(fixture):
    model = timeline.timeline_page(fixture, filters.apply(fixture, Filter()), national=True)
    assert (model.x_range, model.earlier, model.widen) == ((Y(2019, 1, 1), Y(2025, 1, 1)), "", "")


def test_filters_decide_what_is_earlier(fixture):
    data = _redated(fixture, **{INLAND_2019: "1988"})
    model = timeline.timeline_page(data, filters.apply(data, Filter(provinces=("hubei",))), national=True)
    # Hubei's 1988 event beside four events of 2023-2024: still set apart, the national lane kept.
    assert (model.x_range, model.earlier) == ((Y(2023, 1, 1), Y(2025, 1, 1)),
                                              "1 earlier event, before 2023: 1988 — Shared laboratory park opens.")
    alone = timeline.timeline_page(data, filters.apply(data, Filter(provinces=("hubei",))), national=False)
    assert (alone.x_range, alone.earlier) == ((Y(1988, 1, 1), Y(2025, 1, 1)), ""), "one of two is not apart"


# --- Contrast ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "ratio"), [
    ("#000000", "#ffffff", 21.0), ("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48),
    ("#0072B2", "#FFFFFF", 5.19), ("#F0E442", "#fff", 1.32), ("#abcdef", "#abcdef", 1.0),
])
def test_contrast_matches_wcag(a, b, ratio):
    assert colour.contrast(a, b) == pytest.approx(ratio, abs=0.01)


def test_contrast_refuses_what_is_not_a_colour():
    with pytest.raises(ValueError):
        colour.contrast("red", "#ffffff")


# --- The chart ------------------------------------------------------------------------------------------------------

def _figure(fixture, x_range=None):
    return charts.timeline(_lanes(fixture), x_range=x_range)


def _mark_colours(figure) -> set[str]:
    return {c for trace in figure.data for c in trace.marker.color}


def test_chart_sets_the_axis_range_it_is_given_with_a_margin(fixture):
    figure = _figure(fixture, (Y(2021, 1, 1), Y(2025, 1, 1)))
    start, end = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert Y(2020, 11, 1) < start < Y(2021, 1, 1) and Y(2025, 1, 1) < end < Y(2025, 3, 1)
    # Ticks count from the first year shown, so it is labelled.
    assert (pd.Timestamp(figure.layout.xaxis.tick0), figure.layout.xaxis.dtick) == (Y(2021, 1, 1), "M12")


def test_chart_frames_every_event_when_given_no_range(fixture):
    start, end = (pd.Timestamp(x) for x in _figure(fixture).layout.xaxis.range)
    assert Y(2018, 11, 1) < start < Y(2019, 1, 1) and Y(2025, 1, 1) < end < Y(2025, 3, 1)


def test_chart_labels_the_first_year_of_a_wide_span(fixture):
    figure = _figure(fixture, (Y(1988, 1, 1), Y(2025, 1, 1)))
    assert (pd.Timestamp(figure.layout.xaxis.tick0), figure.layout.xaxis.dtick) == (Y(1988, 1, 1), "M60")


def test_national_lane_is_grey_on_a_band_at_the_top(fixture):
    figure = _figure(fixture)
    [band] = figure.layout.shapes
    assert (band.type, band.xref, band.x0, band.x1, band.yref, band.y0, band.y1, band.layer) == (
        "rect", "paper", 0, 1, "y", -0.5, 0.5, "below")
    assert figure.layout.yaxis.categoryarray[0] == "National" and figure.layout.yaxis.autorange == "reversed"
    assert figure.layout.yaxis.ticktext[0] == "<b>National</b>"
    national = {c for trace in figure.data for lane, c in zip(trace.y, trace.marker.color, strict=True)
                if lane == "National"}
    assert national == {charts.NATIONAL_GREY}
    assert charts.NATIONAL_GREY not in charts.TIMELINE_PALETTE
    assert colour.contrast(charts.NATIONAL_GREY, band.fillcolor) >= 4.5


def test_no_band_without_national_events(fixture):
    figure = charts.timeline(timeline.lanes(fixture, fixture.events[fixture.events["case_id"] != ""], fixture.cases))
    assert "National" not in list(figure.layout.yaxis.categoryarray) and not figure.layout.shapes


def test_every_mark_colour_reaches_aa_contrast_on_white(fixture):
    # Twelve lanes, so every palette colour is drawn.
    many = pd.DataFrame({"lane": [f"Lane {i}" for i in range(12)], "case_id": [f"case-{i}" for i in range(12)],
                         "start": Y(2024, 1, 1), "end": Y(2025, 1, 1), "precision": "year", "title": "t",
                         "when": "2024", "quote": "q", "source_title": "s"})
    for figure in (_figure(fixture), charts.timeline(many)):
        marks = _mark_colours(figure)
        assert marks, "the figure draws marks"
        assert {c: round(colour.contrast(c, "#ffffff"), 2) for c in marks if colour.contrast(c, "#ffffff") < 4.5} == {}
        assert all(trace.marker.opacity in (None, 1) for trace in figure.data), "a faded mark loses its contrast"
    assert len(_mark_colours(charts.timeline(many))) == len(charts.TIMELINE_PALETTE)
    assert min(colour.contrast(c, "#ffffff") for c in charts.TIMELINE_PALETTE) >= 4.5


def test_neighbouring_lanes_differ_in_colour(fixture):
    figure = _figure(fixture)
    lane_colour = {lane: c for trace in figure.data for lane, c in zip(trace.y, trace.marker.color, strict=True)}
    order = list(figure.layout.yaxis.categoryarray)
    assert all(lane_colour[a] != lane_colour[b] for a, b in itertools.pairwise(order))


def test_text_is_at_least_14_px(fixture):
    layout = charts.captioned(_figure(fixture), "Dated events", "Source").layout
    sizes = {"font": layout.font.size, "x ticks": layout.xaxis.tickfont.size, "y ticks": layout.yaxis.tickfont.size,
             "x title": layout.xaxis.title.font.size, "hover": layout.hoverlabel.font.size}
    assert {k: v for k, v in sizes.items() if v is None or v < 14} == {}


def test_hover_text_is_unchanged_in_content(fixture):
    lanes = _lanes(fixture)
    figure = charts.timeline(lanes)
    hover = {text for trace in figure.data for text in trace.hovertext}
    row = lanes.set_index("id").loc["2024-national-study-session"]
    assert (f"<b>{row.title}</b><br>31 January 2024 (day)<br><i>“{charts._wrap(row.quote)}”</i><br>"
            f"{charts._wrap(row.source_title)}") in hover
    assert len(hover) == len(lanes)
