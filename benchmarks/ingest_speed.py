"""Benchmark `kg ingest`: articles per second, one process (the baseline) against --jobs 2.

    python benchmarks/ingest_speed.py [-n 1000] [--seed 7] [--repeat 3]

Generates the synthetic corpus with benchmarks/generate_articles.py (from data/entities.yaml),
then ingests it into fresh scratch projects holding the repository's registry and ontology:
with one process and with two, taking turns so that a passing load weighs on both alike. Each
figure is the best of --repeat runs and covers the whole ingest (reading, extraction, writing the
pending claims and the manifest). The ratio of the two is the speed-up the second core gives, and
the files both wrote must be byte-identical. Nothing in the repository changes.

The machine's load average is printed before and after: on a 2-core machine, a busy core (another
benchmark, a build) leaves --jobs 2 one core to share and no speed-up to show.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.extraction.ingest import ingest  # noqa: E402
from kg.project import Project  # noqa: E402


def scratch_project(root: Path) -> Project:
    (root / "data" / "claims").mkdir(parents=True)
    shutil.copy(REPO / "data" / "entities.yaml", root / "data" / "entities.yaml")
    (root / "data" / "sources.yaml").write_text("[]\n")
    (root / "ontology").symlink_to(REPO / "ontology")
    return Project(root)


def timed_ingest(corpus: Path, jobs: int, scratch: Path, run: int) -> tuple[float, int, int]:
    project = scratch_project(scratch / f"jobs{jobs}-run{run}")
    start = time.perf_counter()
    report = ingest(project, [corpus], jobs=jobs)
    elapsed = time.perf_counter() - start
    return elapsed, len(report.extracted), report.total("proposed")


def differing_files(left: Path, right: Path) -> list[str]:
    """Files under `left` and `right` that are missing from one or differ in a byte."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(
        str(n)
        for n in names
        if not ((left / n).is_file() and (right / n).is_file() and filecmp.cmp(left / n, right / n, False))
    )


def load() -> str:
    """The 1, 5 and 15-minute load averages, and the cores they share."""
    return f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=1000, help="articles to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per setting; the best is kept (default 3)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        corpus = scratch / "corpus"
        subprocess.run(
            [
                sys.executable,
                str(REPO / "benchmarks" / "generate_articles.py"),
                str(corpus),
                "-n",
                str(args.count),
                "--seed",
                str(args.seed),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        print(f"corpus: {args.count} articles, {size / 1e6:.1f} MB (seed {args.seed})")
        print(f"before: {load()}")
        best: dict[int, float] = {}
        done: dict[int, tuple[int, int]] = {}
        for run in range(args.repeat):
            for jobs in (1, 2):
                elapsed, articles, claims = timed_ingest(corpus, jobs, scratch, run)
                best[jobs] = min(best.get(jobs, elapsed), elapsed)
                done[jobs] = articles, claims
        rates = {}
        for jobs in (1, 2):
            articles, claims = done[jobs]
            rates[jobs] = articles / best[jobs]
            print(
                f"--jobs {jobs}: {articles} articles in {best[jobs]:.2f} s = {rates[jobs]:.0f} articles/s "
                f"({claims} claims proposed)"
            )
        print(f"speed-up with a second process: {rates[2] / rates[1]:.2f}x (baseline: --jobs 1)")
        print(f"after: {load()}")
        differ = differing_files(scratch / "jobs1-run0" / "data", scratch / "jobs2-run0" / "data")
        if differ:
            print(f"--jobs 1 and --jobs 2 wrote different files: {', '.join(differ[:5])}", file=sys.stderr)
            return 1
        print("--jobs 1 and --jobs 2 wrote byte-identical files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
