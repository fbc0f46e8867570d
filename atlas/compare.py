"""Which figures can be compared across cases, and on one scale.

Figures are set side by side only when they share a family AND a kind of unit (`units.scale`): money in yuan
converted to billion yuan (the title says so), "enterprises" with "enterprises" but never with "new
enterprises per working day", percent with percent. Only reported figures: a target is not a result.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd

from atlas import filters, units
from atlas import format as fmt
from atlas.filters import View
from atlas.store import Atlas
from atlas.text import n, t

# The families whose figures measure one kind of thing across cases, in the order the page shows them.
# Left out on purpose: "physical" (a ship's length beside a corridor's), "ranking" (a rank is not an amount)
# and "other" (a family of whatever fits nowhere else).
FAMILIES = ("money", "enterprises", "platforms", "talent", "infrastructure", "production", "ip", "share", "growth")


def comparable(metrics: pd.DataFrame, case_ids: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The chosen cases' reported figures in the compared families, each with its `group` (family and scale:
    only figures of one group go on one chart), `kind`, `scale_unit` and `scaled` (the value on that scale)."""
    rows = metrics[metrics["case_id"].isin(case_ids) & (metrics["status"] == "reported")
                   & metrics["family"].isin(FAMILIES)]
    scales = [units.scale(unit) for unit in rows["unit"]]
    return rows.assign(
        kind=[s.kind for s in scales], scale_unit=[s.unit for s in scales],
        scaled=[_clean(value * s.factor) for value, s in zip(rows["value"], scales, strict=True)],
        group=[f"{family}/{s.kind}/{s.unit}" for family, s in zip(rows["family"], scales, strict=True)],
    ).reset_index(drop=True)


def _clean(value: float) -> float:
    """820 × 0.001 is 0.8200000000000001 in binary; the chart shows 0.82."""
    return float(f"{value:.12g}")


def shared_groups(rows: pd.DataFrame) -> list[str]:
    """The groups in which at least two of the cases in `rows` have a figure, in family then data order."""
    cases = rows.groupby("group", sort=False)["case_id"].nunique()
    order = {family: i for i, family in enumerate(FAMILIES)}
    found = [group for group, count in cases.items() if count >= 2]
    return sorted(found, key=lambda group: order[group.split("/")[0]])


def best_pair(metrics: pd.DataFrame, ids: list[str], including: tuple[str, ...] = ()) -> tuple[tuple[str, ...], int]:
    """The pair of `ids` sharing the most comparable figures (the figures of both in the groups they share),
    with one of `including` in it if given; ties go to the pair that comes first in data order.
    ((), 0) when no pair shares a figure."""
    rows = comparable(metrics, ids)
    counts = rows.groupby(["case_id", "group"]).size().to_dict()  # (case, group) -> figures
    groups: dict[str, set[str]] = {}
    for case_id, group in counts:
        groups.setdefault(case_id, set()).add(group)
    best: tuple[tuple[str, ...], int] = ((), 0)
    for a, b in itertools.combinations(ids, 2):
        if including and a not in including and b not in including:
            continue
        both = groups.get(a, set()) & groups.get(b, set())
        count = sum(counts[(a, group)] + counts[(b, group)] for group in both)
        if count > best[1]:
            best = ((a, b), count)
    return best


@dataclass(frozen=True)
class Family:
    key: str  # 'money-billion-yuan', 'enterprises-enterprises': stable, for the PNG's file name
    title: str  # what is compared, in what unit
    axis: str
    rows: pd.DataFrame  # case_id, case, label, shown, scaled, bar, reported, on_chart, quote ...: compare_bars
    alt: str


@dataclass(frozen=True)
class ComparePage:
    choices: tuple[tuple[str, str], ...]  # (case id, short title) of the cases in view
    picked: tuple[str, ...]
    notices: tuple[str, ...]
    outside: tuple[str, ...]  # case ids the link named that the filters hide: "compare them without filters"
    families: tuple[Family, ...]
    message: str  # '' when there are charts to show
    suggestion: tuple[str, ...] = ()  # a pair in view that does share figures, when the picked cases share none
    suggestion_label: str = ""


