"""Paging the Overview's cards: pure arithmetic, checked at its edges."""

from __future__ import annotations

import pandas as pd

from atlas import summary


def test_page_count_rounds_up_and_is_never_zero():
    assert [summary.page_count(n, 20) for n in (0, 1, 20, 21, 40, 41)] == [1, 1, 1, 2, 2, 3]


def test_page_rows_slices_and_falls_back_to_the_first_page():
    frame = pd.DataFrame({"n": range(45)})
    assert list(summary.page_rows(frame, 3, 20)["n"]) == list(range(40, 45))
    assert list(summary.page_rows(frame, 4, 20)["n"]) == list(range(20))
    assert list(summary.page_rows(frame, 0, 20)["n"]) == list(range(20))
