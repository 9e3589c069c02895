"""`kg query` and `kg sparql` end to end on the two test articles: formats, sources, errors."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

from .conftest import run_kg

ID = "https://w3id.org/ssb-kg/id/"


@pytest.fixture
def built(mini):
    result = run_kg("build", home=mini)
    assert result.exit_code == 0, result.output
    return mini


def test_list_shows_every_question_with_its_parameters(built):
    result = run_kg("query", "--list", home=built)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) >= 25
    assert any(line.startswith("partners") and "[-p company=...]" in line for line in lines)


QUESTION_FILES = sorted((Path(__file__).parent.parent / "kg" / "queries").glob("*.rq"))


def header(path):
    """A question file's header lines, read here on their own: (field, text) pairs."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        field, _, text = line[1:].strip().partition(":")
        lines.append((field.strip(), text.strip()))
    return lines


def test_the_list_in_json_is_what_the_question_files_say(built):
    result = run_kg("query", "--list", "--format", "json", home=built)
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)
    assert [e["name"] for e in entries] == [p.stem for p in QUESTION_FILES]
    for entry, path in zip(entries, QUESTION_FILES, strict=True):
        fields = header(path)
        assert ("title", entry["title"]) in fields and ("description", entry["description"]) in fields
        params = [text for field, text in fields if field.startswith("param ")]
        written = [field.split()[1] for field, _ in fields if field.startswith("param ")]
        assert [p["name"] for p in entry["parameters"]] == written, path.name
        for parameter in entry["parameters"]:
            # "param role (term): ... (default: Company)": the type in brackets, the default at the end
            assert any(f"param {parameter['name']} ({parameter['type']})" == f for f, _ in fields), path.name
            if parameter["default"] is not None:
                assert any(text.endswith(f"(default: {parameter['default']})") for text in params)
        examples = [text for field, text in fields if field == "example"]
        assert len(entry["examples"]) == len(examples), path.name
        for example, text in zip(entry["examples"], examples, strict=True):
            assert all(f"{key}=" in text and str(value) in text for key, value in example.items())
        pages = [text for field, text in fields if field == "page"]
        if pages:
            size, unit = pages[0].split("(")[0].split(maxsplit=1)
            assert entry["page"] == {"size": int(size), "unit": unit.strip()}
        else:
            assert entry["page"] is None


def test_the_list_is_a_table_or_json_and_nothing_else(built):
    table = run_kg("query", "--list", "--format", "table", home=built)
    assert table.exit_code == 0 and table.output == run_kg("query", "--list", home=built).output
    fails(run_kg("query", "--list", "--format", "csv", home=built), "a table or json, not csv")


def test_the_default_output_is_a_readable_table(built):
    result = run_kg("query", "partners", "-p", "company=nordcell-energy", home=built)
    assert result.exit_code == 0, result.output
    # alpha: Voltara partners with Nordcell, stated from Voltara's side and found from Nordcell's
    assert "Partners of a company" in result.output and "Voltara Motors" in result.output
    assert "row(s)" in result.output


def test_csv_and_tsv_follow_the_sparql_formats(built):
    result = run_kg("query", "partners", "--param", "company=Nordcell", "--format", "csv", home=built)
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {(r["partnerName"], r["through"]) for r in rows} >= {
        ("Voltara Motors", "partnership"),
        ("Voltara Motors", "supply (supplier)"),
    }
    assert rows[0]["partner"] == ID + "voltara-motors"  # CSV: IRIs bare
    tsv = run_kg("query", "partners", "-p", "company=nordcell-energy", "--format", "tsv", home=built).output
    header, first = tsv.splitlines()[:2]
    assert header.split("\t")[0] == "?company"
    assert first.split("\t")[0] == f"<{ID}nordcell-energy>"  # TSV: terms in N-Triples syntax


