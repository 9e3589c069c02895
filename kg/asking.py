"""Asking the graph: a named question or any SPARQL, here or on a remote endpoint.

The one entry point for `kg query` and `kg sparql`: pick the backend (the built graph, or a
SPARQL endpoint), bind the question's parameters as RDF terms, run it, and add each row's
sources when asked.

The work runs on a thread of its own while the calling thread waits for it, so that Ctrl-C and
a time limit end the wait: pyoxigraph evaluates a query in native code that a signal cannot
interrupt, but with Python's lock released, so the waiting thread stays responsive. The
evaluation itself stops when the process exits, which `kg` does at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from kg.engine import Answer, Backend, LocalGraph, Table
from kg.errors import KGError, not_utf8_text
from kg.project import Project


def open_backend(
    project: Project, endpoint: str | None = None, graph: str | None = None, timeout: float | None = None
) -> Backend:
    if endpoint:
        from kg.remote import RemoteEndpoint

        # the server may take as long as the caller waits (and no longer than 120 s unasked)
        return RemoteEndpoint(endpoint, graph, timeout or 120.0)
    if graph:
        raise KGError("--graph needs --endpoint: the local graph has no named graphs to choose from")
    from kg.store import open_store

    return LocalGraph(open_store(project))


def ask_question(
    project: Project,
    name: str,
    given: dict[str, str],
    endpoint: str | None = None,
    graph: str | None = None,
    with_sources: bool = False,
    timeout: float | None = None,
    limit: int | str | None = None,
    offset: int = 0,
) -> Answer:
    """A named question's answer; `timeout`: seconds to wait for it (None: as long as it takes);
    `limit` ("all", or None for the question's own page size) and `offset`: which page of a
    listing question (kg.questions.page_for)."""
    from kg.questions import bind_parameters, get_question, page_for, resolve_lookup, run_question

    question = get_question(name)
    page = page_for(question, limit, offset)
    backend = open_backend(project, endpoint, graph, timeout)

    def work() -> Answer:
        bindings = bind_parameters(question, given, resolve_lookup(backend))
        return _finish(backend, run_question(backend, question, bindings, page), with_sources)

    return within(timeout, work)


def ask_sparql(
    project: Project,
    text: str,
    endpoint: str | None = None,
    graph: str | None = None,
    with_sources: bool = False,
    timeout: float | None = None,
) -> Answer:
    """Any query; `text` may be '@file.rq' to read it from a file; `timeout` as for `ask_question`."""
    backend = open_backend(project, endpoint, graph, timeout)
    sparql = read_query(text)
    return within(timeout, lambda: _finish(backend, backend.run(sparql), with_sources))


def within(seconds: float | None, work: Callable[[], Answer]) -> Answer:
    """`work()`, run on a thread while this one waits: a KGError after `seconds`, and Ctrl-C
    (KeyboardInterrupt) at any time. The work goes on until the process exits.

    A thread of our own, a daemon: a ThreadPoolExecutor's threads are joined at exit, and a
    command that gave up would then wait for the query after all.
    """
    answer: list[Answer] = []
    error: list[BaseException] = []

    def target() -> None:
        try:
            answer.append(work())
        except BaseException as exc:  # handed to the waiting thread, which raises it
            error.append(exc)

    thread = threading.Thread(target=target, name="kg-query", daemon=True)
    thread.start()
    deadline = None if seconds is None else time.monotonic() + seconds
    while thread.is_alive():
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            raise KGError(f"the query took longer than {seconds:.15g} s (--timeout) and was given up")
        # short waits, not one join(): the signal handler runs in this thread between them
        thread.join(0.1 if left is None else min(0.1, left))
    if error:
        raise error[0]
    return answer[0]


def read_query(text: str) -> str:
    if not text.startswith("@"):
        return text
    path = Path(text[1:])
    if not path.is_file():
        raise KGError(f"no query file {path}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KGError(f"{path}: {not_utf8_text(exc)}") from None


def _finish(backend: Backend, answer: Answer, with_sources: bool) -> Answer:
    if not with_sources:
        return answer
    if not isinstance(answer, Table):
        raise KGError("--with-sources adds a column to a table: it needs a SELECT query")
    from kg.provenance import add_sources

    return add_sources(backend, answer)
