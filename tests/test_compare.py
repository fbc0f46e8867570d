"""Compare: which figures go on one chart (the unit classifier, the groups), the default pair, the message when
nothing is shared, and the chart's legend and type sizes. On the fixture dataset and small hand-made tables."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from atlas import charts, compare, filters, units
from atlas.filters import Filter
from atlas.units import Scale


def _view(fixture, **selection):
    return filters.apply(fixture, Filter(**selection))


@pytest.mark.parametrize(("unit", "expected"), [
    ("billion yuan", Scale("money", "billion yuan", 1.0)),
    ("million yuan", Scale("money", "billion yuan", 1e-3)),
    ("10,000 yuan", Scale("money", "billion yuan", 1e-5)),
    ("trillion yuan", Scale("money", "billion yuan", 1e3)),
    ("yuan", Scale("money", "billion yuan", 1e-9)),
    ("billion USD", Scale("money", "billion USD", 1.0)),  # another currency is never mixed with yuan
    ("trillion USD", Scale("money", "billion USD", 1e3)),
    ("billion HKD", Scale("money", "billion HKD", 1.0)),
    ("enterprises", Scale("count", "enterprises", 1.0)),
    ("Enterprises", Scale("count", "enterprises", 1.0)),
    ("enterprises and institutions", Scale("count", "enterprises and institutions", 1.0)),
    ("companies", Scale("count", "companies", 1.0)),  # not folded into enterprises: the report's own word
    ("million devices", Scale("count", "devices", 1e6)),
    ("new enterprises per working day", Scale("rate", "new enterprises per working day", 1.0)),
    ("yuan per person", Scale("rate", "yuan per person", 1.0)),  # a rate, even with money in it
    ("km/h", Scale("rate", "km/h", 1.0)),
    ("visits each year", Scale("rate", "visits each year", 1.0)),
    ("percent", Scale("percent", "percent", 1.0)),
    ("%", Scale("percent", "percent", 1.0)),
    ("fraction", Scale("percent", "percent", 100.0)),
    ("percentage points", Scale("points", "percentage points", 1.0)),
    ("times", Scale("multiple", "times", 1.0)),
    ("3-fold", Scale("multiple", "times", 1.0)),
    ("rank", Scale("rank", "rank", 1.0)),
    ("km", Scale("measure", "km", 1.0)),
    ("kilometers", Scale("measure", "km", 1.0)),
    ("m", Scale("measure", "m", 1.0)),  # metres are not converted to km
    ("million square meters", Scale("measure", "square meters", 1e6)),
    ("million kilowatts", Scale("measure", "kilowatts", 1e6)),
    ("years", Scale("measure", "years", 1.0)),
    ("  million   terminals ", Scale("count", "terminals", 1e6)),
])
def test_unit_scale(unit, expected):
    assert units.scale(unit) == expected


def test_yuan_scale_agrees_with_the_classifier():
    assert {unit: units.scale(unit).factor for unit in units.YUAN_SCALE} == units.YUAN_SCALE


def _metrics(*rows: tuple[str, str, str, float]) -> pd.DataFrame:
    return pd.DataFrame([{"case_id": c, "family": f, "unit": u, "value": v, "status": "reported"}
                         for c, f, u, v in rows])


def test_a_rate_is_never_grouped_with_counts():
    metrics = _metrics(("a", "enterprises", "enterprises", 60), ("b", "enterprises", "new enterprises per working day",
                                                                 80), ("c", "enterprises", "enterprises", 5))
    rows = compare.comparable(metrics, ["a", "b", "c"])
    assert list(rows["group"]) == ["enterprises/count/enterprises", "enterprises/rate/new enterprises per working day",
                                   "enterprises/count/enterprises"]
    assert compare.shared_groups(rows) == ["enterprises/count/enterprises"]
    assert compare.shared_groups(compare.comparable(metrics, ["a", "b"])) == []


def test_groups_need_the_same_family_and_scale_and_money_is_converted():
    metrics = _metrics(("a", "money", "million yuan", 820), ("b", "money", "billion yuan", 4.5),
                       ("a", "share", "percent", 40), ("b", "growth", "percent", 10),  # percent, other family
                       ("a", "money", "billion USD", 1), ("b", "talent", "people", 3),
                       ("a", "physical", "m", 341), ("b", "physical", "m", 37.2))  # physical: not compared
    rows = compare.comparable(metrics, ["a", "b"])
    assert compare.shared_groups(rows) == ["money/money/billion yuan"]
    assert list(rows["scaled"]) == [0.82, 4.5, 40.0, 10.0, 1.0, 3.0]


def test_best_pair_shares_the_most_comparable_figures(fixture):
    metrics = _view(fixture).metrics
    # Harbour and Inland share money, enterprises (1 + 2) and talent: 7 figures; the first two cases share 4.
    assert compare.best_pair(metrics, ["harbour-robots", "tidal-valley", "inland-labs", "twin-city-science"]) == \
        (("harbour-robots", "inland-labs"), 7)
    assert compare.best_pair(metrics, ["harbour-robots", "tidal-valley", "twin-city-science"]) == \
        (("tidal-valley", "twin-city-science"), 6)
    # A tie (4 and 4) goes to the pair that comes first in data order.
    assert compare.best_pair(metrics, ["twin-city-science", "harbour-robots", "tidal-valley"],
                             including=("harbour-robots",)) == (("twin-city-science", "harbour-robots"), 4)
    assert compare.best_pair(metrics, ["harbour-robots"]) == ((), 0)


def _figures(model: compare.ComparePage) -> list:
    columns = ["case", "label", "scaled", "bar", "shown", "on_chart"]
    return [(f.key, f.title, f.axis, f.alt, [tuple(r) for r in f.rows[columns].itertuples(index=False)])
            for f in model.families]


def test_compare_default_pair_and_its_charts(fixture):
    model = compare.compare_page(fixture, _view(fixture), [])
    assert (model.picked, model.notices, model.outside, model.message, model.suggestion) == \
        (("harbour-robots", "inland-labs"), (), (), "", ())
    assert _figures(model) == [
        ("money-billion-yuan", "Money, in billion yuan (converted from million yuan)", "billion yuan",
         "Bar chart of 2 figures; the table below lists them.",
         [("Harbour's robots", "Sales of the alliance's members", 0.82, "about 0.82", "about 820 million yuan",
           "On this chart: 0.82 billion yuan"),
          ("Inland labs", "R&D *spending* [core]", 4.5, "4.5", "4.5 billion yuan", "")]),
        ("enterprises-enterprises", "Enterprises and institutions: number of enterprises", "Number of enterprises",
         "Bar chart of 3 figures; the table below lists them.",
         [("Harbour's robots", "Enterprises in the harbour robotics alliance", 60.0, "over 60", "over 60 enterprises",
           ""),
          ("Inland labs", "Photonics enterprises in the park (2019)", 210.0, "210", "210 enterprises", ""),
          ("Inland labs", "Photonics enterprises in the park", 480.0, "about 480", "about 480 enterprises", "")]),
        ("talent-people", "Talent and staff: number of people", "Number of people",
         "Bar chart of 2 figures; the table below lists them.",
         [("Harbour's robots", "Robot engineers trained by the alliance", 2400.0, "2,400", "2,400 people", ""),
          ("Inland labs", "Researchers in the park", 12000.0, "nearly 12,000", "nearly 12,000 people", "")]),
    ]  # Inland's share (62.5%) is not shown: Harbour's share is expected, not reported, so no one shares it
    assert model.families[0].rows["reported"].tolist() == ["As reported: about 820 million yuan, as of 2023",
                                                           "As reported: 4.5 billion yuan, as of 2024"]


def test_compare_picked_cases_show_only_what_two_of_them_share(fixture):
    model = compare.compare_page(fixture, _view(fixture), ["tidal-valley", "harbour-robots", "tidal-valley"])
    assert model.picked == ("tidal-valley", "harbour-robots") and model.message == ""
    # Money (Harbour only) and platforms (Tidal only) are left out; rows follow the picked order.
    assert [(f.title, [tuple(r) for r in f.rows[["case", "scaled"]].itertuples(index=False)])
            for f in model.families] == [
        ("Enterprises and institutions: number of enterprises",
         [("Fujian's tidal valley", 35.0), ("Harbour's robots", 60.0)]),
        ("Talent and staff: number of people", [("Fujian's tidal valley", 800.0), ("Harbour's robots", 2400.0)]),
    ]


def test_compare_says_when_the_picked_cases_share_nothing_and_suggests_a_pair(fixture):
    view = _view(fixture)
    # Tidal valley keeps only its platforms figure: nothing it shares with Harbour's robots.
    metrics = view.metrics[(view.metrics["case_id"] != "tidal-valley") | (view.metrics["family"] == "platforms")]
    model = compare.compare_page(fixture, dataclasses.replace(view, metrics=metrics),
                                 ["harbour-robots", "tidal-valley"])
    assert (model.picked, model.families, model.suggestion, model.suggestion_label) == (
        ("harbour-robots", "tidal-valley"), (), ("harbour-robots", "inland-labs"),
        "Compare Harbour's robots and Inland labs")
    assert model.message == (
        "Harbour's robots and Fujian's tidal valley share no comparable figure: no figures of the same family in "
        "the same kind of unit (enterprises with enterprises, percent with percent, money with money). "
        "Harbour's robots and Inland labs share 7 comparable figures: try them.")


def test_compare_says_when_no_pair_in_view_shares_anything(fixture):
    view = _view(fixture, regions=("east",))
    metrics = view.metrics[(view.metrics["case_id"] != "tidal-valley") | (view.metrics["family"] == "platforms")]
    model = compare.compare_page(fixture, dataclasses.replace(view, metrics=metrics), [])
    assert (model.picked, model.families, model.suggestion) == (("harbour-robots", "tidal-valley"), (), ())
    assert model.message.endswith("money with money). No two cases in view share a comparable figure.")


def test_compare_needs_two_cases_in_view(fixture):
    model = compare.compare_page(fixture, _view(fixture, regions=("central",)), [])
    assert (model.picked, model.message) == (("inland-labs",), "Choose at least two cases to compare.")


# --- The chart ----------------------------------------------------------------------------------------------

def _chart(fixture, cases=()):
    model = compare.compare_page(fixture, _view(fixture), list(cases))
    family = model.families[0]
    return model, family, charts.compare_bars(family.rows, family.axis, model.picked)


def test_chart_colours_each_case_and_puts_the_legend_above_the_plot(fixture):
    _, _, figure = _chart(fixture)
    assert [(t.name, t.marker.color, list(t.x), list(t.text)) for t in figure.data] == [
        ("Harbour's robots", charts.PALETTE[0], [0.82], ["about 0.82"]),
        ("Inland labs", charts.PALETTE[1], [4.5], ["4.5"])]
    layout = figure.layout
    assert (layout.legend.orientation, layout.legend.yanchor, layout.legend.xanchor) == ("h", "bottom", "left")
    assert layout.legend.y > 1 and layout.showlegend
    plot = layout.height - layout.margin.t - layout.margin.b
    # The legend's anchor sits COMPARE_LEGEND_GAP px above the plot, its row fits under the top margin.
    assert round((layout.legend.y - 1) * plot) == charts.COMPARE_LEGEND_GAP
    assert layout.margin.t >= charts.COMPARE_LEGEND_GAP + charts.COMPARE_LEGEND_ROW
    assert layout.barmode == "overlay" and layout.xaxis.title.text == "billion yuan"


def test_chart_text_is_projector_sized(fixture):
    _, _, figure = _chart(fixture)
    layout = figure.layout
    sizes = [layout.font.size, layout.xaxis.tickfont.size, layout.yaxis.tickfont.size, layout.xaxis.title.font.size,
             layout.legend.font.size, layout.hoverlabel.font.size, *(t.textfont.size for t in figure.data)]
    assert min(sizes) >= 14, sizes


def test_chart_hover_gives_the_figure_as_reported_and_labels_wrap(fixture):
    _, _, figure = _chart(fixture, ["twin-city-science", "harbour-robots"])
    harbour = figure.data[1]
    assert harbour.hovertext[0] == ("<b>Enterprises in the harbour robotics alliance</b> (Harbour's robots)<br>"
                                    "As reported: over 60 enterprises, as of 2024<br>"
                                    "<i>“the alliance now counts over 60 enterprises in harbour robotics”</i>")
    assert list(harbour.y) == ["Enterprises in the harbour<br>robotics alliance"]
    assert figure.data[0].marker.color == charts.PALETTE[0]  # the first picked case, first colour


def test_chart_shows_data_text_literally():
    rows = pd.DataFrame([{"case_id": "a", "case": "A <i>&</i>", "label": 'The "Chip Hospital" <b>platform</b>',
                          "scaled": 1.0, "bar": "over 1", "reported": "As reported: over 1", "on_chart": "",
                          "quote": "<script>x</script>"}])
    [bar] = charts.compare_bars(rows, "Number of <b>things</b>").data
    # Markup is escaped; quotes stay as typed, since plotly would print &quot; as it stands.
    assert (bar.name, list(bar.y)) == ("A &lt;i&gt;&amp;&lt;/i&gt;",
                                       ['The "Chip Hospital"<br>&lt;b&gt;platform&lt;/b&gt;'])
    assert "<script>" not in bar.hovertext[0] and "&lt;script&gt;" in bar.hovertext[0]


def test_chart_keeps_its_caption(fixture):
    _, family, figure = _chart(fixture)
    height, top = figure.layout.height, figure.layout.margin.t
    captioned = charts.captioned(figure, family.title, "Source: Alpha")
    assert captioned.layout.title.text == "Money, in billion yuan (converted from million yuan)"
    assert (captioned.layout.height, captioned.layout.margin.t) == (height + charts.CAPTION_HEIGHT,
                                                                    top + charts.CAPTION_HEIGHT)


@pytest.mark.parametrize(("names", "rows"), [
    (["Anhui's quantum industry", "Shandong's industrial digitisation"], 1),
    (["Wuhan's Optics Valley", "Shandong's industrial digitisation", "Beijing's Star Valley", "Chongqing's NEVs"], 2),
    ([], 1),
])
def test_legend_rows(names, rows):
    assert charts.compare_legend_rows(names) == rows
