"""Materialise what the ontology entails, so that queries need not spell it out.

The rules are SPARQL CONSTRUCT queries in `kg/rules/*.rq` (class and property hierarchy,
symmetric, inverse and transitive relations, the SKOS hierarchy). They run on pyoxigraph over
the vocabulary and the asserted data, again and again until no rule adds a triple. What they
add is returned as its own graph: exports keep it apart in TriG (graph:inferred), and every
asserted fact still has its claims while an inferred one points back to them through the
asserted fact it follows from (the same two nodes, the other relation).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.namespaces import PREFIXES

RULES_DIR = Path(__file__).parent / "rules"
MAX_ROUNDS = 20  # the rules reach their fixpoint in two or three rounds; this only stops a runaway


@dataclass(frozen=True)
class Rule:
    name: str
    sparql: str


def load_rules(folder: Path = RULES_DIR) -> list[Rule]:
    return [Rule(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def infer(vocabulary: Graph, data: Graph, rules: list[Rule] | None = None) -> Graph:
    """The triples the rules add to vocabulary + data (none of the input's own triples)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(_ntriples(vocabulary) + _ntriples(data), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    added: set[ox.Triple] = set()
    for _ in range(MAX_ROUNDS):
        new = set()
        for rule in rules if rules is not None else load_rules():
            for triple in store.query(rule.sparql, prefixes=prefixes):
                quad = ox.Quad(triple.subject, triple.predicate, triple.object)
                if quad not in store:
                    new.add(triple)
        if not new:
            break
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in new)
        added |= new
    inferred = Graph()
    if added:
        text = ox.serialize(sorted(added, key=str), format=ox.RdfFormat.N_TRIPLES)
        inferred.parse(data=text, format="nt")
    return inferred


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")
