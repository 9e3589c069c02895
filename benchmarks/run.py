"""The speed-and-scale benchmark: one command, one table.

    .venv/bin/python -m benchmarks [--sizes 10k,100k,1m] [--cap 30] [--quick] [--out FILE]

For each size it generates a synthetic project (benchmarks/synthetic_project.py) and measures:

- `kg build` in a child process: wall time and peak memory (the child's ru_maxrss, from wait4);
- every named question with its first example on the warm query store (opened once): median
  and 95th percentile of repeated runs; and, in the same run, the same questions on rdflib's
  own SPARQL evaluator over the same graph as the baseline, each run capped at --cap seconds,
  with the ratio of the medians (benchmarks/rdflib_baseline.py: one parse, a fork per question;
  benchmarks/questions.py, for small graphs, parses once per question);
- `kg query NAME` end to end, each run a new process, on the store of that size.

Then, once: ingest throughput (benchmarks/ingest_speed.py, `kg ingest` with one and two
processes) and the time to write the view for 500, 5,000 and 20,000 nodes
(benchmarks/view_speed.py). The tables (benchmarks/report.py) are printed and written to
benchmarks/results/scale.md.
Nothing here fails on a slow machine: numbers are reported, never judged. `--quick` (used by
the tests) makes every part small.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.rdflib_baseline import rdflib_baseline  # noqa: E402
from benchmarks.report import COLD_QUESTION, QuestionTiming, SizeResult, report  # noqa: E402

SIZE_NAMES = {"k": 1_000, "m": 1_000_000}


def parse_size(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    if text[-1] in SIZE_NAMES:
        return int(float(text[:-1]) * SIZE_NAMES[text[-1]])
    return int(text)


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kg.cli"]


# --- build


def measure_build(home: Path) -> tuple[float, float, str]:
    """`kg build` in a child process: seconds, peak resident memory in MB, and its output."""
    started = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "SSB_KG_CORPUS"}  # no corpus holds these articles
    child = subprocess.Popen(
        [*kg_command(), "--home", str(home), "build"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    output = child.stdout.read().decode("utf-8", "replace") if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"kg build failed on {home}:\n{output}")
    return elapsed, usage.ru_maxrss / 1024, output


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --- questions on the warm store


def time_on_store(
    home: Path, budget_s: float, max_runs: int, in_memory: bool = False
) -> list[QuestionTiming]:
    """Every named question with its first example, on the query store opened once (or, with
    `in_memory`, on the export read into memory, as `kg serve --in-memory` holds it)."""
    from kg.engine import LocalGraph
    from kg.project import Project
    from kg.questions import EVERY_ROW, bind_parameters, load_questions, resolve_lookup, run_question
    from kg.store import built_graph_file, open_store

    project = Project(home)
    graph = LocalGraph.from_file(built_graph_file(project)) if in_memory else LocalGraph(open_store(project))
    timings = []
    for question in load_questions().values():
        example = question.examples[0] if question.examples else {}
        bindings = bind_parameters(question, example, resolve_lookup(graph))
        answer = run_question(graph, question, bindings)  # warm-up
        runs: list[float] = []
        spent = 0.0
        while len(runs) < max_runs and (len(runs) < 5 or spent < budget_s):
            started = time.perf_counter()
            run_question(graph, question, bindings)
            runs.append(time.perf_counter() - started)
            spent += runs[-1]
        timing = QuestionTiming(
            question.name, len(answer.rows), statistics.median(runs), _p95(runs), len(runs)
        )
        if question.paging is not None and not in_memory:  # the first page above; here every row
            whole = []
            for _ in range(3):
                started = time.perf_counter()
                every = run_question(graph, question, bindings, EVERY_ROW)
                whole.append(time.perf_counter() - started)
            timing.whole_s, timing.whole_rows = statistics.median(whole), len(every.rows)
        timings.append(timing)
    return timings


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def questions_with_bindings(home: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(name, SPARQL, bindings as N-Triples terms) for every named question's first example."""
    from kg.engine import LocalGraph
    from kg.project import Project
    from kg.questions import bind_parameters, load_questions, question_query, resolve_lookup
    from kg.store import open_store

    graph = LocalGraph(open_store(Project(home)))
    jobs = []
    for question in load_questions().values():
        example = question.examples[0] if question.examples else {}
        bindings = bind_parameters(question, example, resolve_lookup(graph))
        # the query kg query sends: a listing question's first page
        sparql = question_query(question, bindings)
        jobs.append((question.name, sparql, {k: str(v) for k, v in bindings.items()}))
    return jobs


