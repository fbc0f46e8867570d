"""The deck as a PowerPoint file: one 16:9 slide per deck.Slide, all text real and editable, notes in the notes pane.

Lays out the Slide objects of atlas/deck.py and adds no content of its own. python-pptx cannot measure text, so
every text box gets font sizes computed here from the widths of Noto Sans CJK (the widest of the fonts a viewer
is likely to use), shrinking towards a floor and, past it, shortening what may be shortened with an ellipsis: a
label, a sentence, a document line; never a figure's value or its source. Autofit (shrink text on overflow) stays
on as the viewer's own safety net and so the text still fits after someone edits it.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.slide import Slide as PptxSlide
from pptx.text.text import _Paragraph
from pptx.util import Emu, Inches, Pt

from atlas import deck, locator
from atlas import format as fmt

FONT = "Noto Sans CJK SC"
DARK = RGBColor(0x1B, 0x1F, 0x24)  # text
ACCENT = RGBColor(0x0B, 0x53, 0x94)  # values, dates, rules
GREY = RGBColor(0x5F, 0x6B, 0x76)  # secondary text
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 13.333 x 7.5 in: PowerPoint's own 16:9
MARGIN = 0.6  # inches, left and right
INSET_X, INSET_Y = 0.05, 0.03  # the text boxes' inner margins, inches
SPACING = 0.9  # line spacing, a fraction of the font's single spacing
LINE = 1.45 * SPACING * 1.02  # a line's height in ems: Noto Sans CJK's single spacing is 1.448 em, plus a little
ELLIPSIS = "…"

# Advance widths of Noto Sans CJK SC Bold for ' ' to '~', in hundredths of an em, rounded up; regular is narrower.
_ASCII = dict(zip(map(chr, range(32, 127)), (
    23, 37, 58, 59, 59, 97, 74, 33, 38, 38, 51, 59, 33, 37, 33, 39, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 33, 33,
    59, 59, 59, 52, 101, 65, 69, 66, 72, 62, 59, 72, 76, 33, 57, 69, 58, 86, 75, 77, 67, 77, 69, 63, 63, 75, 62, 92,
    63, 58, 62, 38, 39, 38, 59, 57, 63, 60, 65, 53, 65, 59, 38, 60, 64, 31, 31, 61, 32, 97, 65, 63, 65, 65, 44, 50,
    43, 64, 58, 87, 57, 58, 52, 38, 30, 38, 59), strict=True))
_REGULAR = 0.97  # regular over bold
_SAFETY = 0.97  # of a box's inner width the model lets a line fill
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\U00020000-\U0003ffff]")


def _wide(char: str) -> bool:
    """A character a CJK font sets a full em wide: Chinese, and quotes, dashes, '·' and '§' (ambiguous width)."""
    return unicodedata.east_asian_width(char) in "WFA"


def _ideograph(char: str) -> bool:
    """A character a line may break before or after, as between Chinese characters."""
    return unicodedata.east_asian_width(char) in "WF"


def _em(char: str) -> float:
    """The width of a character in ems. CJK fonts set quotes, dashes and § full width, so those count as 1."""
    if char in _ASCII:
        return _ASCII[char] / 100
    return 1.0 if _wide(char) else 0.65


def _words(text: str) -> list[tuple[str, str]]:
    """(word, space after it) pairs: the places a line may break. Each Chinese character is a word of its own."""
    words: list[tuple[str, str]] = []
    word = space = ""
    for char in text:
        if char.isspace():
            space += char
            continue
        if space or _ideograph(char) or (word and _ideograph(word[-1])):
            if word or space:
                words.append((word, space))
            word, space = "", ""
        word += char
    if word or space:
        words.append((word, space))
    return words


def _line_count(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many lines `text` takes at `size` pt in a box whose inner width is `width` inches (greedy wrapping)."""
    scale = size / 72 * (1.0 if bold else _REGULAR)
    room = width * _SAFETY
    lines, used = 1, 0.0
    for word, space in _words(text):
        length = sum(map(_em, word)) * scale
        if used and used + length > room:
            lines, used = lines + 1, 0.0
        if length > room:  # a word longer than the line breaks between characters
            for char in word:
                step = _em(char) * scale
                if used and used + step > room:
                    lines, used = lines + 1, 0.0
                used += step
        else:
            used += length
        used += sum(map(_em, space)) * scale
    return lines


