"""Pydantic models of the curated data: what one case file, one figure, one event may hold.

Checks that need the other files (known provinces, vocabulary, sources) read them from the
validation context, so a model can be validated alone in tests with a small context.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from atlas import dates

Text = Annotated[str, Field(min_length=1)]
# A record's stable id (a figure's permalink uses it): kebab-case, unique across the data (the loader checks).
RecordId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


def _known(info: ValidationInfo, key: str, value: str, what: str) -> str:
    known = (info.context or {}).get(key)
    if known is not None and value not in known:
        raise ValueError(f"unknown {what} {value!r}; known: {', '.join(sorted(known))}")
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Qualifier(StrEnum):
    """The hedge the text puts on a figure: 'over 60' is 60 with qualifier over."""

    exact = "exact"
    over = "over"
    nearly = "nearly"
    about = "about"
    up_to = "up-to"


class Status(StrEnum):
    """Whether a figure is reported as achieved, set as a goal, or forecast."""

    reported = "reported"
    target = "target"
    expected = "expected"


class DateBasis(StrEnum):
    """How a record's date was obtained from its text."""

    stated = "stated"  # the sentence (or its paragraph) writes the date: date_words are those words
    inferred = "inferred"  # worked out from words such as "currently", "last year", "six years ago"
    not_given = "not-given"  # the text gives no date: the record carries the document's date, said so


class Cited(Strict):
    """Anything that carries a source document and the verbatim words that state it."""

    source: Text
    quote: Text


class Dated(Cited):
    """A figure or an event: cited, dated, with how its date was obtained and an optional curator's note."""

    id: RecordId
    date_basis: DateBasis
    # The document's words the date comes from (stated or inferred); empty when the text gives none.
    date_words: str = ""
    # A curator's note in our own words (a doubtful translation, an unclear subject); never changes the value.
    note: str = ""

    @model_validator(mode="after")
    def _date_words(self) -> Dated:
        if self.date_basis is DateBasis.not_given and self.date_words:
            raise ValueError("date_words: leave empty when the text gives no date (date_basis: not-given)")
        if self.date_basis is not DateBasis.not_given and not self.date_words:
            raise ValueError(f"date_words: name the words the date is {self.date_basis.value} from")
        return self

    @field_validator("source")
    @classmethod
    def _source_known(cls, value: str, info: ValidationInfo) -> str:
        return _known(info, "sources", value, "source id")


class Metric(Dated):
    label: Text
    value: float
    # The value as the text writes it where it writes words ("nearly a quarter"): shown instead of the number,
    # which is then derived from these words. Verbatim from the quote.
    written: str = ""
    # The record says it is a count: only then may a cardinal number word ("eight core nodes") state its value.
    count: bool = False
    unit: Text
    qualifier: Qualifier = Qualifier.exact
    status: Status = Status.reported
    as_of: str
    family: str = "other"
    key: bool = False  # one of the two or three figures a case card shows

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value

    @field_validator("as_of", mode="before")
    @classmethod
    def _as_of(cls, value: object) -> str:
        return dates.check(str(value))

    @field_validator("family")
    @classmethod
    def _family(cls, value: str, info: ValidationInfo) -> str:
        return _known(info, "families", value, "figure family")


class Event(Dated):
    date: str
    title: Text

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> str:
        return dates.check(str(value))


class Place(Strict):
    name: Text
    name_zh: str = ""
    city: Text
    district: str = ""
    province: str
    lat: float = Field(ge=17, le=54)
    lon: float = Field(ge=73, le=136)

    @field_validator("province", mode="before")
    @classmethod
    def _province(cls, value: object, info: ValidationInfo) -> str:
        return _known(info, "provinces", str(value), "province code")


class Organisation(Strict):
    name: Text
    name_zh: str = ""
    kind: str = "enterprise"

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        kinds = {"enterprise", "university", "research", "government", "platform", "other"}
        if value not in kinds:
            raise ValueError(f"unknown kind {value!r}; known: {', '.join(sorted(kinds))}")
        return value


class Title(Strict):
    en: Text
    zh: Text


