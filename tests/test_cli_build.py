"""`kg build`, `kg stats` and `kg query` end to end, and what bad input does to the exports."""

import pytest

from .conftest import run_kg


def built(mini, corpus=None):
    args = ["build"] + (["--corpus", corpus] if corpus else [])
    result = run_kg(*args, home=mini)
    assert result.exit_code == 0, result.output
    return result


def test_build_writes_a_validated_turtle_export(mini, mini_corpus):
    result = built(mini, mini_corpus)
    assert "all 15 locators match" in result.output
    assert "conforms to the SHACL shapes" in result.output
    turtle = (mini / "exports" / "ssb-kg.ttl").read_text()
    assert "id:nordcell-energy" in turtle and "ssb:pursuesRoute chem:sulfide" in turtle


def test_build_without_a_corpus_says_locators_were_not_checked(mini):
    assert "locators not checked" in built(mini).output


def test_two_builds_are_byte_identical(mini):
    built(mini)
    first = (mini / "exports" / "ssb-kg.ttl").read_bytes()
    built(mini)
    assert (mini / "exports" / "ssb-kg.ttl").read_bytes() == first


def break_claims(mini, old, new):
    path = mini / "data" / "claims" / "alpha.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # a SHACL violation: the pilot line loses its operator
        ("  - {s: nordcell-energy, p: operates, o: nordcell-lyon-line}\n", "", "violates the SHACL shapes"),
        # bad YAML
        ("claims:\n  - {s: voltara-motors, p: partnersWith", "claims:\n  - {s: [voltara", "invalid YAML"),
        # an unknown entity
        ("o: nordcell-energy}", "o: nordcel-energy}", "unknown entity or chemistry 'nordcel-energy'"),
    ],
)
def test_bad_input_fails_clearly_and_leaves_the_exports_intact(mini, old, new, message):
    built(mini)
    before = (mini / "exports" / "ssb-kg.ttl").read_bytes()
    break_claims(mini, old, new)
    result = run_kg("build", home=mini)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert (mini / "exports" / "ssb-kg.ttl").read_bytes() == before
    assert sorted(p.name for p in (mini / "exports").iterdir()) == ["ssb-kg.ttl"]  # no temp files left


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        # each was a traceback: UnicodeDecodeError, and two ValueErrors of PyYAML's constructors
        (lambda text: text.encode("utf-8") + "\n# caf\u00e9".encode("latin-1"), "not UTF-8 text (byte 0xe9"),
        (lambda text: text.replace("date: ", "date: 2025-02-30 #", 1).encode(), "day is out of range"),
        (lambda text: text + "\n- {id: '9', n: " + "9" * 5000 + "}\n", "a value that cannot be read"),
        # YAML refuses a control character as it is, not as an escape; it went into the graph,
        # and the GraphML, GEXF and XML results of it could not be read
        (
            lambda text: text.replace("title: Voltara Motors picks", 'title: "Voltara\\x01Motors" #', 1),
            "item 1 > title holds the control character U+0001 ('Voltara\\x01Motors')",
        ),
    ],
)
def test_a_data_file_yaml_cannot_hold_fails_in_one_line(mini, edit, message):
    built(mini)
    before = (mini / "exports" / "ssb-kg.ttl").read_bytes()
    sources = mini / "data" / "sources.yaml"
    changed = edit(sources.read_text(encoding="utf-8"))
    sources.write_bytes(changed if isinstance(changed, bytes) else changed.encode())
    result = run_kg("build", home=mini)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert (mini / "exports" / "ssb-kg.ttl").read_bytes() == before


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # each was a traceback (an IRI that rdflib refused, a TypeError)
        ("- id: alpha\n", "- id: [1, 2]\n", "a source id is letters, digits"),
        ("- id: alpha\n", '- id: "0 0"\n', "a source id is letters, digits"),
        ("  url: https://example.org/alpha\n", "  url: 5\n", "url is text, not '5'"),
        ("  url: https://example.org/alpha\n", "  url: not a url <>\n", "url is an http:// or https://"),
        ("  file: alpha.txt\n", "  file: 5\n", "file is text, not '5'"),
        ("  date: 2026-03-02\n", "  date: yesterday\n", "date is a day as YYYY-MM-DD"),
    ],
)
def test_a_source_field_of_the_wrong_type_fails_in_one_line(mini, old, new, message):
    built(mini)
    before = (mini / "exports" / "ssb-kg.ttl").read_bytes()
    sources = mini / "data" / "sources.yaml"
    text = sources.read_text()
    assert old in text
    sources.write_text(text.replace(old, new, 1))
    result = run_kg("build", home=mini)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert (mini / "exports" / "ssb-kg.ttl").read_bytes() == before


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("country: [china]", "country is one id"),  # a TypeError before (unhashable list)
        ("name: null", "name is text"),  # it became the label "None"
        ("aliases: [null, 5]", "aliases is a list of names"),  # "None" and "5"
    ],
)
def test_an_entity_field_of_the_wrong_type_fails_in_one_line(mini, field, message):
    registry = mini / "data" / "entities.yaml"
    registry.write_text(registry.read_text() + f"- {{id: oddity, name: Oddity, types: [Company], {field}}}\n")
    result = run_kg("build", home=mini)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("source: alpha\nsentences: {a: 1}\n", "sentences is a list of entries"),  # an AttributeError
        ("source: alpha\nsentences: [5]\n", "sentences is a list of entries"),
        (
            "source: alpha\nsentences:\n- {sentence: 1, span: [36, 137], sha256: x, claims: 5}\n",
            "claims is a list",
        ),
        (
            "source: alpha\nsentences:\n- {sentence: 1.5, span: [36, 137], sha256: x}\n",
            "a whole number, not 1.5",
        ),
    ],
)
def test_a_claims_file_of_the_wrong_shape_fails_in_one_line(mini, document, message):
    (mini / "data" / "claims" / "odd.yaml").write_text(document)
    result = run_kg("build", home=mini)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_violation_report_names_the_node_and_the_constraint(mini):
    break_claims(mini, "  - {s: nordcell-energy, p: operates, o: nordcell-lyon-line}\n", "")
    result = run_kg("build", home=mini)
    assert "nordcell-lyon-line" in result.output


