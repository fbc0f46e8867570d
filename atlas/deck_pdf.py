"""The deck as a PDF: one 16:9 page per Slide of atlas/deck.py, in order, with fpdf2 (no browser, no network).

Text is set in Noto Sans SC (atlas/fonts.py), embedded and subset by fpdf2, so Chinese reads as Chinese on any
laptop. Every block of text has a box it must stay in: a long value shrinks (its words are never changed), a long
label or sentence is cut with an ellipsis, so nothing overlaps or runs off the page whatever the data holds.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import WrapMode

from atlas import fonts, locator
from atlas import format as fmt
from atlas.deck import DeckFigure, Locator, Slide

PT = 25.4 / 72  # millimetres to the point
WIDTH, HEIGHT = 960 * PT, 540 * PT  # 338.67 mm x 190.5 mm: 13.333 x 7.5 in, 16:9
MARGIN = 18.0
TOP = 13.0
CONTENT = WIDTH - 2 * MARGIN
BOTTOM = HEIGHT - 8.0  # the last baseline band: footer and slide number
LEADING = 1.22  # line height as a multiple of the font size
FAMILY = "NotoSansSC"
TEXT, VALUE, SECONDARY, RULE = (0x1B, 0x1F, 0x24), (0x0B, 0x53, 0x94), (0x5F, 0x6B, 0x76), (0xD5, 0xDA, 0xE0)
ELLIPSIS = "…"
MAP_ASPECT = (54.0 - 17.5) * 1.22 / (135.5 - 73.0)  # height / width of the locator's map (atlas/locator.py)


def _clean(text: object) -> str:
    """Data text as it may be set: XML-forbidden characters (NUL, vertical tab) become spaces; one line."""
    return " ".join(fmt.xml_safe(text).split())


@dataclass(frozen=True)
class _Block:
    lines: tuple[str, ...]
    size: float
    bold: bool

    @property
    def line_height(self) -> float:
        return self.size * PT * LEADING

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


class _Page:
    """Drawing helpers on one fpdf2 document, in millimetres from the top left."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf

    def _font(self, size: float, bold: bool) -> None:
        self.pdf.set_font(FAMILY, "B" if bold else "", size)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        if not text:
            return []
        self._font(size, bold)
        # Words break at spaces; a run with no space to break at (Chinese, a 300-letter word) breaks anywhere.
        lines = self.pdf.multi_cell(width, size * PT, text, dry_run=True, output="LINES", wrapmode=WrapMode.WORD)
        if any(self.pdf.get_string_width(line) > width + 0.01 for line in lines):
            lines = self.pdf.multi_cell(width, size * PT, text, dry_run=True, output="LINES",
                                        wrapmode=WrapMode.CHAR)
        return [line.strip() for line in lines]

    def cut(self, text: str, width: float, size: float, bold: bool = False, max_lines: int = 1) -> _Block:
        """`text` in at most `max_lines` lines, the last ending in an ellipsis if the text does not fit."""
        lines = self.wrap(text, width, size, bold)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            self._font(size, bold)
            while last and self.pdf.get_string_width(last + ELLIPSIS) > width:
                last = last[:-1]
            lines[-1] = last.rstrip(" ,;:·—-") + ELLIPSIS
        return _Block(tuple(lines), size, bold)

    def fit(self, text: str, width: float, height: float, size: float, smallest: float, bold: bool = False,
            max_lines: int | None = None) -> _Block:
        """The largest size from `size` down to `smallest` at which `text` fits `height` (and `max_lines`);
        cut with an ellipsis at `smallest` if even that does not fit."""
        step = size
        while step >= smallest:
            lines = self.wrap(text, width, step, bold)
            block = _Block(tuple(lines), step, bold)
            if block.height <= height + 0.01 and (max_lines is None or len(lines) <= max_lines):
                return block
            step = round(step - 1, 2)
        rows = max(1, int((height + 0.01) // (smallest * PT * LEADING)))
        return self.cut(text, width, smallest, bold, min(rows, max_lines or rows))

    def shrink(self, text: str, width: float, height: float, size: float, max_lines: int,
               bold: bool = False) -> _Block:
        """Never cut, never reworded: the size goes down until the whole text fits the box."""
        step = size
        while True:
            block = _Block(tuple(self.wrap(text, width, step, bold)), step, bold)
            fits = block.height <= height + 0.01
            if (fits and len(block.lines) <= max_lines) or step <= 4:
                return block
            if step <= 12 and fits:  # small enough to read: more lines rather than smaller still
                return block
            step = round(step - 0.5, 2)

    def draw(self, block: _Block, x: float, y: float, width: float, color: tuple[int, int, int],
             align: str = "L") -> float:
        """Draw `block` with its first line's top at `y`; returns the y below it."""
        self._font(block.size, block.bold)
        self.pdf.set_text_color(*color)
        for line in block.lines:
            self.pdf.set_xy(x, y)
            self.pdf.cell(width, block.line_height, line, align=align)
            y += block.line_height
        return y

    def rule(self, x: float, y: float, width: float, color: tuple[int, int, int] = RULE,
             weight: float = 0.35) -> None:
        self.pdf.set_draw_color(*color)
        self.pdf.set_line_width(weight)
        self.pdf.line(x, y, x + width, y)

    def map(self, where: Locator | None, x: float, y: float, width: float, height: float) -> None:
        """The locator map, as large as fits the box, centred across it and at its top."""
        if where is None or width <= 0 or height <= 0:
            return
        w = min(width, height / MAP_ASPECT)
        h = w * MAP_ASPECT
        png = locator.png(where, round(w / 25.4, 2), round(h / 25.4, 2))
        self.pdf.image(io.BytesIO(png), x=x + (width - w) / 2, y=y, w=w, h=h)

    def bottom(self, footer: str, number: int, total: int, size: float = 10) -> None:
        """The footer at the bottom left and 'n / N' at the bottom right, on one band."""
        label = f"{number} / {total}"
        self._font(10, False)
        number_width = self.pdf.get_string_width(label) + 1
        line_height = max(size, 10) * PT * LEADING
        y = BOTTOM - line_height
        self.draw(_Block((label,), 10, False), WIDTH - MARGIN - number_width, y, number_width, SECONDARY, "R")
        if footer:
            block = self.cut(footer, CONTENT - number_width - 8, size)
            self.draw(block, MARGIN, BOTTOM - block.line_height, CONTENT - number_width - 8, SECONDARY)

    @staticmethod
    def top(size: float) -> float:
        """The y above which body text must stop to leave the footer band (`size` pt) free."""
        return BOTTOM - max(size, 10) * PT * LEADING - 4


def _title(page: _Page, slide: Slide) -> None:
    """Title, subtitle, date and what is in view on the left, a little above the middle; the agenda (the
    slide's other lines) down the right, in one size, the largest from 18 pt down to 12 pt at which it fits."""
    agenda = [_clean(line) for line in slide.lines[1:]]
    width = CONTENT * (0.56 if agenda else 0.8)
    title = page.fit(_clean(slide.title), width, 2 * 40 * PT * LEADING, 40, 28, bold=True, max_lines=2)
    subtitle = page.fit(_clean(slide.subtitle), width, 3 * 22 * PT * LEADING, 22, 16, max_lines=3)
    date = page.cut(_clean(slide.place), width, 16)
    in_view = page.cut(_clean(slide.lines[0]), width, 18, max_lines=3) if slide.lines else _Block((), 18, False)
    height = title.height + 3 + subtitle.height + 3 + date.height + 8 + in_view.height
    y = max(24.0, (HEIGHT - height) / 2 - 6)
    page.pdf.set_fill_color(*VALUE)
    page.pdf.rect(MARGIN, y - 9, 28, 2.2, style="F")
    y = page.draw(title, MARGIN, y, width, TEXT)
    y = page.draw(subtitle, MARGIN, y + 3, width, TEXT)
    y = page.draw(date, MARGIN, y + 3, width, SECONDARY) + 8
    page.draw(in_view, MARGIN, y, width, TEXT)
    if not agenda:
        return
    x = MARGIN + width + 12
    column = WIDTH - MARGIN - x
    room = page.top(10) - 24
    size, gap = 18.0, 1.8
    while True:  # one line each if that can be had at 13 pt or more
        blocks = [page.cut(line, column, size, max_lines=2) for line in agenda]
        height = sum(block.height + gap for block in blocks) - gap
        single = all(len(block.lines) == 1 for block in blocks)
        if (height <= room and (single or size <= 13)) or size <= 12:
            break
        size -= 1
    while height > room and blocks:  # past 12 pt: the last ones give way to an ellipsis
        blocks = [*blocks[:-2], page.cut(ELLIPSIS, column, size)]
        height = sum(block.height + gap for block in blocks) - gap
    y = max(20.0, (HEIGHT - height) / 2 - 6)
    page.rule(x, y - 4, column, RULE)
    for block in blocks:
        y = page.draw(block, x, y, column, TEXT) + gap


def _heading(page: _Page, slide: Slide, title: float = 32) -> float:
    block = page.fit(_clean(slide.title), CONTENT, 2 * title * PT * LEADING, title, 22, bold=True, max_lines=2)
    return page.draw(block, MARGIN, TOP, CONTENT, TEXT)


def _national(page: _Page, slide: Slide) -> None:
    y = _heading(page, slide)
    y = page.draw(page.cut(_clean(slide.place), CONTENT, 18), MARGIN, y + 0.5, CONTENT, SECONDARY) + 6
    page.rule(MARGIN, y - 3, CONTENT)
    body = y + 2
    limit = page.top(11)
    half = (CONTENT - 12) / 2
    lines = [_clean(line) for line in slide.lines]
    gap = 4.0
    size = 16.0
    while True:  # one size for every event: the largest at which they all fit
        blocks = [page.cut(line, half - 5, size, max_lines=3) for line in lines]
        if sum(b.height + gap for b in blocks) <= limit - body or size <= 11:
            break
        size -= 1
    y = body
    for block in blocks:
        if y + block.height > limit:
            break
        page.rule(MARGIN, y + block.line_height / 2, 2.5, VALUE, 1.2)
        y = page.draw(block, MARGIN + 5, y, half - 5, TEXT) + gap
    page.map(slide.locator, MARGIN + half + 12, body, half, limit - body)


def _figure(page: _Page, figure: DeckFigure, x: float, y: float, width: float, height: float) -> None:
    """One figure card: its label (three lines at most), its value (shrunk to fit, never cut), when and source."""
    page.rule(x, y, width, VALUE, 0.6)
    y += 2.5
    label = page.cut(_clean(figure.label), width, 13, max_lines=3)
    source = " · ".join(part for part in (_clean(figure.when), _clean(figure.source)) if part)
    note = page.cut(source, width, 10, max_lines=2)
    room = height - 2.5 - label.height - note.height - 4
    value = page.shrink(_clean(figure.value), width, room, 26, 2, bold=True)
    y = page.draw(label, x, y, width, TEXT) + 1
    y = page.draw(value, x, y, width, VALUE) + 1
    page.draw(note, x, y, width, SECONDARY)


def _case(page: _Page, slide: Slide) -> None:
    y = _heading(page, slide)
    if slide.subtitle:
        block = page.fit(_clean(slide.subtitle), CONTENT, 22 * PT * LEADING, 22, 14)
        y = page.draw(block, MARGIN, y + 1.5, CONTENT, TEXT)
    y = page.draw(page.cut(_clean(slide.place), CONTENT, 14), MARGIN, y + 0.5, CONTENT, SECONDARY) + 5
    limit = page.top(10)
    sentence = page.fit(_clean(slide.sentence), CONTENT, 3 * 14 * PT * LEADING, 14, 12, max_lines=3)
    sentence_top = limit - sentence.height
    page.draw(sentence, MARGIN, sentence_top, CONTENT, TEXT)
    grid_bottom = sentence_top - 5
    left = CONTENT * 0.6
    column = (left - 8) / 2
    figures = slide.figures[:4]
    rows = 2 if len(figures) > 2 else 1
    row_height = (grid_bottom - y - 5 * (rows - 1)) / rows
    for index, figure in enumerate(figures):
        row, col = divmod(index, 2)
        _figure(page, figure, MARGIN + col * (column + 8), y + row * (row_height + 5), column, row_height)
    page.map(slide.locator, MARGIN + left + 8, y, CONTENT - left - 8, grid_bottom - y)


def _closing(page: _Page, slide: Slide) -> None:
    """The documents, one to an item, 13 pt (down to 10 pt if many), in lines short enough to read."""
    y = _heading(page, slide) + 6
    limit = page.top(12)
    width = CONTENT * 0.8 - 5
    lines = [_clean(line) for line in slide.lines]
    size, gap = 13.0, 5.0
    while True:
        total = sum(len(page.wrap(line, width, size)) * size * PT * LEADING + gap for line in lines)
        if total <= limit - y or size <= 10:
            break
        size -= 0.5
    for line in lines:
        room = limit - y
        if room < size * PT * LEADING:
            break
        block = page.fit(line, width, room, size, size)
        page.rule(MARGIN, y + block.line_height / 2, 2.5, VALUE, 1.2)
        y = page.draw(block, MARGIN + 5, y, width, TEXT) + gap


LAYOUTS = {"title": _title, "national": _national, "case": _case, "closing": _closing}
FOOTER_SIZE = {"title": 10, "national": 11, "case": 10, "closing": 12}


def pdf_bytes(slides: tuple[Slide, ...]) -> bytes:
    """The deck as PDF bytes: one page per slide, in order, fonts embedded. Pure: no Streamlit, no network."""
    pdf = FPDF(unit="mm", format=(WIDTH, HEIGHT))
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, TOP, MARGIN)
    pdf.c_margin = 0
    pdf.add_font(FAMILY, "", str(fonts.REGULAR))
    pdf.add_font(FAMILY, "B", str(fonts.BOLD))
    if slides:
        pdf.set_title(_clean(slides[0].title))
    pdf.set_creator("NQP Atlas")
    pdf.set_lang("en")
    page = _Page(pdf)
    for number, slide in enumerate(slides, 1):
        pdf.add_page()
        LAYOUTS.get(slide.kind, _closing)(page, slide)
        page.bottom(_clean(slide.footer), number, len(slides), FOOTER_SIZE.get(slide.kind, 10))
    return bytes(pdf.output())
