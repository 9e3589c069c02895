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
