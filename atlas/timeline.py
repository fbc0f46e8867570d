"""Events as spans of time in lanes: a date written to the month covers that month, never a made-up day."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import dates
from atlas import format as fmt
from atlas.filters import View
from atlas.store import Atlas, is_national
from atlas.text import n, t


def lanes(data: Atlas, events: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Events with their span, readable date, document title and lane (the case's short title, or National),
    sorted by lane then time: ready for charts.timeline and the events table."""
    order = {case_id: i for i, case_id in enumerate(cases["case_id"])}
    frame = events.copy()
    spans = [dates.span(d) for d in frame["date"]]
    frame["start"] = [s for s, _ in spans]
    frame["end"] = [e for _, e in spans]
    national = is_national(frame["case_id"])
    frame["lane"] = [t("national") if flag else data.short_titles.get(c, c)
                     for c, flag in zip(frame["case_id"], national, strict=True)]
    frame["lane_order"] = [-1 if flag else order.get(c, len(order)) for c, flag in zip(frame["case_id"], national,
                                                                                      strict=True)]
    frame["when"] = frame["date"].map(fmt.when)
    frame["source_title"] = frame["source_id"].map(lambda s: data.source_titles.get(s, s))
    return frame.sort_values(["lane_order", "start"]).reset_index(drop=True)


@dataclass(frozen=True)
class TimelinePage:
    lanes: pd.DataFrame  # one row per event, sorted by lane then time (see lanes())
    alt: str
    count: str
    empty: bool


def timeline_page(data: Atlas, view: View, national: bool) -> TimelinePage:
    """The cases' events in view, with the national policy events in a lane of their own when asked for."""
    events = pd.concat([view.national_events, view.events]) if national else view.events
    frame = lanes(data, events, view.cases)
    return TimelinePage(lanes=frame, alt=t("timeline.alt", count=len(frame), lanes=frame["lane"].nunique()),
                        count=n("timeline.count", len(frame)), empty=frame.empty)
