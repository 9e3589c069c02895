"""Narrow the projection to what one view shows: a preset, some relations, a year, a neighbourhood.

The selection never changes the projection it is given; it returns a new graph holding copies of
the kept nodes and edges, whose claims are also filtered by year.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from typing import Any

from kg.errors import KGError, quoted
from kg.projection import GROUP_OF_RELATION, RELATION_GROUPS, mark_differences


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    description: str
    relations: frozenset[str] | None = None  # None: every relation
    object_kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # relation -> allowed object kinds
    excluded_kinds: frozenset[str] = frozenset()
    layout: str = "force"  # "force": physics; "flow": columns from raw material to vehicle


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "full",
            "The solid-state battery ecosystem",
            "Every entity and chemistry concept that takes part in a fact, and every relation between them.",
        ),
        Preset(
            "partnerships",
            "Partnership network",
            "Who works with whom: partnerships, co-development, joint ventures, investments, "
            "subsidiaries, memberships and joint projects between organisations.",
            relations=frozenset(RELATION_GROUPS["partnership"]),
            excluded_kinds=frozenset({"chemistry", "raw-material"}),
        ),
        Preset(
            "supply-chain",
            "Supply chain from raw material to vehicle",
            "Miners and material suppliers, the raw materials they supply, the chemistries that need "
            "them, the battery makers and their cells, and the automakers and vehicles those cells power.",
            relations=frozenset(
                {
                    "supplies",
                    "suppliesTo",
                    "requiresMaterial",
                    "usesChemistry",
                    "develops",
                    "poweredBy",
                    "manufactures",
                }
            ),
            object_kinds={"develops": frozenset({"battery-product"})},
            layout="flow",
        ),
    )
}


@dataclass(frozen=True)
class Selection:
    """What a view shows. `relations` holds relation group or relation names; empty means all."""

    preset: str = "full"
    relations: tuple[str, ...] = ()
    since: int | None = None
    focus: str | None = None
    depth: int = 1

    @property
    def narrowed(self) -> bool:
        return self.preset != "full" or bool(self.relations) or self.since is not None


def relation_names(names: tuple[str, ...]) -> frozenset[str]:
    """Relation group names (partnership, supply, ...) and relation names, as relation names."""
    chosen: set[str] = set()
    for name in names:
        if name in RELATION_GROUPS:
            chosen.update(RELATION_GROUPS[name])
        elif name in GROUP_OF_RELATION:
            chosen.add(name)
        else:
            raise KGError(
                f"unknown relation or group {quoted(name)}; groups: {', '.join(RELATION_GROUPS)}; "
                f"relations: {', '.join(sorted(GROUP_OF_RELATION))}"
            )
    return frozenset(chosen)


def find_node(graph: Any, text: str) -> str:
    """The node named by an id (gac-group, id:gac-group, chem:sulfide), a name or an alias."""
    for candidate in (text, f"id:{text}", f"chem:{text}"):
        if candidate in graph:
            return candidate
    wanted = text.casefold().strip()
    matches = sorted(
        node
        for node, data in graph.nodes(data=True)
        if wanted in {data["label"].casefold(), *(a.casefold() for a in data["aliases"])}
    )
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise KGError(f"{quoted(text)} names several nodes: {', '.join(matches)}; give one of these ids")
    names = sorted({data["label"] for _, data in graph.nodes(data=True)})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise KGError(f"no entity or concept named {quoted(text)} in the graph{hint}")


def select(graph: Any, selection: Selection) -> Any:
    """A new projection holding what `selection` keeps of `graph`."""
    import networkx as nx

    if selection.preset not in PRESETS:
        raise KGError(f"unknown preset {quoted(selection.preset)}; choose from {', '.join(PRESETS)}")
    if selection.depth < 0:
        raise KGError("--depth must be 0 or more")
    preset = PRESETS[selection.preset]
    allowed = preset.relations
    if selection.relations:
        requested = relation_names(selection.relations)
        allowed = requested if allowed is None else allowed & requested
        if not allowed:
            raise KGError(
                f"none of the relations {', '.join(selection.relations)} is part of the {preset.name} preset"
            )
    focus = find_node(graph, selection.focus) if selection.focus else None

    chosen = nx.MultiDiGraph(**copy.deepcopy(graph.graph))
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    edges = []
    for subject, obj, relation, data in graph.edges(keys=True, data=True):
        if allowed is not None and relation not in allowed:
            continue
        if kinds[subject] in preset.excluded_kinds or kinds[obj] in preset.excluded_kinds:
            continue
        if relation in preset.object_kinds and kinds[obj] not in preset.object_kinds[relation]:
            continue
        claims = _since(data["claims"], selection.since)
        if claims:
            edges.append((subject, obj, relation, {**copy.deepcopy(data), "claims": claims}))
    if selection.narrowed:
        keep = {e[0] for e in edges} | {e[1] for e in edges} | ({focus} if focus else set())
    else:
        keep = set(graph.nodes)
    for node, data in graph.nodes(data=True):  # in the projection's order: same input, same output
        if node in keep:
            data = copy.deepcopy(data)
            for facts in ("quantities", "milestones"):
                data[facts] = [
                    {**f, "claims": claims}
                    for f in data[facts]
                    if (claims := _since(f["claims"], selection.since))
                ]
            chosen.add_node(node, **data)
    for subject, obj, relation, data in edges:
        chosen.add_edge(subject, obj, key=relation, **data)
    if focus is not None:
        around = nx.ego_graph(chosen.to_undirected(as_view=True), focus, radius=selection.depth)
        chosen = chosen.subgraph(around.nodes).copy()
    mark_differences(chosen)
    chosen.graph["preset"] = preset.name
    chosen.graph["selection"] = describe(selection)
    return chosen


def describe(selection: Selection) -> str:
    """The selection in words, for the page's header."""
    parts = [PRESETS[selection.preset].title]
    if selection.relations:
        parts.append("relations: " + ", ".join(selection.relations))
    if selection.since is not None:
        parts.append(f"facts reported in {selection.since} or later, or undated")
    if selection.focus:
        parts.append(f"within {selection.depth} step(s) of {selection.focus}")
    return "; ".join(parts)


def _since(claims: list[dict], year: int | None) -> list[dict]:
    """Claims from articles dated `year` or later; an undated article's claims are kept."""
    if year is None:
        return list(claims)
    return [c for c in claims if c["year"] is None or c["year"] >= year]
