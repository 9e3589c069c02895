"""How the view draws each kind of node and each relation: one table, read by the canvas and the legend.

Companies are dots coloured by role; things of the industry have shapes of their own. Edge
colours follow the relation's family (partnership purple, supply orange, chemistry green,
production brown, vehicles blue, funding gold, policy red). Arrows follow the flow of goods
where there is one (supplier to customer, material to what needs it, cell to the vehicle it
powers, maker to vehicle), else they point from subject to object; symmetric relations have none.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    label: str
    color: str
    shape: str  # a vis-network shape whose label sits outside it
    level: int  # column in the supply-chain layout, from raw material (left) to vehicle (right)


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    dashes: tuple[int, ...] = ()
    arrow: str = "to"  # "to": at the object; "from": at the subject (flow runs object -> subject); "": none
    width: float = 1.5
    note: str = ""  # what the arrow means, where that is not obvious


NODE_STYLES: dict[str, NodeStyle] = {
    "automaker": NodeStyle("automaker", "#1f77b4", "dot", 5),
    "battery-maker": NodeStyle("battery maker", "#ff7f0e", "dot", 3),
    "material-supplier": NodeStyle("material supplier", "#a0522d", "dot", 0),
    "miner": NodeStyle("miner", "#5b3a1e", "dot", 0),
    "equipment-maker": NodeStyle("equipment maker", "#7f7f7f", "dot", 3),
    "research": NodeStyle("research institute", "#17becf", "dot", 3),
    "government": NodeStyle("government body", "#d62728", "dot", 3),
    "consortium": NodeStyle("consortium", "#9467bd", "dot", 3),
    "company": NodeStyle("company", "#aec7e8", "dot", 3),
    "person": NodeStyle("person", "#e377c2", "dot", 3),
    "chemistry": NodeStyle("chemistry", "#2ca02c", "hexagon", 2),
    "raw-material": NodeStyle("raw material", "#bcbd22", "hexagon", 1),
    "process": NodeStyle("process technology", "#98df8a", "star", 2),
    "battery-product": NodeStyle("battery or cell", "#ffbb78", "triangleDown", 4),
    "production-line": NodeStyle("production line", "#8c6d31", "square", 4),
    "vehicle": NodeStyle("vehicle", "#393b79", "triangle", 6),
    "policy": NodeStyle("policy", "#ff9896", "diamond", 3),
    "place": NodeStyle("place", "#c7c7c7", "dot", 3),
}

_PARTNER, _PARTNER_LIGHT = "#7b4fa6", "#a58cc4"
EDGE_STYLES: dict[str, EdgeStyle] = {
    "partnersWith": EdgeStyle(_PARTNER, arrow="", width=2.5),
    "coDevelopsWith": EdgeStyle(_PARTNER, arrow="", width=3),
    "jointVentureOf": EdgeStyle(_PARTNER, (8, 4), width=2.5, note="joint venture → parent"),
    "licensesTo": EdgeStyle(_PARTNER, (2, 3), note="licensor → licensee"),
    "subsidiaryOf": EdgeStyle(_PARTNER_LIGHT, note="subsidiary → parent"),
    "memberOf": EdgeStyle(_PARTNER_LIGHT, (4, 3)),
    "participatesIn": EdgeStyle(_PARTNER_LIGHT, (4, 3)),
    "affiliatedWith": EdgeStyle("#c5b0d5", (2, 3), width=1),
    "investsIn": EdgeStyle("#c9a400", (3, 3), width=2, note="investor → what it funds"),
    "suppliesTo": EdgeStyle("#e6550d", width=3, note="supplier → customer"),
    "supplies": EdgeStyle("#fd8d3c", width=2, note="supplier → what it supplies"),
    "requiresMaterial": EdgeStyle("#fdae6b", (6, 3), arrow="from", note="material → what needs it"),
    "pursuesRoute": EdgeStyle("#2ca02c", (6, 4), note="company → chemistry it bets on"),
    "usesChemistry": EdgeStyle("#74c476", (6, 4), arrow="from", width=1.2, note="chemistry → what uses it"),
    "complements": EdgeStyle("#74c476", (2, 3), arrow="", width=1),
    "develops": EdgeStyle("#17becf", note="developer → what it develops"),
    "usesProcess": EdgeStyle("#9edae5", (4, 3), width=1),
    "operates": EdgeStyle("#8c6d31", width=2, note="operator → line"),
    "produces": EdgeStyle("#bd9e39", note="line → what it makes"),
    "locatedIn": EdgeStyle("#bdbdbd", (2, 3), width=1),
    "manufactures": EdgeStyle("#1f77b4", width=2.5, note="automaker → vehicle"),
    "poweredBy": EdgeStyle("#393b79", (6, 3), arrow="from", width=2, note="battery → vehicle it powers"),
    "issuedBy": EdgeStyle("#d62728", arrow="from", width=1.2, note="government → policy it issues"),
    "appliesIn": EdgeStyle("#bdbdbd", (2, 3), width=1),
    "supports": EdgeStyle("#e7ba52", (3, 3), note="policy → what it supports or funds"),
}
OTHER_EDGE = EdgeStyle("#999999")

DIFFERS_BORDER = "#d62728"  # the border of a node some of whose facts other statements contradict


def node_style(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, NODE_STYLES["company"])


def edge_style(relation: str) -> EdgeStyle:
    return EDGE_STYLES.get(relation, OTHER_EDGE)
