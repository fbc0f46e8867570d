"""Is a quote really in its document, and is a figure's value really written in its quote?

These two checks are the dataset's core promise: a figure on screen is the source's own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from atlas import fonts
from atlas.store import NATIONAL, ROOT, Problem, is_national

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})

_CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
# Number words a text may use instead of digits ("eight core nodes", "ranks first", "nearly a quarter").
_WORDS: dict[float, list[str]] = {
    **{n: [word] for n, word in enumerate(_CARDINALS, start=1)},
    **{n * 10: [word] for n, word in zip(range(3, 10), ["thirty", "forty", "fifty", "sixty", "seventy",
                                                         "eighty", "ninety"], strict=True)},
    100: ["hundred"], 1000: ["thousand"], 0.25: ["a quarter"], 0.5: ["half"],
}
for _n, _word in enumerate(_ORDINALS, start=1):
    _WORDS[_n].append(_word)


def normalise(text: str) -> str:
    """Fold curly quotes to straight ones and runs of whitespace to one space."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


@lru_cache(maxsize=16)
def _document(path: str) -> str:
    return normalise(Path(path).read_text(encoding="utf-8"))


def quote_in_document(quote: str, document: Path) -> bool:
    return normalise(quote) in _document(str(document))


def value_spellings(value: float) -> list[str]:
    """The ways a text may write this number: 1147 -> '1147', '1,147'; 10 -> 'ten'; 37.2 -> '37.2'."""
    spellings: list[str] = []
    if float(value).is_integer():
        whole = int(value)
        spellings += [str(whole), f"{whole:,}", f"{whole}.0"]
    else:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
        spellings += [text]
        if abs(value) < 1:
            spellings.append(text.lstrip("0") if text.startswith("0.") else text)
    spellings += _WORDS.get(value, [])
    return list(dict.fromkeys(spellings))


def value_in_quote(value: float, quote: str) -> bool:
    text = normalise(quote)
    for spelling in value_spellings(value):
        if spelling[0].isdigit() or spelling[0] == ".":
            pattern = rf"(?<![\d.,]){re.escape(spelling)}(?![\d]|[.,]\d)"
        else:
            pattern = rf"(?i)\b{re.escape(spelling)}\b"
        if re.search(pattern, text):
            return True
    return False


def seeds_dir() -> Path:
    """Where the source documents live: $ATLAS_SEEDS, else ../shared/seeds beside the clone."""
    import os

    return Path(os.environ.get("ATLAS_SEEDS", ROOT.parent / "shared" / "seeds"))


def audit(atlas, seeds: Path) -> list:
    """Checks across files that the schema alone cannot make: quotes, values, sections, counts."""
    problems: list[Problem] = []
    files = dict(zip(atlas.cases["case_id"], atlas.cases["file"], strict=True))
    documents = {row.source_id: seeds / row.seed for row in atlas.sources.itertuples()}
    missing_docs = {sid for sid, path in documents.items() if not path.is_file()}
    for sid in sorted(missing_docs):
        problems.append(Problem("data/sources.yaml", sid, "seed", f"document {documents[sid]} not found"))

    context = atlas.context.assign(case_id=NATIONAL, title=atlas.context["name"])
    for kind, table in (("metrics", atlas.metrics), ("events", atlas.events), ("places", context)):
        position = table.groupby("case_id").cumcount()
        for row, n in zip(table.itertuples(), position, strict=True):
            file = files.get(row.case_id, "data/national.yaml")
            name = getattr(row, "label", None) or row.title
            record = f"{kind}[{n}] {name!r}"
            if row.source_id not in missing_docs and not quote_in_document(row.quote, documents[row.source_id]):
                problems.append(Problem(file, record, "quote",
                                        f"not found verbatim in {documents[row.source_id].name}"))
            if kind == "metrics" and not value_in_quote(row.value, row.quote):
                problems.append(Problem(file, record, "value",
                                        f"{row.value:g} is not written in its quote"))

    sections = atlas.cases["section"].value_counts()
    for n in range(1, 11):
        count = int(sections.get(f"5.{n}", 0))
        if count != 1:
            problems.append(Problem("data/cases", f"section 5.{n}", "section",
                                    f"expected one case file, found {count}"))
    text = "".join(str(v) for table in (atlas.cases, atlas.metrics, atlas.events, atlas.places, atlas.organisations,
                                        atlas.context, atlas.sources) for v in table.to_numpy().ravel())
    lacking = fonts.missing(text)
    if lacking:
        problems.append(Problem("data", "", "", f"the deck's font has no glyph for {''.join(sorted(lacking))!r}; "
                                                "rebuild it with `make font`"))
    counts = atlas.metrics[~is_national(atlas.metrics["case_id"])].groupby("case_id").size()
    for case_id, file in files.items():
        if counts.get(case_id, 0) < 5:
            problems.append(Problem(file, "", "metrics", f"has {counts.get(case_id, 0)} figures; at least 5 expected"))
    return problems
