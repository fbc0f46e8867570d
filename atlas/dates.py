"""Written dates: the four forms the data uses, read in one place.

'2024' is a year, '2024-Q2' a quarter, '2024-06' a month, '2024-06-17' a day. A date names the whole period
it is written to, never a made-up day inside it.
"""

from __future__ import annotations

import datetime
import re

import pandas as pd

FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]$"),
    "year": re.compile(r"^\d{4}$"),
}
FORMS_HELP = "write the date as YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"


def precision(value: str) -> str | None:
    """'2024-04-20' day, '2024-04' month, '2024-Q1' quarter, '2024' year; None for anything else."""
    for name, pattern in FORMS.items():
        if pattern.match(value):
            return name
    return None


def check(value: str) -> str:
    """The date, stripped, if it is one of the four forms and a real calendar date; else ValueError."""
    value = str(value).strip()
    form = precision(value)
    if form is None:
        raise ValueError(FORMS_HELP)
    if form in ("day", "month") and not 1 <= int(value[5:7]) <= 12:
        raise ValueError(f"month {int(value[5:7])} does not exist")
    if form == "day":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a calendar date") from None
    return value


def year(value: str) -> int:
    return int(value[:4])


def span(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The start and (exclusive) end of the period a date names: '2024-Q1' -> 1 Jan to 1 Apr 2024."""
    form = precision(value)
    start_year = year(value)
    if form == "quarter":
        start = pd.Timestamp(start_year, 3 * (int(value[6]) - 1) + 1, 1)
        return start, start + pd.DateOffset(months=3)
    if form == "month":
        start = pd.Timestamp(start_year, int(value[5:7]), 1)
        return start, start + pd.DateOffset(months=1)
    if form == "day":
        start = pd.Timestamp(value)
        return start, start + pd.Timedelta(days=1)
    return pd.Timestamp(start_year, 1, 1), pd.Timestamp(start_year + 1, 1, 1)
