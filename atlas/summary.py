"""Headline counts and case cards: what the Overview shows, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas.store import Atlas

KEY_FIGURES = 3


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
    figures = metrics[metrics["case_id"] == case_id]
    chosen = figures[figures["key"]]
    if chosen.empty:
        chosen = figures
    return [row for _, row in chosen.head(limit).iterrows()]


def case_cards(data: Atlas, cases: pd.DataFrame, metrics: pd.DataFrame) -> list[Card]:
    return [
        Card(case_id=row.case_id, section=row.section, short_title=row.short_title, title_en=row.title_en,
             title_zh=row.title_zh, places=province_names(data, row.provinces),
             sectors=sector_labels(data, row.sectors), figures=key_figures(metrics, row.case_id))
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
