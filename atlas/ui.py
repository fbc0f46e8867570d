"""Small Streamlit pieces shared by the pages. The only module of atlas/ that imports Streamlit.

Data text always passes through `fmt.md()` before it reaches an element that renders Markdown.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from atlas import format as fmt
from atlas import store


def data_dir() -> Path:
    """The data folder: $ATLAS_DATA (tests and benchmarks point it elsewhere), else data/."""
    return Path(os.environ.get("ATLAS_DATA", store.DATA_DIR))


def _signature(folder: Path) -> tuple:
    # A hand edit changes a file's mtime or size, which changes the cache key: no restart needed.
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(signature: tuple, folder: str) -> store.Atlas:
    # cache_resource: one read-only copy shared by every session, not a copy per rerun.
    return store.load(Path(folder))


def atlas() -> store.Atlas:
    folder = data_dir()
    return _load(_signature(folder), str(folder))


def problems_notice(data: store.Atlas) -> None:
    """Name every broken record on screen, while the valid cases are served as usual."""
    if not data.problems:
        return
    files = sorted({p.file for p in data.problems})
    with st.expander(f"⚠️ {fmt.plural(len(data.problems), 'data problem')} in {', '.join(files)}: "
                     "those records are not shown", expanded=False):
        for problem in data.problems:
            st.text(str(problem))


def source_title(data: store.Atlas, source_id: str) -> str:
    match = data.sources.loc[data.sources["source_id"] == source_id, "title"]
    return str(match.iloc[0]) if len(match) else source_id


def figure_metric(data: store.Atlas, row: pd.Series) -> None:
    """One figure as a metric: the value with its hedge, the as-of date, and the quote with its document."""
    help_text = f"“{row['quote']}” — {source_title(data, row['source_id'])} (as reported)"
    st.metric(
        label=fmt.md(row["label"]),
        value=fmt.md(fmt.figure(row["value"], row["unit"], row["qualifier"], row["status"])),
        delta=fmt.md(f"as of {fmt.when(row['as_of'])}"),
        delta_color="off",
        delta_arrow="off",
        help=fmt.md(help_text),
    )
