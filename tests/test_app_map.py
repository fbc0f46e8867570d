"""The map page as a script: it renders, follows the filters, and a selection filters the app."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from atlas.store import ROOT


def _app(**params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()  # registers the pages; then the test can switch to the map
    return app.switch_page("views/map.py").run()


def test_map_page_renders_with_its_table():
    app = _app()
    assert not app.exception
    assert app.title[0].value == "Map of the cases"
    table = app.dataframe[0].value
    assert table["cases"].sum() >= 10  # multi-province cases count in each of their provinces


def test_map_page_follows_a_filter_from_the_url():
    app = _app(province="sichuan")
    assert not app.exception
    # The Chengdu-Chongqing case spans both, so both provinces are listed.
    assert sorted(app.dataframe[0].value["name_en"]) == ["Chongqing", "Sichuan"]


def test_empty_view_shows_an_empty_state():
    app = _app(q="no such words anywhere")
    assert not app.exception
    assert any("No case matches" in info.value for info in app.info)


def _click_script():
    import streamlit as st

    from atlas import ui

    data = ui.atlas()
    runs = st.session_state.get("runs", 0)
    st.session_state["runs"] = runs + 1
    if runs == 1:  # the second run, after the widgets exist: what the chart's on_select callback does
        st.session_state["province_map"] = {"selection": {"points": [{"location": "420000"}]}}
        ui.apply_map_click(data, "province_map")
    ui.sidebar_filters(data)
    st.text(",".join(sorted(ui.view(data).cases["case_id"])))


def test_a_map_selection_filters_the_app_and_the_url():
    app = AppTest.from_function(_click_script, default_timeout=60)
    app.run()
    assert app.query_params.get("province") is None
    app.run()
    assert not app.exception
    assert app.query_params["province"] in ("hubei", ["hubei"])  # AppTest gives one value as a string
    assert app.text[-1].value == "wuhan-optics-valley"
