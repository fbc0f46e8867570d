"""Filters: query parameters <-> Filter, and a Filter applied to the tables. Pure functions.

Query parameters are untrusted input. `parse` accepts only known values and returns, beside the Filter,
a short notice for everything it dropped, so a mangled link gives the normal page and a line of text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from atlas import dates, search
from atlas.store import Atlas, is_national
from atlas.text import t

MAX_VALUE_LENGTH = 100  # longer values are junk by construction; never echoed back whole
MAX_VALUES = 40
YEAR_MIN, YEAR_MAX = 1949, 2100
MULTI_KEYS = {"province": "provinces", "region": "regions", "sector": "sectors", "tier": "tiers",
              "mechanism": "mechanisms"}
FILTER_KEYS = (*MULTI_KEYS, "from", "to", "q")
REGION_LABELS = {"east": "East", "central": "Central", "west": "West", "northeast": "Northeast",
                 "sar": "Hong Kong and Macao", "taiwan": "Taiwan"}


@dataclass(frozen=True)
class Filter:
    provinces: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    mechanisms: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return self != Filter()


@dataclass(frozen=True)
class View:
    """The tables as the current filter shows them. National records are kept apart from cases'."""

    cases: pd.DataFrame
    metrics: pd.DataFrame
    events: pd.DataFrame
    national_metrics: pd.DataFrame
    national_events: pd.DataFrame
    total: int  # cases in the data, valid ones: "3 of 10 cases"


def _case_regions(data: Atlas) -> pd.Series:
    region = dict(zip(data.provinces["adcode"], data.provinces["region"], strict=True))
    return data.cases["provinces"].map(lambda codes: sorted({region.get(code, "") for code in codes} - {""}))


def _facet_cells(data: Atlas) -> dict[str, pd.Series]:
    """Per facet key, each case's values as a list (index aligned with data.cases)."""
    slug = dict(zip(data.provinces["adcode"], data.provinces["slug"], strict=True))
    return {
        "province": data.cases["provinces"].map(lambda codes: [slug[c] for c in codes if c in slug]),
        "region": _case_regions(data),
        "sector": data.cases["sectors"],
        "tier": data.cases["industry_tier"].map(lambda tier: [tier]),
        "mechanism": data.cases["mechanisms"],
    }


_CHOICES: dict[tuple[str, int], dict[str, dict[str, str]]] = {}  # a few data versions' choices, read-only


def choices(data: Atlas) -> dict[str, dict[str, str]]:
    """Per facet key, the values that occur in the cases (never a value that would give an empty page), with
    the label a reader sees, in the vocabulary's order (provinces and regions by name). Kept per data version
    (a fingerprint of the files' contents) and case count: a run asked for them four times, 5 ms each."""
    key = (data.version, len(data.cases))
    found = _CHOICES.get(key)  # one lookup: sessions run in threads, and another may clear the dict meanwhile
    if found is None:
        found = _choices(data)
        if len(_CHOICES) >= 8:
            _CHOICES.clear()
        _CHOICES[key] = found
    return found


def _choices(data: Atlas) -> dict[str, dict[str, str]]:
    used = {key: {value for values in cells for value in values} for key, cells in _facet_cells(data).items()}
    provinces = data.provinces.sort_values("name_en")
    every = {
        "province": dict(zip(provinces["slug"], provinces["name_en"], strict=True)),
        "region": REGION_LABELS,
        "sector": dict(data.vocabulary.get("sectors", {})),
        "tier": dict(data.vocabulary.get("industry_tiers", {})),
        "mechanism": dict(data.vocabulary.get("mechanisms", {})),
    }
    return {key: {slug: label for slug, label in labels.items() if slug in used[key]} for key, labels in every.items()}


def facet_counts(data: Atlas, selection: Filter) -> dict[str, dict[str, int]]:
    """Per facet key and value, how many cases the filter would show with that value chosen in that facet
    (the facet's own choice set aside, the others kept): the number beside each option in a menu."""
    cells = _facet_cells(data)
    counts: dict[str, dict[str, int]] = {}
    for key, attribute in MULTI_KEYS.items():
        kept = _case_mask(data, replace(selection, **{attribute: ()}))
        exploded = cells[key][kept].explode().dropna()
        counts[key] = {str(value): int(count) for value, count in exploded.value_counts().items()}
    return counts


