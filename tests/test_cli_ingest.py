"""`kg ingest`, `kg review` and `kg eval` end to end: proposals, decisions, idempotence, bad input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from kg.claims import load_claims_file

from .conftest import FIXTURES, REPO, run_kg

NEWSROOM = FIXTURES / "newsroom"
BAD = FIXTURES / "bad_input"

# An article of our own about players no registry knows (used where a test edits the text).
ARTICLE = """Vindral Energy licenses its sulfide cells to Korvath Motor

Test Wire | 2 June 2025

Oslo-based Vindral Energy has agreed to license its sulfide cell design to Korvath Motor.
Korvath Motor will source electrolyte from Brightwell Materials under a three-year contract.
The cells store 420 Wh/kg, according to Vindral Energy.
"""


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A project with the newsroom registry's organisations and places, no articles, no claims yet.

    (Its lines and vehicles are left out: the shapes want each to have an operator or a maker,
    which only claims can give.)"""
    root = tmp_path / "project"
    (root / "data" / "claims").mkdir(parents=True)
    lines = (NEWSROOM / "data" / "entities.yaml").read_text().splitlines(keepends=True)
    kept = [line for line in lines if "ProductionLine" not in line and "Vehicle" not in line]
    (root / "data" / "entities.yaml").write_text("".join(kept))
    (root / "data" / "sources.yaml").write_text("# sources\n[]\n")
    shutil.copytree(REPO / "ontology", root / "ontology")
    return root


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "vindral.txt").write_text(ARTICLE)
    return folder


def ok(*args, home: Path):
    result = run_kg(*args, home=home)
    assert result.exit_code == 0, result.output
    return result


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()
    }


def pending_claims(root: Path, source: str):
    return load_claims_file(root / "data" / "pending" / "claims" / f"{source}.yaml")


def test_ingest_registers_the_article_and_proposes_extracted_claims(fresh, corpus):
    result = ok("ingest", corpus, home=fresh)
    assert "new entities" in result.output and "new claims to review" in result.output
    (entry,) = yaml.safe_load((fresh / "data" / "sources.yaml").read_text())
    assert entry["id"] == "vindral" and entry["file"] == "vindral.txt"
    assert entry["sha256"] == hashlib.sha256((corpus / "vindral.txt").read_bytes()).hexdigest()
    assert entry["title"].startswith("Vindral Energy licenses") and str(entry["date"]) == "2025-06-02"
    claims = pending_claims(fresh, "vindral")
    assert claims and all(c.method == "Extracted" and c.rule and c.confidence is not None for c in claims)
    facts = {
        (c.fact.subject, c.fact.predicate, c.fact.object) for c in claims if hasattr(c.fact, "predicate")
    }
    assert ("vindral-energy", "licensesTo", "korvath-motor") in facts
    assert ("brightwell-materials", "suppliesTo", "korvath-motor") in facts
    candidates = {
        c["id"]: c for c in yaml.safe_load((fresh / "data" / "pending" / "entities.yaml").read_text())
    }
    assert {"vindral-energy", "korvath-motor", "brightwell-materials"} <= set(candidates)
    assert candidates["korvath-motor"]["types"] == ["Automaker"]


