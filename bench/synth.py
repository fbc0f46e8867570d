"""Generated datasets for the scale benchmark: the real cases cloned to N cases, figures and events in proportion."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from atlas.store import DATA_DIR


def make(count: int, target: Path) -> Path:
    """Write a data/ folder with `count` cases (copies of the ten, renamed), keeping sources and national data."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("cases"))
    (target / "cases").mkdir()
    originals = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA_DIR / "cases").glob("*.yaml"))]
    for n in range(count):
        case = dict(originals[n % len(originals)])
        case["id"] = f"{case['id']}-{n:04d}"
        case["section"] = f"9.{n + 1}"
        case["short_title"] = f"{case['short_title']} #{n + 1}"
        for kind in ("metrics", "events"):  # record ids are unique across the data, as in real files
            case[kind] = [{**record, "id": f"{record['id']}-{n:04d}"} for record in case.get(kind, [])]
        (target / "cases" / f"{n:04d}.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    return target