def test_json_is_sparql_results_json(built):
    result = run_kg("query", "vehicles", "-p", "maker=voltara-motors", "--format", "json", home=built)
    document = json.loads(result.output)
    assert "vehicle" in document["head"]["vars"]
    (binding,) = document["results"]["bindings"]
    assert binding["name"] == {"type": "literal", "value": "Voltara Aurora"}
    assert binding["battery"] == {"type": "uri", "value": ID + "nordcell-cell"}
    assert binding["range"]["value"] == "900 km"


def test_xml_results(built):
    result = run_kg(
        "sparql", "SELECT ?n WHERE { id:voltara-motors rdfs:label ?n }", "--format", "xml", home=built
    )
    root = ET.fromstring(result.output)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [e.text for e in root.findall(".//r:literal", ns)] == ["Voltara Motors"]


def test_a_character_xml_cannot_carry_is_a_one_line_error_naming_other_formats(built):
    # XML 1.0 has no way to write U+0001, not even &#1;: the document written was unreadable
    query = 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }'
    fails(run_kg("sparql", query, "--format", "xml", home=built), "U+0001, which XML cannot carry", "json")
    as_json = run_kg("sparql", query, "--format", "json", home=built)
    assert json.loads(as_json.output)["results"]["bindings"][0]["x"]["value"] == "a\x01b"
    tab = run_kg("sparql", 'SELECT ?x WHERE { BIND("a\\tb" AS ?x) }', "--format", "xml", home=built)
    assert ET.fromstring(tab.output).find(".//{*}literal").text == "a\tb"  # a tab is fine in XML


def test_construct_gives_turtle(built):
    query = "CONSTRUCT { ?a ssb:partnersWith ?b } WHERE { ?a ssb:partnersWith ?b }"
    result = run_kg("sparql", query, "--format", "turtle", home=built)
    assert result.exit_code == 0, result.output
    triples = {
        (t.subject.value, t.object.value)
        for t in ox.parse(result.output.encode(), format=ox.RdfFormat.TURTLE)
    }
    # stated one way in alpha, symmetric: both ways
    assert triples == {
        (ID + "voltara-motors", ID + "nordcell-energy"),
        (ID + "nordcell-energy", ID + "voltara-motors"),
    }
    table = run_kg("sparql", query, home=built)
    assert "subject" in table.output and "2 row(s)" in table.output


def test_ask_answers_yes_or_no(built):
    assert run_kg("sparql", "ASK { id:nordcell-energy a ssb:Company }", home=built).output.strip() == "yes"
    json_answer = run_kg("sparql", "ASK { id:nordcell-energy a ssb:Vehicle }", "--format", "json", home=built)
    assert json.loads(json_answer.output)["boolean"] is False


def test_a_query_from_a_file(built, tmp_path):
    path = tmp_path / "lines.rq"
    path.write_text("SELECT ?line WHERE { ?line a ssb:ProductionLine }\n")
    result = run_kg("sparql", f"@{path}", "--format", "csv", home=built)
    assert result.output.splitlines() == ["line", ID + "nordcell-lyon-line"]


def test_with_sources_names_article_and_sentence(built):
    result = run_kg(
        "query", "partners", "-p", "company=voltara-motors", "--with-sources", "--format", "csv", home=built
    )
    rows = list(csv.DictReader(io.StringIO(result.output)))
    partnership = next(r for r in rows if r["through"] == "partnership")
    # alpha, sentence 1: the partnership; sentence 3: Nordcell supplies Voltara (a row cites every
    # sentence linking its nodes); alpha is from Test Wire, 2 March 2026
    assert partnership["sources"].split("; ") == [
        "article alpha sentence 1 (Test Wire, 2026-03-02)",
        "article alpha sentence 3 (Test Wire, 2026-03-02)",
    ]
    line = run_kg("query", "production-lines", "--with-sources", "--format", "csv", home=built)
    (row,) = list(csv.DictReader(io.StringIO(line.output)))
    assert row["sources"] == "article alpha sentence 2 (Test Wire, 2026-03-02)"  # operates, in sentence 2


