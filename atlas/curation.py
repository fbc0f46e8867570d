"""The curation log (data/curation/*.yaml): a verdict for every record, read against its sentence.

One log file per data file, named after it. The log is the review's memory: a removed record stays in it with
the words that justified removing it, so the next curator does not add it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from atlas.model import LogEntry
from atlas.store import Problem


@dataclass(frozen=True)
class Logged:
    verdict: str
    words: str
    change: str
    file: str


def load(data_dir: Path) -> tuple[dict[str, Logged], list[Problem]]:
    """record id -> its verdict, and the problems of the log files (bad YAML, a field missing, an id twice —
    except a moved record, whose verdict in the file it joined wins over "moved" in the file it left)."""
    entries: dict[str, Logged] = {}
    problems: list[Problem] = []
    for path in sorted((data_dir / "curation").glob("*.yaml")):
        name = f"data/curation/{path.name}"
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as error:
            problems.append(Problem(name, "", "", f"not valid YAML: {getattr(error, 'problem', error)}"))
            continue
        for i, item in enumerate(raw if isinstance(raw, list) else []):
            try:
                entry = LogEntry.model_validate(item)
            except ValidationError as error:
                for detail in error.errors():
                    field = ".".join(str(part) for part in detail["loc"]) or "(entry)"
                    problems.append(Problem(name, f"[{i}]", field, detail["msg"].removeprefix("Value error, ")))
                continue
            if entry.id in entries:
                # A moved record has two entries: "moved" in the file it left, its verdict in the file it joined.
                earlier = entries[entry.id]
                if "moved" in (earlier.verdict, entry.verdict.value) and earlier.verdict != entry.verdict.value:
                    if entry.verdict.value == "moved":
                        continue
                else:
                    problems.append(Problem(name, entry.id, "id", f"has a verdict already in {earlier.file}"))
                    continue
            entries[entry.id] = Logged(entry.verdict.value, entry.words, entry.change, name)
    return entries, problems
