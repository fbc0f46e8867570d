"""The page registry: every page's title, icon, URL path and script, written once.

dashboard.py builds its navigation from it, the frame draws its links from it, and the tests, the benchmark
and the load test take their page lists from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    icon: str
    url_path: str  # "" is the default page, served at /
    shows: str  # one line: what the page is for
    sample: str = ""  # a query that shows the page's typical content (tests, bench)
    charts: bool = True  # whether the page draws a Plotly chart with its default view

    @property
    def script(self) -> str:
        """The script, relative to the project root (st.Page and AppTest's switch_page take this form)."""
        return f"pages/{self.key}.py"

    @property
    def path(self) -> str:
        """The page's URL path with its sample query: '/', '/case?case=...'."""
        return "/" + self.url_path + (f"?{self.sample}" if self.sample else "")


PAGES: tuple[Page, ...] = (
    Page("overview", "Overview", ":material/home:", "", "How much the report covers; the cases in view as cards.",
         charts=False),
    Page("map", "Map", ":material/map:", "map", "Where the cases in view are; a click filters to a province."),
    Page("timeline", "Timeline", ":material/timeline:", "timeline",
         "National policy and the cases' own milestones on one time axis."),
    Page("case", "Case profile", ":material/article:", "case", "One case told whole.", sample="case=anhui-quantum"),
    Page("compare", "Compare", ":material/compare_arrows:", "compare",
         "Two to four cases side by side on comparable figures."),
    Page("sources", "Sources", ":material/menu_book:", "sources",
         "Every figure and event with its words and document; downloads.", charts=False),
    Page("present", "Present", ":material/slideshow:", "present", "The cases in view as slides.", charts=False),
)
BY_KEY = {page.key: page for page in PAGES}
DEFAULT = PAGES[0]
