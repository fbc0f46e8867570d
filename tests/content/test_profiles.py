"""Every curated case renders its profile whole: English and Chinese titles and its count of figures."""

from __future__ import annotations

import pytest

from atlas import store
from tests.apptest import open_page, text

CASES = store.load().cases


@pytest.mark.parametrize("case_id", list(CASES["case_id"]))
def test_case_profile_tells_each_case(case_id, data):
    app = open_page("case", {"case": case_id})
    assert not app.exception
    case = CASES.set_index("case_id").loc[case_id]
    shown = text(app)
    assert case["title_en"] in shown and case["title_zh"] in shown
    assert f"Figures ({(data.metrics['case_id'] == case_id).sum()})" in shown
