"""The deck's model: the slides the filters in view give, in order, with every word resolved.

The on-screen Present page lays a Slide out; later outputs (PPTX, PDF) take the same Deck.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import filters, summary
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import t

FIGURES_PER_SLIDE = 4


@dataclass(frozen=True)
class Slide:
    case_id: str
    title: str
    title_zh: str
    section: str
    figures: tuple[summary.Figure, ...]
    footer: str
    places: pd.DataFrame
    summary: str


@dataclass(frozen=True)
class Deck:
    count: int
    number: int  # 1-based, the slide shown
    current: Slide | None  # only the slide shown is built: a deck of 1,000 cases stays quick
    notices: tuple[str, ...]

    @property
    def position(self) -> str:
        where = t("present.position", slide=self.number, count=self.count)
        return f"{where} · section {self.current.section}" if self.current else where


def _slide(data: Atlas, view: View, case: pd.Series) -> Slide:
    rows = summary.key_rows(view.metrics[view.metrics["case_id"] == case["case_id"]], FIGURES_PER_SLIDE)
    return Slide(
        case_id=case["case_id"], title=case["short_title"], title_zh=case["title_zh"], section=case["section"],
        figures=summary.figures(data, rows),
        footer=t("present.footer", places=summary.province_names(data, case["provinces"]),
                 sectors=summary.labels(data, "sectors", case["sectors"])),
        places=data.places[data.places["case_id"] == case["case_id"]],
        summary=case["summary"],
    )


def slides(data: Atlas, view: View) -> tuple[Slide, ...]:
    """Every slide, in order: what a file of the whole deck holds."""
    return tuple(_slide(data, view, case) for _, case in view.cases.iterrows())


def deck(data: Atlas, view: View, requested: list[str]) -> Deck:
    count = len(view.cases)
    number, notices = filters.pick_number(requested, count, "slide")
    current = _slide(data, view, view.cases.iloc[number - 1]) if count else None
    return Deck(count=count, number=number, current=current, notices=tuple(notices))
