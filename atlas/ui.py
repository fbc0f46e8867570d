"""Small Streamlit pieces shared by the pages. The only module of atlas/ that imports Streamlit.

Data text always passes through `fmt.md()` before it reaches an element that renders Markdown.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from atlas import charts, filters, geography, store, timeline
from atlas import format as fmt


def data_dir() -> Path:
    """The data folder: $ATLAS_DATA (tests and benchmarks point it elsewhere), else data/."""
    return Path(os.environ.get("ATLAS_DATA", store.DATA_DIR))


def _signature(folder: Path) -> tuple:
    # A hand edit changes a file's mtime or size, which changes the cache key: no restart needed.
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(signature: tuple, folder: str) -> store.Atlas:
    # cache_resource: one read-only copy shared by every session, not a copy per rerun.
    return store.load(Path(folder))


def atlas() -> store.Atlas:
    folder = data_dir()
    return _load(_signature(folder), str(folder))


def problems_notice(data: store.Atlas) -> None:
    """Name every broken record on screen, while the valid cases are served as usual."""
    if not data.problems:
        return
    files = sorted({p.file for p in data.problems})
    label = (f":material/warning: {fmt.plural(len(data.problems), 'data problem')} in "
             f"{fmt.md(', '.join(files))}: those records are not shown")
    with st.expander(label, expanded=False):
        for problem in data.problems:
            st.text(str(problem))


def source_title(data: store.Atlas, source_id: str) -> str:
    match = data.sources.loc[data.sources["source_id"] == source_id, "title"]
    return str(match.iloc[0]) if len(match) else source_id


def _source_words(data: store.Atlas, row: pd.Series) -> None:
    with st.popover("Source words", icon=":material/format_quote:"):
        st.markdown(fmt.md(f"“{row['quote']}”"))
        st.caption(fmt.md(f"{source_title(data, row['source_id'])}. As reported by the source, "
                          "not independently verified."))


def figure_card(data: store.Atlas, row: pd.Series, large: bool = False) -> None:
    """A figure in a bordered card: what it counts, the value with its hedge, as-of, and its words one click away.
    Headings wrap where st.metric would cut a long unit short."""
    with st.container(border=True):
        st.caption(fmt.md(row["label"]))
        shown = fmt.md(fmt.figure(row["value"], row["unit"], row["qualifier"], row["status"]))
        (st.header if large else st.subheader)(shown, anchor=False)
        st.caption(fmt.md(f"as of {fmt.when(row['as_of'])}"))
        _source_words(data, row)


def figure_lines(data: store.Atlas, rows: list[pd.Series]) -> None:
    """Figures as compact lines for a card (**over 60 enterprises** · what it counts (as of)), with their words
    in one popover for the card: a popover per figure (30 on the page) added about 0.15 s to a filter change."""
    if not rows:
        return
    shown = [fmt.md(fmt.figure(row["value"], row["unit"], row["qualifier"], row["status"])) for row in rows]
    st.markdown("\n".join(f"- **{value}** · {fmt.md(row['label'])} ({fmt.md(fmt.when(row['as_of']))})"
                          for value, row in zip(shown, rows, strict=True)))
    with st.popover("Source words", icon=":material/format_quote:"):
        for value, row in zip(shown, rows, strict=True):
            st.markdown(f"**{value}**: " + fmt.md(f"“{row['quote']}”"))
            st.caption(fmt.md(f"{source_title(data, row['source_id'])}. As reported by the source, "
                              "not independently verified."))


# --- Filters: the sidebar widgets own the state; the URL mirrors it on every run. -------------------------

WIDGET_KEYS = {"province": "f_province", "region": "f_region", "sector": "f_sector", "tier": "f_tier",
               "mechanism": "f_mechanism"}
YEARS_KEY, SEARCH_KEY, NOTICES_KEY = "f_years", "f_q", "f_notices"


def year_bounds(data: store.Atlas) -> tuple[int, int]:
    years = [int(d[:4]) for d in [*data.metrics["as_of"], *data.events["date"]]] or [2024]
    return min(years), max(years)


def _seed_widgets_from_url(data: store.Atlas) -> None:
    """First run of a session: the URL (untrusted) sets the widgets; what it could not use becomes a notice."""
    params = {key: st.query_params.get_all(key) for key in filters.FILTER_KEYS}
    selection, notices = filters.parse(params, data)
    for key, widget in WIDGET_KEYS.items():
        st.session_state[widget] = list(getattr(selection, filters.MULTI_KEYS[key]))
    low, high = year_bounds(data)
    start = min(max(selection.year_from or low, low), high)
    end = max(min(selection.year_to or high, high), low)
    st.session_state[YEARS_KEY] = (start, end)
    st.session_state[SEARCH_KEY] = selection.q
    st.session_state[NOTICES_KEY] = notices


def current_filter(data: store.Atlas) -> filters.Filter:
    """The Filter the sidebar widgets hold now."""
    low, high = year_bounds(data)
    start, end = st.session_state.get(YEARS_KEY, (low, high))
    return filters.Filter(
        **{filters.MULTI_KEYS[key]: tuple(st.session_state.get(widget, [])) for key, widget in WIDGET_KEYS.items()},
        year_from=start if start > low else None,
        year_to=end if end < high else None,
        q=str(st.session_state.get(SEARCH_KEY, "")).strip(),
    )


def set_filter(selection: filters.Filter) -> None:
    """Put a Filter into the widgets (from a callback, before they are drawn: a map click, a clear button)."""
    for key, widget in WIDGET_KEYS.items():
        st.session_state[widget] = list(getattr(selection, filters.MULTI_KEYS[key]))
    if selection.q != st.session_state.get(SEARCH_KEY):
        st.session_state[SEARCH_KEY] = selection.q


def _clear(data: store.Atlas) -> None:
    set_filter(filters.Filter())
    st.session_state[YEARS_KEY] = year_bounds(data)
    st.session_state[NOTICES_KEY] = []


def sidebar_filters(data: store.Atlas) -> filters.Filter:
    """Draw the shared filters, mirror them into the URL, and return the Filter."""
    if YEARS_KEY not in st.session_state:
        _seed_widgets_from_url(data)
    options = filters.choices(data)
    with st.sidebar:
        st.header("Filters", anchor=False)
        for key, label in (("sector", "Sector"), ("province", "Province"), ("region", "Region"),
                           ("tier", "Industry tier"), ("mechanism", "How it innovates")):
            names = options[key]
            st.multiselect(label, list(names), format_func=names.get, key=WIDGET_KEYS[key], placeholder="All")
        low, high = year_bounds(data)
        st.slider("Years", min_value=low, max_value=high, key=YEARS_KEY)
        st.text_input("Search titles, summaries and quotes", key=SEARCH_KEY, max_chars=filters.MAX_VALUE_LENGTH)
        st.button("Clear filters", on_click=_clear, args=(data,), icon=":material/filter_alt_off:")
    selection = current_filter(data)
    wanted = filters.to_params(selection)
    for key in filters.FILTER_KEYS:
        if st.query_params.get_all(key) != wanted.get(key, []):
            if key in wanted:
                st.query_params[key] = wanted[key]
            elif key in st.query_params:
                del st.query_params[key]
    return selection


def filter_notices() -> None:
    for notice in st.session_state.get(NOTICES_KEY, []):
        st.caption(f":material/info: {fmt.md(notice)}")


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(signature: tuple, folder: str, selection: filters.Filter) -> filters.View:
    return filters.apply(_load(signature, folder), selection)


def view(data: store.Atlas) -> filters.View:
    """The tables under the current filter; computed once per (data, filter) and shared by sessions."""
    folder = data_dir()
    return _view(_signature(folder), str(folder), current_filter(data))


# --- Map ------------------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def boundaries() -> dict:
    return geography.read_geojson()


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_figure(signature: tuple, folder: str, selection: filters.Filter, context: bool) -> dict:
    data = _load(signature, folder)
    shown = filters.apply(data, selection)
    figure = charts.province_map(boundaries(), geography.province_shading(data, shown.cases),
                                 geography.case_markers(data, shown.cases, shown.metrics),
                                 data.context if context else None)
    return figure.to_plotly_json()


def map_figure(data: store.Atlas, context: bool) -> dict:
    folder = data_dir()
    return _map_figure(_signature(folder), str(folder), current_filter(data), context)


def apply_map_click(data: store.Atlas, chart_key: str) -> None:
    """on_select callback: a clicked province or case marker filters the whole app to that province."""
    event = st.session_state.get(chart_key)
    points = list(getattr(getattr(event, "selection", None), "points", None) or
                  (event or {}).get("selection", {}).get("points", []))
    shown = view(data)
    markers = geography.case_markers(data, shown.cases, shown.metrics)
    set_filter(geography.selection_to_filter(points, markers, data, current_filter(data)))


@st.cache_resource(show_spinner=False)
def cities() -> dict:
    return geography.read_geojson(geography.CITIES)


def notices(lines: list[str]) -> None:
    for line in lines:
        st.caption(f":material/info: {fmt.md(line)}")


def event_lanes(data: store.Atlas, events: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Events with spans, lanes, readable dates and document titles, ready for charts.timeline."""
    frame = timeline.lanes(events, cases)
    titles = dict(zip(data.sources["source_id"], data.sources["title"], strict=True))
    frame["when"] = frame["date"].map(fmt.when)
    frame["source_title"] = frame["source_id"].map(lambda s: titles.get(s, s))
    return frame