def shown(value: str) -> str:
    """An untrusted value as a notice may quote it: printable, at most 30 characters."""
    value = "".join(ch if ch.isprintable() else "?" for ch in value)
    return value if len(value) <= 30 else value[:27] + "..."


def _values(params: Mapping[str, object], key: str) -> list[str]:
    raw = params.get(key, [])
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, Sequence):
        return [str(v) for v in raw]
    return [str(raw)]


def _year(values: list[str], key: str, notices: list[str]) -> int | None:
    if not values:
        return None
    if len(values) > 1:
        notices.append(t("notice.one_year", key=key))
    text = values[0].strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4 and YEAR_MIN <= int(text) <= YEAR_MAX):
        notices.append(t("notice.not_year", key=key, value=shown(text)))
        return None
    return int(text)


def parse(params: Mapping[str, object], data: Atlas) -> tuple[Filter, list[str]]:
    """Read filter keys from query parameters (a mapping of key -> str or list of str). Never raises."""
    known = choices(data)
    notices: list[str] = []
    values: dict[str, object] = {}
    for key, attribute in MULTI_KEYS.items():
        kept: list[str] = []
        for value in _values(params, key)[:MAX_VALUES]:
            slug = value.strip().lower()
            if len(slug) <= MAX_VALUE_LENGTH and slug in known[key]:
                if slug not in kept:
                    kept.append(slug)
            else:
                notices.append(t("notice.unknown", key=key, value=shown(value)))
        values[attribute] = tuple(kept)
    year_from = _year(_values(params, "from"), "from", notices)
    year_to = _year(_values(params, "to"), "to", notices)
    if year_from and year_to and year_from > year_to:
        year_from, year_to = year_to, year_from
        notices.append(t("notice.swapped"))
    search = _values(params, "q")
    q = search[0].strip() if search else ""
    if len(q) > MAX_VALUE_LENGTH:
        notices.append(t("notice.search_cut", limit=MAX_VALUE_LENGTH))
        q = q[:MAX_VALUE_LENGTH]
    q = "".join(ch for ch in q if ch.isprintable())
    return Filter(year_from=year_from, year_to=year_to, q=q, **values), notices


def to_params(selection: Filter) -> dict[str, list[str]]:
    """The readable query parameters of a Filter: repeated keys for several values, nothing for defaults."""
    params: dict[str, list[str]] = {}
    for key, attribute in MULTI_KEYS.items():
        if getattr(selection, attribute):
            params[key] = list(getattr(selection, attribute))
    if selection.year_from is not None:
        params["from"] = [str(selection.year_from)]
    if selection.year_to is not None:
        params["to"] = [str(selection.year_to)]
    if selection.q:
        params["q"] = [selection.q]
    return params


