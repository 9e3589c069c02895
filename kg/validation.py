"""SHACL validation of the graph: run the shapes, and turn the report into plain objects.

The build validates with pyshacl-turbo (a Rust SHACL engine with pySHACL's API and report),
which takes seconds where pySHACL takes a quarter of an hour at a million triples; pySHACL stays
as the reference engine (`engine="pyshacl"`) that the tests compare it with. Either way the
shapes in ontology/shapes.ttl are the only statement of the constraints.

The data is validated together with the vocabulary (ontology, chemistry scheme, units): the
shapes' `sh:class` tests need the `rdfs:subClassOf` axioms (only asserted types are written),
and the chemistry concepts, units and controlled lists that the data points at are instances
defined in the vocabulary. pySHACL's `ont_graph` option copies only the RDFS/OWL axioms and
`owl:NamedIndividual`s into the data graph, not `a ssb:Chemistry` or `a qudt:Unit` nodes, so the
union of the two graphs is validated instead: the vocabulary's own individuals are checked by
the shapes too, as they are part of every export.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.namespaces import PREFIXES


@dataclass(frozen=True)
class Violation:
    focus_node: str  # IRI or literal as text
    path: str | None  # property path as text (prefixed name when possible)
    message: str
    shape: str  # IRI of the node shape the result belongs to
    value: str | None


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation]  # sorted, deterministic

    def summary(self, limit: int = 20) -> str:
        """One line per violation (focus node, path, message), at most `limit` lines."""
        if self.conforms and not self.violations:
            return "The graph conforms to the shapes."
        lines = []
        for v in self.violations[:limit]:
            where = _compact(v.focus_node)
            if v.path:
                where += f" {v.path}"
            shown = v.value is not None and v.value != v.focus_node
            value = f" (value: {_compact(v.value)})" if shown and v.value is not None else ""
            lines.append(f"{where}: {v.message}{value}")
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        return "\n".join(lines)


ENGINES = ("turbo", "pyshacl")


def validate(data: Graph, vocabulary: Graph, shapes: Graph, engine: str = "turbo") -> ValidationReport:
    """Validate data (with the vocabulary's class hierarchy available) against shapes."""
    union = Graph()
    union += vocabulary
    union += data
    if engine == "pyshacl":
        return _pyshacl(union, shapes)
    return validate_ntriples(union.serialize(format="nt", encoding="utf-8"), shapes)


def validate_ntriples(ntriples: bytes | str, shapes: Graph) -> ValidationReport:
    """Validate a graph given as N-Triples (vocabulary and data together) with pyshacl-turbo.

    pyshacl-turbo runs the same shapes, with pySHACL's API and report, in Rust: at a million
    triples pySHACL needs a quarter of an hour, this a few seconds (see "Speed and scale" in
    README.md). tests/test_validation_engines.py checks that both engines report the same
    results on every shape's examples and on damaged graphs. Data and shapes are handed over as
    pyoxigraph stores, the input pyshacl-turbo reads fastest and without re-typing literals; the
    shapes keep the blank-node ids of `shapes`, so each result finds its node shape there.
    """
    import pyoxigraph as ox
    import pyshacl_turbo

    store = ox.Store()
    store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    conforms, results, _text = pyshacl_turbo.validate(
        store, shacl_graph=_shapes_store(shapes), inference="none", abort_on_first=False, allow_warnings=False
    )
    return _report(conforms, results, shapes)


def _shapes_store(shapes: Graph):
    import pyoxigraph as ox

    store = ox.Store()
    text = shapes.serialize(format="nt", encoding="utf-8")
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object)
        for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=False)
    )
    return store


def _pyshacl(union: Graph, shapes: Graph) -> ValidationReport:
    """The reference engine: pySHACL on rdflib graphs (fine at thousands of triples)."""
    import pyshacl

    conforms, results, _text = pyshacl.validate(
        data_graph=union,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
    )
    return _report(conforms, results, shapes)


def _report(conforms: bool, results: Graph, shapes: Graph) -> ValidationReport:
    violations = sorted(
        set(_violations(results, shapes)),
        key=lambda v: (v.focus_node, v.path or "", v.shape, v.message, v.value or ""),
    )
    return ValidationReport(conforms=bool(conforms), violations=violations)


def _violations(results: Graph, shapes: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        source = results.value(result, SH.sourceShape)
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        if not messages:
            component = results.value(result, SH.sourceConstraintComponent)
            messages = [f"violates {_compact(str(component))}" if component else "violates a shape"]
        found.append(
            Violation(
                focus_node=_text(focus) if focus is not None else "",
                path=_path_text(results, path) if path is not None else None,
                message=" / ".join(messages),
                shape=_owning_node_shape(shapes, source),
                value=_text(value) if value is not None else None,
            )
        )
    return found


def _owning_node_shape(shapes: Graph, shape: Node | None) -> str:
    """The named node shape a (possibly anonymous, nested) shape belongs to."""
    seen: set[Node] = set()
    current = shape
    while current is not None and current not in seen:
        if isinstance(current, URIRef):
            return str(current)
        seen.add(current)
        current = _parent(shapes, current)
    return str(shape) if shape is not None else ""


def _parent(shapes: Graph, node: Node) -> Node | None:
    """The shape that refers to `node` (through sh:property, sh:node, a list of sh:or...)."""
    referrers = sorted(shapes.subject_predicates(node), key=lambda sp: (str(sp[1]), str(sp[0])))
    for subject, predicate in referrers:
        if predicate == RDF.first:
            head = subject
            while True:
                previous = shapes.value(predicate=RDF.rest, object=head)
                if previous is None:
                    break
                head = previous
            owner = next(iter(sorted(shapes.subjects(object=head), key=str)), None)
            if owner is not None:
                return owner
        elif predicate != RDF.rest:
            return subject
    return None


def _path_text(graph: Graph, path: Node) -> str:
    """A SHACL property path in SPARQL-like syntax: ssb:operates, ^ssb:operates, a/b, (a|b)..."""
    if isinstance(path, URIRef):
        return _compact(str(path))
    if isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + _path_text(graph, inverse)
        alternatives = graph.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(_path_text(graph, p) for p in Collection(graph, alternatives)) + ")"
        for predicate, suffix in (
            (SH.zeroOrMorePath, "*"),
            (SH.oneOrMorePath, "+"),
            (SH.zeroOrOnePath, "?"),
        ):
            inner = graph.value(path, predicate)
            if inner is not None:
                return _path_text(graph, inner) + suffix
        if graph.value(path, RDF.first) is not None:
            return "/".join(_path_text(graph, p) for p in Collection(graph, path))
    return str(path)


def _text(node: Node) -> str:
    """An IRI as its full text, a literal as its lexical form, a blank node as its id."""
    return str(node)


def _compact(iri: str) -> str:
    """A prefixed name for IRIs in the known namespaces, else the IRI itself."""
    best = None
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    if best is None:
        return iri
    return f"{best[0]}:{iri[len(best[1]) :]}"
