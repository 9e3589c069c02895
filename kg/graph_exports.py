"""`kg export --format graphml|gexf|csv`: the view's projection for Gephi, Cytoscape and spreadsheets.

The same nodes and edges as `kg view` draws (kg/projection.py), with their attributes flattened
to text and numbers, since these formats hold no lists: several values are joined with "; ".
Sources are written as `article:sentence` (e.g. `003:12`). Output is byte-identical for the
same graph: nodes and edges keep the projection's sorted order, edges get ids e0, e1...,
and GEXF's last-modified date (which networkx sets to today) is left out.

csv writes two files for spreadsheets and Gephi's or Cytoscape's table import: `nodes.csv`
(Id, Label, ...) and `edges.csv` (Id, Source, Target, Type, Label, ...), into a folder
(default `exports/ssb-kg-csv/`).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from kg.errors import KGError

GRAPH_FORMATS = ("graphml", "gexf", "csv")
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'  # networkx's generators leave it out
NODE_COLUMNS = (
    "label",
    "kind",
    "roles",
    "country",
    "routes",
    "aliases",
    "degree",
    "centrality",
    "figures",
    "dated_steps",
    "statements_differ",
    "iri",
)
EDGE_COLUMNS = ("relation", "relation_label", "group", "claims", "sources", "publishers", "years", "modality")


def export_graph(project: Any, format_name: str, output: Path | None = None) -> list[Path]:
    """Write the projection of the built graph in a graph format; returns the files written."""
    from kg.atomic import write_all_atomic
    from kg.exports import BASENAME
    from kg.projection import load_built_projection

    if format_name not in GRAPH_FORMATS:
        raise KGError(f"unknown graph format {format_name!r}; choose from {', '.join(GRAPH_FORMATS)}")
    flat = flatten(load_built_projection(project))
    if format_name == "csv":
        folder = output or project.exports / f"{BASENAME}-csv"
        if folder.exists() and not folder.is_dir():
            raise KGError(f"csv writes nodes.csv and edges.csv into a folder; {folder} is a file")
        nodes, edges = to_csv(flat)
        files = {folder / "nodes.csv": nodes, folder / "edges.csv": edges}
    else:
        target = output or project.exports / f"{BASENAME}.{format_name}"
        if target.is_dir():
            raise KGError(f"{target} is a folder; give a file name for the {format_name} export")
        files = {target: to_graphml(flat) if format_name == "graphml" else to_gexf(flat)}
    write_all_atomic(files)
    return list(files)


def flatten(graph: Any) -> Any:
    """A copy of the projection whose attributes are strings, numbers and booleans only."""
    import networkx as nx

    articles = graph.graph.get("articles", {})
    terms = graph.graph.get("terms", {})
    centrality = nx.degree_centrality(nx.Graph(graph)) if graph.number_of_nodes() else {}
    flat = nx.MultiDiGraph()
    for node, d in graph.nodes(data=True):
        flat.add_node(
            node,
            label=d["label"],
            kind=d["kind"],
            roles=_join(d["roles"]),
            country=d["country"] or "",
            routes=_join(d["routes"]),
            aliases=_join(d["aliases"]),
            degree=graph.degree(node),
            centrality=round(centrality.get(node, 0.0), 6),
            figures=_join(
                f"{q['kind_label']}: {q['label']} [{_sources(q['claims'])}]" for q in d["quantities"]
            ),
            dated_steps=_join(f"{m['label']} [{_sources(m['claims'])}]" for m in d["milestones"]),
            statements_differ=bool(d["differs"]),
            iri=_iri(node),
        )
    for index, (subject, obj, relation, d) in enumerate(graph.edges(keys=True, data=True)):
        claims = d["claims"]
        flat.add_edge(
            subject,
            obj,
            key=relation,
            id=f"e{index}",
            relation=relation,
            relation_label=terms.get(f"ssb:{relation}", {}).get("label", relation),
            group=d["group"],
            claims=len(claims),
            sources=_sources(claims),
            publishers=_join(
                sorted({articles.get(c["article"], {}).get("publisher") or "" for c in claims} - {""})
            ),
            years=_join(sorted({str(c["year"]) for c in claims if c["year"] is not None})),
            modality=_join(sorted({c["modality"] or "" for c in claims} - {""})),
        )
    return flat


def to_graphml(flat: Any) -> bytes:
    import networkx as nx

    text = "\n".join(nx.generate_graphml(flat, edge_id_from_attribute="id", named_key_ids=True))
    return (XML_DECLARATION + text + "\n").encode("utf-8")


def to_gexf(flat: Any) -> bytes:
    import networkx as nx

    text = "\n".join(nx.generate_gexf(flat))
    text = re.sub(r'\s*lastmodifieddate="[^"]*"', "", text, count=1)
    return (XML_DECLARATION + text + "\n").encode("utf-8")


def to_csv(flat: Any) -> tuple[bytes, bytes]:
    nodes = _table(
        ("Id", "Label", *NODE_COLUMNS[1:]),
        ([node, *(d[c] for c in NODE_COLUMNS)] for node, d in flat.nodes(data=True)),
    )
    edges = _table(
        ("Id", "Source", "Target", "Type", "Label", *EDGE_COLUMNS),
        (
            [d["id"], s, o, "Directed", d["relation_label"], *(d[c] for c in EDGE_COLUMNS)]
            for s, o, d in flat.edges(data=True)
        ),
    )
    return nodes, edges


def _table(header: tuple[str, ...], rows: Any) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _join(values: Any) -> str:
    return "; ".join(str(v) for v in values)


def _sources(claims: list[dict]) -> str:
    return _join(f"{c['article']}:{c['sentence']}" for c in claims)


def _iri(node: str) -> str:
    from kg.namespaces import CHEM, ID

    prefix, _, local = node.partition(":")
    return str({"id": ID, "chem": CHEM}.get(prefix, "")) + local if prefix in ("id", "chem") else node
