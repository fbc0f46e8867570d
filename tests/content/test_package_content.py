"""The curated data as a package: pandas reads ten distinct sections and one row per figure."""

from __future__ import annotations

import pandas as pd

from atlas import package


def test_pandas_reads_the_real_package_as_written(data, tmp_path):
    package.write(data, tmp_path)
    cases = pd.read_csv(tmp_path / "cases.csv", encoding="utf-8-sig")
    assert cases["section"].nunique() == 10 and "§5.10" in set(cases["section"])
    metrics = pd.read_csv(tmp_path / "metrics.csv", encoding="utf-8-sig")
    assert len(metrics) == len(data.metrics) and metrics["id"].is_unique
    assert metrics["sentence"].notna().all() and "document_line" not in metrics, "never a line of our copy"
    # Section-like columns read back as the text written, in the whole package and in a filtered one.
    events = pd.read_csv(tmp_path / "events.csv", encoding="utf-8-sig")
    for table in (metrics, events, metrics[metrics["document_section"] == "§5.10"]):
        assert table["document_section"].map(type).eq(str).all()
        assert table["document_section"].str.match(r"^(§\d+(\.\d+)*|glossary note \d+|endnote \d+|“.+”|\S.*)$").all()
    assert {"glossary note 10"} <= set(events["document_section"]), "the Hengqin and Nansha plan cites its note"
    # A figure from another document than the case's section has no report section on its row.
    cgtn = metrics[metrics["source_id"] == "cgtn-2024-06-25"]
    assert cgtn["section"].isna().all() and cgtn["cited_as"].str.startswith("CGTN, 25 June 2024").all()
    assert set(metrics["date_basis"]) <= {"stated", "inferred", "not-given"}
    assert metrics.loc[metrics["date_basis"] == "not-given", "date_shown"].str.contains("the text gives none").all()
