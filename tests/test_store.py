"""The query store: `kg build` loads it, readers open it, and it follows the Turtle export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from kg.project import Project
from kg.store import open_store, store_root

from .conftest import run_kg


def build(home):
    result = run_kg("build", home=home)
    assert result.exit_code == 0, result.output
    return result


def manifest(home) -> dict:
    return json.loads((home / ".store" / "current.json").read_text())


def kg(home, *args: str) -> subprocess.CompletedProcess:
    """`kg` in its own process, so that stdout and stderr arrive apart."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "--home", str(home), *args], capture_output=True, text=True
    )


def test_build_loads_the_store_beside_the_exports(mini):
    build(mini)
    current = manifest(mini)
    assert (mini / ".store" / current["folder"]).is_dir()
    assert current["graph"] == "ssb-kg.ttl" and current["triples"] > 1000
    assert sorted(p.name for p in (mini / "exports").iterdir()) == ["ssb-kg.ttl"]  # nothing added there


def test_the_store_holds_exactly_the_exported_triples(mini):
    import pyoxigraph as ox

    build(mini)
    exported = {
        q.triple for q in ox.parse((mini / "exports" / "ssb-kg.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    }
    stored = {q.triple for q in open_store(Project(mini))}
    assert stored == exported


def test_queries_use_the_store_without_reloading(mini):
    build(mini)
    result = kg(mini, "query", "companies-by-route", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Nordcell Energy" in result.stdout
    assert result.stderr == ""  # nothing was loaded again


def test_a_changed_export_is_loaded_again_and_said_so(mini, tmp_path):
    build(mini)
    before = manifest(mini)["folder"]
    # another state of the graph, written as exports/ssb-kg.ttl by hand (as an older build would)
    other = tmp_path / "other"
    shutil.copytree(mini, other)
    claims = other / "data" / "claims" / "alpha.yaml"
    claims.write_text(claims.read_text().replace("p: pursuesRoute, o: sulfide", "p: pursuesRoute, o: oxide"))
    build(other)
    shutil.copy(other / "exports" / "ssb-kg.ttl", mini / "exports" / "ssb-kg.ttl")

    first = kg(mini, "query", "companies-by-route", "-p", "route=oxide", "--format", "csv")
    assert first.returncode == 0, first.stderr
    assert "loading it again" in first.stderr and "ssb-kg.ttl" in first.stderr
    assert "Nordcell Energy" in first.stdout  # the answer comes from the new export
    assert manifest(mini)["folder"] != before
    second = kg(mini, "stats")
    assert second.returncode == 0 and second.stderr == ""  # loaded once, used from then on


def test_an_export_broken_by_hand_is_a_one_line_error_and_the_store_stays(mini):
    build(mini)
    before = manifest(mini)
    (mini / "exports" / "ssb-kg.ttl").write_text("garbage <<<\n")
    for command in (["query", "class-counts"], ["sparql", "ASK {}"], ["stats"], ["view"]):
        result = kg(mini, *command)  # a SyntaxError's traceback before
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "is not valid Turtle" in result.stderr and "run `kg build`" in result.stderr
    assert manifest(mini) == before


def test_a_rewritten_but_identical_export_is_not_loaded_again(mini):
    build(mini)
    folder = manifest(mini)["folder"]
    turtle = mini / "exports" / "ssb-kg.ttl"
    turtle.write_bytes(turtle.read_bytes())  # new mtime, same content
    result = kg(mini, "stats")
    assert result.returncode == 0 and result.stderr == ""
    assert manifest(mini)["folder"] == folder


def test_an_unchanged_rebuild_keeps_the_same_store(mini):
    build(mini)
    folder = manifest(mini)["folder"]
    build(mini)
    assert manifest(mini)["folder"] == folder
    assert [p.name for p in store_root(Project(mini)).iterdir() if p.is_dir()] == [folder]


def test_a_failed_build_leaves_the_store_and_answers_as_they_were(mini):
    build(mini)
    before = manifest(mini)
    claims = mini / "data" / "claims" / "alpha.yaml"
    claims.write_text(
        claims.read_text().replace("  - {s: nordcell-energy, p: operates, o: nordcell-lyon-line}\n", "")
    )
    failed = run_kg("build", home=mini)
    assert failed.exit_code == 1 and "violates the SHACL shapes" in failed.output
    assert manifest(mini) == before
    assert not [p for p in (mini / ".store").iterdir() if p.name.startswith(".loading")]
    assert "Nordcell Energy" in run_kg("query", "companies-by-route", home=mini).output


def test_old_stores_are_removed_two_builds_later(mini):
    claims = mini / "data" / "claims" / "alpha.yaml"
    original = claims.read_text()
    folders = []
    for capacity in (2, 3, 4, 5):  # four different graphs
        claims.write_text(original.replace("value: 2, unit: GWh", f"value: {capacity}, unit: GWh"))
        build(mini)
        folders.append(manifest(mini)["folder"])
    assert len(set(folders)) == 4
    kept = sorted(p.name for p in (mini / ".store").iterdir() if p.is_dir())
    assert kept == sorted(folders[-2:])  # the current one, and the one a running `kg serve` may hold


def test_a_graph_built_with_another_ontology_version_is_said_so(mini):
    build(mini)
    # as after an update of ssb-kg whose ontology adds terms, before the graph is built again
    ontology = mini / "ontology" / "ssb.ttl"
    ontology.write_text(ontology.read_text().replace('owl:versionInfo "0.3.0"', 'owl:versionInfo "0.4.0"'))
    stale = kg(mini, "query", "most-connected", "--format", "csv")
    assert stale.returncode == 0, stale.stderr
    assert "Nordcell Energy" in stale.stdout  # still answered, from the graph as built
    assert "version 0.3.0 of the ontology" in stale.stderr and "version 0.4.0" in stale.stderr
    assert "kg build" in stale.stderr
    build(mini)
    assert kg(mini, "query", "most-connected", "--format", "csv").stderr == ""
