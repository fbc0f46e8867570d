"""The trail behind each quote, read from its document: the whole sentence as the document writes it, the part
of the document it stands in and the paragraph.

Computed when the documents are at hand (../shared/seeds or $ATLAS_SEEDS), never typed into data/. A paragraph
is a line of the document file. Its part is the nearest heading above it ("5.2 Anhui is Building …", a "Chapter"
line, a Markdown heading or a short title line), or, where the text has no heading (a translation's conclusion,
endnotes, glossary notes), a part the source's record in data/sources.yaml names by line range. Sentences come
from pysbd, a rule-based segmenter that knows abbreviations ("Ship No. 2", "Jan. 29", "Co., Ltd."); quotes are
found in folded text (curly quotes, runs of spaces) but every sentence is given as the document writes it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pysbd

from atlas.fold import fold_char, normalise

_NUMBERED = re.compile(r"^(\d+(?:\.\d+)+)\s+\S")  # '5.2 Anhui is …'
_HEADING = re.compile(r"^(?:Chapter\b|#{1,6}\s)")
_ITEM = re.compile(r"^\s*\[?(\d+)[.\]]\s")  # '24. “Xi Jinping …', '[24] …'
# Words that end with a full stop without ending a sentence: a sentence must not stop after one, nor start
# just after one (the check in `broken`, which catches a segmenter's slip, not what pysbd already knows).
ABBREVIATIONS = frozenset({"no", "nos", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                           "nov", "dec", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "fig", "vol", "art", "para"})


@dataclass(frozen=True)
class Part:
    """A part of a document its text has no heading for (data/sources.yaml `parts`)."""

    name: str
    first: int
    last: int
    starts: str
    numbered: bool = False


@dataclass(frozen=True)
class Trail:
    sentence: str  # the whole sentence (or sentences) that hold the quote, as the document writes them
    part: str  # '§5.2', 'endnote 24', 'glossary note 10', 'conclusion', '“Fostering new industries”', 'opening'
    paragraph: int  # the paragraph within its part, from 1 (0 for a numbered note: the note is the place)
    heading: str  # the heading the part stands under, as the document writes it ('' for none)
    line: int  # the line of our copy of the document: for reading it in context, never shown as a place
    section: str = ""  # the report's numbered section ('5.2') when the quote stands under one


def _is_heading(line: str) -> bool:
    text = line.strip()
    if _NUMBERED.match(text) or _HEADING.match(text):
        return True
    return (0 < len(text) < 90 and text[-1] not in ".,;:!?”\"'" and text[0].isupper() and "http" not in text
            and ". " not in text)


def clean(line: str) -> str:
    """A line as the reader sees it: Markdown heading marks and bold asterisks (the web page's formatting, not
    its words) and the line's outer spaces removed."""
    return line.strip().lstrip("#").replace("**", "").strip()


def folded_with_map(text: str) -> tuple[str, list[int]]:
    """The text folded as fidelity.normalise folds it, with the offset in `text` of each folded character."""
    out, where, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            where.append(i)
            space = False
        out.append(fold_char(ch))
        where.append(i)
    return "".join(out), where


@dataclass(frozen=True)
class _Paragraph:
    line: int  # line of the file
    text: str  # as the reader sees it (clean)
    heading: bool
    part: str  # the part's name: '§5.2', 'endnote 24', 'conclusion', a heading's words
    number: int  # paragraph within the part (0 for a numbered note)
    under: str  # the heading in force, as written
    section: str


@dataclass(frozen=True)
class Document:
    """A document read once: its paragraphs with their parts, and the folded text used to find quotes."""

    paragraphs: tuple[_Paragraph, ...]
    folded: str  # every paragraph folded, joined by one space
    starts: tuple[int, ...]  # offset in `folded` of each paragraph
    maps: tuple[tuple[int, ...], ...]  # per paragraph: folded offset -> offset in its text


def _heading_part(text: str) -> tuple[str, str]:
    numbered = _NUMBERED.match(text)
    if numbered:
        return f"§{numbered.group(1)}", numbered.group(1)
    if text.lower().startswith("chapter"):
        return text, ""
    return f"“{text}”", ""


