"""The SHACL shapes: one per class, each with a conforming and a violating example.

The node shapes are discovered from ontology/shapes.ttl, so a shape added there is tested
without touching this file; its examples live in ontology/examples/<ShapeLocalName>/.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

from kg.namespaces import ID, SHAPE, SSB
from kg.ontology import load_shapes, load_vocabulary
from kg.registry import COMPANY_ROLES
from kg.validation import ValidationReport, Violation, validate

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology"
EXAMPLES = ONTOLOGY / "examples"
SHAPES_NS = str(SHAPE)
SSB_NS = str(SSB._NS)


def _node_shapes() -> list[URIRef]:
    graph = load_shapes(ONTOLOGY)
    return sorted(s for s in graph.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


NODE_SHAPES = _node_shapes()


def local_name(shape: URIRef) -> str:
    return str(shape).rsplit("#", 1)[-1]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ONTOLOGY)


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    """The real vocabulary; before ssb.ttl existed, only the role hierarchy could stand in."""
    if (ONTOLOGY / "ssb.ttl").is_file():
        return load_vocabulary(ONTOLOGY)
    graph = Graph()
    for role in COMPANY_ROLES:
        graph.add((SSB[role], RDFS.subClassOf, SSB.Company))
    graph.add((SSB.Chemistry, RDFS.subClassOf, URIRef("http://www.w3.org/2004/02/skos/core#Concept")))
    return graph


def example(shape: URIRef, kind: str) -> Path:
    return EXAMPLES / local_name(shape) / f"{kind}.ttl"


# --- the shapes file itself


def test_shapes_file_has_one_named_shape_per_class_in_the_shapes_namespace(shapes):
    assert len(NODE_SHAPES) >= 27
    targets = []
    for shape in NODE_SHAPES:
        assert str(shape).startswith(SHAPES_NS), shape
        classes = list(shapes.objects(shape, SH.targetClass))
        assert len(classes) == 1, f"{shape}: expected exactly one sh:targetClass, got {classes}"
        assert str(classes[0]).startswith(SSB_NS), f"{shape} targets {classes[0]}, not an ssb class"
        assert local_name(shape) == f"{str(classes[0])[len(SSB_NS) :]}Shape", f"{shape} is misnamed"
        assert shapes.value(shape, RDFS.label) is not None, f"{shape} has no rdfs:label"
        assert shapes.value(shape, RDFS.comment) is not None, f"{shape} has no rdfs:comment"
        targets.append(classes[0])
    assert len(targets) == len(set(targets)), "two shapes target the same class"


def test_every_property_shape_and_sparql_constraint_has_a_message(shapes):
    unexplained = []
    for shape in NODE_SHAPES:
        for prop in shapes.objects(shape, SH.property):
            constraints = list(shapes.objects(prop, SH.sparql))
            if constraints:
                unexplained += [prop for c in constraints if shapes.value(c, SH.message) is None]
            elif shapes.value(prop, SH.message) is None:
                unexplained.append(prop)
        node_level = {SH["or"], SH.xone, SH["in"]} & set(shapes.predicates(shape))
        if node_level and shapes.value(shape, SH.message) is None:
            unexplained.append(shape)
    assert unexplained == []


def test_no_shape_lowers_the_severity(shapes):
    assert set(shapes.objects(None, SH.severity)) <= {SH.Violation}


# --- the examples of every shape


@pytest.mark.parametrize("shape", NODE_SHAPES, ids=local_name)
def test_shape_has_a_valid_and_an_invalid_example(shape):
    assert example(shape, "valid").is_file(), f"missing {example(shape, 'valid')}"
    assert example(shape, "invalid").is_file(), f"missing {example(shape, 'invalid')}"


@pytest.mark.parametrize("shape", NODE_SHAPES, ids=local_name)
def test_valid_example_conforms(shape, vocabulary, shapes):
    data = Graph().parse(example(shape, "valid"), format="turtle")
    assert (None, RDF.type, None) in data, "the example describes nothing"
    report = validate(data, vocabulary, shapes)
    assert report.conforms, f"{example(shape, 'valid')} does not conform:\n{report.summary()}"
    assert report.violations == []


@pytest.mark.parametrize("shape", NODE_SHAPES, ids=local_name)
def test_invalid_example_violates_its_own_shape(shape, vocabulary, shapes):
    path = example(shape, "invalid")
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(f"# Breaks {local_name(shape)}:"), (
        f"{path} must begin with a comment '# Breaks {local_name(shape)}: <the constraint>'"
    )
    report = validate(Graph().parse(path, format="turtle"), vocabulary, shapes)
    assert not report.conforms, f"{path} conforms, but should not"
    assert str(shape) in {v.shape for v in report.violations}, (
        f"{path} violates only other shapes:\n{report.summary()}"
    )


def test_every_ontology_class_has_a_shape(shapes):
    if not (ONTOLOGY / "ssb.ttl").is_file():
        pytest.skip("ontology/ssb.ttl does not exist yet, so there are no classes to check")
    ontology = Graph().parse(ONTOLOGY / "ssb.ttl", format="turtle")
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(SSB_NS)}
    assert classes, "ssb.ttl declares no classes"
    targeted = set(shapes.objects(None, SH.targetClass))
    assert sorted(classes - targeted) == []


# --- the validation API


def test_validation_uses_the_vocabularys_class_hierarchy(vocabulary, shapes):
    """An Automaker is a Company only through rdfs:subClassOf, which the vocabulary supplies."""
    data = Graph().parse(example(URIRef(SHAPES_NS + "ConsortiumShape"), "valid"), format="turtle")
    assert validate(data, vocabulary, shapes).conforms
    without_hierarchy = validate(data, Graph(), shapes)
    assert not without_hierarchy.conforms
    assert SHAPES_NS + "ConsortiumShape" in {v.shape for v in without_hierarchy.violations}


def test_an_undated_milestone_is_refused_once_its_article_has_a_date(vocabulary, shapes):
    """Undated milestones are allowed only from undated articles (the valid example has one)."""
    milestone_shape = SHAPES_NS + "MilestoneShape"
    data = Graph().parse(example(URIRef(milestone_shape), "valid"), format="turtle")
    undated = [
        m
        for m in data.subjects(RDF.type, SSB.Milestone)
        if not {SSB.startYear, SSB.endYear, SSB.onDate} & set(data.predicates(m))
    ]
    assert len(undated) == 1
    data.add((URIRef("https://w3id.org/ssb-kg/source/001"), DCTERMS.date, Literal(date(2025, 4, 20))))
    report = validate(data, vocabulary, shapes)
    assert [(v.focus_node, v.shape) for v in report.violations] == [(str(undated[0]), milestone_shape)]


def test_violation_reports_focus_path_value_and_owning_node_shape(vocabulary, shapes):
    data = Graph()
    vehicle = ID["porsche-mission-r"]
    data.add((vehicle, RDF.type, SSB.Vehicle))
    data.add((vehicle, RDFS.label, Literal("Porsche Mission R")))
    data.add((vehicle, SSB.poweredBy, ID["porsche"]))  # a company, not a battery or chemistry
    data.add((ID["porsche"], RDF.type, SSB.Automaker))
    data.add((ID["porsche"], RDFS.label, Literal("Porsche")))
    report = validate(data, vocabulary, shapes)
    assert not report.conforms
    assert sorted((v.focus_node, v.path, v.shape, v.value) for v in report.violations) == [
        (str(vehicle), "^ssb:manufactures", SHAPES_NS + "VehicleShape", None),
        (str(vehicle), "ssb:poweredBy", SHAPES_NS + "VehicleShape", str(ID["porsche"])),
    ]
    assert all(v.message for v in report.violations)
    assert report.violations == sorted(
        report.violations, key=lambda v: (v.focus_node, v.path or "", v.shape, v.message, v.value or "")
    )


def test_summary_lists_one_line_per_violation_up_to_the_limit():
    violations = [
        Violation(
            focus_node=str(ID[f"line-{n}"]),
            path="^ssb:operates",
            message="needs an operator",
            shape=SHAPES_NS + "ProductionLineShape",
            value=None,
        )
        for n in range(5)
    ]
    report = ValidationReport(conforms=False, violations=violations)
    lines = report.summary(limit=3).splitlines()
    assert lines == [
        "id:line-0 ^ssb:operates: needs an operator",
        "id:line-1 ^ssb:operates: needs an operator",
        "id:line-2 ^ssb:operates: needs an operator",
        "... and 2 more",
    ]
    assert len(report.summary().splitlines()) == 5
