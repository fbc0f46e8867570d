"""Plotly figure builders: tables in, go.Figure out. Pure, so they are unit-tested and cached.

Maps use MapLibre traces (Choroplethmap, Scattermap) on a blank "white-bg" style with no tile layer:
they draw from our own boundaries alone, so nothing is fetched from the network at view time.
"""

from __future__ import annotations

import html
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from atlas.geography import CASE, CONTEXT, PROVINCE, SMALL  # the click contract lives with its handler
from atlas.store import is_national

NEUTRAL = "#d9dde3"
BORDER = "#ffffff"
MARKER = "#E69F00"  # Okabe-Ito orange, against the blues
CONTEXT_COLOUR = "#CC79A7"  # Okabe-Ito reddish purple
NATIONAL_GREY = "#444444"  # the national lane: context, not one of the cases
CHINA_VIEW = {"center": {"lat": 35.4, "lon": 104.5}, "zoom": 2.72}  # all of China in a 1280 x 720 window


def escape(text: object) -> str:
    """Plotly hover labels render a subset of HTML; data text must show literally. Quotes stay as typed: these
    strings are never attribute values, and Plotly would print `&quot;` as it stands."""
    return html.escape(str(text), quote=False)


def _province_hover(row: pd.Series) -> str:
    head = f"<b>{escape(row['name_en'])}</b> {escape(row['name_zh'])}"
    if not row["cases"]:
        return head + "<br>No case in view"
    return head + "<br>" + "<br>".join(f"• {escape(title)}" for title in row["titles"])