@lru_cache(maxsize=16)
def read(path: str, parts: tuple[Part, ...] = ()) -> Document:
    paragraphs, starts, maps, pieces = [], [], [], []
    offset, under, part, section, count = 0, "", "opening", "", 0  # text before its first heading
    in_part: Part | None = None
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        text = clean(raw)
        if not text:
            continue
        named = next((p for p in parts if p.first <= number <= p.last), None)
        if named is not None:
            heading = False
            if named is not in_part:
                in_part, count, under, section = named, 0, "", ""
            item = _ITEM.match(raw) if named.numbered else None
            if item:  # the list's marker ("24.") is the note's number, not its words
                text = raw[item.end():].strip()
            count += 0 if item else 1
            part, place = (f"{named.name} {item.group(1)}", 0) if item else (named.name, count)
        else:
            in_part = None
            heading = _is_heading(raw)
            if heading:
                under, count = text, 0
                part, section = _heading_part(text)
            else:
                count += 1
            place = count
        folded, where = folded_with_map(text)
        paragraphs.append(_Paragraph(number, text, heading, part, place, under, section))
        starts.append(offset)
        maps.append(tuple(where))
        pieces.append(folded)
        offset += len(folded) + 1
    return Document(tuple(paragraphs), " ".join(pieces), tuple(starts), tuple(maps))


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of one paragraph as (start, end) offsets, outer spaces excluded."""
    spans = []
    for span in _segmenter().segment(text):
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return tuple(spans) or ((0, len(text)),)


def _span(doc: Document, at: int, length: int) -> tuple[int, int, int, int]:
    """The paragraphs (first, last) a folded match runs over and its offsets in their texts."""
    i = bisect.bisect_right(doc.starts, at) - 1
    j = bisect.bisect_right(doc.starts, at + length - 1) - 1
    start = doc.maps[i][at - doc.starts[i]]
    end_at = at + length - 1 - doc.starts[j]
    end = doc.maps[j][end_at] + 1
    return i, j, start, end


def _sentence(doc: Document, i: int, j: int, start: int, end: int) -> str:
    """The whole sentences from the one holding `start` (paragraph i) to the one holding `end` (paragraph j)."""
    first_text, last_text = doc.paragraphs[i].text, doc.paragraphs[j].text
    begin = max(s for s, _ in sentences(first_text) if s <= start)
    finish = min((e for _, e in sentences(last_text) if e >= end), default=len(last_text))
    if i == j:
        return first_text[begin:finish]
    middle = [p.text for p in doc.paragraphs[i + 1:j]]
    return " ".join([first_text[begin:], *middle, last_text[:finish]])


def locate(document: Path, quote: str, parts: tuple[Part, ...] = ()) -> Trail | None:
    """Where a quote stands in its document (the first place outside a heading); None when it is not there.
    A quote may run over a line break the file puts in the middle of a sentence."""
    wanted = normalise(quote)
    if not wanted:
        return None
    doc = read(str(document), tuple(parts))
    at = doc.folded.find(wanted)
    while at >= 0:
        i, j, start, end = _span(doc, at, len(wanted))
        paragraph = doc.paragraphs[i]
        if not (paragraph.heading and i == j and start == 0 and end == len(paragraph.text)):
            return Trail(sentence=_sentence(doc, i, j, start, end), part=paragraph.part,
                         paragraph=paragraph.number, heading=paragraph.under, line=paragraph.line,
                         section=paragraph.section)
        at = doc.folded.find(wanted, at + 1)
    return None


def passage(document: Path, parts: tuple[Part, ...], line: int) -> str:
    """The paragraph at `line` with the paragraphs ahead of it under the same heading, in the same part: where a
    record's date may be read from an earlier sentence ('' if there is no paragraph at `line`)."""
    paragraphs = read(str(document), tuple(parts)).paragraphs
    at = next((i for i, p in enumerate(paragraphs) if p.line == line), None)
    if at is None:
        return ""
    here = paragraphs[at]
    ahead = [p.text for p in paragraphs[:at] if not p.heading and p.under == here.under and p.part == here.part]
    return " ".join([*ahead, here.text])


