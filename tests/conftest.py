"""Shared fixtures: the real dataset, the source documents, and a writable copy of data/ to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from atlas import fidelity, store


@pytest.fixture(scope="session")
def data() -> store.Atlas:
    return store.load()


@pytest.fixture(scope="session")
def seeds() -> Path:
    folder = fidelity.seeds_dir()
    if not folder.is_dir():
        # Not a skip: without the documents the dataset's promise is unchecked, so the run must go red.
        pytest.fail(f"source documents not found at {folder}; set ATLAS_SEEDS or put shared/ beside the clone")
    return folder


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of data/ for tests that break files on purpose."""
    target = tmp_path / "data"
    shutil.copytree(store.DATA_DIR, target)
    return target
