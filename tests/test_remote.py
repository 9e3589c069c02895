"""`kg push` and `kg query --endpoint` against a real Oxigraph server started on 127.0.0.1."""

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.asking import ask_question
from kg.project import Project
from kg.questions import load_questions

from .conftest import REPO, normalised, run_kg


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the oxigraph server is not installed (pip install '.[test]')")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server on a free port with its data in a temporary folder; stopped afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
            break
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("the oxigraph server did not start")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def build_copy(root: Path, data: Path) -> Path:
    shutil.copytree(data, root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    assert run_kg("build", home=root).exit_code == 0
    return root


@pytest.fixture(scope="module")
def mini_built(tmp_path_factory):
    return build_copy(
        tmp_path_factory.mktemp("remote") / "project", REPO / "tests" / "fixtures" / "mini" / "data"
    )


def count(server, graph=None):
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    query = urllib.parse.quote(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    request = urllib.request.Request(
        f"{server}/query?query={query}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request) as response:
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


def csv_rows(output):
    return list(csv.DictReader(io.StringIO(output)))


def test_push_then_ask_the_same_question_remotely(server, mini_built):
    result = run_kg("push", "--endpoint", f"{server}/store", home=mini_built)
    assert result.exit_code == 0, result.output
    local = csv_rows(
        run_kg("query", "partners", "-p", "company=Nordcell", "--format", "csv", home=mini_built).output
    )
    remote = run_kg(
        "query",
        "partners",
        "-p",
        "company=Nordcell",
        "--format",
        "csv",
        "--endpoint",
        f"{server}/query",
        home=mini_built,
    )
    assert remote.exit_code == 0, remote.output
    assert csv_rows(remote.output) == local
    assert {r["partnerName"] for r in local} == {"Voltara Motors"}


def test_pushing_twice_replaces_rather_than_duplicates(server, mini_built):
    run_kg("push", "--endpoint", f"{server}/store", home=mini_built)
    first = count(server)
    run_kg("push", "--endpoint", f"{server}/store", home=mini_built)
    assert count(server) == first > 1000


def test_push_into_a_named_graph_and_query_it(server, mini_built):
    graph = "https://example.org/graphs/ssb"
    result = run_kg("push", "--endpoint", f"{server}/store", "--graph", graph, home=mini_built)
    assert result.exit_code == 0 and graph in result.output
    assert count(server, graph) == count(server)  # the default graph holds the same push
    remote = run_kg(
        "query",
        "vehicles",
        "--format",
        "json",
        "--endpoint",
        f"{server}/query",
        "--graph",
        graph,
        home=mini_built,
    )
    (binding,) = json.loads(remote.output)["results"]["bindings"]
    assert binding["name"]["value"] == "Voltara Aurora"


def test_sources_and_sparql_remotely(server, mini_built):
    run_kg("push", "--endpoint", f"{server}/store", home=mini_built)
    remote = run_kg(
        "query",
        "production-lines",
        "--with-sources",
        "--format",
        "csv",
        "--endpoint",
        f"{server}/query",
        home=mini_built,
    )
    (row,) = csv_rows(remote.output)
    assert row["sources"] == "article alpha sentence 2 (Test Wire, 2026-03-02)"
    # the project's prefixes work remotely too
    asked = run_kg(
        "sparql", "ASK { id:nordcell-energy a ssb:Company }", "--endpoint", f"{server}/query", home=mini_built
    )
    assert asked.output.strip() == "yes"


def test_remote_errors_are_one_line(server, mini_built):
    bad = run_kg("sparql", "SELECT ?x WHERE {", "--endpoint", f"{server}/query", home=mini_built)
    assert bad.exit_code != 0 and "HTTP 400" in bad.output and "Traceback" not in bad.output
    refused = run_kg("sparql", "DELETE WHERE { ?s ?p ?o }", "--endpoint", f"{server}/query", home=mini_built)
    assert refused.exit_code != 0 and "read-only" in refused.output


def test_a_graph_name_that_is_no_iri_is_refused_before_anything_is_sent(server, mini_built):
    for args in (
        ["push", "--endpoint", f"{server}/store", "--graph", "a b"],
        ["query", "partners", "--endpoint", f"{server}/query", "--graph", "a b"],
    ):
        result = run_kg(*args, home=mini_built)
        assert result.exit_code == 2, result.output
        assert "'a b' is not an absolute IRI" in result.output


def test_every_named_question_answers_alike_on_the_server(server, seed_project):
    root = seed_project
    graph = "https://example.org/graphs/seeds"
    assert run_kg("push", "--endpoint", f"{server}/store", "--graph", graph, home=root).exit_code == 0
    checked = 0
    for question in load_questions().values():
        for example in question.examples or ({},):
            local = ask_question(Project(root), question.name, example)
            remote = ask_question(
                Project(root), question.name, example, endpoint=f"{server}/query", graph=graph
            )
            assert local.columns == remote.columns, question.name
            assert normalised(local.rows) == normalised(remote.rows), (question.name, example)
            checked += 1
    assert checked >= 30


def test_pages_of_listing_questions_are_the_same_on_the_server(server, mini_built):
    # The server gets the bound values as the query's text (kg/remote.py), so a page must be cut
    # from what they select inside the query itself: pages of one, for each role and country
    graph = "https://example.org/graphs/mini-pages"
    assert run_kg("push", "--endpoint", f"{server}/store", "--graph", graph, home=mini_built).exit_code == 0
    cases = [
        ("companies-by-role", {"role": "Automaker"}),
        ("companies-by-role", {"role": "GovernmentBody", "country": "france"}),
        ("most-connected", {"role": "BatteryMaker"}),
        ("articles", {}),
    ]
    for name, example in cases:
        for offset in (0, 1):
            local = ask_question(Project(mini_built), name, example, limit=1, offset=offset)
            remote = ask_question(
                Project(mini_built),
                name,
                example,
                endpoint=f"{server}/query",
                graph=graph,
                limit=1,
                offset=offset,
            )
            assert remote.rows == local.rows and remote.next_offset == local.next_offset, (
                name,
                example,
                offset,
            )
    first = ask_question(Project(mini_built), "companies-by-role", {"role": "Automaker"}, limit=1)
    assert [row[2].value for row in first.rows] == ["https://w3id.org/ssb-kg/id/voltara-motors"]


@pytest.fixture
def bad_endpoint():
    """A server that answers every query with 200 and the body and type a test sets."""
    import http.server
    import threading

    reply = {"type": "application/sparql-results+json", "body": b""}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            reply["authorization"] = self.headers.get("Authorization")
            self.send_response(200)
            self.send_header("Content-Type", reply["type"])
            self.end_headers()
            self.wfile.write(reply["body"])

        do_POST = do_PUT = do_GET  # noqa: N815

        def log_message(self, *args):  # quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", reply
    server.shutdown()


@pytest.mark.parametrize(
    "media, body",
    [
        ("application/sparql-results+json", b"\xff\xfe not json"),
        ("application/sparql-results+json", b"[1, 2]"),
        (
            "application/sparql-results+json",
            b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri"}}]}}',
        ),
        ("application/sparql-results+xml", b"<sparql><oops"),
        ("text/turtle", b"garbage <<<"),
    ],
)
def test_an_endpoint_s_broken_answer_is_a_one_line_error(bad_endpoint, mini_built, media, body):
    url, reply = bad_endpoint
    reply.update(type=media, body=body)
    query = "CONSTRUCT WHERE { ?s ?p ?o }" if media == "text/turtle" else "SELECT ?x WHERE { ?x ?p ?o }"
    for command in (["sparql", query], ["query", "class-counts"]):
        result = run_kg(*command, "--endpoint", url, home=mini_built)  # tracebacks before
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        assert "the endpoint's answer is not valid" in result.output or "not a SPARQL" in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_user_and_password_in_the_url_are_sent_as_basic_auth_and_never_printed(bad_endpoint, mini_built):
    import base64

    url, reply = bad_endpoint
    reply.update(type="application/sparql-results+json", body=b'{"head": {}, "boolean": true}')
    with_user = url.replace("http://", "http://ana:s%40cret@")  # urllib read "s%40cret@127..." as a port
    result = run_kg("sparql", "ASK {}", "--endpoint", with_user, home=mini_built)
    assert result.exit_code == 0 and result.output.strip() == "yes", result.output
    assert reply["authorization"] == "Basic " + base64.b64encode(b"ana:s@cret").decode()
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    failed = run_kg("push", "--endpoint", f"http://ana:s3cret@127.0.0.1:{port}/store", home=mini_built)
    assert failed.exit_code == 1 and "cannot reach the server" in failed.output
    assert "s3cret" not in failed.output and "ana" not in failed.output
    slashed = run_kg(
        "sparql", "ASK {}", "--endpoint", f"http://ana:pa/ss@127.0.0.1:{port}/q", home=mini_built
    )
    assert slashed.exit_code == 1 and "pa/ss" not in slashed.output  # "/" ended the parsed host
    pushed = run_kg("push", "--endpoint", with_user.replace("/sparql", "/store"), home=mini_built)
    assert pushed.exit_code == 0 and "pushed" in pushed.output and "cret" not in pushed.output


def test_credentials_do_not_follow_a_redirect_to_another_server(bad_endpoint, mini_built):
    import http.server
    import threading

    target, reply = bad_endpoint  # where the redirect leads: it records the Authorization it gets
    reply.update(type="application/sparql-results+json", body=b'{"head": {}, "boolean": true}')

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.send_response(303)  # see other: urllib follows it with a GET
            self.send_header("Location", target)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://ana:s3cret@127.0.0.1:{server.server_address[1]}/sparql"
        result = run_kg("sparql", "ASK {}", "--endpoint", url, home=mini_built)
    finally:
        server.shutdown()
    assert result.exit_code == 0 and result.output.strip() == "yes", result.output
    assert reply["authorization"] is None  # urllib passed the password on to the other port
