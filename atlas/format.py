"""How numbers, figures, dates and data text are written on screen. Pure functions, one convention.

Every page writes a figure through `figure()`, so "over 60 enterprises" reads the same everywhere, and
every data-derived string that reaches a Markdown-rendering element goes through `md()` first. Numbers and
month names come from babel, in the interface's locale.
"""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date
from babel.numbers import format_decimal

from atlas import dates
from atlas.search import SPELLINGS
from atlas.text import LOCALE, t

_QUALIFIER_WORDS = {"exact": "", "over": "over", "nearly": "nearly", "about": "about", "up-to": "up to"}
_STATUS_WORDS = {"reported": "", "target": "target", "expected": "expected"}
# Characters that Markdown (and Streamlit's extensions: $ for LaTeX, : for colour and emoji directives)
# would interpret; escaping them makes data text literal.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^&\"'@])")
# Every digit the source wrote, none invented: a value is shown as written, never rounded.
_ALL_DIGITS = "#,##0.##########"


def md(text: object) -> str:
    """Escape data text for a Markdown-rendering Streamlit element so it shows literally and never as markup."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", flat)


def number(value: float) -> str:
    """1147 -> '1,147'; 37.2 -> '37.2'; 0.25 -> '0.25'. Never rounds: the value is shown as the source wrote it."""
    return format_decimal(value, format=_ALL_DIGITS, locale=LOCALE)


def ordinal(value: float) -> str:
    """2 -> '2nd', 11 -> '11th', 23 -> '23rd': a rank as English writes it."""
    whole = int(value)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{number(whole)}{suffix}"


# Units a value written in words already says: "nearly a quarter", not "nearly a quarter fraction".
_SAID_BY_WORDS = {"fraction", "percent", "%", "rank"}


def figure_parts(value: float, unit: str, qualifier: str = "exact", status: str = "reported",
                 written: str = "") -> tuple[str, str]:
    """A figure split for large type: the hedged number and the rest, ('over 60', 'enterprises'),
    ('about 90%', '(target)'), ('2nd', '') for a rank. Joined by a space they are figure(). Where the text writes
    the value in words (`written`: "a quarter", "eight") those words are shown, never the number made of them."""
    percent = unit in ("percent", "%")
    rank = unit == "rank" and float(value).is_integer()
    hedge = _QUALIFIER_WORDS.get(qualifier, qualifier)
    state = _STATUS_WORDS.get(status, status)
    if written:
        big = written if not hedge or written.lower().startswith(hedge) else f"{hedge} {written}"
        rest = " ".join(part for part in ("" if unit in _SAID_BY_WORDS else unit, f"({state})" if state else "")
                        if part)
        return big, rest
    big = ordinal(value) if rank else number(value) + ("%" if percent else "")
    rest = " ".join(part for part in ("" if percent or rank else unit, f"({state})" if state else "") if part)
    return (f"{hedge} {big}" if hedge else big), rest


def figure(value: float, unit: str, qualifier: str = "exact", status: str = "reported", written: str = "") -> str:
    """A figure as a reader should see it, hedge kept: 'over 60 enterprises', 'about 90% (target)', 'nearly a
    quarter'."""
    return " ".join(part for part in figure_parts(value, unit, qualifier, status, written) if part)


def figure_of(row: object) -> str:
    """figure() of a metric row (a pandas row or a named tuple of the metrics table)."""
    return figure(row.value, row.unit, row.qualifier, row.status, row.written)  # type: ignore[attr-defined]


def when(date: str) -> str:
    """'2024' -> '2024'; '2024-Q1' -> 'Q1 2024'; '2024-06' -> 'June 2024'; '2024-06-17' -> '17 June 2024'."""
    written = dates.parse(date)
    if written.quarter:
        return f"Q{written.quarter} {written.year}"
    if written.day:
        return format_date(datetime.date(written.year, written.month, written.day), "d MMMM y", locale=LOCALE)
    if written.month:
        return format_date(datetime.date(written.year, written.month, 1), "MMMM y", locale=LOCALE)
    return str(written.year)


def dated(date: str, basis: str, words: str, short: bool = False) -> str:
    """A date with how the text gives it: '20 April 2024' (stated), '2018 (inferred from “six years ago”)',
    '2024 (the document's date; the text gives none)'. `short` for a slide: '2018, inferred'."""
    written = when(date)
    if basis == "inferred":
        return t("date.inferred_short" if short else "date.inferred", when=written, words=words)
    if basis == "not-given":
        return t("date.not_given_short" if short else "date.not_given", when=written)
    return written


def plural(count: int, word: str) -> str:
    return f"{number(count)} {word}" + ("" if count == 1 else "s")


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: object) -> str:
    """Data text for a file format built on XML (PPTX) or a PDF: characters XML 1.0 forbids become spaces."""
    return _XML_FORBIDDEN.sub(" ", str(text))


def highlight(text: object, query: str) -> str:
    """Data text escaped for Markdown (as md()) with each word of a search marked: only our own markup is added
    around escaped pieces, so data can never inject any. '1147' also marks '1,147'."""
    patterns = []
    for word in query.split():
        digits = word.replace(",", "")
        if digits.isdigit():
            patterns.append(r"(?<!\d)" + ",?".join(digits) + r"(?!\d)")
        else:  # the word as typed, and its other spelling ('kilometres' marks 'kilometers')
            patterns += [re.escape(word), re.escape(SPELLINGS.get(word.casefold(), word))]
    flat = " ".join(str(text).split())
    if not patterns:
        return md(flat)
    pieces, last = [], 0
    for found in re.finditer("|".join(patterns), flat, flags=re.IGNORECASE):
        if found.end() > found.start():
            pieces += [_escape(flat[last:found.start()]), f":orange-background[{_escape(found.group())}]"]
            last = found.end()
    return "".join([*pieces, _escape(flat[last:])])


def _escape(piece: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", piece)
