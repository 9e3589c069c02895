"""Inference at build time: what the ontology entails is in the graph, kept apart in TriG."""

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.build import assemble, export
from kg.inference import infer, load_rules
from kg.project import Project

from .conftest import run_kg

SSB = "https://w3id.org/ssb-kg/ontology#"
ID = "https://w3id.org/ssb-kg/id/"
CHEM = "https://w3id.org/ssb-kg/chemistry/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture
def graph(mini):
    assert run_kg("build", home=mini).exit_code == 0
    return {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in ox.parse((mini / "exports" / "ssb-kg.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    }


def test_an_automaker_is_a_company(graph):
    assert (ID + "voltara-motors", RDF_TYPE, SSB + "Company") in graph


def test_partnership_is_symmetric(graph):
    # alpha states it from Voltara's side only
    assert (ID + "nordcell-energy", SSB + "partnersWith", ID + "voltara-motors") in graph


def test_inverse_relations_answer_from_either_side(graph):
    assert (ID + "nordcell-lyon-line", SSB + "operatedBy", ID + "nordcell-energy") in graph
    assert (ID + "voltara-motors", SSB + "suppliedBy", ID + "nordcell-energy") in graph
    assert (ID + "nordcell-cell", SSB + "powers", ID + "voltara-aurora") in graph
    assert (ID + "french-government", SSB + "issues", ID + "lyon-line-pledge") in graph


def test_skos_narrower_and_transitive_hierarchy(graph):
    assert (CHEM + "solid-electrolyte", SKOS + "narrower", CHEM + "sulfide") in graph
    assert (CHEM + "llzo", SKOS + "broaderTransitive", CHEM + "solid-electrolyte") in graph
    assert (CHEM + "solid-electrolyte", SKOS + "narrowerTransitive", CHEM + "llzo") in graph


def test_inferred_triples_are_new_and_have_their_own_named_graph(mini):
    assembled, _ = assemble(Project(mini))
    assert len(assembled.inferred) > 100
    assert not set(assembled.inferred) & set(assembled.data)  # nothing asserted is repeated
    trig = export(Project(mini), "trig")
    inferred = {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in ox.parse(trig.read_bytes(), format=ox.RdfFormat.TRIG)
        if q.graph_name.value.endswith("/graph/inferred")
    }
    assert (ID + "nordcell-energy", SSB + "partnersWith", ID + "voltara-motors") in inferred
    assert (ID + "voltara-motors", SSB + "partnersWith", ID + "nordcell-energy") not in inferred  # stated


def test_rules_run_to_a_fixpoint():
    # subclass of a subclass, and a subproperty of a symmetric property: two rounds are needed
    vocabulary = Graph().parse(
        data="""@prefix : <http://example.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        :C rdfs:subClassOf :B . :B rdfs:subClassOf :A .
        :knows a owl:SymmetricProperty . :worksWith rdfs:subPropertyOf :knows .""",
        format="turtle",
    )
    data = Graph().parse(
        data="@prefix : <http://example.org/> . :x a :C . :x :worksWith :y .", format="turtle"
    )
    inferred = infer(vocabulary, data, load_rules())
    ex = "http://example.org/"
    assert (URIRef(ex + "x"), URIRef(RDF_TYPE), URIRef(ex + "A")) in inferred
    assert (URIRef(ex + "y"), URIRef(ex + "knows"), URIRef(ex + "x")) in inferred
