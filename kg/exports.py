"""Serialise the graph to standard formats, byte-identically for the same input.

The graph arrives as four sorted lists of N-Triples lines: the vocabulary, the asserted data,
the inferred triples (kg/inference.py) and the data's VoID description (kg/description.py).
The graph has no blank nodes, so sorted lines are a canonical form. Turtle, TriG and N-Triples
are written by pyoxigraph from that sorted input (it groups a subject's statements in the order
it gets them, so the output is stable; at a million triples it takes a second or two where
rdflib's writer takes forty); the prefix lines, which it writes in no fixed order, are sorted
here. TriG puts the four parts in four named graphs; the other formats hold all four together.
JSON-LD, which pyoxigraph does not compact, is written by rdflib with nodes sorted by @id and
sorted keys.
"""

from __future__ import annotations

import heapq
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
DESCRIPTION_GRAPH = GRAPH.description


@dataclass(frozen=True)
class GraphParts:
    """The graph as sorted N-Triples lines (no trailing newline), in its four parts."""

    vocabulary: list[str]
    data: list[str]
    inferred: list[str]
    description: list[str]

    def ntriples(self) -> bytes:
        """All four parts as one sorted N-Triples document, each triple once."""
        lines: list[str] = []
        for line in heapq.merge(self.vocabulary, self.data, self.inferred, self.description):
            if not lines or lines[-1] != line:
                lines.append(line)
        return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""

    def __len__(self) -> int:
        return len(self.vocabulary) + len(self.data) + len(self.inferred) + len(self.description)


def serialize(parts: GraphParts, format_name: str) -> bytes:
    """The vocabulary, data, inferred triples and description together in one of FORMATS."""
    if format_name == "turtle":
        return turtle(parts.ntriples())
    if format_name == "ntriples":
        return parts.ntriples()
    if format_name == "jsonld":
        return _jsonld(parts.ntriples())
    if format_name == "trig":
        return _trig(parts)
    raise ValueError(f"unknown format {format_name!r}")


def turtle(ntriples: bytes) -> bytes:
    """Sorted N-Triples as Turtle with the project's prefixes, deterministically."""
    import pyoxigraph as ox

    text = ox.serialize(
        ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=_prefixes()
    )
    return _sorted_prefix_lines(text)


def _trig(parts: GraphParts) -> bytes:
    import pyoxigraph as ox

    def quads():
        for name, lines in (
            (VOCABULARY_GRAPH, parts.vocabulary),
            (DATA_GRAPH, parts.data),
            (INFERRED_GRAPH, parts.inferred),
            (DESCRIPTION_GRAPH, parts.description),
        ):
            graph = ox.NamedNode(str(name))
            text = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
            for triple in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)

    return _sorted_prefix_lines(ox.serialize(quads(), format=ox.RdfFormat.TRIG, prefixes=_prefixes()))


def _prefixes() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _sorted_prefix_lines(document: bytes) -> bytes:
    """pyoxigraph writes the @prefix lines first, in no fixed order: sort them."""
    head, body = [], document
    while body.startswith(b"@prefix"):
        line, _, body = body.partition(b"\n")
        head.append(line)
    return b"\n".join(sorted(head)) + b"\n" + body


def _jsonld(ntriples: bytes) -> bytes:
    graph = Graph()
    graph.parse(data=ntriples, format="nt")
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
