"""The Case profile's model: one case told whole, chosen among the cases in view."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import filters, summary, timeline
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import n, t


@dataclass(frozen=True)
class Link:
    case_id: str
    label: str


@dataclass(frozen=True)
class CaseProfile:
    choices: tuple[tuple[str, str], ...]  # (case id, short title) of the cases in view
    case_id: str | None  # None: no case in view
    notices: tuple[str, ...]
    outside: Link | None  # the linked case, outside the filters: a way to open it without them
    title: str = ""
    subtitle: str = ""
    facts: str = ""  # provinces · sectors · tier
    summary: str = ""
    mechanisms: str = ""
    figures_heading: str = ""
    figures: tuple[summary.Figure, ...] = ()
    events: pd.DataFrame | None = None  # timeline lanes, ready for charts.timeline
    events_alt: str = ""
    places: pd.DataFrame | None = None
    place_lines: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    related: tuple[Link, ...] = ()
    previous: Link | None = None
    following: Link | None = None


def _related(data: Atlas, cases: pd.DataFrame, case: pd.Series) -> tuple[Link, ...]:
    """Other cases in view sharing a sector or a province with this one, with what they share."""
    links = []
    for other in cases.itertuples():
        if other.case_id == case["case_id"]:
            continue
        sectors = [s for s in other.sectors if s in case["sectors"]]
        provinces = [p for p in other.provinces if p in case["provinces"]]
        if sectors or provinces:
            shared = summary.labels(data, "sectors", sectors) or summary.province_names(data, provinces)
            links.append(Link(other.case_id, t("case.shares", title=other.short_title, what=shared)))
    return tuple(links)


def case_profile(data: Atlas, view: View, requested: list[str]) -> CaseProfile:
    """The profile of the case `case=` names, if it is in view; else the first case in view, with a notice
    (and, for a real case the filters hide, a link that opens it without them)."""
    ids = list(view.cases["case_id"])
    choices = tuple((case_id, data.short_titles[case_id]) for case_id in ids)
    wanted, notices = filters.pick_case(requested, list(data.cases["case_id"]))
    outside = None
    if wanted is not None and wanted not in ids:
        title = data.short_titles[wanted]
        notices = [*notices, t("case.outside", title=title)]
        outside = Link(wanted, t("case.outside_link", title=title))
        wanted = None
    case_id = wanted or (ids[0] if ids else None)
    if case_id is None:
        return CaseProfile(choices=choices, case_id=None, notices=tuple(notices), outside=outside)

    case = view.cases[view.cases["case_id"] == case_id].iloc[0]
    metrics = view.metrics[view.metrics["case_id"] == case_id]  # the years filter applies here too
    events = view.events[view.events["case_id"] == case_id]
    places = data.places[data.places["case_id"] == case_id]
    position = ids.index(case_id)
    neighbour = [None if not 0 <= i < len(ids) else Link(ids[i], data.short_titles[ids[i]])
                 for i in (position - 1, position + 1)]
    return CaseProfile(
        choices=choices, case_id=case_id, notices=tuple(notices), outside=outside,
        title=case["title_en"],
        subtitle=t("case.subtitle", title_zh=case["title_zh"], section=case["section"]),
        facts=" · ".join([summary.province_names(data, case["provinces"]),
                          summary.labels(data, "sectors", case["sectors"]),
                          data.label("industry_tiers", case["industry_tier"])]),
        summary=case["summary"],
        mechanisms=t("case.mechanisms", mechanisms=summary.labels(data, "mechanisms", case["mechanisms"])),
        figures_heading=t("case.figures", count=len(metrics)),
        figures=summary.figures(data, metrics),
        events=timeline.lanes(data, events, data.cases),
        events_alt=n("case.timeline_alt", len(events)),
        places=places,
        # Numbered as the inset map numbers the sites.
        place_lines=tuple(f"{number} · {p.name} {p.name_zh} — {p.city}"
                          for number, p in enumerate(places.itertuples(), start=1)),
        organisations=tuple(f"{o.name} {o.name_zh} ({o.kind})".replace("  ", " ")
                            for o in data.organisations[data.organisations["case_id"] == case_id].itertuples()),
        related=_related(data, view.cases, case),
        previous=neighbour[0], following=neighbour[1],
    )
