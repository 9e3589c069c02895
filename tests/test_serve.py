"""`kg serve` over real HTTP on 127.0.0.1: the SPARQL 1.1 Protocol, formats, refusals, limits."""

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from kg.questions import load_questions

from .conftest import REPO, run_kg

ID = "https://w3id.org/ssb-kg/id/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A built copy of the two test articles' project, with a network view to serve."""
    import shutil

    root = tmp_path_factory.mktemp("serve") / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini" / "data", root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    assert run_kg("build", home=root).exit_code == 0
    (root / "exports" / "view.html").write_text("<html>network</html>")
    return root


def start_server(root, *options, wait=60, env=None):
    """`kg serve` on an ephemeral port: (process, base URL, the lines it printed before serving).
    A server that has not printed its URL within `wait` seconds is killed and the test fails."""
    import queue
    import threading

    args = ["--home", str(root), "serve", "--port", "0", *options]
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )
    lines: queue.Queue = queue.Queue()

    def read_output() -> None:  # on a thread: a server that prints nothing must not block the test
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=read_output, daemon=True).start()
    before = []
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            return process, f"http://127.0.0.1:{match.group(1)}", before
        before.append(line)
        if process.poll() is not None and lines.empty():
            break
    process.kill()
    process.wait(timeout=10)
    raise AssertionError(f"kg serve printed no URL within {wait} s: {before}")


LIMITS = ("--timeout", "2", "--max-rows", "40", "--workers", "1")


@pytest.fixture(scope="module")
def endpoint(served):
    """The served project on the on-disk query store; stopped afterwards."""
    process, url, _ = start_server(served, *LIMITS)
    yield url
    process.terminate()
    process.wait(timeout=10)


