"""Exports: standard formats that load anywhere, byte-identical for the same input."""

import os
import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.build import assemble, export
from kg.exports import FORMATS
from kg.project import Project

from .conftest import run_kg

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig"}
OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
}


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_every_format_loads_in_rdflib_and_pyoxigraph_with_every_triple(mini, format_name):
    assembled, _ = assemble(Project(mini))
    expected = sum(
        len(g) for g in (assembled.vocabulary, assembled.data, assembled.inferred, assembled.description)
    )
    path = export(Project(mini), format_name)
    assert path.name == f"ssb-kg.{FORMATS[format_name].extension}"
    loaded = Dataset() if format_name == "trig" else Graph()
    loaded.parse(path, format=RDFLIB_FORMAT[format_name])
    count = sum(len(g) for g in loaded.graphs()) if format_name == "trig" else len(loaded)
    assert count == expected
    quads = list(ox.parse(path.read_bytes(), format=OX_FORMAT[format_name]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == expected


def test_trig_keeps_vocabulary_data_inferred_triples_and_description_in_named_graphs(mini):
    path = export(Project(mini), "trig")
    graphs = {q.graph_name.value for q in ox.parse(path.read_bytes(), format=ox.RdfFormat.TRIG)}
    assert graphs == {
        "https://w3id.org/ssb-kg/graph/vocabulary",
        "https://w3id.org/ssb-kg/graph/data",
        "https://w3id.org/ssb-kg/graph/inferred",
        "https://w3id.org/ssb-kg/graph/description",
    }


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_two_exports_are_byte_identical_across_processes(mini, tmp_path, format_name):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.{format_name}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SSB_KG_HOME": str(mini)}
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "export", "--format", format_name, "-o", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


def test_export_refuses_an_unknown_format(mini):
    result = run_kg("export", "--format", "rdfxml-ish", home=mini)
    assert result.exit_code == 2
    assert "rdfxml-ish" in result.output


def test_an_export_over_a_symbolic_link_writes_its_target_and_keeps_the_link(mini, tmp_path):
    target = tmp_path / "real.ttl"
    target.write_text("old")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    result = run_kg("export", "-o", str(link), home=mini)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text().startswith("@prefix")


@pytest.mark.parametrize("kind", ["fifo", "folder-link", "loop"])
def test_an_export_over_what_is_no_regular_file_is_refused(mini, tmp_path, kind):
    # a rename replaced whatever -o named: `-o /dev/null` made a file of /dev/null
    assert run_kg("build", home=mini).exit_code == 0
    path = tmp_path / "out.ttl"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder-link":
        path.symlink_to(tmp_path)
    else:
        path.symlink_to(tmp_path / "other.ttl")
        (tmp_path / "other.ttl").symlink_to(path)
    for command in (["export", "-o", str(path)], ["view", "-o", str(path)]):
        result = run_kg(*command, home=mini)
        assert result.exit_code != 0 and len(result.output.strip().splitlines()) == 1, result.output
        assert "give a file name" in result.output or "is a directory" in result.output
    assert path.is_fifo() if kind == "fifo" else path.is_symlink()


@pytest.mark.parametrize("inside", ["data/sources.yaml", "ontology/extra.ttl", "data/claims/new.ttl"])
def test_an_export_into_the_project_s_inputs_is_refused(mini, inside):
    assert run_kg("build", home=mini).exit_code == 0
    before = {p: p.read_bytes() for p in (mini / "data").rglob("*") if p.is_file()}
    for command in (["export", "-o", str(mini / inside)], ["view", "-o", str(mini / inside)]):
        result = run_kg(*command, home=mini)
        assert result.exit_code == 1 and "the project's inputs" in result.output, result.output
    assert {p: p.read_bytes() for p in (mini / "data").rglob("*") if p.is_file()} == before
    assert not (mini / "ontology" / "extra.ttl").exists()
