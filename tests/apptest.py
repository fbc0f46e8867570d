"""The one way tests open a page as a script: AppTest on dashboard.py, the URL's parameters, then the page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from atlas import pages
from atlas.store import ROOT


def open_page(key: str = "overview", params: dict[str, list[str] | str] | None = None,
              timeout: float = 90) -> AppTest:
    """Run page `key` (see atlas/pages.py) with these query parameters; $ATLAS_DATA chooses the data folder."""
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    for name, value in (params or {}).items():
        app.query_params[name] = value
    app.run()  # the first run registers st.navigation's pages; only then can the test switch to one
    if key != pages.DEFAULT.key:
        app.switch_page(pages.BY_KEY[key].script).run()
    return app


def text(app: AppTest) -> str:
    """Everything the page wrote, with Markdown escapes taken out."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for e in getattr(app, kind)]
    return plain("\n".join(str(p) for p in parts))


def plain(value: str) -> str:
    """An element's text with the Markdown escapes of fmt.md() taken out."""
    return str(value).replace("\\", "")
