"""`kg serve`: the built graph as a read-only SPARQL 1.1 Protocol endpoint.

Werkzeug parses requests and negotiates content types; waitress, a small pure-Python WSGI
server, serves them with a few threads; each query runs in a worker process (kg/worker.py) so
that the timeout really stops it. Routes:

    /sparql            the SPARQL 1.1 Protocol: GET ?query=, POST form or application/sparql-query
    /questions         the named questions as JSON: parameters, examples, pages (kg/catalogue.py)
    /questions/NAME    a named question, its parameters as query parameters (?company=toyota);
                       a listing question answers a page: ?limit=N (or all) and ?offset=N
    /                  a page listing the named questions as runnable examples
    /view              the network view (exports/view.html), once `kg view` has written it

Answers come as SPARQL JSON (the default), CSV, TSV or XML, and Turtle or N-Triples for
CONSTRUCT/DESCRIBE, chosen by the Accept header or by `?format=json|csv|tsv|xml|turtle|ntriples`.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import KGError, quoted, shortened
from kg.project import Project
from kg.worker import Job, QueryPool, Reply

TABLE_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "ntriples"}
FORM_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")  # what a POST may send
FORMAT_PARAMETER = {"json", "csv", "tsv", "xml", "turtle", "ntriples"}
VIEW_FILE = "view.html"


def make_app(project: Project, pool: QueryPool, query_slots: int = 4) -> Callable[..., Any]:
    """The WSGI application. At most `query_slots` requests wait for or run a query at once; one
    more gets 503 at once, so that the server's other threads stay free for the pages (six slow
    queries held all four threads, and `/` waited 29 s)."""
    import threading

    from werkzeug.wrappers import Request, Response

    slots = threading.BoundedSemaphore(query_slots)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        response = _route(request, project, pool)
        response.headers["Access-Control-Allow-Origin"] = "*"  # lets YASGUI and notebooks in browsers call it
        return response(environ, start_response)

    def _route(request: Any, project: Project, pool: QueryPool) -> Any:
        path = request.path.rstrip("/") or "/"
        if request.method == "OPTIONS":
            return Response(status=204, headers={"Access-Control-Allow-Headers": "Content-Type, Accept"})
        if path != "/sparql" and request.method not in ("GET", "HEAD"):
            response = _text(405, f"{request.path} is read with GET")
            response.headers["Allow"] = "GET, HEAD"
            return response
        if path == "/":
            return Response(index_page(project), mimetype="text/html")
        if path == "/view":
            view = project.exports / VIEW_FILE
            if not view.is_file():
                return _text(404, "no network view yet: run `kg view` to write exports/view.html")
            return Response(view.read_bytes(), mimetype="text/html")
        if path == "/sparql":
            response = _reply(_in_a_slot(lambda: protocol_request(request, pool)))
            if response.status_code == 405:
                response.headers["Allow"] = "GET, HEAD, POST"
            return response
        if path == "/questions":  # the catalogue, for a notebook or a dashboard (kg/catalogue.py)
            from kg.catalogue import catalogue_json

            return Response(catalogue_json("/questions"), mimetype="application/json")
        if path.startswith("/questions/"):
            reply = _in_a_slot(lambda: question_request(request, path.split("/", 2)[2], pool))
            response = _reply(reply)
            if reply.next_offset is not None:  # RFC 8288, as paged web APIs say it
                # names as the question read them (" offset" is offset): the link must not name one twice
                given = {name.strip(): values for name, values in request.args.to_dict(flat=False).items()}
                args = {**given, "offset": [reply.next_offset]}
                following = urllib.parse.urlencode(args, doseq=True)
                response.headers["Link"] = f'<{request.base_url}?{following}>; rel="next"'
            return response
        return _text(404, f"nothing at {shortened(request.path)}: try /, /sparql or /questions")

    def _in_a_slot(answer: Callable[[], Reply]) -> Reply:
        if not slots.acquire(blocking=False):
            return Reply.error(
                503, f"{query_slots} queries are running or waiting already; try again shortly"
            )
        try:
            return answer()
        finally:
            slots.release()

    def _reply(reply: Reply) -> Any:
        return Response(reply.body, status=reply.status, content_type=reply.media_type)

    def _text(status: int, message: str) -> Any:
        return _reply(Reply.error(status, message))

    return app


def not_utf8(request: Any) -> str | None:
    """The part of the request whose bytes are not UTF-8, if one is. werkzeug would read it
    anyway, a bad byte of the URL left as its %XX text and one of the body replaced, and the
    query run would not be the one sent."""
    parts = [("the query string", urllib.parse.unquote_to_bytes(request.query_string))]
    if request.method == "POST":
        body = request.get_data(cache=True)  # cached: request.form still reads it
        if (request.mimetype or "").lower() == "application/x-www-form-urlencoded":
            body = urllib.parse.unquote_to_bytes(body)
        parts.append(("the request's body", body))
    for part, data in parts:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return part
    return None


def utf8_refusal(request: Any) -> Reply | None:
    """A 400 for a request with a part that is not UTF-8 (`not_utf8`), else None."""
    garbled = not_utf8(request)
    return Reply.error(400, f"{garbled} is not UTF-8: send the query's text in UTF-8") if garbled else None


def protocol_request(request: Any, pool: QueryPool) -> Reply:
    """A SPARQL 1.1 Protocol query operation, or the reason it is refused."""
    content_type = (request.mimetype or "").lower()
    if request.method not in ("GET", "HEAD", "POST"):
        return Reply.error(405, "use GET or POST")
    read_only = Reply.error(403, "this endpoint is read-only: SPARQL Update is refused")
    if content_type == "application/sparql-update":
        return read_only
    if request.method == "POST" and content_type not in FORM_TYPES:
        return Reply.error(415, "POST a form (query=...) or an application/sparql-query body")
    # after the refusals, so that only a body this endpoint takes is read; before request.form,
    # which would consume it
    if refused := utf8_refusal(request):
        return refused
    # a GET's body is never read: werkzeug would parse a multipart one, and refuse a large one
    form = request.form if request.method == "POST" else {}
    if "update" in form or "update" in request.args:
        return read_only
    queries = request.args.getlist("query") + (form.getlist("query") if form else [])
    if len(queries) > 1 or len(request.args.getlist("format")) > 1:
        return Reply.error(400, "give one query (and at most one format): the request has several")
    if request.method == "POST" and content_type == "application/sparql-query":
        sparql = request.get_data(as_text=True)
    elif request.method == "POST" and content_type == "application/x-www-form-urlencoded":
        sparql = form.get("query", "")
    else:
        sparql = request.args.get("query", "")
    if not sparql.strip():
        return Reply.error(
            400, "no query: pass query=... (GET or a POSTed form) or POST application/sparql-query"
        )
    fields = set(request.args) | set(form)
    if fields & {"default-graph-uri", "named-graph-uri"}:
        return Reply.error(
            400, "this endpoint holds one graph: default-graph-uri and named-graph-uri are not supported"
        )
    return _negotiated(
        request, lambda table, graph: Job(sparql=sparql, table_format=table, graph_format=graph), pool
    )


def question_request(request: Any, name: str, pool: QueryPool) -> Reply:
    """A named question; `limit` (a number, or all) and `offset` page a listing question."""
    from kg.questions import get_question, given_parameters

    try:
        get_question(name)
    except KGError as exc:
        return Reply.error(404, str(exc))
    if refused := utf8_refusal(request):
        return refused
    try:  # every argument once: the question's parameters, and the page and format beside them
        given = given_parameters(request.args.items(multi=True))
    except KGError as exc:
        return Reply.error(400, str(exc))
    limit, offset = given.pop("limit", None), given.pop("offset", None)
    given.pop("format", None)  # read by _negotiated
    params = tuple(sorted(given.items()))
    return _negotiated(
        request,
        lambda table, graph: Job(
            question=name, params=params, limit=limit, offset=offset, table_format=table, graph_format=graph
        ),
        pool,
    )


def _negotiated(request: Any, make_job: Callable[[str | None, str | None], Job], pool: QueryPool) -> Reply:
    chosen = (request.args.get("format") or "").strip().lower()  # CSV, as a form may send it
    if chosen:
        if chosen not in FORMAT_PARAMETER:
            return Reply.error(
                400, f"unknown format {quoted(chosen)}; choose from {', '.join(sorted(FORMAT_PARAMETER))}"
            )
        table = chosen if chosen not in GRAPH_TYPES.values() else None
        graph = chosen if chosen in GRAPH_TYPES.values() else None
    else:
        accept = request.accept_mimetypes
        table = TABLE_TYPES.get(accept.best_match(list(TABLE_TYPES)) or "") if accept else "json"
        graph = GRAPH_TYPES.get(accept.best_match(list(GRAPH_TYPES)) or "") if accept else "turtle"
    return pool.run(make_job(table, graph))


def index_page(project: Project) -> str:
    """The page at /: every named question as a small form, and a box for any query."""
    from kg.questions import load_questions

    items = []
    for question in load_questions().values():
        example = question.examples[0] if question.examples else {}
        inputs = "".join(
            f'<label>{html.escape(p.name)} <input name="{html.escape(p.name)}" '
            f'value="{html.escape(example.get(p.name, p.default or ""))}" '
            f'title="{html.escape(p.description)}"></label> '
            for p in question.parameters
        )
        if question.paging:  # left empty, the form asks for the first page
            inputs += (
                f'<label>limit <input name="limit" size="5" placeholder="{question.paging.size}" '
                f'title="{html.escape(question.paging.unit)} a page, or all"></label> '
                '<label>offset <input name="offset" size="5" placeholder="0" '
                'title="how many to skip (the Link header of an answer gives the next page)"></label> '
            )
        link = f"/questions/{question.name}?" + urllib.parse.urlencode({**example, "format": "json"})
        items.append(
            f"<li><h3>{html.escape(question.title)} <code>{question.name}</code></h3>"
            f"<p>{html.escape(question.description)}</p>"
            f'<form action="/questions/{question.name}">{inputs}{_format_select()}'
            f'<button>Ask</button> <a href="{html.escape(link)}">example</a></form>'
            f"<details><summary>SPARQL</summary><pre>{html.escape(question.sparql)}</pre></details></li>"
        )
    view = project.exports / VIEW_FILE
    view_link = '<p><a href="/view">The network view</a> of the graph.</p>' if view.is_file() else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ssb-kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}li{{margin-bottom:1em}}
pre{{background:#f4f4f4;padding:.5em;overflow:auto}}textarea{{width:100%}}</style></head>
<body><h1>ssb-kg: the solid-state battery graph</h1>
<p>A read-only SPARQL 1.1 endpoint at <code>/sparql</code> (GET or POST; JSON, CSV, TSV or XML results,
Turtle for CONSTRUCT and DESCRIBE). The prefixes <code>ssb: id: chem: rdfs: skos: prov:</code> and the
others of the project need no PREFIX lines.</p>{view_link}
<form action="/sparql"><textarea name="query" rows="6">SELECT ?company ?name WHERE {{
  ?company a ssb:Automaker ; rdfs:label ?name }} ORDER BY ?name</textarea><br>
{_format_select()}<button>Run</button></form>
<h2>Named questions</h2><p>The same list in JSON, for a script: <a href="/questions">/questions</a>.</p>
<ul>{"".join(items)}</ul></body></html>
"""


