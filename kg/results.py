"""Answers in the standard result formats: SPARQL 1.1 JSON, CSV, TSV and XML, Turtle and N-Triples.

A table becomes SPARQL 1.1 JSON here (a few lines: one object per term); pyoxigraph reads that
back and writes CSV, TSV and XML, so those follow the W3C formats exactly without code of ours.
Graphs (CONSTRUCT, DESCRIBE) are written by pyoxigraph as Turtle with the project's prefixes.
"""

from __future__ import annotations

import json
import re
import traceback
from dataclasses import dataclass
from typing import Any

from kg.engine import Answer, Table, Triples
from kg.errors import QueryError, shortened
from kg.namespaces import sparql_prefixes


@dataclass(frozen=True)
class ResultFormat:
    name: str
    media_type: str
    for_graphs: bool  # True: CONSTRUCT/DESCRIBE answers; False: SELECT/ASK answers


RESULT_FORMATS = {
    f.name: f
    for f in (
        ResultFormat("json", "application/sparql-results+json", False),
        ResultFormat("csv", "text/csv", False),
        ResultFormat("tsv", "text/tab-separated-values", False),
        ResultFormat("xml", "application/sparql-results+xml", False),
        ResultFormat("turtle", "text/turtle", True),
        ResultFormat("ntriples", "application/n-triples", True),
    )
}


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term in SPARQL 1.1 JSON results form."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: term_json(getattr(term, p)) for p in parts}}
    encoded: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        encoded["datatype"] = term.datatype.value
    return encoded


def to_json(answer: Table | bool) -> dict[str, Any]:
    if isinstance(answer, bool):
        return {"head": {}, "boolean": answer}
    bindings = [
        {c: term_json(v) for c, v in zip(answer.columns, row, strict=True) if v is not None}
        for row in answer.rows
    ]
    return {"head": {"vars": answer.columns}, "results": {"bindings": bindings}}


def serialize(answer: Answer, format_name: str) -> bytes:
    """The answer in one of RESULT_FORMATS; a format that does not fit the answer is an error."""
    import pyoxigraph as ox

    fmt = RESULT_FORMATS.get(format_name)
    if fmt is None:
        raise QueryError(f"unknown format {format_name!r}; choose from {', '.join(RESULT_FORMATS)}")
    if isinstance(answer, Triples):
        if not fmt.for_graphs:
            raise QueryError(
                f"a CONSTRUCT or DESCRIBE answer is a graph: {format_name} cannot hold it; use turtle"
            )
        rdf = ox.RdfFormat.TURTLE if format_name == "turtle" else ox.RdfFormat.N_TRIPLES
        return ox.serialize(
            answer.triples, format=rdf, prefixes=sparql_prefixes() if format_name == "turtle" else None
        )
    if fmt.for_graphs:
        raise QueryError(
            f"{format_name} is for CONSTRUCT and DESCRIBE answers; a SELECT or ASK answer is a table"
        )
    document = json.dumps(to_json(answer), ensure_ascii=False).encode("utf-8")
    if format_name == "json":
        return document
    results = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
    target = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "xml": ox.QueryResultsFormat.XML,
    }[format_name]
    written = results.serialize(format=target)
    if format_name == "xml":
        _check_xml_can_carry(written)
    return written


# what XML 1.0 cannot carry, not even as a character reference: C0 controls but tab and line ends
_NOT_IN_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def _check_xml_can_carry(written: bytes) -> None:
    """pyoxigraph writes such a character as it is, which makes the document unreadable."""
    found = _NOT_IN_XML.search(written)
    if found:
        character = found.group().decode("utf-8")
        raise QueryError(
            f"the answer holds the character U+{ord(character):04X}, which XML cannot carry;"
            " choose json, csv or tsv"
        )


def parse_results(data: bytes, media_type: str) -> Answer:
    """An endpoint's result document as an answer (JSON or XML results; Turtle or N-Triples graphs)."""
    base = media_type.split(";")[0].strip().lower()
    if base not in _GRAPH_TYPES and base not in _RESULT_TYPES:
        raise QueryError(f"the endpoint answered with {media_type!r}, which is not a SPARQL result format")
    try:
        return _parsed(data, base)
    except (SyntaxError, ValueError, RuntimeError) as exc:  # a server's bug, or not SPARQL at all
        message = shortened(" ".join(str(exc).split()), 160)
        # why: pyoxigraph's results may only be dropped on the thread that made them, and the
        # exception's frames hold them
        traceback.clear_frames(exc.__traceback__)
        raise QueryError(f"the endpoint's answer is not valid {base} ({message})") from None


_GRAPH_TYPES = ("text/turtle", "application/n-triples")
_RESULT_TYPES = ("application/sparql-results+json", "application/json", "application/sparql-results+xml")


def _parsed(data: bytes, base: str) -> Answer:
    import pyoxigraph as ox

    if base in _GRAPH_TYPES:
        graph_format = ox.RdfFormat.TURTLE if base == "text/turtle" else ox.RdfFormat.N_TRIPLES
        quads = ox.parse(data, format=graph_format)
        return Triples(sorted((ox.Triple(q.subject, q.predicate, q.object) for q in quads), key=str))
    results_format = ox.QueryResultsFormat.XML if base.endswith("+xml") else ox.QueryResultsFormat.JSON
    results = ox.parse_query_results(data, format=results_format)
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    columns = [v.value for v in results.variables]
    # read here, in full: a solution that fails to parse must fail inside the try above; a
    # solution unpacks in the order of the columns, as kg/engine.py reads them too
    return Table(columns, [list(solution) for solution in results])
