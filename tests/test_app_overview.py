"""The Overview page as a script: it runs, and shows the ten cases as cards."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from atlas.store import ROOT


def _run() -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    return app.run()


def test_overview_runs_and_shows_ten_case_cards(data):
    app = _run()
    assert not app.exception
    titles = [header.value for header in app.subheader]
    assert len(titles) == 10
    for short_title in data.cases["short_title"]:
        assert any(short_title.split("'")[0] in title.replace("\\", "") for title in titles)


def test_overview_headline_counts(data):
    app = _run()
    values = {metric.label: metric.value for metric in app.metric}
    assert values["Cases"] == "10"
    assert values["Figures cited"] == f"{(data.metrics['case_id'] != '').sum():,}"