def test_with_sources_traces_a_figure(built):
    result = run_kg(
        "query",
        "figures",
        "-p",
        "subject=id:lyon-line-pledge",
        "--with-sources",
        "--format",
        "json",
        home=built,
    )
    (binding,) = json.loads(result.output)["results"]["bindings"]
    assert binding["sources"]["value"] == "article beta sentence 2 (Test Wire)"  # beta has no date


def fails(result, *needles):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    message = result.output.strip().splitlines()
    assert len(message) == 1, result.output
    for needle in needles:
        assert needle in message[0]


def test_a_syntax_error_names_line_and_column(built):
    fails(
        run_kg("sparql", "SELECT ?x WHERE {\n  ?x ?p\n}", home=built), "SPARQL syntax error at line 3, column"
    )


def test_an_unknown_question_lists_the_known_ones(built):
    fails(run_kg("query", "partnrs", home=built), "unknown question 'partnrs'", "partners", "timeline")


@pytest.mark.parametrize("args", [["x" * 5000], ["--list", "x" * 5000]])
def test_a_long_name_is_cut_in_the_error(built, args):
    result = run_kg("query", *args, home=built)
    assert result.exit_code != 0 and len(result.output) < 1000
    assert "'xxxx" in result.output and "…" in result.output


@pytest.mark.parametrize(
    "args, named",
    [
        (["--list", "--limit", "3"], "--limit"),
        (["--list", "partners"], "partners"),
        (["-p", "company=toyota"], "--param"),
        (["--list", "--with-sources"], "--with-sources"),
    ],
)
def test_the_list_of_questions_takes_no_other_argument(built, args, named):
    fails(run_kg("query", *args, home=built), "listing the questions takes nothing else", named)


def test_an_unknown_parameter_lists_the_parameters(built):
    fails(
        run_kg("query", "partners", "-p", "firm=toyota", home=built),
        "unknown parameter(s) firm",
        "company (entity)",
    )


def test_a_value_that_names_nothing_is_refused(built):
    fails(
        run_kg("query", "partners", "-p", "company=acme", home=built), "nothing in the graph is called 'acme'"
    )
    for value in ("id:acme", "<https://w3id.org/ssb-kg/id/acme>"):  # an id of its kind, written in full
        result = run_kg("query", "partners", "-p", f"company={value}", home=built)
        fails(result, f"nothing in the graph is called {value!r}")


def test_a_parameter_without_a_value_is_refused(built):
    fails(run_kg("query", "partners", "-p", "company", home=built), "is not KEY=VALUE")


def test_an_update_is_refused(built):
    fails(run_kg("sparql", "INSERT DATA { id:a id:b id:c }", home=built), "SPARQL Update", "read-only")


def test_a_format_that_does_not_fit_the_answer(built):
    fails(run_kg("query", "partners", "--format", "turtle", home=built), "turtle is for CONSTRUCT")
    fails(run_kg("sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv", home=built), "use turtle")


def test_without_a_built_graph(mini):
    fails(run_kg("query", "partners", home=mini), "run `kg build` first")


