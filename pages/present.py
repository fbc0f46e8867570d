"""Presentation mode: the deck of the cases in view, full screen, moved by the keyboard, carried away as a file."""

from functools import partial

import streamlit as st

from atlas import deck, locator, ui
from atlas import format as fmt
from atlas.text import t

# The filters stay in the closed sidebar; the Filters button opens and closes it (the sidebar state Streamlit
# applies is the one sent last: a button flips it; a toggle's own state was reset by that change of layout).
frame = ui.frame("present", sidebar="expanded" if st.session_state.get("deck_filters") else "collapsed")


def flip_filters() -> None:
    st.session_state["deck_filters"] = not st.session_state.get("deck_filters", False)


def filters_button() -> None:
    # The sidebar's state is the frame's (set_page_config), so this click needs the whole page run again, not
    # only the deck's fragment.
    if st.button(t("deck.filters"), on_click=flip_filters, icon=":material/tune:"):
        st.rerun(scope="app")


def go_to(number: int) -> None:
    st.query_params["slide"] = str(number)


def figure(number: int, item: deck.DeckFigure) -> None:
    with st.container(key=f"deck_figure_{number}", border=True):
        st.container(key=f"deck_label_{number}").markdown(fmt.md(item.label))
        st.container(key=f"deck_number_{number}").markdown(fmt.md(item.number))
        if item.rest:
            st.container(key=f"deck_rest_{number}").markdown(fmt.md(item.rest))
        st.container(key=f"deck_source_{number}").markdown(fmt.md(f"{item.when} · {item.source}"))


ui.stylesheet("present.css")


@st.fragment
def deck_view() -> None:
    """The controls, the slide and its notes. A key press reruns only this fragment: the frame (sidebar links,
    filters with their counts) stays as it is, since a slide change cannot change the filters."""
    model = deck.deck(frame.data, frame.view, frame.selection, frame.param("slide"))
    slide = model.current
    if slide is None:
        st.info(t("empty"))
        filters_button()
        return

    first, last = model.number == 1, model.number == model.count
    with st.container(key="deck_controls", horizontal=True, vertical_alignment="center"):
        st.button(t("deck.first"), on_click=go_to, args=(1,), disabled=first, icon=":material/first_page:",
                  shortcut="Home")
        st.button(t("present.previous"), on_click=go_to, args=(model.number - 1,), disabled=first,
                  icon=":material/arrow_back:", shortcut="Left")
        st.caption(model.position)
        st.button(t("present.next"), on_click=go_to, args=(model.number + 1,), disabled=last,
                  icon=":material/arrow_forward:", shortcut="Right")
        st.button(t("deck.last"), on_click=go_to, args=(model.count,), disabled=last, icon=":material/last_page:",
                  shortcut="End")
        st.space("stretch")
        ui.url_toggle("deck_notes", "notes", t("deck.notes"))
        filters_button()
        files = (model.count <= deck.SLIDE_LIMIT, t("deck.too_many", count=model.count, limit=deck.SLIDE_LIMIT))
        everything = partial(deck.slides, frame.data, frame.view, frame.selection)
        st.download_button("PPTX", partial(deck.file, "pptx", everything), file_name="nqp-atlas-deck.pptx",
                           mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                           icon=":material/download:", on_click="ignore", disabled=not files[0],
                           help=t("deck.download_pptx") if files[0] else files[1])
        st.download_button("PDF", partial(deck.file, "pdf", everything), file_name="nqp-atlas-deck.pdf",
                           mime="application/pdf", icon=":material/download:", on_click="ignore", disabled=not files[0],
                           help=t("deck.download_pdf") if files[0] else files[1])
    with st.container(key="deck_keys"):  # hidden: more keys for the same moves
        st.button("PageUp", on_click=go_to, args=(model.number - 1,), disabled=first, shortcut="PageUp")
        st.button("PageDown", on_click=go_to, args=(model.number + 1,), disabled=last, shortcut="PageDown")
        st.button("Space", on_click=go_to, args=(model.number + 1,), disabled=last, shortcut="Space")
    ui.notices(model.notices)

    with st.container(key="deck_slide"):
        st.container(key="deck_title").title(fmt.md(slide.title), anchor=False)
        if slide.subtitle or slide.place:
            with st.container(key="deck_subtitle"):
                if slide.subtitle:
                    st.markdown(fmt.md(slide.subtitle))
                if slide.place:
                    st.caption(fmt.md(slide.place))
        if slide.kind == "case":
            left, right = st.columns([3, 2], gap="medium")
            with left:
                for start in range(0, len(slide.figures), 2):
                    for column, (i, item) in zip(st.columns(2), list(enumerate(slide.figures))[start:start + 2],
                                                 strict=False):
                        with column:
                            figure(i, item)
            with right:
                st.container(key="deck_map").image(locator.png(slide.locator), width="stretch")
                st.container(key="deck_sentence").markdown(fmt.md(slide.sentence))
        elif slide.kind == "national":
            left, right = st.columns([3, 2], gap="medium")
            left.container(key="deck_lines").markdown("\n".join(f"- {fmt.md(line)}" for line in slide.lines))
            right.container(key="deck_map").image(locator.png(slide.locator), width="stretch")
        else:
            st.container(key="deck_lines").markdown("\n".join(f"- {fmt.md(line)}" for line in slide.lines))
        if slide.footer:
            st.container(key="deck_footer").markdown(fmt.md(slide.footer))

    if frame.param("notes")[:1] == ["1"]:
        with st.container(key="deck_notes_pane", border=True):
            st.subheader(t("deck.notes"), anchor=False)
            for line in slide.notes:
                st.markdown(fmt.md(line))


deck_view()