def call(url, data=None, headers=None, method=None):
    """(status, content type, body) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def get(endpoint, query, accept=None, **extra):
    params = urllib.parse.urlencode({"query": query, **extra})
    return call(f"{endpoint}/sparql?{params}", headers={"Accept": accept} if accept else {})


NAMES = "SELECT ?name WHERE { ?c a ssb:Company ; rdfs:label ?name } ORDER BY ?name"


def test_get_answers_sparql_json_by_default(endpoint):
    status, media, body = get(endpoint, NAMES)
    assert status == 200 and media.startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    # the Automaker and the BatteryMaker are Companies (inference), and the government body too
    assert names == ["French government", "Nordcell Energy", "Voltara Motors"]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/json", "application/sparql-results+json"),
    ],
)
def test_content_negotiation(endpoint, accept, media):
    status, got, body = get(endpoint, NAMES, accept)
    assert status == 200 and got.startswith(media)
    if media == "text/csv":
        assert [r["name"] for r in csv.DictReader(io.StringIO(body))][0] == "French government"
    elif media.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        assert ET.fromstring(body).find(".//r:literal", ns).text == "French government"
    elif media.startswith("text/tab"):
        assert body.splitlines()[1] == '"French government"'


def test_construct_negotiates_turtle(endpoint):
    query = "CONSTRUCT { ?a ssb:partnersWith ?b } WHERE { ?a ssb:partnersWith ?b }"
    status, media, body = get(endpoint, query, "text/turtle, application/sparql-results+json;q=0.5")
    assert status == 200 and media.startswith("text/turtle")
    assert len(list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE))) == 2


def test_post_form_and_post_query_body(endpoint):
    form = urllib.parse.urlencode({"query": NAMES}).encode()
    status, _, body = call(
        f"{endpoint}/sparql",
        form,
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    assert status == 200 and "Nordcell Energy" in body
    status, _, body = call(
        f"{endpoint}/sparql",
        NAMES.encode(),
        {"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200 and "Voltara Motors" in body


def test_the_format_parameter_overrides_accept(endpoint):
    status, media, _ = get(endpoint, NAMES, "application/sparql-results+json", format="csv")
    assert status == 200 and media.startswith("text/csv")


def test_an_update_is_refused(endpoint):
    update = "INSERT DATA { id:a id:b id:c }"
    status, _, body = call(
        f"{endpoint}/sparql", update.encode(), {"Content-Type": "application/sparql-update"}
    )
    assert status == 403 and "read-only" in body
    status, _, body = get(endpoint, "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }")
    assert status == 403 and "SPARQL Update" in body
    # and the graph is untouched
    assert get(endpoint, "ASK { id:a id:b id:c }", "application/json")[2].find("false") > 0


def test_a_bad_query_is_a_400_naming_line_and_column(endpoint):
    status, media, body = get(endpoint, "SELECT ?x WHERE {\n ?x ?y \n}")
    assert status == 400 and media.startswith("text/plain")
    assert "syntax error at line 3" in body


def test_a_missing_query_is_a_400(endpoint):
    assert call(f"{endpoint}/sparql")[0] == 400


def test_a_slow_query_is_stopped_and_the_endpoint_keeps_answering(endpoint):
    started = time.monotonic()
    status, _, body = get(endpoint, SLOW)
    assert status == 503 and "longer than 2 s" in body
    assert time.monotonic() - started < 15
    # the killed worker is replaced: the next query is answered
    status, _, _ = get(endpoint, NAMES)
    assert status == 200


def test_an_answer_over_the_cap_is_refused(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and "more than 40 rows" in body
    assert get(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 40")[0] == 200


def test_a_named_question_with_parameters(endpoint):
    status, _, body = call(f"{endpoint}/questions/partners?company=Nordcell&format=csv")
    assert status == 200
    assert {r["partnerName"] for r in csv.DictReader(io.StringIO(body))} == {"Voltara Motors"}
    status, _, body = call(f"{endpoint}/questions/partners?firm=x")
    assert status == 400 and "unknown parameter" in body


def test_the_page_lists_the_questions_and_links_the_view(endpoint):
    status, media, body = call(endpoint + "/")
    assert status == 200 and media.startswith("text/html")
    assert body.count('<form action="/questions/') >= 25
    assert 'href="/questions/partners?company=toyota&amp;format=json"' in body
    assert 'href="/view"' in body and 'href="/questions"' in body
    assert call(endpoint + "/view")[2] == "<html>network</html>"


def test_the_page_s_forms_page_the_listings(endpoint):
    body = call(endpoint + "/")[2]
    forms = dict(re.findall(r'<form action="/questions/([\w-]+)">(.*?)</form>', body, re.S))
    listings = {q.name for q in load_questions().values() if q.paging}
    assert {name for name, form in forms.items() if 'name="limit"' in form} == listings
    assert all('name="offset"' in forms[name] for name in listings)
    # a browser sends every field of the form, the empty ones too: the first page
    whole = call(f"{endpoint}/questions/articles?limit=all&format=csv")[2]
    first = call(f"{endpoint}/questions/articles?limit=&offset=&format=csv")
    assert first[0] == 200 and first[2] == whole  # the two articles: one page of 50
    second = call(f"{endpoint}/questions/articles?limit=1&offset=1&format=csv")[2]
    assert second.splitlines()[0] == whole.splitlines()[0] and second.splitlines()[1] == whole.splitlines()[2]


def test_serving_a_graph_built_with_another_ontology_version_says_so(mini):
    assert run_kg("build", home=mini).exit_code == 0
    ontology = mini / "ontology" / "ssb.ttl"  # updated since the build, as by a newer ssb-kg
    ontology.write_text(ontology.read_text().replace('owl:versionInfo "0.3.0"', 'owl:versionInfo "0.4.0"'))
    process, _, before = start_server(mini, "--workers", "1")
    process.terminate()
    process.wait(timeout=10)
    assert any("version 0.3.0 of the ontology" in line and "kg build" in line for line in before), before


@pytest.fixture(scope="module")
def memory_endpoint(served):
    """The same project, each worker holding the graph in memory."""
    process, url, before = start_server(served, *LIMITS, "--in-memory")
    yield url, before
    process.terminate()
    process.wait(timeout=10)


def test_in_memory_workers_give_the_store_s_answers(endpoint, memory_endpoint):
    url, before = memory_endpoint
    assert any("into memory" in line for line in before)
    compared = 0
    for question in load_questions().values():
        example = question.examples[0] if question.examples else {}
        path = f"/questions/{question.name}?" + urllib.parse.urlencode({**example, "format": "json"})
        on_disk, in_memory = call(endpoint + path), call(url + path)
        assert on_disk[0] in (200, 400), (question.name, on_disk)
        assert in_memory == on_disk, question.name  # rows, their order, every list's order
        compared += on_disk[0] == 200
    # the rest name what the two articles do not hold (an id that names nothing too): the same 400
    assert compared >= 12


def test_an_in_memory_worker_stopped_by_the_timeout_is_replaced(memory_endpoint):
    url, _ = memory_endpoint
    status, _, body = get(url, SLOW)
    assert status == 503 and "longer than 2 s" in body
    # its replacement reads the export into memory again, then answers (a loaded machine may
    # take longer than the 2 s a request waits for an idle worker: a 503 until then)
    deadline = time.monotonic() + 60
    while (answer := get(url, NAMES))[0] == 503 and time.monotonic() < deadline:
        time.sleep(0.5)
    status, _, body = answer
    assert status == 200 and "Nordcell Energy" in body


def test_a_worker_started_after_a_rebuild_answers_from_the_graph_the_others_hold(mini):
    root = mini
    assert run_kg("build", home=root).exit_code == 0
    process, url, _ = start_server(root, *LIMITS, "--in-memory")
    try:
        before = get(url, NAMES, "text/csv")[2]
        # a build while serving: the export changes under the server
        graph = root / "exports" / "ssb-kg.ttl"
        graph.write_text(graph.read_text().replace('"Voltara Motors"', '"Renamed Motors"'))
        assert get(url, SLOW)[0] == 503  # the worker is killed and replaced
        deadline = time.monotonic() + 60
        while (answer := get(url, NAMES, "text/csv"))[0] == 503 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert answer[0] == 200 and answer[2] == before  # the graph it started with, not the new one
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_listing_question_answers_a_page_and_links_the_next(endpoint):
    status, _, body = call(f"{endpoint}/questions/articles?limit=1&format=csv")
    assert status == 200 and len(list(csv.DictReader(io.StringIO(body)))) == 1
    request = urllib.request.Request(f"{endpoint}/questions/articles?limit=1&format=csv")
    with urllib.request.urlopen(request, timeout=30) as response:
        link = response.headers["Link"]
    assert link.endswith('; rel="next"') and "offset=1" in link and "limit=1" in link
    status, _, rest = call(link[1 : link.index(">")])
    assert status == 200 and len(list(csv.DictReader(io.StringIO(rest)))) == 1 and rest != body
    status, _, whole = call(f"{endpoint}/questions/articles?limit=all&format=csv")
    assert status == 200 and len(list(csv.DictReader(io.StringIO(whole)))) == 2
    assert call(f"{endpoint}/questions/articles?limit=x")[0] == 400
    assert call(f"{endpoint}/questions/articles?offset=%C2%B2")[0] == 400  # "²", a digit to str.isdigit
    status, _, body = call(f"{endpoint}/questions/articles?offset=99999999999999999999")
    assert status == 400 and "offset is a whole number from 0 to" in body
    assert call(f"{endpoint}/questions/articles?limit=ALL")[0] == 200
    assert call(f"{endpoint}/questions/timeline?limit=1")[0] == 400


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        # what a pattern read as an IRI (a less-than) or as a string (an escaped quote) once hid
        "SELECT * WHERE { FILTER(1<2)SERVICE#>\n<http://127.0.0.1:9/sparql>{?s ?p ?o} }",
        "PREFIX ex: <http://ex/> SELECT * WHERE { { ?s ?p ex:a\\' } UNION "
        "{ SERVICE <http://127.0.0.1:9/x> {?s ?p ?o} FILTER(?o != 'x') } }",
    ],
)
def test_a_federated_query_is_refused(endpoint, query):
    status, _, body = get(endpoint, query)
    assert status == 403 and "SERVICE is refused" in body


@pytest.fixture
def listener():
    """A socket on 127.0.0.1 that a SERVICE clause could call: (its URL, the requests it got)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    got: list[bytes] = []
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            got.append(connection.recv(200))
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/internal", got
    done.set()
    thread.join(timeout=5)
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "ASK { SERVICE <URL> { } }",  # an ASK is evaluated as it is parsed
        "SELECT * WHERE { SERVICE SILENT <URL> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <URL> { ?s ?p ?o } }",
        "SELECT * WHERE { BIND(<URL> AS ?u) SERVICE ?u { ?s ?p ?o } }",
        "ASK { SERVICE # a comment\n SILENT <URL> { } }",
        # a call that fails on an empty store (a closed port) once let the query through to the graph
        "ASK { { FILTER NOT EXISTS { ?c a ssb:Company } SERVICE <http://127.0.0.1:1/> { } } "
        "UNION { ?c a ssb:Company SERVICE <URL> { ?a ?b ?c } } }",
    ],
)
def test_a_federated_query_is_refused_before_it_calls_anything(endpoint, listener, template):
    url, got = listener
    status, _, body = get(endpoint, template.replace("URL", url))
    time.sleep(0.3)  # a call on its way would have arrived by now
    assert status == 403 and "SERVICE is refused" in body
    assert got == []


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?service WHERE { BIND("SERVICE" AS ?service) }',
        "PREFIX service: <http://ex/> SELECT * WHERE { ?s service:p ?o }",
        'PREFIX ex: <http://ex/> SELECT * WHERE { ?s ex:customer-service ?o FILTER(?o = "x"@service) }',
    ],
)
def test_a_name_or_a_text_that_says_service_is_no_federated_query(endpoint, query):
    assert get(endpoint, query)[0] == 200


