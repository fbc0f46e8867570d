"""Presentation mode: one case in view per slide, large type, the key figures and a small map."""

import streamlit as st

from atlas import charts, deck, ui
from atlas import format as fmt
from atlas.text import t

frame = ui.frame("present")
model = deck.deck(frame.data, frame.view, frame.param("slide"))
ui.notices(model.notices)
slide = model.current
if slide is None:
    st.info(t("empty"))
    st.stop()


def go_to(number: int) -> None:
    st.query_params["slide"] = str(number)


back, position, forward = st.columns([1, 4, 1])
back.button(t("present.previous"), on_click=go_to, args=(model.number - 1,), disabled=model.number == 1,
            icon=":material/arrow_back:", width="stretch")
position.caption(fmt.md(model.position))
forward.button(t("present.next"), on_click=go_to, args=(model.number + 1,), disabled=model.number == model.count,
               icon=":material/arrow_forward:", width="stretch")

st.title(fmt.md(slide.title), anchor=False)
st.header(fmt.md(slide.title_zh), anchor=False)
left, right = st.columns([3, 2])
with left:
    for start in range(0, len(slide.figures), 2):
        for column, figure in zip(st.columns(2), slide.figures[start:start + 2], strict=False):
            with column:
                ui.figure_card(figure, large=True)
    st.caption(fmt.md(slide.footer))
with right:
    st.plotly_chart(charts.inset_map(ui.cities(), slide.places, height=300), config={"displayModeBar": False},
                    alt=t("case.map_alt", places=", ".join(slide.places["name"])))
