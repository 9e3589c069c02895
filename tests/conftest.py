"""Shared fixtures: a throw-away copy of the mini project, the seed corpus, a CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A project folder holding the two test articles' data and the real ontology."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini" / "data", root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    return root


@pytest.fixture
def mini_corpus() -> Path:
    return FIXTURES / "mini" / "corpus"


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The five source articles; tests that need them skip where they are absent."""
    location = os.environ.get("SSB_KG_CORPUS")
    if not location:
        pytest.skip("the source articles are not available: set SSB_KG_CORPUS to their folder")
    path = Path(location)
    if not (path.is_dir() and any(path.glob("*.txt"))):
        pytest.skip(f"the source articles are not available: no .txt files in {path}")
    return path


def run_kg(*args: str | Path, home: Path | None = None) -> Result:
    """Run the `kg` command in-process; never raises, returns the result."""
    argv = (["--home", str(home)] if home else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False, env={"SSB_KG_CORPUS": None})