def test_an_unreachable_endpoint(built):
    fails(run_kg("query", "articles", "--endpoint", "http://127.0.0.1:9/query", home=built), "cannot reach")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Foo[1]", "nothing in the graph is called 'Foo[1]'"),  # not an IRI's characters: a name
        ("100%", "nothing in the graph is called '100%'"),
        ("<not an iri>", "'<not an iri>' is not a valid IRI"),
        ("<id:toyota", "'<id:toyota' is not a valid IRI (it has no closing '>')"),
    ],
)
def test_a_value_that_cannot_be_an_iri_is_a_one_line_error(built, value, message):
    result = run_kg("query", "partners", "-p", f"company={value}", home=built)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_a_closed_pipe_ends_the_command_quietly(built):
    import subprocess
    import sys

    # `kg query --list | head -0`: the reader is gone before the command writes (it is still
    # importing when the pipe is closed), so every write meets a closed pipe
    kg = [sys.executable, "-c", "from kg.cli import cli; cli()", "--home", str(built), "query", "--list"]
    with subprocess.Popen(kg, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.close()
        error = process.stderr.read().decode()
    assert "Broken pipe" not in error and "Traceback" not in error


# a query that would run for hours on any graph: four unconstrained patterns joined
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _kg_process(built, *args):
    """`kg` in a child process (a query it gives up on goes on until that process exits); it
    prints "ready" once its imports are done."""
    import subprocess
    import sys

    # SIGINT as a terminal gives it: a shell that starts a job in the background without job
    # control (CI scripts, `cmd &`) ignores SIGINT there, and Python then installs no handler
    code = (
        "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from kg.cli import cli; import kg.asking, pyoxigraph; print('ready', flush=True); cli()"
    )
    kg = [sys.executable, "-c", code, "--home", str(built), *args]
    return subprocess.Popen(kg, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_a_query_over_its_timeout_is_given_up_in_one_line(built):
    import time

    started = time.monotonic()
    process = _kg_process(built, "sparql", ENDLESS, "--timeout", "1")
    try:
        output, _ = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 1
    message = "Error: the query took longer than 1 s (--timeout) and was given up"
    assert output.strip().splitlines() == ["ready", message]
    assert time.monotonic() - started < 30


def test_ctrl_c_stops_a_running_query(built):
    import signal
    import time

    process = _kg_process(built, "sparql", ENDLESS)
    try:
        assert process.stdout.readline() == "ready\n"
        time.sleep(2)  # the store opened (milliseconds) and the query evaluating in native code
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 1 and "Aborted" in output


def test_a_question_within_its_timeout_answers_as_without(built):
    args = ("query", "partners", "-p", "company=nordcell-energy", "--format", "csv")
    with_limit = run_kg(*args, "--timeout", "30", home=built)
    assert with_limit.exit_code == 0, with_limit.output
    assert with_limit.output == run_kg(*args, home=built).output
    assert "Voltara Motors" in with_limit.output
    for bad in ("0", "-1", "nan"):
        refused = run_kg("sparql", "ASK {}", "--timeout", bad, home=built)
        assert refused.exit_code == 2 and "--timeout" in refused.output, bad


def test_a_listing_question_answers_a_page_and_says_how_to_get_the_next(built):
    first = run_kg("query", "articles", "--limit", "1", "--format", "csv", home=built)
    assert first.exit_code == 0, first.output
    (row,) = csv.DictReader(io.StringIO(first.stdout))  # stdout stays a CSV document
    assert "articles 1-1; the next page: --offset 1" in first.stderr
    second = run_kg("query", "articles", "--limit", "1", "--offset", "1", "--format", "csv", home=built)
    (other,) = csv.DictReader(io.StringIO(second.stdout))
    assert "the last page" in second.stderr
    whole = run_kg("query", "articles", "--limit", "all", "--format", "csv", home=built)
    assert [r["article"] for r in csv.DictReader(io.StringIO(whole.stdout))] == [
        row["article"],
        other["article"],
    ]
    assert whole.stderr == ""
    past = run_kg("query", "articles", "--offset", "5", home=built)
    assert past.exit_code == 0 and "no articles from 6: the listing is shorter" in past.output
    table = run_kg("query", "most-connected", "--limit", "2", home=built)
    assert "2 row(s)" in table.output and "companies 1-2; the next page: --offset 2" in table.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["articles", "--limit", "0"], "a page holds at least 1 row"),
        (["articles", "--limit", "some"], "neither a whole number nor 'all'"),
        (["articles", "--offset", "-1"], "'-1' is not a whole number"),
        (["articles", "--offset", "٣"], "is not a whole number"),
        (["articles", "--limit", "1_0"], "neither a whole number nor 'all'"),
        (["timeline", "--limit", "5"], "timeline answers in full; a limit and an offset page the listings"),
        (
            ["articles", "--offset", "99999999999999999999"],
            "offset is a whole number from 0 to 1,000,000,000",
        ),
        # more digits than int() reads (4,300): a traceback before
        (["articles", "--offset", "9" * 5000], "is past the largest page number, 1,000,000,000"),
        (["articles", "--limit", "0" * 5000 + "7" * 5000], "is past the largest page number"),
    ],
)
def test_a_bad_page_is_a_one_line_error(built, args, message):
    result = run_kg("query", *args, home=built)
    assert result.exit_code != 0 and message in result.output
    assert len(result.output.strip().splitlines()[-1]) < 200 and "Error:" in result.output