def test_a_stale_locator_is_reported_against_the_corpus(mini, mini_corpus):
    break_claims(mini, "span: [138, 216]", "span: [138, 215]")
    result = run_kg("build", "--corpus", mini_corpus, home=mini)
    assert result.exit_code == 1
    assert "1 locator(s) do not match" in result.output
    assert "alpha.yaml: sentence 2" in result.output and "is at 138..216" in result.output


def test_a_changed_article_is_reported(mini, mini_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("alpha.txt", "beta.txt"):
        (corpus / name).write_bytes((mini_corpus / name).read_bytes())
    (corpus / "beta.txt").write_text("Nordcell Energy rewrote this.")
    result = run_kg("build", "--corpus", corpus, home=mini)
    assert result.exit_code == 1
    assert "beta.txt has changed" in result.output


def test_stats_counts_classes_and_relations(mini):
    built(mini)
    result = run_kg("stats", home=mini)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("ssb:Claim" in line and " 15 " in f" {line} " for line in lines)
    assert any("ssb:partnersWith" in line for line in lines)


def test_query_answers_with_the_article_and_sentence(mini):
    built(mini)
    result = run_kg("query", "companies-by-route", home=mini)
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.output.splitlines() if "Nordcell Energy" in line]
    assert "chem:sulfide" in row and "source:alpha" in row and "Test Wire" in row and " 2 " in row


def test_query_binds_a_parameter(mini):
    built(mini)
    assert "Nordcell" in run_kg("query", "companies-by-route", "-p", "route=chem:sulfide", home=mini).output
    assert "Nordcell" not in run_kg("query", "companies-by-route", "-p", "route=chem:oxide", home=mini).output