def test_a_query_that_says_service_and_does_not_parse_is_a_syntax_error(endpoint):
    status, _, body = get(endpoint, "SELECT ?service WHERE { ?service a }")
    assert status == 400 and "syntax error at line 1, column 36" in body


def test_a_parameter_given_twice_is_refused(endpoint):
    status, _, body = call(f"{endpoint}/questions/partners?company=toyota&company=byd")
    assert status == 400 and "company is given twice" in body
    status, _, body = call(f"{endpoint}/questions/articles?limit=1&limit=2")
    assert status == 400 and "limit is given twice" in body
    padded = call(f"{endpoint}/questions/partners?company=%20Nordcell%20&format=csv")
    assert padded == call(f"{endpoint}/questions/partners?company=Nordcell&format=csv")


def test_only_the_sparql_route_takes_a_post(endpoint):
    for path in ("/", "/questions/articles", "/view"):
        request = urllib.request.Request(endpoint + path, data=b"limit=1", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 405 and refused.value.headers["Allow"] == "GET, HEAD"
        assert "read with GET" in refused.value.read().decode("utf-8")
    assert call(f"{endpoint}/sparql?query=ASK%7B%7D", method="HEAD")[0] == 200


def test_a_format_that_does_not_fit_the_answer_names_the_ones_that_do(endpoint):
    status, _, body = call(f"{endpoint}/questions/articles?format=turtle")
    assert status == 406 and "json, csv, tsv, xml" in body


def test_a_page_as_large_as_the_cap_is_answered(served):
    process, url, _ = start_server(served, "--max-rows", "2", "--workers", "1")
    try:
        status, _, body = call(f"{url}/questions/most-connected?limit=2&format=csv")
        assert status == 200 and len(list(csv.DictReader(io.StringIO(body)))) == 2
        status, _, body = call(f"{url}/questions/most-connected?limit=3&format=csv")
        assert status == 400 and "more than 2 rows" in body and "smaller page" in body
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--port", "99999"], "99999 is not in the range 0<=x<=65535"),
        (["--timeout", "nan"], "a number of seconds"),
        (["--timeout", "0"], "0.0 is not in the range x>0"),
        (["--max-rows", "0"], "0 is not in the range x>=1"),
        (["--workers", "0"], "0 is not in the range 1<=x<=64"),
    ],
)
def test_serve_refuses_bad_options_at_once(served, option, message):
    result = run_kg("serve", *option, home=served)
    assert result.exit_code == 2 and message in result.output


