"""A citation of one figure or event, in the forms readers paste and reference managers import: text, BibTeX,
RIS and CSL-JSON. One Reference holds every fact; each format only writes it.

The citation names the document (author, title, publisher, year), the translation actually read (translator,
its title and date), the place in the document ("§5.2, paragraph 9", "glossary note 10"), the figure as
written and the sentence that states it, "as reported", the curator's note, the permalink and the dataset's
version. The permalink uses the public address configured in $ATLAS_PUBLIC_URL; without one it says the link is
local to this copy of the atlas.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
from babel.dates import format_date

from atlas import format as fmt
from atlas import summary, trail
from atlas.store import Atlas
from atlas.text import LOCALE, t

FORMATS = ("text", "bibtex", "ris", "csl-json")
# file name suffix and MIME type of each format's download
FILES = {"text": ("txt", "text/plain"), "bibtex": ("bib", "application/x-bibtex"),
         "ris": ("ris", "application/x-research-info-systems"),
         "csl-json": ("json", "application/vnd.citationstyles.csl+json")}
PUBLIC_URL = "ATLAS_PUBLIC_URL"
_RIS_TYPES = {"report": "RPRT", "article-magazine": "MGZN", "webpage": "ELEC", "article": "GEN"}
_BIBTEX_TYPES = {"report": "techreport", "article-magazine": "article", "webpage": "online", "article": "misc"}


def public_base() -> str:
    """The atlas's public address from the environment ('' when none is configured)."""
    return os.environ.get(PUBLIC_URL, "").strip().rstrip("/")


def permalink(record_id: str, base: str) -> str:
    return f"{base.rstrip('/')}/sources?{urlencode({'figure': record_id})}"


@dataclass(frozen=True)
class Reference:
    id: str
    kind: str  # 'figure' | 'event'
    statement: str  # 'Fibre laid by …: 1,147 km (as of 2024)', '20 April 2024: Ship No. 2 enters dock'
    quote: str
    sentence: str  # the whole sentence as the document writes it ('' when the document is not at hand)
    where: str  # '§5.2, paragraph 9', 'endnote 24' ('' when not known)
    label: str  # the locator's CSL label: section, note or paragraph
    locator: str  # the locator without its label: '5.2, paragraph 9', '24'
    note: str  # the curator's note
    title: str
    author: str
    publisher: str
    year: str
    container: str
    item_type: str  # a CSL item type
    translator: str
    translation_title: str
    translation_date: str
    link: str
    local: bool  # the link is this copy's own address, not a public one
    version: str
    accessed: datetime.date


def _locator(found: trail.Trail | None, where: str) -> tuple[str, str]:
    """A citation processor's locator (label, value), written so that it reads as one place, not several:
    ('section', '5.2 ¶ 9'), ('note', 'endnote 24'), ('paragraph', '2 of “Fostering new industries”')."""
    if found is None or not where:
        return "section", where.removeprefix("§")
    if found.paragraph == 0:  # a numbered note: 'endnote 24'
        return "note", where
    if found.part.startswith("§"):
        return "section", f"{found.part.removeprefix('§')} ¶ {found.paragraph}"
    return "paragraph", f"{found.paragraph} of {found.part}" if found.part else str(found.paragraph)


def reference(data: Atlas, record_id: str, link: str, local: bool, today: datetime.date) -> Reference | None:
    """The reference of a figure or an event by id; None when no record has it."""
    wanted = record_id.strip().lower()
    metrics = data.metrics[data.metrics["id"] == wanted]
    events = data.events[data.events["id"] == wanted]
    if metrics.empty and events.empty:
        return None
    row: pd.Series = (metrics if len(metrics) else events).iloc[0]
    found = data.trails.get(wanted)
    where = trail.where(found) or summary.attribution(data, row["source_id"], row["case_id"], None).partition(", ")[2]
    if len(metrics):
        shown = summary.figure(data, row)
        statement = t("cite.statement", label=shown.label, shown=shown.shown, when=shown.when)
        kind = "figure"
    else:
        statement = t("cite.event", when=fmt.dated(row["date"], row["date_basis"], row["date_words"]),
                      title=row["title"])
        kind = "event"
    source = data.source_rows.get(row["source_id"], {})
    label, locator = _locator(found, where)
    return Reference(
        id=wanted, kind=kind, statement=statement, quote=row["quote"], sentence=found.sentence if found else "",
        where=where, label=label, locator=locator, note=row["note"], title=source.get("title", row["source_id"]),
        author=source.get("author", ""), publisher=source.get("publisher", ""),
        year=str(source.get("date", ""))[:4], container=source.get("container", ""),
        item_type=source.get("kind", "report"), translator=source.get("translator", ""),
        translation_title=source.get("translation_title", ""), translation_date=source.get("translation_date", ""),
        link=link, local=local, version=data.version, accessed=today)


