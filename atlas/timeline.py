"""Events as spans of time in lanes: a date written to the month covers that month, never a made-up day.

The axis opens on the years where the events are: a few early events far from the rest (Wuhan's zone, founded
in 1988, beside a run of 2018-2024 events) would otherwise squeeze everything else into a corner. They stay
one click away, named in a note, and always in the table.
"""

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
    frame["when"] = [fmt.dated(r.date, r.date_basis, r.date_words) for r in frame.itertuples()]
    frame["source_title"] = frame["source_id"].map(lambda s: data.source_titles.get(s, s))
    return frame.sort_values(["lane_order", "start"]).reset_index(drop=True)


GAP_YEARS = 5  # events that begin more than this many years before the next event are set apart
NOTE_NAMES = 3  # the earlier-events note names this many, then counts the rest


@dataclass(frozen=True)
class Window:
    """The span of years the axis shows: whole years, from 1 January of `start` to 1 January of `end`."""

    start: pd.Timestamp
    end: pd.Timestamp
    earlier: tuple[str, ...] = ()  # ids of the events that begin before it, oldest first


def window(frame: pd.DataFrame, everything: bool = False) -> Window | None:
    """The whole years holding the bulk of the events (None when there are none).

    Rule: sort the events by start; where two neighbours begin more than GAP_YEARS apart, everything before
    the gap is set apart, as long as that is fewer than half of the events (the window always holds the
    bulk). The last such gap wins, so a lone 1988 event and a 2012 one before a 2018-2024 run both fall
    outside. `everything` frames all of the events instead.
    """
    if frame.empty:
        return None
    ordered = frame.sort_values("start", kind="stable")
    starts = list(ordered["start"])
    cut = 0
    if not everything:
        gap = pd.DateOffset(years=GAP_YEARS)
        for i in range(1, len(starts)):
            if starts[i - 1] + gap < starts[i] and i < len(starts) / 2:
                cut = i
    last = (ordered["end"].max() - pd.Timedelta(days=1)).year  # ends are exclusive
    return Window(start=pd.Timestamp(starts[cut].year, 1, 1), end=pd.Timestamp(last + 1, 1, 1),
                  earlier=tuple(ordered["id"].iloc[:cut]))


def earlier_note(frame: pd.DataFrame, framed: Window) -> str:
    """'1 earlier event, before 2018: 1988 — Wuhan East Lake High-Tech Zone is established.' ('' when none)."""
    if not framed.earlier:
        return ""
    rows = frame.set_index("id").loc[list(framed.earlier)]
    named = [t("timeline.earlier_item", when=row.when, title=row.title) for row in rows.head(NOTE_NAMES).itertuples()]
    if len(rows) > NOTE_NAMES:
        named.append(t("timeline.earlier_more", count=len(rows) - NOTE_NAMES))
    return n("timeline.earlier", len(rows), year=framed.start.year, events="; ".join(named))


@dataclass(frozen=True)
class TimelinePage:
    lanes: pd.DataFrame  # one row per event, sorted by lane then time (see lanes()); the table lists them all
    alt: str
    count: str
    empty: bool
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None  # what the axis shows: the default window or all
    earlier: str = ""  # the note naming the events before the default window ('' when there are none)
    widen: str = ""  # the label of the control that shows all years


def timeline_page(data: Atlas, view: View, national: bool, everything: bool = False) -> TimelinePage:
    """The cases' events in view, with the national policy events in a lane of their own when asked for.
    The axis frames the bulk of the events, or all of them with `everything`."""
    events = pd.concat([view.national_events, view.events]) if national else view.events
    frame = lanes(data, events, view.cases)
    default = window(frame)
    shown = window(frame, everything=True) if everything else default
    note = earlier_note(frame, default) if default else ""
    first = frame["start"].min().year if len(frame) else None
    return TimelinePage(lanes=frame, alt=t("timeline.alt", count=len(frame), lanes=frame["lane"].nunique()),
                        count=n("timeline.count", len(frame)), empty=frame.empty,
                        x_range=(shown.start, shown.end) if shown else None, earlier=note,
                        widen=t("timeline.widen", year=first) if note else "")
