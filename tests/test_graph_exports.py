"""`kg export --format graphml|gexf|csv`: the view's network for Gephi, Cytoscape and spreadsheets."""

import csv

import networkx as nx
import pytest

from .conftest import run_kg
from .view_helpers import built


def export(home, *args):
    result = run_kg("export", *args, home=home)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(("format_name", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_read_back_with_their_attributes(mini, format_name, reader):
    result = export(built(mini), "--format", format_name)
    path = mini / "exports" / f"ssb-kg.{format_name}"
    assert f"wrote {path}" in result.output
    graph = reader(path)
    assert graph.number_of_nodes() == 10 and graph.number_of_edges() == 10
    if format_name == "graphml":
        nordcell = graph.nodes["id:nordcell-energy"]
    else:  # GEXF keeps the label apart from the id
        nordcell = next(d for _, d in graph.nodes(data=True) if d["label"] == "Nordcell Energy")
    assert nordcell["kind"] == "battery-maker" and nordcell["country"] == "France"
    assert nordcell["routes"] == "sulfide"
    edges = [d for _, _, d in graph.edges(data=True)]
    partner = next(d for d in edges if d["relation"] == "partnersWith")
    assert partner["sources"] == "alpha:1" and partner["publishers"] == "Test Wire"
    assert partner["years"] == "2026" and partner["claims"] == 1
    pledge = next(d for d in edges if d["relation"] == "supports")
    assert pledge["sources"] == "beta:2" and pledge["years"] == ""


def test_csv_writes_a_nodes_table_and_an_edges_table(mini):
    result = export(built(mini), "--format", "csv")
    folder = mini / "exports" / "ssb-kg-csv"
    assert f"wrote {folder / 'nodes.csv'}" in result.output
    nodes = list(csv.DictReader((folder / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((folder / "edges.csv").open(encoding="utf-8")))
    assert len(nodes) == 10 and len(edges) == 10
    line = next(n for n in nodes if n["Id"] == "id:nordcell-lyon-line")
    assert line["Label"] == "Nordcell Lyon pilot line"
    assert line["figures"] == "production capacity: 2 GWh [alpha:2]"
    assert line["iri"] == "https://w3id.org/ssb-kg/id/nordcell-lyon-line"
    supply = next(e for e in edges if e["relation"] == "suppliesTo")
    assert (supply["Source"], supply["Target"], supply["Type"]) == (
        "id:nordcell-energy",
        "id:voltara-motors",
        "Directed",
    )
    assert supply["Label"] == "supplies to" and supply["modality"] == "Implied"


def test_csv_output_is_a_folder_of_your_choice(mini, tmp_path):
    export(built(mini), "--format", "csv", "-o", tmp_path / "tables")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]


@pytest.mark.parametrize("format_name", ["graphml", "gexf", "csv"])
def test_graph_exports_are_byte_identical_between_runs(mini, tmp_path, format_name):
    built(mini)
    export(mini, "--format", format_name, "-o", tmp_path / "one")
    export(mini, "--format", format_name, "-o", tmp_path / "two")
    one, two = tmp_path / "one", tmp_path / "two"
    if format_name == "csv":
        for name in ("nodes.csv", "edges.csv"):
            assert (one / name).read_bytes() == (two / name).read_bytes()
    else:
        assert one.read_bytes() == two.read_bytes()
        assert b"lastmodifieddate" not in one.read_bytes()


def test_graph_export_needs_a_built_graph(mini):
    result = run_kg("export", "--format", "graphml", home=mini)
    assert result.exit_code == 1
    assert "run `kg build` first" in result.output


def test_graph_export_to_a_folder_is_refused(mini, tmp_path):
    result = run_kg("export", "--format", "gexf", "-o", tmp_path, home=built(mini))
    assert result.exit_code == 1
    assert "is a folder" in result.output
