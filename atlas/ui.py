"""The frame every page starts with, and the Streamlit pieces pages share. The only module of atlas/ that
imports Streamlit.

The URL is the only state: every run reads the filters (and a page's own parameters) from the query string
through one parser, the widgets show what it says, and a widget's change writes the URL back. A link
therefore always reopens the exact view. Data text always passes through `fmt.md()` before it reaches an
element that renders Markdown.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from atlas import charts, cite, filters, geography, pages, store, summary, trail
from atlas import format as fmt
from atlas.text import n, t

NOTICES_KEY = "notices"
WIDGETS = {"sector": "f_sector", "province": "f_province", "region": "f_region", "tier": "f_tier",
           "mechanism": "f_mechanism"}
YEARS_KEY, SEARCH_KEY = "f_years", "f_q"
# Page parameters that only make sense for the set of cases they were chosen in: a filter change drops them.
SET_BOUND = ("slide", "page")


# --- Data ---------------------------------------------------------------------------------------------------

def data_dir() -> Path:
    """The data folder: $ATLAS_DATA (tests and benchmarks point it elsewhere), else data/."""
    return Path(os.environ.get("ATLAS_DATA", store.DATA_DIR))


def _signature(folder: Path) -> str:
    # A hand edit changes a file's mtime or size, which changes the cache key: no restart needed. A digest, not
    # the tuple: Streamlit hashes a cached function's arguments on every call, and the tuple cost 3 ms a call.
    files = sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file())
    return hashlib.sha1(repr(files).encode()).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(signature: str, folder: str) -> store.Atlas:
    # cache_resource: one read-only copy shared by every session, not a copy per rerun.
    return store.load(Path(folder))


def atlas() -> store.Atlas:
    folder = data_dir()
    return _load(_signature(folder), str(folder))


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(signature: str, folder: str, selection: filters.Filter) -> filters.View:
    return filters.apply(_load(signature, folder), selection)


@st.cache_resource(show_spinner=False, max_entries=64)
def _counts(signature: str, folder: str, selection: filters.Filter) -> dict[str, dict[str, int]]:
    return filters.facet_counts(_load(signature, folder), selection)


# --- The frame ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Frame:
    page: pages.Page
    data: store.Atlas
    selection: filters.Filter
    view: filters.View
    signature: str  # of the data folder, taken once a run (ui._signature)

    def param(self, key: str) -> list[str]:
        """A page parameter from the URL (untrusted: the page model parses it)."""
        return st.query_params.get_all(key)


def navigation() -> list:
    """The registry as st.Page objects. No icon here: Streamlit would make a page's Material icon the tab's
    favicon, fetched from fonts.gstatic.com; the links in the sidebar show the icons (from the bundled font)."""
    return [st.Page(page.script, title=page.title, url_path=page.url_path or None, default=page is pages.DEFAULT)
            for page in pages.PAGES]


def frame(key: str, sidebar: str = "expanded") -> Frame:
    """Every page's first line: page config, navigation, filters and notices; returns what the page shows.

    Why each page calls it, rather than dashboard.py alone: with pages/ beside the entry script, Streamlit
    starts in its legacy multipage mode, and a fresh server's first request for /map runs pages/map.py
    without dashboard.py. Registering the real navigation here switches the server to the mode
    dashboard.py uses, and drawing the links and filters here makes that first visit look like every other.
    """
    page = pages.BY_KEY[key]
    # initial_sidebar_state takes effect when it changes: Present closes the sidebar, the other pages open it.
    st.set_page_config(page_title=f"{page.title} · {t('app.title')}", page_icon="assets/icon.png", layout="wide",
                       initial_sidebar_state=sidebar)
    if PagesManager.uses_pages_directory:
        st.navigation(navigation(), position="hidden")
    # The data folder's signature once per run: it stats every file (12 ms at 1,000 cases), and the data, the
    # view and the filter counts are all cached under it.
    folder = data_dir()
    signature = _signature(folder)
    data = _load(signature, str(folder))
    selection = _read_filter(data)
    with st.sidebar:
        _links(page, selection)
        _filters(data, selection, _counts(signature, str(folder), selection))
    _problems(data)
    notices(st.session_state.get(NOTICES_KEY, []))
    return Frame(page=page, data=data, selection=selection, view=_view(signature, str(folder), selection),
                 signature=signature)


def _links(current: pages.Page, selection: filters.Filter) -> None:
    # Our own links, not Streamlit's navigation menu: they carry the filters to the next page.
    params = filters.to_params(selection)
    for page in pages.PAGES:
        st.page_link(page.script, label=page.title, icon=page.icon, query_params=params, width="stretch")


def _read_filter(data: store.Atlas) -> filters.Filter:
    """The Filter the URL holds. What the parser dropped is said once, and the URL is rewritten clean."""
    raw = {key: st.query_params.get_all(key) for key in filters.FILTER_KEYS if key in st.query_params}
    selection, dropped = filters.parse(raw, data)
    if dropped:
        st.session_state[NOTICES_KEY] = dropped
        _write_url(selection)
    return selection


def _write_url(selection: filters.Filter, drop: tuple[str, ...] = ()) -> None:
    wanted = filters.to_params(selection)
    for key in (*filters.FILTER_KEYS, *drop):
        if key in wanted:
            if st.query_params.get_all(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


def without_filters(**params: str | list[str]) -> None:
    """Button callback: drop every filter and open this page on `params` (a case outside the filters)."""
    set_filter(filters.Filter())
    for key, value in params.items():
        st.query_params[key] = value


def set_filter(selection: filters.Filter) -> None:
    """A new Filter from a widget, a map click or the clear button: into the URL, old notices gone."""
    st.session_state[NOTICES_KEY] = []
    _write_url(selection, drop=SET_BOUND)


def _from_widgets(data: store.Atlas) -> None:
    low, high = data.years()
    start, end = st.session_state[YEARS_KEY]
    set_filter(filters.Filter(
        **{filters.MULTI_KEYS[key]: tuple(st.session_state[widget]) for key, widget in WIDGETS.items()},
        year_from=start if start > low else None, year_to=end if end < high else None,
        q=str(st.session_state[SEARCH_KEY]).strip()))


def _filters(data: store.Atlas, selection: filters.Filter, counts: dict[str, dict[str, int]]) -> None:
    """The filter widgets, showing what the URL says with each option's count of cases; a change goes to the
    URL through _from_widgets."""
    st.header(t("filters.header"), anchor=False)
    options = filters.choices(data)
    for key, widget in WIDGETS.items():
        labels, count = options[key], counts[key]
        st.session_state[widget] = list(getattr(selection, filters.MULTI_KEYS[key]))
        st.multiselect(t(f"filters.{key}"), list(labels), key=widget, placeholder=t("filters.any"),
                       format_func=lambda slug, labels=labels, count=count: t(
                           "filters.option", label=labels[slug], count=count.get(slug, 0)),
                       select_all=False, on_change=_from_widgets, args=(data,))
    low, high = data.years()
    if low < high:
        start = min(max(selection.year_from or low, low), high)
        st.session_state[YEARS_KEY] = (start, max(min(selection.year_to or high, high), start))
        st.slider(t("filters.years"), min_value=low, max_value=high, key=YEARS_KEY, on_change=_from_widgets,
                  args=(data,))
    else:
        st.session_state[YEARS_KEY] = (low, high)
    st.session_state[SEARCH_KEY] = selection.q
    st.text_input(t("filters.search"), key=SEARCH_KEY, max_chars=filters.MAX_VALUE_LENGTH,
                  on_change=_from_widgets, args=(data,))
    st.button(t("filters.clear"), on_click=set_filter, args=(filters.Filter(),), icon=":material/filter_alt_off:",
              disabled=not selection.active)


def _problems(data: store.Atlas) -> None:
    """Name every broken record on screen, while the valid cases are served as usual."""
    if not data.problems:
        return
    files = ", ".join(sorted({p.file for p in data.problems}))
    with st.expander(":material/warning: " + fmt.md(n("problems", len(data.problems), files=files)), expanded=False):
        for problem in data.problems:
            st.text(str(problem))


def stylesheet(name: str) -> None:
    """A page's own stylesheet from assets/ (a static file, never data): st.html sends a .css file as <style>."""
    st.html(store.ROOT / "assets" / name)


