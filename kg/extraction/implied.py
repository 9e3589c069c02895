"""Stage 4b: facts that follow from names and from the other facts of the same sentence.

Each is marked with its own rule (and `Implied` where the words do not say it outright):

    described-as           "the all-solid-state battery line" produces all-solid-state cells
    named-as               "Kongpeng All-Solid-State Battery" uses that chemistry
    part-of-in-name        "Institute of Physics at the Chinese Academy of Sciences" belongs to the academy
    supplier-of-vehicle-maker   the maker of a car powered by a company's cells is that company's customer
    affiliated-via-parent  a person of a unit works for the unit's parent
    country-of-issuer      a national body's policy applies in its country
    route-of-line          who runs a line making a chemistry bets on that chemistry
    government-of-place    a policy of a place with no issuer named is its government's
"""

from __future__ import annotations

from kg.extraction.entities import EntityMatcher, Mention
from kg.extraction.lexicon import EntityInfo, name_key
from kg.extraction.relations import FoundRelation, allowed


def chemistry_predicate(category: str) -> str:
    """How something named with a chemistry relates to it: a line produces it, a vehicle is powered
    by it, a product uses it (the conventions of data/README.md)."""
    return {"line": "produces", "vehicle": "poweredBy"}.get(category, "usesChemistry")


def described_facts(described: list[Mention], mentions: list[Mention]) -> list[dict]:
    """What a description says by itself: "the all-solid-state battery line" makes that chemistry."""
    facts = []
    for d in described:
        for m in mentions:
            if m.category == "chem" and d.start <= m.start and m.end <= d.end:
                predicate = chemistry_predicate(d.category)
                facts.append(
                    {"s": d.entity, "p": predicate, "o": m.entity, "confidence": 0.7, "rule": "described-as"}
                )
    return facts


def chemistry_in_names(matcher: EntityMatcher, text: str, mentions: list[Mention]) -> list[dict]:
    """A product or line whose name, as written, says its chemistry ("Kongpeng All-Solid-State Battery")."""
    facts = []
    for m in mentions:
        if m.category not in ("product", "line") or m.origin not in ("registry", "candidate"):
            continue
        surface = text[m.start : m.end]
        rest = surface[len(surface.split(" ", 1)[0]) :]  # less its first word, so it cannot match itself
        for inner in matcher.find(rest):
            if inner.category == "chem" and inner.entity != m.entity:
                predicate = chemistry_predicate(m.category)
                facts.append(
                    {"s": m.entity, "p": predicate, "o": inner.entity, "confidence": 0.7, "rule": "named-as"}
                )
    return facts


def organisations_in_names(
    matcher: EntityMatcher, text: str, mentions: list[Mention]
) -> tuple[list[dict], set[str]]:
    """An organisation named inside another's name, after "at the" or "of the", is its parent.

    Returns the facts and the organisations so named (they count as recognised).
    """
    facts, named = [], set()
    for m in mentions:
        if m.category != "org" or m.origin != "registry":
            continue
        surface = text[m.start : m.end]
        cut = max(surface.find(" at the "), surface.find(" of the "))
        if cut <= 0:
            continue
        for inner in matcher.find(surface[cut:]):
            if inner.category == "org" and inner.entity != m.entity:
                named.add(inner.entity)
                facts.append(
                    {
                        "s": m.entity,
                        "p": "subsidiaryOf",
                        "o": inner.entity,
                        "modality": "Implied",
                        "confidence": 0.55,
                        "rule": "part-of-in-name",
                    }
                )
    return facts, named


def implied_relations(
    found: list[FoundRelation],
    entities: dict[str, EntityInfo],
    makers: dict[str, str],
    governments: dict[str, str],
) -> list[FoundRelation]:
    """Relations that follow from the relations `found` in the same sentence."""
    out = []
    by: dict[str, list[FoundRelation]] = {}
    for r in found:
        by.setdefault(r.predicate, []).append(r)
    made_by = {r.object: r.subject for r in by.get("manufactures", [])}
    made_by.update({v: m for v, m in makers.items() if v not in made_by})
    sources = {r.object: r.subject for r in by.get("supplies", []) + by.get("develops", [])}
    for r in by.get("poweredBy", []):
        supplier, maker = sources.get(r.object), made_by.get(r.subject)
        if supplier and maker and supplier != maker:
            out.append(
                FoundRelation(supplier, "suppliesTo", maker, "supplier-of-vehicle-maker", 0.6, "Implied")
            )
    parents = {r.subject: r.object for r in by.get("subsidiaryOf", [])}
    for r in by.get("affiliatedWith", []):
        if r.object in parents:
            out.append(
                FoundRelation(
                    r.subject, "affiliatedWith", parents[r.object], "affiliated-via-parent", 0.55, "Implied"
                )
            )
    for r in by.get("issuedBy", []):
        country = entities[r.object].country if r.object in entities else None
        if country and not any(x.subject == r.subject for x in by.get("appliesIn", [])):
            out.append(FoundRelation(r.subject, "appliesIn", country, "country-of-issuer", 0.5, "Implied"))
    produced: dict[str, list[str]] = {}
    for r in by.get("produces", []):
        produced.setdefault(r.subject, []).append(r.object)
    for r in by.get("operates", []):
        for chem in produced.get(r.object, []):
            info = entities.get(chem)
            if info is not None and info.category == "chem" and info.chem_group != "material":
                out.append(FoundRelation(r.subject, "pursuesRoute", chem, "route-of-line", 0.5, "Implied"))
    issued = {r.subject for r in by.get("issuedBy", [])}
    for r in by.get("appliesIn", []):
        government = governments.get(r.object)
        if r.subject not in issued and government:
            out.append(
                FoundRelation(r.subject, "issuedBy", government, "government-of-place", 0.5, "Implied")
            )
    return [r for r in out if allowed(r, entities)]


def governments(entities: dict[str, EntityInfo], names: dict[str, list[str]]) -> dict[str, str]:
    """place id -> the government body that speaks for it.

    A body named after the place and called a government ("Guangdong Provincial Government",
    "Government of China") comes first; else the only government body of that country.
    """
    bodies = [e for e in entities.values() if "GovernmentBody" in e.types]
    governing = [e for e in bodies if "government" in e.name.lower() or "institutions" in e.name.lower()]
    chosen: dict[str, str] = {}
    for place in (e for e in entities.values() if e.category == "place"):
        keys = {f" {name_key(n)} " for n in names.get(place.id, [place.name])}
        named = [e for e in governing if any(k in f" {name_key(e.name)} " for k in keys)]
        if named:
            chosen[place.id] = sorted(named, key=lambda e: e.id)[0].id
    by_country: dict[str, list[EntityInfo]] = {}
    for e in bodies:
        if e.country:
            by_country.setdefault(e.country, []).append(e)
    for place, found in by_country.items():
        if place not in chosen and len(found) == 1:
            chosen[place] = found[0].id
    return chosen
