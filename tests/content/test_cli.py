"""`python -m atlas validate` on the curated data: zero as it is, non-zero with the file named when broken."""

from __future__ import annotations

import subprocess
import sys

from atlas.store import ROOT


def _validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "atlas", *args, "validate"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_validate_passes_on_the_dataset(seeds):
    result = _validate()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("OK: 10 cases")


def test_validate_fails_and_names_the_file(data_copy, seeds):
    path = data_copy / "cases" / "05-08-chongqing-nev.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("industry_tier: emerging", "industry_tier: heavy"),
                    encoding="utf-8")
    result = _validate("--data", str(data_copy))
    assert result.returncode == 1
    assert "data/cases/05-08-chongqing-nev.yaml: industry_tier: unknown industry tier 'heavy'" in result.stdout

