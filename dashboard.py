"""Entry point: page config, navigation and the shared sidebar filters. Every page runs through this file first."""

import streamlit as st

from atlas import ui

st.set_page_config(page_title="NQP Atlas", page_icon="assets/icon.png", layout="wide")

# Pages live in views/, not pages/: a pages/ folder beside the entry script makes Streamlit start in its
# legacy multipage mode until st.navigation first runs, so a fresh server whose first visitor opens /map
# would serve that page without this file (no sidebar filters).
PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("views/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("views/case.py", title="Case profile", icon=":material/article:", url_path="case"),
    st.Page("views/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("views/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
    st.Page("views/present.py", title="Present", icon=":material/slideshow:", url_path="present"),
]

page = st.navigation(PAGES)
data = ui.atlas()
ui.sidebar_filters(data)
ui.problems_notice(data)
ui.filter_notices()
page.run()