def notices(lines: list[str] | tuple[str, ...]) -> None:
    for line in lines:
        st.caption(f":material/info: {fmt.md(line)}")


def url_choice(key: str, param: str, options: list[str], labels: dict[str, str], chosen: str | list[str],
               multi: bool = False, **widget: object) -> None:
    """A page's own picker (a case, cases to compare) that shows the URL's value and writes the URL back."""
    st.session_state[key] = chosen

    def write() -> None:
        st.query_params[param] = st.session_state[key]

    draw: Callable = st.multiselect if multi else st.selectbox
    shown = (lambda option: labels.get(option, option)) if labels else str
    draw(widget.pop("label"), options, key=key, format_func=shown, on_change=write, **widget)


def url_toggle(key: str, param: str, label: str) -> None:
    """A toggle that shows the URL's `param=1` and writes it back (absent when off): notes=1 reopens the notes."""
    st.session_state[key] = st.query_params.get_all(param)[:1] == ["1"]

    def write() -> None:
        if st.session_state[key]:
            st.query_params[param] = "1"
        elif param in st.query_params:
            del st.query_params[param]

    st.toggle(label, key=key, on_change=write)


def chart_config(*name: str, **extra: object) -> dict:
    """Plotly's config for a chart: no logo, and a PNG named after the page, the case and the chart."""
    filename = "-".join(["nqp-atlas", *(part for part in name if part)])
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
            **extra}