def test_serve_on_an_address_it_cannot_use_is_a_one_line_error(served):
    result = run_kg("serve", "--host", "999.1.1.1", "--port", "0", "--workers", "1", home=served)
    assert result.exit_code == 1 and "cannot listen on '999.1.1.1'" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_an_unknown_question_is_a_404(endpoint):
    status, _, body = call(f"{endpoint}/questions/partnrs")
    assert status == 404 and "unknown question 'partnrs'" in body and "partners" in body


def test_the_format_parameter_ignores_case(endpoint):
    status, media, _ = call(f"{endpoint}/questions/partners?company=Nordcell&format=CSV")
    assert status == 200 and media.startswith("text/csv")


@pytest.mark.parametrize(
    "path, data, content_type, part",
    [
        ("/sparql?query=ASK%7B%22%FF%22%7D", None, None, "the query string"),
        ("/questions/partners?company=%FF", None, None, "the query string"),
        ("/sparql", b"query=ASK%7B%22%FF%22%7D", "application/x-www-form-urlencoded", "the request's body"),
        ("/sparql", b'ASK{"\xff"}', "application/sparql-query", "the request's body"),
    ],
)
def test_a_request_that_is_not_utf8_is_refused(endpoint, path, data, content_type, part):
    # werkzeug would run it with the byte left as "%FF" or replaced by U+FFFD: another query
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, body = call(endpoint + path, data=data, headers=headers)
    assert status == 400 and f"{part} is not UTF-8" in body
    assert get(endpoint, 'ASK{FILTER("é" = "\u00e9")}', format="json")[0] == 200  # UTF-8 is fine


