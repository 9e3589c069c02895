"""The networkx projection of the built graph, and the selections the view draws from it.

Expected values come from the two test articles (tests/fixtures/mini): alpha has Voltara
partner with Nordcell, Nordcell on sulfide running a 2 GWh line in Lyon, the Aurora powered by
Nordcell cells with 900 km of range, and mass production in 2028; beta (undated) has a French
pledge to Nordcell and Nordcell's mass production in 2030.
"""

import shutil

import pytest

from kg.errors import KGError
from kg.projection import load_projection
from kg.selection import Selection, select

from .view_helpers import built

EDGES = {
    ("id:voltara-motors", "id:nordcell-energy", "partnersWith"),
    ("id:nordcell-energy", "chem:sulfide", "pursuesRoute"),
    ("id:nordcell-energy", "id:nordcell-lyon-line", "operates"),
    ("id:nordcell-lyon-line", "id:lyon", "locatedIn"),
    ("id:voltara-motors", "id:voltara-aurora", "manufactures"),
    ("id:voltara-aurora", "id:nordcell-cell", "poweredBy"),
    ("id:nordcell-energy", "id:voltara-motors", "suppliesTo"),
    ("id:lyon-line-pledge", "id:french-government", "issuedBy"),
    ("id:lyon-line-pledge", "id:france", "appliesIn"),
    ("id:lyon-line-pledge", "id:nordcell-energy", "supports"),
}


@pytest.fixture
def graph(mini):
    return load_projection(built(mini) / "exports" / "ssb-kg.ttl")


def test_edges_are_the_stated_relations(graph):
    assert set(graph.edges(keys=True)) == EDGES
    assert set(graph.nodes) == {n for e in EDGES for n in e[:2]}


def test_every_edge_keeps_its_sources(graph):
    claims = graph.edges["id:voltara-motors", "id:nordcell-energy", "partnersWith"]["claims"]
    assert [(c["article"], c["sentence"], c["modality"]) for c in claims] == [("alpha", 1, "Explicit")]
    assert claims[0]["start"] == 36 and claims[0]["end"] == 137
    supply = graph.edges["id:nordcell-energy", "id:voltara-motors", "suppliesTo"]["claims"]
    assert supply[0]["modality"] == "Implied"
    article = graph.graph["articles"]["alpha"]
    assert (article["publisher"], article["title"], article["date"]) == (
        "Test Wire",
        "Voltara Motors picks sulfide cells",
        "2026-03-02",
    )
    assert graph.graph["articles"]["beta"]["date"] is None


def test_nodes_carry_kind_country_routes_and_facts(graph):
    nordcell = graph.nodes["id:nordcell-energy"]
    assert (nordcell["kind"], nordcell["country"], nordcell["routes"]) == (
        "battery-maker",
        "France",
        ["sulfide"],
    )
    assert nordcell["aliases"] == ["Nordcell"]
    assert [m["start_year"] for m in nordcell["milestones"]] == [2030]
    line = graph.nodes["id:nordcell-lyon-line"]
    assert line["kind"] == "production-line"
    assert line["country"] == "France"  # located in Lyon, which is part of France
    assert [(q["kind"], q["label"]) for q in line["quantities"]] == [("ProductionCapacity", "2 GWh")]
    aurora = graph.nodes["id:voltara-aurora"]
    assert [q["label"] for q in aurora["quantities"]] == ["900 km"]
    assert aurora["quantities"][0]["claims"][0]["sentence"] == 3
    assert graph.nodes["chem:sulfide"]["kind"] == "chemistry"
    assert graph.nodes["id:lyon-line-pledge"]["kind"] == "policy"


def test_the_projection_reads_the_built_graph_not_the_data(mini):
    built(mini)
    shutil.rmtree(mini / "data")
    graph = load_projection(mini / "exports" / "ssb-kg.ttl")
    assert graph.number_of_edges() == len(EDGES)


def test_differing_statements_are_marked(mini):
    beta = mini / "data" / "claims" / "beta.yaml"
    anchor = "  - {s: nordcell-energy, milestone: MassProduction, year: 2030, status: Planned}\n"
    beta.write_text(
        beta.read_text().replace(
            anchor,
            anchor + "  - {s: voltara-motors, milestone: MassProduction, year: 2029, status: Planned}\n",
        )
    )
    graph = load_projection(built(mini) / "exports" / "ssb-kg.ttl")
    voltara = graph.nodes["id:voltara-motors"]
    assert voltara["differs"]
    assert sorted(m["start_year"] for m in voltara["milestones"] if m["differs"]) == [2028, 2029]
    assert not graph.nodes["id:nordcell-energy"]["differs"]


def test_partnership_preset_keeps_partnerships_only(graph):
    chosen = select(graph, Selection("partnerships"))
    assert set(chosen.edges(keys=True)) == {("id:voltara-motors", "id:nordcell-energy", "partnersWith")}
    assert set(chosen.nodes) == {"id:voltara-motors", "id:nordcell-energy"}


def test_supply_chain_preset_runs_from_supplier_to_vehicle(graph):
    chosen = select(graph, Selection("supply-chain"))
    assert {k for _, _, k in chosen.edges(keys=True)} == {"suppliesTo", "manufactures", "poweredBy"}
    assert set(chosen.nodes) == {
        "id:nordcell-energy",
        "id:voltara-motors",
        "id:voltara-aurora",
        "id:nordcell-cell",
    }


def test_relations_since_and_focus(graph):
    policy = select(graph, Selection(relations=("policy",)))
    assert {k for _, _, k in policy.edges(keys=True)} == {"issuedBy", "appliesIn", "supports"}
    # alpha is dated 2026, beta is undated: from 2027 on only beta's facts are left
    late = select(graph, Selection(since=2027))
    assert {k for _, _, k in late.edges(keys=True)} == {"issuedBy", "appliesIn", "supports"}
    assert late.nodes["id:nordcell-energy"]["milestones"][0]["start_year"] == 2030
    early = select(graph, Selection(since=2026))
    assert early.number_of_edges() == len(EDGES)
    around = select(graph, Selection(focus="Nordcell", depth=1))
    assert set(around.nodes) == {
        "id:nordcell-energy",
        "id:voltara-motors",
        "chem:sulfide",
        "id:nordcell-lyon-line",
        "id:lyon-line-pledge",
    }
    assert set(select(graph, Selection(focus="nordcell-energy", depth=0)).nodes) == {"id:nordcell-energy"}


def test_selection_leaves_the_projection_alone(graph):
    select(graph, Selection(since=2027))
    assert graph.number_of_edges() == len(EDGES)
    assert graph.nodes["id:voltara-motors"]["milestones"]


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (Selection(focus="Nordcel Energie"), "did you mean 'Nordcell Energy'"),
        (Selection(relations=("friendship",)), "unknown relation or group 'friendship'"),
        (Selection("partnerships", relations=("policy",)), "none of the relations"),
        (Selection("everything"), "unknown preset"),
    ],
)
def test_bad_selections_say_what_is_wrong(graph, selection, message):
    with pytest.raises(KGError, match=message):
        select(graph, selection)