class Case(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    section: Annotated[str, Field(pattern=r"^[1-9][0-9]*\.[1-9][0-9]*$")]  # the audit insists on 5.1-5.10
    title: Title
    short_title: Text
    summary: Text
    provinces: Annotated[list[str], Field(min_length=1)]
    places: Annotated[list[Place], Field(min_length=1)]
    sectors: Annotated[list[str], Field(min_length=1)]
    industry_tier: str
    mechanisms: Annotated[list[str], Field(min_length=1)]
    organisations: list[Organisation] = []
    metrics: Annotated[list[Metric], Field(min_length=1)]
    events: list[Event] = []

    @field_validator("section", mode="before")
    @classmethod
    def _section_text(cls, value: object) -> str:
        # YAML reads 5.10 as the float 5.1; insist on quotes rather than guess.
        if not isinstance(value, str):
            raise ValueError('write the section in quotes, e.g. "5.10"')
        return value

    @field_validator("provinces", mode="before")
    @classmethod
    def _provinces(cls, value: object, info: ValidationInfo) -> list[str]:
        codes = [str(code) for code in value] if isinstance(value, list) else value
        for code in codes if isinstance(codes, list) else []:
            _known(info, "provinces", code, "province code")
        return codes

    @field_validator("sectors")
    @classmethod
    def _sectors(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return [_known(info, "sectors", slug, "sector") for slug in value]

    @field_validator("mechanisms")
    @classmethod
    def _mechanisms(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return [_known(info, "mechanisms", slug, "mechanism") for slug in value]

    @field_validator("industry_tier")
    @classmethod
    def _tier(cls, value: str, info: ValidationInfo) -> str:
        return _known(info, "industry_tiers", value, "industry tier")

    @field_validator("summary")
    @classmethod
    def _summary_length(cls, value: str) -> str:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", value.strip()) if s]
        if not 2 <= len(sentences) <= 4:
            raise ValueError(f"write 2 to 4 sentences (found {len(sentences)})")
        return value

    @model_validator(mode="after")
    def _places_in_provinces(self) -> Case:
        for i, place in enumerate(self.places):
            if place.province not in self.provinces:
                raise ValueError(f"places[{i}] ({place.name}) lies in {place.province}, not in the case's provinces")
        return self


class ContextPlace(Cited):
    """A place the national story names (where the term was first used, a pilot site): a map's context layer."""

    name: Text
    province: str
    lat: float = Field(ge=17, le=54)
    lon: float = Field(ge=73, le=136)
    note: Text

    @field_validator("province", mode="before")
    @classmethod
    def _province(cls, value: object, info: ValidationInfo) -> str:
        return _known(info, "provinces", str(value), "province code")


class NationalData(Strict):
    metrics: list[Metric] = []
    events: list[Event] = []
    places: list[ContextPlace] = []


class Part(Strict):
    """A part of a document that its text gives no heading for (the conclusion, the endnotes): by line range of
    the document file, checked against the document when it loads."""

    name: Text  # "conclusion", "endnote" (numbered: "endnote 24"), "translator's introduction"
    first: int = Field(ge=1)
    last: int = Field(ge=1)
    starts: Text  # the words its first line begins with: a changed document is caught, not misread
    numbered: bool = False  # each line is an item "24. …": a trail names the item, not a paragraph


class Source(Strict):
    id: Text
    title: Text
    publisher: Text
    date: str
    url: str = ""
    seed: Text
    note: str = ""
    short: Text  # how a card or a slide names it: "Xinhua Institute 2024", "CGTN, 25 June 2024"
    cases_chapter: bool = False  # the document whose chapter 5 holds the cases: cited with the case's section
    # For citations: who wrote it, who translated it and under which title the translation was read.
    author: str = ""  # empty where the document names none
    kind: Text = "report"  # a CSL item type: report, article-magazine, webpage ...
    container: str = ""  # the journal or site it appeared in
    translator: str = ""
    translation_title: str = ""
    translation_date: str = ""
    parts: list[Part] = []  # the parts the text has no heading for, by line range


class Verdict(StrEnum):
    kept = "kept"  # read in its paragraph; the record says what the text says
    changed = "changed"  # corrected (value, label, date, place, quote); `change` says what and why
    annotated = "annotated"  # a curator's note added; nothing else changed
    removed = "removed"  # not a figure or an event of the text (a description, a slogan, a bibliography entry)
    moved = "moved"  # now in another file (the case its text is about, or national)


class LogEntry(Strict):
    """One record's verdict in the curation log: what the review found, read in the record's paragraph."""

    id: RecordId
    verdict: Verdict
    words: Text  # the source's words that justify the verdict, verbatim
    change: str = ""
    # "full": read in its paragraph by a curator; "first-pass": checked by the rules (quote, value, date words)
    # and the review's list of faults, but not yet read whole — the next curator's work list.
    review: Literal["full", "first-pass"] = "full"

    @model_validator(mode="after")
    def _change_said(self) -> LogEntry:
        if self.verdict is not Verdict.kept and not self.change:
            raise ValueError(f"change: say what was {self.verdict.value} and why")
        return self
