"""Build the committed Chinese fonts: `python -m fonts.build [OUTPUT_FOLDER]` (default assets/fonts/).

Reads the Simplified Chinese Regular and Bold faces of Noto Sans CJK from Debian's fonts-noto-cjk collections,
keeps only the characters the atlas can show (every character in data/, the fixture data and atlas/text.py, plus
printable ASCII, Latin-1 and typographic punctuation), converts the CFF outlines to TrueType `glyf` outlines
(cu2qu) so that fpdf2 can embed and subset them, and writes NotoSansSC-Subset-{Regular,Bold}.ttf and OFL.txt.
The output is the same bytes on every run: sorted inputs, fixed timestamps, no build date anywhere.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "assets" / "fonts"
NOTO = Path("/usr/share/fonts/opentype/noto")
SOURCES = {"Regular": NOTO / "NotoSansCJK-Regular.ttc", "Bold": NOTO / "NotoSansCJK-Bold.ttc"}
FAMILY = "Noto Sans CJK SC"  # the Simplified Chinese face of each collection, by its name table
NEW_FAMILY = "Noto Sans SC Subset"
LICENCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")
# Text the fonts must cover: the curated data, the invented fixture data the tests render, the interface strings.
TEXT_FOLDERS = ("data", "tests/fixtures/data")
TEXT_FILES = ("atlas/text.py",)
EXTRA = "“”‘’–—…·•§→←×°"
# The deck writes these among English words ('Anhui · Hefei', a label cut with '…'): the SC face maps them to
# full-width, centred forms, so they take the collection's own proportional glyphs instead: those the JP face
# maps them to, or those its 'pwid' (proportional widths) feature substitutes for them.
WESTERN = "·•…"
MAX_ERR = 1.0  # font units (of 1,000 to the em): how far a quadratic curve may stray from the cubic
# Tables the PDF never reads: layout (fpdf2 lays out without shaping), vertical metrics, CFF leftovers.
DROP = ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG", "hdmx", "LTSH", "VDMX"]


def text_files(root: Path = ROOT) -> list[Path]:
    """Every file whose characters the fonts must have, in a fixed order."""
    files = [path for folder in TEXT_FOLDERS for path in (root / folder).rglob("*") if path.is_file()]
    return sorted(files + [root / name for name in TEXT_FILES])


def shown(text: str) -> set[str]:
    """The characters of `text` a font must draw: not whitespace, not control or format characters."""
    return {c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf", "Cs")}


def characters(root: Path = ROOT) -> list[int]:
    chars = set(EXTRA)
    chars.update(chr(code) for code in range(0x20, 0x7F))  # printable ASCII
    chars.update(chr(code) for code in range(0xA0, 0x100))  # Latin-1 Supplement
    for path in text_files(root):
        chars |= shown(path.read_text(encoding="utf-8"))
    return sorted(ord(c) for c in chars)


def _face(collection: Path) -> TTFont:
    faces = {font["name"].getDebugName(1): font for font in TTCollection(str(collection)).fonts}
    if FAMILY not in faces:
        raise SystemExit(f"{collection}: no face named {FAMILY!r}")
    font = faces[FAMILY]
    latin = _proportional(faces["Noto Sans CJK JP"])
    glyphs = set(font.getGlyphOrder())
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update({ord(c): latin[c] for c in WESTERN if latin[c] in glyphs})
    return font


def _proportional(face: TTFont) -> dict[str, str]:
    """The glyph `face` draws each WESTERN character with, after its 'pwid' substitutions."""
    cmap = face.getBestCmap()
    chosen = {c: cmap[ord(c)] for c in WESTERN}
    gsub = face["GSUB"].table
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag != "pwid":
            continue
        for index in record.Feature.LookupListIndex:
            for table in gsub.LookupList.Lookup[index].SubTable:
                mapping = getattr(getattr(table, "ExtSubTable", table), "mapping", None) or {}
                chosen = {c: mapping.get(glyph, glyph) for c, glyph in chosen.items()}
    return chosen


def _subset(font: TTFont, unicodes: list[int]) -> None:
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += DROP
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)


def _to_truetype(font: TTFont) -> None:
    """CFF outlines to `glyf` (fontTools' otf2ttf snippet): cubic curves become quadratic ones within MAX_ERR."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont, style: str) -> None:
    """A subset is a Modified Version under the OFL: give it a name of its own (the reserved name is 'Source')."""
    postscript = f"{NEW_FAMILY.replace(' ', '')}-{style}".replace("SCSubset", "SC-Subset")
    version = font["name"].getDebugName(5) or ""
    names = {1: NEW_FAMILY, 2: style, 3: f"{postscript};{version}", 4: f"{NEW_FAMILY} {style}", 6: postscript}
    table = font["name"]
    table.names = [record for record in table.names if record.nameID not in names]
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
    table.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))


def build_face(collection: Path, style: str, unicodes: list[int]) -> TTFont:
    font = _face(collection)
    _subset(font, unicodes)
    _to_truetype(font)
    _rename(font, style)
    head = font["head"]
    head.modified = head.created  # the source face's own date, never the build's
    return font


def licence_text(notice: str, copyright_file: Path = LICENCE) -> str:
    """The SIL Open Font License 1.1 from Debian's copyright file, below `notice` (the fonts' own copyright)."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    # The stand-alone 'License: SIL-1.1' paragraph: the one whose next line opens the licence's text.
    start = next(i for i, line in enumerate(lines[:-1], 1)
                 if line == "License: SIL-1.1" and lines[i].startswith(" ---"))
    body = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    header = [notice,
              "Subset and converted to TrueType outlines by fonts/build.py (NQP Atlas); the subset is named "
              f"'{NEW_FAMILY}'.", "",
              "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
              "This license is copied below, and is also available with a FAQ at: https://openfontlicense.org", ""]
    return "\n".join(header + body).rstrip() + "\n"


def build(output: Path = OUTPUT) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    unicodes = characters()
    written, notice = [], ""
    for style, collection in SOURCES.items():
        font = build_face(collection, style, unicodes)
        notice = font["name"].getDebugName(0) or ""
        font.recalcTimestamp = False
        path = output / f"NotoSansSC-Subset-{style}.ttf"
        font.save(str(path), reorderTables=True)
        written.append(path)
    licence = output / "OFL.txt"
    licence.write_text(licence_text(notice), encoding="utf-8")
    return [*written, licence]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fonts.build", description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUTPUT, help="folder to write to (assets/fonts)")
    args = parser.parse_args(argv)
    for path in build(args.output):
        print(f"{path}: {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
