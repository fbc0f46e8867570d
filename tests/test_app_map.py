"""The map page as a script: it renders and follows the filters. (A click is tested in tests/browser/: the
chart's selection cannot be made in AppTest; geography.selection_to_filter is tested in test_charts.)"""

from __future__ import annotations

import pytest

from atlas.text import t
from tests.apptest import open_page

pytestmark = pytest.mark.usefixtures("on_fixture")


def test_map_page_lists_the_provinces_hosting_cases():
    app = open_page("map")
    assert not app.exception
    table = app.table[0].value
    assert dict(zip(table[t("col.province")], table[t("col.cases")], strict=True)) == {
        "Shanghai": 1, "Zhejiang": 1, "Fujian": 1, "Hubei": 1, "Chongqing": 1, "Sichuan": 1}


def test_map_page_follows_a_filter_from_the_url():
    app = open_page("map", {"province": "sichuan"})
    # The twin-city case spans both, so both provinces are listed.
    assert sorted(app.table[0].value[t("col.province")]) == ["Chongqing", "Sichuan"]
