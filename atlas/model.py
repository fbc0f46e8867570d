"""Pydantic models of the curated data: what one case file, one figure, one event may hold.

Checks that need the other files (known provinces, vocabulary, sources) read them from the
validation context, so a model can be validated alone in tests with a small context.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Annotated

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


class Cited(Strict):
    """Anything that carries a source document and the verbatim words that state it."""

    source: Text
    quote: Text

    @field_validator("source")
    @classmethod
    def _source_known(cls, value: str, info: ValidationInfo) -> str:
        return _known(info, "sources", value, "source id")


class Metric(Cited):
    id: RecordId
    label: Text
    value: float
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


class Event(Cited):
    id: RecordId
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


class Source(Strict):
    id: Text
    title: Text
    publisher: Text
    date: str
    url: str = ""
    seed: Text
    note: str = ""
    short: Text  # how a slide cites it: "Xinhua Institute 2024"
    cases_chapter: bool = False  # the document whose chapter 5 holds the cases: cited with the case's section