def test_the_same_content_twice_adds_nothing(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    before = snapshot(fresh)
    result = ok("ingest", corpus / "vindral.txt", home=fresh)
    assert "unchanged" in result.output and "0 new claims" in result.output
    assert snapshot(fresh) == before


def test_accepted_claims_and_candidates_join_the_graph(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    result = ok("review", "accept", "--all", home=fresh)
    assert "accepted" in result.output
    ok("build", "--corpus", corpus, home=fresh)
    turtle = (fresh / "exports" / "ssb-kg.ttl").read_text()
    assert "id:vindral-energy" in turtle and "ssb:licensesTo id:korvath-motor" in turtle
    assert "ssb:method ssb:Extracted" in turtle and "ssb:extractionRule" in turtle
    assert "- {id: korvath-motor" in (fresh / "data" / "entities.yaml").read_text()
    assert not pending_claims(fresh, "vindral")


def test_accepting_by_confidence_keeps_the_rest_pending(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    everything = pending_claims(fresh, "vindral")
    ok("review", "accept", "--min-confidence", "0.7", home=fresh)
    left = pending_claims(fresh, "vindral")
    assert 0 < len(left) < len(everything)
    assert all(float(c.confidence) < 0.7 for c in left)
    accepted = load_claims_file(fresh / "data" / "claims" / "vindral.extracted.yaml")
    assert accepted and all(float(c.confidence) >= 0.7 for c in accepted)


@pytest.mark.parametrize(
    "args, message",
    [
        (["accept", "--all", "some-claim"], "--all decides everything pending"),  # it accepted all
        (["reject", "--all", "--max-confidence", "0.5"], "--all decides everything pending"),
        (["accept", "--min-confidence", "nan"], "a confidence is a number from 0 to 1, not nan"),
        (["reject", "--max-confidence", "nan"], "a confidence is a number from 0 to 1, not nan"),
    ],
)
def test_a_review_told_two_ways_at_once_decides_nothing(fresh, corpus, args, message):
    ok("ingest", corpus, home=fresh)
    before = {p: p.read_bytes() for p in (fresh / "data").rglob("*") if p.is_file()}
    result = run_kg("review", *args, home=fresh)
    assert result.exit_code == 2 and message in result.output
    assert {p: p.read_bytes() for p in (fresh / "data").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    "file, text",
    [
        # each was a traceback (KeyError, TypeError, AttributeError, a format code)
        ("pending/entities.yaml", "- {id: x}\n"),
        ("pending/entities.yaml", "{a: 1}\n"),
        ("pending/entities.yaml", "- 5\n"),
        ("pending/entities.yaml", "- {id: x, name: X, types: [Company], confidence: high}\n"),
        ("decisions.yaml", "rejected_claims: 5\n"),
        ("decisions.yaml", "- a\n"),
        ("decisions.yaml", "merges: [5]\n"),
        ("pending/ingested.yaml", "- a\n"),
    ],
)
def test_a_review_file_of_the_wrong_shape_is_a_one_line_error(fresh, corpus, file, text):
    ok("ingest", corpus, home=fresh)
    (fresh / "data" / file).write_text(text)
    refused = 0
    for command in (["review"], ["review", "reject", "--all"], ["ingest", str(corpus)]):
        result = run_kg(*command, home=fresh)  # a command that does not read the file may answer
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, (command, result.output)
        if result.exit_code == 1:
            assert len(result.output.strip().splitlines()) == 1 and file in result.output, result.output
            refused += 1
    assert refused >= 1


def test_a_rejection_is_remembered_when_the_article_is_extracted_again(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    licences = [
        c.id for c in pending_claims(fresh, "vindral") if getattr(c.fact, "predicate", "") == "licensesTo"
    ]
    assert licences
    ok("review", "reject", *licences, home=fresh)
    assert all(i in (fresh / "data" / "decisions.yaml").read_text() for i in licences)
    # the article changes elsewhere, so it is extracted again: the rejected fact stays out
    (corpus / "vindral.txt").write_text(ARTICLE + "The company was founded in 2019.\n")
    result = ok("ingest", corpus, home=fresh)
    assert "changed" in result.output
    facts = [c.fact for c in pending_claims(fresh, "vindral")]
    assert not [f for f in facts if getattr(f, "predicate", "") == "licensesTo"]
    assert [f for f in facts if getattr(f, "kind", "") == "Founding"]


def test_a_rejected_candidate_takes_its_claims_and_stays_out(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    ok("review", "reject", "brightwell-materials", home=fresh)
    assert all(
        "brightwell-materials" not in (c.fact.subject, getattr(c.fact, "object", ""))
        for c in pending_claims(fresh, "vindral")
    )
    (corpus / "vindral.txt").write_text(ARTICLE.replace("2019", "") + "Brightwell Materials is hiring.\n")
    ok("ingest", corpus, home=fresh)
    ids = [c["id"] for c in yaml.safe_load((fresh / "data" / "pending" / "entities.yaml").read_text()) or []]
    assert "brightwell-materials" not in ids


def test_merging_a_candidate_into_a_registry_entity(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    ok("review", "merge", "korvath-motor", "nissan", home=fresh)
    facts = {
        (c.fact.subject, c.fact.predicate, c.fact.object)
        for c in pending_claims(fresh, "vindral")
        if hasattr(c.fact, "predicate")
    }
    assert ("vindral-energy", "licensesTo", "nissan") in facts
    # the decision is data: a new extraction resolves the name to the entity directly
    (corpus / "vindral.txt").write_text(ARTICLE + "Korvath Motor sells cars.\n")
    ok("ingest", corpus, home=fresh)
    ids = [c["id"] for c in yaml.safe_load((fresh / "data" / "pending" / "entities.yaml").read_text()) or []]
    assert "korvath-motor" not in ids
    assert "Korvath Motor" in (fresh / "data" / "decisions.yaml").read_text()


def test_a_changed_article_retires_accepted_claims_it_no_longer_states(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    ok("review", "accept", "--all", home=fresh)
    accepted = fresh / "data" / "claims" / "vindral.extracted.yaml"
    assert "brightwell-materials" in accepted.read_text()
    (corpus / "vindral.txt").write_text(
        ARTICLE.replace(
            "Korvath Motor will source electrolyte from Brightwell Materials under a three-year contract.\n",
            "",
        )
    )
    result = ok("ingest", corpus, home=fresh)
    assert "changed" in result.output
    assert "suppliesTo, o: brightwell" not in accepted.read_text()
    assert "licensesTo" in accepted.read_text()  # still stated, moved to its new sentence
    assert "brightwell-materials" in (fresh / "data" / "retired" / "vindral.yaml").read_text()
    (entry,) = yaml.safe_load((fresh / "data" / "sources.yaml").read_text())
    assert entry["sha256"] == hashlib.sha256((corpus / "vindral.txt").read_bytes()).hexdigest()


def test_a_quoted_hash_in_the_manifest_is_updated_when_the_article_changes(fresh, corpus):
    ok("ingest", corpus, home=fresh)
    manifest = fresh / "data" / "sources.yaml"
    (entry,) = yaml.safe_load(manifest.read_text())
    old = entry["sha256"]
    # a curator quoted the hash
    manifest.write_text(manifest.read_text().replace(f"sha256: {old}", f"sha256: '{old}'"))
    (corpus / "vindral.txt").write_text(ARTICLE + "The company was founded in 2019.\n")
    assert "changed" in ok("ingest", corpus, home=fresh).output
    (entry,) = yaml.safe_load(manifest.read_text())
    assert entry["sha256"] == hashlib.sha256((corpus / "vindral.txt").read_bytes()).hexdigest()
    assert "unchanged" in ok("ingest", corpus, home=fresh).output  # not seen as changed again


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("latin1.txt", "not UTF-8"),
        ("unreadable", "empty file"),
        ("no_entity.txt", "no entity"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_nothing_changes(fresh, name, message):
    before = snapshot(fresh)
    result = run_kg("ingest", BAD / name, home=fresh)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert snapshot(fresh) == before


def test_a_file_over_the_size_limit_is_refused(fresh, tmp_path):
    from kg.sources import MAX_ARTICLE_BYTES

    big = tmp_path / "big.txt"
    big.write_text("Honda builds cells. " * (MAX_ARTICLE_BYTES // 20 + 1))
    result = run_kg("ingest", big, home=fresh)
    assert result.exit_code == 1 and "limit" in result.output


def test_a_folder_with_nothing_readable_is_refused(fresh, tmp_path):
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    result = run_kg("ingest", folder, home=fresh)
    assert result.exit_code == 1 and "no articles in this folder" in result.output


def test_good_and_bad_files_together_ingest_the_good_ones(fresh, corpus):
    shutil.copy(BAD / "empty.txt", corpus / "empty.txt")
    result = ok("ingest", corpus, home=fresh)
    assert "skipped" in result.output and "empty file" in result.output
    assert pending_claims(fresh, "vindral")


def test_an_interrupted_ingest_leaves_the_project_as_it_was(fresh, corpus, monkeypatch):
    from kg.extraction import pipeline

    (corpus / "second.txt").write_text(ARTICLE.replace("Vindral", "Tarvos"))
    before = snapshot(fresh)
    calls = []

    def interrupted(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    original = pipeline.Extractor.extract
    monkeypatch.setattr(pipeline.Extractor, "extract", interrupted)
    result = run_kg("ingest", corpus, home=fresh)
    assert result.exit_code != 0 and len(calls) == 2
    assert snapshot(fresh) == before


def test_parallel_ingest_gives_the_same_files(fresh, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(fresh, other)
    ok("ingest", NEWSROOM / "corpus", home=fresh)
    ok("ingest", NEWSROOM / "corpus", "--jobs", "2", home=other)
    assert snapshot(fresh) == snapshot(other)


def test_eval_on_the_newsroom_set_prints_the_figures(tmp_path):
    root = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM / "data", root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    result = ok("eval", "--corpus", NEWSROOM / "corpus", home=root)
    for words in ("precision", "recall", "F1", "entity recall", "relations (all)", "pursuesRoute", "missed"):
        assert words in result.output


def test_the_newsroom_articles_ingest_accept_and_build(fresh):
    """Ten articles in three formats, new players among them: all proposals accepted, the graph builds."""
    ok("ingest", NEWSROOM / "corpus", home=fresh)
    manifest = {s["file"]: s for s in yaml.safe_load((fresh / "data" / "sources.yaml").read_text())}
    assert str(manifest["nw02_solid_power_sk_on.html"]["date"]) == "2025-03-04"  # from the page's byline
    assert "date" not in manifest["nw09_blue_solutions_polymer.txt"]  # undated: a note says so
    assert manifest["nw09_blue_solutions_polymer.txt"]["date_note"]
    ok("review", "accept", "--all", home=fresh)
    result = ok("build", "--corpus", NEWSROOM / "corpus", home=fresh)
    assert "conforms to the SHACL shapes" in result.output


def test_an_article_s_address_that_is_no_web_address_is_left_out_of_its_citation(fresh, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "story.md").write_text(
        "---\ntitle: A plant opens\ndate: 2026-01-05\nurl: www.example.com/plant\n---\n\n"
        "Vindral Energy opened a plant.\n"
    )
    ok("ingest", folder, home=fresh)
    entry = next(
        s for s in yaml.safe_load((fresh / "data" / "sources.yaml").read_text()) if s["id"] == "story"
    )
    assert entry["title"] == "A plant opens" and "url" not in entry
    ok("build", home=fresh)  # the manifest refused the address, and every command with it


def test_a_long_headline_is_cut_to_nine_words_in_the_citation(fresh, tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    headline = "Vindral Energy and Korvath Motor agree to develop sulfide cells for small city cars"
    (folder / "long.txt").write_text(headline + "\n\nVindral Energy opened a plant.\n")
    ok("ingest", folder, home=fresh)
    entry = next(
        s for s in yaml.safe_load((fresh / "data" / "sources.yaml").read_text()) if s["id"] == "long"
    )
    assert entry["title"] == "Vindral Energy and Korvath Motor agree to develop sulfide …"
    ok("build", home=fresh)


def test_a_control_character_in_a_headline_leaves_the_project_buildable(mini, tmp_path):
    # the title was written with its ESC as an escape, which every later read refused
    assert run_kg("build", home=mini).exit_code == 0
    article = tmp_path / "eta.txt"
    article.write_text(
        "Zephyr\x1b Cells picks sulfide\n\nZephyr Cells said on Monday that it will partner with "
        "Nordcell Energy on all-solid-state batteries.\n"
    )
    assert run_kg("ingest", article, home=mini).exit_code == 0
    assert "title: Zephyr Cells picks sulfide" in (mini / "data" / "sources.yaml").read_text()
    accepted = run_kg("review", "accept", "--all", home=mini)
    assert accepted.exit_code == 0, accepted.output
