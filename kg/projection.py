"""The networkx projection of the built graph that the view and the graph exports draw.

It reads the built graph (`exports/ssb-kg.ttl`, never `data/`) with pyoxigraph and the SPARQL in
`kg/projection_queries/`. Nodes are the registry entities and chemistry concepts that take part
in a fact; edges are the claim-backed relations between them, one per (subject, relation,
object), keyed by relation in a MultiDiGraph. Every edge carries each claim that states it
(article, sentence, span, modality, attribution); every node carries its kind, roles, country,
chemistry routes, aliases, and its figures and dated steps with their claims. All attributes are
plain data (str, int, list, dict), so every consumer reads the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.namespaces import CHEM, ID, SOURCE, SSB

QUERIES_DIR = Path(__file__).parent / "projection_queries"

# A node's roles are the kinds of all its classes, most specific first; its kind (which sets its
# colour and shape) is the first. A miner that also makes cells is drawn as a miner.
ROLE_OF_CLASS: dict[str, str] = {
    "MiningCompany": "miner",
    "MaterialSupplier": "material-supplier",
    "EquipmentMaker": "equipment-maker",
    "Automaker": "automaker",
    "BatteryMaker": "battery-maker",
    "ResearchInstitute": "research",
    "GovernmentBody": "government",
    "Consortium": "consortium",
    "Company": "company",
    "Person": "person",
    "BatteryProduct": "battery-product",
    "ProcessTechnology": "process",
    "ProductionLine": "production-line",
    "Vehicle": "vehicle",
    "Policy": "policy",
    "Place": "place",
    "Chemistry": "chemistry",
}
RAW_MATERIAL = "raw-material"  # the kind of chemistry concepts under chem:raw-material

RELATION_GROUPS: dict[str, tuple[str, ...]] = {
    "partnership": (
        "partnersWith",
        "coDevelopsWith",
        "jointVentureOf",
        "investsIn",
        "licensesTo",
        "subsidiaryOf",
        "memberOf",
        "participatesIn",
        "affiliatedWith",
    ),
    "supply": ("suppliesTo", "supplies"),
    "chemistry": (
        "pursuesRoute",
        "usesChemistry",
        "usesProcess",
        "develops",
        "requiresMaterial",
        "complements",
    ),
    "production": ("operates", "produces", "locatedIn"),
    "vehicle": ("manufactures", "poweredBy"),
    "policy": ("issuedBy", "appliesIn", "supports"),
}
GROUP_OF_RELATION = {r: g for g, relations in RELATION_GROUPS.items() for r in relations}

# Relations through which a node takes a side in the chemistry race (its "routes").
_ROUTE_RELATIONS = frozenset(
    {"pursuesRoute", "usesChemistry", "produces", "poweredBy", "develops", "supports", "investsIn"}
)
# Relations to a place that give a node without a registry country its country.
_PLACE_RELATIONS = frozenset({"locatedIn", "appliesIn"})


def compact(iri: str) -> str:
    """'https://w3id.org/ssb-kg/id/toyota' -> 'id:toyota' (also chem:, ssb:, source:)."""
    for prefix, namespace in (
        ("id", str(ID)),
        ("chem", str(CHEM)),
        ("ssb", str(SSB._NS)),
        ("source", str(SOURCE)),
    ):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def load_projection(turtle: Path) -> Any:
    """The projection (a networkx MultiDiGraph) of the graph built at `turtle`."""
    from kg.engine import open_graph

    return project_store(open_graph(turtle))


def load_built_projection(project: Any) -> Any:
    """The projection of a project's built graph, from its query store (kg/store.py)."""
    from kg.store import open_store

    return project_store(open_store(project))


