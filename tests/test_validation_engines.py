"""The build validates with pyshacl-turbo; pySHACL is the reference. Both must report the same.

Every shape's conforming and violating example, and the built test graph damaged in ways that
exercise the harder constraints (the SPARQL constraint on claims, inverse paths, sh:or and
qualified shapes), give the same violations (focus node, path, owning shape, message, value).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.build import assemble
from kg.namespaces import CHEM, ID, SSB
from kg.ontology import load_shapes, load_vocabulary
from kg.project import Project
from kg.validation import validate

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "ontology" / "examples").glob("*/*.ttl"))


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return load_vocabulary(REPO / "ontology")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(REPO / "ontology")


def both(data: Graph, vocabulary: Graph, shapes: Graph):
    fast = validate(data, vocabulary, shapes, engine="turbo")
    reference = validate(data, vocabulary, shapes, engine="pyshacl")
    return fast, reference


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_shape_example_gets_the_same_report(path, vocabulary, shapes):
    fast, reference = both(Graph().parse(path, format="turtle"), vocabulary, shapes)
    assert fast == reference
    assert fast.conforms == (path.stem == "valid")


def damaged(mini: Path, damage) -> Graph:
    assembled, _ = assemble(Project(mini))
    data = Graph()
    data += assembled.data
    damage(data)
    return data


def drop_direct_triple(data: Graph) -> None:
    # the claim stays, its fact goes: only the SPARQL constraint of the Claim shape sees this
    data.remove((ID["nordcell-energy"], SSB.pursuesRoute, CHEM["sulfide"]))


def drop_operator(data: Graph) -> None:
    data.remove((ID["nordcell-energy"], SSB.operates, ID["nordcell-lyon-line"]))


def wrong_types(data: Graph) -> None:
    # a vehicle that is also a policy, and a claim pointing at a company as its article
    data.add((ID["voltara-aurora"], RDF.type, SSB.Policy))
    claim = next(data.subjects(RDF.type, SSB.Claim))
    data.set((claim, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), ID["nordcell-energy"]))


def random_losses(data: Graph) -> None:
    for triple in random.Random(5).sample(sorted(data), 40):
        data.remove(triple)


@pytest.mark.parametrize("damage", [drop_direct_triple, drop_operator, wrong_types, random_losses])
def test_a_damaged_graph_gets_the_same_report(mini, vocabulary, shapes, damage):
    fast, reference = both(damaged(mini, damage), vocabulary, shapes)
    assert not reference.conforms
    assert fast == reference


def test_the_sparql_constraint_is_checked(mini, vocabulary, shapes):
    fast = validate(damaged(mini, drop_direct_triple), vocabulary, shapes)
    assert {v.path for v in fast.violations} == {"rdf:predicate"}
    assert all("not in the graph" in v.message for v in fast.violations)
