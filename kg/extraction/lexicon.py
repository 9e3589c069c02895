"""The names the extractor knows, and the one way names and text are compared.

Names come from the registry (`data/entities.yaml`: names and aliases), the chemistry scheme
(`ontology/chemistry.ttl`: skos:prefLabel and skos:altLabel), the merge decisions of review
(`data/decisions.yaml`: a name a reviewer said is another name of an entity), the candidates
awaiting review (`data/pending/entities.yaml`), and a short list of generic industry terms
below. Text and names are compared as sequences of word keys: lower case, punctuation ignored,
British and American spellings and the plural of a few common nouns folded together, so
"Co.,Ltd." meets "Co., Ltd." and "sulphide electrolytes" meets "sulfide electrolyte".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.registry import ORGANISATION_TYPES

# The category of an entity decides which relation patterns may use it.
ORG_TYPES = frozenset(ORGANISATION_TYPES)
CATEGORY_OF_TYPE = {
    **{t: "org" for t in ORG_TYPES},
    "Person": "person",
    "BatteryProduct": "product",
    "ProcessTechnology": "process",
    "ProductionLine": "line",
    "Vehicle": "vehicle",
    "Policy": "policy",
    "Place": "place",
    "Chemistry": "chem",
}

# Generic industry terms the scheme has no label for (what news copy calls the concepts).
GENERIC_TERMS: dict[str, str] = {
    "lithium-ion battery": "liquid-lithium-ion",
    "lithium-ion cell": "liquid-lithium-ion",
    "lithium-ion": "liquid-lithium-ion",
    "li-ion battery": "liquid-lithium-ion",
    "liquid battery": "liquid-lithium-ion",
    "liquid lithium battery": "liquid-lithium-ion",
    "liquid-electrolyte battery": "liquid-lithium-ion",
    "conventional battery": "liquid-lithium-ion",
    "solid-state cell": "solid-state",
    "solid-state pack": "solid-state",
    "solid-state technology": "solid-state",
    "solid-state battery technology": "solid-state",
    "all-solid-state cell": "all-solid-state",
    "all-solid-state pack": "all-solid-state",
    "all-solid-state lithium-ion battery": "all-solid-state",
    "semi-solid-state cell": "semi-solid",
    "semi-solid cell": "semi-solid",
    "semi-solid pack": "semi-solid",
    "semi-solid-state pack": "semi-solid",
    "semi-solid-state battery pack": "semi-solid",
    "semi-solid battery pack": "semi-solid",
    "quasi-solid cell": "quasi-solid",
    "fuel cell battery": "hydrogen-fuel-cell",
    "hydrogen fuel cell vehicle": "hydrogen-fuel-cell",
    "lithium metal": "lithium-metal-anode",
    "lithium-metal": "lithium-metal-anode",
    "sulfide solid-state battery": "sulfide",
    "sulfide solid-state electrolyte": "sulfide",
    "sulfide material": "sulfide",
    "oxide solid-state electrolyte": "oxide",
    "oxide solid-state battery": "oxide",
    "polymer solid-state battery": "polymer",
    "polymer solid-state electrolyte": "polymer",
    "halide solid-state electrolyte": "halide",
    "garnet": "llzo",
    "silicon anode": "silicon",
    "lithium carbonate": "lithium",
    "lithium hydroxide": "lithium",
}

_WORD = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")  # "4GWh" is two words, as "4 GWh" is
_SPELLING = {
    "sulphide": "sulfide",
    "sulphides": "sulfide",
    "sulphidic": "sulfidic",
    "sulphur": "sulfur",
    "aluminium": "aluminum",
    "licence": "license",
    "licences": "license",
    "licenced": "licensed",
    "licencing": "licensing",
    "programme": "program",
    "programmes": "program",
    "centre": "center",
    "centres": "center",
    "tonnes": "ton",
    "tonne": "ton",
    "tons": "ton",
    "kilometres": "kilometer",
    "kilometre": "kilometer",
    "kilometers": "kilometer",
    "litre": "liter",
    "litres": "liter",
    "fibre": "fiber",
    "batteries": "battery",
    "cells": "cell",
    "electrolytes": "electrolyte",
    "anodes": "anode",
    "cathodes": "cathode",
    "lines": "line",
    "materials": "material",
    "sulfides": "sulfide",
    "oxides": "oxide",
    "polymers": "polymer",
    "halides": "halide",
    "packs": "pack",
    "routes": "route",
    "vehicles": "vehicle",
    "plants": "plant",
    "facilities": "facility",
    "guidelines": "guideline",
    "subsidies": "subsidy",
    "grants": "grant",
    "solutions": "solution",
    "trends": "trend",
    "makers": "maker",
    "manufacturers": "manufacturer",
    "companies": "company",
    "modules": "module",
    "platforms": "platform",
    "systems": "system",
    "standards": "standard",
    "technologies": "technology",
    "processes": "process",
}


_KEYS: dict[str, str] = {}  # word -> key, filled as words are met (the vocabulary of news is small)


def word_key(word: str) -> str:
    """The comparison key of one word: lower case, American spelling, singular common noun."""
    key = _KEYS.get(word)
    if key is None:
        key = _KEYS[word] = _word_key(word)
    return key


def _word_key(word: str) -> str:
    word = word.lower()
    key = _SPELLING.get(word)
    if key is not None:
        return key
    if len(word) > 7 and ("isation" in word or "ising" in word or word.endswith(("ised", "ise"))):
        return word.replace("isation", "ization").replace("ising", "izing").replace("ised", "ized")
    return word


# An article's sentences are split into words for recognition, again with its candidates' names,
# and for the descriptions: the words of the last few texts are remembered (all forgotten now and
# then), which is more than the sentences of one article.
_RECENT_WORDS: dict[str, list[tuple[int, int, str]]] = {}
_RECENT_LIMIT = 256


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word of `text` (a list other callers share: do not change it)."""
    found = _RECENT_WORDS.get(text)
    if found is None:
        if len(_RECENT_WORDS) >= _RECENT_LIMIT:
            _RECENT_WORDS.clear()
        keys = _KEYS
        found = _RECENT_WORDS[text] = [
            (m.start(), m.end(), keys.get(w) or word_key(w))
            for m in _WORD.finditer(text)
            for w in (m.group(),)
        ]
    return found


