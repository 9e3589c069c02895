"""The graph's VoID description of its data: counts that agree with the claims files."""

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, VOID, XSD

from kg.build import assemble
from kg.claims import Measurement, MilestoneFact, load_claims
from kg.namespaces import GRAPH, SSB
from kg.project import Project

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["mini", "repository"])
def root(request, mini) -> Path:
    """The two-article test project, and the repository's own data (the five articles' facts)."""
    return mini if request.param == "mini" else REPO


def partitions(description):
    """predicate -> (void:triples, ssb:claimCount or None), each partition of the data graph."""
    found = {}
    for partition in description.objects(GRAPH.data, VOID.propertyPartition):
        predicate = description.value(partition, VOID.property)
        claims = description.value(partition, SSB.claimCount)
        found[predicate] = (int(description.value(partition, VOID.triples)), claims and int(claims))
    return found


def predicate_of(fact) -> str:
    if isinstance(fact, Measurement):
        return SSB.hasQuantity
    if isinstance(fact, MilestoneFact):
        return SSB.hasMilestone
    return SSB[fact.predicate]


def test_each_stated_relation_counts_its_distinct_facts_and_its_claims(root):
    claims = load_claims(Project(root).claims_dir)
    stated = Counter(predicate_of(c.fact) for c in claims)
    distinct = Counter(predicate_of(fact) for fact in {c.fact for c in claims})
    assembled, _ = assemble(Project(root))
    counted = {p: counts for p, counts in partitions(assembled.description).items() if counts[1] is not None}
    assert counted == {p: (distinct[p], stated[p]) for p in stated}
    assert len(counted) >= (5 if root == REPO else 3)


def test_the_partitions_count_every_triple_of_the_data_graph(root):
    assembled, _ = assemble(Project(root))
    data, description = assembled.data, assembled.description
    per_predicate = Counter(p for _, p, _ in data)
    assert {p: n for p, (n, _) in partitions(description).items()} == dict(per_predicate)
    assert description.value(GRAPH.data, VOID.triples) == Literal(len(data), datatype=XSD.integer)
    assert (GRAPH.data, RDF.type, VOID.Dataset) in description


def test_the_description_is_exported_and_queried(mini):
    from .conftest import run_kg

    assert run_kg("build", home=mini).exit_code == 0
    turtle = (mini / "exports" / "ssb-kg.ttl").read_text(encoding="utf-8")
    assert "void:propertyPartition" in turtle and "ssb:claimCount" in turtle
    result = run_kg("query", "relation-counts", "--format", "csv", home=mini)
    assert result.exit_code == 0, result.output
    rows = dict(line.split(",", 1) for line in result.output.strip().splitlines()[1:])
    claims = load_claims(Project(mini).claims_dir)
    supplies = [c for c in claims if predicate_of(c.fact) == SSB.suppliesTo]
    assert rows[str(SSB.suppliesTo)] == f"{len({c.fact for c in supplies})},{len(supplies)}"


# Counted the slow way, from the claim nodes: what `most-connected` ran before the build counted it.
CONNECTIONS_FROM_CLAIMS = """
SELECT ?node (COUNT(DISTINCT ?other) AS ?connections) (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  ?claim a ssb:Claim ; rdf:predicate ?p .
  FILTER(?p NOT IN (ssb:hasQuantity, ssb:hasMilestone))
  { ?claim rdf:subject ?node ; rdf:object ?other } UNION { ?claim rdf:object ?node ; rdf:subject ?other }
  FILTER(isIRI(?node))
} GROUP BY ?node
"""


def test_each_linked_node_counts_its_connections_and_their_claims(root):
    assembled, _ = assemble(Project(root))
    expected = {
        node: (int(connections), int(claims))
        for node, connections, claims in assembled.data.query(CONNECTIONS_FROM_CLAIMS, initNs={"ssb": SSB})
    }
    description = assembled.description
    counted = {
        node: (int(connections), int(description.value(node, SSB.connectionClaimCount)))
        for node, connections in description.subject_objects(SSB.connectionCount)
    }
    assert counted == expected
    assert len(counted) >= (90 if root == REPO else 10)
    # the rank: 1, 2, 3 ... in the order of the counts, highest first, ties by IRI
    ranks = {node: int(rank) for node, rank in description.subject_objects(SSB.connectionRank)}
    in_order = sorted(expected, key=lambda node: (-expected[node][0], -expected[node][1], str(node)))
    assert sorted(ranks, key=ranks.get) == in_order
    assert sorted(ranks.values()) == list(range(1, len(in_order) + 1))


def test_most_connected_ranks_by_the_counted_links(mini):
    from .conftest import run_kg

    assert run_kg("build", home=mini).exit_code == 0
    result = run_kg("query", "most-connected", "--format", "csv", home=mini)
    assert result.exit_code == 0, result.output
    rows = [line.split(",") for line in result.output.strip().splitlines()[1:]]
    ranked = [(name, connections, claims) for _role, _iri, name, connections, claims in rows]
    # counted by hand from tests/fixtures/mini: NordCell partners with Voltara, pursues sulfide,
    # operates the Lyon line, supplies Voltara, and the Lyon pledge supports it (5 claims, 4 nodes);
    # Voltara partners with NordCell, makes the Aurora and is supplied by NordCell (3 claims, 2 nodes)
    assert ranked[:2] == [("Nordcell Energy", "4", "5"), ("Voltara Motors", "2", "3")]
