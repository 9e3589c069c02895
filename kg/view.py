"""`kg view`: draw the projection as one self-contained HTML page that works offline.

pyvis holds the network (nodes, edges, vis-network options) and supplies vis-network itself,
which is inlined. The page is our own Jinja2 template (`view_template.html`, with `view.css`,
`view_cards.js` and `view_app.js` inlined too): pyvis's template adds Bootstrap from a CDN in
every mode, and its filter menus hide nodes for good. Every string from the data reaches the
page as JSON inside a `<script type="application/json">` block with `<`, `>`, `&` and `'`
escaped, or as autoescaped text; the page's scripts put strings into the DOM with `textContent`
only.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.projection import GROUP_OF_RELATION
from kg.selection import PRESETS, Selection
from kg.view_style import DIFFERS_BORDER, edge_style, node_style

ASSETS = Path(__file__).parent
TEMPLATE = "view_template.html"
LAYOUT_SEED = 20250418  # fixed, so the layout is the same on every build and every load
DEFAULT_NAME = "view.html"
BIG = 1500  # from this many edges on: plain edges, hidden while dragging and zooming


@dataclass(frozen=True)
class ViewResult:
    path: Path
    nodes: int
    edges: int
    preset: str


def write_view(project: Any, output: Path | None = None, selection: Selection | None = None) -> ViewResult:
    """Project the built graph, select, render and write the page atomically."""
    from kg.atomic import write_atomic
    from kg.exports import BASENAME
    from kg.projection import load_built_projection
    from kg.selection import select

    selection = selection or Selection()
    graph = select(load_built_projection(project), selection)
    target = output or project.exports / DEFAULT_NAME
    if target.suffix.lower() not in (".html", ".htm"):
        raise KGError(f"the view is an HTML page: give a file name ending in .html, not {target.name!r}")
    write_atomic(target, render_view(graph, source_name=f"{BASENAME}.ttl"))
    return ViewResult(target, graph.number_of_nodes(), graph.number_of_edges(), selection.preset)


def render_view(graph: Any, source_name: str = "ssb-kg.ttl") -> str:
    """The page for a projection (as returned by kg.selection.select), as a string."""
    import jinja2
    from pyvis.network import Network

    preset = PRESETS[graph.graph.get("preset", "full")]
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=preset.title)
    sizes = _sizes(graph)
    net.nodes = [_vis_node(node, data, sizes[node], preset.layout) for node, data in graph.nodes(data=True)]
    net.edges = _vis_edges(graph)
    net.options = _options(graph.number_of_nodes(), graph.number_of_edges(), preset.layout)
    if "<" in json.dumps(net.options):  # pyvis hands the options to the template as raw JSON
        raise KGError("view options must not contain '<'")

    # Our template, found beside this module; pyvis's own folder stays reachable for its assets.
    net.templateEnv = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(ASSETS), net.template_dir]),
        autoescape=True,
        keep_trailing_newline=True,
    )
    net.path = TEMPLATE
    net.templateEnv.globals["view"] = _page(graph, net, sizes, source_name)
    return net.generate_html()


# --- what vis-network draws


def _sizes(graph: Any) -> dict[str, float]:
    """Node size from degree centrality (distinct neighbours, any direction)."""
    import networkx as nx

    centrality = nx.degree_centrality(nx.Graph(graph)) if graph.number_of_nodes() else {}
    top = max(centrality.values(), default=0) or 1
    return {node: round(9 + 22 * math.sqrt(centrality.get(node, 0) / top), 2) for node in graph.nodes}


def _vis_node(node: str, data: dict[str, Any], size: float, layout: str) -> dict[str, Any]:
    style = node_style(data["kind"])
    drawn: dict[str, Any] = {"id": node, "label": data["label"], "group": data["kind"], "size": size}
    if layout == "flow":
        drawn["level"] = style.level
    if data["differs"]:
        drawn.update(
            borderWidth=3,
            shapeProperties={"borderDashes": [5, 3]},
            color={
                "background": style.color,
                "border": DIFFERS_BORDER,
                "highlight": {"background": style.color, "border": DIFFERS_BORDER},
                "hover": {"background": style.color, "border": DIFFERS_BORDER},
            },
        )
    return drawn


def _search_names(nodes: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(entry, label, node) for the search list: every name and alias, each entry naming one node.

    A name that several nodes share would be one entry twice, and picking either would find the
    same node. So a shared alias carries its node's label ("Nordcell (Nordcell sulfide cell)"), or
    its id where that label is shared too; a label borne by several nodes carries the id; and an
    entry that still meets another node's entry (a label such as "X (Y)") carries the id as well.
    """
    spelled: dict[tuple[str, str], tuple[str, str, str]] = {}  # the first spelling per name and node
    for n, d in nodes.items():
        for name in [d["label"], *d["aliases"]]:
            spelled.setdefault((name.casefold(), n), (name, d["label"], n))
    named = set(spelled.values())
    holders = Counter(key for key, _ in spelled)
    labels = Counter(d["label"].casefold() for d in nodes.values())

    def plain_id(node: str) -> str:
        return node.removeprefix("id:")

    entries = set()
    for name, label, node in named:
        key = name.casefold()
        if holders[key] > 1 and key == label.casefold():
            name = f"{name} ({plain_id(node)})" if labels[key] > 1 else name
        elif holders[key] > 1:
            name = f"{name} ({label if labels[label.casefold()] == 1 else plain_id(node)})"
        entries.add((name, label, node))
    owners: dict[str, set[str]] = defaultdict(set)
    for name, _, node in entries:
        owners[name.casefold()].add(node)
    entries = {
        (f"{name} ({plain_id(node)})" if len(owners[name.casefold()]) > 1 else name, label, node)
        for name, label, node in entries
    }
    return sorted(entries, key=lambda t: (t[0].casefold(), t[2]))


