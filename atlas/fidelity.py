"""Is a quote really in its document, and is a figure's value really written in its quote?

These two checks are the dataset's core promise: a figure on screen is the source's own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from atlas import fonts
from atlas.fold import normalise
from atlas.store import NATIONAL, Problem, is_national

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


def _spelled(spelling: str, text: str) -> bool:
    if spelling[0].isdigit() or spelling[0] == ".":
        pattern = rf"(?<![\d.,]){re.escape(spelling)}(?![\d]|[.,]\d)"
    else:
        pattern = rf"(?i)\b{re.escape(spelling)}\b"
    return bool(re.search(pattern, text))


def value_in_quote(value: float, quote: str) -> bool:
    text = normalise(quote)
    return any(_spelled(spelling, text) for spelling in value_spellings(value))


def in_digits(value: float, quote: str) -> bool:
    """Whether the quote writes the value in digits ('1,147', '37.2'), not only in words."""
    text = normalise(quote)
    return any(_spelled(spelling, text) for spelling in value_spellings(value) if not spelling[0].isalpha())


_CARDINAL_WORDS = frozenset([*_CARDINALS, "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                            "hundred", "thousand"])


def value_words_problem(value: float, quote: str, written: str, count: bool, unit: str = "") -> str:
    """Why a value stated in words is not accepted ('' when it is). A number word states a figure only where the
    record says how the text writes it (`written`) and, for a cardinal ("eight core nodes"), that it is a count;
    a number word joined to a noun ("thousand-kilometer line", "ten-million-piece") names a class, not a value."""
    text = normalise(quote)
    if written and normalise(written) not in text:
        return f"written “{written}” is not in the quote"
    if in_digits(value, quote):
        return ""
    if not value_in_quote(value, quote):
        return f"{value:g} is not written in its quote"
    if not written:
        return f"{value:g} is written in words: give them as `written`"
    words = set(re.findall(r"[a-z]+", written.lower()))
    if re.search(r"\b(?:" + "|".join(sorted(_CARDINAL_WORDS)) + r")-[a-z]", written.lower()):
        return f"“{written}” names a class, not a value"
    # A count ("eight core nodes"), a multiple ("more than five times") or a span of time ("only three days").
    if words & _CARDINAL_WORDS and not count and unit not in ("times", "days", "months", "years"):
        return f"“{written}” is a number word: a figure only if it is a count (`count: true`)"
    return ""


def date_problem(kind: str, when: str, basis: str, words: str, paragraph: str, document_date: str) -> str:
    """Why a record's date is not what its text supports ('' when it is)."""
    if basis == "not-given":
        if kind == "events":
            return "an event needs a date its text states or implies"
        if when not in (document_date, document_date[:4]):
            return f"the text gives no date, so the record carries the document's date ({document_date})"
        return ""
    if paragraph and normalise(words) not in normalise(paragraph):
        return f"date_words “{words}” are not in the quote's paragraph or those before it under its heading"
    if basis == "stated" and when[:4] not in words:
        return f"date_words “{words}” do not state the year {when[:4]}"
    return ""


def curation_problems(atlas, data_dir: Path) -> list[Problem]:
    """Every record has a verdict in the curation log (data/curation/), and the log names no record twice."""
    from atlas import curation

    log, problems = curation.load(data_dir)
    ids = set(atlas.metrics["id"]) | set(atlas.events["id"])
    for record_id in sorted(ids - set(log)):
        problems.append(Problem("data/curation", record_id, "verdict", "has no verdict in the curation log"))
    for record_id, entry in log.items():
        if entry.verdict == "removed" and record_id in ids:
            problems.append(Problem(entry.file, record_id, "verdict", "logged as removed but still in the data"))
        elif entry.verdict not in ("removed", "moved") and record_id not in ids:
            problems.append(Problem(entry.file, record_id, "id", "no record has this id"))
    return problems


def audit(atlas, seeds: Path, data_dir: Path | None = None) -> list:
    """Checks across files that the schema alone cannot make: quotes, values, sentences, dates, sections,
    counts, and a verdict for every record."""
    from atlas import store, trail

    problems: list[Problem] = curation_problems(atlas, data_dir or store.DATA_DIR)
    files = dict(zip(atlas.cases["case_id"], atlas.cases["file"], strict=True))
    documents = {row.source_id: seeds / row.seed for row in atlas.sources.itertuples()}
    parts = dict(zip(atlas.sources["source_id"], atlas.sources["parts"], strict=True))
    dates_of = dict(zip(atlas.sources["source_id"], atlas.sources["date"], strict=True))
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
            if kind == "metrics" and (
                    why := value_words_problem(row.value, row.quote, row.written, row.count, row.unit)):
                problems.append(Problem(file, record, "value", why))
            if kind == "places":
                continue
            found = atlas.trails.get(row.id)
            if found is not None:
                if normalise(row.quote) not in normalise(found.sentence):
                    problems.append(Problem(file, record, "quote", "its computed sentence does not hold it"))
                elif why := trail.broken(found):
                    problems.append(Problem(file, record, "quote", f"its computed sentence {why}"))
            paragraph = trail.passage(documents[row.source_id], parts.get(row.source_id, ()), found.line) \
                if found is not None else ""
            when = row.as_of if kind == "metrics" else row.date
            if why := date_problem(kind, when, row.date_basis, row.date_words, paragraph,
                                   dates_of.get(row.source_id, "")):
                problems.append(Problem(file, record, "date_basis", why))

    sections = atlas.cases["section"].value_counts()
    for n in range(1, 11):
        count = int(sections.get(f"5.{n}", 0))
        if count != 1:
            problems.append(Problem("data/cases", f"section 5.{n}", "section",
                                    f"expected one case file, found {count}"))
    text = "".join(str(v) for table in (atlas.cases, atlas.metrics, atlas.events, atlas.places, atlas.organisations,
                                        atlas.context, atlas.sources.drop(columns=["parts"]))
                   for v in table.to_numpy().ravel())
    lacking = fonts.missing(text)
    if lacking:
        problems.append(Problem("data", "", "", f"the deck's font has no glyph for {''.join(sorted(lacking))!r}; "
                                                "rebuild it with `make font`"))
    counts = atlas.metrics[~is_national(atlas.metrics["case_id"])].groupby("case_id").size()
    for case_id, file in files.items():
        if counts.get(case_id, 0) < 5:
            problems.append(Problem(file, "", "metrics", f"has {counts.get(case_id, 0)} figures; at least 5 expected"))
    return problems