@dataclass(frozen=True)
class Run:
    text: str
    colour: RGBColor = DARK
    bold: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph to fit: it starts at `size` pt and may shrink to `least`; `cut` lets it lose words at the end."""

    runs: tuple[Run, ...]
    size: float
    least: float
    cut: bool = False
    most: int = 0  # if set (with `cut`), the paragraph is cut to at most this many lines before anything shrinks
    early: float = 0.0  # if set, the paragraph first shrinks alone, down to this size, before all shrink together
    before: float = 0.0  # pt of space before, scaled with the size
    bullet: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def bold(self) -> bool:
        return any(run.bold for run in self.runs)


def para(text: str, size: float, least: float | None = None, *, colour: RGBColor = DARK, bold: bool = False,
         **options: Any) -> Para:
    """One paragraph of one style; `text` is made safe for XML here."""
    return Para((Run(fmt.xml_safe(text), colour, bold),), size, size if least is None else least, **options)


def _indent(paragraph: Para, size: float) -> float:
    """Inches a bulleted paragraph's text starts right of the box's inner edge (must match _bullet)."""
    return 1.1 * size / 72 if paragraph.bullet else 0.0


def _lines(paragraph: Para, size: float, width: float) -> int:
    return _line_count(paragraph.text, size, width - _indent(paragraph, size), paragraph.bold)


def _height(paragraphs: Sequence[Para], sizes: Sequence[float], width: float) -> float:
    """The inches the paragraphs take at these sizes in a box of inner width `width`."""
    total = 0.0
    for i, (paragraph, size) in enumerate(zip(paragraphs, sizes, strict=False)):
        lines = _lines(paragraph, size, width)
        if paragraph.cut and paragraph.most:
            lines = min(lines, paragraph.most)
        total += lines * size * LINE / 72 + (paragraph.before * size / paragraph.size / 72 if i else 0.0)
    return total


def _with_ellipsis(paragraph: Para, keep: int) -> Para:
    """The paragraph's first `keep` characters, each run keeping its style, ending with an ellipsis."""
    kept, used = [], 0
    for run in paragraph.runs:
        part = run.text[: max(0, keep - used)]
        used += len(run.text)
        if part:
            kept.append(run if part == run.text else Run(part, run.colour, run.bold))
    if not kept:
        kept = [Run("", paragraph.runs[0].colour if paragraph.runs else DARK)]
    last = kept[-1]
    if not last.text.endswith(ELLIPSIS):
        kept[-1] = Run(last.text.rstrip() + ELLIPSIS, last.colour, last.bold)
    return replace(paragraph, runs=tuple(kept))


def _shorten(paragraph: Para, size: float, width: float, lines: int) -> Para:
    """The paragraph cut at the end, with an ellipsis, to fit in `lines` lines: the longest prefix that does."""
    text = paragraph.text

    def fits(k: int) -> bool:
        return _lines(replace(paragraph, runs=(Run(text[:k].rstrip() + ELLIPSIS, bold=paragraph.bold),)), size,
                      width) <= lines

    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    space = text.rfind(" ", 0, low + 1)
    return _with_ellipsis(paragraph, space if 0 < space and low - space < 20 else low)  # a whole word if one is near


def _shrink(boxes: Sequence[Sequence[Para]], width: float, height: float) -> list[float]:
    """One size per paragraph position, shared by all the boxes (the cells of a grid), for each box to fit.

    First the paragraphs that shrink early shrink alone; then all shrink together, each no lower than its floor.
    """
    model = max(boxes, key=len)
    start = [p.size for p in model]
    sizes = start
    for floors in ([max(p.least, p.early) if p.early else p.size for p in model], [p.least for p in model]):
        scale = 1.0
        while any(s > floor for s, floor in zip(sizes, floors, strict=True)) and any(
                _height(box, sizes, width) > height for box in boxes):
            scale -= 0.025
            sizes = [max(floor, round(size * scale * 2) / 2) for size, floor in zip(start, floors, strict=True)]
        start = sizes
    return sizes


def _cut(paragraphs: Sequence[Para], sizes: Sequence[float], width: float, height: float) -> list[Para]:
    """The paragraphs, those that may be cut shortened until they fit the box at these sizes.

    First a paragraph longer than its `most` lines is cut to them; then the paragraphs that may be cut lose their
    last line, the longest first; then, in a list of such paragraphs, the last ones go (the one before them ends
    in an ellipsis). A paragraph that may not be cut (a value, a source) is never changed: if it alone overflows,
    the viewer's autofit shrinks it further.
    """
    paragraphs = [_shorten(p, s, width, p.most) if p.cut and p.most and _lines(p, s, width) > p.most else p
                  for p, s in zip(paragraphs, sizes, strict=False)]
    while _height(paragraphs, sizes, width) > height:
        counts = [_lines(p, s, width) if p.cut else 0 for p, s in zip(paragraphs, sizes, strict=False)]
        if max(counts, default=0) > 1:
            i = counts.index(max(counts))
            paragraphs[i] = _shorten(paragraphs[i], sizes[i], width, counts[i] - 1)
        elif len(paragraphs) > 2 and paragraphs[-1].cut and paragraphs[-2].cut:
            paragraphs.pop()
            paragraphs[-1] = _with_ellipsis(paragraphs[-1], 0)  # a line of its own: '…', more is left out
        else:
            break
    return paragraphs


