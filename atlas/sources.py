"""The Sources page's model: the figures and events of the cases in view, national records apart, and what
the download buttons write."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from atlas import cite, filters, package, summary
from atlas import format as fmt
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import t


@dataclass(frozen=True)
class SourcesView:
    figures_tab: str
    events_tab: str
    national_tab: str
    figures: pd.DataFrame  # case, label, shown, as_of, quote, document, id
    events: pd.DataFrame  # case, date, title, quote, document, id
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


def _attributions(data: Atlas, table: pd.DataFrame) -> list[str]:
    return [summary.attribution(data, r.source_id, r.case_id, data.trails.get(r.id)) for r in table.itertuples()]


def _figure_table(data: Atlas, metrics: pd.DataFrame) -> pd.DataFrame:
    return metrics.assign(
        case=metrics["case_id"].map(lambda c: data.short_titles.get(c, t("national"))),
        shown=[fmt.figure_of(r) for r in metrics.itertuples()],
        as_of=[fmt.dated(r.as_of, r.date_basis, r.date_words) for r in metrics.itertuples()],
        document=_attributions(data, metrics),
    )[["case", "label", "shown", "as_of", "quote", "document", "id"]]


def _event_table(data: Atlas, events: pd.DataFrame) -> pd.DataFrame:
    return events.assign(
        case=events["case_id"].map(lambda c: data.short_titles.get(c, t("national"))),
        date=[fmt.dated(r.date, r.date_basis, r.date_words) for r in events.itertuples()],
        document=_attributions(data, events),
    )[["case", "date", "title", "quote", "document", "id"]]


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
    """One figure or event on its own, as its permalink shows it: everything a reader needs to cite it."""

    record_id: str
    heading: str  # the case's short title, or National
    case_id: str  # '' for a national record
    citation: str  # the text to paste
    files: tuple[tuple[str, str, str, str], ...]  # (format, file name, MIME type, content) per citation format
    figure: summary.Figure | None = None  # a figure's card
    event: str = ""  # an event's line: '20 April 2024 — Ship No. 2 enters dock'
    source: str = ""  # the document and place
    quote: str = ""
    sentence: str = ""
    note: str = ""
    source_id: str = ""


def figure_view(data: Atlas, requested: list[str], link: Callable[[str], tuple[str, bool]],
                today: datetime.date | None = None) -> tuple[FigureView | None, tuple[str, ...]]:
    """The figure or event a `figure=` link names, or None and a notice (an unknown id is untrusted input).
    `link(id)` gives the record's permalink and whether it is local to this copy."""
    if not requested:
        return None, ()
    wanted = requested[0].strip().lower()
    url, local = link(wanted)
    ref = cite.reference(data, wanted, url, local, today or datetime.date.today())
    if ref is None:
        return None, (t("notice.no_figure", value=filters.shown(requested[0])),)
    table = data.metrics if ref.kind == "figure" else data.events
    row = table[table["id"] == wanted].iloc[0]
    files = tuple((form, f"nqp-atlas-{wanted}.{cite.FILES[form][0]}", cite.FILES[form][1], cite.render(ref, form))
                  for form in cite.FORMATS)
    found = data.trails.get(wanted)
    common = dict(record_id=wanted, heading=data.short_titles.get(row["case_id"], t("national")),
                  case_id=row["case_id"], citation=cite.text(ref), files=files, quote=row["quote"],
                  sentence=found.sentence if found else "", note=row["note"], source_id=row["source_id"],
                  source=summary.attribution(data, row["source_id"], row["case_id"], found))
    if ref.kind == "figure":
        return FigureView(figure=summary.figure(data, row), **common), ()
    when = fmt.dated(row["date"], row["date_basis"], row["date_words"])
    return FigureView(event=f"{when} — {row['title']}", **common), ()
