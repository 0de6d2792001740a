"""Shared test helpers: paths to fixtures and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> pathlib.Path:
    """A path under ../shared, or skip the test when that data is not on this machine."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (set STORYLINE_SHARED)")
    return path


@pytest.fixture
def corpus() -> pathlib.Path:
    return CORPUS
