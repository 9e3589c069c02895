"""Queries in worker processes, so that a query past its time limit can really be stopped.

pyoxigraph evaluates a query in native code that no other thread can interrupt, so a timeout
inside one process could only stop *waiting* for it while it kept a core busy. Here each worker
process holds its own copy of the graph; the server hands a query to an idle worker and waits
at most `timeout` seconds. A worker that has not answered by then is killed (which does stop
the work) and a fresh one is started in the background. Workers use the `spawn` start method:
forking a multi-threaded server is unsafe.

A reply is plain data (HTTP status, media type, body), ready to be sent as it is.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Job:
    """A query (`sparql`) or a named question (`question` + `params`), and the formats the client takes."""

    sparql: str = ""
    question: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    limit: str | None = None  # a listing question's page, as the client wrote it: "25", "all"
    offset: str | None = None
    table_format: str | None = "json"  # a RESULT_FORMATS name for SELECT/ASK; None: not acceptable
    graph_format: str | None = "turtle"  # the same for CONSTRUCT/DESCRIBE


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes
    next_offset: int | None = None  # a listing question's next page starts there

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class QueryPool:
    """A fixed number of worker processes answering jobs, each job within `timeout` seconds."""

    def __init__(self, graph_file: Path, size: int = 2, timeout: float = 30.0, max_rows: int = 10000) -> None:
        self.graph_file = graph_file  # the query store's folder (kg/store.py), or a Turtle file
        self.timeout = timeout
        self.max_rows = max_rows
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._starters: list[threading.Thread] = []
        workers = [self._spawn() for _ in range(max(1, size))]
        for worker in workers:
            worker.wait_ready()
            self._idle.put(worker)

    def run(self, job: Job) -> Reply:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Reply.error(503, f"every query worker stayed busy for {self.timeout:g} s; try again later")
        worker.conn.send(job)
        if worker.conn.poll(self.timeout):
            try:
                reply = worker.conn.recv()
            except EOFError:
                reply = Reply.error(500, "the query worker died; the query was not answered")
                self._replace(worker)
                return reply
            self._idle.put(worker)
            return reply
        self._replace(worker)
        return Reply.error(
            503, f"the query ran longer than {self.timeout:g} s, this endpoint's timeout, and was stopped"
        )

    def close(self) -> None:
        self._closed = True
        for starter in self._starters:
            starter.join()
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                break

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_work, args=(child, str(self.graph_file), self.max_rows), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()

        def start() -> None:
            fresh = self._spawn()
            fresh.wait_ready()
            if self._closed:
                fresh.stop()
            else:
                self._idle.put(fresh)

        starter = threading.Thread(target=start, daemon=True)
        self._starters = [t for t in self._starters if t.is_alive()] + [starter]
        starter.start()


@dataclass
class _Worker:
    process: Any
    conn: Any

    def wait_ready(self) -> None:
        message = self.conn.recv()
        if message != "ready":
            raise RuntimeError(f"query worker failed to start: {message}")

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # the worker may be gone already
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()


def _work(conn: Any, graph_file: str, max_rows: int) -> None:
    """A worker's life: open the graph, then answer jobs until told to stop (None)."""
    from kg.engine import LocalGraph

    try:
        if Path(graph_file).is_dir():  # the query store: opened read-only in milliseconds
            import pyoxigraph as ox

            # with CORS open, any web page could make a SERVICE query fetch URLs of this network
            backend = LocalGraph(ox.Store.read_only(graph_file), max_rows, allow_service=False)
        else:
            backend = LocalGraph.from_file(Path(graph_file), max_rows, allow_service=False)
    except Exception as exc:  # report any start-up failure to the parent, which raises it
        conn.send(str(exc))
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(answer(backend, job))


def answer(backend: Any, job: Job) -> Reply:
    """Run one job on a local backend and serialise the answer the way the client asked."""
    from kg.engine import Table, Triples
    from kg.errors import KGError, QueryError, ServiceRefused, TooManyResults, UpdateRefused
    from kg.results import RESULT_FORMATS, serialize

    try:
        result = _question_answer(backend, job) if job.question is not None else backend.run(job.sparql)
        format_name = job.graph_format if isinstance(result, Triples) else job.table_format
        if format_name is None:
            kind, formats = (
                ("a graph", "turtle, ntriples")
                if isinstance(result, Triples)
                else ("a table", "json, csv, tsv, xml")
            )
            return Reply.error(
                406,
                f"the answer is {kind}, and neither format= nor the Accept header asks for one of "
                f"its formats: {formats}",
            )
        next_offset = result.next_offset if isinstance(result, Table) else None
        return Reply(200, RESULT_FORMATS[format_name].media_type, serialize(result, format_name), next_offset)
    except (UpdateRefused, ServiceRefused) as exc:
        return Reply.error(403, str(exc))
    except TooManyResults as exc:
        return Reply.error(400, str(exc))
    except (QueryError, KGError) as exc:
        return Reply.error(400, str(exc))
    except Exception as exc:  # a bug must not kill the worker; the client gets a 500 with the reason
        return Reply.error(500, f"internal error: {type(exc).__name__}: {exc}")


def _question_answer(backend: Any, job: Job) -> Any:
    """A named question's answer, held to the endpoint's cap on rows (`--max-rows`)."""
    from kg.engine import LocalGraph, Table
    from kg.errors import TooManyResults
    from kg.questions import bind_parameters, get_question, page_for, resolve_lookup, run_question

    question = get_question(job.question)
    page = page_for(question, _whole(job.limit, "limit", "all"), _whole(job.offset, "offset") or 0)
    bindings = bind_parameters(question, dict(job.params), resolve_lookup(backend))
    cap = backend.max_rows
    if cap is None:
        return run_question(backend, question, bindings, page)
    if page is not None and page.limit is not None:
        # a page's query asks for one row more than the page holds, to see whether another page
        # follows; that row is not part of the answer, so it must not count against the cap
        backend = LocalGraph(backend.store, cap + 1, backend.allow_service)
    hint = (
        "ask for a smaller page (limit=N)" if question.paging else "narrow it with the question's parameters"
    )
    try:
        result = run_question(backend, question, bindings, page)
    except TooManyResults:
        result = None
    if result is None or (isinstance(result, Table) and len(result.rows) > cap):
        raise TooManyResults(f"the answer has more than {cap} rows (or triples), this endpoint's cap; {hint}")
    return result


def _whole(text: str | None, name: str, word: str | None = None) -> int | str | None:
    """A page's number as the client wrote it ("25"), or `word` ("all")."""
    from kg.errors import KGError, quoted
    from kg.pages import page_number

    if text is None or (word is not None and text.lower() == word):
        return text
    number = page_number(text)
    if number is None:
        raise KGError(f"{name} takes a whole number{f' or {word}' if word else ''}, not {quoted(text)}")
    return number
