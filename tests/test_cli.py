"""`python -m atlas validate` on the fixture: the broken file and the missing sections named, non-zero exit."""

from __future__ import annotations

import subprocess
import sys

from atlas.store import ROOT
from tests.conftest import FIXTURE, FIXTURE_SEEDS


def test_validate_names_the_broken_fixture_file_and_the_missing_sections():
    result = subprocess.run([sys.executable, "-m", "atlas", "--data", str(FIXTURE), "validate", "--seeds",
                             str(FIXTURE_SEEDS)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("data/cases/05-04-broken-case.yaml: metrics[0] 'Robot makers in the corridor' › value:")
    missing = [f"data/cases: section 5.{n} › section: expected one case file, found 0" for n in range(4, 10)]
    assert lines[1:-1] == missing
    assert lines[-1] == "FAILED: 4 cases, 27 figures, 11 events, 2 sources; 7 problem(s)"