# Provinces fall in a few classes, so the legend is a handful of steps, not a gradient: 0, 1, 2, 3 or more.
CLASS_COLOURS = [NEUTRAL, "#a6cbe3", "#3f7fbf", "#0b3d7a"]
CLASS_LABELS = ["No case", "1 case", "2 cases", "3 or more"]
DARK_CLASSES = 2  # from this class up, names on the province are drawn white
LABEL_FONT, LABEL_FONT_BOLD = "Noto Sans Regular", "Noto Sans Bold"  # glyphs in static/glyphs (fonts/glyphs.py)
INK = "#1b1f24"
SELECTED = "#111111"
# MapLibre fetches label glyphs from the style's URL: ours, relative, so it resolves to this app (behind a proxy
# too). Plotly's own styles name a font server on the internet, so a string style name must not be used here.
# Plotly drops empty objects when it redraws, and MapLibre refuses a style without "sources": so one empty source.
MAP_STYLE = {"version": 8, "name": "atlas", "glyphs": "app/static/glyphs/{fontstack}/{range}.pbf",
             "sources": {"none": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
             "layers": [{"id": "background", "type": "background", "paint": {"background-color": "#ffffff"}}]}


def case_class(count: int) -> int:
    return min(int(count), len(CLASS_COLOURS) - 1)


def _class_scale(top: int) -> list[list]:
    """A stepped colour scale over classes 0..top: each class one flat colour."""
    scale = []
    for index in range(top + 1):
        scale += [[index / (top + 1), CLASS_COLOURS[index]], [(index + 1) / (top + 1), CLASS_COLOURS[index]]]
    return scale


def _labels(rows: pd.DataFrame, colour: str, size: int, font: str, position: str = "middle center") -> go.Scattermap:
    """Names drawn on the map with our own glyphs; not hoverable, so a click goes to what lies beneath."""
    return go.Scattermap(lat=rows["lat"], lon=rows["lon"], mode="text", text=list(rows["name_en"]),
                         textfont={"family": font, "size": size, "color": colour}, textposition=position,
                         hoverinfo="skip", showlegend=False)


LABEL_PLACES = ("top center", "middle right", "middle left", "bottom center", "top right", "bottom right",
                "top left", "bottom left")
SITE_SIZE, PROVINCE_SIZE = 14, 13  # px: names of case sites (bold) and of provinces


def _pixels(lon: float, lat: float, zoom: float = CHINA_VIEW["zoom"]) -> tuple[float, float]:
    """Web Mercator pixels at `zoom`, as MapLibre places them (512 px tiles)."""
    scale = 512 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * scale, (1 - y / math.pi) / 2 * scale


def _box(x: float, y: float, text: str, size: int, place: str = "middle center", gap: float = 0) -> tuple:
    """The box a name takes on the map, estimated from its length; MapLibre pads its own boxes a little."""
    width, height = 0.62 * size * len(text) + 4, 1.6 * size
    vertical, horizontal = place.split()
    left = {"right": x + gap, "left": x - gap - width}.get(horizontal, x - width / 2)
    top = {"top": y - gap - height, "bottom": y + gap}.get(vertical, y - height / 2)
    pad = 3  # MapLibre's own text-padding is 2 px
    return left - pad, top - pad, left + width + pad, top + height + pad


def label_layout(shading: pd.DataFrame, markers: pd.DataFrame, dot: int = 15) -> tuple[list[str], list[bool]]:
    """Where each case site's name goes, and which provinces' names are drawn, at the national zoom. MapLibre
    hides a name that touches another name, so a site's name takes the first place (top, right, left, bottom,
    then the diagonals) that touches no other site's name, preferring one that covers no site and no province's
    name; a province's name that would touch a site's name is left to hover."""
    sites = [_pixels(lon, lat) for lon, lat in zip(markers["lon"], markers["lat"], strict=True)]
    dots = [(x - dot / 2, y - dot / 2, x + dot / 2, y + dot / 2) for x, y in sites]
    provinces = [_box(*_pixels(lon, lat), str(name), PROVINCE_SIZE) for lon, lat, name in
                 zip(shading["lon"], shading["lat"], shading["name_en"], strict=True)]
    names: list[tuple] = []
    positions = []
    for index, ((x, y), name) in enumerate(zip(sites, markers["city"], strict=True)):
        def cost(place: str, x: float = x, y: float = y, name: str = str(name), index: int = index) -> tuple:
            box = _box(x, y, name, SITE_SIZE, place, dot / 2 + 2)
            return (any(_overlap(box, other) for other in names),
                    any(_overlap(box, other) for k, other in enumerate(dots) if k != index),
                    any(_overlap(box, other) for other in provinces))
        place = min(LABEL_PLACES, key=cost)  # min keeps the first of equals: the order above is the preference
        positions.append(place)
        names.append(_box(x, y, str(name), SITE_SIZE, place, dot / 2 + 2))
    return positions, [not any(_overlap(box, other) for other in names) for box in provinces]


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def province_map(boundaries: dict, shading: pd.DataFrame, markers: pd.DataFrame,
                 context: pd.DataFrame | None = None, height: int = 620) -> go.Figure:
    """Provinces in classes by cases (grey where none), chosen provinces outlined, names on the map, a marker per
    case site, Hong Kong and Macao always findable, and optionally the national context points."""
    figure = go.Figure()
    classes = shading["cases"].map(case_class) if len(shading) else pd.Series(dtype=int)
    top = max(int(classes.max()) if len(classes) else 0, 2)
    figure.add_trace(go.Choroplethmap(
        geojson=boundaries, featureidkey="properties.adcode", locations=shading["adcode"],
        z=classes, zmin=-0.5, zmax=top + 0.5, colorscale=_class_scale(top),
        showscale=bool(len(shading)),
        marker={"line": {"color": BORDER, "width": 0.8}},
        hovertext=shading.apply(_province_hover, axis=1) if len(shading) else [], hoverinfo="text",
        colorbar={"title": {"text": "Cases in view", "font": {"size": 14}}, "tickvals": list(range(top + 1)),
                  "ticktext": CLASS_LABELS[:top + 1], "tickfont": {"size": 14}, "thickness": 18,
                  "len": 30 * (top + 1), "lenmode": "pixels", "x": 0.01, "xanchor": "left",
                  "y": 0.02, "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.85)", "ticks": "",
                  "outlinewidth": 0},
        name="Province", showlegend=False,
    ))
    chosen = shading[shading["selected"]] if len(shading) else shading
    if len(chosen):
        codes = set(chosen["adcode"])
        features = [f for f in boundaries.get("features", []) if str(f["properties"]["adcode"]) in codes]
        figure.add_trace(go.Choroplethmap(  # the chosen provinces' outline, drawn over the shading
            geojson={"type": "FeatureCollection", "features": features}, featureidkey="properties.adcode",
            locations=chosen["adcode"], z=[0] * len(chosen), colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False, marker={"line": {"color": SELECTED, "width": 3}}, hoverinfo="skip",
            name="In the province filter", showlegend=False,
        ))
    placed = shading.dropna(subset=["lat", "lon"]) if len(shading) else shading
    positions, named = label_layout(placed, markers)
    # MapLibre hides names that collide, whichever layer they are in, so the layout leaves out any province name
    # that would cover a case site's; names left out are still on hover.
    big = placed[[n and code not in SMALL for n, code in zip(named, placed["adcode"], strict=True)]]
    if len(big):
        dark = classes.loc[big.index] >= DARK_CLASSES
        figure.add_trace(_labels(big[~dark], INK, PROVINCE_SIZE, LABEL_FONT))
        figure.add_trace(_labels(big[dark], "#ffffff", PROVINCE_SIZE, LABEL_FONT))
    small = placed[placed["adcode"].isin(SMALL)] if len(placed) else placed
    for number, (_, row) in enumerate(small.iterrows()):  # one trace each: a map trace has one text position
        figure.add_trace(go.Scattermap(
            lat=[row["lat"]], lon=[row["lon"]], mode="markers+text", text=[row["name_en"]],
            textposition="bottom right" if number % 2 == 0 else "bottom left",
            textfont={"family": LABEL_FONT_BOLD, "size": 14, "color": INK},
            marker={"size": 9, "color": INK}, customdata=[[PROVINCE, row["adcode"]]],
            hovertext=[_province_hover(row)], hoverinfo="text", showlegend=number == 0, legendgroup="small",
            name="Hong Kong, Macao",
        ))
    if len(markers):
        for position in LABEL_PLACES:  # a map trace has one text position: one trace per place used
            rows = markers[[p == position for p in positions]]
            if rows.empty:
                continue
            figure.add_trace(go.Scattermap(
                lat=rows["lat"], lon=rows["lon"], mode="markers+text", text=list(rows["city"]),
                textposition=position, textfont={"family": LABEL_FONT_BOLD, "size": SITE_SIZE, "color": INK},
                marker={"size": 15, "color": MARKER, "opacity": 1},
                customdata=[[CASE, case_id] for case_id in rows["case_id"]],
                hovertext=[f"<b>{escape(t)}</b> {escape(zh)}<br>{escape(city)} · {n} figures cited"
                           for t, zh, city, n in zip(rows["short_title"], rows["title_zh"], rows["city"],
                                                     rows["figures"], strict=True)],
                hoverinfo="text", name="Case site", legendgroup="sites",
                showlegend=position == positions[0],
            ))
    if context is not None and len(context):
        figure.add_trace(go.Scattermap(
            lat=context["lat"], lon=context["lon"], mode="markers",
            marker={"size": 10, "color": CONTEXT_COLOUR, "symbol": "circle"},
            customdata=[[CONTEXT, name] for name in context["name"]],
            hovertext=[f"<b>{escape(n)}</b><br>{escape(note)}" for n, note in
                       zip(context["name"], context["note"], strict=True)],
            hoverinfo="text", name="National context",
        ))
    figure.update_layout(
        map={"style": MAP_STYLE, **CHINA_VIEW},
        height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0},
        # Legend and colour key sit in the corners China leaves empty: Kazakhstan (top left), India (bottom left).
        legend={"orientation": "v", "yanchor": "top", "y": 0.99, "xanchor": "left", "x": 0.01,
                "bgcolor": "rgba(255,255,255,0.85)", "font": {"size": 14}},
        clickmode="event+select", dragmode="pan", hoverlabel={"font": {"size": 14}},
    )
    return figure


PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#999999", "#882255", "#44AA99"]  # Okabe-Ito, then Tol's muted: distinguishable without red-green


# The timeline's case lanes: darker Okabe-Ito hues (blue, orange, bluish green, reddish purple) with a violet and
# a dark red, each at least 4.5:1 on white (WCAG AA, checked in tests) and apart under simulated protan, deutan
# and tritan vision. Lane position and label name the case; colour repeats after six lanes, never next door.
TIMELINE_PALETTE = ["#0072B2", "#B25600", "#007A5A", "#A8487F", "#5A3D99", "#9E2A2B"]
NATIONAL_BAND = "#eceef1"  # the national lane's band: grey marks on it still reach 8:1
TIMELINE_FONT = 14  # px: axis, tick and hover text read on a 1280x720 projector
TIMELINE_INK = "#1f2933"  # axis text: darker than Plotly's #444 for a washed-out projector


def _wrap(text: str, width: int = 70) -> str:
    return "<br>".join(textwrap.wrap(escape(text), width)) or ""


def _year_ticks(start: pd.Timestamp, end: pd.Timestamp) -> dict:
    """Ticks every 1, 2, 5 or 10 years counted from the first year shown, so that year is labelled (Plotly's
    own ticks count from 2000 and would hide a 1988); short spans keep Plotly's month ticks."""
    years = (end - start).days / 365.25
    if years <= 3:
        return {}
    step = next((s for s in (1, 2, 5) if years / s <= 9), 10)
    return {"tickmode": "linear", "tick0": start, "dtick": f"M{12 * step}"}


