"""Entry point: the navigation from the page registry (atlas/pages.py). Each page draws the shared frame itself
(atlas.ui.frame), so a page looks the same however the server first reached it."""

import streamlit as st

from atlas import ui

st.navigation(ui.navigation(), position="hidden").run()