def fit(boxes: Sequence[Sequence[Para]], width: float, height: float) -> list[tuple[list[Para], list[float]]]:
    """For boxes of `width` x `height` inches, the paragraphs (some perhaps shortened) and their sizes in pt.

    Boxes fitted together (a grid's cells) share their sizes: the label of every cell the same size, and so on.
    """
    inner_w, inner_h = width - 2 * INSET_X, height - 2 * INSET_Y
    sizes = _shrink(boxes, inner_w, inner_h)
    cut = [_cut(box, sizes, inner_w, inner_h) for box in boxes]
    return [(box, sizes[: len(box)]) for box in cut]


def _set_font(run, size: float, colour: RGBColor, bold: bool) -> None:
    font = run.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = colour
    properties = run._r.get_or_add_rPr()
    latin = properties.find(qn("a:latin"))
    for tag in ("a:ea", "a:cs"):  # East Asian (Chinese) and complex-script text in the same font
        element = properties.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            latin.addnext(element)
            latin = element
        element.set("typeface", FONT)
    if _CJK.search(run.text):
        properties.set("lang", "zh-CN")
        properties.set("altLang", "en-US")


def _bullet(paragraph: _Paragraph, size: float, colour: RGBColor) -> None:
    properties = paragraph._p.get_or_add_pPr()
    indent = Inches(1.1 * size / 72)
    properties.set("marL", str(indent))
    properties.set("indent", str(-indent))
    colour_element = OxmlElement("a:buClr")
    colour_element.append(OxmlElement("a:srgbClr"))
    colour_element[0].set("val", str(colour))
    font = OxmlElement("a:buFont")
    font.set("typeface", "Arial")
    char = OxmlElement("a:buChar")
    char.set("char", "•")
    properties.extend([colour_element, font, char])