def where(found: Trail | None) -> str:
    """'§5.2, paragraph 9', 'endnote 24', 'conclusion, paragraph 2', '“Fostering new industries”, paragraph 1',
    'paragraph 12' — never a line of our copy."""
    if found is None:
        return ""
    if found.paragraph == 0:
        return found.part
    paragraph = f"paragraph {found.paragraph}"
    return f"{found.part}, {paragraph}" if found.part else paragraph


def broken(found: Trail) -> str:
    """Why a computed sentence is not a whole sentence ('' when it is): it starts or ends inside an abbreviation
    or a number ("…released on Jan.", "29 by the Ministry…"). A segmenter's slip is caught here rather than
    shown to a reader as the document's words."""
    text = found.sentence
    last = re.search(r"([A-Za-z]+)\.[\"”’)]*$", text)
    if last and last.group(1).lower() in ABBREVIATIONS:
        return f"ends at the abbreviation “{last.group(1)}.”"
    if re.search(r"\d,$", text):
        return "ends inside a number"
    if re.match(r"^[\"“‘(]*[a-z\d]", text) and not re.match(r"^[\"“‘(]*\d{4}\b", text):
        return "starts in the middle of a sentence"
    return ""


@dataclass(frozen=True)
class Context:
    """A quote read in its place: the heading, the paragraphs around, and its own paragraph cut at the quote."""

    heading: str
    before: tuple[str, ...]
    paragraph: tuple[str, str, str]  # text before the quote, the quoted words as written, text after
    after: tuple[str, ...]
    where: str


def context(document: Path, quote: str, parts: tuple[Part, ...] = (), around: int = 1) -> Context | None:
    """The paragraph that holds a quote with the quoted words cut out for marking, `around` paragraphs on each
    side (within the same part) and the heading it stands under; None when the quote is not there."""
    found = locate(document, quote, parts)
    if found is None:
        return None
    doc = read(str(document), tuple(parts))
    wanted = normalise(quote)
    at = doc.folded.find(wanted)
    while at >= 0:
        i, j, start, end = _span(doc, at, len(wanted))
        if doc.paragraphs[i].line == found.line:
            break
        at = doc.folded.find(wanted, at + 1)
    first, last = doc.paragraphs[i], doc.paragraphs[j]
    marked = first.text[start:] if i != j else first.text[start:end]
    if i != j:
        marked = " ".join([marked, *(p.text for p in doc.paragraphs[i + 1:j]), last.text[:end]])
    tail = last.text[end:]

    def same_part(k: int) -> bool:
        p = doc.paragraphs[k]
        return not p.heading and p.under == first.under and p.part.split(" ")[0] == first.part.split(" ")[0]

    before = tuple(doc.paragraphs[k].text for k in range(max(0, i - around), i) if same_part(k))
    after = tuple(doc.paragraphs[k].text for k in range(j + 1, min(len(doc.paragraphs), j + 1 + around))
                  if same_part(k))
    return Context(heading=first.under, before=before, paragraph=(first.text[:start], marked, tail), after=after,
                   where=where(found))


def check_parts(document: Path, parts: tuple[Part, ...]) -> list[str]:
    """Each part's first line must begin with its `starts` words: a changed document is named, not misread."""
    lines = Path(document).read_text(encoding="utf-8").splitlines()
    problems = []
    for part in parts:
        first = clean(lines[part.first - 1]) if part.first <= len(lines) else ""
        if part.last < part.first:
            problems.append(f"part “{part.name}”: last line {part.last} is before its first {part.first}")
        elif not normalise(first).startswith(normalise(part.starts)):
            problems.append(f"part “{part.name}”: line {part.first} of {Path(document).name} does not begin "
                            f"“{part.starts}” (it reads “{first[:60]}”)")
    return problems


def trails(records, documents: dict[str, tuple[Path, tuple[Part, ...]]]) -> dict[str, Trail]:
    """Each record's trail by id (records: rows with id, source_id and quote); records whose document is not at
    hand are left out."""
    found = {}
    for row in records.itertuples():
        document, parts = documents.get(row.source_id, (None, ()))
        if document is not None and document.is_file():
            trail = locate(document, row.quote, parts)
            if trail is not None:
                found[row.id] = trail
    return found