def test_query_errors_list_what_exists(mini):
    built(mini)
    unknown = run_kg("query", "who-is-best", home=mini)
    assert unknown.exit_code == 1 and "companies-by-route" in unknown.output
    bad = run_kg("query", "companies-by-route", "-p", "colour=red", home=mini)
    assert bad.exit_code == 1 and "it takes: route" in bad.output


def test_query_before_build_says_what_to_do(mini):
    result = run_kg("query", "companies-by-route", home=mini)
    assert result.exit_code == 1 and "run `kg build` first" in result.output


def test_exports_are_ordinary_readable_files(mini):
    built(mini)
    mode = (mini / "exports" / "ssb-kg.ttl").stat().st_mode & 0o777
    assert mode & 0o044 == 0o044  # group and others may read it, as with any file the user writes


def test_a_validator_that_crashes_fails_in_one_line_and_leaves_the_exports_intact(mini, monkeypatch):
    import kg.validation

    built(mini)
    before = (mini / "exports" / "ssb-kg.ttl").read_bytes()

    def files():  # the exports and the query store
        return sorted(p.relative_to(mini) for d in ("exports", ".store") for p in (mini / d).rglob("*"))

    written = files()

    def crash(*args, **kwargs):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(kg.validation, "validate_ntriples", crash)
    result = run_kg("build", home=mini)
    assert result.exit_code == 1
    assert "SHACL check could not run (RuntimeError: engine exploded)" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert (mini / "exports" / "ssb-kg.ttl").read_bytes() == before
    assert files() == written  # no staged store or temp file left


def test_a_full_disk_fails_in_one_line_and_leaves_the_exports_intact(mini, monkeypatch):
    import kg.store

    built(mini)
    before = (mini / "exports" / "ssb-kg.ttl").read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(mini / ".store"))

    monkeypatch.setattr(kg.store, "stage_store", full)
    result = run_kg("build", home=mini)
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert (mini / "exports" / "ssb-kg.ttl").read_bytes() == before


def test_locate_rewrites_every_file_or_none(mini, mini_corpus):
    alpha, beta = (mini / "data" / "claims" / f"{name}.yaml" for name in ("alpha", "beta"))
    alpha.write_text(alpha.read_text().replace("span: [36, 137]", "span: [0, 1]"))  # stale: to be fixed
    beta.write_text(beta.read_text().replace("- sentence: 2\n", "- sentence: 800\n", 1))
    before = alpha.read_bytes(), beta.read_bytes()
    result = run_kg("locate", str(alpha), str(beta), "--corpus", str(mini_corpus), home=mini)
    assert result.exit_code == 1 and "sentence 800 does not exist" in result.output
    assert (alpha.read_bytes(), beta.read_bytes()) == before  # alpha was rewritten before
    fixed = run_kg("locate", str(alpha), "--corpus", str(mini_corpus), home=mini)
    assert fixed.exit_code == 0 and "span: [36, 137]" in alpha.read_text()


def test_locate_on_a_file_that_holds_no_claims_is_a_one_line_error(mini, mini_corpus):
    for other in (mini / "data" / "sources.yaml", mini / "data" / "entities.yaml"):
        result = run_kg("locate", str(other), "--corpus", str(mini_corpus), home=mini)
        assert result.exit_code == 1 and "not a claims file" in result.output, result.output
        assert "Traceback" not in result.output


def test_an_empty_corpus_path_is_refused_and_the_export_is_kept(mini):
    assert built(mini).exit_code == 0
    export = mini / "exports" / "ssb-kg.ttl"
    before = export.read_bytes()
    # an unset shell variable: --corpus "$CORPUS"; Path("") would have been the current folder
    result = run_kg("build", "--corpus", "", home=mini)
    assert result.exit_code == 2
    assert "an empty path" in result.output
    assert export.read_bytes() == before
