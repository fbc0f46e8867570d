"""The page registry is the one list of pages: every script it names exists, and pages/ holds nothing else."""

from __future__ import annotations

from atlas import pages
from atlas.store import ROOT


def test_the_registry_and_pages_folder_agree():
    assert sorted(p.script for p in pages.PAGES) == sorted(f"pages/{f.name}" for f in (ROOT / "pages").glob("*.py"))
    assert not (ROOT / "views").exists()


def test_url_paths_are_the_documented_ones():
    assert [p.url_path for p in pages.PAGES] == ["", "map", "timeline", "case", "compare", "sources", "present"]
    assert pages.DEFAULT.path == "/" and pages.BY_KEY["case"].path == "/case?case=anhui-quantum"


def test_every_page_script_starts_with_the_frame():
    for page in pages.PAGES:
        code = (ROOT / page.script).read_text(encoding="utf-8")
        assert f'frame = ui.frame("{page.key}"' in code, page.script
