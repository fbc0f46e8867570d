"""Headline counts and case cards: what the Overview shows, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas.store import Atlas

KEY_FIGURES = 3
CARDS_PER_PAGE = 20  # a page of cards stays quick to draw however many cases the data holds


@dataclass(frozen=True)
class Card:
    case_id: str
    section: str
    short_title: str
    title_en: str
    title_zh: str
    places: str
    sectors: str
    figures: list[pd.Series]


def page_count(items: int, size: int = CARDS_PER_PAGE) -> int:
    return max(1, -(-items // size))


def page_rows(frame: pd.DataFrame, page: int, size: int = CARDS_PER_PAGE) -> pd.DataFrame:
    """Rows on 1-based page `page`; a page past the end (the filter shrank the list) gives the first."""
    page = page if 1 <= page <= page_count(len(frame), size) else 1
    return frame.iloc[(page - 1) * size:page * size]


def headline(cases: pd.DataFrame, metrics: pd.DataFrame) -> dict[str, int]:
    """Counts for the headline cards: cases, provinces they span, sectors, figures cited."""
    return {
        "Cases": len(cases),
        "Provinces and regions": len({code for codes in cases["provinces"] for code in codes}),
        "Sectors": len({slug for slugs in cases["sectors"] for slug in slugs}),
        "Figures cited": len(metrics),
    }


def province_names(data: Atlas, codes: list[str]) -> str:
    names = dict(zip(data.provinces["adcode"], data.provinces["name_en"], strict=True))
    return ", ".join(names.get(code, code) for code in codes)


def sector_labels(data: Atlas, slugs: list[str]) -> str:
    labels = data.vocabulary.get("sectors", {})
    return ", ".join(labels.get(slug, slug) for slug in slugs)


def key_figures(metrics: pd.DataFrame, case_id: str, limit: int = KEY_FIGURES) -> list[pd.Series]:
    """The figures a case marks as key, else its first ones, at most `limit`."""
    return _key_rows(metrics[metrics["case_id"] == case_id], limit)


def _key_rows(figures: pd.DataFrame, limit: int) -> list[pd.Series]:
    chosen = figures[figures["key"]]
    if chosen.empty:
        chosen = figures
    return [row for _, row in chosen.head(limit).iterrows()]


def case_cards(data: Atlas, cases: pd.DataFrame, metrics: pd.DataFrame) -> list[Card]:
    # Group once: filtering the whole table per case grows with cases x figures.
    by_case = dict(tuple(metrics.groupby("case_id", sort=False)))
    none = metrics.head(0)
    return [
        Card(case_id=row.case_id, section=row.section, short_title=row.short_title, title_en=row.title_en,
             title_zh=row.title_zh, places=province_names(data, row.provinces),
             sectors=sector_labels(data, row.sectors),
             figures=_key_rows(by_case.get(row.case_id, none), KEY_FIGURES))
        for row in cases.itertuples()
    ]


def related(cases: pd.DataFrame, case_id: str) -> pd.DataFrame:
    """Other cases sharing a sector or a province with this one, with what they share."""
    this = cases[cases["case_id"] == case_id].iloc[0]
    rows = []
    for other in cases.itertuples():
        if other.case_id == case_id:
            continue
        sectors = [s for s in other.sectors if s in this["sectors"]]
        provinces = [p for p in other.provinces if p in this["provinces"]]
        if sectors or provinces:
            rows.append({"case_id": other.case_id, "short_title": other.short_title, "sectors": sectors,
                         "provinces": provinces})
    return pd.DataFrame(rows, columns=["case_id", "short_title", "sectors", "provinces"])


def neighbours(ids: list[str], case_id: str) -> tuple[str | None, str | None]:
    """The previous and next case in section order (none before the first or after the last)."""
    i = ids.index(case_id)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)
