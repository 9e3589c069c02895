"""Every named question on pyoxigraph and on rdflib's own SPARQL evaluator, on the same graph.

    .venv/bin/python benchmarks/questions.py [GRAPH.ttl] [--cap SECONDS] [--repeat N] [--out FILE]

Without a graph it uses exports/ssb-kg.ttl (run `kg build` first). Each question runs with its
first example's parameters (the engine's bindings on pyoxigraph, `initBindings` on rdflib).
rdflib runs each question in a child process that is killed at the cap, because its evaluator,
like pyoxigraph's, cannot be interrupted in place. Timings are the best of N runs (loading the
graph is not timed). The table, with the ratio rdflib / pyoxigraph, is printed and written to
benchmarks/results/questions.md.

`time_questions(graph_file, ...)` is the reusable part: it returns one `Timing` per question.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Timing:
    question: str
    rows: int
    oxigraph_s: float
    rdflib_s: float | None  # None: over the cap
    rdflib_note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if self.rdflib_s is None else self.rdflib_s / self.oxigraph_s


def time_questions(graph_file: Path, cap_seconds: float = 60.0, repeat: int = 3) -> list[Timing]:
    """Run every named question on both engines; best-of-`repeat` seconds for each."""
    from kg.engine import LocalGraph
    from kg.questions import bind_parameters, load_questions, question_query, resolve_lookup, run_question

    graph = LocalGraph.from_file(graph_file)
    context = multiprocessing.get_context("spawn")
    timings = []
    for question in load_questions().values():
        example = question.examples[0] if question.examples else {}
        bindings = bind_parameters(question, example, resolve_lookup(graph))
        best, rows = float("inf"), 0
        for _ in range(repeat):
            started = time.perf_counter()
            answer = run_question(graph, question, bindings)
            best = min(best, time.perf_counter() - started)
            rows = len(answer.rows)
        nt_bindings = {k: str(v) for k, v in bindings.items()}
        # the query run_question sent: a listing question's first page
        rdflib_s, note = _rdflib_timing(
            context, graph_file, question_query(question, bindings), nt_bindings, cap_seconds, repeat
        )
        timings.append(Timing(question.name, rows, best, rdflib_s, note))
    return timings


def _rdflib_timing(context, graph_file, sparql, bindings, cap, repeat) -> tuple[float | None, str]:
    parent, child = context.Pipe()
    process = context.Process(target=_rdflib_worker, args=(child, str(graph_file), sparql, bindings, repeat))
    process.start()
    ready = parent.recv()  # the child has loaded the graph: the cap counts query time only
    assert ready == "loaded", ready
    if parent.poll(cap * repeat):
        seconds, note = parent.recv()
        process.join()
        return seconds, note
    process.kill()
    process.join()
    return None, f"over {cap:g} s"


def _rdflib_worker(conn, graph_file: str, sparql: str, bindings: dict[str, str], repeat: int) -> None:
    from rdflib import Graph
    from rdflib.util import from_n3

    from kg.namespaces import PREFIXES

    graph = Graph()
    graph.parse(graph_file, format="turtle")
    conn.send("loaded")
    init = {name: from_n3(value) for name, value in bindings.items()}
    best = float("inf")
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            list(graph.query(sparql, initNs=dict(PREFIXES), initBindings=init))
            best = min(best, time.perf_counter() - started)
        conn.send((best, ""))
    except Exception as exc:  # an rdflib limitation is a result to report, not a crash
        conn.send((None, f"rdflib error: {type(exc).__name__}"))


def table(timings: list[Timing], graph_file: Path, triples: int) -> str:
    lines = [
        f"Graph: {graph_file.name}, {triples:,} triples; Python {platform.python_version()}, "
        f"{platform.machine()}; best of the runs, query time only.",
        "",
        "| question | rows | pyoxigraph (ms) | rdflib (ms) | rdflib / pyoxigraph |",
        "|---|---:|---:|---:|---:|",
    ]
    for t in timings:
        rdflib_ms = f"{t.rdflib_s * 1000:.1f}" if t.rdflib_s is not None else t.rdflib_note
        ratio = f"{t.ratio:.0f}x" if t.ratio is not None else "-"
        lines.append(f"| {t.question} | {t.rows} | {t.oxigraph_s * 1000:.2f} | {rdflib_ms} | {ratio} |")
    total_ox = sum(t.oxigraph_s for t in timings if t.rdflib_s is not None)
    total_rdflib = sum(t.rdflib_s for t in timings if t.rdflib_s is not None)
    if total_ox:
        lines.append(
            f"| **all questions both engines answered** | | {total_ox * 1000:.1f} "
            f"| {total_rdflib * 1000:.1f} "
            f"| **{total_rdflib / total_ox:.0f}x** |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "exports" / "ssb-kg.ttl")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds rdflib may take per question run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "questions.md")
    args = parser.parse_args()
    from kg.engine import open_graph

    triples = len(open_graph(args.graph))
    report = table(time_questions(args.graph, args.cap, args.repeat), args.graph, triples)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