def test_the_utf8_check_comes_after_the_refusals_and_keeps_valid_text(endpoint):
    # a body this endpoint would not take is refused for what it is, before it is read
    assert call(f"{endpoint}/questions/partners", data=b"\xff", method="POST")[0] == 405
    octets = {"Content-Type": "application/octet-stream"}
    assert call(f"{endpoint}/sparql", data=b"\xff", headers=octets)[0] == 415
    assert call(f"{endpoint}/sparql?x=%FF", method="OPTIONS")[0] == 204
    # percent signs, plus signs and a form that names its charset are UTF-8 like any text
    query = 'SELECT ?t WHERE { BIND(CONCAT("100%", " + ", "%FF") AS ?t) }'
    status, _, body = get(endpoint, query, format="csv")
    assert status == 200 and "100% + %FF" in body
    form = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
    status, _, body = call(
        f"{endpoint}/sparql", data=urllib.parse.urlencode({"query": query}).encode(), headers=form
    )
    assert status == 200 and "100% + %FF" in body


@pytest.mark.parametrize(
    "query",
    [
        "offset=" + "9" * 5000,  # more digits than int() reads: was a 500
        "limit=" + "9" * 5000,
        "limit=" + "x" * 5000,
        "format=" + "x" * 5000,
    ],
)
def test_a_long_page_or_format_value_is_a_short_400(endpoint, query):
    status, _, body = call(f"{endpoint}/questions/articles?{query}")
    assert status == 400 and len(body) < 1000 and "…" in body


def test_the_questions_route_lists_them_with_urls_that_run_their_examples(endpoint, served):
    status, media, body = call(f"{endpoint}/questions")
    assert status == 200 and media.startswith("application/json")
    entries = json.loads(body)
    listed = json.loads(run_kg("query", "--list", "--format", "json", home=served).output)
    answered = 0
    # the same entries as the CLI's, with where to ask each one
    assert [{k: v for k, v in e.items() if k not in ("url", "example_urls")} for e in entries] == listed
    for entry in entries:
        assert entry["url"] == f"/questions/{entry['name']}"
        assert len(entry["example_urls"]) == len(entry["examples"])
        for url, example in zip(entry["example_urls"], entry["examples"], strict=True):
            # the examples name the five articles' nodes: on this graph, some name nothing, and
            # the endpoint must then say what the CLI says of the same parameters
            status, media, answer = call(endpoint + url)
            params = [f"-p{key}={value}" for key, value in example.items()]
            cli = run_kg("query", entry["name"], *params, "--format", "json", home=served)
            if cli.exit_code == 0:
                assert status == 200 and media.startswith("application/sparql-results+json"), url
                assert json.loads(answer) == json.loads(cli.output), url
                answered += 1
            else:
                assert status == 400 and answer.strip() in cli.output, url
    assert answered >= 10  # 11 of the examples name nodes this graph has too (toyota, sulfide ...)
    assert call(f"{endpoint}/questions/")[0] == 200  # a trailing slash is the same route