def _names(data: Atlas, case_ids: tuple[str, ...] | list[str]) -> str:
    titles = [data.short_titles[c] for c in case_ids]
    return t("compare.and", first=", ".join(titles[:-1]), last=titles[-1]) if len(titles) > 1 else "".join(titles)


def _family(data: Atlas, group: str, rows: pd.DataFrame) -> Family:
    family, kind, unit = group.split("/", 2)
    title = t(f"compare.scale.{kind}", family=t(f"compare.family.{family}"), unit=unit)
    others = [u for u in dict.fromkeys(rows["unit"]) if u != unit]
    if others:
        title = t("compare.converted", title=title, units=", ".join(others))
    axis = t("compare.axis.count" if kind == "count" else "compare.axis.other", unit=unit)
    records = rows[["value", "unit", "qualifier", "status", "written", "scaled", "scale_unit",
                    "as_of"]].to_dict("records")
    shown = [fmt.figure(r["value"], r["unit"], r["qualifier"], r["status"], r["written"]) for r in records]
    rows = rows.assign(
        case=rows["case_id"].map(data.short_titles), shown=shown,
        # On the bar: the value on the chart's scale, hedge kept ('over 0.5'); the hover adds the figure as written.
        bar=[fmt.figure_parts(r["scaled"], r["scale_unit"], r["qualifier"])[0] for r in records],
        reported=[t("compare.hover", shown=s, when=fmt.when(r["as_of"])) for s, r in zip(shown, records, strict=True)],
        on_chart=["" if r["unit"] == r["scale_unit"] else
                  t("compare.hover_scaled", value=fmt.number(r["scaled"]), unit=r["scale_unit"]) for r in records])
    key = "-".join(f"{family} {unit}".replace(",", "").split())
    return Family(key, title, axis, rows.reset_index(drop=True), n("compare.chart_alt", len(rows)))


def families(data: Atlas, metrics: pd.DataFrame, picked: tuple[str, ...]) -> tuple[Family, ...]:
    """One chart per group that two or more of the picked cases share; rows in picked-case order."""
    rows = comparable(metrics, picked)
    order = {case_id: i for i, case_id in enumerate(picked)}
    out = []
    for group in shared_groups(rows):
        chosen = rows[rows["group"] == group]
        chosen = chosen.iloc[chosen["case_id"].map(order).argsort(kind="stable")]
        out.append(_family(data, group, chosen))
    return tuple(out)


def compare_page(data: Atlas, view: View, requested: list[str], limit: int = 4) -> ComparePage:
    """Two to four cases in view side by side. With no `cases=` in the link, the pair in view that shares the
    most comparable figures."""
    ids = list(view.cases["case_id"])
    choices = tuple((case_id, data.short_titles[case_id]) for case_id in ids)
    named, notices = filters.pick_cases(requested, list(data.cases["case_id"]), limit)
    outside = tuple(case_id for case_id in named if case_id not in ids)
    if outside:
        notices = [*notices, n("compare.outside", len(outside),
                               titles=", ".join(data.short_titles[c] for c in outside))]
    if requested:
        picked = tuple(case_id for case_id in named if case_id in ids)
    else:
        picked = best_pair(view.metrics, ids)[0] or tuple(ids[:2])
    shown = families(data, view.metrics, picked) if len(picked) >= 2 else ()
    suggestion: tuple[str, ...] = ()
    label = ""
    if not ids:
        message = t("empty")
    elif len(picked) < 2:
        message = t("compare.too_few")
    elif not shown:
        pair, count = best_pair(view.metrics, ids, including=picked)
        if not count:
            pair, count = best_pair(view.metrics, ids)
        message = t("compare.no_shared", cases=_names(data, picked))
        if count:
            suggestion, label = pair, t("compare.suggest_link", cases=_names(data, pair))
            message += " " + n("compare.suggest", count, cases=_names(data, pair))
        else:
            message += " " + t("compare.no_pair")
    else:
        message = ""
    return ComparePage(choices, picked, tuple(notices), outside, shown, message, suggestion, label)
