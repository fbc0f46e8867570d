"""What kind of quantity a figure's unit names, and the one scale figures of that kind are set on.

Two figures can share a bar chart only when their units classify to the same `Scale.unit`: money in yuan on
billion yuan, "million devices" with "devices", "percent" with "percent". A rate ("new enterprises per
working day"), a multiple ("times"), a change in percentage points or a rank is never put beside a count.
Pure and data-free, so every unit in data/ is checked by a test (tests/content/test_compare_units.py).
"""

from __future__ import annotations

from dataclasses import dataclass

# Multipliers the report writes in front of a unit: "million yuan", "10,000 yuan", "million devices".
MAGNITUDES = {"thousand": 1e3, "10,000": 1e4, "million": 1e6, "billion": 1e9, "trillion": 1e12}
CURRENCIES = {"yuan": "yuan", "rmb": "yuan", "hkd": "HKD", "usd": "USD", "us dollars": "USD"}
# Physical measures: the same word is the same quantity (lengths are not converted: a ship's 341 m and a
# corridor's 39 km answer different questions). Spellings of one unit are folded to one.
MEASURES = {"km": "km", "kilometers": "km", "kilometres": "km", "m": "m", "meters": "m", "metres": "m",
            "square km": "square km", "square kilometers": "square km", "square meters": "square meters",
            "tons": "tons", "watts": "watts", "kilowatts": "kilowatts", "megawatts": "megawatts",
            "gigawatts": "gigawatts", "seconds": "seconds", "days": "days", "years": "years", "hours": "hours"}
PERCENT = {"percent": 1.0, "%": 1.0, "fraction": 100.0}  # a fraction (0.25) is the same share as 25 percent
RATE_MARKS = (" per ", "/", " a day", " a year", " each ")


@dataclass(frozen=True)
class Scale:
    kind: str  # money | count | measure | percent | points | multiple | rate | rank
    unit: str  # the unit figures of this kind are shown on: 'billion yuan', 'enterprises', 'percent' ...
    factor: float = 1.0  # value × factor = the value in `unit`


YUAN_SCALE = {"yuan": 1e-9, "10,000 yuan": 1e-5, "million yuan": 1e-3, "billion yuan": 1.0,
              "trillion yuan": 1e3}  # kept for the data package's derived billion-yuan column


def scale(unit: str) -> Scale:
    """The kind of a unit and the common scale its figures go on. Only figures whose Scale has the same
    `kind` and `unit` are comparable."""
    written = " ".join(unit.split())
    folded = written.lower()
    if folded in PERCENT:
        return Scale("percent", "percent", PERCENT[folded])
    if folded in ("percentage points", "points"):
        return Scale("points", "percentage points")
    if folded in ("times", "fold") or folded.endswith("-fold"):
        return Scale("multiple", "times")
    if folded in ("rank", "place", "position"):
        return Scale("rank", "rank")
    if folded.startswith("per ") or any(mark in f" {folded}" for mark in RATE_MARKS):
        return Scale("rate", written)  # a rate is comparable only with the very same rate
    first, _, rest = folded.partition(" ")
    factor, base = (MAGNITUDES[first], rest) if first in MAGNITUDES and rest else (1.0, folded)
    if base in CURRENCIES:
        currency = CURRENCIES[base]
        return Scale("money", f"billion {currency}", factor / 1e9)
    if base in MEASURES:
        return Scale("measure", MEASURES[base], factor)
    return Scale("count", base, factor)
