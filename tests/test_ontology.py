"""The ontology reads like documentation and matches the code's closed namespace."""

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.namespaces import CHEM, SCHEMA, SSB
from kg.ontology import VOCABULARY_FILES, load_vocabulary
from kg.registry import COMPANY_ROLES

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
NS = str(SSB._NS)


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return load_vocabulary(ONTOLOGY)


def ssb_terms(graph: Graph) -> set[str]:
    return {str(s)[len(NS) :] for s in graph.subjects() if str(s).startswith(NS) and str(s) != NS}


def test_the_ontology_defines_exactly_the_terms_the_code_uses(vocabulary):
    assert ssb_terms(vocabulary) == set(SSB.__annotations__)


def test_the_ontology_has_a_header_with_version_and_licence(vocabulary):
    ontology = next(vocabulary.subjects(RDF.type, OWL.Ontology))
    assert vocabulary.value(ontology, OWL.versionInfo) is not None
    assert vocabulary.value(ontology, DCTERMS.license) is not None
    assert vocabulary.value(ontology, DCTERMS.title) is not None


@pytest.mark.parametrize("term", sorted(SSB.__annotations__))
def test_every_term_has_one_english_label_and_one_sentence_definition(vocabulary, term):
    iri = SSB[term]
    labels = [o for o in vocabulary.objects(iri, RDFS.label) if isinstance(o, Literal) and o.language == "en"]
    definitions = list(vocabulary.objects(iri, SKOS.definition))
    assert len(labels) == 1, f"{term}: {labels}"
    assert len(definitions) == 1, f"{term}: {definitions}"
    assert str(definitions[0]).rstrip().endswith("."), f"{term}: a definition is a sentence"


@pytest.mark.parametrize(
    "term",
    sorted(t for t in SSB.__annotations__ if t[0].islower()),
)
def test_every_property_has_a_domain_and_a_range(vocabulary, term):
    iri = SSB[term]
    kinds = set(vocabulary.objects(iri, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{term} is not declared a property"
    assert set(vocabulary.objects(iri, RDFS.domain)) | set(vocabulary.objects(iri, SCHEMA.domainIncludes))
    assert set(vocabulary.objects(iri, RDFS.range)) | set(vocabulary.objects(iri, SCHEMA.rangeIncludes))


def test_the_design_classes_and_roles_exist(vocabulary):
    for name in ("Company", "Chemistry", "ProductionLine", "Vehicle", "Policy"):
        assert (SSB[name], RDF.type, OWL.Class) in vocabulary
    for role in COMPANY_ROLES:  # every role the registry accepts is a kind of company
        assert (SSB[role], RDFS.subClassOf, SSB.Company) in vocabulary


def test_chemistry_is_a_skos_scheme_with_the_electrolyte_routes(vocabulary):
    routes = set(vocabulary.subjects(SKOS.broader, CHEM["solid-electrolyte"]))
    assert {CHEM.sulfide, CHEM.oxide, CHEM.polymer, CHEM.halide} <= routes
    assert (CHEM.llzo, SKOS.broader, CHEM.oxide) in vocabulary
    for concept in vocabulary.subjects(RDF.type, SSB.Chemistry):
        assert (concept, SKOS.inScheme, CHEM.scheme) in vocabulary
        assert vocabulary.value(concept, SKOS.prefLabel) is not None


def test_the_vocabulary_has_no_blank_nodes(vocabulary):
    # blank nodes would make N-Triples exports differ between two builds
    assert not [t for t in vocabulary if any(isinstance(x, BNode) for x in t)]


@pytest.mark.parametrize("name", VOCABULARY_FILES)
def test_each_vocabulary_file_parses_on_its_own(name):
    assert len(Graph().parse(ONTOLOGY / name)) > 10