def project_store(store: Any) -> Any:
    """The projection of a pyoxigraph store holding a built graph."""
    import networkx as nx

    rows = {path.stem: _rows(store, path) for path in sorted(QUERIES_DIR.glob("*.rq"))}
    terms = {
        compact(r["term"]): {"label": r["label"], "definition": r.get("definition")} for r in rows["terms"]
    }
    articles = {_article_id(r["article"]): _article(r) for r in rows["articles"]}
    labels = {compact(r["node"]): r["label"] for r in rows["entities"]}

    graph = nx.MultiDiGraph(articles=articles, terms=terms)
    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in rows["relations"]:
        key = (compact(r["subject"]), compact(r["relation"])[4:], compact(r["object"]))
        edges[key].append(_claim(r, labels, articles))
    facts: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"quantities": [], "milestones": []})
    for subject, quantity in _group_facts(rows["quantities"], "quantity", labels, articles, terms):
        facts[subject]["quantities"].append(quantity)
    for subject, milestone in _group_facts(rows["milestones"], "milestone", labels, articles, terms):
        facts[subject]["milestones"].append(milestone)

    entities = _entities(rows["entities"])
    members = {s for s, _, o in edges} | {o for _, _, o in edges} | set(facts)
    for node in sorted(members & set(entities)):
        info = entities[node]
        graph.add_node(
            node,
            label=info["label"],
            roles=info["roles"],
            kind=info["roles"][0],
            country=None,
            routes=[],
            aliases=[],
            quantities=facts[node]["quantities"] if node in facts else [],
            milestones=facts[node]["milestones"] if node in facts else [],
        )
    for (subject, relation, obj), claims in sorted(edges.items()):
        if subject in graph and obj in graph:
            graph.add_edge(
                subject,
                obj,
                key=relation,
                relation=relation,
                group=GROUP_OF_RELATION.get(relation, "other"),
                claims=claims,
            )
    _add_aliases(graph, rows["aliases"])
    _add_chemistry(graph, rows["chemistry"], labels)
    _add_countries(graph, rows["places"], entities, labels)
    mark_differences(graph)
    return graph


# --- reading query results


def _rows(store: Any, path: Path) -> list[dict[str, Any]]:
    from kg.engine import select

    table = select(store, path.read_text(encoding="utf-8"))
    return [
        {c: _value(v) for c, v in zip(table.columns, row, strict=True) if v is not None} for row in table.rows
    ]


def _value(term: Any) -> Any:
    """A term as plain data: IRIs as strings, integers and decimals as numbers, the rest as text."""
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith("#integer"):
            return int(term.value)
        return term.value
    return term.value


def _article_id(iri: str) -> str:
    return compact(iri).removeprefix("source:")


def _article(row: dict[str, Any]) -> dict[str, Any]:
    date = row.get("date")
    return {
        "id": _article_id(row["article"]),
        "title": row.get("title"),
        "publisher": row.get("publisher"),
        "date": date,
        "year": int(date[:4]) if date else None,
        "url": row.get("url"),
        "file": row.get("file"),
        "date_note": row.get("dateNote"),
    }


def _claim(row: dict[str, Any], labels: dict[str, str], articles: dict[str, dict]) -> dict[str, Any]:
    article = _article_id(row["article"])
    by = compact(row["by"]) if "by" in row else None
    return {
        "claim": row["claim"].rsplit("/", 1)[-1],
        "article": article,
        "year": articles.get(article, {}).get("year"),
        "sentence": row["sentence"],
        "start": row.get("start"),
        "end": row.get("end"),
        "modality": compact(row.get("modality", "")).removeprefix("ssb:") or None,
        "method": compact(row.get("method", "")).removeprefix("ssb:") or None,
        "by": labels.get(by, by) if by else None,
        "note": row.get("note"),
    }


def _group_facts(
    rows: list[dict], kind: str, labels: dict[str, str], articles: dict[str, dict], terms: dict[str, dict]
) -> Iterable[tuple[str, dict[str, Any]]]:
    """One fact per quantity or milestone node, with all its claims, in query order."""
    facts: dict[str, dict[str, Any]] = {}
    subjects: dict[str, str] = {}
    for r in rows:
        node = r[kind]
        if node not in facts:
            subjects[node] = compact(r["subject"])
            facts[node] = _fact(r, kind, terms, labels)
        facts[node]["claims"].append(_claim(r, labels, articles))
    for node, fact in facts.items():
        yield subjects[node], fact


def _fact(row: dict[str, Any], kind: str, terms: dict[str, dict], labels: dict[str, str]) -> dict[str, Any]:
    kind_term = compact(row["kind"])
    fact: dict[str, Any] = {
        "kind": kind_term.removeprefix("ssb:"),
        "kind_label": terms.get(kind_term, {}).get("label", kind_term),
        "label": row["label"],
        "claims": [],
    }
    if kind == "quantity":
        fact.update(unit=row.get("unit"), year=row.get("year"))
    else:
        status = compact(row["status"])
        fact.update(
            status=status.removeprefix("ssb:"),
            status_label=terms.get(status, {}).get("label", status),
            start_year=row.get("startYear"),
            end_year=row.get("endYear"),
            date=row.get("date"),
            concerns=compact(row["concerns"]) if "concerns" in row else None,
        )
        fact["concerns_label"] = labels.get(fact["concerns"], fact["concerns"]) if fact["concerns"] else None
    return fact


# --- node attributes


