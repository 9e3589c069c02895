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
from typing import Any

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
    inferred = Graph()
    added = infer_in_store(store, rules)
    if added:
        inferred.parse(data=ox.serialize(added, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return inferred


def infer_in_store(store: Any, rules: list[Rule] | None = None) -> list[Any]:
    """Run the rules on a pyoxigraph store's default graph until nothing new comes out.

    What they entail is added to the store and returned (pyoxigraph triples, sorted); the build
    hands the store its vocabulary and data, so no rdflib graph is needed at any size.
    """
    import pyoxigraph as ox

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    rules = rules if rules is not None else load_rules()
    added: set[Any] = set()
    for _ in range(MAX_ROUNDS):
        new = set()
        for rule in rules:
            for triple in store.query(rule.sparql, prefixes=prefixes):
                if triple not in new and not _holds(store, triple):
                    new.add(triple)
        if not new:
            break
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in new)
        added |= new
    return sorted(added, key=str)


def _holds(store: Any, triple: Any) -> bool:
    import pyoxigraph as ox

    return ox.Quad(triple.subject, triple.predicate, triple.object) in store


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")
