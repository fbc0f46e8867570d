"""Events as spans of time: a date written to the month covers that month, never a made-up day."""

from __future__ import annotations

import pandas as pd


def span(date: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The start and (exclusive) end of the period a written date names: '2024-Q1' -> 1 Jan to 1 Apr 2024."""
    parts = date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return pd.Timestamp(year, 1, 1), pd.Timestamp(year + 1, 1, 1)
    if parts[1].startswith("Q"):
        start = pd.Timestamp(year, 3 * (int(parts[1][1]) - 1) + 1, 1)
        return start, start + pd.DateOffset(months=3)
    if len(parts) == 2:
        start = pd.Timestamp(year, int(parts[1]), 1)
        return start, start + pd.DateOffset(months=1)
    start = pd.Timestamp(date)
    return start, start + pd.Timedelta(days=1)


def lanes(events: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Events with their span and the lane they are drawn in: the case's short title, or 'National'."""
    names = dict(zip(cases["case_id"], cases["short_title"], strict=True))
    order = {case_id: i for i, case_id in enumerate(cases["case_id"])}
    frame = events.copy()
    spans = [span(d) for d in frame["date"]]
    frame["start"] = [s for s, _ in spans]
    frame["end"] = [e for _, e in spans]
    frame["lane"] = [names.get(c, "National") if c else "National" for c in frame["case_id"]]
    frame["lane_order"] = [order.get(c, -1) for c in frame["case_id"]]
    return frame.sort_values(["lane_order", "start"]).reset_index(drop=True)
