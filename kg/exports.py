"""Serialise the graph to standard formats, byte-identically for the same input.

rdflib's Turtle writer sorts subjects and predicates, and the graph has no blank nodes, so its
output is stable. N-Triples lines are sorted here; JSON-LD nodes are sorted by @id with sorted
keys; TriG puts the vocabulary, the asserted data and the inferred triples (kg/inference.py) in
three named graphs, each written as sorted Turtle; the other formats hold all three together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rdflib import Graph

from kg.namespaces import GRAPH, PREFIXES


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str


FORMATS = {
    f.name: f
    for f in (
        Format("turtle", "ttl", "text/turtle"),
        Format("ntriples", "nt", "application/n-triples"),
        Format("jsonld", "jsonld", "application/ld+json"),
        Format("trig", "trig", "application/trig"),
    )
}
BASENAME = "ssb-kg"
VOCABULARY_GRAPH = GRAPH.vocabulary
DATA_GRAPH = GRAPH.data
INFERRED_GRAPH = GRAPH.inferred


def combined(*graphs: Graph) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for part in graphs:
        for triple in part:
            graph.add(triple)
    return graph


def serialize(vocabulary: Graph, data: Graph, format_name: str, inferred: Graph | None = None) -> bytes:
    """The vocabulary, data and inferred triples together in one of FORMATS."""
    inferred = inferred if inferred is not None else Graph()
    if format_name == "turtle":
        return _turtle(combined(vocabulary, data, inferred))
    if format_name == "ntriples":
        lines = combined(vocabulary, data, inferred).serialize(format="nt", encoding="utf-8").decode("utf-8")
        return ("\n".join(sorted(line for line in lines.splitlines() if line.strip())) + "\n").encode()
    if format_name == "jsonld":
        return _jsonld(combined(vocabulary, data, inferred))
    if format_name == "trig":
        return _trig(vocabulary, data, inferred)
    raise ValueError(f"unknown format {format_name!r}")


def _turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def _jsonld(graph: Graph) -> bytes:
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = document.get("@graph", [])
    document["@graph"] = sorted((_sorted_values(n) for n in nodes), key=lambda n: n.get("@id", ""))
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _sorted_values(node: dict) -> dict:
    """Sort multi-valued properties, whose order rdflib does not fix."""
    return {
        key: sorted(value, key=lambda v: json.dumps(v, sort_keys=True)) if isinstance(value, list) else value
        for key, value in node.items()
    }


def _trig(vocabulary: Graph, data: Graph, inferred: Graph) -> bytes:
    # Each named graph is written as sorted Turtle; the prefixes they use go first, once.
    prefixes: set[str] = set()
    blocks = []
    parts = ((VOCABULARY_GRAPH, vocabulary), (DATA_GRAPH, data), (INFERRED_GRAPH, inferred))
    for name, graph in (part for part in parts if len(part[1])):
        lines = _turtle(combined(graph)).decode("utf-8").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        statements = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
        blocks.append(f"\n<{name}> {{\n{statements}\n}}\n")
    return ("\n".join(sorted(prefixes)) + "\n" + "".join(blocks)).encode("utf-8")
