"""Stage 4: relations between the entities of a sentence, by sentence-level patterns.

Each mention in the sentence is replaced by a typed placeholder (`⟨ORG3⟩`, `⟨CHEM5⟩`...), and
the patterns of relation_rules/, regular expressions over that masked sentence, say which
placeholders stand in which relation. A pattern names its arguments by type, so "Acme will
supply cells to Beta" and "Beta will source cells from Acme" give the same direction
(Acme suppliesTo Beta). Every relation found is checked against what the ontology allows for
its subject and object (a line is operated by an organisation, a vehicle is powered by a
product or a chemistry...), so an accepted claim never breaks the SHACL shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.entities import Mention
from kg.extraction.lexicon import EntityInfo
from kg.extraction.relation_rules import Rule, rules_for

CODES = {
    "org": "ORG",
    "person": "PER",
    "product": "PROD",
    "process": "PROC",
    "line": "LINE",
    "vehicle": "VEH",
    "policy": "POL",
    "place": "PLACE",
    "chem": "CHEM",
}
_PLACEHOLDER = re.compile(r"⟨([A-Z]+)(\d+)⟩")

# What each relation may link (categories; ORG roles checked separately), after the ontology.
ALLOWED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "partnersWith": (frozenset({"org"}), frozenset({"org"})),
    "coDevelopsWith": (frozenset({"org"}), frozenset({"org"})),
    "jointVentureOf": (frozenset({"org"}), frozenset({"org"})),
    "investsIn": (frozenset({"org"}), frozenset({"org", "line", "chem", "process"})),
    "licensesTo": (frozenset({"org"}), frozenset({"org"})),
    "subsidiaryOf": (frozenset({"org"}), frozenset({"org"})),
    "memberOf": (frozenset({"org"}), frozenset({"org"})),
    "participatesIn": (frozenset({"org"}), frozenset({"line", "policy", "org"})),
    "affiliatedWith": (frozenset({"person"}), frozenset({"org"})),
    "suppliesTo": (frozenset({"org"}), frozenset({"org"})),
    "supplies": (frozenset({"org"}), frozenset({"chem", "product"})),
    "pursuesRoute": (frozenset({"org"}), frozenset({"chem"})),
    # the ontology also lets a vehicle use a chemistry; our convention says poweredBy (data/README.md)
    "usesChemistry": (frozenset({"product", "line"}), frozenset({"chem"})),
    "usesProcess": (frozenset({"line", "product", "org"}), frozenset({"process"})),
    "develops": (frozenset({"org"}), frozenset({"product", "process", "vehicle", "chem"})),
    "operates": (frozenset({"org"}), frozenset({"line"})),
    "produces": (frozenset({"line"}), frozenset({"product", "chem"})),
    "locatedIn": (frozenset({"line", "org"}), frozenset({"place"})),
    "manufactures": (frozenset({"org"}), frozenset({"vehicle"})),
    "poweredBy": (frozenset({"vehicle"}), frozenset({"product", "chem"})),
    "issuedBy": (frozenset({"policy"}), frozenset({"org"})),
    "appliesIn": (frozenset({"policy"}), frozenset({"place"})),
    "supports": (frozenset({"policy"}), frozenset({"chem", "org", "process", "product"})),
    "requiresMaterial": (frozenset({"chem", "product", "process"}), frozenset({"chem"})),
    "complements": (frozenset({"chem"}), frozenset({"chem"})),
}
SYMMETRIC = frozenset({"partnersWith", "coDevelopsWith", "complements"})
_NO_VEHICLES = frozenset({"MiningCompany", "EquipmentMaker", "ResearchInstitute", "GovernmentBody"})


@dataclass(frozen=True)
class FoundRelation:
    subject: str
    predicate: str
    object: str
    rule: str
    confidence: float
    modality: str = "Explicit"


def mask(text: str, mentions: list[Mention]) -> tuple[str, list[str]]:
    """The sentence with each mention replaced by a typed placeholder; and the placeholders' ids."""
    parts: list[str] = []
    ids: list[str] = []
    last = 0
    for mention in mentions:
        parts.append(text[last : mention.start])
        code = CODES.get(mention.category, "X")
        rendered = []
        for entity in mention.entity.split("+"):  # "both companies" stands for two
            rendered.append(f"⟨{code}{len(ids)}⟩")
            ids.append(entity)
        parts.append(" and ".join(rendered))
        if mention.origin == "anaphor" and text[mention.start : mention.end] in ("Its", "its"):
            parts.append("'s")
        last = mention.end
    parts.append(text[last:])
    return "".join(parts), ids


