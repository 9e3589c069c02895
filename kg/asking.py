"""Asking the graph: a named question or any SPARQL, here or on a remote endpoint.

The one entry point for `kg query` and `kg sparql`: pick the backend (the built graph, or a
SPARQL endpoint), bind the question's parameters as RDF terms, run it, and add each row's
sources when asked.
"""

from __future__ import annotations

from pathlib import Path

from kg.engine import Answer, Backend, LocalGraph, Table
from kg.errors import KGError
from kg.project import Project


def open_backend(project: Project, endpoint: str | None = None, graph: str | None = None) -> Backend:
    if endpoint:
        from kg.remote import RemoteEndpoint

        return RemoteEndpoint(endpoint, graph)
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
) -> Answer:
    from kg.questions import bind_parameters, get_question, resolve_lookup, run_question

    question = get_question(name)
    backend = open_backend(project, endpoint, graph)
    bindings = bind_parameters(question, given, resolve_lookup(backend))
    return _finish(backend, run_question(backend, question, bindings), with_sources)


def ask_sparql(
    project: Project,
    text: str,
    endpoint: str | None = None,
    graph: str | None = None,
    with_sources: bool = False,
) -> Answer:
    """Any query; `text` may be '@file.rq' to read it from a file."""
    backend = open_backend(project, endpoint, graph)
    return _finish(backend, backend.run(read_query(text)), with_sources)


def read_query(text: str) -> str:
    if not text.startswith("@"):
        return text
    path = Path(text[1:])
    if not path.is_file():
        raise KGError(f"no query file {path}")
    return path.read_text(encoding="utf-8")


def _finish(backend: Backend, answer: Answer, with_sources: bool) -> Answer:
    if not with_sources:
        return answer
    if not isinstance(answer, Table):
        raise KGError("--with-sources adds a column to a table: it needs a SELECT query")
    from kg.provenance import add_sources

    return add_sources(backend, answer)