def _vis_edges(graph: Any) -> list[dict[str, Any]]:
    """Edges in a stable order, with ids e0, e1...; parallel edges are curved apart."""
    edges = []
    parallel: Counter[frozenset[str]] = Counter()
    # Dashes and arrowheads cost most of a frame on a big graph (measured: 230 ms -> 45 ms per
    # frame at 10,000 edges), so a big graph's edges are plain lines in their relation's colour.
    plain = graph.number_of_edges() >= BIG
    for index, (subject, obj, relation) in enumerate(graph.edges(keys=True)):
        style = edge_style(relation)
        pair = frozenset((subject, obj))
        rank = parallel[pair]
        parallel[pair] += 1
        drawn: dict[str, Any] = {
            "id": f"e{index}",
            "from": subject,
            "to": obj,
            "color": {"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 0.85},
            "width": style.width,
            "arrows": "" if plain else style.arrow,
            "dashes": list(style.dashes) if style.dashes and not plain else False,
        }
        if rank:
            drawn["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.2 * rank, 2)}
        edges.append(drawn)
    return edges


def _options(nodes: int, edges: int, layout: str) -> dict[str, Any]:
    from kg.view_style import NODE_STYLES

    groups = {
        kind: {
            "shape": style.shape,
            "color": {
                "background": style.color,
                "border": "#333333",
                "highlight": {"background": style.color, "border": "#000000"},
                "hover": {"background": style.color, "border": "#000000"},
            },
        }
        for kind, style in NODE_STYLES.items()
    }
    big = edges >= BIG
    options: dict[str, Any] = {
        "groups": groups,
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "arrows": {"to": {"scaleFactor": 0.55}, "from": {"scaleFactor": 0.55}},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
    }
    if layout == "flow":
        options["layout"] = {
            "randomSeed": LAYOUT_SEED,
            "hierarchical": {
                "enabled": True,
                "direction": "LR",
                "sortMethod": "directed",
                "levelSeparation": 250,
                "nodeSpacing": 80,
                "treeSpacing": 100,
            },
        }
        options["physics"] = {"enabled": False}
    else:
        options["layout"] = {"randomSeed": LAYOUT_SEED, "improvedLayout": nodes <= 200}
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": True, "iterations": _iterations(nodes), "updateInterval": 10},
            "minVelocity": 1.0,
        }
    return options


def _iterations(nodes: int) -> int:
    """Enough physics steps for the layout to settle, few enough that a big graph opens fast."""
    if nodes <= 200:
        return 600
    if nodes <= 1000:
        return 300
    if nodes <= 5000:
        return 150
    return 80


# --- what the page's panels, filters and legend show


def _page(graph: Any, net: Any, sizes: dict[str, float], source_name: str) -> dict[str, Any]:
    from kg.view_style import EDGE_STYLES, NODE_STYLES

    terms = graph.graph.get("terms", {})
    articles = graph.graph.get("articles", {})
    nodes = {
        node: {
            "label": d["label"],
            "kind": d["kind"],
            "roles": d["roles"],
            "country": d["country"],
            "routes": d["routes"],
            "aliases": d["aliases"],
            "quantities": d["quantities"],
            "milestones": d["milestones"],
            "differs": d["differs"],
            "degree": graph.degree(node),
        }
        for node, d in graph.nodes(data=True)
    }
    edges = {
        drawn["id"]: {
            "from": subject,
            "to": obj,
            "relation": relation,
            "claims": data["claims"],
        }
        for drawn, (subject, obj, relation, data) in zip(
            net.edges, graph.edges(keys=True, data=True), strict=True
        )
    }
    relation_count = Counter(e["relation"] for e in edges.values())
    relations = {
        r: {
            "label": terms.get(f"ssb:{r}", {}).get("label", r),
            "definition": terms.get(f"ssb:{r}", {}).get("definition"),
            "note": edge_style(r).note,
            "count": relation_count[r],
            "style": edge_style(r),
        }
        for r in sorted(relation_count, key=lambda r: list(EDGE_STYLES).index(r) if r in EDGE_STYLES else 99)
    }
    groups: dict[str, list[str]] = defaultdict(list)
    for r in relations:
        groups[GROUP_OF_RELATION.get(r, "other")].append(r)
    kinds_present = Counter(d["kind"] for d in nodes.values())
    kinds = {k: {"label": s.label, "style": s, "count": kinds_present[k]} for k, s in NODE_STYLES.items()}
    years = sorted({c["year"] for e in edges.values() for c in e["claims"] if c["year"] is not None})
    names = _search_names(nodes)
    preset = PRESETS[graph.graph.get("preset", "full")]
    details = {
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
        "relations": {r: {k: v for k, v in info.items() if k != "style"} for r, info in relations.items()},
        "kinds": {k: info["label"] for k, info in kinds.items()},
        "years": [years[0], years[-1]] if years else None,
    }
    return {
        "title": preset.title,
        "description": preset.description,
        "selection": graph.graph.get("selection", preset.title),
        "source_name": source_name,
        "counts": {"nodes": len(nodes), "edges": len(edges), "articles": len(articles)},
        "details": details,
        "relations": relations,
        "groups": dict(groups),
        "kinds": {k: v for k, v in kinds.items() if v["count"]},
        "roles": _facet(r for d in nodes.values() for r in d["roles"]),
        "role_labels": {k: s.label for k, s in NODE_STYLES.items()},
        "routes": _facet(r for d in nodes.values() for r in (d["routes"] or [""])),
        "countries": _facet(d["country"] or "" for d in nodes.values()),
        "years": details["years"],
        "undated": any(c["year"] is None for e in edges.values() for c in e["claims"]),
        "names": names,
        "articles": [articles[k] for k in sorted(articles)],
        "differs": any(d["differs"] for d in nodes.values()),
        "plain_edges": len(edges) >= BIG,
        "vis_js": _asset(Path(net.template_dir) / "lib" / "vis-9.1.2" / "vis-network.min.js", "script"),
        "vis_css": _asset(Path(net.template_dir) / "lib" / "vis-9.1.2" / "vis-network.css", "style"),
        "cards_js": _asset(ASSETS / "view_cards.js", "script"),
        "app_js": _asset(ASSETS / "view_app.js", "script"),
        "app_css": _asset(ASSETS / "view.css", "style"),
    }


def _facet(values: Any) -> list[tuple[str, int]]:
    """Distinct values with their counts; the empty value ('none') last."""
    counts = Counter(values)
    return sorted(counts.items(), key=lambda item: (item[0] == "", item[0].casefold()))


def _asset(path: Path, element: str) -> Any:
    """A trusted file's text for inlining; it must not close the element it is inlined in."""
    import markupsafe

    text = path.read_text(encoding="utf-8")
    if f"</{element}" in text.lower():
        raise KGError(f"{path} contains '</{element}' and cannot be inlined")
    return markupsafe.Markup(text)
