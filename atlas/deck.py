"""The deck's model: the slides the filters in view give, in order, with every word resolved.

A title slide, the national picture, one slide per case in view, and the sources. The Present page, the PPTX
and the PDF all lay out these same Slide objects (atlas/deck_pptx.py, atlas/deck_pdf.py); none assembles
content of its own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from babel.dates import format_date

from atlas import dates, filters, summary
from atlas import format as fmt
from atlas.filters import Filter, View
from atlas.store import Atlas
from atlas.text import LOCALE, n, t

FIGURES_PER_SLIDE = 4
AGENDA = 10  # cases listed on the title slide
NATIONAL_EVENTS = 6  # the most a slide holds and still reads from the back of the room
SLIDE_LIMIT = 60  # a file of more slides is refused: narrow the filters (a talk is not 1,000 slides)


@dataclass(frozen=True)
class DeckFigure:
    label: str
    value: str  # as the source writes it, hedge kept: 'over 60 enterprises'
    number: str  # the part for large type: 'over 60'
    rest: str  # the unit and status under it: 'enterprises', 'billion yuan (target)'
    when: str  # 'as of 2024', 'by 2028', 'as of 2024, undated in text'
    source: str  # 'Xinhua Institute 2024, §5.2', 'CGTN, 25 June 2024': the document on every slide
    quote: str
    note: str = ""  # the curator's note, for the speaker notes
    where: str = ""  # the source with its paragraph, for the speaker notes


@dataclass(frozen=True)
class Locator:
    """What a locator map shows: these provinces filled within the outline of China, these sites as dots."""

    provinces: tuple[str, ...]  # adcodes
    sites: tuple[tuple[float, float], ...]  # (lon, lat)


@dataclass(frozen=True)
class Slide:
    kind: str  # 'title' | 'national' | 'case' | 'closing'
    title: str
    subtitle: str = ""  # the Chinese title on a case slide
    place: str = ""
    lines: tuple[str, ...] = ()  # title: what is in view; national: dated events; closing: documents
    figures: tuple[DeckFigure, ...] = ()
    sentence: str = ""  # one sentence in our own words
    locator: Locator | None = None
    footer: str = ""
    notes: tuple[str, ...] = ()  # speaker notes
    case_id: str = ""


@dataclass(frozen=True)
class Deck:
    count: int
    number: int  # 1-based, the slide shown
    current: Slide | None  # only the slide shown is built for the screen: a deck of 1,000 cases stays quick
    notices: tuple[str, ...]

    @property
    def position(self) -> str:
        return t("present.position", slide=self.number, count=self.count)


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _case_slide(data: Atlas, case: pd.Series, metrics: pd.DataFrame) -> Slide:
    # The key figures first, then the next ones: a full 2 x 2 grid reads better than three and a gap.
    rows = pd.concat([metrics[metrics["key"]], metrics[~metrics["key"]]]).head(FIGURES_PER_SLIDE)
    figures = tuple(
        DeckFigure(label=f.label, value=f.shown, number=f.number, rest=f.rest, when=f.when_short, quote=f.quote,
                   source=summary.attribution(data, row["source_id"], row["case_id"], data.trails.get(row["id"]),
                                              full=False), note=f.note, where=f.source)
        for f, (_, row) in zip(summary.figures(data, rows), rows.iterrows(), strict=True))
    places = data.places[data.places["case_id"] == case["case_id"]]
    return Slide(
        kind="case", case_id=case["case_id"], title=case["short_title"], subtitle=case["title_zh"],
        place=" · ".join(dict.fromkeys([summary.province_names(data, case["provinces"]), case["city"]])),
        figures=figures, sentence=_first_sentence(case["summary"]),
        locator=Locator(tuple(case["provinces"]), tuple(zip(places["lon"], places["lat"], strict=True))),
        footer=t("deck.case_footer", section=case["section"]),
        notes=(case["summary"], *(t("deck.note_figure", value=f.value, quote=f.quote, source=f.where)
                                  + (f" {t('figure.note', note=f.note)}" if f.note else "") for f in figures)),
    )


def _title_slide(data: Atlas, view: View, selection: Filter, today: datetime.date) -> Slide:
    in_view = " · ".join((summary.in_view(view), *filters.describe(selection, data)))
    agenda = [f"{case.section} · {case.short_title}" for case in view.cases.head(AGENDA).itertuples()]
    if len(view.cases) > AGENDA:
        agenda.append(n("deck.agenda_more", len(view.cases) - AGENDA))
    return Slide(kind="title", title=t("deck.title"), subtitle=t("deck.subtitle"),
                 place=format_date(today, "d MMMM y", locale=LOCALE), lines=(in_view, *agenda),
                 notes=(t("deck.title_notes"),))


def _national_slide(data: Atlas, view: View) -> Slide:
    events = view.national_events.assign(order=[dates.span(d)[0] for d in view.national_events["date"]])
    events = events.sort_values("order", kind="stable")
    shown = events.tail(NATIONAL_EVENTS)
    lines = tuple(f"{fmt.dated(e.date, e.date_basis, e.date_words, short=True)} — {e.title}"
                  for e in shown.itertuples())
    hidden = len(events) - len(shown)
    codes = tuple(dict.fromkeys(code for codes in view.cases["provinces"] for code in codes))
    return Slide(
        kind="national", title=t("deck.national"), place=t("deck.national_place", in_view=summary.in_view(view)),
        lines=lines,
        locator=Locator(codes, tuple(zip(view.cases["lon"], view.cases["lat"], strict=True))),
        footer=n("deck.national_more", hidden) if hidden else t("deck.national_footer"),
        notes=tuple(f"{fmt.dated(e.date, e.date_basis, e.date_words)}: “{e.quote}” "
                    f"({summary.attribution(data, e.source_id, e.case_id, data.trails.get(e.id))})"
                    for e in shown.itertuples()),
    )


def _closing_slide(data: Atlas, view: View) -> Slide:
    cited = set(view.metrics["source_id"]) | set(view.national_events["source_id"])
    documents = data.sources[data.sources["source_id"].isin(cited)]
    return Slide(kind="closing", title=t("deck.closing"),
                 lines=tuple(t("sources.document_line", title=s.title, publisher=s.publisher, date=s.date)
                             for s in documents.itertuples()),
                 footer=t("deck.closing_footer"), notes=(t("deck.closing_notes"),))


def count(view: View) -> int:
    return len(view.cases) + 3 if len(view.cases) else 0


def slide_at(data: Atlas, view: View, selection: Filter, number: int,
             today: datetime.date | None = None) -> Slide:
    """Slide `number` (1-based) of the deck: 1 title, 2 national, then the cases, last the sources."""
    if number == 1:
        return _title_slide(data, view, selection, today or datetime.date.today())
    if number == 2:
        return _national_slide(data, view)
    if number == count(view):
        return _closing_slide(data, view)
    case = view.cases.iloc[number - 3]
    return _case_slide(data, case, view.metrics[view.metrics["case_id"] == case["case_id"]])


def slides(data: Atlas, view: View, selection: Filter, today: datetime.date | None = None) -> tuple[Slide, ...]:
    """Every slide, in order: what a file of the whole deck holds. Raises ValueError past SLIDE_LIMIT."""
    total = count(view)
    if total == 0:
        raise ValueError(t("deck.empty"))
    if total > SLIDE_LIMIT:
        raise ValueError(t("deck.too_many", count=fmt.number(total), limit=SLIDE_LIMIT))
    by_case = dict(tuple(view.metrics.groupby("case_id", sort=False)))
    none = view.metrics.head(0)
    middle = tuple(_case_slide(data, case, by_case.get(case["case_id"], none))
                   for _, case in view.cases.iterrows())
    return (_title_slide(data, view, selection, today or datetime.date.today()), _national_slide(data, view),
            *middle, _closing_slide(data, view))


def deck(data: Atlas, view: View, selection: Filter, requested: list[str]) -> Deck:
    total = count(view)
    number, notices = filters.pick_number(requested, total, "slide")
    current = slide_at(data, view, selection, number) if total else None
    return Deck(count=total, number=number, current=current, notices=tuple(notices))


def file(kind: str, make: Callable[[], tuple[Slide, ...]]) -> bytes:
    """The deck as a PPTX or PDF file. The renderers are imported here, when a file is asked for: a page
    that only shows slides does not pay for loading them."""
    if kind == "pptx":
        from atlas.deck_pptx import pptx_bytes

        return pptx_bytes(make())
    from atlas.deck_pdf import pdf_bytes

    return pdf_bytes(make())
