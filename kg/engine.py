"""Run SPARQL on the built graph with pyoxigraph, binding parameters as RDF terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.namespaces import PREFIXES

_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):([^\s/][^\s]*)$")


@dataclass(frozen=True)
class Table:
    """A SELECT result: column names and rows of terms (None where unbound)."""

    columns: list[str]
    rows: list[list[Any]]


def open_graph(turtle: Path) -> Any:
    """An in-memory pyoxigraph store holding the exported graph."""
    import pyoxigraph as ox

    if not turtle.is_file():
        raise KGError(f"no built graph at {turtle}; run `kg build` first")
    store = ox.Store()
    with turtle.open("rb") as handle:
        store.bulk_load(handle, format=ox.RdfFormat.TURTLE)
    return store


def to_term(value: str) -> Any:
    """A parameter value as an RDF term: prefixed name or <IRI> -> IRI, integer -> xsd:integer."""
    import pyoxigraph as ox

    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if value.startswith(("http://", "https://")):
        return ox.NamedNode(value)
    match = _PREFIXED.match(value)
    if match and match.group(1) in PREFIXES:
        return ox.NamedNode(str(PREFIXES[match.group(1)]) + match.group(2))
    if re.fullmatch(r"-?\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def select(store: Any, sparql: str, bindings: dict[str, str] | None = None) -> Table:
    import pyoxigraph as ox

    substitutions = {ox.Variable(k): to_term(v) for k, v in (bindings or {}).items()}
    try:
        result = store.query(
            sparql, substitutions=substitutions, prefixes={p: str(ns) for p, ns in PREFIXES.items()}
        )
    except SyntaxError as exc:
        raise KGError(f"SPARQL syntax error: {exc}") from None
    except RuntimeError as exc:
        # pyoxigraph binds only variables the SELECT clause projects
        if "projection" in str(exc):
            raise KGError(f"a bound parameter must appear in the SELECT clause: {exc}") from None
        raise
    if not isinstance(result, ox.QuerySolutions):
        raise KGError("only SELECT queries can be shown as a table")
    columns = [v.value for v in result.variables]
    rows = [[solution[c] for c in columns] for solution in result]
    return Table(columns, rows)


def term_text(term: Any) -> str:
    """A term as a reader wants to see it: prefixed IRI, or the literal's value."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            ns = str(namespace)
            if term.value.startswith(ns) and prefix not in ("rdf", "xsd"):
                return f"{prefix}:{term.value[len(ns) :]}"
        return term.value
    return term.value
