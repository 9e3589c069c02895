"""CI runs exactly the README's Quickstart, and the code stays ruff-clean."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def quickstart_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [
        line
        for block in re.findall(r"```sh\n(.*?)```", section, re.S)
        for line in block.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_ci_runs_exactly_the_quickstart_commands():
    script = (REPO / ".ci" / "run").read_text().splitlines()
    commands = [line for line in script if line.strip() and not line.lstrip().startswith("#")]
    quickstart = quickstart_commands()
    assert len(quickstart) == 2
    # the two Quickstart commands, verbatim, are the last things CI runs ...
    assert commands[-2:] == quickstart
    # ... and nothing before them runs the project or its tests (only installs system packages)
    assert not [c for c in commands[:-2] if "kg " in c or "pytest" in c]


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (REPO / ".venv/bin/ruff").exists(), reason="ruff is not installed"
)
def test_the_code_is_ruff_clean():
    ruff = shutil.which("ruff") or str(REPO / ".venv/bin/ruff")
    result = subprocess.run(
        [ruff, "check", str(REPO / "kg"), str(REPO / "tests")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
