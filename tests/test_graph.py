"""Building the graph: direct triples for questions, claim nodes for provenance."""

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS

from kg.build import assemble
from kg.errors import DataError
from kg.namespaces import CHEM, ID, QUDT, SOURCE, SSB, UNIT
from kg.project import Project


def data_graph(root: Path):
    assembled, _ = assemble(Project(root))
    return assembled.data


def claims_about(graph, subject, predicate):
    return [c for c in graph.subjects(RDF.subject, subject) if (c, RDF.predicate, predicate) in graph]


def test_simple_facts_are_direct_triples(mini):
    graph = data_graph(mini)
    assert (ID["nordcell-energy"], SSB.pursuesRoute, CHEM.sulfide) in graph
    assert (ID["voltara-aurora"], SSB.poweredBy, ID["nordcell-cell"]) in graph
    assert (ID["nordcell-energy"], SSB.suppliesTo, ID["voltara-motors"]) in graph
    assert (ID["voltara-motors"], RDF.type, SSB.Automaker) in graph
    assert (ID["voltara-motors"], RDFS.label, Literal("Voltara Motors")) in graph


def test_each_fact_has_a_claim_with_its_sentence(mini):
    graph = data_graph(mini)
    (claim,) = claims_about(graph, ID["nordcell-energy"], SSB.pursuesRoute)
    assert graph.value(claim, RDF.object) == CHEM.sulfide
    assert graph.value(claim, PROV.wasDerivedFrom) == SOURCE.alpha
    assert graph.value(claim, SSB.sentenceIndex) == Literal(2)
    assert (graph.value(claim, SSB.charStart).toPython(), graph.value(claim, SSB.charEnd).toPython()) == (
        138,
        216,
    )
    assert graph.value(claim, SSB.method) == SSB.Curated


def test_quantities_carry_value_unit_and_kind(mini):
    graph = data_graph(mini)
    (quantity,) = graph.objects(ID["voltara-aurora"], SSB.hasQuantity)
    assert graph.value(quantity, SSB.quantityKind) == SSB.DrivingRange
    assert graph.value(quantity, SSB.quantityOf) == ID["voltara-aurora"]
    assert graph.value(quantity, RDFS.label) == Literal("900 km")
    assert graph.value(quantity, QUDT.numericValue).toPython() == 900
    assert graph.value(quantity, QUDT.unit) == UNIT.KiloM


def test_disagreeing_sources_are_both_kept(mini):
    graph = data_graph(mini)
    years = {}
    for subject in (ID["voltara-motors"], ID["nordcell-energy"]):
        for milestone in graph.objects(subject, SSB.hasMilestone):
            (claim,) = graph.subjects(RDF.object, milestone)
            years[graph.value(claim, PROV.wasDerivedFrom)] = graph.value(milestone, SSB.startYear).toPython()
    assert years == {SOURCE.alpha: 2028, SOURCE.beta: 2030}


def test_the_same_fact_from_two_articles_is_one_triple_with_two_claims(mini):
    path = mini / "data" / "claims" / "beta.yaml"
    text = path.read_text().replace(
        "  - {s: nordcell-energy, milestone: MassProduction",
        "  - {s: voltara-motors, p: partnersWith, o: nordcell-energy, modality: Implied}\n"
        "  - {s: nordcell-energy, milestone: MassProduction",
    )
    path.write_text(text)
    graph = data_graph(mini)
    assert len(list(graph.triples((ID["voltara-motors"], SSB.partnersWith, ID["nordcell-energy"])))) == 1
    claims = claims_about(graph, ID["voltara-motors"], SSB.partnersWith)
    assert {graph.value(c, PROV.wasDerivedFrom) for c in claims} == {SOURCE.alpha, SOURCE.beta}
    assert {graph.value(c, SSB.modality) for c in claims} == {SSB.Explicit, SSB.Implied}


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        ("{s: voltara-motors, p: partnersWith, o: nobody}", "unknown entity or chemistry 'nobody'"),
        ("{s: voltara-motors, p: befriends, o: nordcell-energy}", "'befriends' is not a relation"),
        ("{s: voltara-aurora, quantity: Weight, value: 2, unit: km}", "unknown quantity kind"),
        ("{s: voltara-aurora, quantity: DrivingRange, value: 2, unit: furlong}", "unknown unit 'furlong'"),
        ("{s: voltara-motors, milestone: Party, year: 2027, status: Planned}", "unknown milestone kind"),
    ],
)
def test_unknown_names_are_refused_with_their_place(mini, claim, message):
    path = mini / "data" / "claims" / "alpha.yaml"
    path.write_text(path.read_text() + f"  - {claim}\n")
    with pytest.raises(DataError, match=message) as error:
        data_graph(mini)
    assert "alpha.yaml: sentence 4" in str(error.value)