def timeline(lanes: pd.DataFrame, height: int | None = None,
             x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> go.Figure:
    """Events on one time axis, a lane per case. A day is a diamond; a month, quarter or year is a bar
    covering that whole period, so a month-precision event is never drawn as a precise day. The axis shows
    `x_range` (default: every event); National sits on a grey band at the top, in grey."""
    # Two traces whatever the number of lanes (colour per point): building a trace per lane grows with cases.
    figure = go.Figure()
    names = list(dict.fromkeys(lanes["lane"]))
    national = set(lanes.loc[is_national(lanes["case_id"]), "lane"])
    cases = [name for name in names if name not in national]
    colours = {name: TIMELINE_PALETTE[i % len(TIMELINE_PALETTE)] for i, name in enumerate(cases)}
    colours.update(dict.fromkeys(national, NATIONAL_GREY))
    colour = lanes["lane"].map(colours)
    hover = pd.Series([f"<b>{escape(r.title)}</b><br>{escape(r.when)} ({escape(r.precision)})"
                       f"<br><i>“{_wrap(r.quote)}”</i><br>{_wrap(r.source_title)}" for r in lanes.itertuples()],
                      index=lanes.index, dtype=object)
    periods = lanes["precision"] != "day"
    if periods.any():
        # Solid bars (a faded fill loses its contrast), longest first so a month inside its year stays in
        # sight on top, each edged in white.
        sub = lanes[periods].assign(_length=lambda f: f["end"] - f["start"]).sort_values(
            "_length", ascending=False, kind="stable")
        figure.add_trace(go.Bar(
            base=sub["start"], x=sub["_length"].dt.total_seconds() * 1000, y=sub["lane"],
            orientation="h", marker={"color": colour[sub.index], "line": {"color": "white", "width": 1.5}},
            hovertext=hover[sub.index], hoverinfo="text", name="Month, quarter or year", showlegend=False,
            width=0.6,
        ))
    days = lanes[~periods]
    if len(days):
        figure.add_trace(go.Scatter(
            x=days["start"] + pd.Timedelta(hours=12), y=days["lane"], mode="markers",
            marker={"symbol": "diamond", "size": 14, "color": colour[~periods],
                    "line": {"color": "white", "width": 1.5}},
            hovertext=hover[~periods], hoverinfo="text", name="Day", showlegend=False,
        ))
    if x_range is None and len(lanes):  # every event, in whole years (ends are exclusive)
        x_range = (pd.Timestamp(lanes["start"].min().year, 1, 1),
                   pd.Timestamp((lanes["end"].max() - pd.Timedelta(days=1)).year + 1, 1, 1))
    shown, ticks = None, {}
    if x_range is not None:
        pad = max((x_range[1] - x_range[0]) * 0.015, pd.Timedelta(days=20))  # an event on the edge stays whole
        shown = [x_range[0] - pad, x_range[1] + pad]
        ticks = _year_ticks(x_range[0], x_range[1])
    for i, name in enumerate(names):
        if name in national:  # a band behind the lane, under the marks, across the plot
            figure.add_shape(type="rect", xref="paper", x0=0, x1=1, yref="y", y0=i - 0.5, y1=i + 0.5,
                             fillcolor=NATIONAL_BAND, line={"width": 0}, layer="below")
    labels = [f"<b>{escape(name)}</b>" if name in national else escape(name) for name in names]
    figure.update_layout(
        barmode="overlay", height=height or max(220, 48 * len(names) + 100),
        margin={"l": 10, "r": 16, "t": 10, "b": 50},
        font={"size": TIMELINE_FONT, "color": TIMELINE_INK},
        xaxis={"type": "date", "range": shown, **ticks, "automargin": True,
               # Two short lines: at 14 px one line is cut off in a case page's narrow column.
               "title": {"text": "Date (bars cover the month, quarter<br>or year the source gives)",
                         "font": {"size": TIMELINE_FONT, "color": TIMELINE_INK}},
               "tickfont": {"size": TIMELINE_FONT, "color": TIMELINE_INK}, "gridcolor": "#e3e6ea"},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": names, "automargin": True,
               "tickmode": "array", "tickvals": names, "ticktext": labels,
               "tickfont": {"size": TIMELINE_FONT, "color": TIMELINE_INK}},
        plot_bgcolor="white",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": TIMELINE_FONT, "color": TIMELINE_INK}},
    )
    return figure


