"""How numbers, figures, dates and data text are written on screen. Pure functions, one convention.

Every page writes a figure through `figure()`, so "over 60 enterprises" reads the same everywhere, and
every data-derived string that reaches a Markdown-rendering element goes through `md()` first.
"""

from __future__ import annotations

import calendar
import re

_QUALIFIER_WORDS = {"exact": "", "over": "over", "nearly": "nearly", "about": "about", "up-to": "up to"}
_STATUS_WORDS = {"reported": "", "target": "target", "expected": "expected"}
# Characters that Markdown (and Streamlit's extensions: $ for LaTeX, : for colour and emoji directives)
# would interpret; escaping them makes data text literal.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^&\"'@])")


def md(text: object) -> str:
    """Escape data text for a Markdown-rendering Streamlit element so it shows literally and never as markup."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", flat)


def number(value: float) -> str:
    """1147 -> '1,147'; 37.2 -> '37.2'; 0.25 -> '0.25'. Never rounds: the value is shown as the source wrote it."""
    if float(value).is_integer():
        return f"{int(value):,}"
    whole, _, fraction = f"{value:.10f}".rstrip("0").partition(".")
    return f"{int(whole):,}.{fraction}"


def amount(value: float, unit: str) -> str:
    """The number with its unit: '1,147 km', '85%', '350 billion yuan'."""
    if unit in ("percent", "%"):
        return f"{number(value)}%"
    return f"{number(value)} {unit}"


def figure(value: float, unit: str, qualifier: str = "exact", status: str = "reported") -> str:
    """A figure as a reader should see it, hedge kept: 'over 60 enterprises', 'about 90% (target)'."""
    text = amount(value, unit)
    hedge = _QUALIFIER_WORDS.get(qualifier, qualifier)
    if hedge:
        text = f"{hedge} {text}"
    state = _STATUS_WORDS.get(status, status)
    return f"{text} ({state})" if state else text


def when(date: str) -> str:
    """'2024' -> '2024'; '2024-Q1' -> 'Q1 2024'; '2024-06' -> 'June 2024'; '2024-06-17' -> '17 June 2024'."""
    parts = date.split("-")
    if len(parts) == 2 and parts[1].startswith("Q"):
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 3:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    return date


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")