def test_sparql_refuses_other_methods_with_the_ones_it_takes(endpoint):
    request = urllib.request.Request(f"{endpoint}/sparql?query=ASK%7B%7D", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405 and refused.value.headers["Allow"] == "GET, HEAD, POST"


def test_a_get_s_body_is_not_read(endpoint):
    # werkzeug parsed a multipart body sent with a GET, and 1,500 parts made it a 500
    parts = "".join(f'--b\r\nContent-Disposition: form-data; name="f{i}"\r\n\r\nv\r\n' for i in range(1500))
    status, _, body = call(
        f"{endpoint}/sparql?query=ASK%7B%7D&format=json",
        data=(parts + "--b--\r\n").encode(),
        headers={"Content-Type": "multipart/form-data; boundary=b"},
        method="GET",
    )
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize(
    "query", ["query=ASK%7B%7D&query=ASK%7BFILTER(false)%7D", "query=ASK%7B%7D&format=json&format=xml"]
)
def test_a_query_or_format_given_twice_is_refused(endpoint, query):
    status, _, body = call(f"{endpoint}/sparql?{query}")  # the first one was run, silently
    assert status == 400 and "give one query" in body


def test_the_next_page_link_names_each_parameter_once(endpoint):
    request = urllib.request.Request(f"{endpoint}/questions/articles?limit=1&%20offset=0")
    with urllib.request.urlopen(request, timeout=30) as response:
        link = response.headers["Link"]
    status = call(link[1 : link.index(">")])[0]  # it named offset twice: a 400
    assert status == 200 and "+offset" not in link and "%20offset" not in link


def test_a_long_path_or_iri_is_cut_in_the_error(endpoint):
    status, _, body = call(f"{endpoint}/{'x' * 100000}")
    assert status == 404 and len(body) < 500
    status, _, body = call(f"{endpoint}/questions/partners?company=%3Ca%20b{'x' * 100000}%3E")
    assert status == 400 and len(body) < 1000 and "is not a valid IRI" in body


def test_slow_queries_leave_the_pages_answering_and_one_too_many_is_refused(endpoint):
    # one worker, so two query slots (one running, one waiting) and two threads for the pages;
    # before, six slow queries held every thread and `/` waited for them
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as slow:
        running = [slow.submit(get, endpoint, SLOW) for _ in range(2)]
        time.sleep(1.0)  # both have taken their slot (each holds it 2 s or more)
        one_more = get(endpoint, SLOW)
        page = call(f"{endpoint}/questions")
        still_running = [not future.done() for future in running]
        answers = [future.result() for future in running]
    assert one_more[0] == 503 and "queries are running or waiting already" in one_more[2]
    assert page[0] == 200 and any(still_running)  # the page came while the queries ran
    assert all(status == 503 for status, _, _ in answers)  # each stopped by the 2 s timeout
    assert get(endpoint, NAMES)[0] == 200


def test_a_server_stopped_by_sigterm_removes_its_snapshot(served, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    process, url, _ = start_server(served, "--in-memory", "--workers", "1", env={"TMPDIR": str(temp)})
    assert call(f"{url}/sparql?query=ASK%7B%7D")[0] == 200
    assert [p.name for p in temp.iterdir() if p.name.startswith("kg-serve-")]  # the export's copy
    process.terminate()  # SIGTERM: only Ctrl-C removed it before
    assert process.wait(timeout=30) is not None
    assert not [p for p in temp.iterdir() if p.name.startswith("kg-serve-")]


def test_a_server_removes_the_snapshots_of_servers_that_are_gone(served, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    ended = subprocess.Popen([sys.executable, "-c", "pass"])  # a server killed with SIGKILL, say
    ended.wait()
    gone = temp / f"kg-serve-{ended.pid}-x1"
    alive = temp / f"kg-serve-{os.getpid()}-x2"  # a server still running: this test's process
    other = temp / "kg-serve-notours"
    for folder in (gone, alive, other):
        folder.mkdir()
        (folder / "ssb-kg.ttl").write_text("")
    process, url, _ = start_server(served, "--in-memory", "--workers", "1", env={"TMPDIR": str(temp)})
    try:
        assert call(f"{url}/sparql?query=ASK%7B%7D")[0] == 200
        left = {p.name for p in temp.iterdir()}
        assert gone.name not in left and {alive.name, other.name} <= left
        assert any(name.startswith(f"kg-serve-{process.pid}-") for name in left)  # its own
    finally:
        process.terminate()
        process.wait(timeout=30)