def _format_select() -> str:
    options = "".join(f"<option>{f}</option>" for f in ("json", "csv", "tsv", "xml", "turtle"))
    return f'<select name="format">{options}</select> '


def serve(
    project: Project,
    host: str = "127.0.0.1",
    port: int = 7879,
    timeout: float = 30.0,
    max_rows: int = 10000,
    workers: int = 2,
    announce: Callable[[str], None] = print,
    in_memory: bool = False,
) -> None:
    """Run the endpoint until interrupted.

    `in_memory`: each worker reads the export into memory instead of opening the on-disk store.
    The median question is twice as fast at a million triples (README), for about 0.4 GB per worker
    and a few seconds of start-up per million triples; a worker stopped by the timeout is
    replaced by one that reads the same copy of the export, taken at start-up, again.
    """
    from waitress import create_server

    from kg.store import built_graph_file, ensure_store, ontology_mismatch

    graph_file: Path = built_graph_file(project)
    snapshot: Path | None = None
    try:
        source = ensure_store(project)  # each worker opens the query store read-only
    except OSError:
        source = graph_file  # no store can be written here: each worker reads the export
    else:
        import pyoxigraph as ox

        mismatch = ontology_mismatch(project, ox.Store.read_only(str(source)))
        if mismatch:
            announce(mismatch)
    if in_memory or source == graph_file:
        if in_memory:
            announce(f"reading {graph_file} into memory in {workers} worker(s) ...")
        # why: a worker started later (one replaced after a timeout) must read the graph the
        # others hold, not one a `kg build` wrote since; the store folders are kept, an export is not
        snapshot = _new_snapshot_folder() / graph_file.name
        shutil.copyfile(graph_file, snapshot)
        source = snapshot
    _stop_on_sigterm()
    try:
        pool = QueryPool(source, workers, timeout, max_rows)
        try:
            try:
                server = create_server(
                    # two threads more than queries may hold: the pages answer whatever runs
                    make_app(project, pool, query_slots=2 * workers),
                    host=host,
                    port=port,
                    threads=2 * workers + 2,
                )
            except OSError as exc:
                raise KGError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
            except ValueError as exc:  # waitress: "Invalid host/port specified."
                raise KGError(f"cannot listen on {host!r} port {port}: {exc}") from None
            shown = f"[{host}]" if ":" in host else host  # an IPv6 address, as a URL writes it
            announce(
                f"serving {graph_file} at http://{shown}:{server.effective_port}/ (SPARQL: /sparql); "
                "Ctrl-C stops"
            )
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            pool.close()
    finally:
        if snapshot is not None:
            shutil.rmtree(snapshot.parent, ignore_errors=True)


_SNAPSHOT = re.compile(r"kg-serve-(\d{1,7})-")  # kg-serve-<the server's pid>-<random>


def _new_snapshot_folder() -> Path:
    """A temp folder for this server's copy of the export, named after its process, once the
    copies of servers that are gone are removed: one killed with SIGKILL (or by the OOM killer)
    cannot remove its own, and a copy is as large as the export."""
    root = Path(tempfile.gettempdir())
    for folder in root.glob("kg-serve-*-*"):
        owner = _SNAPSHOT.match(folder.name)
        if owner and folder.is_dir() and not _running(int(owner.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"kg-serve-{os.getpid()}-", dir=root))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal is sent: only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _stop_on_sigterm() -> None:
    """Let SIGTERM (kill, systemd, a container's stop) stop the server as Ctrl-C does, so that
    the workers are stopped and the in-memory snapshot in the temp folder is removed."""
    import signal
    import threading

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
        signal.signal(signal.SIGTERM, stop)