def text_box(slide: PptxSlide, x: float, y: float, w: float, h: float, paragraphs: Iterable[Para],
             anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    """A text box at (x, y), w x h inches, holding the paragraphs at sizes that fit it."""
    _write(slide, x, y, w, h, *fit([list(paragraphs)], w, h)[0], anchor)


def _write(slide: PptxSlide, x: float, y: float, w: float, h: float, fitted: Sequence[Para],
           sizes: Sequence[float], anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    shape = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(INSET_X)
    frame.margin_top = frame.margin_bottom = Inches(INSET_Y)
    for i, (paragraph, size) in enumerate(zip(fitted, sizes, strict=True)):
        target = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        target.line_spacing = SPACING
        if i and paragraph.before:
            target.space_before = Pt(round(paragraph.before * size / paragraph.size, 1))
        if paragraph.bullet:
            _bullet(target, size, ACCENT)
        for part in paragraph.runs:
            run = target.add_run()
            run.text = part.text
            _set_font(run, size, part.colour, part.bold)


def _picture(slide: PptxSlide, where: deck.Locator | None, x: float, y: float, w: float, h: float) -> None:
    if where is not None:
        slide.shapes.add_picture(io.BytesIO(locator.png(where, w, h)), Inches(x), Inches(y), Inches(w), Inches(h))


def _rule(slide: PptxSlide, x: float, y: float, w: float, h: float) -> None:
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    bar.shadow.inherit = False


FULL = 13.333 - 2 * MARGIN


def _title(slide: PptxSlide, item: deck.Slide) -> None:
    _rule(slide, MARGIN + INSET_X, 0.95, 1.4, 0.08)
    text_box(slide, MARGIN, 1.1, FULL, 1.2, [para(item.title, 44, 28, bold=True, cut=True)], MSO_ANCHOR.BOTTOM)
    text_box(slide, MARGIN, 2.35, FULL, 0.95, [para(item.subtitle, 24, 16, cut=True)])
    text_box(slide, MARGIN, 3.35, FULL, 0.5, [para(item.place, 18, 14, colour=GREY, cut=True)])
    # What is in view, then the filters: one column, or two when there are many lines (all at one size).
    lines = [para(line, 20, 12, cut=True, before=6) for line in item.lines]
    columns = [lines] if len(lines) <= 6 else [lines[: (len(lines) + 1) // 2], lines[(len(lines) + 1) // 2:]]
    width = FULL if len(columns) == 1 else (FULL - 0.3) / 2
    for i, (fitted, sizes) in enumerate(fit(columns, width, 3.1)):
        _write(slide, MARGIN + i * (width + 0.3), 4.05, width, 3.1, fitted, sizes)


def _event(line: str) -> Para:
    """'date — event' with the date in the accent colour."""
    line = fmt.xml_safe(line)
    date, dash, event = line.partition(" — ")
    runs = (Run(date + dash, ACCENT), Run(event)) if dash else (Run(line),)
    return Para(runs, 18, 11, cut=True, before=10, bullet=True)


def _national(slide: PptxSlide, item: deck.Slide) -> None:
    text_box(slide, MARGIN, 0.4, FULL, 0.8, [para(item.title, 36, 24, bold=True, cut=True)])
    text_box(slide, MARGIN, 1.2, FULL, 0.45, [para(item.place, 20, 14, colour=GREY, cut=True)])
    text_box(slide, MARGIN, 1.85, 6.3, 4.85, [_event(line) for line in item.lines])
    _picture(slide, item.locator, 7.25, 1.85, 5.48, 3.9)
    text_box(slide, MARGIN, 6.85, FULL, 0.4, [para(item.footer, 14, 10, colour=GREY, cut=True)])


CELL_W, CELL_H, GAP = 3.75, 1.85, 0.2  # a figure's cell in the grid, inches


def _figure(figure: deck.DeckFigure) -> list[Para]:
    """A figure's paragraphs: the label, the value as written, then when and the source, on one line if they fit."""
    when, source = fmt.xml_safe(figure.when), fmt.xml_safe(figure.source)
    paragraphs = [para(figure.label, 16, 12, cut=True, most=4),
                  para(figure.value, 32, 14, colour=ACCENT, bold=True, before=3, early=20)]
    together = f"{when} · {source}" if when and source else when or source
    if not together:
        return paragraphs
    if _line_count(together, 12, CELL_W - 0.1 - 2 * INSET_X) == 1:
        return [*paragraphs, para(together, 12, 10, colour=GREY, before=4)]
    return [*paragraphs, para(when, 12, 10, colour=GREY, before=4), para(source, 12, 10, colour=GREY)]


def _grid(slide: PptxSlide, figures: Sequence[deck.DeckFigure], left: float, top: float) -> None:
    """The figures in a 2 x 2 grid, each part (label, value, source) at one size in every cell."""
    cells = [_figure(figure) for figure in figures[: deck.FIGURES_PER_SLIDE]]
    w = CELL_W - 0.1
    for i, (fitted, sizes) in enumerate(fit(cells, w, CELL_H) if cells else []):
        x, y = left + (i % 2) * (CELL_W + GAP), top + (i // 2) * (CELL_H + GAP)
        _rule(slide, x, y + 0.06, 0.05, CELL_H - 0.12)
        _write(slide, x + 0.1, y, w, CELL_H, fitted, sizes)


def _case(slide: PptxSlide, item: deck.Slide) -> None:
    text_box(slide, MARGIN, 0.28, FULL, 0.74, [para(item.title, 36, 24, bold=True, cut=True)])
    text_box(slide, MARGIN, 1.02, FULL, 0.52, [para(item.subtitle, 24, 16, cut=True)])
    text_box(slide, MARGIN, 1.54, FULL, 0.42, [para(item.place, 18, 12, colour=GREY, cut=True)])
    _grid(slide, item.figures, MARGIN, 2.02)
    _picture(slide, item.locator, 8.55, 2.02, 4.18, 2.98)
    text_box(slide, MARGIN, 5.98, FULL, 0.86, [para(item.sentence, 18, 12, cut=True)])
    text_box(slide, MARGIN, 6.88, FULL, 0.36, [para(item.footer, 12, 9, colour=GREY, cut=True)])


def _closing(slide: PptxSlide, item: deck.Slide) -> None:
    text_box(slide, MARGIN, 0.4, FULL, 0.8, [para(item.title, 36, 24, bold=True, cut=True)])
    text_box(slide, MARGIN, 1.4, FULL, 5.3, [para(line, 16, 10, cut=True, before=10) for line in item.lines])
    text_box(slide, MARGIN, 6.85, FULL, 0.4, [para(item.footer, 14, 10, colour=GREY, cut=True)])


_LAYOUTS = {"title": _title, "national": _national, "case": _case, "closing": _closing}


def pptx_bytes(slides: tuple[deck.Slide, ...]) -> bytes:
    """The deck as a .pptx file: one 16:9 slide per Slide, in order, with the Slide's notes in the notes pane."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    blank = next(layout for layout in presentation.slide_layouts if layout.name == "Blank")
    for item in slides:
        if item.kind not in _LAYOUTS:
            raise ValueError(f"unknown slide kind {item.kind!r}")
        slide = presentation.slides.add_slide(blank)
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = WHITE
        _LAYOUTS[item.kind](slide, item)
        if item.notes:
            slide.notes_slide.notes_text_frame.text = "\n\n".join(fmt.xml_safe(note) for note in item.notes)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
