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
    assert metrics["sentence"].ne("").all() and metrics["document_line"].notna().all()
