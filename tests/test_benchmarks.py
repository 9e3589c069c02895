"""The benchmark suite runs end to end (in its quick mode), and its synthetic projects are sound.

Nothing here judges a time: it checks that every part runs and reports.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.questions import load_questions

from .conftest import run_kg

REPO = Path(__file__).resolve().parent.parent


def test_the_quick_benchmark_runs_and_writes_its_table(tmp_path):
    out = tmp_path / "scale.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", "10k", "--quick", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    table = out.read_text()
    assert table in result.stdout  # printed and written
    for section in ("## Build", "### 10k", "from a cold process", "## Ingest", "## Writing the view"):
        assert section in table
    questions = table.split("### 10k")[1].split("\n## ")[0]
    rows = {line.split("|")[1].strip(): line for line in questions.splitlines() if line.startswith("| ")}
    for name in load_questions():
        cells = [c.strip() for c in rows[name].split("|")[1:-1]]
        assert float(cells[2]) > 0 and float(cells[3]) >= float(cells[2])  # median, p95
        assert float(cells[4]) > 0, f"{name}: no in-memory time reported"
        assert cells[5], f"{name}: no rdflib baseline reported"
        if cells[5][0].isdigit():  # the ratios are rdflib's median over each store's
            for ours, ratio in ((cells[2], cells[6]), (cells[4], cells[7])):
                expected = float(cells[5].replace(",", "")) / float(ours)
                assert abs(float(ratio.rstrip("x").replace(",", "")) - expected) <= 0.1 * expected + 1, name
    assert "Under 100 ms:" in questions
    build = next(line for line in table.splitlines() if line.startswith("| 10k |"))
    assert int(build.split("|")[2].strip().replace(",", "")) > 8000  # triples built


def test_a_synthetic_project_is_deterministic_and_conforms(tmp_path):
    from benchmarks.synthetic_project import generate_project

    first, second = tmp_path / "a", tmp_path / "b"
    made = generate_project(first, 12_000, seed=3)
    generate_project(second, 12_000, seed=3)
    files = sorted(p.relative_to(first) for p in (first / "data").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in (second / "data").rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    result = run_kg("build", home=first)
    assert result.exit_code == 0, result.output
    assert "conforms to the SHACL shapes" in result.output
    assert made.claims > 300 and made.sources > 5
    triples = int(result.output.split("built ")[1].split(" triples")[0])
    assert 9_000 < triples < 15_000