# --- kg query from a cold process


def cold_queries(home: Path, runs: int) -> list[float]:
    name, params = COLD_QUESTION
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [*kg_command(), "--home", str(home), "query", name, *params],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - started)
    return times


# --- ingest and view (the other issues' benchmarks)


def ingest_rates(articles: int, scratch: Path) -> tuple[dict[int, float] | None, str]:
    try:
        from benchmarks.ingest_speed import timed_ingest
    except ImportError as exc:
        return None, f"benchmarks/ingest_speed.py not available ({exc})"
    corpus = scratch / "articles"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate_articles.py"), str(corpus), "-n", str(articles)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rates = {}
    for jobs in (1, 2):
        elapsed, done, _ = timed_ingest(corpus, jobs, scratch / "ingest", 0)
        rates[jobs] = done / elapsed
    return rates, f"{articles} synthetic articles (benchmarks/generate_articles.py)"


def view_times(sizes: list[int], scratch: Path) -> tuple[list[dict] | None, str]:
    try:
        from benchmarks.view_speed import writing
    except ImportError as exc:
        return None, f"benchmarks/view_speed.py not available ({exc})"
    return writing(sizes, 1, scratch / "view"), "benchmarks/view_speed.py (synthetic built graphs)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="graph sizes in triples (default 10k,100k,1m)")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds an rdflib query run may take")
    parser.add_argument("--cold-runs", type=int, default=5, help="`kg query` processes per size")
    parser.add_argument("--articles", type=int, default=1000, help="articles for the ingest benchmark")
    parser.add_argument("--view-sizes", default="500,5000,20000")
    parser.add_argument("--quick", action="store_true", help="small everything: checks the suite runs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, help="keep the generated projects here (default: a temp folder)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "scale.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.cap, args.cold_runs, args.articles, args.view_sizes = min(args.cap, 5.0), 2, 20, "100"
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results = []
    try:
        for label in sizes:
            results.append(measure_size(label, work / f"project-{label}", args))
        print("ingest ...", flush=True)
        ingest = _guarded(lambda: ingest_rates(args.articles, work))
        print("view ...", flush=True)
        view = _guarded(lambda: view_times([int(s) for s in args.view_sizes.split(",")], work))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, ingest, view, args.cap, args.cold_runs)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def measure_size(label: str, home: Path, args) -> SizeResult:
    from benchmarks.synthetic_project import generate_project

    result = SizeResult(label)
    print(f"[{label}] generating ...", flush=True)
    shutil.rmtree(home, ignore_errors=True)
    made = generate_project(home, parse_size(label), args.seed)
    result.sources, result.claims = made.sources, made.claims
    print(f"[{label}] building ...", flush=True)
    result.build_s, result.build_peak_mb, output = measure_build(home)
    result.triples = int(re.search(r"built (\d+) triples", output).group(1))
    result.store_mb = folder_mb(home / ".store")
    turtle = home / "exports" / "ssb-kg.ttl"
    result.turtle_mb = turtle.stat().st_size / 1e6
    print(f"[{label}] {result.triples:,} triples in {result.build_s:.1f} s; questions ...", flush=True)
    budget, most = (0.5, 10) if args.quick else (3.0, 50)
    result.questions = time_on_store(home, budget, most)
    print(f"[{label}] questions in memory ...", flush=True)
    for q, m in zip(result.questions, time_on_store(home, budget, most, in_memory=True), strict=True):
        q.memory_s = m.median_s
    print(f"[{label}] rdflib baseline (cap {args.cap:g} s) ...", flush=True)
    parse_s, baseline = rdflib_baseline(
        turtle, questions_with_bindings(home), args.cap, 1 if args.quick else 3
    )
    result.rdflib_parse_s = parse_s
    for q in result.questions:
        q.rdflib_s, q.rdflib_note = baseline[q.name]
    print(f"[{label}] kg query from cold processes ...", flush=True)
    result.cold_query_s = cold_queries(home, args.cold_runs)
    return result


def _guarded(work):
    """Another issue's benchmark: its failure is reported in the table, not raised."""
    try:
        return work()
    except Exception as exc:
        traceback.print_exc()
        return None, f"failed: {type(exc).__name__}: {exc}"


if __name__ == "__main__":
    raise SystemExit(main())