COMPARE_FONT = {"tick": 14, "axis": 15, "legend": 15, "bar": 14}  # px: read on a 1280x720 projector
COMPARE_INK = "#262730"  # darker than the theme's grey ticks: labels are the chart's content here
COMPARE_LABEL_WIDTH = 34  # characters per line of a figure's label beside its bar
COMPARE_LEGEND_ROW = 30  # px a row of the legend takes above the plot
COMPARE_LEGEND_GAP = 14  # px between the plot's top and the legend's anchor


def _compare_text(text: object, width: int | None = None) -> str:
    """Data text for the compare chart: markup characters escaped, quotes kept as they are (plotly shows
    `&quot;` literally), wrapped at `width` characters with <br>."""
    plain = escape(text)
    return "<br>".join(textwrap.wrap(plain, width)) if width else plain


def compare_legend_rows(names: list[str], width: int = 760) -> int:
    """Rows a horizontal legend of these names needs in `width` px (a symbol and a gap, ~8.5 px a character
    at 15 px): the top margin is made for that many, so the legend never reaches the plot or the title."""
    rows, used = 1, 0.0
    for name in names:
        entry = 50 + 8.5 * len(name)
        if used and used + entry > width:
            rows, used = rows + 1, 0.0
        used += entry
    return rows


def compare_bars(rows: pd.DataFrame, axis_title: str, cases: list[str] | tuple[str, ...] = ()) -> go.Figure:
    """One horizontal bar per figure on the group's common scale, a colour per case (its place in `cases`, so
    a case keeps its colour on every chart of the page), the legend above the plot. Each bar carries its value
    on that scale; the hover gives the figure as the report wrote it. `rows` come from compare.families."""
    figure = go.Figure()
    order = list(cases) or list(dict.fromkeys(rows["case_id"]))
    labels = [_compare_text(label, COMPARE_LABEL_WIDTH) for label in rows["label"]]
    lines = sum(label.count("<br>") + 1 for label in labels)
    for case_id, group in rows.groupby("case_id", sort=False):
        at = rows.index.get_indexer(group.index)
        figure.add_trace(go.Bar(
            x=group["scaled"], y=[labels[i] for i in at], orientation="h", name=_compare_text(group["case"].iloc[0]),
            marker={"color": PALETTE[order.index(case_id) % len(PALETTE)] if case_id in order else NEUTRAL},
            # Never turned on its side nor shrunk below 14 px: outside the bar when it does not fit inside.
            text=[_compare_text(text) for text in group["bar"]], textposition="auto", textangle=0,
            constraintext="none", cliponaxis=False, textfont={"size": COMPARE_FONT["bar"]},
            hovertext=[f"<b>{_compare_text(r.label)}</b> ({_compare_text(r.case)})<br>{_compare_text(r.reported)}"
                       + (f"<br>{_compare_text(r.on_chart)}" if r.on_chart else "")
                       + f"<br><i>“{_compare_text(r.quote, 70)}”</i>"
                       for r in group.itertuples()],
            hoverinfo="text",
        ))
    names = list(dict.fromkeys(rows["case"]))
    top = 30 + COMPARE_LEGEND_ROW * compare_legend_rows(names)
    plot = 21 * lines + 14 * len(labels)  # px of the plot area: a row per figure, taller for a wrapped label
    largest = float(rows["scaled"].max()) if len(rows) else 0.0
    figure.update_layout(
        # Bars overlaid, not grouped: each figure has its own row, so grouping would leave an empty slot per case.
        barmode="overlay", bargap=0.3,
        height=top + 70 + plot, margin={"l": 10, "r": 24, "t": top, "b": 70},
        font={"size": COMPARE_FONT["tick"], "color": COMPARE_INK},
        xaxis={"title": {"text": _compare_text(axis_title),
                         "font": {"size": COMPARE_FONT["axis"], "color": COMPARE_INK}},
               "tickfont": {"size": COMPARE_FONT["tick"], "color": COMPARE_INK}, "automargin": True,
               "gridcolor": "#e3e6ea", "rangemode": "tozero",
               **({"range": [0, largest * 1.12]} if largest > 0 else {})},  # room for a value beside the longest bar
        yaxis={"automargin": True, "autorange": "reversed",
               "tickfont": {"size": COMPARE_FONT["tick"], "color": COMPARE_INK}},
        # Placed COMPARE_LEGEND_GAP px above the plot: anchored at y=1 plotly lets its box reach 9 px into the plot.
        legend={"orientation": "h", "x": 0, "xanchor": "left", "xref": "paper", "y": 1 + COMPARE_LEGEND_GAP / plot,
                "yanchor": "bottom", "yref": "paper", "font": {"size": COMPARE_FONT["legend"], "color": COMPARE_INK},
                "traceorder": "normal"},
        showlegend=True, plot_bgcolor="white", hoverlabel={"align": "left", "font": {"size": 14}},
    )
    return figure


CAPTION_HEIGHT = 72  # px added above a chart for its title and a source line of up to two lines


PROJECTOR_TEXT = 14  # px: the smallest chart text that reads from the back of a room at 1280 x 720


def captioned(figure: go.Figure, title: str, source: str, width: int = 95) -> go.Figure:
    """The chart's title and source line drawn inside the figure, so a PNG from the toolbar keeps them. The
    figure grows by the caption's height rather than squeezing the plot. Text a builder left at Plotly's 12 px
    default (ticks, legends, hover) becomes 14 px."""
    top = (figure.layout.margin.t or 0) + CAPTION_HEIGHT
    figure.update_layout(
        title={"text": escape(title), "x": 0.005, "xanchor": "left", "xref": "container", "y": 0.995,
               "yanchor": "top", "yref": "container", "font": {"size": 17},
               "subtitle": {"text": _wrap(source, width), "font": {"size": 13, "color": "#4f5b66"}}},
        margin={"t": top}, height=(figure.layout.height or 450) + CAPTION_HEIGHT,
        font={"size": max(figure.layout.font.size or 0, PROJECTOR_TEXT)})
    return figure
