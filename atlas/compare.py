"""Which figures can be compared across cases, and on one scale.

Only figures of one family and one kind of unit are set side by side: money in yuan is converted to
billion yuan (the conversion is said on the axis); counts keep their unit. Other currencies are not mixed in.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import filters
from atlas import format as fmt
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import n, t

YUAN_SCALE = {"yuan": 1e-9, "10,000 yuan": 1e-5, "million yuan": 1e-3, "billion yuan": 1.0,
              "trillion yuan": 1e3}
FAMILIES = {"money": "Money, billion yuan (converted from the units the report uses)",
            "enterprises": "Enterprises and institutions (count)",
            "platforms": "Laboratories, platforms and institutes (count)",
            "talent": "Talent and staff (people)"}


def comparable(metrics: pd.DataFrame, case_ids: list[str]) -> dict[str, pd.DataFrame]:
    """Per family, the figures of the chosen cases that share a scale, with `scaled` (the value on that scale)."""
    chosen = metrics[metrics["case_id"].isin(case_ids) & (metrics["status"] == "reported")]
    out: dict[str, pd.DataFrame] = {}
    for family in FAMILIES:
        rows = chosen[chosen["family"] == family].copy()
        if family == "money":
            rows = rows[rows["unit"].isin(YUAN_SCALE)]
            rows["scaled"] = rows["value"] * rows["unit"].map(YUAN_SCALE)
        else:
            rows["scaled"] = rows["value"]
        if len(rows):
            out[family] = rows.reset_index(drop=True)
    return out


@dataclass(frozen=True)
class Family:
    key: str  # 'money', 'enterprises' ...
    title: str
    rows: pd.DataFrame  # case_id, case, label, shown, as_of, quote, scaled: ready for charts.compare_bars
    alt: str


@dataclass(frozen=True)
class ComparePage:
    choices: tuple[tuple[str, str], ...]  # (case id, short title) of the cases in view
    picked: tuple[str, ...]
    notices: tuple[str, ...]
    outside: tuple[str, ...]  # case ids the link named that the filters hide: "compare them without filters"
    families: tuple[Family, ...]
    message: str  # '' when there are charts to show


def compare_page(data: Atlas, view: View, requested: list[str], limit: int = 4) -> ComparePage:
    """Two to four cases in view side by side. With no `cases=` in the link, the first two cases in view."""
    ids = list(view.cases["case_id"])
    choices = tuple((case_id, data.short_titles[case_id]) for case_id in ids)
    named, notices = filters.pick_cases(requested, list(data.cases["case_id"]), limit)
    outside = tuple(case_id for case_id in named if case_id not in ids)
    if outside:
        notices = [*notices, n("compare.outside", len(outside),
                               titles=", ".join(data.short_titles[c] for c in outside))]
    picked = tuple(case_id for case_id in named if case_id in ids) if requested else tuple(ids[:2])
    families = []
    if len(picked) >= 2:
        for family, rows in comparable(view.metrics, list(picked)).items():
            rows = rows.assign(
                case=rows["case_id"].map(data.short_titles),
                shown=[fmt.figure(r.value, r.unit, r.qualifier, r.status) for r in rows.itertuples()])
            families.append(Family(family, FAMILIES[family], rows, n("compare.chart_alt", len(rows))))
    if not ids:
        message = t("empty")
    elif len(picked) < 2:
        message = t("compare.too_few")
    elif not families:
        message = t("compare.no_family")
    else:
        message = ""
    return ComparePage(choices, picked, tuple(notices), outside, tuple(families), message)
