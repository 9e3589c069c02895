"""Shared fixtures: a throw-away copy of the mini project, the seed corpus and the graph built from it,
a CLI runner."""

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


@pytest.fixture(scope="session")
def seed_project(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's data and ontology, built with the five articles (every locator
    checked). Built once and shared: read it, never change it (a test that changes a project makes
    its own copy)."""
    root = tmp_path_factory.mktemp("seeds") / "project"
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    result = run_kg("build", "--corpus", seeds, home=root)
    assert result.exit_code == 0, result.output
    assert "locators match the articles" in result.output
    return root


def normalised(rows) -> list[tuple[str, ...]]:
    """Query rows comparable across runs and engines: GROUP_CONCAT has no defined order, so the
    parts of a concatenated value are sorted."""
    import re

    def term(t):
        if t is None:
            return ""
        return "|".join(sorted(re.split(r", |; ", t.value))) if hasattr(t, "language") else t.value

    return sorted(tuple(term(t) for t in row) for row in rows)


def run_kg(*args: str | Path, home: Path | None = None) -> Result:
    """Run the `kg` command in-process; never raises, returns the result."""
    argv = (["--home", str(home)] if home else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False, env={"SSB_KG_CORPUS": None})


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium with the network cut off, one per test module (the view tests skip
    where there is none)."""
    from kg import browser as kg_browser

    with kg_browser.offline_browser() as browser:
        yield browser