def test_zeros_ahead_of_a_page_number_are_read_however_many():
    from kg.pages import page_number

    assert page_number("0" * 5000 + "7") == 7 and page_number(" 0 ") == 0


def test_values_are_shown_as_written_not_as_markup(built):
    result = run_kg("sparql", 'SELECT ("[sic] a [b]bold[/b] x [/i] y" AS ?x) {}', home=built)
    assert result.exit_code == 0 and "[sic] a [b]bold[/b] x [/i] y" in result.output


def test_an_endpoint_that_is_no_url_is_a_one_line_error(built):
    for url in ("notaurl", "http://[::1", "ftp://example.org/sparql"):
        result = run_kg("sparql", "ASK {}", "--endpoint", url, home=built)
        fails(result, "an endpoint is an http:// or https:// URL")


def test_a_query_nested_too_deep_is_refused_before_it_reaches_the_parser(built, tmp_path):
    deep = tmp_path / "deep.rq"
    deep.write_text("SELECT * WHERE " + "{" * 3000 + "}" * 3000)  # crashed the process before
    fails(run_kg("sparql", f"@{deep}", home=built), "nests 3000 levels deep")
    negated = tmp_path / "negated.rq"
    negated.write_text("ASK { FILTER(" + "!" * 10000 + "true) }")  # no bracket, and a crash too
    fails(
        run_kg("sparql", f"@{negated}", home=built), "levels deep (brackets, and prefix operators such as !)"
    )
    quoted = run_kg("sparql", 'SELECT ?x WHERE { BIND("{{{{ ((( # [[[" AS ?x) }', home=built)
    assert quoted.exit_code == 0 and "{{{{ ((( # [[[" in quoted.output  # brackets in a string are text


@pytest.mark.parametrize(
    "query",
    [
        # each crashed the process (a segmentation fault, no message): the parser's stack overflowed
        "ASK { FILTER(" + " || ".join(["false"] * 10000) + ") }",  # a flat chain, no nesting at all
        "ASK { FILTER(" + "! " * 20000 + "true) }",  # spaced, the depth scan sees one level each
        "ASK { FILTER(1<" + "(" * 20000 + "1>0" + ")" * 20000 + ") }",  # the scan reads <((...1> as an IRI
    ],
)
def test_a_long_or_hidden_chain_is_answered_not_a_crash(built, tmp_path, query):
    text = tmp_path / "chain.rq"
    text.write_text(query)
    result = run_kg("sparql", f"@{text}", home=built)
    assert result.exit_code == 0 and result.output.strip() in ("yes", "no"), result.output[-300:]


@pytest.mark.parametrize(
    "query, message",
    [
        ("ASK { FILTER(" + "||".join(["false"] * 100000) + ") }", "at most 500,000 are taken"),
        ("ASK { FILTER(" + "(" * 60000 + "true" + ")" * 60000 + ") }", "60,002 brackets and `!`"),
        ('ASK { FILTER(STRLEN("' + "(" * 60000 + '") > 0) }', "at most 50,000 are taken"),  # even in a string
    ],
)
def test_a_query_past_what_its_parser_survives_is_refused(built, tmp_path, query, message):
    text = tmp_path / "huge.rq"
    text.write_text(query)
    fails(run_kg("sparql", f"@{text}", home=built), message)