def find_relations(
    text: str, mentions: list[Mention], entities: dict[str, EntityInfo], context: dict[str, str] | None = None
) -> list[FoundRelation]:
    """Relations stated by one sentence, type-checked, without duplicates."""
    masked, ids = mask(text, mentions)
    context = context or {}
    found: dict[tuple[str, str, str], FoundRelation] = {}
    present = frozenset(CODES.get(m.category, "X") for m in mentions)
    # the sentence again without its appositions ("A, the parent company of B, has made ..."),
    # so that what follows an apposition is read as said of the organisation before it
    plain = _APPOSITION.sub(r"\1", masked)
    for text_ in (masked, plain) if plain != masked else (masked,):
        for rule in rules_for(present):
            if not rule.has_words(text_):
                continue  # the sentence lacks a word the rule needs: it cannot match
            for match in rule.pattern.finditer(text_):
                if _possessed_subject(rule, match, text_):
                    continue
                for relation in _apply(rule, match, ids, context):
                    if allowed(relation, entities):
                        key = _key(relation)
                        if key not in found or found[key].confidence < relation.confidence:
                            found[key] = relation
    return sorted(found.values(), key=lambda r: (r.subject, r.predicate, r.object))


_APPOSITION = re.compile(r"(⟨ORG\d+⟩)\.?, (?:the|a|an|its) [^,⟨⟩]{0,50}?⟨[A-Z]+\d+⟩[^,⟨⟩]{0,20},")


def _possessed_subject(rule: Rule, match: re.Match[str], masked: str) -> bool:
    """ "Bollore's battery arm sticks with polymers": Bollore is not who sticks with them."""
    if "possessive" in rule.name or "s" not in match.re.groupindex or match.group("s") is None:
        return False
    return masked[match.end("s") : match.end("s") + 2] == "'s"


def _apply(rule: Rule, match: re.Match[str], ids: list[str], context: dict[str, str]) -> list[FoundRelation]:
    groups = {name: _ids(match.group(name), ids) for name in match.re.groupindex if match.group(name)}
    if "subject_context" in rule.needs:
        subject = context.get("subject")
        if not subject:
            return []
        groups["subject"] = [subject]
    out = []
    for predicate, s_group, o_group, modality, confidence in rule.emits:
        for s in groups.get(s_group, []):
            for o in groups.get(o_group, []):
                if s != o:
                    out.append(FoundRelation(s, predicate, o, rule.name, confidence, modality))
    return out


def _ids(fragment: str, ids: list[str]) -> list[str]:
    return [ids[int(number)] for _, number in _PLACEHOLDER.findall(fragment)]


def allowed(relation: FoundRelation, entities: dict[str, EntityInfo]) -> bool:
    subject, obj = entities.get(relation.subject), entities.get(relation.object)
    if subject is None or obj is None:
        return False
    subjects, objects = ALLOWED[relation.predicate]
    if subject.category not in subjects or obj.category not in objects:
        return False
    p = relation.predicate
    if p == "manufactures" and set(subject.types) & _NO_VEHICLES:
        return False
    if p == "develops" and "EquipmentMaker" in subject.types and obj.category != "process":
        return False
    if p == "memberOf" and "Consortium" not in obj.types:
        return False
    if p == "participatesIn" and obj.category == "org" and "Consortium" not in obj.types:
        return False
    if p == "issuedBy" and "GovernmentBody" not in obj.types:
        return False
    if p in ("supplies", "pursuesRoute") and obj.category == "chem" and obj.id in ("cell-architecture",):
        return False
    if p == "supplies" and obj.category == "chem" and obj.chem_group == "architecture":
        return False  # a battery maker makes cells; "supplies" is for materials
    # a material does not require the technology that uses it
    return not (p == "requiresMaterial" and subject.category == "chem" and subject.chem_group == "material")


def _key(relation: FoundRelation) -> tuple[str, str, str]:
    if relation.predicate in SYMMETRIC:
        a, b = sorted((relation.subject, relation.object))
        return (a, relation.predicate, b)
    return (relation.subject, relation.predicate, relation.object)


def structural_relations(
    text: str, mentions: list[Mention], entities: dict[str, EntityInfo], makers: dict[str, str]
) -> list[FoundRelation]:
    """Relations that follow from names rather than wording: a vehicle named after its maker
    ("Dongfeng E70" is made by Dongfeng)."""
    found = []
    for mention in mentions:
        if mention.category == "vehicle" and mention.entity in makers:
            found.append(
                FoundRelation(
                    makers[mention.entity],
                    "manufactures",
                    mention.entity,
                    "maker-in-model-name",
                    0.7,
                    "Implied",
                )
            )
    return [r for r in found if allowed(r, entities)]


def vehicle_makers(entities: dict[str, EntityInfo], names: dict[str, list[str]]) -> dict[str, str]:
    """vehicle id -> maker id, for vehicles whose name starts with a carmaker's name or alias."""
    from kg.extraction.lexicon import name_key

    makers: dict[str, str] = {}
    prefixes = [
        (name_key(n), e.id)
        for e in entities.values()
        if "Automaker" in e.types
        for n in names.get(e.id, [e.name])
    ]
    prefixes.sort(key=lambda p: -len(p[0]))
    for e in entities.values():
        if e.category != "vehicle":
            continue
        key = name_key(e.name)
        for prefix, maker in prefixes:
            if prefix and key.startswith(prefix + " "):
                makers[e.id] = maker
                break
    return makers
