"""Entry point: page config and navigation. Every page runs through this file first."""

import streamlit as st

st.set_page_config(page_title="NQP Atlas", page_icon="🧭", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon="🏠", default=True),
]

page = st.navigation(PAGES)
page.run()
