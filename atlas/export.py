"""The export contract: four UTF-8 CSV tables (and JSON) that other tools and the download buttons use."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from atlas.store import Atlas


def _joined(values: list[str]) -> str:
    return ";".join(values)


def tables(atlas: Atlas) -> dict[str, pd.DataFrame]:
    """The four export tables, in contract column order. National records have an empty case_id."""
    cases = atlas.cases.assign(
        provinces=atlas.cases["provinces"].map(_joined),
        sectors=atlas.cases["sectors"].map(_joined),
        mechanisms=atlas.cases["mechanisms"].map(_joined),
    )[["case_id", "section", "title_en", "title_zh", "provinces", "city", "district", "sectors", "lat", "lon",
       "industry_tier", "mechanisms", "short_title", "summary"]]
    metrics = atlas.metrics[["case_id", "label", "value", "unit", "qualifier", "as_of", "source_id", "quote",
                             "status", "family", "id", "written", "date_basis", "date_words", "note"]]
    events = atlas.events[["case_id", "date", "precision", "title", "source_id", "quote", "id", "date_basis",
                           "date_words", "note"]]
    sources = atlas.sources[["source_id", "title", "publisher", "date", "url", "note", "author", "short", "translator",
                             "translation_title", "translation_date"]]
    return {"cases": cases, "metrics": metrics, "events": events, "sources": sources}


def write(atlas: Atlas, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables(atlas).items():
        path = directory / f"{name}.csv"
        table.to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    return written


def csv_bytes(table: pd.DataFrame) -> bytes:
    return table.to_csv(index=False).encode("utf-8")


def json_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """All tables in one JSON object of record lists, the same columns as the CSVs."""
    records = {name: json.loads(table.to_json(orient="records", force_ascii=False)) for name, table in tables.items()}
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def citation() -> str:
    """How to cite the report and this dataset."""
    return (
        "Xinhua Institute (2024). Better Empowering China's Prosperity and the World: Theoretical Contributions "
        "and Practical Value of New Quality Productivity. Beijing: Xinhua News Agency. Chapter 5, sections 5.1-5.10. "
        "English translation by David Cowhig.\n\n"
        "Figures and quotes curated in NQP Atlas from that report and four related documents (Qiushi Journal "
        "No. 3, 2024; the Xinhua Institute English summary; an explainer on the 31 January 2024 study session; "
        "CGTN, 25 June 2024). Figures are the documents' claims, as reported.\n"
    )