# --- Figures ------------------------------------------------------------------------------------------------

def _words(figure: summary.Figure, query: str = "", heading: bool = False) -> None:
    """A figure's words, the sentence around them and its document as one Markdown block (each element costs
    the browser time on every redraw, and a closed popover's content is drawn too), then its link."""
    parts = [f"**{fmt.md(figure.shown)}**"] if heading else []
    parts.append(f"“{fmt.highlight(figure.quote, query)}”")
    if figure.sentence and figure.sentence != figure.quote:
        parts.append(f":gray[{fmt.md(t('figure.sentence', sentence=figure.sentence))}]")
    parts.append(f":gray[{fmt.md(figure.source)} · {fmt.md(figure.document)}. {fmt.md(t('as_reported'))}]")
    if figure.note:
        parts.append(f":orange[{fmt.md(t('figure.note', note=figure.note))}]")
    st.markdown("\n\n".join(parts))
    record_link(figure.id)


def record_link(record_id: str, label: str | None = None) -> None:
    """The link to a figure's or event's own view: its citation, its downloads and its paragraph in context."""
    st.page_link(pages.BY_KEY["sources"].script, label=label or t("figure.link"), icon=":material/link:",
                 query_params={"figure": record_id})


def permalink(record_id: str) -> tuple[str, bool]:
    """A figure's or event's own link and whether it is local: on the public address configured in
    $ATLAS_PUBLIC_URL, else on the host and port this page was reached at (which only this copy answers)."""
    base = cite.public_base()
    if base:
        return cite.permalink(record_id, base), False
    parts = urlsplit(st.context.url or "http://127.0.0.1:8501/")
    return urlunsplit((parts.scheme, parts.netloc, "/" + pages.BY_KEY["sources"].url_path,
                       urlencode({"figure": record_id}), "")), True


def in_context(data: store.Atlas, source_id: str, quote: str) -> None:
    """A quote read in its document: the heading it stands under, the paragraph before, its own paragraph with
    the quoted words marked, the paragraph after. Read from the documents where they are at hand, never copied
    into the project; without them, say so."""
    path, parts = store.documents(data_dir(), data.sources).get(source_id, (None, ()))
    found = trail.context(path, quote, parts) if path is not None and path.is_file() else None
    if found is None:
        st.caption(t("context.missing"))
        return
    lines = [f"**{fmt.md(found.heading)}**"] if found.heading else []
    lines += [f":gray[{fmt.md(text)}]" for text in found.before]
    before, marked, after = found.paragraph
    lines.append(f"{fmt.md(before)} :orange-background[**{fmt.md(marked)}**] {fmt.md(after)}")
    lines += [f":gray[{fmt.md(text)}]" for text in found.after]
    title = data.source_titles.get(source_id, source_id)
    lines.append(f":gray[{fmt.md(t('context.where', where=found.where, title=title))}]")
    st.markdown("\n\n".join(lines))


