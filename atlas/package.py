"""The data package: the four CSVs with a Frictionless `datapackage.json` and a README, as files or one ZIP.

Written for the tools people open it with: UTF-8 with a byte-order mark (Excel on Windows reads the Chinese),
sections written as "§5.10" (pandas and Excel would read "5.10" as the number 5.1), province codes beside
their names, each figure's case, section and document on its row, and money also in billion yuan.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from atlas import export, summary, trail
from atlas import format as fmt
from atlas.store import Atlas
from atlas.units import YUAN_SCALE

NAME = "nqp-atlas"
LICENCE = ("The figures and quotes are short excerpts of the documents listed in sources.csv, quoted for reference "
           "and commentary; their rights stay with their publishers. Summaries, labels and the structure of the "
           "data are NQP Atlas's own and may be reused with attribution.")

# name -> (Table Schema type, description). Every column of every CSV is described here.
FIELDS: dict[str, tuple[str, str]] = {
    "case_id": ("string", "The case's id; empty for a national record (China as a whole)."),
    "section": ("string", "The report's section that tells the case, written §5.N so that 5.10 is not read as 5.1; "
                          "on a figure or event row only when it stands in that section of the report."),
    "title_en": ("string", "The section's title in English, as the translation gives it."),
    "title_zh": ("string", "The section's title in Chinese."),
    "provinces": ("string", "Province codes (GB/T 2260), ';' between several. Text, not a number."),
    "province_names": ("string", "The provinces' English names, in the order of `provinces`."),
    "city": ("string", "The case's host city."),
    "district": ("string", "The host district or zone."),
    "sectors": ("string", "Sector slugs (vocabulary.yaml), ';' between several."),
    "lat": ("number", "Latitude of the host site, degrees."),
    "lon": ("number", "Longitude of the host site, degrees."),
    "industry_tier": ("string", "Upgraded traditional, emerging or future industry (a slug)."),
    "mechanisms": ("string", "How the case innovates: mechanism slugs, ';' between several."),
    "short_title": ("string", "A short title in NQP Atlas's words."),
    "summary": ("string", "Two to four sentences in NQP Atlas's own words."),
    "label": ("string", "What the figure counts, in NQP Atlas's words."),
    "value": ("number", "The number as the source writes it, in the unit it writes; never converted or rounded."),
    "unit": ("string", "The unit the source writes."),
    "qualifier": ("string", "The source's hedge: exact, over, nearly, about or up-to ('over 60' is 60, over)."),
    "as_of": ("string", "When the figure holds: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source."),
    "source_id": ("string", "The document (sources.csv)."),
    "quote": ("string", "The source's own words that state the figure or event, verbatim."),
    "status": ("string", "reported (achieved), target or expected (a forecast)."),
    "family": ("string", "Which figures can be compared (vocabulary.yaml)."),
    "id": ("string", "The record's stable id; a figure's permalink is /sources?figure=<id>."),
    "case_title": ("string", "The case's short title, or National."),
    "sentence": ("string", "The whole sentence of the document that holds the quote (read from the document)."),
    "document_section": ("string", "The part of the document the quote stands in, as text: §5.2, endnote 24, "
                                   "glossary note 10, conclusion, or a heading's words."),
    "document_place": ("string", "Where in the document: '§5.2, paragraph 9', 'glossary note 10' (read from it)."),
    "cited_as": ("string", "How NQP Atlas names the document and place: 'CGTN, 25 June 2024, paragraph 12'."),
    "written": ("string", "The value as the text writes it in words ('nearly a quarter'); `value` is then derived "
                          "from these words. Empty where the text writes digits."),
    "date_basis": ("string", "How the date was obtained: stated (the text writes it), inferred (from date_words, "
                             "e.g. 'six years ago'), or not-given (the record carries the document's date)."),
    "date_words": ("string", "The document's words the date is stated or inferred from."),
    "date_shown": ("string", "The date as NQP Atlas shows it, with how it was obtained."),
    "note": ("string", "A curator's note in NQP Atlas's words (a doubtful translation, an unclear subject); it "
                       "never changes the value. For sources: about the document."),
    "author": ("string", "Who wrote the document (empty where it names no one)."),
    "short": ("string", "How NQP Atlas names the document on cards and slides."),
    "translator": ("string", "Who translated the document into the English read here."),
    "translation_title": ("string", "The title under which the translation was published."),
    "translation_date": ("string", "When the translation was published."),
    "document": ("string", "The document's title."),
    "shown": ("string", "The figure as NQP Atlas writes it, hedge and status kept: 'over 60 enterprises'."),
    "value_billion_yuan": ("number", "Money in yuan converted to billion yuan (derived; empty for other units)."),
    "date": ("string", "When the event happened: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD, as precise as the source."),
    "precision": ("string", "The precision the date is written to: year, quarter, month or day."),
    "title": ("string", "The event, or the document's title, in words."),
    "publisher": ("string", "Who published the document."),
    "url": ("string", "The document's web address; empty: the documents give none."),
}


def tables(atlas: Atlas) -> dict[str, pd.DataFrame]:
    """The export tables with the columns a reader needs beside each row (contract columns first)."""
    base = export.tables(atlas)
    sections = dict(zip(atlas.cases["case_id"], atlas.cases["section"], strict=True))
    titles = atlas.short_titles
    cases = base["cases"].assign(
        section="§" + base["cases"]["section"],
        province_names=atlas.cases["provinces"].map(lambda codes: "; ".join(atlas.province_names.get(c, c)
                                                                           for c in codes)))

    def context(table: pd.DataFrame, when: str) -> pd.DataFrame:
        found = table["id"].map(atlas.trails.get)
        # `section` is the report's section only where the record stands in its case's section of the report
        # (or, without the documents at hand, where it is the report's): not a CGTN figure, not a glossary note.
        in_section = [(f is not None and f.section == sections.get(c)) or
                      (f is None and bool(atlas.source_rows.get(s, {}).get("cases_chapter")))
                      for f, c, s in zip(found, table["case_id"], table["source_id"], strict=True)]
        return table.assign(case_title=table["case_id"].map(lambda c: titles.get(c, "National")),
                            sentence=found.map(lambda f: f.sentence if f else ""),
                            document_section=found.map(lambda f: f.part if f else ""),
                            document_place=found.map(trail.where),
                            section=["§" + sections[c] if c in sections and ok else ""
                                     for c, ok in zip(table["case_id"], in_section, strict=True)],
                            document=table["source_id"].map(lambda s: atlas.source_titles.get(s, s)),
                            cited_as=[summary.attribution(atlas, r.source_id, r.case_id, f)
                                      for r, f in zip(table.itertuples(), found, strict=True)],
                            date_shown=[fmt.dated(getattr(r, when), r.date_basis, r.date_words)
                                        for r in table.itertuples()])

    metrics = context(base["metrics"], "as_of").assign(
        shown=[fmt.figure_of(r) for r in base["metrics"].itertuples()],
        value_billion_yuan=base["metrics"]["value"] * base["metrics"]["unit"].map(YUAN_SCALE))
    return {"cases": cases, "metrics": metrics, "events": context(base["events"], "date"), "sources": base["sources"]}


def _csv(table: pd.DataFrame) -> bytes:
    return table.to_csv(index=False, encoding="utf-8-sig").encode("utf-8-sig")


def descriptor(atlas: Atlas, data: dict[str, pd.DataFrame], today: datetime.date) -> dict:
    """The Frictionless Data Package descriptor: every file, field, type and description."""
    resources = []
    for name, table in data.items():
        fields = [{"name": column, "type": FIELDS[column][0], "description": FIELDS[column][1]}
                  for column in table.columns]
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8-sig", "schema": {"fields": fields, "missingValues": [""]}})
    return {"name": NAME, "title": "NQP Atlas: ten regional cases of new quality productive forces",
            "version": atlas.version, "created": f"{today.isoformat()}T00:00:00Z",
            "description": "Figures and dated events of chapter 5 of the Xinhua Institute think-tank report (2024) "
                           "and national context, each with the verbatim words that state it. As reported.",
            "licenses": [{"name": "other-at", "title": LICENCE}], "resources": resources}


def readme(atlas: Atlas, today: datetime.date) -> str:
    return (f"# NQP Atlas data package\n\nVersion {atlas.version}, written {today.isoformat()}.\n\n"
            "Files: cases.csv, metrics.csv (one row per figure), events.csv, sources.csv; datapackage.json "
            "describes every column (Frictionless Data Package). UTF-8 with a byte-order mark. Sections are written "
            "§5.N; province codes are text (pandas: `dtype={'provinces': str}`).\n\n"
            "Every figure is the document's claim, as reported, with its verbatim words in `quote`. "
            "`value_billion_yuan` is derived (converted from the unit the source writes); `value` never is.\n\n"
            f"## Citation\n\n{export.citation()}\n## Licence\n\n{LICENCE}\n")


def files(atlas: Atlas, data: dict[str, pd.DataFrame] | None = None,
          today: datetime.date | None = None) -> dict[str, bytes]:
    """Every file of the package by name: the four CSVs (of `data`, default the whole dataset), the descriptor
    and the README."""
    data = data if data is not None else tables(atlas)
    today = today or datetime.date.today()
    written = {f"{name}.csv": _csv(table) for name, table in data.items()}
    written["datapackage.json"] = json.dumps(descriptor(atlas, data, today), ensure_ascii=False,
                                             indent=1).encode("utf-8")
    written["README.md"] = readme(atlas, today).encode("utf-8")
    return written


def zip_bytes(named: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in named.items():
            archive.writestr(f"{NAME}/{name}", content)
    return buffer.getvalue()


def zip_of(atlas: Atlas, data: dict[str, pd.DataFrame]) -> bytes:
    """The ZIP of a package of these tables (what is in view): the Sources page's download."""
    return zip_bytes(files(atlas, data))


def write(atlas: Atlas, directory: Path, as_zip: bool = False) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    named = files(atlas)
    if as_zip:
        path = directory / f"{NAME}.zip"
        path.write_bytes(zip_bytes(named))
        return [path]
    for name, content in named.items():
        (directory / name).write_bytes(content)
    return [directory / name for name in named]