def _entities(rows: list[dict]) -> dict[str, dict[str, Any]]:
    order = list(ROLE_OF_CLASS)
    found: dict[str, dict[str, Any]] = {}
    for r in rows:
        node = compact(r["node"])
        entry = found.setdefault(node, {"label": r["label"], "classes": set(), "country_iri": None})
        if "country" in r:
            entry["country_iri"] = compact(r["country"])
        entry["classes"].add(compact(r["class"]).removeprefix("ssb:"))
    for entry in found.values():
        classes = sorted(entry.pop("classes"), key=order.index)
        if len(classes) > 1 and "Company" in classes:
            classes.remove("Company")  # a role says more than the bare class
        entry["roles"] = [ROLE_OF_CLASS[c] for c in classes]
    return found


def _add_aliases(graph: Any, rows: list[dict]) -> None:
    for r in rows:
        node = compact(r["node"])
        if node in graph and r["alias"] not in graph.nodes[node]["aliases"]:
            graph.nodes[node]["aliases"].append(r["alias"])


def _add_chemistry(graph: Any, rows: list[dict], labels: dict[str, str]) -> None:
    """Kinds of chemistry nodes (raw material or not) and every node's chemistry routes.

    A node's routes are the concepts it pursues, uses, produces, is powered by, develops,
    supports or funds, with their broader concepts below the scheme's top (so a company on LLZO
    is on the oxide route too). Raw materials are supplies, not routes.
    """
    broader: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if "broader" in r:
            broader[compact(r["concept"])].append(compact(r["broader"]))

    def lineage(concept: str) -> list[str]:
        seen, todo = [], [concept]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.append(current)
                todo.extend(broader.get(current, []))
        return seen

    raw = f"chem:{RAW_MATERIAL}"

    def routes_of(concept: str) -> set[str]:
        line = lineage(concept)
        if raw in line:
            return set()
        return {concept} | {c for c in line[1:] if broader.get(c)}

    for node, data in graph.nodes(data=True):
        if data["kind"] == "chemistry" and raw in lineage(node):
            data["kind"] = data["roles"][0] = RAW_MATERIAL
    for node, data in graph.nodes(data=True):
        routes: set[str] = routes_of(node) if data["kind"] == "chemistry" else set()
        for _, obj, relation in graph.out_edges(node, keys=True):
            if relation in _ROUTE_RELATIONS and obj.startswith("chem:"):
                routes |= routes_of(obj)
        data["routes"] = sorted(labels.get(r, r) for r in routes)


def _add_countries(
    graph: Any, rows: list[dict], entities: dict[str, dict[str, Any]], labels: dict[str, str]
) -> None:
    """Each node's country: the registry's, else (for a place) the coded place it lies in, else
    the country of the place it is located in or applies in."""
    places = {compact(r["place"]): r for r in rows}

    def country_of_place(place: str) -> str:
        seen = set()
        while place in places and "code" not in places[place] and "partOf" in places[place]:
            if place in seen:
                break
            seen.add(place)
            place = compact(places[place]["partOf"])
        return place

    for node, data in graph.nodes(data=True):
        country = entities[node]["country_iri"]
        if country is None and data["kind"] == "place":
            country = country_of_place(node)
        if country is None:
            targets = sorted(o for _, o, r in graph.out_edges(node, keys=True) if r in _PLACE_RELATIONS)
            country = country_of_place(targets[0]) if targets else None
        data["country"] = labels.get(country, country) if country else None


def mark_differences(graph: Any) -> None:
    """Flag figures and dated steps that other statements about the same thing contradict.

    Figures differ when one subject has several values of one kind, unit and reference year.
    Dated steps differ when one subject has several dates or statuses for one kind of step about
    the same thing; undated steps describe the current state, so they differ when their statuses
    do. A node with such facts has `differs` set, and each such fact its `differs`.
    """
    for _, data in graph.nodes(data=True):
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for q in data["quantities"]:
            groups[("q", q["kind"], q["unit"], q["year"])].append(q)
        for m in data["milestones"]:
            dated = m["start_year"] is not None or m["date"] is not None
            key = ("m", m["kind"], m["concerns"]) if dated else ("now", m["concerns"])
            groups[key].append(m)
        differs = False
        for key, facts in groups.items():
            if key[0] == "q":
                values = {f["label"] for f in facts}
            else:
                values = {(f["start_year"], f["end_year"], f["date"], f["status"]) for f in facts}
                if key[0] == "now":
                    values = {f["status"] for f in facts}
            for fact in facts:
                fact["differs"] = len(values) > 1
            differs = differs or len(values) > 1
        data["differs"] = differs