def text(ref: Reference) -> str:
    """The citation to paste: what the record says, where it is said, by whom, in which translation."""
    by = f"{ref.author}, " if ref.author else ""
    parts = [f"{ref.statement}.",
             t("cite.document", by=by, title=ref.title, publisher=ref.publisher, year=ref.year,
               where=f", {ref.where}" if ref.where else "")]
    if ref.translator:
        parts.append(t("cite.translation", translator=ref.translator, title=ref.translation_title,
                       date=ref.translation_date))
    parts.append(t("cite.words", words=(ref.sentence or ref.quote)))
    if ref.note:
        parts.append(t("figure.note", note=ref.note))
    parts.append(t("as_reported"))
    parts.append(t("cite.link_local" if ref.local else "cite.link", link=ref.link, version=ref.version, id=ref.id,
                   accessed=format_date(ref.accessed, "d MMMM y", locale=LOCALE)))
    return " ".join(parts)


def _note(ref: Reference) -> str:
    """What a reference manager keeps in its note field: the record, its words, the translation, the curator."""
    lines = [f"{ref.statement}.", f"“{ref.sentence or ref.quote}”", t("as_reported")]
    if ref.translator:
        lines.append(t("cite.translation", translator=ref.translator, title=ref.translation_title,
                       date=ref.translation_date))
    if ref.note:
        lines.append(t("figure.note", note=ref.note))
    lines.append(t("cite.dataset", version=ref.version, id=ref.id))
    return " ".join(lines)


def csl(ref: Reference) -> dict:
    """A CSL-JSON item; `locator` and `label` are those of a citation item (citeproc-js and Zotero read them)."""
    item = {"id": ref.id, "type": ref.item_type, "title": ref.title, "publisher": ref.publisher,
            "issued": {"date-parts": [[int(ref.year)]]} if ref.year.isdigit() else {"literal": ref.year},
            "section": ref.where, "locator": ref.locator, "label": ref.label, "note": _note(ref),
            "URL": ref.link, "accessed": {"date-parts": [[ref.accessed.year, ref.accessed.month, ref.accessed.day]]}}
    if ref.author:
        item["author"] = [{"literal": ref.author}]
    if ref.translator:
        item["translator"] = [{"literal": ref.translator}]
    if ref.container:
        item["container-title"] = ref.container
    return item


def _braced(value: str) -> str:
    """A BibTeX field value that any character survives: braces and backslashes escaped, on one line."""
    flat = " ".join(value.split())
    return re.sub(r"([{}\\])", r"\\\1", flat).replace("%", r"\%")


def bibtex(ref: Reference) -> str:
    fields = {"title": ref.title, "author": f"{{{ref.author}}}" if ref.author else "", "year": ref.year,
              "institution" if ref.item_type == "report" else "publisher": ref.publisher,
              "journal" if ref.item_type == "article-magazine" else "howpublished": ref.container,
              "translator": ref.translator, "chapter": ref.where, "url": ref.link,
              "urldate": ref.accessed.isoformat(), "note": _note(ref)}
    body = ",\n".join(f"  {name} = {{{value if name == 'author' else _braced(value)}}}"
                      for name, value in fields.items() if value)
    return f"@{_BIBTEX_TYPES.get(ref.item_type, 'misc')}{{{ref.id},\n{body}\n}}\n"


def ris(ref: Reference) -> str:
    import rispy

    entry = {"type_of_reference": _RIS_TYPES.get(ref.item_type, "GEN"), "id": ref.id, "title": ref.title,
             "publisher": ref.publisher, "year": ref.year, "section": ref.where, "urls": [ref.link],
             "access_date": ref.accessed.isoformat(), "notes": [" ".join(_note(ref).split())]}
    if ref.author:
        entry["authors"] = [ref.author]
    if ref.translator:
        entry["subsidiary_authors"] = [ref.translator]  # A4: the translator, as EndNote and Zotero read it
    if ref.translation_title:
        entry["translated_title"] = ref.translation_title
    if ref.container:
        entry["secondary_title"] = ref.container
    return rispy.dumps([entry])


def render(ref: Reference, form: str) -> str:
    """The reference in one of FORMATS."""
    if form == "text":
        return text(ref) + "\n"
    if form == "bibtex":
        return bibtex(ref)
    if form == "ris":
        return ris(ref)
    if form == "csl-json":
        return json.dumps([csl(ref)], ensure_ascii=False, indent=1) + "\n"
    raise ValueError(f"unknown citation format {form!r}; known: {', '.join(FORMATS)}")
