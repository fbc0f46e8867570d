"""Shared fixtures. Logic tests run on the small invented dataset in tests/fixtures/ (`fixture`), so a routine
edit of the curated data never breaks them; tests/content/ checks the curated data itself (`data`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from atlas import store

FIXTURE = store.ROOT / "tests" / "fixtures" / "data"
FIXTURE_SEEDS = store.ROOT / "tests" / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def fixture() -> store.Atlas:
    return store.load(FIXTURE)


@pytest.fixture(scope="session")
def data() -> store.Atlas:
    """The curated dataset: for tests of the content, not of the code."""
    return store.load()


@pytest.fixture(scope="session")
def seeds() -> Path:
    folder = store.seeds_dir()
    if not folder.is_dir():
        # Not a skip: without the documents the dataset's promise is unchecked, so the run must go red.
        pytest.fail(f"source documents not found at {folder}; set ATLAS_SEEDS or put shared/ beside the clone")
    return folder


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the fixture data for tests that edit or break files on purpose."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the curated data/ (content tests that break a real file)."""
    target = tmp_path / "data"
    shutil.copytree(store.DATA_DIR, target)
    return target


@pytest.fixture
def on_fixture(monkeypatch) -> Iterator[Path]:
    """Pages run as scripts (AppTest) read the fixture dataset."""
    monkeypatch.setenv("ATLAS_DATA", str(FIXTURE))
    yield FIXTURE
