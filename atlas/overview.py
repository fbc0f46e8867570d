"""The Overview's model: headline counts and one card per case in view, a page of cards at a time."""

from __future__ import annotations

from dataclasses import dataclass

from atlas import filters, summary
from atlas import format as fmt
from atlas.deck import Locator
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import t

CARDS_PER_PAGE = 20  # a page of cards stays quick to draw however many cases the data holds


@dataclass(frozen=True)
class Card:
    case_id: str
    heading: str  # '5.2 · Anhui's quantum industry'
    title_zh: str
    where_what: str  # places · sectors
    figures: tuple[summary.Figure, ...]


@dataclass(frozen=True)
class OverviewPage:
    title: str
    headline: tuple[tuple[str, str], ...]  # (label, value as written)
    cards: tuple[Card, ...]
    page: int
    pages: int
    paging: str  # '' when one page holds every card
    empty: bool
    locator: Locator  # the at-a-glance map: provinces hosting a case in view, each site a dot


def overview(data: Atlas, view: View, requested: list[str] | None = None) -> OverviewPage:
    """The Overview; `requested` is the URL's `page=` (a page past the end, after a filter shrank the list,
    gives the first)."""
    pages = summary.page_count(len(view.cases), CARDS_PER_PAGE)
    page, _ = filters.pick_number(requested or [], pages, "page")
    rows = summary.page_rows(view.cases, page, CARDS_PER_PAGE)
    # Group once: filtering the whole table per case grows with cases x figures.
    by_case = dict(tuple(view.metrics.groupby("case_id", sort=False)))
    none = view.metrics.head(0)
    cards = tuple(
        Card(case_id=row.case_id, heading=f"{row.section} · {row.short_title}", title_zh=row.title_zh,
             where_what=f"{summary.province_names(data, row.provinces)} · "
                        f"{summary.labels(data, 'sectors', row.sectors)}",
             figures=summary.figures(data, summary.key_rows(by_case.get(row.case_id, none))))
        for row in rows.itertuples()
    )
    headline = (
        (t("overview.cases"), fmt.number(len(view.cases))),
        (t("overview.provinces"), fmt.number(len({c for codes in view.cases["provinces"] for c in codes}))),
        (t("overview.sectors"), fmt.number(len({s for slugs in view.cases["sectors"] for s in slugs}))),
        (t("overview.figures"), fmt.number(len(view.metrics))),
    )
    paging = t("overview.paging", count=fmt.number(len(view.cases)), size=CARDS_PER_PAGE, page=page,
               pages=pages) if pages > 1 else ""
    codes = tuple(sorted({code for codes in view.cases["provinces"] for code in codes}))
    locator = Locator(codes, tuple(zip(view.cases["lon"], view.cases["lat"], strict=True)))
    return OverviewPage(title=t("overview.title", in_view=summary.in_view(view)), headline=headline, cards=cards,
                        page=page, pages=pages, paging=paging, empty=view.cases.empty, locator=locator)
