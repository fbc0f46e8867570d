"""Read data/ into validated, typed pandas tables.

A broken case file never stops the others from loading: each problem is recorded with the file,
the record and the field, in plain words, and the app shows it while serving every valid case.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd
import yaml
from pydantic import ValidationError

from atlas import dates, trail
from atlas.model import Case, Event, Metric, NationalData, Source

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# The case_id of national records (China as a whole): they belong to no case. Test it with is_national().
NATIONAL = ""


def is_national(case_ids: pd.Series) -> pd.Series:
    return case_ids == NATIONAL


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = " › ".join(part for part in (self.record, self.field) if part)
        return f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Atlas:
    cases: pd.DataFrame
    metrics: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame
    places: pd.DataFrame
    organisations: pd.DataFrame
    provinces: pd.DataFrame
    context: pd.DataFrame
    vocabulary: dict[str, dict[str, str]]
    problems: tuple[Problem, ...] = field(default=())
    version: str = ""  # of the data files: a citation names the dataset it was taken from
    trails: dict = field(default_factory=dict)  # record id -> trail.Trail, when the documents are at hand

    @cached_property
    def short_titles(self) -> dict[str, str]:
        """case id -> short title, in section order."""
        return dict(zip(self.cases["case_id"], self.cases["short_title"], strict=True))

    @cached_property
    def source_titles(self) -> dict[str, str]:
        return dict(zip(self.sources["source_id"], self.sources["title"], strict=True))

    @cached_property
    def source_rows(self) -> dict[str, dict]:
        """source id -> its row (title, short, author, translation …) as a dict: looked up per figure."""
        return {row["source_id"]: row for row in self.sources.to_dict("records")}

    @cached_property
    def sections(self) -> dict[str, str]:
        """case id -> the report's section that tells it ('5.2')."""
        return dict(zip(self.cases["case_id"], self.cases["section"], strict=True))

    @cached_property
    def province_names(self) -> dict[str, str]:
        """adcode -> English name."""
        return dict(zip(self.provinces["adcode"], self.provinces["name_en"], strict=True))

    @cached_property
    def search_text(self) -> dict[str, pd.Series]:
        """Per table, each record's searchable text, folded once (atlas/search.py): a figure is found by its label,
        its words and its value as written."""
        from atlas import format as fmt
        from atlas import search

        names: dict[str, list[str]] = {}
        for table, columns in ((self.places, ("name", "name_zh", "city", "district")),
                               (self.organisations, ("name", "name_zh"))):
            for row in table.itertuples():
                names.setdefault(row.case_id, []).extend(str(getattr(row, c)) for c in columns)
        figures = [f"{r.label} {r.quote} {fmt.figure_of(r)} {r.value:g}"
                   for r in self.metrics.itertuples()]
        return {
            "metrics": pd.Series([search.folded(text) for text in figures], index=self.metrics.index, dtype=object),
            "events": pd.Series([search.folded(f"{r.title} {r.quote}") for r in self.events.itertuples()],
                                index=self.events.index, dtype=object),
            # A case is also found by its places and organisations, in English and Chinese ("Tianhe-2", "合肥").
            "cases": pd.Series([search.folded(" ".join(map(str, (r.title_en, r.title_zh, r.short_title, r.summary,
                                                                 *names.get(r.case_id, ())))))
                                for r in self.cases.itertuples()], index=self.cases.index, dtype=object),
        }

    def label(self, vocabulary: str, slug: str) -> str:
        """The reader's label of a vocabulary slug ('sectors', 'industry_tiers', 'mechanisms', 'families')."""
        return self.vocabulary.get(vocabulary, {}).get(slug, slug)

    def years(self) -> tuple[int, int]:
        """The first and last year any figure or event is dated."""
        found = [dates.year(d) for d in [*self.metrics["as_of"], *self.events["date"]]] or [2024]
        return min(found), max(found)


