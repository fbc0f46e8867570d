"""The trail behind each quote, read from its document: the whole sentence, the section and the paragraph.

Computed when the documents are at hand (../shared/seeds or $ATLAS_SEEDS), never typed into data/. A paragraph
is a line of the document file; a section is the nearest heading above it ("5.2 Anhui is Building …", a
"Chapter" line, a Markdown heading or a short title line).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from atlas.fidelity import normalise

_NUMBERED = re.compile(r"^(\d+(?:\.\d+)+)\s+\S")  # '5.2 Anhui is …'
_HEADING = re.compile(r"^(?:Chapter\b|#{1,6}\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?。])[\"”’)]*\s+(?=[A-Z0-9“\"‘(\[])")


@dataclass(frozen=True)
class Trail:
    sentence: str  # the whole sentence (or sentences) that hold the quote, whitespace and quotes folded
    section: str  # '5.2' for a numbered section, else the heading's words ('' before any heading)
    heading: str  # the heading line as the document writes it
    paragraph: int  # the line of the document file


def _is_heading(line: str) -> bool:
    text = line.strip()
    if _NUMBERED.match(text) or _HEADING.match(text):
        return True
    return (0 < len(text) < 90 and text[-1] not in ".,;:!?”\"'" and text[0].isupper() and "http" not in text
            and ". " not in text)


@dataclass(frozen=True)
class _Index:
    """A document read once: its non-empty lines folded and joined, where each starts, and its headings."""

    text: str
    starts: tuple[int, ...]  # offset in text of each segment
    lines: tuple[int, ...]  # the file's line number of each segment
    segments: tuple[str, ...]
    headings: tuple[str, ...]  # the heading in force at each segment
    is_heading: tuple[bool, ...]


@lru_cache(maxsize=16)
def _index(path: str) -> _Index:
    starts, lines, segments, headings, flags = [], [], [], [], []
    heading, offset = "", 0
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        folded = normalise(line.lstrip("#").replace("**", ""))
        if not folded:
            continue
        flag = _is_heading(line)
        heading = folded if flag else heading
        starts.append(offset)
        lines.append(number)
        segments.append(folded)
        headings.append(heading)
        flags.append(flag)
        offset += len(folded) + 1
    return _Index(" ".join(segments), tuple(starts), tuple(lines), tuple(segments), tuple(headings), tuple(flags))


def _sentence(paragraph: str, quote: str) -> str:
    start = paragraph.find(quote)
    end = start + len(quote)
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(paragraph)), len(paragraph)]
    first = max(b for b in bounds if b <= start)
    last = min(b for b in bounds if b >= end)
    return paragraph[first:last].strip()


def locate(document: Path, quote: str) -> Trail | None:
    """Where a quote stands in its document (the first place outside a heading); None when it is not there.
    A quote may run over a line break the file puts in the middle of a sentence."""
    wanted = normalise(quote)
    index = _index(str(document))
    at = index.text.find(wanted)
    while at >= 0:
        i = bisect.bisect_right(index.starts, at) - 1
        if not index.is_heading[i] or index.segments[i] != wanted:
            j = bisect.bisect_right(index.starts, at + len(wanted) - 1) - 1
            paragraph = " ".join(index.segments[i:j + 1])
            title = index.headings[i]
            numbered = _NUMBERED.match(title)
            return Trail(sentence=_sentence(paragraph, wanted), section=numbered.group(1) if numbered else title,
                         heading=title, paragraph=index.lines[i])
        at = index.text.find(wanted, at + 1)
    return None


def where(found: Trail | None) -> str:
    """'§5.2, line 627', or the heading's words for a document without numbered sections."""
    if found is None:
        return ""
    place = f"§{found.section}" if re.fullmatch(r"\d+(\.\d+)+", found.section) else f"“{found.section}”"
    return f"{place}, line {found.paragraph}" if found.section else f"line {found.paragraph}"


def trails(records, documents: dict[str, Path]) -> dict[str, Trail]:
    """Each record's trail by id (records: rows with id, source_id and quote); records whose document is not at
    hand are left out."""
    found = {}
    for row in records.itertuples():
        document = documents.get(row.source_id)
        if document is not None and document.is_file():
            trail = locate(document, row.quote)
            if trail is not None:
                found[row.id] = trail
    return found