def test_an_unknown_prefix_is_named_in_one_line(built):
    fails(run_kg("sparql", "SELECT ?x WHERE { ?x a nope:Thing }", home=built), "line 1", "an unknown prefix")


def test_a_parameter_given_twice_is_refused_and_an_empty_one_is_unset(built):
    twice = run_kg("query", "companies-by-route", "-p", "route=oxide", "-p", "route=sulfide", home=built)
    fails(twice, "parameter route is given twice ('oxide' and 'sulfide')")
    unset = run_kg("query", "companies-by-role", "-p", "country=", "--format", "csv", home=built)
    assert unset.exit_code == 0
    assert unset.output == run_kg("query", "companies-by-role", "--format", "csv", home=built).output


def test_json_output_ends_its_line(built):
    result = run_kg("query", "articles", "--format", "json", home=built)
    assert result.stdout.endswith("}\n") and json.loads(result.stdout)["results"]["bindings"]


def test_a_service_that_cannot_be_reached_is_one_line(built):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = run_kg("sparql", query, home=built)
    fails(result, "the query failed")
    assert "unsendable" not in result.output


def test_a_subject_is_named_like_an_entity_or_a_chemistry(built):
    def csv_of(*params):
        result = run_kg("query", "timeline", *params, "--format", "csv", home=built)
        assert result.exit_code == 0, result.output
        return result.output

    assert csv_of("-p", "subject=Nordcell") == csv_of("-p", "subject=id:nordcell-energy")
    assert csv_of("-p", "subject=Nordcell").count("\n") > 1  # its milestones, not an empty answer
    assert csv_of("-p", "subject=sulfide") == csv_of("-p", "subject=chem:sulfide")
    iri = "subject=https://w3id.org/ssb-kg/id/nordcell-energy"  # an IRI without its brackets
    assert csv_of("-p", iri) == csv_of("-p", "subject=id:nordcell-energy")
    fails(
        run_kg("query", "figures", "-p", "subject=hello", home=built),
        "nothing in the graph is called 'hello'",
    )


@pytest.mark.parametrize(
    ("args", "message", "help_of"),
    [
        (["query", "articles", "--format", "nope"], "'nope' is not one of", "cli query"),
        (["sparql"], "Missing argument 'QUERY'.", "cli sparql"),
        (["nosuch"], "No such command 'nosuch'.", "cli"),
        # click raises these three before any command runs, or with no command named: the first
        # printed a usage block, a hint and a blank line, the others named `cli --help`
        (["--bogus"], "No such option '--bogus'.", "cli"),
        (["query", "partners", "-p"], "Option '-p' requires an argument.", "cli query"),
        (["review", "accept", "--bogus"], "No such option '--bogus'.", "cli review accept"),
        (["ingest", "--jobs"], "Option '--jobs' requires an argument.", "cli ingest"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(built, args, message, help_of):
    result = run_kg(*args, home=built)  # the program is "cli" here, "kg" from a shell
    assert result.exit_code == 2
    fails(result, message, f"(see: {help_of} --help)")


def test_kg_alone_shows_its_help_not_an_error():
    result = run_kg()
    assert "Usage: cli [OPTIONS] COMMAND" in result.output and "Error" not in result.output
    assert "query" in result.output and "build" in result.output


def test_a_query_file_not_in_utf8_is_a_one_line_error(built, tmp_path):
    text = tmp_path / "latin1.rq"
    text.write_bytes("# caf\u00e9\nASK {}".encode("latin-1"))  # a traceback before
    fails(run_kg("sparql", f"@{text}", home=built), "not UTF-8 text (byte 0xe9 at offset 5)")