def _any(cells: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return cells.map(lambda items: bool(wanted_set.intersection(items)))


def _in_years(written: pd.Series, selection: Filter) -> pd.Series:
    years = written.map(dates.year) if len(written) else pd.Series([], dtype=int)
    keep = pd.Series(True, index=written.index)
    if selection.year_from is not None:
        keep &= years >= selection.year_from
    if selection.year_to is not None:
        keep &= years <= selection.year_to
    return keep


def _found(data: Atlas, table: str, query: str) -> pd.Series:
    """Which records of a table the search finds (every word of the query, numbers and spellings folded)."""
    return search.matches(data.search_text[table], query)


def _case_mask(data: Atlas, selection: Filter) -> pd.Series:
    """Which cases a Filter keeps (True/False per row of data.cases)."""
    cases = data.cases
    keep = pd.Series(True, index=cases.index)
    cells = _facet_cells(data) if any(getattr(selection, a) for a in MULTI_KEYS.values()) else {}
    for key, attribute in MULTI_KEYS.items():
        if getattr(selection, attribute):
            keep &= _any(cells[key], getattr(selection, attribute))
    if selection.year_from is not None or selection.year_to is not None:
        dated = set(data.metrics.loc[_in_years(data.metrics["as_of"], selection), "case_id"])
        dated |= set(data.events.loc[_in_years(data.events["date"], selection), "case_id"])
        keep &= cases["case_id"].isin(dated)
    if selection.q:
        metrics, events = data.metrics, data.events
        hits = set(metrics.loc[_in_years(metrics["as_of"], selection) & _found(data, "metrics", selection.q),
                               "case_id"])
        hits |= set(events.loc[_in_years(events["date"], selection) & _found(data, "events", selection.q),
                               "case_id"])
        keep &= _found(data, "cases", selection.q) | cases["case_id"].isin(hits)
    return keep


def apply(data: Atlas, selection: Filter) -> View:
    """The cases, figures and events a Filter keeps.

    A case is kept when it matches every chosen facet (any of the values chosen within one facet). Years keep
    the figures and events dated in the range, and the cases that have at least one of them. The search keeps
    cases whose titles, summary, figures or events mention the text; of a case found by its figures, only the
    figures and events found are kept (a search for "1,147 km" lists that figure, not the whole case).
    National records never join the case tables: they are in View.national_metrics and national_events.
    """
    kept = data.cases[_case_mask(data, selection)]
    ids = set(kept["case_id"])
    metrics = data.metrics[_in_years(data.metrics["as_of"], selection)]
    events = data.events[_in_years(data.events["date"], selection)]
    if selection.q:
        whole = set(kept.loc[_found(data, "cases", selection.q), "case_id"])  # found by title or summary
        metrics = metrics[_found(data, "metrics", selection.q) | metrics["case_id"].isin(whole)]
        events = events[_found(data, "events", selection.q) | events["case_id"].isin(whole)]
    national_metrics = metrics[is_national(metrics["case_id"])]
    national_events = events[is_national(events["case_id"])]
    return View(
        cases=kept,
        metrics=metrics[metrics["case_id"].isin(ids)],
        events=events[events["case_id"].isin(ids)],
        national_metrics=national_metrics,
        national_events=national_events,
        total=len(data.cases),
    )


def with_value(selection: Filter, key: str, value: str) -> Filter:
    """The Filter with one more value for a facet (as a map click adds a province)."""
    attribute = MULTI_KEYS[key]
    current = getattr(selection, attribute)
    return selection if value in current else replace(selection, **{attribute: (*current, value)})



# --- Page parameters: which case, which slide, which cases to compare. Same rules: known values only. -----

def pick_case(values: list[str], ids: list[str]) -> tuple[str | None, list[str]]:
    """The case a `case=` parameter names, if it names one of `ids` (every case id, not only those in view);
    else None and a notice."""
    if not values:
        return None, []
    value = values[0].strip().lower()
    notices = [t("notice.one_case")] if len(values) > 1 else []
    if value in ids:
        return value, notices
    return None, [*notices, t("notice.no_case", value=shown(values[0]))]


def pick_cases(values: list[str], ids: list[str], limit: int = 4) -> tuple[list[str], list[str]]:
    """Up to `limit` distinct known case ids, in the order given."""
    kept: list[str] = []
    notices: list[str] = []
    for value in values[:MAX_VALUES]:
        slug = value.strip().lower()
        if slug not in ids:
            notices.append(t("notice.no_case", value=shown(value)))
        elif slug not in kept:
            kept.append(slug)
    if len(kept) > limit:
        notices.append(t("notice.compare_limit", limit=limit))
    return kept[:limit], notices


def pick_number(values: list[str], count: int, what: str = "slide") -> tuple[int, list[str]]:
    """A 1-based number within 1..count (a slide, a page of cards); anything else gives 1 and a notice."""
    if not values or count == 0:
        return 1, []
    text = values[0].strip()
    if text.isascii() and text.isdigit() and 1 <= int(text) <= count:
        return int(text), []
    return 1, [t("notice.bad_number", what=what, value=shown(values[0]), count=count)]


def describe(selection: Filter, data: Atlas) -> tuple[str, ...]:
    """The filter in words, a line per facet: 'Sector: Quantum information', 'Years: 2020 to 2024'."""
    labels = choices(data)
    lines = [t("describe.facet", facet=t(f"filters.{key}"),
               values=", ".join(labels[key].get(v, v) for v in getattr(selection, attribute)))
             for key, attribute in MULTI_KEYS.items() if getattr(selection, attribute)]
    if selection.year_from is not None or selection.year_to is not None:
        low, high = data.years()
        lines.append(t("describe.years", start=selection.year_from or low, end=selection.year_to or high))
    if selection.q:
        lines.append(t("describe.search", q=selection.q))
    return tuple(lines)
