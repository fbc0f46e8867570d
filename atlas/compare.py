"""Which figures can be compared across cases, and on one scale.

Only figures of one family and one kind of unit are set side by side: money in yuan is converted to
billion yuan (the conversion is said on the axis); counts keep their unit. Other currencies are not mixed in.
"""

from __future__ import annotations

import pandas as pd

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
