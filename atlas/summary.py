"""Pieces every page model shares: a figure with its wording resolved, place and sector labels, what is in view.

Pure functions of the data; no page formats a figure or a label its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import format as fmt
from atlas import trail
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import n, t

KEY_FIGURES = 3
WHEN = {"reported": "case.as_of", "target": "case.by", "expected": "case.expected"}


@dataclass(frozen=True)
class Figure:
    """One figure as a reader sees it: what it counts, the value with its hedge, when, and its words."""

    id: str
    case_id: str
    label: str
    shown: str  # 'over 60 enterprises', 'about 90% (target)', 'nearly a quarter'
    number: str  # the part for large type: 'over 60', 'about 90%'
    rest: str  # the unit and status: 'enterprises', '(target)'
    when: str  # 'as of 2024', 'by 2028', 'as of 2024 (the document's date; the text gives none)'
    quote: str
    document: str
    status: str
    sentence: str = ""  # the whole sentence in the document ('' when the document is not at hand)
    where: str = ""  # "§5.2, paragraph 9", "glossary note 10"
    source: str = ""  # the document and its part, as a card or slide names it: "CGTN, 25 June 2024"
    note: str = ""  # the curator's note ('' for none)
    when_short: str = ""  # `when` for a slide: 'as of 2024, undated in text'
    elsewhere: bool = False  # not from its case's own section of the report: every short list names its source


def attribution(data: Atlas, source_id: str, case_id: str, found: trail.Trail | None, full: bool = True) -> str:
    """Which document, and where in it: 'Xinhua Institute 2024, §5.2, paragraph 9', 'Xinhua Institute 2024,
    glossary note 10', 'CGTN, 25 June 2024, paragraph 12' (`full`), or without the paragraph for a slide.
    Without the documents at hand, a figure of the cases' document is placed in its case's section."""
    row = data.source_rows.get(source_id)
    if row is None:
        return source_id
    if found is not None:
        place = trail.where(found) if full else found.part
    else:
        place = f"§{data.sections[case_id]}" if row["cases_chapter"] and case_id in data.sections else ""
    return f"{row['short']}, {place}" if place else row["short"]


def figure(data: Atlas, row: pd.Series) -> Figure:
    found = data.trails.get(row["id"])
    written = (row["value"], row["unit"], row["qualifier"], row["status"], row["written"])
    big, rest = fmt.figure_parts(*written)
    return Figure(
        id=row["id"], case_id=row["case_id"], label=row["label"],
        shown=fmt.figure(*written), number=big, rest=rest,
        when=t(WHEN[row["status"]], when=fmt.dated(row["as_of"], row["date_basis"], row["date_words"])),
        when_short=t(WHEN[row["status"]],
                     when=fmt.dated(row["as_of"], row["date_basis"], row["date_words"], short=True)),
        quote=row["quote"], document=data.source_titles.get(row["source_id"], row["source_id"]),
        status=row["status"], sentence=found.sentence if found else "", where=trail.where(found),
        source=attribution(data, row["source_id"], row["case_id"], found), note=row["note"],
        elsewhere=not (found.section == data.sections.get(row["case_id"]) if found is not None
                       else bool(data.source_rows.get(row["source_id"], {}).get("cases_chapter"))),
    )


def figures(data: Atlas, rows: pd.DataFrame) -> tuple[Figure, ...]:
    return tuple(figure(data, row) for _, row in rows.iterrows())


def key_rows(rows: pd.DataFrame, limit: int = KEY_FIGURES) -> pd.DataFrame:
    """The figures a case marks as key, else its first ones, at most `limit`."""
    chosen = rows[rows["key"]]
    return (chosen if len(chosen) else rows).head(limit)


def province_names(data: Atlas, codes: list[str]) -> str:
    return ", ".join(data.province_names.get(code, code) for code in codes)


def labels(data: Atlas, vocabulary: str, slugs: list[str]) -> str:
    return ", ".join(data.label(vocabulary, slug) for slug in slugs)


def in_view(view: View) -> str:
    """'10 cases', or '3 of 10 cases' when a filter hides some."""
    if len(view.cases) == view.total:
        return n("in_view.all", view.total)
    return t("in_view.some", shown=fmt.number(len(view.cases)), total=fmt.number(view.total))


def page_count(items: int, size: int) -> int:
    return max(1, -(-items // size))


def page_rows(frame: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """Rows on 1-based page `page`; a page past the end (the filter shrank the list) gives the first."""
    page = page if 1 <= page <= page_count(len(frame), size) else 1
    return frame.iloc[(page - 1) * size:page * size]


def chart_source(data: Atlas, source_ids: object) -> str:
    """A chart's source line: the documents behind it, 'as reported', and the dataset's version."""
    shorts = dict(zip(data.sources["source_id"], data.sources["short"], strict=True))
    named = "; ".join(dict.fromkeys(shorts.get(s, s) for s in source_ids)) or t("chart.no_source")
    return t("chart.source", sources=named, version=data.version)
