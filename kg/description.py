"""The graph's description of itself: a VoID summary of the asserted data, counted at build time.

Questions about the whole graph, such as how many facts each relation has and how many claims
state them (`kg query relation-counts`, `kg stats`), would otherwise read every claim: 0.3 s at a
million triples, where reading the description takes a few milliseconds. The description is
counted from the same N-Triples lines that are exported, so it cannot disagree with them, and it
travels with the export to any triplestore.

    graph:data a void:Dataset ;
        void:triples 1289 ;
        void:propertyPartition <.../graph/data-property-ssb-partnersWith> , ... .
    <.../graph/data-property-ssb-partnersWith>
        void:property ssb:partnersWith ;
        void:triples 12 ;          # direct triples: distinct facts
        ssb:claimCount 15 .        # claims stating them (a fact stated by two articles counts twice)

Only predicates that claims state get an `ssb:claimCount`. Every claimed fact is one direct
triple of the data graph, and the data graph holds no other triple with such a predicate
(kg/graph.py writes them from claims only), so a partition's `void:triples` is its number of
distinct facts; tests/test_description.py counts both from the claims files to check that.

Every node that a claimed relation links (as its subject or object) gets two counts, which
`kg query most-connected` ranks by: the distinct nodes such claims link it to, in either
direction, and the claims themselves. Claims of figures (ssb:hasQuantity) and dated steps
(ssb:hasMilestone) link a node to its own quantity or milestone, so they do not count.

    id:catl ssb:connectionCount 8 ;          # distinct partners, products, places, chemistries...
        ssb:connectionClaimCount 9 ;         # claims stating those links
        ssb:connectionRank 3 .               # its place when ordered by the two, highest first

The rank (ties by IRI) lets a page of `most-connected` be a sort on one stored number: sorting
5,000 companies on two counts and a name took 80 ms at a million triples, on the rank 20 ms.

Counted in the query from the claims, this read every claim four times: 0.5 s at a million
triples, growing with the claims rather than with the companies listed.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph as ox
from rdflib.namespace import RDF, VOID, XSD

from kg.namespaces import GRAPH, SSB, property_partition_iri

_STATEMENT_SLOTS = {f"<{RDF.subject}>": 0, f"<{RDF.predicate}>": 1, f"<{RDF.object}>": 2}
_CLAIM_TYPE = (f"<{RDF.type}>", f"<{SSB.Claim}> .")
_NOT_LINKS = {f"<{SSB.hasQuantity}>", f"<{SSB.hasMilestone}>"}


def describe(data: list[str]) -> list[str]:
    """The VoID description of the data graph given as N-Triples lines, as sorted N-Triples lines.

    Every line is `<subject> <predicate> object .`: the graph has no blank nodes and no IRI holds
    a space, so the predicate is the second space-separated field.
    """
    triples: Counter[str] = Counter()
    statements: dict[str, list[str]] = {}  # claim -> [subject, predicate, object]
    claim_nodes: set[str] = set()
    for line in data:
        subject, predicate, rest = line.split(" ", 2)
        triples[predicate] += 1
        slot = _STATEMENT_SLOTS.get(predicate)
        if slot is not None:
            statements.setdefault(subject, ["", "", ""])[slot] = rest[: -len(" .")]
        elif (predicate, rest) == _CLAIM_TYPE:
            claim_nodes.add(subject)
    claims = Counter(predicate for _, predicate, _ in statements.values())  # per predicate stated
    dataset = _iri(str(GRAPH.data))
    lines = [
        _line(dataset, RDF.type, _iri(str(VOID.Dataset))),
        _line(dataset, VOID.triples, _count(len(data))),
    ]
    for predicate, count in triples.items():
        iri = predicate[1:-1]
        partition = _iri(str(property_partition_iri(iri)))
        lines.append(_line(dataset, VOID.propertyPartition, partition))
        lines.append(_line(partition, VOID.property, predicate))
        lines.append(_line(partition, VOID.triples, _count(count)))
        if predicate in claims:
            lines.append(_line(partition, SSB.claimCount, _count(claims[predicate])))
    lines.extend(_connections(statements, claim_nodes))
    return sorted(lines)


def _connections(statements: dict[str, list[str]], claim_nodes: set[str]) -> list[str]:
    """Each linked node's ssb:connectionCount, ssb:connectionClaimCount and ssb:connectionRank."""
    others: defaultdict[str, set[str]] = defaultdict(set)
    stating: Counter[str] = Counter()
    for claim, (subject, predicate, obj) in statements.items():
        if claim not in claim_nodes or predicate in _NOT_LINKS:
            continue
        others[subject].add(obj)
        others[obj].add(subject)
        stating.update({subject, obj})  # a claim linking a node to itself counts once
    # a literal object is linked to, but has no counts of its own; ties by the IRI, without its <>
    linked_nodes = [node for node in others if node.startswith("<")]
    ranked = sorted(linked_nodes, key=lambda node: (-len(others[node]), -stating[node], node[1:-1]))
    lines = []
    for rank, node in enumerate(ranked, start=1):
        lines.append(_line(node, SSB.connectionCount, _count(len(others[node]))))
        lines.append(_line(node, SSB.connectionClaimCount, _count(stating[node])))
        lines.append(_line(node, SSB.connectionRank, _count(rank)))
    return lines


def _iri(value: str) -> str:
    return str(ox.NamedNode(value))


def _count(number: int) -> str:
    return str(ox.Literal(str(number), datatype=ox.NamedNode(str(XSD.integer))))


def _line(subject: str, predicate: str, obj: str) -> str:
    return f"{subject} {_iri(str(predicate))} {obj} ."
