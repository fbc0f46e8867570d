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
    when: str  # 'as of 2024', 'by 2028'
    source: str  # 'Xinhua Institute 2024, §5.2'
    quote: str


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


Citations = dict[str, tuple[str, bool]]  # source id -> (short name, whether it holds the cases' chapter)


def citations(data: Atlas) -> Citations:
    """Every source's short citation, looked up once per deck: a table lookup per figure cost 2 ms each, half
    the time of a 60-slide file."""
    return {s.source_id: (s.short, bool(s.cases_chapter)) for s in data.sources.itertuples()}


def source_line(data: Atlas, source_id: str, section: str, cited: Citations | None = None) -> str:
    """How a slide cites a figure: 'Xinhua Institute 2024, §5.2' (the section only for the cases' document)."""
    if source_id not in (cited := cited if cited is not None else citations(data)):
        return source_id
    short, chapter = cited[source_id]
    return f"{short}, §{section}" if chapter and section else short


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _case_slide(data: Atlas, case: pd.Series, metrics: pd.DataFrame, cited: Citations) -> Slide:
    # The key figures first, then the next ones: a full 2 x 2 grid reads better than three and a gap.
    rows = pd.concat([metrics[metrics["key"]], metrics[~metrics["key"]]]).head(FIGURES_PER_SLIDE)
    figures = tuple(
        DeckFigure(label=f.label, value=f.shown, number=f.number, rest=f.rest, when=f.when, quote=f.quote,
                   source=source_line(data, row["source_id"], case["section"], cited))
        for f, (_, row) in zip(summary.figures(data, rows), rows.iterrows(), strict=True))
    places = data.places[data.places["case_id"] == case["case_id"]]
    return Slide(
        kind="case", case_id=case["case_id"], title=case["short_title"], subtitle=case["title_zh"],
        place=" · ".join(dict.fromkeys([summary.province_names(data, case["provinces"]), case["city"]])),
        figures=figures, sentence=_first_sentence(case["summary"]),
        locator=Locator(tuple(case["provinces"]), tuple(zip(places["lon"], places["lat"], strict=True))),
        footer=t("deck.case_footer", section=case["section"]),
        notes=(case["summary"], *(t("deck.note_figure", value=f.value, quote=f.quote, source=f.source)
                                  for f in figures)),
    )


def _title_slide(data: Atlas, view: View, selection: Filter, today: datetime.date) -> Slide:
    in_view = " · ".join((summary.in_view(view), *filters.describe(selection, data)))
    agenda = [f"{case.section} · {case.short_title}" for case in view.cases.head(AGENDA).itertuples()]
    if len(view.cases) > AGENDA:
        agenda.append(n("deck.agenda_more", len(view.cases) - AGENDA))
    return Slide(kind="title", title=t("deck.title"), subtitle=t("deck.subtitle"),
                 place=format_date(today, "d MMMM y", locale=LOCALE), lines=(in_view, *agenda),
                 notes=(t("deck.title_notes"),))


def _national_slide(data: Atlas, view: View, cited: Citations) -> Slide:
    events = view.national_events.assign(order=[dates.span(d)[0] for d in view.national_events["date"]])
    events = events.sort_values("order", kind="stable")
    shown = events.tail(NATIONAL_EVENTS)
    lines = tuple(f"{fmt.when(e.date)} — {e.title}" for e in shown.itertuples())
    hidden = len(events) - len(shown)
    codes = tuple(dict.fromkeys(code for codes in view.cases["provinces"] for code in codes))
    return Slide(
        kind="national", title=t("deck.national"), place=t("deck.national_place", in_view=summary.in_view(view)),
        lines=lines,
        locator=Locator(codes, tuple(zip(view.cases["lon"], view.cases["lat"], strict=True))),
        footer=n("deck.national_more", hidden) if hidden else t("deck.national_footer"),
        notes=tuple(f"{fmt.when(e.date)}: “{e.quote}” ({source_line(data, e.source_id, '', cited)})"
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
        return _national_slide(data, view, citations(data))
    if number == count(view):
        return _closing_slide(data, view)
    case = view.cases.iloc[number - 3]
    return _case_slide(data, case, view.metrics[view.metrics["case_id"] == case["case_id"]], citations(data))


def slides(data: Atlas, view: View, selection: Filter, today: datetime.date | None = None) -> tuple[Slide, ...]:
    """Every slide, in order: what a file of the whole deck holds. Raises ValueError past SLIDE_LIMIT."""
    total = count(view)
    if total == 0:
        raise ValueError(t("deck.empty"))
    if total > SLIDE_LIMIT:
        raise ValueError(t("deck.too_many", count=fmt.number(total), limit=SLIDE_LIMIT))
    by_case = dict(tuple(view.metrics.groupby("case_id", sort=False)))
    none = view.metrics.head(0)
    cited = citations(data)
    middle = tuple(_case_slide(data, case, by_case.get(case["case_id"], none), cited)
                   for _, case in view.cases.iterrows())
    return (_title_slide(data, view, selection, today or datetime.date.today()), _national_slide(data, view, cited),
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
