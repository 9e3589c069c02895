"""Loading the vocabulary: the ontology, the chemistry scheme, the units, and the shapes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import DataError

VOCABULARY_FILES = ("ssb.ttl", "chemistry.ttl", "units.ttl")
SHAPES_FILE = "shapes.ttl"


def load_vocabulary(folder: Path) -> Graph:
    """The ontology, chemistry scheme and units as one graph (part of every export)."""
    graph = Graph()
    for name in VOCABULARY_FILES:
        _parse_into(graph, folder / name)
    return graph


def load_shapes(folder: Path) -> Graph:
    graph = Graph()
    _parse_into(graph, folder / SHAPES_FILE)
    return graph


def _parse_into(graph: Graph, path: Path) -> None:
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise DataError(f"{path}: invalid Turtle: {str(exc).splitlines()[0]}") from None
