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


def test_many_cases_are_paged_and_a_shrinking_filter_returns_to_page_one(tmp_path, monkeypatch):
    from bench import synth

    monkeypatch.setenv("ATLAS_DATA", str(synth.make(45, tmp_path / "data")))
    app = _run()
    assert not app.exception
    assert len(app.subheader) == 20
    app.number_input(key="overview_page").set_value(3).run()
    assert [h.value.split(" · ")[0] for h in app.subheader] == [f"9\\.{n}" for n in range(41, 46)]
    app.text_input(key="f_q").set_value("quantum").run()  # 5 of the 45 are copies of the Anhui case
    assert not app.exception
    assert len(app.subheader) == 5 and not app.number_input
