"""The baseline of the benchmark: the named questions on rdflib's own SPARQL evaluator.

rdflib parses the graph once, in a child process, and each question runs in a fork of it, killed
at the cap: its evaluator cannot be interrupted in place, and re-parsing a million triples for
every question would take half an hour.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import statistics
import time
from pathlib import Path


def rdflib_baseline(
    turtle: Path, jobs: list[tuple[str, str, dict[str, str]]], cap_s: float, repeat: int
) -> tuple[float, dict[str, tuple[float | None, str]]]:
    """Parse once in a child; run each question in a fork of it, killed after `cap_s` seconds."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    host = context.Process(target=_rdflib_host, args=(child, str(turtle), jobs, cap_s, repeat))
    host.start()
    child.close()
    parse_s = parent.recv()
    results = parent.recv()
    host.join()
    return parse_s, results


def _rdflib_host(conn, turtle: str, jobs, cap_s: float, repeat: int) -> None:
    from rdflib import Graph
    from rdflib.util import from_n3

    from kg.namespaces import PREFIXES

    started = time.perf_counter()
    graph = Graph()
    graph.parse(turtle, format="turtle")
    conn.send(time.perf_counter() - started)
    results = {}
    for name, sparql, bindings in jobs:
        init = {k: from_n3(v) for k, v in bindings.items()}
        results[name] = _forked_query(
            lambda s=sparql, i=init: graph.query(s, initNs=dict(PREFIXES), initBindings=i), cap_s, repeat
        )
    conn.send(results)


def _forked_query(query, cap_s: float, repeat: int) -> tuple[float | None, str]:
    """Run `query()` up to `repeat` times in a fork; kill it once a run passes `cap_s` seconds."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the fork: report each run's time as it ends
        os.close(read)
        try:
            first = time.perf_counter()
            for _ in range(repeat):
                began = time.perf_counter()
                list(query())
                os.write(write, f"{time.perf_counter() - began}\n".encode())
                if time.perf_counter() - first > cap_s:  # slow already: one more run says little
                    break
        except Exception as exc:  # an rdflib limitation is a result to report
            os.write(write, f"error {type(exc).__name__}\n".encode())
        os._exit(0)
    os.close(write)
    os.set_blocking(read, False)
    buffer, killed = b"", False
    run_started = time.monotonic()
    while True:
        try:
            chunk = os.read(read, 4096)
        except BlockingIOError:
            chunk = b""
        if chunk:
            buffer += chunk
            run_started = time.monotonic()  # a run ended; the next one starts now
        if os.waitpid(pid, os.WNOHANG)[0]:
            with contextlib.suppress(BlockingIOError):
                buffer += os.read(read, 4096)
            break
        if time.monotonic() - run_started > cap_s:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            killed = True
            break
        time.sleep(0.002)
    os.close(read)
    words = buffer.decode().split()
    if "error" in words:
        return None, f"rdflib error: {words[words.index('error') + 1]}"
    times = [float(x) for x in words]
    if not times or (killed and not times) or max(times) > cap_s:
        return None, f"over {cap_s:g} s"
    return statistics.median(times), ""