def facet_pills(view_frame: Frame, key: str, label: str) -> None:
    """A facet as chips with the number of cases each leaves, most first, bound to the same URL filter as the
    sidebar's menu: clicking a chip filters every page to it, clicking it again takes it out."""
    folder = data_dir()
    counts = _counts(view_frame.signature, str(folder), view_frame.selection)[key]
    labels = filters.choices(view_frame.data)[key]
    chosen = list(getattr(view_frame.selection, filters.MULTI_KEYS[key]))
    order = {slug: index for index, slug in enumerate(labels)}
    options = sorted((slug for slug in labels if counts.get(slug) or slug in chosen),
                     key=lambda slug: (-counts.get(slug, 0), order[slug]))
    widget = f"glance_{key}"
    st.session_state[widget] = chosen
    st.pills(label, options, selection_mode="multi", key=widget, on_change=_from_pills, args=(view_frame, key),
             format_func=lambda slug: t("filters.option", label=labels[slug], count=counts.get(slug, 0)))


def _from_pills(view_frame: Frame, key: str) -> None:
    values = tuple(st.session_state[f"glance_{key}"])
    set_filter(replace(view_frame.selection, **{filters.MULTI_KEYS[key]: values}))


def figure_card(figure: summary.Figure, large: bool = False, width: int | str = "stretch") -> None:
    """A figure in a bordered card: what it counts, the value with its hedge, when, and its words one click away.
    Headings wrap where st.metric would cut a long unit short. A fixed `width` lets a row of cards wrap."""
    with st.container(border=True, width=width):
        st.caption(fmt.md(figure.label))
        (st.header if large else st.subheader)(fmt.md(figure.shown), anchor=False)
        st.caption(fmt.md(figure.when) + "  \n" + fmt.md(figure.source))
        with st.popover(t("source_words"), icon=":material/format_quote:"):
            _words(figure)


def figure_lines(figures: tuple[summary.Figure, ...], query: str = "") -> None:
    """Figures as compact lines for a card (**over 60 enterprises** · what it counts (as of)), with their words
    in one popover for the card: a popover per figure (30 on the page) added about 0.15 s to a filter change."""
    if not figures:
        return
    # A search's words are marked in what it found (fmt.highlight adds only our own markup to escaped text).
    st.markdown("\n".join(f"- **{fmt.highlight(f.shown, query)}** · {fmt.highlight(f.label, query)} "
                          f"({fmt.md(f.when)})" + (f" · :gray[{fmt.md(f.source)}]" if f.elsewhere else "")
                          for f in figures))
    with st.popover(t("source_words"), icon=":material/format_quote:"):
        for f in figures:
            _words(f, query, heading=True)


def case_link(case_id: str, label: str, icon: str | None = None, selection: filters.Filter | None = None) -> None:
    """A link to a case profile; with `selection`, the filters go along."""
    params = {**filters.to_params(selection or filters.Filter()), "case": case_id}
    st.page_link(pages.BY_KEY["case"].script, label=fmt.md(label), icon=icon, query_params=params)


# --- Map ------------------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def boundaries() -> dict:
    return geography.read_geojson()


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_figure(signature: str, folder: str, selection: filters.Filter, context: bool) -> dict:
    data = _load(signature, folder)
    model = geography.map_page(data, _view(signature, folder, selection), selection)
    figure = charts.province_map(boundaries(), model.shading, model.markers, data.context if context else None)
    return charts.captioned(figure, t("chart.map"), t("chart.map_source")).to_plotly_json()


def map_figure(view_frame: Frame, context: bool) -> dict:
    folder = data_dir()
    return _map_figure(view_frame.signature, str(folder), view_frame.selection, context)


def map_key(view_frame: Frame) -> str:
    """The map's widget key changes with the filter, so each drawing starts with nothing selected: a second
    click on a province is then a click again (taking it out), not Plotly unselecting it."""
    return "province_map_" + hashlib.sha1(repr(view_frame.selection).encode()).hexdigest()[:12]


def apply_map_click(view_frame: Frame, chart_key: str, model: geography.MapPage) -> None:
    """on_select callback: a click adds or removes a province, or says why it does not."""
    event = st.session_state.get(chart_key)
    points = list(getattr(getattr(event, "selection", None), "points", None) or
                  (event or {}).get("selection", {}).get("points", []))
    click = geography.map_click(points, model.shading, model.markers, view_frame.selection)
    if click.selection != view_frame.selection:
        set_filter(click.selection)
    if click.notice:
        st.session_state[NOTICES_KEY] = [click.notice]


def reset_map(view_frame: Frame) -> None:
    set_filter(replace(view_frame.selection, provinces=()))
