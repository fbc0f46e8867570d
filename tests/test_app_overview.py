"""The Overview as a script: headline counts, cards, and paging when the data holds many cases."""

from __future__ import annotations

import pytest

from tests.apptest import open_page, plain


@pytest.mark.usefixtures("on_fixture")
def test_headline_counts_and_one_card_per_case():
    app = open_page("overview")
    assert {metric.label: metric.value for metric in app.metric} == {
        "Cases": "4", "Provinces and regions": "6", "Sectors": "4", "Figures cited": "24"}
    assert [plain(h.value) for h in app.subheader] == ["5.1 · Harbour's robots", "5.2 · Fujian's tidal valley",
                                                       "5.3 · Inland labs", "5.10 · Twin-city science"]


@pytest.mark.usefixtures("on_fixture")
def test_cards_show_key_figures_with_their_hedge_and_target_wording():
    app = open_page("overview", {"province": "fujian"})
    lines = plain(app.markdown[1].value).splitlines()
    assert lines == ["- **120 megawatts** · Installed tidal capacity (as of 2024)",
                     "- **about 1.2 trillion yuan (expected)** · Expected ocean energy investment "
                     "(expected in June 2024)"]


def test_many_cases_are_paged_and_a_shrinking_filter_returns_to_page_one(tmp_path, monkeypatch):
    from bench import synth

    monkeypatch.setenv("ATLAS_DATA", str(synth.make(45, tmp_path / "data")))
    app = open_page("overview")
    assert not app.exception
    assert len(app.subheader) == 20
    app.selectbox(key="overview_page").set_value("3").run()
    assert app.query_params["page"] == "3"
    assert [plain(h.value).split(" · ")[0] for h in app.subheader] == [f"9.{n}" for n in range(41, 46)]
    app.text_input(key="f_q").set_value("quantum").run()  # 5 of the 45 are copies of the Anhui case
    assert not app.exception
    assert len(app.subheader) == 5 and "page" not in app.query_params


@pytest.mark.usefixtures("on_fixture")
def test_a_search_lists_the_figure_it_found_with_the_words_marked():
    app = open_page("overview", {"q": "1147 kilometres"})
    assert [plain(h.value) for h in app.subheader] == ["5.1 · Harbour's robots"]
    assert app.markdown[1].value.startswith("- **:orange-background[1,147] :orange-background[kilometers]** · ")
