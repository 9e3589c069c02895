"""Where a project's inputs and outputs live.

A project is a folder with `data/`, `ontology/` and `exports/`. It is the folder given by
`--home` or the SSB_KG_HOME setting, else the current folder if it holds `data/sources.yaml`,
else the checkout this package was installed from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

HOME_SETTING = "SSB_KG_HOME"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def sources_file(self) -> Path:
        return self.data / "sources.yaml"

    @property
    def entities_file(self) -> Path:
        return self.data / "entities.yaml"

    @property
    def claims_dir(self) -> Path:
        return self.data / "claims"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def exports(self) -> Path:
        return self.root / "exports"


def find_project(home: str | Path | None = None) -> Project:
    chosen = home or os.environ.get(HOME_SETTING)
    if chosen:
        return Project(Path(chosen).resolve())
    cwd = Path.cwd()
    if (cwd / "data" / "sources.yaml").is_file():
        return Project(cwd)
    return Project(Path(__file__).resolve().parent.parent)
