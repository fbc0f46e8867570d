"""The Sources page's model: the figures and events of the cases in view, national records apart, and what
the download buttons write."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import export
from atlas import format as fmt
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import t


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
    downloads: dict[str, pd.DataFrame]  # name -> table, export contract columns


def _figure_table(data: Atlas, metrics: pd.DataFrame) -> pd.DataFrame:
    return metrics.assign(
        case=metrics["case_id"].map(lambda c: data.short_titles.get(c, t("national"))),
        shown=[fmt.figure(r.value, r.unit, r.qualifier, r.status) for r in metrics.itertuples()],
        document=metrics["source_id"].map(lambda s: data.source_titles.get(s, s)),
    )[["case", "label", "shown", "value", "unit", "as_of", "quote", "document"]]


def _event_table(data: Atlas, events: pd.DataFrame) -> pd.DataFrame:
    return events.assign(
        case=events["case_id"].map(lambda c: data.short_titles.get(c, t("national"))),
        document=events["source_id"].map(lambda s: data.source_titles.get(s, s)),
    )[["case", "date", "precision", "title", "quote", "document"]]


def downloads(data: Atlas, view: View, national: bool) -> dict[str, pd.DataFrame]:
    """The export tables cut to what is in view; national records only when asked for."""
    tables = export.tables(data)
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
        downloads=downloads(data, view, national),
    )
