"""The Sources page's model: the figures and events of the cases in view, national records apart, and what
the download buttons write."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
from babel.dates import format_date

from atlas import filters, package, summary
from atlas import format as fmt
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import LOCALE, t


@dataclass(frozen=True)
class SourcesView:
    figures_tab: str
    events_tab: str
    national_tab: str
    figures: pd.DataFrame  # case, label, shown, value, unit, as_of, quote, document
    events: pd.DataFrame  # case, date, precision, title, quote, document
    national_figures: pd.DataFrame
    national_events: pd.DataFrame
    documents: tuple[tuple[str, str], ...]  # (line, note)
    # What the downloads need, kept for `downloads`: the package tables are built over the whole dataset, so
    # they are made when a file is asked for, not on every rerun of the page.
    data: Atlas = field(repr=False, compare=False)
    view: View = field(repr=False, compare=False)
    national: bool = False

    @cached_property
    def downloads(self) -> dict[str, pd.DataFrame]:
        """name -> table of what is in view, export contract columns first."""
        return downloads(self.data, self.view, self.national)


def _figure_table(data: Atlas, metrics: pd.DataFrame) -> pd.DataFrame:
    return metrics.assign(
        case=metrics["case_id"].map(lambda c: data.short_titles.get(c, t("national"))),
        shown=[fmt.figure(r.value, r.unit, r.qualifier, r.status) for r in metrics.itertuples()],
        document=metrics["source_id"].map(lambda s: data.source_titles.get(s, s)),
    )[["case", "label", "shown", "as_of", "quote", "document", "id"]]


def _event_table(data: Atlas, events: pd.DataFrame) -> pd.DataFrame:
    return events.assign(
        case=events["case_id"].map(lambda c: data.short_titles.get(c, t("national"))),
        document=events["source_id"].map(lambda s: data.source_titles.get(s, s)),
    )[["case", "date", "precision", "title", "quote", "document"]]


def downloads(data: Atlas, view: View, national: bool) -> dict[str, pd.DataFrame]:
    """The export tables cut to what is in view; national records only when asked for."""
    tables = package.tables(data)
    metrics = pd.concat([view.metrics, view.national_metrics]) if national else view.metrics
    events = pd.concat([view.events, view.national_events]) if national else view.events
    return {
        "cases": tables["cases"][tables["cases"]["case_id"].isin(view.cases["case_id"])],
        "metrics": tables["metrics"].loc[metrics.index],
        "events": tables["events"].loc[events.index],
        "sources": tables["sources"],
    }


def sources_view(data: Atlas, view: View, national: bool = False) -> SourcesView:
    national_count = len(view.national_metrics) + len(view.national_events)
    return SourcesView(
        figures_tab=t("sources.figures", count=fmt.number(len(view.metrics))),
        events_tab=t("sources.events", count=fmt.number(len(view.events))),
        national_tab=t("sources.national", count=fmt.number(national_count)),
        figures=_figure_table(data, view.metrics),
        events=_event_table(data, view.events),
        national_figures=_figure_table(data, view.national_metrics),
        national_events=_event_table(data, view.national_events),
        documents=tuple((t("sources.document_line", title=s.title, publisher=s.publisher, date=s.date), s.note)
                        for s in data.sources.itertuples()),
        data=data, view=view, national=national,
    )


@dataclass(frozen=True)
class FigureView:
    """One figure on its own, as its permalink shows it: everything a reader needs to cite it."""

    figure: summary.Figure
    heading: str  # the case's short title, or National
    case_id: str  # '' for a national figure
    citation: str


def citation(data: Atlas, row: pd.Series, permalink: str, today: datetime.date) -> str:
    """A citation of one figure, ready to paste: the figure as written, its label, the document, its section,
    'as reported', the permalink, the dataset's version and the access date. The documents give no web address."""
    shown = summary.figure(data, row)
    source = data.sources[data.sources["source_id"] == row["source_id"]]
    title, publisher, year, chapter = (source.iloc[0][["title", "publisher", "date", "cases_chapter"]]
                                       if len(source) else (row["source_id"], "", "", False))
    case = data.cases[data.cases["case_id"] == row["case_id"]]
    where = shown.where or (f"§{case.iloc[0]['section']}" if chapter and len(case) else "")
    words = (shown.sentence or shown.quote).rstrip(".")
    return t("cite.figure", label=shown.label, shown=shown.shown, when=shown.when, quote=words, title=title,
             publisher=publisher, year=str(year)[:4], section=f", {where}" if where else "",
             version=data.version, id=row["id"], link=permalink,
             accessed=format_date(today, "d MMMM y", locale=LOCALE))


def figure_view(data: Atlas, requested: list[str], permalink: Callable[[str], str],
                today: datetime.date | None = None) -> tuple[FigureView | None, tuple[str, ...]]:
    """The figure a `figure=` link names, or None and a notice (an unknown id is untrusted input)."""
    if not requested:
        return None, ()
    wanted = requested[0].strip().lower()
    rows = data.metrics[data.metrics["id"] == wanted]
    if rows.empty:
        return None, (t("notice.no_figure", value=filters.shown(requested[0])),)
    row = rows.iloc[0]
    heading = data.short_titles.get(row["case_id"], t("national"))
    return FigureView(figure=summary.figure(data, row), heading=heading, case_id=row["case_id"],
                      citation=citation(data, row, permalink(row["id"]), today or datetime.date.today())), ()