def name_key(name: str) -> str:
    """The comparison key of a whole name: its word keys joined by single spaces."""
    return " ".join(word_key(m.group()) for m in _WORD.finditer(name))


def slug(name: str) -> str:
    """An id for a name: lower-case words joined by hyphens, ASCII only."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"


@dataclass(frozen=True)
class EntityInfo:
    """What the extractor knows of one entity: id, canonical name, classes, category."""

    id: str
    name: str
    types: tuple[str, ...]
    category: str
    chem_group: str | None = None  # electrolyte, architecture, material: for chemistry concepts
    country: str | None = None
    part_of: str | None = None
    pending: bool = False  # a candidate awaiting review, not in the registry yet


@dataclass(frozen=True)
class Name:
    """One way of writing an entity's name."""

    text: str
    entity: str
    origin: str  # registry, chemistry, term, merge, candidate
    exact_case: bool = False  # short acronyms ("US", "IRA") must match in their own case


@dataclass
class Lexicon:
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)

    def add_entity(self, info: EntityInfo, names: list[str], origin: str) -> None:
        self.entities.setdefault(info.id, info)
        for text in names:
            self.add_name(text, info.id, origin)

    def add_name(self, text: str, entity: str, origin: str) -> None:
        if not name_key(text):
            return
        letters = re.sub(r"[^A-Za-z]", "", text)
        exact = len(letters) <= 3 or (letters.isupper() and len(letters) <= 5)
        self.names.append(Name(text, entity, origin, exact))

    def category(self, entity: str) -> str:
        info = self.entities.get(entity)
        return info.category if info else "unknown"


def category_of(types: tuple[str, ...]) -> str:
    for t in types:
        if t in ORG_TYPES:
            return "org"
    return CATEGORY_OF_TYPE.get(types[0], "unknown") if types else "unknown"


def build_lexicon(
    registry: dict,
    ontology_dir: Path,
    merges: dict[str, str] | None = None,
    candidates: list[dict] | None = None,
) -> Lexicon:
    """The lexicon of a project: registry, chemistry scheme, merges and pending candidates."""
    lexicon = Lexicon()
    for entity in registry.values():
        info = EntityInfo(
            entity.id,
            entity.name,
            tuple(entity.types),
            category_of(tuple(entity.types)),
            country=entity.country,
            part_of=entity.part_of,
        )
        lexicon.add_entity(info, [entity.name, *entity.aliases], "registry")
    for concept, (label, alt_labels, group) in chemistry_labels(ontology_dir).items():
        info = EntityInfo(concept, label, ("Chemistry",), "chem", chem_group=group)
        lexicon.add_entity(info, [label, *alt_labels], "chemistry")
    for term, concept in GENERIC_TERMS.items():
        if concept in lexicon.entities:
            lexicon.add_name(term, concept, "term")
    for name, entity in (merges or {}).items():
        if entity in lexicon.entities:
            lexicon.add_name(name, entity, "merge")
    for record in candidates or ():
        if record["id"] in lexicon.entities:
            continue
        types = tuple(record.get("types") or ("Company",))
        info = EntityInfo(record["id"], record["name"], types, category_of(types), pending=True)
        lexicon.add_entity(info, [record["name"], *(record.get("aliases") or ())], "candidate")
    return lexicon


def chemistry_labels(ontology_dir: Path) -> dict[str, tuple[str, list[str], str | None]]:
    """concept id -> (prefLabel, altLabels, group) from the chemistry scheme."""
    from rdflib import Graph
    from rdflib.namespace import SKOS

    from kg.namespaces import CHEM

    graph = Graph()
    graph.parse(ontology_dir / "chemistry.ttl", format="turtle")
    prefix = str(CHEM)
    concepts: dict[str, tuple[str, list[str], str | None]] = {}
    for concept in set(graph.subjects(SKOS.prefLabel, None)):
        if not str(concept).startswith(prefix) or str(concept) == prefix + "scheme":
            continue
        local = str(concept)[len(prefix) :]
        label = str(graph.value(concept, SKOS.prefLabel))
        alts = sorted(str(a) for a in graph.objects(concept, SKOS.altLabel))
        top = concept
        while graph.value(top, SKOS.broader) is not None:
            top = graph.value(top, SKOS.broader)
        group = {
            "solid-electrolyte": "electrolyte",
            "cell-architecture": "architecture",
            "electrode-material": "material",
            "raw-material": "material",
        }.get(str(top)[len(prefix) :], "architecture")
        concepts[local] = (label, alts, group)
    return dict(sorted(concepts.items()))
