"""Written dates: the four forms the data uses, read in one place.

'2024' is a year, '2024-Q2' a quarter, '2024-06' a month, '2024-06-17' a day. A date names the whole period
it is written to, never a made-up day inside it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

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
    month = parse(value).month
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    if form == "day":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a calendar date") from None
    return value


@dataclass(frozen=True)
class Written:
    """A written date, read: its precision, and the parts it gives (None where it gives none)."""

    precision: str
    year: int
    quarter: int | None = None
    month: int | None = None
    day: int | None = None


def parse(value: str) -> Written:
    """Read a date already checked by check(): '2024-Q2' -> Written('quarter', 2024, quarter=2)."""
    form = precision(value) or "year"
    parts = value.split("-")
    if form == "quarter":
        return Written(form, int(parts[0]), quarter=int(parts[1][1:]))
    numbers = [int(part) for part in parts]
    return Written(form, *numbers[:1], month=numbers[1] if len(numbers) > 1 else None,
                   day=numbers[2] if len(numbers) > 2 else None)


def year(value: str) -> int:
    return parse(value).year


def span(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The start and (exclusive) end of the period a date names: '2024-Q1' -> 1 Jan to 1 Apr 2024."""
    date = parse(value)
    if date.quarter:
        start = pd.Timestamp(date.year, 3 * (date.quarter - 1) + 1, 1)
        return start, start + pd.DateOffset(months=3)
    if date.day:
        start = pd.Timestamp(date.year, date.month, date.day)
        return start, start + pd.Timedelta(days=1)
    if date.month:
        start = pd.Timestamp(date.year, date.month, 1)
        return start, start + pd.DateOffset(months=1)
    return pd.Timestamp(date.year, 1, 1), pd.Timestamp(date.year + 1, 1, 1)
