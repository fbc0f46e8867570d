"""How text is folded to find a quote in its document: curly quotes to straight ones, runs of spaces to one.

Folding is only for finding: what a reader is shown is the document's own text (atlas/trail.py)."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})


def fold_char(ch: str) -> str:
    """One character folded as normalise() folds it (a curly quote to a straight one)."""
    return ch.translate(_QUOTES)


def normalise(text: str) -> str:
    """Fold curly quotes to straight ones and runs of whitespace to one space."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()