def _relative(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def _read_yaml(path: Path, data_dir: Path) -> tuple[object, list[Problem]]:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [Problem(_relative(path, data_dir), where, "", f"not valid YAML: {reason}")]


def _record_name(raw: object, loc: tuple) -> tuple[str, str]:
    """Split a pydantic error location into the record ("metrics[3] 'Quantum firms'") and the field."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        label = ""
        try:
            item = raw[loc[0]][loc[1]]  # type: ignore[index]
            label = item.get("label") or item.get("title") or item.get("name") or ""
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
        record = f"{loc[0]}[{loc[1]}]" + (f" {label!r}" if label else "")
        return record, ".".join(str(part) for part in loc[2:])
    return "", ".".join(str(part) for part in loc)


def _explain(error: ValidationError, raw: object, file: str, prefix: str = "") -> list[Problem]:
    problems = []
    for item in error.errors():
        record, fieldname = _record_name(raw, tuple(item["loc"]))
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "is missing"
        elif item["type"] == "extra_forbidden":
            message = "is not a known field (check its spelling)"
        problems.append(Problem(file, prefix + record, fieldname or "(record)", message))
    return problems


def _duplicate_ids(rows: dict[str, list[dict]], files: dict[str, str]) -> list[Problem]:
    """A record id used twice, by a figure or an event: /sources?figure=<id> opens either, so an id has one
    meaning across both. rows: kind ('metrics', 'events') -> its rows."""
    first: dict[str, str] = {}
    problems = []
    for kind, table in rows.items():
        position: dict[str, int] = {}
        for row in table:
            n = position[row["case_id"]] = position.get(row["case_id"], -1) + 1
            file = files.get(row["case_id"], "")
            name = row.get("label") or row.get("title")
            if row["id"] in first:
                problems.append(Problem(file, f"{kind}[{n}] {name!r}", "id",
                                        f"duplicate id {row['id']!r}, also used in {first[row['id']]}"))
            else:
                first[row["id"]] = file
    return problems


def read_provinces(data_dir: Path) -> pd.DataFrame:
    with open(data_dir / "provinces.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return pd.DataFrame(rows, columns=["adcode", "slug", "name_en", "name_zh", "region"])


def _metric_rows(metrics: list[Metric], case_id: str) -> list[dict]:
    return [
        {"id": m.id, "case_id": case_id, "label": m.label, "value": m.value, "unit": m.unit,
         "qualifier": m.qualifier.value,
         "status": m.status.value, "as_of": m.as_of, "family": m.family, "key": m.key,
         "source_id": m.source, "quote": m.quote, "written": m.written, "count": m.count,
         "date_basis": m.date_basis.value, "date_words": m.date_words, "note": m.note}
        for m in metrics
    ]


def _event_rows(events: list[Event], case_id: str) -> list[dict]:
    return [
        {"id": e.id, "case_id": case_id, "date": e.date, "precision": dates.precision(e.date), "title": e.title,
         "source_id": e.source, "quote": e.quote, "date_basis": e.date_basis.value, "date_words": e.date_words,
         "note": e.note}
        for e in events
    ]


METRIC_COLUMNS = ["id", "case_id", "label", "value", "unit", "qualifier", "status", "as_of", "family", "key",
                  "source_id", "quote", "written", "count", "date_basis", "date_words", "note"]
EVENT_COLUMNS = ["id", "case_id", "date", "precision", "title", "source_id", "quote", "date_basis", "date_words",
                 "note"]
SOURCE_COLUMNS = ["source_id", "title", "author", "publisher", "date", "kind", "container", "translator",
                  "translation_title", "translation_date", "url", "seed", "note", "short", "cases_chapter", "parts"]
CASE_COLUMNS = ["case_id", "section", "title_en", "title_zh", "short_title", "summary", "provinces",
                "city", "district", "lat", "lon", "sectors", "industry_tier", "mechanisms", "file"]


def seeds_dir() -> Path:
    """Where the source documents live: $ATLAS_SEEDS, else ../shared/seeds beside the clone."""
    return Path(os.environ.get("ATLAS_SEEDS", ROOT.parent / "shared" / "seeds"))


def documents(data_dir: Path, sources: pd.DataFrame) -> dict[str, tuple[Path, tuple]]:
    """source id -> (its document file, its parts), where the documents are looked for: a `seeds/` folder beside
    the data (the test fixture), else ../shared/seeds or $ATLAS_SEEDS."""
    folder = data_dir.parent / "seeds"
    folder = folder if folder.is_dir() else seeds_dir()
    return {s.source_id: (folder / s.seed, s.parts) for s in sources.itertuples()}


def _trails(found: dict[str, tuple[Path, tuple]], rows: list[dict]) -> tuple[dict, list[Problem]]:
    """Each quote's sentence, part and paragraph, read from its document when the documents are at hand; and any
    part of a document that no longer begins where data/sources.yaml says."""
    problems = [Problem("data/sources.yaml", source_id, "parts", message)
                for source_id, (path, parts) in found.items() if path.is_file()
                for message in trail.check_parts(path, parts)]
    return trail.trails(pd.DataFrame(rows, columns=["id", "source_id", "quote"]), found), problems


def _version(data_dir: Path) -> str:
    """A short fingerprint of the data files' contents: the same data gives the same version on any machine."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def load(data_dir: Path = DATA_DIR) -> Atlas:
    """Load and validate every data file. Never raises for bad data: problems are returned with the tables."""
    problems: list[Problem] = []
    provinces = read_provinces(data_dir)
    vocab_raw, vocab_problems = _read_yaml(data_dir / "vocabulary.yaml", data_dir)
    problems += vocab_problems
    vocabulary = {key: dict(value or {}) for key, value in (vocab_raw or {}).items()}

    sources_raw, source_problems = _read_yaml(data_dir / "sources.yaml", data_dir)
    problems += source_problems
    sources: list[Source] = []
    for i, item in enumerate(sources_raw or []):
        try:
            sources.append(Source.model_validate(item))
        except ValidationError as error:
            problems += _explain(error, {"sources": sources_raw}, "data/sources.yaml", f"sources[{i}] ")

    known = {
        "provinces": set(provinces["adcode"]),
        "sources": {s.id for s in sources},
        "sectors": set(vocabulary.get("sectors", {})),
        "mechanisms": set(vocabulary.get("mechanisms", {})),
        "industry_tiers": set(vocabulary.get("industry_tiers", {})),
        "families": set(vocabulary.get("families", {})),
    }

    case_rows, metric_rows, event_rows, place_rows, org_rows, context_rows = [], [], [], [], [], []
    seen: dict[str, str] = {}
    case_files: dict[str, str] = {NATIONAL: _relative(data_dir / "national.yaml", data_dir)}
    for path in sorted((data_dir / "cases").glob("*.yaml")):
        name = _relative(path, data_dir)
        raw, yaml_problems = _read_yaml(path, data_dir)
        if yaml_problems:
            problems += yaml_problems
            continue
        try:
            case = Case.model_validate(raw, context=known)
        except ValidationError as error:
            problems += _explain(error, raw, name)
            continue
        if case.id in seen:
            problems.append(Problem(name, "", "id", f"duplicate case id {case.id!r}, also used by {seen[case.id]}"))
            continue
        seen[case.id] = name
        case_files[case.id] = name
        host = case.places[0]
        case_rows.append({
            "case_id": case.id, "section": case.section, "title_en": case.title.en, "title_zh": case.title.zh,
            "short_title": case.short_title, "summary": case.summary, "provinces": list(case.provinces),
            "city": host.city, "district": host.district, "lat": host.lat, "lon": host.lon,
            "sectors": list(case.sectors), "industry_tier": case.industry_tier,
            "mechanisms": list(case.mechanisms), "file": name,
        })
        metric_rows += _metric_rows(case.metrics, case.id)
        event_rows += _event_rows(case.events, case.id)
        place_rows += [{"case_id": case.id, "role": "host" if i == 0 else "site", **p.model_dump()}
                       for i, p in enumerate(case.places)]
        org_rows += [{"case_id": case.id, **o.model_dump()} for o in case.organisations]

    national_path = data_dir / "national.yaml"
    national_raw, national_problems = _read_yaml(national_path, data_dir)
    problems += national_problems
    if national_raw is not None:
        try:
            national = NationalData.model_validate(national_raw, context=known)
            metric_rows += _metric_rows(national.metrics, NATIONAL)
            event_rows += _event_rows(national.events, NATIONAL)
            context_rows = [{**p.model_dump(exclude={"source", "quote"}), "source_id": p.source, "quote": p.quote}
                            for p in national.places]
        except ValidationError as error:
            problems += _explain(error, national_raw, _relative(national_path, data_dir))

    # One id space for figures and events: /sources?figure=<id> opens either.
    problems += _duplicate_ids({"metrics": metric_rows, "events": event_rows}, case_files)
    source_table = pd.DataFrame(
        [{"source_id": s.id, **s.model_dump(exclude={"id", "parts"}),
          "parts": tuple(trail.Part(**p.model_dump()) for p in s.parts)} for s in sources], columns=SOURCE_COLUMNS)
    trails, trail_problems = _trails(documents(data_dir, source_table), metric_rows + event_rows)
    problems += trail_problems
    cases = pd.DataFrame(case_rows, columns=CASE_COLUMNS)
    cases["order"] = cases["section"].map(lambda s: int(s.split(".")[1]) if isinstance(s, str) else 0)
    cases = cases.sort_values("order").reset_index(drop=True)
    return Atlas(
        cases=cases,
        metrics=pd.DataFrame(metric_rows, columns=METRIC_COLUMNS),
        events=pd.DataFrame(event_rows, columns=EVENT_COLUMNS),
        sources=source_table,
        places=pd.DataFrame(place_rows, columns=["case_id", "role", "name", "name_zh", "city", "district",
                                                 "province", "lat", "lon"]),
        organisations=pd.DataFrame(org_rows, columns=["case_id", "name", "name_zh", "kind"]),
        provinces=provinces,
        context=pd.DataFrame(context_rows, columns=["name", "province", "lat", "lon", "note", "source_id", "quote"]),
        vocabulary=vocabulary,
        problems=tuple(problems),
        version=_version(data_dir),
        trails=trails,
    )
